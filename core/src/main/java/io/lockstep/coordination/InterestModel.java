package io.lockstep.coordination;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;

/**
 * The follow block model over <b>interest communities</b>: accounts grouped by the popular accounts they follow, not
 * by whom they know. {@link FollowNullModel}'s communities are the follow graph's, mostly friends, circles and
 * regions; an interest (a party, a club, a scene, a beat) cuts across them, and its keenest followers, spread over many
 * of those communities, follow its stars together at a rate no friendship community predicts. Here the communities are
 * Leiden's on modularity over the bipartite graph of accounts and the popular accounts they follow (an account's
 * follows of accounts with at least {@link #popularFloor} followers; Barber, "Modularity and community detection in
 * bipartite networks", Phys. Rev. E 76, 066102, 2007, for modularity on such a graph), at resolution
 * {@value #RESOLUTION}: fine communities of accounts that follow the same popular accounts, finer than the friend
 * communities (more than ten on the tests' platform of ten friend communities). The rates are
 * the degree-corrected block model's (Karrer and Newman 2011): an account i of interest community r, making d_i
 * follows, follows j an expected λ_ij = min(1, d_i · k_j(r) / κ_r) times, k_j(r) j's followers in r and κ_r the
 * follows made by r.
 *
 * <p><b>Leave-block-out.</b> A farm follows its targets together too, so the partition makes it an interest community
 * of its own, and its own rates would explain it. The rates for a block (F, T) are therefore counted without F and,
 * in every community that F and its candidates (the accounts following at least {@value #CANDIDATE_TARGETS} of T)
 * make at least a third of, without the candidates: the part of a farm not in the block (a pool delivering to small
 * clients, each member following two or three of them) would otherwise explain the block. An honest interest keeps
 * followers outside the block that follow its stars one or two at a time, in communities the block does not fill.
 *
 * <p>A block is <i>explained by interest</i> when its observed follows are fewer than {@code minLift} times the
 * expected ones and most of its followers' own follows of T are too (a farm the peeling mixed with a minority of
 * honest fans stays unexplained: the fans' high expectations would otherwise carry the whole block).
 * {@link LockstepFollowSignal} asks this of the blocks it keeps from seeds the peeling alone chose: such a block is
 * its followers' shared taste, not evidence.
 *
 * <p>Cost: the partition, one Leiden fit over the follows of popular accounts (at most the follow graph's edges,
 * twice, as an undirected bipartite graph); per block O(Σ in-degrees of T + |T| · |F|). Memory: the bipartite
 * graph while fitting (2 × 4 bytes per account and 2 × 8 per follow of a popular account), then 4 bytes per account
 * and 16 per community, and scratch of 13 bytes per account. Deterministic for a given seed; not thread-safe
 * (scratch shared between blocks).
 */
final class InterestModel {
    /**
     * Leiden's resolution for the interest communities: finer than the friend partition, so that a block's rates come
     * from accounts that follow as its followers do (chosen on prototypes over the fourth generator's archives, where
     * resolution 4 separated honest readers' blocks from farms; docs/quality.md, "Interest communities").
     */
    static final double RESOLUTION = 4.0;
    /** An account following at least this many of a block's targets is a candidate member (see the class comment). */
    static final int CANDIDATE_TARGETS = 3;
    /** A community of which the block and its candidates make at least 1 / this share is held out with them. */
    static final int OWN_COMMUNITY_SHARE = 3;

    private final DenseBlockFinder graph;
    private final int[] community; // -1: follows no popular account
    private final long[] volume; // κ_r
    private final int[] size;
    // scratch
    private final int[] mark; // 1: in F, 2: candidate, 3: held-out candidate
    private final int[] shared; // per account, follows of T (candidates)
    private final double[] count; // per community
    private final long[] heldVolume;
    private final int[] members; // per community, F and candidates
    private final boolean[] isTarget;

    InterestModel(DenseBlockFinder graph, int[] community) {
        this.graph = graph;
        this.community = community;
        int n = community.length;
        int c = 0;
        for (int v : community) {
            c = Math.max(c, v + 1);
        }
        volume = new long[c];
        size = new int[c];
        for (int v = 0; v < n; v++) {
            if (community[v] >= 0) {
                volume[community[v]] += graph.outDegree(v);
                size[community[v]]++;
            }
        }
        mark = new int[n];
        shared = new int[n];
        isTarget = new boolean[n];
        count = new double[c];
        heldVolume = new long[c];
        members = new int[c];
    }

    /**
     * The least in-degree of a popular account: twice the mean in-degree of the accounts that have a follower, at least
     * 10. O(n).
     */
    static int popularFloor(DenseBlockFinder g, int n) {
        long follows = 0;
        int followed = 0;
        for (int v = 0; v < n; v++) {
            int d = g.inDegree(v);
            follows += d;
            followed += d > 0 ? 1 : 0;
        }
        return followed == 0 ? 10 : (int) Math.max(10, Math.ceil(2.0 * follows / followed));
    }

    /**
     * Fits the interest communities by seeded Leiden over the bipartite graph of accounts (nodes 0..n−1) and the
     * popular accounts they follow (nodes n + j). O(Leiden over the follows of popular accounts).
     */
    static InterestModel fit(DenseBlockFinder g, int n, long seed, TerminationFlag termination) {
        int floor = popularFloor(g, n);
        boolean[] popular = new boolean[n];
        for (int v = 0; v < n; v++) {
            popular[v] = g.inDegree(v) >= floor;
        }
        int[] offsets = new int[2 * n + 1];
        for (int v = 0; v < n; v++) {
            int k = 0;
            for (int i = g.outStart(v); i < g.outEnd(v); i++) {
                k += popular[g.outTarget(i)] ? 1 : 0;
            }
            offsets[v + 1] = offsets[v] + k;
        }
        for (int j = 0; j < n; j++) {
            offsets[n + j + 1] = offsets[n + j] + (popular[j] ? g.inDegree(j) : 0);
        }
        int[] targets = new int[offsets[2 * n]];
        float[] weights = new float[targets.length];
        Arrays.fill(weights, 1f);
        for (int v = 0; v < n; v++) {
            int at = offsets[v];
            for (int i = g.outStart(v); i < g.outEnd(v); i++) {
                int j = g.outTarget(i);
                if (popular[j]) {
                    targets[at++] = n + j;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (popular[j]) {
                int at = offsets[n + j];
                for (int k = g.inStart(j); k < g.inEnd(j); k++) {
                    targets[at++] = g.inFollower(k);
                }
            }
        }
        CompactGraph bipartite = CompactGraph.fromCsr(offsets, targets, weights);
        int[] membership = FollowNullModel.partition(bipartite, seed, RESOLUTION, termination);
        int[] community = new int[n];
        int[] relabel = new int[membership.length];
        Arrays.fill(relabel, -1);
        int next = 0;
        for (int v = 0; v < n; v++) {
            if (offsets[v + 1] == offsets[v]) {
                community[v] = -1;
                continue;
            }
            int m = membership[v];
            if (relabel[m] < 0) {
                relabel[m] = next++;
            }
            community[v] = relabel[m];
        }
        return new InterestModel(g, community);
    }

    /** The interest community of {@code account}, or −1 when it follows no popular account. */
    int communityOf(int account) {
        return community[account];
    }

    /**
     * A block's follows against the interest model: observed and expected over the whole block, and how many of its
     * {@code followers} make at least {@code minLift} times their own expected follows of the targets.
     */
    record Fit(long observed, double expected, int followers, int beating, double minLift) {
        /**
         * Whether the followers' interests explain the block: its follows are fewer than {@code minLift} times the
         * expected ones, and most of its followers' own are too. The second half keeps a farm that the peeling
         * mixed with a minority of honest fans: their high expectations would otherwise carry the whole block.
         */
        boolean explains() {
            return observed < minLift * expected && 2L * beating < followers;
        }
    }

    /**
     * The block's follows F × T against the interest model with F and its candidates held out (the class comment),
     * each follower's own observed follows of T counted against its own expected ones at {@code minLift}.
     * O(Σ in-degrees of T + |T| · |F|).
     */
    Fit fit(int[] followers, int[] targets, double minLift) {
        long[] observedEach = new long[followers.length];
        double[] expectedEach = new double[followers.length];
        long observed = 0;
        double expected = 0;
        fitEach(followers, targets, observedEach, expectedEach);
        int beating = 0;
        for (int x = 0; x < followers.length; x++) {
            observed += observedEach[x];
            expected += expectedEach[x];
            beating += observedEach[x] >= minLift * expectedEach[x] ? 1 : 0;
        }
        return new Fit(observed, expected, followers.length, beating, minLift);
    }

    private void fitEach(int[] followers, int[] targets, long[] observedEach, double[] expectedEach) {
        IntArrayList touched = new IntArrayList();
        IntArrayList communities = new IntArrayList();
        for (int f : followers) {
            mark[f] = 1;
        }
        for (int t : targets) {
            isTarget[t] = true;
        }
        for (int x = 0; x < followers.length; x++) {
            int f = followers[x];
            long o = 0;
            for (int i = graph.outStart(f); i < graph.outEnd(f); i++) {
                o += isTarget[graph.outTarget(i)] ? 1 : 0;
            }
            observedEach[x] = o;
        }
        int least = Math.min(CANDIDATE_TARGETS, targets.length);
        for (int t : targets) {
            for (int k = graph.inStart(t); k < graph.inEnd(t); k++) {
                int u = graph.inFollower(k);
                if (mark[u] == 1) {
                    continue;
                }
                if (shared[u]++ == 0) {
                    touched.add(u);
                }
            }
        }
        for (int f : followers) {
            touch(community[f], communities);
        }
        for (int i = 0; i < touched.size(); i++) {
            int u = touched.getInt(i);
            if (shared[u] >= least) {
                mark[u] = 2;
                touch(community[u], communities);
            }
        }
        for (int i = 0; i < touched.size(); i++) {
            int u = touched.getInt(i);
            int r = community[u];
            if (mark[u] == 2 && r >= 0 && (long) OWN_COMMUNITY_SHARE * members[r] >= size[r]) {
                mark[u] = 3;
                heldVolume[r] += graph.outDegree(u);
            }
        }
        for (int f : followers) {
            if (community[f] >= 0) {
                heldVolume[community[f]] += graph.outDegree(f);
            }
        }
        for (int t : targets) {
            for (int k = graph.inStart(t); k < graph.inEnd(t); k++) {
                int u = graph.inFollower(k);
                int r = community[u];
                if (r >= 0 && mark[u] != 1 && mark[u] != 3 && members[r] > 0) {
                    count[r]++;
                }
            }
            for (int x = 0; x < followers.length; x++) {
                int f = followers[x];
                int r = community[f];
                long rest = r < 0 ? 0 : volume[r] - heldVolume[r];
                if (rest > 0) {
                    expectedEach[x] += Math.min(1.0, graph.outDegree(f) * count[r] / rest);
                }
            }
            for (int i = 0; i < communities.size(); i++) {
                count[communities.getInt(i)] = 0;
            }
        }
        for (int f : followers) {
            mark[f] = 0;
        }
        for (int t : targets) {
            isTarget[t] = false;
        }
        for (int i = 0; i < touched.size(); i++) {
            int u = touched.getInt(i);
            mark[u] = 0;
            shared[u] = 0;
        }
        for (int i = 0; i < communities.size(); i++) {
            int r = communities.getInt(i);
            members[r] = 0;
            heldVolume[r] = 0;
        }
    }

    private void touch(int r, IntArrayList communities) {
        if (r < 0) {
            return;
        }
        if (members[r]++ == 0) {
            communities.add(r);
        }
    }
}
