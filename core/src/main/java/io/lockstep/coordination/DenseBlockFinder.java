package io.lockstep.coordination;

import java.util.Arrays;

/**
 * Greedy peeling for the densest block of a bipartite graph (followers × targets) under FRAUDAR's camouflage-
 * resistant column weighting: Hooi, Song, Beutel, Shah, Shin and Faloutsos, "FRAUDAR: Bounding Graph Fraud in the
 * Face of Camouflage", KDD 2016. An edge from follower i to target j weighs {@code 1 / ln(d_j + 5)} (d_j = j's
 * in-degree) times {@code 1 / ln(d_i + 5)} (d_i = i's out-degree), the density of a node set S is
 * g(S) = (sum of edge weights inside S) / |S|, and nodes are removed one at a time in order of least weighted degree;
 * the set with the best g seen is returned. Adding camouflage edges from the block to popular targets cannot lower
 * the block's column weights, and popular targets weigh little; the follower weight keeps accounts that follow
 * hundreds of others from making every large community the densest block, at the price of a logarithmic discount
 * on a farm whose members add camouflage follows. Cost: O(m log n) with an indexed binary heap.
 */
final class DenseBlockFinder {
    private final int followers;
    private final int[] outOffsets; // follower -> targets
    private final int[] outTargets;
    private final int[] inOffsets; // target -> followers
    private final int[] inFollowers;
    private final int[] inToOut; // in-edge position -> out-edge position
    private final double[] targetWeight;
    private double[] edgeWeight; // by out-edge position, or null for 1
    private final double[] followerWeight;

    /** @param follower,followee distinct (follower, followee) pairs over accounts [0, n) */
    DenseBlockFinder(int n, int[] follower, int[] followee) {
        this.followers = n;
        int m = follower.length;
        outOffsets = new int[n + 1];
        inOffsets = new int[n + 1];
        for (int i = 0; i < m; i++) {
            outOffsets[follower[i] + 1]++;
            inOffsets[followee[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            outOffsets[v + 1] += outOffsets[v];
            inOffsets[v + 1] += inOffsets[v];
        }
        outTargets = new int[m];
        inFollowers = new int[m];
        inToOut = new int[m];
        int[] o = Arrays.copyOf(outOffsets, n);
        int[] in = Arrays.copyOf(inOffsets, n);
        for (int i = 0; i < m; i++) {
            int out = o[follower[i]]++;
            outTargets[out] = followee[i];
            int inPos = in[followee[i]]++;
            inFollowers[inPos] = follower[i];
            inToOut[inPos] = out;
        }
        targetWeight = new double[n];
        for (int v = 0; v < n; v++) {
            targetWeight[v] = 1.0 / Math.log(inOffsets[v + 1] - inOffsets[v] + 5);
        }
        followerWeight = new double[n];
        for (int v = 0; v < n; v++) {
            followerWeight[v] = 1.0 / Math.log(outOffsets[v + 1] - outOffsets[v] + 5);
        }
    }

    /**
     * Multiplies every edge's peeling weight by {@code weights[e]} (indexed by out-edge position, see
     * {@link #outEdgeOf}); null restores the plain FRAUDAR weights.
     */
    void setEdgeWeights(double[] weights) {
        if (weights != null && weights.length != outTargets.length) {
            throw new IllegalArgumentException("weights must have one entry per follow, had " + weights.length);
        }
        this.edgeWeight = weights;
    }

    /** The out-edge position of the follow at in-edge position {@code inPosition}. */
    int outEdgeOf(int inPosition) {
        return inToOut[inPosition];
    }

    private double weight(int outPosition, int follower, int target) {
        double w = targetWeight[target] * followerWeight[follower];
        return edgeWeight == null ? w : w * edgeWeight[outPosition];
    }

    /** Whether {@code follower} follows {@code target}: binary search of its sorted targets. */
    boolean follows(int follower, int target) {
        return Arrays.binarySearch(outTargets, outOffsets[follower], outOffsets[follower + 1], target) >= 0;
    }

    int[] targetsOf(int follower) {
        return Arrays.copyOfRange(outTargets, outOffsets[follower], outOffsets[follower + 1]);
    }

    int outDegree(int follower) {
        return outOffsets[follower + 1] - outOffsets[follower];
    }

    int inDegree(int target) {
        return inOffsets[target + 1] - inOffsets[target];
    }

    /** Distinct follow pairs. */
    int edgeCount() {
        return outTargets.length;
    }

    int outStart(int follower) {
        return outOffsets[follower];
    }

    int outEnd(int follower) {
        return outOffsets[follower + 1];
    }

    int outTarget(int i) {
        return outTargets[i];
    }

    int inStart(int target) {
        return inOffsets[target];
    }

    int inEnd(int target) {
        return inOffsets[target + 1];
    }

    int inFollower(int i) {
        return inFollowers[i];
    }

    /**
     * Peels the graph restricted to followers with {@code excluded[f] == false}; returns a boolean mask over
     * 2n nodes (follower f at index f, target t at index n + t) of the densest block found among the node sets of
     * the peeling sequence that have at least {@code minFollowers} followers, {@code minTargets} targets and an
     * unweighted edge density (edges / (followers × targets)) of at least {@code minDensity}. Without the
     * constraints the whole graph of a big organic archive can be "densest" and hide a small farm; with them the
     * farm's suffix of the peeling order wins. All false when no set qualifies.
     */
    boolean[] densest(boolean[] excluded, int minFollowers, int minTargets, double minDensity) {
        int n = followers;
        int nodes = 2 * n;
        double[] degree = new double[nodes];
        int[] plain = new int[nodes];
        boolean[] alive = new boolean[nodes];
        double total = 0;
        long edges = 0;
        for (int f = 0; f < n; f++) {
            if (excluded[f]) {
                continue;
            }
            for (int i = outOffsets[f]; i < outOffsets[f + 1]; i++) {
                int t = outTargets[i];
                double w = weight(i, f, t);
                degree[f] += w;
                degree[n + t] += w;
                plain[f]++;
                plain[n + t]++;
                total += w;
                edges++;
            }
        }
        IndexedMinHeap heap = new IndexedMinHeap(nodes);
        int aliveFollowers = 0, aliveTargets = 0;
        for (int v = 0; v < nodes; v++) {
            if (plain[v] > 0) {
                alive[v] = true;
                if (v < n) {
                    aliveFollowers++;
                } else {
                    aliveTargets++;
                }
                heap.insert(v, degree[v]);
            }
        }
        int aliveCount = aliveFollowers + aliveTargets;
        int[] removal = new int[aliveCount];
        int removed = 0;
        double best = -1;
        int bestRemoved = -1;
        while (true) {
            if (aliveFollowers >= minFollowers && aliveTargets >= minTargets
                    && edges >= minDensity * aliveFollowers * (double) aliveTargets) {
                double g = total / (aliveFollowers + aliveTargets);
                if (g > best + 1e-12) {
                    best = g;
                    bestRemoved = removed;
                }
            }
            if (heap.isEmpty()) {
                break;
            }
            int v = heap.popMin();
            alive[v] = false;
            removal[removed++] = v;
            total -= degree[v];
            edges -= plain[v];
            if (v < n) {
                aliveFollowers--;
                for (int i = outOffsets[v]; i < outOffsets[v + 1]; i++) {
                    int t = n + outTargets[i];
                    if (alive[t]) {
                        degree[t] -= weight(i, v, outTargets[i]);
                        plain[t]--;
                        heap.decrease(t, degree[t]);
                    }
                }
            } else {
                aliveTargets--;
                int t = v - n;
                for (int i = inOffsets[t]; i < inOffsets[t + 1]; i++) {
                    int f = inFollowers[i];
                    if (alive[f] && !excluded[f]) {
                        degree[f] -= weight(inToOut[i], f, t);
                        plain[f]--;
                        heap.decrease(f, degree[f]);
                    }
                }
            }
        }
        boolean[] block = new boolean[nodes];
        if (bestRemoved >= 0) {
            for (int i = bestRemoved; i < aliveCount; i++) {
                block[removal[i]] = true;
            }
        }
        return block;
    }

    /** Unconstrained FRAUDAR: the densest set of the peeling sequence. */
    boolean[] densest(boolean[] excluded) {
        return densest(excluded, 0, 0, 0.0);
    }

    /** Binary min-heap over int ids with decrease-key. */
    static final class IndexedMinHeap {
        private final int[] heap;
        private final int[] pos;
        private final double[] key;
        private int size;

        IndexedMinHeap(int capacity) {
            heap = new int[capacity];
            pos = new int[capacity];
            key = new double[capacity];
            Arrays.fill(pos, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        void insert(int id, double k) {
            key[id] = k;
            heap[size] = id;
            pos[id] = size;
            up(size++);
        }

        void decrease(int id, double k) {
            key[id] = k;
            up(pos[id]);
        }

        int popMin() {
            int top = heap[0];
            pos[top] = -1;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                pos[heap[0]] = 0;
                down(0);
            }
            return top;
        }

        private boolean less(int a, int b) {
            return key[a] < key[b] || (key[a] == key[b] && a < b);
        }

        private void up(int i) {
            int id = heap[i];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(id, heap[parent])) {
                    break;
                }
                heap[i] = heap[parent];
                pos[heap[i]] = i;
                i = parent;
            }
            heap[i] = id;
            pos[id] = i;
        }

        private void down(int i) {
            int id = heap[i];
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && less(heap[c + 1], heap[c])) {
                    c++;
                }
                if (!less(heap[c], id)) {
                    break;
                }
                heap[i] = heap[c];
                pos[heap[i]] = i;
                i = c;
            }
            heap[i] = id;
            pos[id] = i;
        }
    }
}
