package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Lockstep follows: groups of accounts following the same set of targets (follower farms). Each round has three
 * steps.
 *
 * <ol>
 *   <li><b>Seed</b>: the densest block of the follower × target graph by FRAUDAR's greedy peeling
 *       ({@link DenseBlockFinder}; Hooi et al., KDD 2016) among the accounts not yet assigned. An edge from i to j
 *       weighs {@code 1 / (ln(d_j + 5) · ln(d_i + 5))}: FRAUDAR's column weight, so that follows of popular accounts
 *       (a farm's camouflage, every reader's follows of the stars of its community) weigh little, and the same
 *       discount for accounts that follow many, so that the heavy readers of large communities do not fill the
 *       first rounds. Only node sets of the peeling sequence with at least {@code minFollowers} followers,
 *       {@code minTargets} targets and an edge density of {@code minDensity} compete, so that a large organic
 *       graph cannot be the "densest block".</li>
 *   <li><b>The creation burst as supporting evidence</b>: when at least {@code minFollowers} of the seed's
 *       followers were created within one {@code creationBurst} span, growth starts from them alone. Peeling often
 *       leaves ordinary readers of the same popular accounts next to a farm (in the demo archive, 27 of them next
 *       to 28 of the farm's 30 accounts); grown from such a mixed seed the block drifts to the readers. The
 *       burst only picks where growth starts: membership is decided by follows.</li>
 *   <li><b>Growth</b> (lockstep propagation, as in LockInfer: Jiang et al., PAKDD 2014) from followers F to a fixed
 *       point:
 *     <ul>
 *       <li>targets T: the accounts followed by at least {@code minDensity} of F (and by two), more often than
 *           their popularity explains: with y_j of F following j and F making the share q = Σ_{i∈F} d_i / m of the
 *           m follows, P(Poisson(d_j · q) ≥ y_j) ≤ {@code maxPValue}. The stars a farm follows for camouflage stay
 *           out;</li>
 *       <li>followers F: every unassigned account following at least {@code minTargets} of T more often than the
 *           targets' own audience does. Over the audience (accounts outside F following some of T: X of them, d
 *           follows in all), r = Σ X(X−1) / Σ X(d−1) is the chance that another follow of an account that follows
 *           one of T goes to T as well; account i needs P(Poisson((d_i − 1)·r) ≥ X_i − 1) ≤ {@code maxPValue} (the
 *           volume null model of the co-action signals, measured on the audience). Readers of the stars of one
 *           community follow them together at the community's own rate, and a heavy reader merely follows more;
 *           the targets of a farm (a client and accounts from unrelated communities) are rarely followed together
 *           by anyone but the farm, whose dozen follows nearly all go to T. While growing, r is measured on the
 *           audience that follows fewer than {@code minTargets} of T, so that the part of a group not yet in F
 *           (a botnet's followers of its own seeds) cannot mask the rest; at the fixed point every member is
 *           tested once more against the whole audience outside the block, which sends the most assiduous readers
 *           of a community back among its other readers.</li>
 *     </ul>
 *       Growth recovers the members peeling cut off: a farm whose members each follow a random part of a target
 *       pool is a sparse block, where two members share only a few targets.</li>
 * </ol>
 * A grown block is kept when it has at least {@code minFollowers} followers, {@code minTargets} targets and density
 * {@code minDensity}. Its followers and the seed's creation-burst core (the whole seed when nothing grew) are
 * excluded from later rounds; at most {@code maxBlocks} rounds. The block is the evidence: every pair of its
 * followers sharing a target of the block gets an edge with weight = Jaccard similarity of their followed sets
 * within the block, count = shared targets, evidence = shared target account ids with the two accounts' creation
 * times (the creation burst is scored again by {@link ClusterScorer}). Blocks larger than 5,000 followers keep their
 * 5,000 most-connected followers (pairs are quadratic in the block). Cost: O(maxBlocks · (m log n + g · m_B)) for m
 * follows and g ≤ 16 growth steps, each touching the m_B follows of the block's followers and targets, plus
 * O(|F|² |T| / 64) per kept block.
 */
public final class LockstepFollowSignal implements CoordinationSignal {
    static final int MAX_BLOCK_FOLLOWERS = 5_000;
    static final int MAX_GROWTH_STEPS = 16;
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
        Growth growth = new Growth(finder, n);
        boolean[] excluded = new boolean[n];
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int round = 0; round < params.maxBlocks(); round++) {
            termination.assertRunning();
            boolean[] block = finder.densest(excluded, params.minFollowers(), params.minTargets(),
                    params.minDensity());
            IntArrayList fs = new IntArrayList();
            for (int v = 0; v < n; v++) {
                if (block[v]) {
                    fs.add(v);
                }
            }
            progress.advance(1);
            if (fs.size() < 2) {
                break;
            }
            int[] seed = creationCore(activity, fs.toIntArray());
            int[][] grown = growth.grow(seed, excluded);
            // a kept or rejected block consumes its seed; when nothing grew, the whole seed
            for (int f : grown == null ? fs.toIntArray() : seed) {
                excluded[f] = true;
            }
            if (grown == null) {
                continue;
            }
            for (int f : grown[0]) {
                excluded[f] = true;
            }
            if (grown[0].length >= params.minFollowers() && grown[1].length >= params.minTargets()) {
                edges.addAll(blockEdges(activity, finder, grown[0], grown[1]));
            }
        }
        edges.sort(Comparator.comparingLong(CoordinationEdge::pairKey));
        progress.end();
        return new SignalGraph(name(), edges, d, edges.size());
    }

    /**
     * The seed followers created within one {@code creationBurst} span, when there are at least
     * {@code minFollowers} of them (the largest such group; ties: the earliest); otherwise all of {@code fs}.
     */
    int[] creationCore(Activity activity, int[] fs) {
        long[] times = new long[fs.length];
        int k = 0;
        for (int f : fs) {
            long c = activity.accountCreated(f);
            if (c != Activity.NO_TIME) {
                times[k++] = c;
            }
        }
        if (k < params.minFollowers()) {
            return fs;
        }
        Arrays.sort(times, 0, k);
        int best = 0;
        long from = 0;
        for (int i = 0, j = 0; j < k; j++) {
            while (times[j] - times[i] > params.creationBurst()) {
                i++;
            }
            if (j - i + 1 > best) {
                best = j - i + 1;
                from = times[i];
            }
        }
        if (best < params.minFollowers()) {
            return fs;
        }
        IntArrayList core = new IntArrayList(best);
        for (int f : fs) {
            long c = activity.accountCreated(f);
            if (c != Activity.NO_TIME && c >= from && c - from <= params.creationBurst()) {
                core.add(f);
            }
        }
        return core.toIntArray();
    }

    /** Lockstep propagation from a seed; its scratch arrays are reused across rounds. */
    final class Growth {
        private final DenseBlockFinder finder;
        private final int[] followedBy; // target -> how many of the block's followers follow it
        private final int[] follows; // account -> how many of the block's targets it follows
        private final boolean[] inBlock;
        private final IntArrayList touched = new IntArrayList();

        Growth(DenseBlockFinder finder, int n) {
            this.finder = finder;
            this.followedBy = new int[n];
            this.follows = new int[n];
            this.inBlock = new boolean[n];
        }

        /**
         * Grows a block from {@code seed} (ascending followers) to a fixed point of {@link #targets} and
         * {@link #followers}, at most {@code MAX_GROWTH_STEPS} steps; returns {followers, targets} (ascending), or
         * null when either has fewer than two accounts.
         */
        int[][] grow(int[] seed, boolean[] excluded) {
            int[] fs = seed;
            int[] ts = targets(fs);
            for (int step = 0; step < MAX_GROWTH_STEPS && ts.length >= 2; step++) {
                int[] next = followers(ts, fs, excluded, false);
                if (Arrays.equals(next, fs)) {
                    break;
                }
                fs = next;
                if (fs.length < 2) {
                    return null;
                }
                ts = targets(fs);
            }
            if (ts.length >= 2) {
                int[] strict = followers(ts, fs, excluded, true);
                IntArrayList kept = new IntArrayList();
                for (int f : fs) {
                    if (Arrays.binarySearch(strict, f) >= 0) {
                        kept.add(f);
                    }
                }
                if (kept.size() < fs.length) {
                    fs = kept.toIntArray();
                    if (fs.length < 2) {
                        return null;
                    }
                    ts = targets(fs);
                }
            }
            return fs.length < 2 || ts.length < 2 ? null : new int[][] {fs, ts};
        }

        /**
         * The accounts followed by at least max(2, minDensity·|fs|) of {@code fs}, more often than their popularity
         * explains: y_j of the block's followers follow j, the block makes the share q = Σ_{i∈fs} d_i / m of all
         * follows, and j needs P(Poisson(d_j · q) ≥ y_j) ≤ maxPValue. A star that the block follows along with
         * everyone else stays out.
         */
        int[] targets(int[] fs) {
            int need = Math.max(2, (int) Math.ceil(params.minDensity() * fs.length - 1e-9));
            long outflow = 0;
            touched.clear();
            for (int f : fs) {
                outflow += finder.outDegree(f);
                for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                    int t = finder.outTarget(i);
                    if (followedBy[t]++ == 0) {
                        touched.add(t);
                    }
                }
            }
            double share = outflow / (double) Math.max(1, finder.edgeCount());
            IntArrayList out = new IntArrayList();
            for (int t : touched) {
                int y = followedBy[t];
                followedBy[t] = 0;
                if (y >= need && PoissonTail.upper(y, finder.inDegree(t) * share) <= params.maxPValue()) {
                    out.add(t);
                }
            }
            int[] a = out.toIntArray();
            Arrays.sort(a);
            return a;
        }

        /**
         * The unassigned accounts following at least {@code minTargets} of {@code ts} more often than the targets'
         * audience does (see the class comment): the audience is the accounts outside {@code current} that follow
         * some of ts; with {@code confirm} false, only those following fewer than {@code minTargets} of them.
         */
        int[] followers(int[] ts, int[] current, boolean[] excluded, boolean confirm) {
            for (int f : current) {
                inBlock[f] = true;
            }
            touched.clear();
            for (int t : ts) {
                for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                    int f = finder.inFollower(i);
                    if (follows[f]++ == 0) {
                        touched.add(f);
                    }
                }
            }
            double same = 0;
            double other = 0;
            for (int f : touched) {
                if (!inBlock[f] && (confirm || follows[f] < params.minTargets())) {
                    int x = follows[f];
                    same += (double) x * (x - 1);
                    other += (double) x * (finder.outDegree(f) - 1);
                }
            }
            double rate = other == 0 ? 0 : same / other;
            IntArrayList out = new IntArrayList();
            for (int f : touched) {
                int x = follows[f];
                follows[f] = 0;
                if (!excluded[f] && x >= params.minTargets()
                        && PoissonTail.upper(x - 1, (finder.outDegree(f) - 1) * rate) <= params.maxPValue()) {
                    out.add(f);
                }
            }
            for (int f : current) {
                inBlock[f] = false;
            }
            int[] a = out.toIntArray();
            Arrays.sort(a);
            return a;
        }
    }

    private List<CoordinationEdge> blockEdges(Activity activity, DenseBlockFinder finder, int[] fs, int[] ts) {
        int[] targetIndex = new int[activity.accountCount()];
        Arrays.fill(targetIndex, -1);
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
            sets.add(set);
            members.add(f);
        }
        long edgesInBlock = 0;
        for (BitSet set : sets) {
            edgesInBlock += set.cardinality();
        }
        List<CoordinationEdge> out = new ArrayList<>();
        if (edgesInBlock < params.minDensity() * fs.length * (double) ts.length) {
            return out;
        }
        int k = Math.min(members.size(), MAX_BLOCK_FOLLOWERS);
        if (members.size() > k) {
            // keep the most connected followers
            Integer[] order = new Integer[members.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(sets.get(y).cardinality(), sets.get(x).cardinality()));
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
                if (c == 0) {
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
