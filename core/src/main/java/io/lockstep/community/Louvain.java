package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Louvain method for modularity optimisation.
 *
 * <p>V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, Fast unfolding of communities in large networks,
 * J. Stat. Mech. (2008) P10008, <a href="https://doi.org/10.1088/1742-5468/2008/10/P10008">doi:10.1088/1742-5468/2008/10/P10008</a>.
 *
 * <p>Each level moves vertices between communities until no move raises modularity ({@link LocalMovePhase}, here
 * with the queue-based sweep that Leiden introduced, which reaches the same local optimum condition faster), then
 * aggregates each community into one vertex ({@link GraphAggregationPhase}). It stops when a level merges nothing or
 * after {@code maxLevels}. Unlike {@link Leiden}, communities may end up internally disconnected.
 *
 * <p>Cost: O(m) per pass, a few passes per level and a few levels in practice. Deterministic for a given seed.
 */
public final class Louvain extends Controlled<LouvainParams> {
    public Louvain(LouvainParams params) {
        super(params);
    }

    public Louvain(LouvainParams params, ProgressListener progress, TerminationFlag termination) {
        super(params, progress, termination);
    }

    @Override
    CommunityResult run(CompactGraph graph) {
        int n = graph.nodeCount();
        int[] membership = new int[n];
        for (int v = 0; v < n; v++) {
            membership[v] = v;
        }
        double m = graph.totalWeight();
        if (n == 0 || m == 0) {
            return finish(graph, membership, 0, true, new double[0]);
        }
        double gamma = params.resolution() / (2 * m);
        SplittableRandom rnd = new SplittableRandom(params.seed());
        CompactGraph g = graph;
        double[] vol = new double[n];
        for (int v = 0; v < n; v++) {
            vol[v] = graph.strength(v);
        }
        double[] quality = new double[0];
        boolean converged = false;
        int levels = 0;
        progress.begin("Louvain", -1);
        for (int level = 0; level < params.maxLevels(); level++) {
            termination.assertRunning();
            int[] partition = new int[g.nodeCount()];
            for (int v = 0; v < partition.length; v++) {
                partition[v] = v;
            }
            LocalMovePhase.run(g, vol, gamma, partition, rnd, termination);
            int k = Partitions.compact(partition);
            levels++;
            progress.advance(1);
            if (k == g.nodeCount()) {
                converged = true;
                break;
            }
            for (int v = 0; v < n; v++) {
                membership[v] = partition[membership[v]];
            }
            quality = Arrays.copyOf(quality, quality.length + 1);
            quality[quality.length - 1] = ModularityComputer.compute(g, partition, params.resolution(), params.concurrency());
            GraphAggregationPhase.Aggregate agg = GraphAggregationPhase.run(g, vol, partition, k, params.concurrency());
            g = agg.graph();
            vol = agg.volume();
        }
        progress.end();
        return finish(graph, membership, levels, converged, quality);
    }

    private CommunityResult finish(CompactGraph graph, int[] membership, int levels, boolean converged, double[] quality) {
        int k = Partitions.compact(membership);
        Partitions.bySize(membership, k);
        double q = ModularityComputer.compute(graph, membership, params.resolution(), params.concurrency());
        return new CommunityResult(membership, k, q, levels, converged, quality);
    }
}
