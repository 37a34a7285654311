package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * followers (below), c_u counts the members of A(t) with an away follow of u ≠ t. The expectation is a configuration
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
 * co-follows below the screen's lift; such a farm is left to the peeling.
 *
 * <p><b>Cost, bounded by design.</b> Counting for t costs the away follows of its followers, so the whole screen costs
 * W = Σ_f b_f · a_f increments over followers f (a_f its away follows, b_f its follows of candidates), which grows with
 * the square of heavy readers' degrees. The screen is given a budget ({@link #budget}: {@value #WEDGES_PER_FOLLOW}
 * increments per follow of the archive): followers are admitted to the audiences in ascending order of b_f · a_f
 * (ties: smaller id) while the sum fits, so the accounts following thousands, whose co-follows say least about any
 * one client, are left out first, and the screen is exact on archives within the budget. Besides the budget: O(m)
 * to find the away follows and build their adjacency (one int each), O(n log n) to order the followers, O(m) over
 * the candidates' in-edges with O(|A(t)|) per candidate for the shares, and O(k log k) to rank the k seeds found;
 * memory O(m_away) for the adjacency and O(n) counters. Deterministic: no randomness, ties broken by id.
 */
final class ClientSeeds {
    /** Pseudo-follows of the shrinkage of a community's away share towards the archive's. */
    static final double PSEUDO_FOLLOWS = FollowNullModel.PSEUDO_FOLLOWS;
    /** The screen's budget: counter increments per follow of the archive. */
    static final long WEDGES_PER_FOLLOW = 2;
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
     * What a {@link #seeds} call did: the away follows, the increments spent of the budget, the followers left out
     * of the audiences by the budget, the candidates tested and the seeds found before the limit.
     */
    record Stats(long away, long wedges, long budget, int followersLeftOut, int candidates, int found) {
    }

    /**
     * The client-side seeds, strongest first (smallest joint tail; ties: more followers, then the smaller client
     * id), at most {@code limit}; a seed whose followers are at least half in earlier ones is dropped (a farm's
     * pool stars can show its audience too).
     *
     * @param n         the accounts of the finder's graph
     * @param community each account's community in the model's coarsest partition
     * @param budget    the most counter increments the screen may spend ({@link #budget} for the signal's)
     * @param stats     receives what the call did in its element 0, or null
     */
    static List<Seed> seeds(DenseBlockFinder finder, int n, int[] community, int minFollowers, int minTargets,
                            double minLift, double maxPValue, int limit, long budget, Stats[] stats) {
        if (community.length != n) {
            throw new IllegalArgumentException("community must give the community of each of the " + n
                    + " accounts, had " + community.length);
        }
        Checks.atLeast("minFollowers", minFollowers, 2);
        Checks.atLeast("minTargets", minTargets, 1);
        Checks.lift("minLift", minLift);
        Checks.inOpenUnit("maxPValue", maxPValue);
        Checks.atLeast("limit", limit, 0);
        Checks.atLeast("budget", budget, 0);
        // the away follows, CSR by follower, and the away follows each account receives
        int[] offsets = new int[n + 1];
        int[] incoming = new int[n];
        IntArrayList awayTargets = new IntArrayList();
        int communities = 0;
        for (int c : community) {
            communities = Math.max(communities, c + 1);
        }
        long[] made = new long[communities];
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
        int[] targets = awayTargets.elements();
        // the follows each community makes away: the rate at which its members' attention leaves it
        long[] awayMade = new long[communities];
        for (int f = 0; f < n; f++) {
            awayMade[community[f]] += offsets[f + 1] - offsets[f];
        }
        double globalShare = (double) offsets[n] / Math.max(1, finder.edgeCount());
        // followers admitted by ascending cost b_f · a_f while the budget allows
        long[] order = new long[n];
        int payers = 0;
        for (int f = 0; f < n; f++) {
            int b = 0;
            for (int e = finder.outStart(f); e < finder.outEnd(f); e++) {
                b += finder.inDegree(finder.outTarget(e)) >= minFollowers ? 1 : 0;
            }
            long cost = (long) b * (offsets[f + 1] - offsets[f]);
            if (cost > 0) {
                order[payers++] = cost << 32 | f;
            }
        }
        Arrays.sort(order, 0, payers);
        boolean[] counted = new boolean[n];
        long planned = 0;
        int leftOut = 0;
        for (int k = 0; k < payers; k++) {
            long cost = order[k] >>> 32;
            if (planned + cost <= budget) {
                planned += cost;
                counted[(int) order[k]] = true;
            } else {
                leftOut++;
            }
        }
        order = null;
        // s_u and S over the counted followers
        int[] received = new int[n];
        long total = 0;
        for (int f = 0; f < n; f++) {
            if (counted[f]) {
                for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                    received[targets[i]]++;
                }
                total += offsets[f + 1] - offsets[f];
            }
        }
        int tested = 0;
        for (int t = 0; t < n; t++) {
            tested += finder.inDegree(t) >= minFollowers ? 1 : 0;
        }
        double logLevel = Math.log(maxPValue);
        int[] count = new int[n];
        boolean[] inU = new boolean[n];
        long[] audMade = new long[communities];
        long[] audAway = new long[communities];
        double[] share = new double[communities];
        IntArrayList audComms = new IntArrayList();
        IntArrayList touched = new IntArrayList();
        IntArrayList audience = new IntArrayList();
        IntArrayList unexplained = new IntArrayList();
        List<Seed> found = new ArrayList<>();
        long wedges = 0;
        for (int t = 0; t < n && total > 0; t++) {
            if (finder.inDegree(t) < minFollowers) {
                continue;
            }
            audience.clear();
            for (int p = finder.inStart(t); p < finder.inEnd(t); p++) {
                int f = finder.inFollower(p);
                if (counted[f]) {
                    audience.add(f);
                }
            }
            if (audience.size() < minFollowers) {
                continue;
            }
            // each community's away share without the audience's own follows (shrunk to the archive's share)
            for (int k = 0; k < audience.size(); k++) {
                int f = audience.getInt(k);
                int c = community[f];
                if (audMade[c] == 0 && audAway[c] == 0) {
                    audComms.add(c);
                }
                audMade[c] += finder.outDegree(f);
                audAway[c] += offsets[f + 1] - offsets[f];
            }
            for (int k = 0; k < audComms.size(); k++) {
                int c = audComms.getInt(k);
                share[c] = (awayMade[c] - audAway[c] + PSEUDO_FOLLOWS * globalShare)
                        / (made[c] - audMade[c] + PSEUDO_FOLLOWS);
            }
            long attention = 0;
            double expectedAttention = 0;
            for (int k = 0; k < audience.size(); k++) {
                int f = audience.getInt(k);
                expectedAttention += (finder.outDegree(f) - 1) * share[community[f]];
                for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                    int u = targets[i];
                    if (u != t) {
                        attention++;
                        if (count[u]++ == 0) {
                            touched.add(u);
                        }
                    }
                }
            }
            wedges += attention;
            unexplained.clear();
            double scale = expectedAttention / total;
            for (int k = 0; k < touched.size(); k++) {
                int u = touched.getInt(k);
                int y = count[u];
                count[u] = 0;
                double e = received[u] * scale;
                if (y >= 2 && y >= minLift * e && unlikely(y, e, logLevel)) {
                    unexplained.add(u);
                }
            }
            touched.clear();
            if (unexplained.size() + 1 >= minTargets) {
                Seed seed = seed(finder, t, audience, unexplained, inU, offsets, targets, received, total,
                        community, share, minFollowers, minLift, maxPValue / tested);
                if (seed != null) {
                    found.add(seed);
                }
            }
            for (int k = 0; k < audComms.size(); k++) {
                int c = audComms.getInt(k);
                audMade[c] = 0;
                audAway[c] = 0;
            }
            audComms.clear();
        }
        found.sort((x, y) -> x.logTail() != y.logTail() ? Double.compare(x.logTail(), y.logTail())
                : x.followers().length != y.followers().length
                        ? Integer.compare(y.followers().length, x.followers().length)
                        : Integer.compare(x.client(), y.client()));
        List<Seed> out = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (Seed s : found) {
            if (out.size() >= limit) {
                break;
            }
            int old = 0;
            for (int f : s.followers()) {
                old += seen[f] ? 1 : 0;
            }
            if (2 * old >= s.followers().length) {
                continue;
            }
            for (int f : s.followers()) {
                seen[f] = true;
            }
            out.add(s);
        }
        if (stats != null && stats.length > 0) {
            stats[0] = new Stats(offsets[n], wedges, budget, leftOut, tested, found.size());
        }
        return out;
    }

    /** The screen's budget for a graph of {@code follows} follows: {@value #WEDGES_PER_FOLLOW} increments each. */
    static long budget(long follows) {
        return WEDGES_PER_FOLLOW * follows;
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
                             boolean[] inU, int[] offsets, int[] targets, int[] received, long total,
                             int[] community, double[] share, int minFollowers, double minLift, double level) {
        for (int i = 0; i < unexplained.size(); i++) {
            inU[unexplained.getInt(i)] = true;
        }
        IntArrayList members = new IntArrayList();
        long observed = 0;
        double memberAttention = 0;
        for (int k = 0; k < audience.size(); k++) {
            int f = audience.getInt(k);
            int hits = 0;
            for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                int u = targets[i];
                if (u != t) {
                    hits += inU[u] ? 1 : 0;
                }
            }
            if (hits >= 2) {
                members.add(f);
                observed += hits;
                memberAttention += (finder.outDegree(f) - 1) * share[community[f]];
            }
        }
        double expected = 0;
        for (int i = 0; i < unexplained.size(); i++) {
            int u = unexplained.getInt(i);
            inU[u] = false;
            expected += received[u] * memberAttention / total;
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
}
