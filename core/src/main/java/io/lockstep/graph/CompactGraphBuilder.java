package io.lockstep.graph;

import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;

/**
 * Collects edges as an unordered stream and builds a {@link CompactGraph}. Direction is dropped and parallel edges
 * (including u→v next to v→u) are folded into one undirected edge whose weight is the sum of their weights.
 *
 * <p>Cost: O(m log d) for m input edges and maximum degree d (one counting sort by source, then a sort of each
 * adjacency list to merge duplicates). Memory during the build: ~20 bytes per input edge.
 */
public final class CompactGraphBuilder {
    private final int nodeCount;
    private final IntArrayList sources = new IntArrayList();
    private final IntArrayList targets = new IntArrayList();
    private final FloatArrayList weights = new FloatArrayList();

    public CompactGraphBuilder(int nodeCount) {
        if (nodeCount < 0) {
            throw new IllegalArgumentException("nodeCount must be >= 0, was " + nodeCount);
        }
        this.nodeCount = nodeCount;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** Adds an edge of weight 1. */
    public CompactGraphBuilder addEdge(int u, int v) {
        return addEdge(u, v, 1.0);
    }

    public CompactGraphBuilder addEdge(int u, int v, double weight) {
        check(u);
        check(v);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive and finite, was " + weight);
        }
        sources.add(u);
        targets.add(v);
        weights.add((float) weight);
        return this;
    }

    private void check(int v) {
        if (v < 0 || v >= nodeCount) {
            throw new IndexOutOfBoundsException("Node index " + v + " is outside [0, " + nodeCount + ")");
        }
    }

    public CompactGraph build() {
        int m = sources.size();
        int[] src = sources.elements();
        int[] dst = targets.elements();
        float[] w = weights.elements();
        // arcs: each non-loop edge from both sides, loops once
        int[] count = new int[nodeCount + 1];
        for (int i = 0; i < m; i++) {
            count[src[i]]++;
            if (src[i] != dst[i]) {
                count[dst[i]]++;
            }
        }
        int[] offsets = new int[nodeCount + 1];
        for (int v = 0; v < nodeCount; v++) {
            offsets[v + 1] = offsets[v] + count[v];
        }
        int arcs = offsets[nodeCount];
        int[] at = Arrays.copyOf(offsets, nodeCount);
        int[] tgt = new int[arcs];
        float[] wt = new float[arcs];
        for (int i = 0; i < m; i++) {
            int u = src[i], v = dst[i];
            tgt[at[u]] = v;
            wt[at[u]++] = w[i];
            if (u != v) {
                tgt[at[v]] = u;
                wt[at[v]++] = w[i];
            }
        }
        // sort each list by target and merge duplicates, compacting in place
        int[] newOffsets = new int[nodeCount + 1];
        int out = 0;
        long edges = 0;
        long[] scratch = new long[0];
        float[] scratchWeights = new float[0];
        for (int v = 0; v < nodeCount; v++) {
            int s = offsets[v], e = offsets[v + 1], d = e - s;
            newOffsets[v] = out;
            if (d == 0) {
                continue;
            }
            if (scratch.length < d) {
                scratch = new long[Math.max(d, scratch.length * 2)];
                scratchWeights = new float[scratch.length];
            }
            // copy out first: the compacted list is written over the front of the same arrays
            for (int i = 0; i < d; i++) {
                scratch[i] = ((long) tgt[s + i] << 32) | (i & 0xffffffffL);
                scratchWeights[i] = wt[s + i];
            }
            Arrays.sort(scratch, 0, d);
            int lastTarget = -1;
            for (int i = 0; i < d; i++) {
                int t = (int) (scratch[i] >>> 32);
                float wi = scratchWeights[(int) scratch[i]];
                if (t == lastTarget) {
                    wt[out - 1] += wi;
                } else {
                    tgt[out] = t;
                    wt[out] = wi;
                    out++;
                    lastTarget = t;
                    if (t >= v) {
                        edges++;
                    }
                }
            }
        }
        newOffsets[nodeCount] = out;
        return new CompactGraph(newOffsets, Arrays.copyOf(tgt, out), Arrays.copyOf(wt, out), edges);
    }
}
