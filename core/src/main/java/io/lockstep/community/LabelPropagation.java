package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.SplittableRandom;

/**
 * Weighted label propagation, run on an active set of vertices.
 *
 * <p>U. N. Raghavan, R. Albert and S. Kumara, Near linear time algorithm to detect community structures in
 * large-scale networks, Phys. Rev. E 76, 036106 (2007), <a href="https://doi.org/10.1103/PhysRevE.76.036106">doi:10.1103/PhysRevE.76.036106</a>.
 * Only vertices whose neighbourhood changed are examined again, as in V. A. Traag and L. Šubelj, Large network
 * community detection by fast label propagation, Sci. Rep. 13, 2701 (2023),
 * <a href="https://doi.org/10.1038/s41598-023-29610-z">doi:10.1038/s41598-023-29610-z</a>; the active vertices are
 * swept in vertex order, as in the parallel label propagation of C. L. Staudt and H. Meyerhenke, Engineering parallel
 * algorithms for community detection in massive networks, IEEE TPDS 27, 171 (2016),
 * <a href="https://doi.org/10.1109/TPDS.2015.2390633">doi:10.1109/TPDS.2015.2390633</a>.
 *
 * <p>Every vertex starts with its own label. A vertex being examined adopts the label carrying the most edge weight
 * among its neighbours (self-loops aside; ties broken uniformly at random with the seeded generator, its own label
 * among the candidates when it ties). The first sweep examines every vertex in a seeded random order. From then on
 * only active vertices are examined, in cyclic vertex order: when a vertex changes label, its neighbours that do not
 * carry the new label become active; a vertex that keeps its label on a tie becomes active again too, at most
 * {@link #MAX_TIE_REVISITS} times, so that ties keep being re-drawn as in Raghavan et al.'s repeated sweeps (without
 * those revisits planted groups stay split in two halves far more often; {@code docs/benchmarks.md}). It stops when no vertex is active: every vertex then carries
 * a dominant label of its neighbourhood, Raghavan et al.'s stopping condition, reached without rescanning settled
 * vertices. {@code maxIterations} caps the work at that many times n vertex examinations.
 *
 * <p>The vertex-order sweeps read the adjacency arrays forwards and keep the active set in a bitmap of n bits
 * (cheaper than a FIFO queue; {@code docs/benchmarks.md}). On a graph whose edges all weigh 1 (checked once, O(m))
 * neighbour labels are counted in ints, which gives the same choices and random draws as summing the weights in
 * doubles.
 *
 * <p>Cost: O(m) per n examinations, memory O(n). Deterministic for a given seed.
 */
public final class LabelPropagation extends Controlled<LabelPropagationParams> {
    /** How many times a vertex that kept its label on a tie is made active again (bounds the extra work by 8 n). */
    static final int MAX_TIE_REVISITS = 8;

    public LabelPropagation(LabelPropagationParams params) {
        super(params);
    }

    public LabelPropagation(LabelPropagationParams params, ProgressListener progress, TerminationFlag termination) {
        super(params, progress, termination);
    }

    @Override
    CommunityResult run(CompactGraph g) {
        int n = g.nodeCount();
        SplittableRandom rnd = new SplittableRandom(params.seed());
        Propagation run = new Propagation(g, rnd);
        long budget = (long) params.maxIterations() * Math.max(n, 1);
        progress.begin("Label propagation", budget);
        long visits = 0;
        // first sweep: every vertex once, in a seeded random order (budget >= n since maxIterations >= 1)
        int[] order = Partitions.shuffled(n, rnd);
        for (int i = 0; i < n; i++) {
            if ((++visits & 0xffff) == 0) {
                checkpoint();
            }
            run.visit(order[i]);
        }
        order = null;
        // then the active vertices, in cyclic vertex order
        int from = 0;
        while (run.activeCount > 0 && visits < budget) {
            if ((++visits & 0xffff) == 0) {
                checkpoint();
            }
            int v = run.nextActive(from);
            run.visit(v);
            from = v + 1 == n ? 0 : v + 1;
        }
        progress.end();
        boolean converged = run.activeCount == 0;
        int[] label = run.label;
        int k = Partitions.compact(label);
        Partitions.bySize(label, k);
        double q = ModularityComputer.compute(g, label, 1.0, params.concurrency());
        int sweeps = (int) Math.min(Integer.MAX_VALUE, (visits + Math.max(n, 1) - 1) / Math.max(n, 1));
        return new CommunityResult(label, k, q, sweeps, converged, new double[]{q});
    }

    private void checkpoint() {
        termination.assertRunning();
        progress.advance(0x10000);
    }

    /** The labels, the active set and the scratch arrays of one run. */
    private static final class Propagation {
        final CompactGraph g;
        final SplittableRandom rnd;
        final int[] label;
        /** Active vertices, one bit each. */
        final long[] active;
        int activeCount;
        final byte[] tieRevisits;
        /** Neighbour weight per label: ints when every edge weighs 1, doubles otherwise. */
        final int[] count;
        final double[] weightTo;
        final int[] touched;

        Propagation(CompactGraph g, SplittableRandom rnd) {
            int n = g.nodeCount();
            this.g = g;
            this.rnd = rnd;
            this.label = new int[n];
            for (int v = 0; v < n; v++) {
                label[v] = v;
            }
            this.active = new long[(n + 63) >>> 6];
            this.tieRevisits = new byte[n];
            boolean unit = unitWeights(g);
            this.count = unit ? new int[n] : null;
            this.weightTo = unit ? null : new double[n];
            this.touched = new int[n];
        }

        /** Examines {@code v}: it adopts a dominant label of its neighbourhood, and its neighbours learn of a change. */
        void visit(int v) {
            deactivate(v);
            int bestCount = count != null ? dominantByCount(v) : dominantByWeight(v);
            if (bestCount == 0) {
                return; // no neighbour
            }
            // uniformly among all dominant labels, the current one included: keeping the current label whenever it
            // ties freezes sparse graphs into tiny clusters (docs/benchmarks.md)
            int chosen = touched[bestCount == 1 ? 0 : rnd.nextInt(bestCount)];
            if (chosen == label[v]) {
                if (bestCount > 1 && tieRevisits[v] < MAX_TIE_REVISITS) {
                    tieRevisits[v]++;
                    activate(v);
                }
                return;
            }
            label[v] = chosen;
            for (int i = g.start(v), end = g.end(v); i < end; i++) {
                int u = g.target(i);
                if (label[u] != chosen) {
                    activate(u);
                }
            }
        }

        /** Lists the labels of maximal neighbour count first in {@code touched}; returns how many (0: no neighbour). */
        private int dominantByCount(int v) {
            int touchedCount = NeighbourLabels.count(g, v, label, count, touched);
            int max = 0;
            for (int t = 0; t < touchedCount; t++) {
                max = Math.max(max, count[touched[t]]);
            }
            int bestCount = 0;
            for (int t = 0; t < touchedCount; t++) {
                int l = touched[t];
                if (count[l] == max) {
                    touched[bestCount++] = l;
                }
                count[l] = 0;
            }
            return bestCount;
        }

        /** As {@link #dominantByCount} with edge weights. */
        private int dominantByWeight(int v) {
            int touchedCount = NeighbourLabels.accumulate(g, v, label, weightTo, touched);
            double max = 0;
            for (int t = 0; t < touchedCount; t++) {
                max = Math.max(max, weightTo[touched[t]]);
            }
            int bestCount = 0;
            for (int t = 0; t < touchedCount; t++) {
                int l = touched[t];
                if (weightTo[l] == max) {
                    touched[bestCount++] = l;
                }
                weightTo[l] = 0;
            }
            return bestCount;
        }

        private void activate(int v) {
            long bit = 1L << v;
            long word = active[v >>> 6];
            if ((word & bit) == 0) {
                active[v >>> 6] = word | bit;
                activeCount++;
            }
        }

        private void deactivate(int v) {
            long bit = 1L << v;
            long word = active[v >>> 6];
            if ((word & bit) != 0) {
                active[v >>> 6] = word & ~bit;
                activeCount--;
            }
        }

        /** The first active vertex at or after {@code from}, wrapping around; requires {@code activeCount > 0}. */
        int nextActive(int from) {
            int w = from >>> 6;
            long word = active[w] & (-1L << (from & 63));
            while (word == 0) {
                w = w + 1 == active.length ? 0 : w + 1;
                word = active[w];
            }
            return (w << 6) + Long.numberOfTrailingZeros(word);
        }

        private static boolean unitWeights(CompactGraph g) {
            int n = g.nodeCount();
            for (int i = 0, arcs = n == 0 ? 0 : g.end(n - 1); i < arcs; i++) {
                if (g.weight(i) != 1.0) {
                    return false;
                }
            }
            return true;
        }
    }
}
