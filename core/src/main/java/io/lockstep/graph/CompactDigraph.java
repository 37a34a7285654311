package io.lockstep.graph;

import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;

/**
 * An immutable directed weighted graph on int vertices {@code [0, n)} in CSR form, holding both the out-arcs and the
 * in-arcs of every vertex, so that push (out) and pull (in) algorithms such as PageRank both scan contiguous arrays.
 * Parallel arcs u→v are folded into one arc whose weight is the sum; u→v and v→u stay distinct.
 *
 * <p>Memory: 16 bytes per arc (target and float weight, once in each direction) plus 24 bytes per vertex.
 */
public final class CompactDigraph {
    private final int[] outOffsets;
    private final int[] outTargets;
    private final float[] outWeights;
    private final int[] inOffsets;
    private final int[] inSources;
    private final float[] inWeights;
    private final double[] outStrength;

    private CompactDigraph(int[] outOffsets, int[] outTargets, float[] outWeights, int[] inOffsets, int[] inSources,
                           float[] inWeights) {
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        this.outWeights = outWeights;
        this.inOffsets = inOffsets;
        this.inSources = inSources;
        this.inWeights = inWeights;
        int n = outOffsets.length - 1;
        this.outStrength = new double[n];
        for (int v = 0; v < n; v++) {
            double s = 0;
            for (int i = outOffsets[v]; i < outOffsets[v + 1]; i++) {
                s += outWeights[i];
            }
            outStrength[v] = s;
        }
    }

    public int nodeCount() {
        return outOffsets.length - 1;
    }

    /** Number of distinct arcs (after folding parallel ones). */
    public int arcCount() {
        return outTargets.length;
    }

    public int outDegree(int v) {
        return outOffsets[v + 1] - outOffsets[v];
    }

    public int inDegree(int v) {
        return inOffsets[v + 1] - inOffsets[v];
    }

    public int outStart(int v) {
        return outOffsets[v];
    }

    public int outEnd(int v) {
        return outOffsets[v + 1];
    }

    public int outTarget(int arc) {
        return outTargets[arc];
    }

    public double outWeight(int arc) {
        return outWeights[arc];
    }

    public int inStart(int v) {
        return inOffsets[v];
    }

    public int inEnd(int v) {
        return inOffsets[v + 1];
    }

    public int inSource(int arc) {
        return inSources[arc];
    }

    public double inWeight(int arc) {
        return inWeights[arc];
    }

    /** Sum of the weights of the arcs leaving {@code v}. */
    public double outStrength(int v) {
        return outStrength[v];
    }

    /** Sum of the weights of the arcs entering {@code v}. */
    public double inStrength(int v) {
        double s = 0;
        for (int i = inOffsets[v]; i < inOffsets[v + 1]; i++) {
            s += inWeights[i];
        }
        return s;
    }

    /** The undirected graph with the same vertices, each arc's weight added to its undirected edge. */
    public CompactGraph toUndirected() {
        CompactGraphBuilder b = new CompactGraphBuilder(nodeCount());
        for (int v = 0; v < nodeCount(); v++) {
            for (int i = outOffsets[v]; i < outOffsets[v + 1]; i++) {
                b.addEdge(v, outTargets[i], outWeights[i]);
            }
        }
        return b.build();
    }

    /** Approximate heap bytes held by this graph. */
    public long memoryBytes() {
        return 4L * (outOffsets.length + outTargets.length + outWeights.length + inOffsets.length + inSources.length
                + inWeights.length) + 8L * outStrength.length;
    }

    @Override
    public String toString() {
        return "CompactDigraph[nodes=" + nodeCount() + ", arcs=" + arcCount() + "]";
    }

    /** Collects arcs in any order and builds a {@link CompactDigraph}; O(m log d). */
    public static final class Builder {
        private final int nodeCount;
        private final IntArrayList from = new IntArrayList();
        private final IntArrayList to = new IntArrayList();
        private final FloatArrayList weights = new FloatArrayList();

        public Builder(int nodeCount) {
            if (nodeCount < 0) {
                throw new IllegalArgumentException("nodeCount must be >= 0, was " + nodeCount);
            }
            this.nodeCount = nodeCount;
        }

        public Builder addArc(int u, int v) {
            return addArc(u, v, 1.0);
        }

        public Builder addArc(int u, int v, double weight) {
            if (u < 0 || u >= nodeCount || v < 0 || v >= nodeCount) {
                throw new IndexOutOfBoundsException("arc " + u + "->" + v + " is outside [0, " + nodeCount + ")");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be positive and finite, was " + weight);
            }
            from.add(u);
            to.add(v);
            weights.add((float) weight);
            return this;
        }

        public CompactDigraph build() {
            int m = from.size();
            float[] wt = weights.elements();
            int[][] out = csr(from.elements(), to.elements(), m);
            int[] outOffsets = out[0];
            int[] outTargets = out[1];
            float[] outWeights = new float[outTargets.length];
            int[] map = out[2];
            for (int i = 0; i < m; i++) {
                outWeights[map[i]] += wt[i];
            }
            int n = nodeCount;
            int[] inOffsets = new int[n + 1];
            for (int t : outTargets) {
                inOffsets[t + 1]++;
            }
            for (int v = 0; v < n; v++) {
                inOffsets[v + 1] += inOffsets[v];
            }
            int[] at = Arrays.copyOf(inOffsets, n);
            int[] inSources = new int[outTargets.length];
            float[] inWeights = new float[outTargets.length];
            for (int v = 0; v < n; v++) {
                for (int i = outOffsets[v]; i < outOffsets[v + 1]; i++) {
                    int t = outTargets[i];
                    inSources[at[t]] = v;
                    inWeights[at[t]++] = outWeights[i];
                }
            }
            return new CompactDigraph(outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights);
        }

        /** Sorted, de-duplicated CSR of (src, dst); returns offsets, targets and the arc index of each input arc. */
        private int[][] csr(int[] s, int[] d, int m) {
            int n = nodeCount;
            int[] offsets = new int[n + 1];
            for (int i = 0; i < m; i++) {
                offsets[s[i] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                offsets[v + 1] += offsets[v];
            }
            int[] at = Arrays.copyOf(offsets, n);
            long[] keyed = new long[m];
            for (int i = 0; i < m; i++) {
                keyed[at[s[i]]++] = ((long) d[i] << 32) | i;
            }
            int[] newOffsets = new int[n + 1];
            int[] targets = new int[m];
            int[] map = new int[m];
            int outCount = 0;
            for (int v = 0; v < n; v++) {
                Arrays.sort(keyed, offsets[v], offsets[v + 1]);
                newOffsets[v] = outCount;
                int last = -1;
                for (int j = offsets[v]; j < offsets[v + 1]; j++) {
                    int t = (int) (keyed[j] >>> 32);
                    if (t != last) {
                        targets[outCount++] = t;
                        last = t;
                    }
                    map[(int) keyed[j]] = outCount - 1;
                }
            }
            newOffsets[n] = outCount;
            return new int[][]{newOffsets, Arrays.copyOf(targets, outCount), map};
        }
    }
}
