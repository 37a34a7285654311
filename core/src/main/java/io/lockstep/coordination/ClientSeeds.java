package io.lockstep.coordination;

import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Client-side seeds for {@link LockstepFollowSignal}: a follower farm found from the account that bought it, by the
 * other accounts its followers follow together. CopyCatch searches for lockstep behaviour from the pages liked
 * (A. Beutel, W. Xu, V. Guruswami, C. Palow and C. Faloutsos, "CopyCatch: Stopping Group Attacks by Spotting
 * Lockstep Behavior in Social Networks", WWW 2013); a farm of aged accounts bought second-hand has no creation burst
 * to be found by ({@link AudienceSeeds}, {@link LockstepFollowSignal#creationBursts}), and its members, each with an
 * ordinary past of follows inside its own community, are peeled a few at a time inside seeds of hundreds of readers,
 * never enough of them together to grow from. What the farm cannot hide is that its members all follow the client
 * and, besides, popular accounts of other communities drawn from one pool: among the client's followers those
 * accounts are co-followed far more often than the followers' out-of-community habits predict.
 *
 * <p><b>Away follows.</b> A follow f → u is away when f and u lie in different communities of {@code community} (the
 * model's coarsest partition, modularity at resolution 1). Co-follows are counted over away follows only: a
 * community's readers of their own stars, the bulk of every follow graph and of its co-follows, are what the
 * communities explain, and leaving them out removes most of the cost. The coarsest partition is the one whose
 * communities a farm of a few dozen does not form by itself: finer partitions split topical communities (their
 * readers' follows of their own stars would become away).
 *
 * <p><b>The screen.</b> For a candidate client t (at least {@code minFollowers} followers), with A(t) its counted
 * followers (those with an away follow; below, the sketched screen counts a sample of each one's), c_u counts the members of A(t) with an away follow of u ≠ t. The expectation is a configuration
 * model of the away follows (F. Chung and L. Lu, "Connected components in random graphs with given expected degree
 * sequences", Annals of Combinatorics 6, 125–145 (2002)) whose follower side is the attention the model of ordinary
 * following expects rather than the one observed (a farm's members spend theirs on the pool, which is the evidence):
 * E_u = s_u / S · Σ_{f ∈ A(t)} (d_f − 1) · ρ_{c(f)}, with s_u the counted away follows u receives, S all counted away
 * follows, d_f the follows of f besides t and ρ_r the share of community r's follows that go away, estimated without
 * A(t)'s own follows and shrunk to the archive's share with {@link FollowNullModel#PSEUDO_FOLLOWS} pseudo-follows (a
 * farm that the partition put in a community of its own does not explain itself, as in the model's leave-block-out).
 * The targets U_t are the u with c_u ≥ 2, c_u ≥ {@code minLift} · E_u and P(Poisson(E_u) ≥ c_u) ≤ {@code maxPValue};
 * the members M_t the followers in A(t) with away follows of at least two of U_t (a co-follow pair besides t). t yields
 * a seed when |M_t| ≥ {@code minFollowers}, |U_t| + 1 ≥ {@code minTargets}, and the away follows O of M_t to U_t
 * against their expectation E (the same expectation over M_t) pass O ≥ {@code minLift} · E and P(Poisson(E) ≥ O) ≤
 * {@code maxPValue} / w, w the candidates tested (Bonferroni over clients; the targets were selected on the same
 * counts, so the joint tail ranks and screens, it is no verdict). Each seed is then judged by the signal's member
 * test, growth and block test against {@link FollowNullModel}; a seed that yields no block marks nothing.
 *
 * <p>Known limit: a client with a large audience of its own (hundreds of readers in its community) dilutes its farm's
 * co-follows below the screen's lift; so does a pool of the most followed accounts of every community once the
 * client's own readers outnumber the farm (hand-built: a farm of 40 following 16 of the top 3 accounts of 8
 * communities, its client followed by 60 readers besides: the pool co-followed at lifts of 1.5–4.5, no target
 * passes, exact or sketched). Such a farm is left to the peeling.
 *
 * <p><b>The sketched screen (the signal's).</b> Counting t's co-follows costs the away follows of its followers, so
 * an exact screen costs W = Σ_f b_f · a_f increments over followers f (a_f its away follows, b_f its follows of
 * candidates), which grows with the square of heavy readers' degrees. Each follower is counted instead by a
 * bottom-k sample of its away follows ({@link #sketched}, k = {@link #SKETCH}): a fixed hash h orders all accounts
 * ({@link #hash}), and f keeps the away follows f → u with h(u) below τ_f, the (k+1)-th smallest hash among its
 * away targets (every follow when a_f ≤ k, τ_f = ∞). This is MinHash's bottom-k sketch (A. Z. Broder, "On the
 * resemblance and containment of documents", 1997; E. Cohen and H. Kaplan, "Summarizing data using bottom-k
 * sketches", PODC 2007): one hash for all followers keeps the same targets across them, so the pool accounts of low
 * hash are kept by every member of a farm and their co-follows survive the sample (independent samples per
 * follower would keep a given pair for a fraction (k/a_f)² of the members). The thinned graph has its own null,
 * exact under the configuration model: f → u is kept exactly when h(u) &lt; τ_f, a condition on the pair, not on
 * the follow, so E_u = s_u / S · Σ_{f ∈ A(t), τ_f &gt; h(u)} x_f with s_u and S over every away follow (A(t)'s
 * sampled followers sorted by τ_f: O(log |A(t)|) per target). The attention x_f is the model's expectation
 * (d_f − 1) · ρ_{c(f)} for a follower whose whole list is counted, and the larger of that and its observed away
 * follows a_f for a follower with more than k: a reader following hundreds of accounts of other communities
 * spends its attention there whatever its community's habits, and a farm's paid follows, a pool's worth, are a
 * minority of a list longer than the sample (a homophily-0.95 simulator cell: 527 seeds, one of 324 readers of a
 * 1,413-follower account, with the expectation alone; 46 with this rule, the farm's two clients first). Every
 * follower is counted and every candidate screened: no budget decides which farms are seen (an exact screen
 * within a budget of increments, whole followers admitted by ascending b_f · a_f, left out the farms whose members
 * are costly followers: archives T, U, A, docs/quality.md, "The client screen without a budget choice"). With
 * k at least every follower's away follows, the sketched screen is the exact one.
 *
 * <p><b>Cost.</b> Sketched: Σ_f b_f · min(a_f, k) ≤ k · m increments; O(m) to find the away follows, O(a_f log a_f)
 * to sample each follower with a_f &gt; k, O(|A(t)| log |A(t)|) per candidate to sort its sampled followers, and
 * O(k log k) to rank the k seeds found; memory O(m_away) for the samples and O(n) counters per screening
 * thread. Deterministic: the hash is fixed (no randomness), ties broken by id.
 */
final class ClientSeeds {
    /** Pseudo-follows of the shrinkage of a community's away share towards the archive's. */
    static final double PSEUDO_FOLLOWS = FollowNullModel.PSEUDO_FOLLOWS;
    /**
     * The sketched screen's sample: away follows kept per follower. It holds a farm member's whole away list (its
     * pool and its own past: 14–65 in the generators' farms, the 90th percentiles) so that its paid follows are all
     * counted, and bounds the screen at 64 increments per follow.
     */
    static final int SKETCH = 64;
    /** Poisson point probabilities are looked up with log-factorials below this count. */
    private static final int TABLE = 1024;
    private static final double[] LOG_FACTORIAL = new double[TABLE];

    static {
        for (int k = 2; k < TABLE; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private ClientSeeds() {
    }

    /**
     * A seed from client {@code client}: its away followers that co-follow the screened targets, and those targets
     * with the client, both ascending; {@code logTail} the natural log of the screen's joint tail.
     */
    record Seed(int client, int[] followers, int[] targets, double logTail) {
    }

    /**
     * What a {@link #sketched} call did: the away follows, the increments spent, their bound (k · m), the followers
     * counted by a sample (more away follows than k), the candidates tested and the seeds found before the limit.
     */
    record Stats(long away, long wedges, long bound, int followersSampled, int candidates, int found) {
    }

    /**
     * The client-side seeds, strongest first (smallest joint tail; ties: more followers, then the smaller client
     * id), at most {@code limit}; a seed whose followers are at least half in earlier ones is dropped (a farm's
     * pool stars can show its audience too). Every follower is counted by a bottom-{@code sketch} sample of its away
     * follows (the class comment, "The sketched screen"), at most {@code sketch} · m increments; exact (every away
     * follow counted) with {@code Integer.MAX_VALUE}.
     *
     * @param n         the accounts of the finder's graph
     * @param community each account's community in the model's coarsest partition
     * @param sketch    the away follows kept per follower, at least 2
     * @param stats     receives what the call did in its element 0, or null
     */
    static List<Seed> sketched(DenseBlockFinder finder, int n, int[] community, int minFollowers, int minTargets,
                               double minLift, double maxPValue, int limit, int sketch, Stats[] stats) {
        return sketched(finder, n, community, minFollowers, minTargets, minLift, maxPValue, limit, sketch, stats, 1,
                TerminationFlag.RUNNING_TRUE);
    }

    /**
     * As {@link #sketched(DenseBlockFinder, int, int[], int, int, double, double, int, int, Stats[])}, the candidates
     * screened on at most {@code concurrency} threads (the calling thread and threads started for the call); the
     * seeds do not depend on it. {@code termination} is polled between runs of candidates.
     *
     * @param concurrency threads for the screen, at least 1
     */
    static List<Seed> sketched(DenseBlockFinder finder, int n, int[] community, int minFollowers, int minTargets,
                               double minLift, double maxPValue, int limit, int sketch, Stats[] stats,
                               int concurrency, TerminationFlag termination) {
        checkArguments(n, community, minFollowers, minTargets, minLift, maxPValue, limit);
        Checks.atLeast("sketch", sketch, 2);
        Checks.atLeast("concurrency", concurrency, 1);
        Away away = new Away(finder, n, community);
        int[] offsets = away.offsets;
        long[] hash = new long[n];
        for (int u = 0; u < n; u++) {
            hash[u] = hash(u);
        }
        // each follower's bottom-k away targets by hash, and the threshold of its sample
        int[] sketchOffsets = new int[n + 1];
        long[] threshold = new long[n];
        int maxAway = 0;
        for (int f = 0; f < n; f++) {
            int a = offsets[f + 1] - offsets[f];
            maxAway = Math.max(maxAway, a);
            sketchOffsets[f + 1] = sketchOffsets[f] + Math.min(a, sketch);
        }
        int[] sketchTargets = new int[sketchOffsets[n]];
        long[] buffer = new long[Math.max(1, maxAway)];
        int sampled = 0;
        for (int f = 0; f < n; f++) {
            int a = offsets[f + 1] - offsets[f];
            int at = sketchOffsets[f];
            if (a <= sketch) {
                threshold[f] = Long.MAX_VALUE;
                System.arraycopy(away.targets, offsets[f], sketchTargets, at, a);
                sketchOffsets[f + 1] = at + a;
                continue;
            }
            sampled++;
            for (int i = 0; i < a; i++) {
                buffer[i] = hash[away.targets[offsets[f] + i]];
            }
            Arrays.sort(buffer, 0, a);
            // u is kept when hash(u) < the (k+1)-th smallest hash: k kept (fewer only if two hashes tie)
            long tau = buffer[sketch];
            threshold[f] = tau;
            for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                int u = away.targets[i];
                if (hash[u] < tau) {
                    sketchTargets[at++] = u;
                }
            }
            sketchOffsets[f + 1] = at;
        }
        // s_u and S over every away follow: the thinned graph's expectation is the full graph's, times the sample
        Counted c = new Counted(sketchOffsets, sketchTargets, threshold, hash, away.incoming, offsets[n]);
        return screen(finder, n, community, away, c, minFollowers, minTargets, minLift, maxPValue, limit, stats,
                (long) sketch * finder.edgeCount(), sampled, concurrency, termination);
    }

    /**
     * The hash that orders every follower's away targets for the sketch: the splitmix64 finaliser of the account id
     * (a bijection of 64-bit values) shifted to 63 bits, so two ids tie with probability 2^−63 (a tie only makes a
     * sample smaller).
     */
    static long hash(int account) {
        return MinHasher.mix(account + 0x9E3779B97F4A7C15L) >>> 1;
    }

    private static void checkArguments(int n, int[] community, int minFollowers, int minTargets, double minLift,
                                       double maxPValue, int limit) {
        if (community.length != n) {
            throw new IllegalArgumentException("community must give the community of each of the " + n
                    + " accounts, had " + community.length);
        }
        Checks.atLeast("minFollowers", minFollowers, 2);
        Checks.atLeast("minTargets", minTargets, 1);
        Checks.lift("minLift", minLift);
        Checks.inOpenUnit("maxPValue", maxPValue);
        Checks.atLeast("limit", limit, 0);
    }

    /** The away follows (CSR by follower), what each account receives, and each community's follows made. */
    private static final class Away {
        final int[] offsets;
        final int[] targets;
        final int[] incoming;
        final long[] made;
        final long[] awayMade;
        final double globalShare;
        final int communities;

        Away(DenseBlockFinder finder, int n, int[] community) {
            offsets = new int[n + 1];
            incoming = new int[n];
            IntArrayList awayTargets = new IntArrayList();
            int k = 0;
            for (int c : community) {
                k = Math.max(k, c + 1);
            }
            communities = k;
            made = new long[k];
            for (int f = 0; f < n; f++) {
                int c = community[f];
                made[c] += finder.outDegree(f);
                for (int e = finder.outStart(f); e < finder.outEnd(f); e++) {
                    int u = finder.outTarget(e);
                    if (community[u] != c) {
                        awayTargets.add(u);
                        incoming[u]++;
                    }
                }
                offsets[f + 1] = awayTargets.size();
            }
            targets = awayTargets.elements();
            // the follows each community makes away: the rate at which its members' attention leaves it
            awayMade = new long[k];
            for (int f = 0; f < n; f++) {
                awayMade[community[f]] += offsets[f + 1] - offsets[f];
            }
            globalShare = (double) offsets[n] / Math.max(1, finder.edgeCount());
        }
    }

    /**
     * The away follows the screen counts: each follower's list (CSR), its threshold (a follow f → u is in the list
     * exactly when hash[u] &lt; threshold[f]; Long.MAX_VALUE: the whole list), the hashes, and the configuration
     * model's s_u and S.
     */
    private record Counted(int[] offsets, int[] targets, long[] threshold, long[] hash, int[] received,
                           long total) {
    }

    /**
     * Σ x_f over a set of followers with threshold above a hash: the expected attention of the followers whose
     * sample can hold a target of that hash. Followers counted whole are summed once; the sampled ones are sorted
     * by threshold with suffix sums.
     */
    private static final class Attention {
        /** Σ x_f over the followers counted whole: a lower bound of every {@link #above}. */
        double whole;
        private long[] thresholds = new long[16];
        private double[] xs = new double[16];
        private int size;
        private double[] suffix = new double[17];
        private long[] sorted = new long[16];
        private int[] order = new int[16];
        /** Whether the sampled followers added since {@link #clear} are sorted. */
        private boolean closed;

        void clear() {
            whole = 0;
            size = 0;
            closed = false;
        }

        void add(long threshold, double x) {
            if (threshold == Long.MAX_VALUE) {
                whole += x;
                return;
            }
            if (size == thresholds.length) {
                thresholds = Arrays.copyOf(thresholds, 2 * size);
                xs = Arrays.copyOf(xs, 2 * size);
            }
            thresholds[size] = threshold;
            xs[size] = x;
            size++;
        }

        /**
         * Sorts the sampled followers; call after the last {@link #add}, before {@link #above} (which sorts them
         * itself when it is not called).
         */
        void close() {
            closed = true;
            if (size == 0) {
                return;
            }
            if (sorted.length < size) {
                sorted = new long[thresholds.length];
                suffix = new double[thresholds.length + 1];
            }
            if (order.length < size) {
                order = new int[thresholds.length];
            }
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            IntArrays.quickSort(order, 0, size, (a, b) -> Long.compare(thresholds[a], thresholds[b]));
            suffix[size] = 0;
            for (int i = size - 1; i >= 0; i--) {
                sorted[i] = thresholds[order[i]];
                suffix[i] = suffix[i + 1] + xs[order[i]];
            }
        }

        /** Σ x_f over the followers added whose threshold is above {@code h}. */
        double above(long h) {
            if (size == 0) {
                return whole;
            }
            if (!closed) {
                close();
            }
            // the first sorted threshold > h
            int lo = 0, hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] > h) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return whole + suffix[lo];
        }
    }

    /**
     * The away attention the screen's null gives follower f of community share {@code share}: the model's
     * expectation (d_f − 1) · ρ, or, for a follower whose away follows outnumber its sample, the larger of that and
     * its observed away follows (the class comment, "The sketched screen").
     */
    private static double attention(DenseBlockFinder finder, Away away, Counted c, int f, double share) {
        double expected = (finder.outDegree(f) - 1) * share;
        return c.threshold[f] == Long.MAX_VALUE ? expected
                : Math.max(expected, away.offsets[f + 1] - away.offsets[f]);
    }

    /**
     * The screen over the counted away follows {@code c}: every candidate client screened ({@link Screen#client})
     * on at most {@code concurrency} threads taking runs of candidate ids in turn (at most {@value #CHUNK}, fewer on
     * a small graph so that every thread gets some), each with its own counters; the seeds are then ranked by a
     * total order (tail, size, client id), so the result does not depend on the threads.
     */
    private static List<Seed> screen(DenseBlockFinder finder, int n, int[] community, Away away, Counted c,
                                     int minFollowers, int minTargets, double minLift, double maxPValue, int limit,
                                     Stats[] stats, long bound, int sampled, int concurrency,
                                     TerminationFlag termination) {
        int tested = 0;
        for (int t = 0; t < n; t++) {
            tested += finder.inDegree(t) >= minFollowers ? 1 : 0;
        }
        double level = maxPValue / tested;
        int chunk = Math.max(16, Math.min(CHUNK, n / (32 * Math.max(1, concurrency))));
        int chunks = c.total > 0 ? (n + chunk - 1) / chunk : 0;
        int workers = Math.max(1, Math.min(concurrency, chunks));
        Screen[] screens = new Screen[workers];
        AtomicInteger next = new AtomicInteger();
        LockstepFollowSignal.Models.eachOnThreads(workers, workers, termination, w -> {
            Screen screen = new Screen(finder, n, community, away, c, minFollowers, minTargets, minLift, maxPValue,
                    level);
            screens[w] = screen;
            for (int k = next.getAndIncrement(); k < chunks; k = next.getAndIncrement()) {
                termination.assertRunning();
                for (int t = k * chunk, end = Math.min(n, t + chunk); t < end; t++) {
                    screen.client(t);
                }
            }
        });
        List<Seed> found = new ArrayList<>();
        long wedges = 0;
        for (Screen screen : screens) {
            if (screen != null) {
                found.addAll(screen.found);
                wedges += screen.wedges;
            }
        }
        found.sort((x, y) -> x.logTail() != y.logTail() ? Double.compare(x.logTail(), y.logTail())
                : x.followers().length != y.followers().length
                        ? Integer.compare(y.followers().length, x.followers().length)
                        : Integer.compare(x.client(), y.client()));
        List<Seed> out = mostlyNew(found, Seed::followers, n, limit);
        if (stats != null && stats.length > 0) {
            stats[0] = new Stats(away.offsets[n], wedges, bound, sampled, tested, found.size());
        }
        return out;
    }

    /** The most candidate client ids a screening thread takes at a time. */
    private static final int CHUNK = 4096;

    /**
     * One thread's share of the screen: its counters (one per account, zero between candidates), the scratch of the
     * community shares, and the seeds it found. Each candidate is screened from the shared, read-only counts alone,
     * so which thread screens it changes nothing.
     */
    private static final class Screen {
        private final DenseBlockFinder finder;
        private final int[] community;
        private final Away away;
        private final Counted c;
        private final int minFollowers, minTargets;
        private final double minLift, logLevel, level;
        private final int[] count;
        private final int[] touched;
        private final boolean[] inU;
        private final long[] audMade, audAway;
        private final double[] share;
        private final IntArrayList audComms = new IntArrayList();
        private final IntArrayList audience = new IntArrayList();
        private final IntArrayList unexplained = new IntArrayList();
        private final Attention attentionAbove = new Attention();
        private final Attention memberAbove = new Attention();
        final List<Seed> found = new ArrayList<>();
        long wedges;

        Screen(DenseBlockFinder finder, int n, int[] community, Away away, Counted c, int minFollowers,
               int minTargets, double minLift, double maxPValue, double level) {
            this.finder = finder;
            this.community = community;
            this.away = away;
            this.c = c;
            this.minFollowers = minFollowers;
            this.minTargets = minTargets;
            this.minLift = minLift;
            this.logLevel = Math.log(maxPValue);
            this.level = level;
            count = new int[n];
            touched = new int[n];
            inU = new boolean[n];
            audMade = new long[away.communities];
            audAway = new long[away.communities];
            share = new double[away.communities];
        }

        /**
         * Screens candidate client t (the class comment, "The screen"): counts the co-follows of its counted
         * followers, keeps the targets u with c_u ≥ 2, c_u ≥ minLift · E_u and an unlikely Poisson tail, and adds
         * t's seed to {@link #found} when it passes. E_u is computed only for a c_u ≥ 2 that its lower bound (the
         * followers counted whole) does not already rule out by the lift: E_u is a sum of non-negative terms, so the
         * same targets pass as when every E_u is computed.
         */
        void client(int t) {
            if (finder.inDegree(t) < minFollowers) {
                return;
            }
            int[] offsets = c.offsets;
            int[] targets = c.targets;
            audience.clear();
            for (int p = finder.inStart(t); p < finder.inEnd(t); p++) {
                int f = finder.inFollower(p);
                if (offsets[f + 1] > offsets[f]) {
                    audience.add(f);
                }
            }
            if (audience.size() < minFollowers) {
                return;
            }
            // each community's away share without the audience's own follows (shrunk to the archive's share)
            for (int k = 0; k < audience.size(); k++) {
                int f = audience.getInt(k);
                int cf = community[f];
                if (audMade[cf] == 0 && audAway[cf] == 0) {
                    audComms.add(cf);
                }
                audMade[cf] += finder.outDegree(f);
                audAway[cf] += away.offsets[f + 1] - away.offsets[f];
            }
            for (int k = 0; k < audComms.size(); k++) {
                int cc = audComms.getInt(k);
                share[cc] = (away.awayMade[cc] - audAway[cc] + PSEUDO_FOLLOWS * away.globalShare)
                        / (away.made[cc] - audMade[cc] + PSEUDO_FOLLOWS);
            }
            attentionAbove.clear();
            int[] count = this.count;
            int[] touched = this.touched;
            int size = 0;
            long spent = 0;
            for (int k = 0; k < audience.size(); k++) {
                int f = audience.getInt(k);
                attentionAbove.add(c.threshold[f], attention(finder, away, c, f, share[community[f]]));
                for (int i = offsets[f], end = offsets[f + 1]; i < end; i++) {
                    int u = targets[i];
                    if (u != t) {
                        spent++;
                        if (count[u]++ == 0) {
                            touched[size++] = u;
                        }
                    }
                }
            }
            wedges += spent;
            unexplained.clear();
            int[] received = c.received;
            double least = attentionAbove.whole; // E_u ≥ received[u] · least / S
            for (int k = 0; k < size; k++) {
                int u = touched[k];
                int y = count[u];
                count[u] = 0;
                if (y < 2 || y < minLift * (received[u] * least / c.total)) {
                    continue;
                }
                double e = received[u] * attentionAbove.above(c.hash[u]) / c.total;
                if (y >= minLift * e && unlikely(y, e, logLevel)) {
                    unexplained.add(u);
                }
            }
            if (unexplained.size() + 1 >= minTargets) {
                Seed seed = seed(finder, t, audience, unexplained, inU, away, c, community, share, memberAbove,
                        minFollowers, minLift, level);
                if (seed != null) {
                    found.add(seed);
                }
            }
            for (int k = 0; k < audComms.size(); k++) {
                int cc = audComms.getInt(k);
                audMade[cc] = 0;
                audAway[cc] = 0;
            }
            audComms.clear();
        }
    }

    /**
     * Whether P(Poisson(e) ≥ y) ≤ exp(logLevel): rejected at once when the point probability P(X = y), a lower bound
     * of the tail, is already above the level, which settles most of the small counts the screen meets.
     */
    private static boolean unlikely(int y, double e, double logLevel) {
        if (e <= 0) {
            return true;
        }
        if (y < TABLE && -e + y * Math.log(e) - LOG_FACTORIAL[y] > logLevel) {
            return false;
        }
        return logUpper(y, e) <= logLevel;
    }

    /**
     * The seed of client t from its counted away followers and the targets U they co-follow beyond the screen's
     * expectation, or null when it fails the joint test at {@code level}. Leaves {@code inU} all false.
     */
    private static Seed seed(DenseBlockFinder finder, int t, IntArrayList audience, IntArrayList unexplained,
                             boolean[] inU, Away away, Counted c, int[] community, double[] share,
                             Attention memberAbove,
                             int minFollowers, double minLift, double level) {
        for (int i = 0; i < unexplained.size(); i++) {
            inU[unexplained.getInt(i)] = true;
        }
        IntArrayList members = new IntArrayList();
        long observed = 0;
        memberAbove.clear();
        for (int k = 0; k < audience.size(); k++) {
            int f = audience.getInt(k);
            int hits = 0;
            for (int i = c.offsets[f]; i < c.offsets[f + 1]; i++) {
                int u = c.targets[i];
                if (u != t) {
                    hits += inU[u] ? 1 : 0;
                }
            }
            if (hits >= 2) {
                members.add(f);
                observed += hits;
                memberAbove.add(c.threshold[f], attention(finder, away, c, f, share[community[f]]));
            }
        }
        memberAbove.close();
        double expected = 0;
        for (int i = 0; i < unexplained.size(); i++) {
            int u = unexplained.getInt(i);
            inU[u] = false;
            expected += c.received[u] * memberAbove.above(c.hash[u]) / c.total;
        }
        if (members.size() < minFollowers || observed < minLift * expected) {
            return null;
        }
        double logTail = logUpper(observed, expected);
        if (logTail > Math.log(level)) {
            return null;
        }
        int[] fs = members.toIntArray();
        Arrays.sort(fs);
        int[] ts = Arrays.copyOf(unexplained.toIntArray(), unexplained.size() + 1);
        ts[ts.length - 1] = t;
        Arrays.sort(ts);
        return new Seed(t, fs, ts, logTail);
    }

    /** ln P(Poisson(lambda) ≥ k), without the underflow of {@link PoissonTail#upper} for large k. */
    static double logUpper(long k, double lambda) {
        if (k <= 0) {
            return 0.0;
        }
        if (lambda <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int kk = (int) Math.min(Integer.MAX_VALUE, k);
        if (lambda > kk) {
            return Math.log(PoissonTail.upper(kk, lambda));
        }
        double logTerm = -lambda + kk * Math.log(lambda)
                - (kk < TABLE ? LOG_FACTORIAL[kk] : PoissonTail.logFactorial(kk));
        // the terms after the first shrink at least geometrically, by lambda / (k + 1) or faster
        double sum = 1;
        double term = 1;
        for (int i = kk + 1; term > 1e-17 * sum && i < kk + 10_000; i++) {
            term *= lambda / i;
            sum += term;
        }
        return logTerm + Math.log(sum);
    }

    /**
     * The first {@code limit} of {@code ranked}, in order, leaving out each one whose members (of {@code n} accounts)
     * are at least half already in the seeds kept before it: two seeds of one group are one seed. O(n + Σ
     * |members|).
     */
    static <S> List<S> mostlyNew(List<S> ranked, Function<S, int[]> members, int n, int limit) {
        List<S> out = new ArrayList<>();
        boolean[] taken = new boolean[n];
        for (S s : ranked) {
            if (out.size() >= limit) {
                break;
            }
            int[] ms = members.apply(s);
            int seen = 0;
            for (int f : ms) {
                seen += taken[f] ? 1 : 0;
            }
            if (2 * seen >= ms.length) {
                continue;
            }
            for (int f : ms) {
                taken[f] = true;
            }
            out.add(s);
        }
        return out;
    }
}
