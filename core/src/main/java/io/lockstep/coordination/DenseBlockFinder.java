package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Greedy peeling for the densest block of a bipartite graph (followers × targets) under FRAUDAR's camouflage-
 * resistant column weighting: Hooi, Song, Beutel, Shah, Shin and Faloutsos, "FRAUDAR: Bounding Graph Fraud in the
 * Face of Camouflage", KDD 2016. An edge from follower i to target j weighs {@code 1 / ln(d_j + 5)} (d_j = j's
 * in-degree) times {@code 1 / ln(d_i + 5)} (d_i = i's out-degree), the density of a node set S is
 * g(S) = (sum of edge weights inside S) / |S|, and nodes are removed one at a time in order of least weighted degree;
 * the set with the best g seen is returned. Adding camouflage edges from the block to popular targets cannot lower
 * the block's column weights, and popular targets weigh little; the follower weight keeps accounts that follow
 * hundreds of others from making every large community the densest block, at the price of a logarithmic discount
 * on a farm whose members add camouflage follows. Cost of the first call: O(m) for the degrees and the ladder of
 * τ-cores, then O(m_C log n_C) with an indexed 4-ary heap for the m_C edges of the last core (see
 * {@link #densest(boolean[], int, int, double)}); the whole graph's O(m log n) when no core is small. A later call
 * whose excluded followers include the last call's updates the ladder from the nodes the new exclusions take out of
 * each core (their adjacency and their neighbours') instead of climbing it again, then peels its last core.
 * Memory: 28 bytes per follow (both adjacencies, the in-to-out map, a weight per direction) and about 75 bytes per
 * account (offsets, degree weights, the ladder kept between calls), besides O(n) scratch per call.
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
    private PeelGraph peel; // the follows of positive weight, computed on first use
    private Ladder ladder; // the core ladder of the last densest call, updated by the next one
    /** How many {@link #densest} calls climbed the core ladder from scratch (the others updated the last one). */
    int climbs;
    /**
     * How many {@link #densest} calls climbed on from the last core of an updated ladder whose test still held (the
     * ladder's test failed at a deeper step).
     */
    int resumes;
    private final double[] followerWeight;

    /**
     * @param follower,followee distinct (follower, followee) pairs over accounts [0, n), ascending by follower then
     *                          followee (each follower's targets must be sorted for {@link #follows})
     */
    DenseBlockFinder(int n, int[] follower, int[] followee) {
        this(outOffsets(n, follower), outTargets(n, follower, followee));
    }

    /**
     * The finder over the out-adjacency {@code outOffsets} (n + 1 entries for n accounts) and {@code outTargets}
     * (each follower's targets ascending, distinct, without the follower itself); both arrays are taken over.
     */
    private DenseBlockFinder(int[] outOffsets, int[] outTargets) {
        int n = outOffsets.length - 1;
        this.followers = n;
        int m = outTargets.length;
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        inOffsets = new int[n + 1];
        for (int t : outTargets) {
            inOffsets[t + 1]++;
        }
        for (int v = 0; v < n; v++) {
            inOffsets[v + 1] += inOffsets[v];
        }
        inFollowers = new int[m];
        inToOut = new int[m];
        int[] in = Arrays.copyOf(inOffsets, n);
        for (int f = 0; f < n; f++) {
            for (int out = outOffsets[f]; out < outOffsets[f + 1]; out++) {
                int inPos = in[outTargets[out]]++;
                inFollowers[inPos] = f;
                inToOut[inPos] = out;
            }
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

    private static int[] outOffsets(int n, int[] follower) {
        int[] offsets = new int[n + 1];
        for (int f : follower) {
            offsets[f + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        return offsets;
    }

    private static int[] outTargets(int n, int[] follower, int[] followee) {
        int[] at = outOffsets(n, follower);
        int[] targets = new int[follower.length];
        for (int i = 0; i < follower.length; i++) {
            targets[at[follower[i]]++] = followee[i];
        }
        return targets;
    }

    /**
     * The finder over {@code pairs}, each {@code follower << 32 | followee} over accounts [0, n), strictly ascending,
     * without self-follows (as {@link LockstepFollowSignal#distinctFollows} gives them). O(n + m), 12 bytes per
     * follow besides the pairs.
     */
    static DenseBlockFinder ofPairs(int n, long[] pairs) {
        int[] offsets = new int[n + 1];
        int[] targets = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            offsets[(int) (pairs[i] >>> 32) + 1]++;
            targets[i] = (int) pairs[i];
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        return new DenseBlockFinder(offsets, targets);
    }

    /**
     * The finder over the distinct follows {@code follower(i) → followee(i)} (i in [0, m)) other than self-follows,
     * in any order and with repeats: a counting sort by follower, then each follower's targets sorted and
     * deduplicated in place. O(n + m log d) for out-degrees d, 4 bytes per follow besides the finder (the same
     * finder as {@link #ofPairs} of the sorted distinct pairs, without the 8 bytes per follow of the pairs).
     */
    static DenseBlockFinder ofFollows(int n, int m, IntUnaryOperator follower,
                                      IntUnaryOperator followee) {
        int[] offsets = new int[n + 1];
        for (int i = 0; i < m; i++) {
            offsets[follower.applyAsInt(i) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] targets = new int[m];
        int[] at = Arrays.copyOf(offsets, n);
        for (int i = 0; i < m; i++) {
            targets[at[follower.applyAsInt(i)]++] = followee.applyAsInt(i);
        }
        at = null;
        int kept = 0;
        for (int f = 0; f < n; f++) {
            int from = offsets[f], to = offsets[f + 1];
            offsets[f] = kept;
            Arrays.sort(targets, from, to);
            for (int i = from; i < to; i++) {
                int t = targets[i];
                if (t != f && (i == from || t != targets[i - 1])) {
                    targets[kept++] = t;
                }
            }
        }
        offsets[n] = kept;
        return new DenseBlockFinder(offsets, kept == m ? targets : Arrays.copyOf(targets, kept));
    }

    /**
     * Multiplies every edge's peeling weight by {@code weights[e]} (indexed by out-edge position, see
     * {@link #outEdgeOf}); null restores the plain FRAUDAR weights. The array is taken over: the peeling weights are
     * written into it when they are first needed.
     */
    void setEdgeWeights(double[] weights) {
        if (weights != null && weights.length != outTargets.length) {
            throw new IllegalArgumentException("weights must have one entry per follow, had " + weights.length);
        }
        this.edgeWeight = weights;
        this.peel = null;
        this.ladder = null;
    }

    /**
     * The follows of positive peeling weight, in both directions with their weights (follows of weight 0 add no
     * density; {@link LockstepFollowSignal} gives weight 0 to the follows the model explains), built on first use.
     * When every follow has a positive weight (the signal's surprise has a floor), the peeling graph shares this
     * finder's adjacency and holds only the weights: 16 bytes per follow.
     */
    private PeelGraph peelGraph() {
        if (peel == null) {
            int n = followers;
            int m = outTargets.length;
            double[] ow = edgeWeight != null ? edgeWeight : new double[m];
            int kept = 0;
            for (int f = 0; f < n; f++) {
                for (int i = outOffsets[f]; i < outOffsets[f + 1]; i++) {
                    double x = targetWeight[outTargets[i]] * followerWeight[f];
                    if (edgeWeight != null) {
                        x *= edgeWeight[i];
                    }
                    ow[i] = x; // in place: position i is read before it is written
                    kept += x > 0 ? 1 : 0;
                }
            }
            edgeWeight = null; // folded into the peel graph
            if (kept == m) {
                double[] iw = new double[m];
                for (int p = 0; p < m; p++) {
                    iw[p] = ow[inToOut[p]];
                }
                peel = new PeelGraph(outOffsets, outTargets, ow, inOffsets, inFollowers, iw);
                return peel;
            }
            int[] po = new int[n + 1];
            int[] pi = new int[n + 1];
            for (int f = 0; f < n; f++) {
                for (int i = outOffsets[f]; i < outOffsets[f + 1]; i++) {
                    if (ow[i] > 0) {
                        po[f + 1]++;
                        pi[outTargets[i] + 1]++;
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                po[v + 1] += po[v];
                pi[v + 1] += pi[v];
            }
            int[] ot = new int[kept];
            double[] kw = new double[kept];
            int[] inf = new int[kept];
            double[] iw = new double[kept];
            int[] at = Arrays.copyOf(pi, n);
            int k = 0;
            for (int f = 0; f < n; f++) {
                for (int i = outOffsets[f]; i < outOffsets[f + 1]; i++) {
                    double x = ow[i];
                    if (x > 0) {
                        ot[k] = outTargets[i];
                        kw[k++] = x;
                        int p = at[outTargets[i]]++;
                        inf[p] = f;
                        iw[p] = x;
                    }
                }
            }
            peel = new PeelGraph(po, ot, kw, pi, inf, iw);
        }
        return peel;
    }

    /** The follows that peeling sees: CSR both ways, each with its weight. */
    private record PeelGraph(int[] outOffsets, int[] outTargets, double[] outWeight, int[] inOffsets,
                             int[] inFollowers, double[] inWeight) {
    }

    /** The out-edge position of the follow at in-edge position {@code inPosition}. */
    int outEdgeOf(int inPosition) {
        return inToOut[inPosition];
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
     * The weighted and plain degrees of every node in the graph without the excluded followers (follower f at f,
     * target t at n + t), into the zeroed arrays; returns the number of follows. Followers are summed over their
     * out-lists and targets over their in-lists (ascending followers: the same additions in the same order as one
     * pass over the followers' out-lists), side by side.
     */
    private long degrees(PeelGraph pg, boolean[] excluded, double[] degree, int[] plain) {
        int n = followers;
        long[] edges = new long[1];
        IntStream.range(0, 2).parallel().forEach(side -> {
            if (side == 0) {
                int[] offsets = pg.outOffsets();
                double[] w = pg.outWeight();
                long count = 0;
                for (int f = 0; f < n; f++) {
                    if (excluded[f]) {
                        continue;
                    }
                    double x = 0;
                    for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                        x += w[i];
                    }
                    degree[f] = x;
                    plain[f] = offsets[f + 1] - offsets[f];
                    count += plain[f];
                }
                edges[0] = count;
            } else {
                int[] offsets = pg.inOffsets();
                int[] from = pg.inFollowers();
                double[] w = pg.inWeight();
                for (int t = 0; t < n; t++) {
                    double x = 0;
                    int c = 0;
                    for (int i = offsets[t]; i < offsets[t + 1]; i++) {
                        if (!excluded[from[i]]) {
                            x += w[i];
                            c++;
                        }
                    }
                    degree[n + t] = x;
                    plain[n + t] = c;
                }
            }
        });
        return edges[0];
    }

    /**
     * Peels the graph restricted to followers with {@code excluded[f] == false}; returns a boolean mask over
     * 2n nodes (follower f at index f, target t at index n + t) of the densest block found among the node sets of
     * the peeling sequence that have at least {@code minFollowers} followers, {@code minTargets} targets and an
     * unweighted edge density (edges / (followers × targets)) of at least {@code minDensity}. Without the
     * constraints the whole graph of a big organic archive can be "densest" and hide a small farm; with them the
     * farm's suffix of the peeling order wins. All false when no set qualifies.
     *
     * <p>The result is that of peeling the whole graph, computed on a core of it. Greedy peeling removes, while the
     * remaining set is larger than the τ-core C (the largest node set whose weighted degrees inside it are all at
     * least τ), only nodes of degree below τ (a larger set holds one, and C's nodes keep degree ≥ τ), so it reaches
     * C itself and then peels C exactly as it would peel C alone. It passes through every core of the ladder
     * C_0 (the whole graph, m' edges) ⊇ C_1 ⊇ … ⊇ C on the way, so a set of the prefix between C_j and C_{j+1} holds
     * at most C_j's m_j edges and at least C_{j+1}'s followers and targets: when m_j &lt; {@code minDensity} ·
     * |F_{j+1}| · |T_{j+1}| for every step of the ladder none of them qualifies, and the best set is C's. τ climbs
     * a ladder (0, then from 1/64 of the average degree by factors of 5/4) while that holds, each core cut from
     * the previous one by a queue; the heap peels the last core that passed. A call whose excluded followers include
     * the last call's keeps the last ladder's τ and cuts its cores again ({@link Ladder}), as long as the test still
     * holds at every step; when it fails at a step above the first, the ladder is climbed on from the last core whose
     * step holds ({@link #resumedLadder}) instead of from the whole graph. Float rounding of the degrees aside, the block is the whole graph's.
     *
     * @param excluded one entry per account; not kept (copied)
     */
    boolean[] densest(boolean[] excluded, int minFollowers, int minTargets, double minDensity) {
        PeelGraph pg = peelGraph();
        if (excluded.length != followers) {
            throw new IllegalArgumentException("excluded must have one entry per account, had " + excluded.length);
        }
        if (ladder == null || !ladder.update(pg, excluded, minDensity)) {
            if (ladder != null && ladder.failedStep > 1) {
                ladder = resumedLadder(pg, ladder, ladder.failedStep - 1, minDensity);
                resumes++;
            } else {
                ladder = fullLadder(pg, excluded, minDensity);
                climbs++;
            }
        }
        return peelCore(pg, excluded, ladder, minFollowers, minTargets, minDensity);
    }

    /** The core ladder of the graph without the excluded followers, from scratch (see {@link #densest}). */
    private Ladder fullLadder(PeelGraph pg, boolean[] excluded, double minDensity) {
        int n = followers;
        int nodes = 2 * n;
        double[] degree = new double[nodes];
        int[] plain = new int[nodes];
        long edges = degrees(pg, excluded, degree, plain);
        // the core ladder: level[v] = the first level whose core v is not in (0: an excluded follower)
        int[] level = new int[nodes];
        int[] list = new int[nodes]; // the current core's nodes, compacted as they go
        CoreCounts core = new CoreCounts();
        core.edges = edges;
        double sum = 0;
        for (int v = 0; v < nodes; v++) {
            if (plain[v] > 0) {
                list[core.size++] = v;
                sum += degree[v];
                if (v < n) {
                    core.followers++;
                } else {
                    core.targets++;
                }
            }
        }
        Arrays.fill(level, Integer.MAX_VALUE);
        // d[v] while v is in the current core and not queued: its degree there (≥ τ); queued: -∞; removed or
        // excluded: NaN
        double[] d = degree.clone();
        for (int f = 0; f < n; f++) {
            if (excluded[f]) {
                level[f] = 0;
                d[f] = Double.NaN;
            }
        }
        int[] queue = new int[nodes];
        int passed = 0; // the highest level whose core still rules out every set of the prefix
        Levels levels = new Levels(16);
        double[] base = new double[nodes]; // the degree at the start of the node's last level
        levels.edges[0] = edges;
        double tau = core.size == 0 ? 0 : sum / core.size / 64;
        double factor = 1.25;
        for (int k = 1; ; k++, tau *= factor) {
            if (!levels.passes(core, k, minDensity)) {
                if (factor < 1.25 || passed == 0) {
                    break;
                }
                // back to the last core that passed, then a finer ladder from it
                core = gatherCore(pg, level, passed, plain, list, d);
                factor = 1.02;
                k = passed + 1;
                tau = levels.tau[passed] * factor;
            }
            passed = k - 1;
            climb(pg, levels, core, k, tau, level, d, base, list, queue);
        }
        for (int v = 0; v < nodes; v++) {
            level[v] = plain[v] == 0 ? 0 : Math.min(level[v], passed + 1);
        }
        return new Ladder(this, excluded.clone(), minDensity, passed, levels, level, base);
    }

    /**
     * Greedy peeling of the ladder's last core ({@code level > top}), each node of it starting from its degree
     * inside it (summed afresh): the block of {@link #densest}.
     */
    private boolean[] peelCore(PeelGraph pg, boolean[] excluded, Ladder ladder, int minFollowers, int minTargets,
                               double minDensity) {
        int n = followers;
        int nodes = 2 * n;
        int[] outOffsets = pg.outOffsets(), outTargets = pg.outTargets(), inOffsets = pg.inOffsets();
        int[] inFollowers = pg.inFollowers();
        double[] w = pg.outWeight(), wIn = pg.inWeight();
        int[] level = ladder.level;
        int passed = ladder.top;
        double[] degree = new double[nodes];
        int[] plain = new int[nodes];
        long edges;

        // the core of level `passed`: degrees inside it, summed afresh
        double total = 0;
        edges = 0;
        for (int f = 0; f < n; f++) {
            if (excluded[f] || level[f] <= passed) {
                continue;
            }
            for (int i = outOffsets[f]; i < outOffsets[f + 1]; i++) {
                int t = n + outTargets[i];
                if (level[t] > passed) {
                    degree[f] += w[i];
                    degree[t] += w[i];
                    plain[f]++;
                    plain[t]++;
                    total += w[i];
                    edges++;
                }
            }
        }
        int aliveFollowers = 0, aliveTargets = 0;
        // a node is alive while it is in the heap, and its key there is its degree
        IndexedMinHeap heap = new IndexedMinHeap(nodes);
        for (int v = 0; v < nodes; v++) {
            if (plain[v] > 0) {
                if (v < n) {
                    aliveFollowers++;
                } else {
                    aliveTargets++;
                }
                heap.insert(v, degree[v]);
                ladder.rebase(v, degree[v]);
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
            total -= heap.minKey();
            int v = heap.popMin();
            removal[removed++] = v;
            int lost = 0; // v's follows to nodes still alive
            if (v < n) {
                aliveFollowers--;
                for (int i = outOffsets[v]; i < outOffsets[v + 1]; i++) {
                    lost += heap.lower(n + outTargets[i], w[i]) ? 1 : 0;
                }
            } else {
                aliveTargets--;
                int t = v - n;
                for (int i = inOffsets[t]; i < inOffsets[t + 1]; i++) {
                    // excluded followers are never in the heap
                    lost += heap.lower(inFollowers[i], wIn[i]) ? 1 : 0;
                }
            }
            edges -= lost;
        }
        boolean[] block = new boolean[nodes];
        if (bestRemoved >= 0) {
            for (int i = bestRemoved; i < aliveCount; i++) {
                block[removal[i]] = true;
            }
        }
        return block;
    }

    /**
     * The ladder climbed on from the core of level {@code keep} (≥ 1) of an updated ladder whose steps up to
     * {@code keep} still rule out every set of the prefix: its levels up to {@code keep} (their cores, τ, counts and
     * degree bounds) are kept, and the core of level {@code keep} is climbed with fine steps (factors of 1.02 of τ)
     * while the test holds, as {@link #fullLadder} climbs its finer ladder from the last core that passed. A ladder
     * of τ-cores of the graph without the excluded followers whose steps pass, as the one climbed from scratch, so
     * {@link #peelCore} gives the same block; the climb walks the follows of that core instead of the whole graph.
     */
    private Ladder resumedLadder(PeelGraph pg, Ladder old, int keep, double minDensity) {
        int nodes = 2 * followers;
        int[] level = old.level;
        double[] base = old.base;
        int[] list = new int[nodes];
        double[] d = new double[nodes];
        CoreCounts core = gatherCore(pg, level, keep, null, list, d);
        Levels levels = new Levels(old, Math.max(16, 2 * (keep + 1)));
        int[] queue = new int[nodes];
        int passed = keep;
        double factor = 1.02;
        double tau = levels.tau[keep] * factor;
        for (int k = keep + 1; ; k++, tau *= factor) {
            if (k > keep + 1 && !levels.passes(core, k, minDensity)) {
                break;
            }
            passed = k - 1;
            climb(pg, levels, core, k, tau, level, d, base, list, queue);
        }
        for (int v = 0; v < nodes; v++) {
            level[v] = Math.min(level[v], passed + 1);
        }
        Ladder resumed = new Ladder(this, old.excluded, minDensity, passed, levels, level, base);
        resumed.keepLosses(old, keep);
        return resumed;
    }

    /**
     * Back to the core of level {@code top} of a ladder: the nodes of a higher level go back to
     * {@code MAX_VALUE}, and those at {@code MAX_VALUE} (only those of {@code plain[v] > 0} when {@code plain} is
     * given) are the core: its nodes into {@code list}, followers first, their degrees inside it summed afresh into
     * {@code d} (NaN for the nodes outside), and its counts.
     */
    private CoreCounts gatherCore(PeelGraph pg, int[] level, int top, int[] plain, int[] list, double[] d) {
        int n = followers;
        int[] outOffsets = pg.outOffsets(), outTargets = pg.outTargets();
        double[] w = pg.outWeight();
        CoreCounts core = new CoreCounts();
        for (int v = 0; v < 2 * n; v++) {
            if (level[v] > top) {
                level[v] = Integer.MAX_VALUE;
            }
            if (level[v] == Integer.MAX_VALUE && (plain == null || plain[v] > 0)) {
                list[core.size++] = v;
                d[v] = 0;
                if (v < n) {
                    core.followers++;
                } else {
                    core.targets++;
                }
            } else {
                d[v] = Double.NaN;
            }
        }
        for (int i = 0; i < core.size; i++) {
            int f = list[i];
            if (f >= n) {
                break;
            }
            for (int e = outOffsets[f]; e < outOffsets[f + 1]; e++) {
                int t = n + outTargets[e];
                if (level[t] == Integer.MAX_VALUE) {
                    d[f] += w[e];
                    d[t] += w[e];
                    core.edges++;
                }
            }
        }
        return core;
    }

    /** Counts of the core being cut: its nodes (the first {@code size} of the list), followers, targets, follows. */
    private static final class CoreCounts {
        int size, followers, targets;
        long edges;
    }

    /**
     * The records of a ladder being climbed, one entry a level, grown as the climb goes: τ of each level's core
     * (level 0: the whole graph, τ 0), the follows inside it, and its followers and targets.
     */
    private static final class Levels {
        double[] tau;
        long[] edges;
        int[] followers, targets;

        Levels(int capacity) {
            tau = new double[capacity];
            edges = new long[capacity];
            followers = new int[capacity];
            targets = new int[capacity];
        }

        /** The levels of {@code old}, with room for {@code capacity}. */
        Levels(Ladder old, int capacity) {
            tau = Arrays.copyOf(old.tau, capacity);
            edges = Arrays.copyOf(old.edges, capacity);
            followers = Arrays.copyOf(old.followerCount, capacity);
            targets = Arrays.copyOf(old.targetCount, capacity);
        }

        /**
         * Whether the step to level {@code k} still rules out every set of the prefix, {@code core} being the core
         * of level k − 1: the sets between the last two cores hold at most the follows of the outer one.
         */
        boolean passes(CoreCounts core, int k, double minDensity) {
            long bound = edges[Math.max(0, k - 2)];
            return core.size > 0 && bound < minDensity * core.followers * (double) core.targets;
        }

        /** Records {@code core} as the core of level k − 1 and τ of level k, with room for level k. */
        void record(int k, CoreCounts core, double tauK) {
            if (k >= tau.length) {
                tau = Arrays.copyOf(tau, 2 * k);
                edges = Arrays.copyOf(edges, 2 * k);
                followers = Arrays.copyOf(followers, 2 * k);
                targets = Arrays.copyOf(targets, 2 * k);
            }
            followers[k - 1] = core.followers;
            targets[k - 1] = core.targets;
            edges[k - 1] = core.edges;
            tau[k] = tauK;
        }
    }

    /**
     * One step of a climb: records the core of level k − 1 in {@code levels} and cuts the core of level {@code k}
     * (degrees ≥ {@code tau}) from it (see {@link #cutLevel}), recording its follows.
     */
    private void climb(PeelGraph pg, Levels levels, CoreCounts core, int k, double tau, int[] level, double[] d,
                       double[] base, int[] list, int[] queue) {
        levels.record(k, core, tau);
        cutLevel(pg, core, k, tau, level, d, base, list, queue);
        levels.edges[k] = core.edges;
    }

    /**
     * Cuts the core of level {@code k} (degrees ≥ {@code tau}) from that of level k − 1, whose nodes are the first
     * {@code core.size} of {@code list} with their degrees inside it in {@code d}: each node's degree at the start of
     * the level goes to {@code base}, the nodes below τ are queued and removed (level k, d NaN) with their follows,
     * their neighbours' degrees lowered, until none is left below τ; the list keeps the nodes still in the core and
     * the counts follow. O(size + the follows of the removed nodes).
     */
    private void cutLevel(PeelGraph pg, CoreCounts core, int k, double tau, int[] level, double[] d, double[] base,
                          int[] list, int[] queue) {
        int n = followers;
        int[] outOffsets = pg.outOffsets(), outTargets = pg.outTargets(), inOffsets = pg.inOffsets();
        int[] inFollowers = pg.inFollowers();
        double[] w = pg.outWeight(), wIn = pg.inWeight();
        int size = core.size;
        int coreFollowers = core.followers, coreTargets = core.targets;
        long coreEdges = core.edges;
        int head = 0, tail = 0;
        for (int i = 0; i < size; i++) {
            int v = list[i];
            base[v] = d[v];
            if (d[v] < tau) {
                d[v] = Double.NEGATIVE_INFINITY;
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            level[v] = k;
            d[v] = Double.NaN;
            if (v < n) {
                coreFollowers--;
                for (int i = outOffsets[v]; i < outOffsets[v + 1]; i++) {
                    int t = n + outTargets[i];
                    double x = d[t];
                    if (x == x) { // still in the core
                        coreEdges--;
                        if (x >= tau) {
                            x -= w[i];
                            if (x < tau) {
                                x = Double.NEGATIVE_INFINITY;
                                queue[tail++] = t;
                            }
                            d[t] = x;
                        }
                    }
                }
            } else {
                coreTargets--;
                int t = v - n;
                for (int i = inOffsets[t]; i < inOffsets[t + 1]; i++) {
                    int f = inFollowers[i];
                    double x = d[f];
                    if (x == x) { // still in the core
                        coreEdges--;
                        if (x >= tau) {
                            x -= wIn[i];
                            if (x < tau) {
                                x = Double.NEGATIVE_INFINITY;
                                queue[tail++] = f;
                            }
                            d[f] = x;
                        }
                    }
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (level[list[i]] > k) {
                list[kept++] = list[i];
            }
        }
        size = kept;
        core.size = size;
        core.followers = coreFollowers;
        core.targets = coreTargets;
        core.edges = coreEdges;
    }

    /** Unconstrained FRAUDAR: the densest set of the peeling sequence. */
    boolean[] densest(boolean[] excluded) {
        return densest(excluded, 0, 0, 0.0);
    }

    /**
     * The core ladder of the last {@link #densest} call, kept so that the next call, whose excluded followers include
     * the last call's, updates it instead of climbing it again over the whole graph. Its cores are τ-cores of the
     * graph without the excluded followers: excluding more followers only shrinks each of them (a τ-core of the
     * smaller graph is a node set of degrees ≥ τ inside the larger one), so each core is cut from its old self by
     * removing what the new exclusions take away, level by level in increasing τ: a node is tested again only when
     * a neighbour of its deepest core leaves it, first against a lower bound of its degree there (its degree when
     * last computed minus the weights of the neighbours lost since), then, when that bound falls below τ, by summing
     * its degree in every core at once. The follows, followers and targets of each core are kept up to date with the
     * nodes that leave it, so the ladder's test (every set of the prefix ruled out) is checked again exactly; when it
     * fails at step j &gt; 1, the cores below j are kept and the ladder is climbed on from core j − 1
     * ({@link DenseBlockFinder#resumedLadder}); when it fails at the first step, or the excluded followers are not a
     * superset of the last call's, it is climbed from scratch.
     * Cost: the adjacency of the nodes that leave a core or whose bound fails, instead of O(m) per call.
     */
    private static final class Ladder {
        /** Relative margin of the degree bound over τ, far above the rounding of its sums. */
        private static final double MARGIN = 1e-9;
        private final DenseBlockFinder finder;
        private final boolean[] excluded; // the excluded followers of the last call
        private final double minDensity;
        private final int top; // the last core of the ladder (level top)
        private final double[] tau; // τ of each core (0 for the whole graph)
        private final long[] edges; // follows inside each core
        private final int[] followerCount, targetCount; // nodes of each kind inside each core
        /** The first level whose core the node is not in, at most top + 1; 0 for a node of no follow. */
        final int[] level;
        private final double[] base; // a lower bound of the node's degree in the core of level level − 1 ...
        private final double[] loss; // ... once the weights of the neighbours lost from that core since are subtracted
        private int[] queuedAt; // the level a node waits to be tested at, MAX_VALUE when none
        private IntArrayList[] buckets;
        private long[] edgeDiff;
        private int[] followerDiff, targetDiff;
        private double[] hist;
        /**
         * The first step whose test failed in the last {@link #update} (0 when none did): the cores below it are the
         * τ-cores of the graph without the new exclusions, and their steps still rule out every set of the prefix.
         */
        int failedStep;

        /** The ladder of the {@code top + 1} first entries of {@code levels}. */
        Ladder(DenseBlockFinder finder, boolean[] excluded, double minDensity, int top, Levels levels, int[] level,
               double[] base) {
            this.finder = finder;
            this.excluded = excluded;
            this.minDensity = minDensity;
            this.top = top;
            this.tau = Arrays.copyOf(levels.tau, top + 1);
            this.edges = Arrays.copyOf(levels.edges, top + 1);
            this.followerCount = Arrays.copyOf(levels.followers, top + 1);
            this.targetCount = Arrays.copyOf(levels.targets, top + 1);
            this.level = level;
            this.base = base;
            this.loss = new double[level.length];
        }

        /**
         * Takes over the losses of {@code old}, whose levels up to {@code keep} and degree bounds this ladder kept: for
         * a node of a kept level the bound is still its old degree minus the weights lost since; the nodes of the
         * climbed levels were given their degrees afresh, with no loss.
         */
        void keepLosses(Ladder old, int keep) {
            for (int v = 0; v < level.length; v++) {
                loss[v] = level[v] <= keep ? old.loss[v] : 0;
            }
        }

        /** Sets the node's degree in the core of level {@code level − 1} to {@code degree}, computed exactly. */
        void rebase(int v, double degree) {
            base[v] = degree;
            loss[v] = 0;
        }

        /**
         * Updates the ladder to {@code excluded}; false when it must be climbed from scratch (see the class
         * comment).
         */
        boolean update(PeelGraph pg, boolean[] excluded, double minDensity) {
            failedStep = 0;
            if (minDensity != this.minDensity) {
                return false;
            }
            int n = this.excluded.length;
            IntArrayList fresh = new IntArrayList();
            for (int f = 0; f < n; f++) {
                if (excluded[f] != this.excluded[f]) {
                    if (!excluded[f]) {
                        return false;
                    }
                    fresh.add(f);
                }
            }
            if (fresh.isEmpty()) {
                return true;
            }
            for (int f : fresh) {
                this.excluded[f] = true;
            }
            if (queuedAt == null) {
                queuedAt = new int[level.length];
                Arrays.fill(queuedAt, Integer.MAX_VALUE);
                buckets = new IntArrayList[top + 2];
                for (int i = 0; i < buckets.length; i++) {
                    buckets[i] = new IntArrayList();
                }
                hist = new double[top + 3];
            }
            edgeDiff = new long[top + 3];
            followerDiff = new int[top + 3];
            targetDiff = new int[top + 3];
            for (int f : fresh) {
                drop(pg, f, 0);
            }
            for (int i = 1; i <= top; i++) {
                IntArrayList bucket = buckets[i];
                for (int q = 0; q < bucket.size(); q++) {
                    int v = bucket.getInt(q);
                    if (queuedAt[v] != i) {
                        continue;
                    }
                    queuedAt[v] = Integer.MAX_VALUE;
                    if (level[v] > i) {
                        test(pg, v, i);
                    }
                }
                bucket.clear();
            }
            long e = 0;
            int fs = 0, ts = 0;
            for (int i = 0; i <= top; i++) {
                e += edgeDiff[i];
                fs += followerDiff[i];
                ts += targetDiff[i];
                edges[i] -= e;
                followerCount[i] -= fs;
                targetCount[i] -= ts;
            }
            // every set of the prefix ruled out, as the climb checks it
            for (int j = 1; j <= top; j++) {
                if (followerCount[j] + targetCount[j] == 0
                        || edges[j - 1] >= minDensity * followerCount[j] * (double) targetCount[j]) {
                    failedStep = j;
                    return false;
                }
            }
            return true;
        }

        /** Node v leaves the cores of levels ≥ b: the counts, and its neighbours' bounds, follow. */
        private void drop(PeelGraph pg, int v, int b) {
            int a = level[v];
            if (b >= a) {
                return;
            }
            level[v] = b;
            int n = excluded.length;
            boolean follower = v < n;
            if (follower) {
                followerDiff[b]++;
                followerDiff[a]--;
            } else {
                targetDiff[b]++;
                targetDiff[a]--;
            }
            int[] offsets = follower ? pg.outOffsets() : pg.inOffsets();
            int[] adjacent = follower ? pg.outTargets() : pg.inFollowers();
            double[] w = follower ? pg.outWeight() : pg.inWeight();
            int x = follower ? v : v - n;
            for (int i = offsets[x]; i < offsets[x + 1]; i++) {
                int u = follower ? n + adjacent[i] : adjacent[i];
                int c = level[u];
                if (c <= b) {
                    continue; // u is in none of the cores v leaves
                }
                // the follow was in the cores below min(a, c), now below b
                int before = Math.min(a, c);
                edgeDiff[b]++;
                edgeDiff[before]--;
                if (a >= c) {
                    loss[u] += w[i]; // v was in u's deepest core
                }
                int deepest = c - 1;
                if (deepest >= 1 && base[u] - loss[u] < tau[deepest] + MARGIN * Math.abs(base[u])) {
                    int at = Math.max(1, b);
                    if (queuedAt[u] > at) {
                        queuedAt[u] = at;
                        buckets[at].add(u);
                    }
                }
            }
        }

        /**
         * Tests node v (in the cores below level[v]) at levels from i up: its degree in each core summed at once
         * from its neighbours' levels; it leaves the cores from the first level whose τ it falls below.
         */
        private void test(PeelGraph pg, int v, int i) {
            int n = excluded.length;
            boolean follower = v < n;
            int[] offsets = follower ? pg.outOffsets() : pg.inOffsets();
            int[] adjacent = follower ? pg.outTargets() : pg.inFollowers();
            double[] w = follower ? pg.outWeight() : pg.inWeight();
            int x = follower ? v : v - n;
            double[] h = hist;
            Arrays.fill(h, 0);
            for (int e = offsets[x]; e < offsets[x + 1]; e++) {
                int u = follower ? n + adjacent[e] : adjacent[e];
                h[level[u]] += w[e];
            }
            // h[j] becomes the degree in the core of level j − 1 (the neighbours of level ≥ j)
            for (int j = top; j >= 0; j--) {
                h[j] += h[j + 1];
            }
            int last = level[v] - 1;
            for (int j = i; j <= last; j++) {
                if (h[j + 1] < tau[j]) {
                    double degree = h[j];
                    drop(pg, v, j);
                    rebase(v, degree);
                    return;
                }
            }
            rebase(v, h[last + 1]);
        }
    }

    /**
     * Min-heap over int ids with decrease-key, ordered by (key, id): four children per node (half the levels of a
     * binary heap for the decrease-keys that dominate peeling); keys are kept in heap order next to the ids. The
     * order of {@link #popMin} is that of any heap on (key, id).
     */
    static final class IndexedMinHeap {
        private final int[] heap;
        private final double[] keys; // by heap position
        private final int[] pos;
        private int size;

        IndexedMinHeap(int capacity) {
            heap = new int[capacity];
            keys = new double[capacity];
            pos = new int[capacity];
            Arrays.fill(pos, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        void insert(int id, double k) {
            heap[size] = id;
            keys[size] = k;
            pos[id] = size;
            up(size++);
        }

        /**
         * Lowers the key of {@code id} by {@code by} ({@code key − by}, the same double as subtracting from a copy of
         * the key) when it is in the heap; false when it is not (never inserted, or popped).
         */
        boolean lower(int id, double by) {
            int i = pos[id];
            if (i < 0) {
                return false;
            }
            keys[i] -= by;
            up(i);
            return true;
        }

        /** The smallest key (the heap must not be empty). */
        double minKey() {
            return keys[0];
        }

        int popMin() {
            int top = heap[0];
            pos[top] = -1;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                keys[0] = keys[size];
                pos[heap[0]] = 0;
                down(0);
            }
            return top;
        }

        private void up(int i) {
            int id = heap[i];
            double k = keys[i];
            while (i > 0) {
                int parent = (i - 1) >>> 2;
                double pk = keys[parent];
                if (!(k < pk || (k == pk && id < heap[parent]))) {
                    break;
                }
                heap[i] = heap[parent];
                keys[i] = pk;
                pos[heap[i]] = i;
                i = parent;
            }
            heap[i] = id;
            keys[i] = k;
            pos[id] = i;
        }

        private void down(int i) {
            int id = heap[i];
            double k = keys[i];
            while (true) {
                int first = 4 * i + 1;
                if (first >= size) {
                    break;
                }
                int c = first;
                double ck = keys[first];
                int last = Math.min(first + 4, size);
                for (int j = first + 1; j < last; j++) {
                    double jk = keys[j];
                    if (jk < ck || (jk == ck && heap[j] < heap[c])) {
                        c = j;
                        ck = jk;
                    }
                }
                if (!(ck < k || (ck == k && heap[c] < id))) {
                    break;
                }
                heap[i] = heap[c];
                keys[i] = ck;
                pos[heap[i]] = i;
                i = c;
            }
            heap[i] = id;
            keys[i] = k;
            pos[id] = i;
        }
    }
}
