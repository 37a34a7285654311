package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Leiden algorithm for community detection, optimising modularity or the constant Potts model.
 *
 * <p>V. A. Traag, L. Waltman and N. J. van Eck, From Louvain to Leiden: guaranteeing well-connected communities,
 * Scientific Reports 9, 5233 (2019), <a href="https://doi.org/10.1038/s41598-019-41695-z">doi:10.1038/s41598-019-41695-z</a>.
 *
 * <p>Each level runs three phases: {@link LocalMovePhase} (fast local moving with a queue), {@link RefinementPhase}
 * (split each community into well-connected sub-communities) and {@link GraphAggregationPhase} (one vertex per
 * sub-community, initially placed in its community). Levels repeat until the local moving leaves every vertex of the
 * aggregate graph in its own community, or {@code maxLevels} is reached. The whole algorithm is repeated
 * {@code iterations} times, each iteration starting from the previous partition, and stops early when an iteration
 * changes nothing. When the refinement merges nothing, the level aggregates by the communities themselves (as igraph
 * does), so every level makes progress.
 *
 * <p>Cost: each level is O(m) expected (O(m) per local-move pass, O(n + m) refinement and aggregation); the number
 * of levels is small in practice (typically under 10). Memory: O(n + m) for the first aggregate graph, then shrinking.
 *
 * <p>Determinism: the visiting orders and the refinement's random choices come from a {@link SplittableRandom}
 * seeded with {@code params.seed()}, and the parallel parts combine their results in a fixed order, so equal seeds
 * give equal results whatever the concurrency.
 */
public final class Leiden extends Controlled<LeidenParams> {
    public Leiden(LeidenParams params) {
        super(params);
    }

    public Leiden(LeidenParams params, ProgressListener progress, TerminationFlag termination) {
        super(params, progress, termination);
    }

    @Override
    CommunityResult run(CompactGraph graph) {
        int n = graph.nodeCount();
        boolean modularity = params.quality() == QualityFunction.MODULARITY;
        double modularityResolution = modularity ? params.resolution() : 1.0;
        if (n == 0) {
            return new CommunityResult(new int[0], 0, 0.0, 0, true, new double[0]);
        }
        double m = graph.totalWeight();
        double[] vol0 = new double[n];
        for (int v = 0; v < n; v++) {
            vol0[v] = modularity ? graph.strength(v) : 1.0;
        }
        // modularity with no edges: every vertex alone is optimal (and the gain scale is undefined)
        double gamma = modularity ? (m > 0 ? params.resolution() / (2 * m) : 0) : params.resolution();
        SplittableRandom rnd = new SplittableRandom(params.seed());
        int[] membership = new int[n];
        for (int v = 0; v < n; v++) {
            membership[v] = v;
        }
        if (modularity && m == 0) {
            return finish(graph, membership, 0, true, new double[0], modularityResolution);
        }
        double[] quality = new double[0];
        int totalLevels = 0;
        boolean converged = false;
        progress.begin("Leiden", params.iterations());
        for (int iteration = 0; iteration < params.iterations(); iteration++) {
            int[] before = membership.clone();
            CompactGraph g = graph;
            double[] vol = vol0;
            int[] toNode = new int[n]; // original vertex -> vertex of the current aggregate graph
            for (int v = 0; v < n; v++) {
                toNode[v] = v;
            }
            int[] partition = membership.clone(); // partition of the current graph's vertices
            boolean levelConverged = false;
            for (int level = 0; level < params.maxLevels(); level++) {
                termination.assertRunning();
                LocalMovePhase.run(g, vol, gamma, partition, rnd, termination);
                int k = Partitions.compact(partition);
                totalLevels++;
                if (k == g.nodeCount() || level == params.maxLevels() - 1) {
                    quality = append(quality, quality(g, partition, vol));
                    levelConverged = k == g.nodeCount();
                    break;
                }
                int[] refined = RefinementPhase.run(g, vol, gamma, partition, params.randomness(), rnd, termination);
                int r = Partitions.compact(refined);
                int[] group = r < g.nodeCount() ? refined : partition;
                int groups = r < g.nodeCount() ? r : k;
                GraphAggregationPhase.Aggregate agg = GraphAggregationPhase.run(g, vol, group, groups, params.concurrency());
                int[] next = new int[groups];
                for (int v = 0; v < g.nodeCount(); v++) {
                    next[group[v]] = group == partition ? group[v] : partition[v];
                }
                for (int v = 0; v < n; v++) {
                    toNode[v] = group[toNode[v]];
                }
                g = agg.graph();
                vol = agg.volume();
                partition = next;
                // the aggregate keeps every weight, so the quality of this level is cheaper to compute on it
                quality = append(quality, quality(g, partition, vol));
            }
            for (int v = 0; v < n; v++) {
                membership[v] = partition[toNode[v]];
            }
            progress.advance(1);
            converged = levelConverged;
            if (iteration > 0 && samePartition(before, membership)) {
                break;
            }
        }
        progress.end();
        return finish(graph, membership, totalLevels, converged, quality, modularityResolution);
    }

    private double quality(CompactGraph g, int[] partition, double[] vol) {
        return params.quality() == QualityFunction.MODULARITY
                ? ModularityComputer.compute(g, partition, params.resolution(), params.concurrency())
                : ModularityComputer.cpm(g, partition, vol, params.resolution());
    }

    private static double[] append(double[] a, double x) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    private CommunityResult finish(CompactGraph graph, int[] membership, int levels, boolean converged,
                                   double[] quality, double resolution) {
        int k = Partitions.compact(membership);
        Partitions.bySize(membership, k);
        double q = ModularityComputer.compute(graph, membership, resolution, params.concurrency());
        return new CommunityResult(membership, k, q, levels, converged, quality);
    }

    /** Whether two memberships describe the same partition, whatever the labels. */
    static boolean samePartition(int[] a, int[] b) {
        int[] x = a.clone();
        int[] y = b.clone();
        Partitions.compact(x);
        Partitions.compact(y);
        return Arrays.equals(x, y);
    }
}
