package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Lockstep follows: groups of accounts following the same set of targets (follower farms), found as dense blocks
 * of the follower × target graph by FRAUDAR-style greedy peeling ({@link DenseBlockFinder}; Hooi et al., KDD 2016),
 * repeated up to {@code maxBlocks} times, each time without the followers already assigned to a block. Only node
 * sets of the peeling sequence with at least {@code minFollowers} followers, {@code minTargets} targets and an edge
 * density of {@code minDensity} compete, so that a large organic graph cannot be the "densest block" that hides a
 * farm.
 *
 * <p>A block is kept when it has at least {@code minFollowers} followers and {@code minTargets} targets after
 * dropping followers that follow less than {@code minDensity} of its targets. Every pair of its followers sharing at
 * least {@code minTargets} of its targets gets an edge: weight = Jaccard similarity of their followed sets within
 * the block, count = shared targets, evidence = shared target account ids with the two accounts' creation times
 * (account-creation bursts are supporting evidence, scored by {@link ClusterScorer}). Blocks larger than 5,000
 * followers keep their 5,000 most-connected followers (pairs are quadratic in the block). Cost: O(maxBlocks · m log n)
 * for m follows, plus O(|F|² |T| / 64) per block.
 */
public final class LockstepFollowSignal implements CoordinationSignal {
    static final int MAX_BLOCK_FOLLOWERS = 5_000;
    private final DetectionParams.FollowParams params;
    private final int evidenceCap;

    public LockstepFollowSignal(DetectionParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.follow();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return LOCKSTEP_FOLLOW;
    }

    @Override
    public SignalGraph detect(Activity activity, ProgressListener progress, TerminationFlag termination) {
        int n = activity.accountCount();
        int m = activity.followCount();
        progress.begin(name(), params.maxBlocks());
        long[] pairs = new long[m];
        for (int i = 0; i < m; i++) {
            pairs[i] = ((long) activity.follower(i) << 32) | activity.followee(i);
        }
        LongArrays.radixSort(pairs);
        int d = 0;
        for (int i = 0; i < m; i++) {
            if ((i == 0 || pairs[i] != pairs[i - 1]) && (int) (pairs[i] >>> 32) != (int) pairs[i]) {
                pairs[d++] = pairs[i];
            }
        }
        int[] follower = new int[d];
        int[] followee = new int[d];
        for (int i = 0; i < d; i++) {
            follower[i] = (int) (pairs[i] >>> 32);
            followee[i] = (int) pairs[i];
        }
        pairs = null;
        DenseBlockFinder finder = new DenseBlockFinder(n, follower, followee);
        boolean[] excluded = new boolean[n];
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int round = 0; round < params.maxBlocks(); round++) {
            termination.assertRunning();
            boolean[] block = finder.densest(excluded, params.minFollowers(), params.minTargets(),
                    params.minDensity());
            IntArrayList fs = new IntArrayList();
            IntArrayList ts = new IntArrayList();
            for (int v = 0; v < n; v++) {
                if (block[v]) {
                    fs.add(v);
                }
                if (block[n + v]) {
                    ts.add(v);
                }
            }
            progress.advance(1);
            if (fs.size() < 2) {
                break;
            }
            for (int f : fs) {
                excluded[f] = true;
            }
            if (fs.size() < params.minFollowers() || ts.size() < params.minTargets()) {
                continue;
            }
            edges.addAll(blockEdges(activity, finder, fs.toIntArray(), ts.toIntArray()));
        }
        edges.sort(java.util.Comparator.comparingLong(CoordinationEdge::pairKey));
        progress.end();
        return new SignalGraph(name(), edges, d, edges.size());
    }

    private List<CoordinationEdge> blockEdges(Activity activity, DenseBlockFinder finder, int[] fs, int[] ts) {
        int[] targetIndex = new int[activity.accountCount()];
        java.util.Arrays.fill(targetIndex, -1);
        for (int i = 0; i < ts.length; i++) {
            targetIndex[ts[i]] = i;
        }
        List<BitSet> sets = new ArrayList<>();
        IntArrayList members = new IntArrayList();
        for (int f : fs) {
            BitSet set = new BitSet(ts.length);
            for (int t : finder.targetsOf(f)) {
                if (targetIndex[t] >= 0) {
                    set.set(targetIndex[t]);
                }
            }
            if (set.cardinality() >= params.minDensity() * ts.length && set.cardinality() >= params.minTargets()) {
                sets.add(set);
                members.add(f);
            }
        }
        List<CoordinationEdge> out = new ArrayList<>();
        if (members.size() < params.minFollowers()) {
            return out;
        }
        long edgesInBlock = 0;
        for (BitSet s : sets) {
            edgesInBlock += s.cardinality();
        }
        if (edgesInBlock < params.minDensity() * members.size() * (double) ts.length) {
            return out;
        }
        int k = Math.min(members.size(), MAX_BLOCK_FOLLOWERS);
        if (members.size() > k) {
            // keep the most connected followers
            Integer[] order = new Integer[members.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> Integer.compare(sets.get(y).cardinality(),
                    sets.get(x).cardinality()));
            List<BitSet> keptSets = new ArrayList<>();
            IntArrayList keptMembers = new IntArrayList();
            for (int i = 0; i < k; i++) {
                keptSets.add(sets.get(order[i]));
                keptMembers.add(members.getInt(order[i]));
            }
            sets.clear();
            sets.addAll(keptSets);
            members = keptMembers;
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                BitSet shared = (BitSet) sets.get(i).clone();
                shared.and(sets.get(j));
                int c = shared.cardinality();
                if (c < params.minTargets()) {
                    continue;
                }
                int a = members.getInt(i), b = members.getInt(j);
                int lo = Math.min(a, b), hi = Math.max(a, b);
                double jaccard = (double) c / (sets.get(i).cardinality() + sets.get(j).cardinality() - c);
                List<Evidence> ev = new ArrayList<>();
                for (int t = shared.nextSetBit(0); t >= 0 && ev.size() < evidenceCap; t = shared.nextSetBit(t + 1)) {
                    ev.add(new Evidence(activity.accountId(ts[t]), activity.accountCreated(lo),
                            activity.accountCreated(hi)));
                }
                out.add(new CoordinationEdge(lo, hi, name(), jaccard, c, ev));
            }
        }
        return out;
    }
}
