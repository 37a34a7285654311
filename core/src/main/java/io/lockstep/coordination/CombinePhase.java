package io.lockstep.coordination;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;

import java.util.List;

/**
 * The combine phase of {@link CoordinationDetector}: the signals' edges summed into one undirected weighted account
 * graph. A pair's weight is the sum of its edges' weights over all signals; pairs whose sum is not positive or is
 * below {@link CoordinationParams.ClusterParams#minEdgeWeight()} are left out.
 *
 * <p>Cost: O(edges) expected time (one hash probe per edge) and O(pairs) memory, then the graph build.
 * Deterministic: the graph depends only on the edge list (its order included, through the hash map's iteration).
 */
final class CombinePhase {
    private CombinePhase() {
    }

    static CompactGraph run(int accountCount, List<CoordinationEdge> edges, double minEdgeWeight) {
        Long2DoubleOpenHashMap combined = new Long2DoubleOpenHashMap();
        for (CoordinationEdge e : edges) {
            combined.addTo(e.pairKey(), e.weight());
        }
        CompactGraphBuilder builder = new CompactGraphBuilder(accountCount);
        for (var entry : combined.long2DoubleEntrySet()) {
            double w = entry.getDoubleValue();
            if (w > 0 && w >= minEdgeWeight) {
                long pair = entry.getLongKey();
                builder.addEdge((int) (pair >>> 32), (int) pair, w);
            }
        }
        return builder.build();
    }
}
