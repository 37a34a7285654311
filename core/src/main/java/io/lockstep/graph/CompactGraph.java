package io.lockstep.graph;

/**
 * An immutable undirected weighted graph on int vertices {@code [0, n)} in compressed sparse row (CSR) form:
 * the neighbours of {@code v} are {@code target(i)} for {@code i} in {@code [start(v), end(v))}, each with
 * {@code weight(i)}. Every undirected edge {u,v} with u != v is stored twice (once from each side); a self-loop is
 * stored once with its full weight, so that {@link #strength(int)} counts it twice, as modularity expects.
 *
 * <p>Direction and multiplicity are folded: an arc u→v, an arc v→u and repeated copies of either all add their
 * weights into the one undirected edge {u,v} (weights are stored as {@code float}; sums are exact for integer
 * weights up to 2^24). Algorithms that need direction use {@link CompactDigraph}.
 *
 * <p>Memory: 8 bytes per stored arc (int target, float weight), i.e. 16 bytes per undirected edge, plus 12 bytes per
 * vertex (int offset, double strength): {@link #memoryBytes()} / {@link #edgeCount()} is 17–18 bytes on social
 * graphs (measured in {@code docs/benchmarks.md}), against ~261 bytes per edge for JGraphT's
 * {@code DefaultDirectedWeightedGraph}.
 *
 * <p>Build with {@link CompactGraphBuilder}, which folds direction and parallel edges into summed weights.
 */
public final class CompactGraph {
    private final int[] offsets;
    private final int[] targets;
    private final float[] weights;
    private final double[] strength;
    private final double totalWeight;
    private final long edgeCount;

    CompactGraph(int[] offsets, int[] targets, float[] weights, long edgeCount) {
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.edgeCount = edgeCount;
        int n = offsets.length - 1;
        this.strength = new double[n];
        double total = 0;
        for (int v = 0; v < n; v++) {
            double s = 0;
            for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                s += targets[i] == v ? 2.0 * weights[i] : weights[i];
            }
            strength[v] = s;
            total += s;
        }
        this.totalWeight = total / 2.0;
    }

    /**
     * Wraps CSR arrays as a graph without copying them. The caller guarantees symmetry: every arc u→v (u != v) has
     * an arc v→u of the same weight, and each vertex lists a neighbour at most once; a self-loop is one arc.
     * Used by algorithms that build graphs directly (e.g. community aggregation) in O(n + m).
     *
     * @throws IllegalArgumentException if the arrays are inconsistent in length or an arc points outside the graph
     */
    public static CompactGraph fromCsr(int[] offsets, int[] targets, float[] weights) {
        if (offsets.length < 1 || offsets[0] != 0 || targets.length != weights.length
                || offsets[offsets.length - 1] != targets.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        int n = offsets.length - 1;
        long edges = 0;
        for (int v = 0; v < n; v++) {
            for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                int t = targets[i];
                if (t < 0 || t >= n) {
                    throw new IllegalArgumentException("arc " + i + " points to " + t + ", outside [0, " + n + ")");
                }
                if (t >= v) {
                    edges++;
                }
            }
        }
        return new CompactGraph(offsets, targets, weights, edges);
    }

    public int nodeCount() {
        return offsets.length - 1;
    }

    /** Number of distinct undirected edges, self-loops included. */
    public long edgeCount() {
        return edgeCount;
    }

    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** First arc index of {@code v}. */
    public int start(int v) {
        return offsets[v];
    }

    /** One past the last arc index of {@code v}. */
    public int end(int v) {
        return offsets[v + 1];
    }

    public int target(int arc) {
        return targets[arc];
    }

    public double weight(int arc) {
        return weights[arc];
    }

    /** Weighted degree: sum of incident edge weights, a self-loop counted twice. */
    public double strength(int v) {
        return strength[v];
    }

    /** Sum of all edge weights (m in the modularity formula). */
    public double totalWeight() {
        return totalWeight;
    }

    /** Approximate heap bytes held by this graph. */
    public long memoryBytes() {
        return 4L * offsets.length + 4L * targets.length + 4L * weights.length + 8L * strength.length;
    }

    @Override
    public String toString() {
        return "CompactGraph[nodes=" + nodeCount() + ", edges=" + edgeCount + "]";
    }
}
