package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.Parallel;

/**
 * Newman–Girvan modularity of a partition, computed straight from the definition and independently of any optimiser,
 * so that optimisers can be checked against it:
 * <pre>Q = Σ_c [ e_c / m − γ (K_c / 2m)² ]</pre>
 * where {@code e_c} is the total weight of edges inside community c (a self-loop counts its weight once),
 * {@code K_c} the sum of the strengths of its vertices (a self-loop counts twice) and m the total edge weight.
 * This equals igraph's and NetworkX's {@code modularity} on the same weighted graph.
 *
 * <p>Cost: O(n + m), split over {@code concurrency} threads (partial sums are added in range order, so the result
 * does not depend on thread timing).
 *
 * <p>Reference: M. E. J. Newman and M. Girvan, Finding and evaluating community structure in networks, Phys. Rev. E
 * 69, 026113 (2004), <a href="https://doi.org/10.1103/PhysRevE.69.026113">doi:10.1103/PhysRevE.69.026113</a>.
 */
public final class ModularityComputer {
    private ModularityComputer() {
    }

    /** Modularity at resolution 1, single-threaded. */
    public static double compute(CompactGraph g, int[] membership) {
        return compute(g, membership, 1.0, 1);
    }

    /**
     * Modularity of {@code membership} at resolution {@code resolution}.
     *
     * @param membership community of each vertex, any non-negative ints below {@code g.nodeCount()}
     * @throws IllegalArgumentException if the membership length differs from the node count or an id is out of range
     */
    public static double compute(CompactGraph g, int[] membership, double resolution, int concurrency) {
        int n = g.nodeCount();
        if (membership.length != n) {
            throw new IllegalArgumentException("membership has " + membership.length + " entries for " + n + " nodes");
        }
        double m = g.totalWeight();
        if (n == 0 || m == 0) {
            return 0.0;
        }
        int parts = Parallel.parts(n, concurrency, 50_000);
        double[] inside = new double[parts];
        double[][] volumes = new double[parts][];
        if (parts == 1) {
            rangeSums(g, membership, inside, volumes, 0, 0, n); // no lambda, no pool for a small graph
        } else {
            Parallel.forRanges(n, parts, (part, from, to) -> rangeSums(g, membership, inside, volumes, part, from, to));
        }
        double in = 0;
        for (double x : inside) {
            in += x;
        }
        double[] vol = volumes[0];
        for (int p = 1; p < parts; p++) {
            for (int c = 0; c < n; c++) {
                vol[c] += volumes[p][c];
            }
        }
        double penalty = 0;
        for (int c = 0; c < n; c++) {
            double x = vol[c] / (2 * m);
            penalty += x * x;
        }
        return in / m - resolution * penalty;
    }

    /** Weight inside communities and community volumes of the vertices {@code [from, to)}, into slot {@code part}. */
    private static void rangeSums(CompactGraph g, int[] membership, double[] inside, double[][] volumes, int part,
                                  int from, int to) {
        int n = g.nodeCount();
        double[] vol = new double[n];
        double in = 0;
        for (int v = from; v < to; v++) {
            int c = membership[v];
            if (c < 0 || c >= n) {
                throw new IllegalArgumentException("community id " + c + " of vertex " + v + " is outside [0, " + n + ")");
            }
            vol[c] += g.strength(v);
            for (int i = g.start(v), e = g.end(v); i < e; i++) {
                int u = g.target(i);
                if (membership[u] == c) {
                    // each non-loop edge is seen from both ends; a loop is stored once and counted once
                    in += u == v ? g.weight(i) : g.weight(i) / 2.0;
                }
            }
        }
        inside[part] = in;
        volumes[part] = vol;
    }

    /**
     * Constant Potts model quality {@code Σ_c [e_c − γ n_c(n_c−1)/2]}, where {@code n_c} is the sum of
     * {@code nodeSize} over the vertices of c (1 each on an unaggregated graph).
     */
    static double cpm(CompactGraph g, int[] membership, double[] nodeSize, double resolution) {
        int n = g.nodeCount();
        double in = 0;
        double[] size = new double[n];
        for (int v = 0; v < n; v++) {
            int c = membership[v];
            size[c] += nodeSize[v];
            for (int i = g.start(v), e = g.end(v); i < e; i++) {
                int u = g.target(i);
                if (membership[u] == c) {
                    in += u == v ? g.weight(i) : g.weight(i) / 2.0;
                }
            }
        }
        double pairs = 0;
        for (int c = 0; c < n; c++) {
            pairs += size[c] * (size[c] - 1) / 2.0;
        }
        return in - resolution * pairs;
    }
}
