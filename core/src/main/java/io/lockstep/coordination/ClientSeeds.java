package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Client-side seeds for {@link LockstepFollowSignal}: a farm found from the account that bought it, by the other
 * accounts its audience follows together. CopyCatch searches for lockstep behaviour from the pages liked (Beutel,
 * Xu, Guruswami, Palow and Faloutsos, "CopyCatch: Stopping Group Attacks by Spotting Lockstep Behavior in Social
 * Networks", WWW 2013); a farm of aged accounts bought second-hand has no creation burst to find it by
 * ({@link AudienceSeeds}), and its members, each with an ordinary past of follows inside its own community, are
 * peeled a few at a time inside seeds of hundreds of readers. What the farm cannot hide is that its members all
 * follow the client and, besides, popular accounts of communities that are not theirs, a dozen or so each, drawn
 * from one pool: among the client's followers, those accounts are co-followed far more than the followers'
 * out-of-community habits predict.
 *
 * <p><b>Surprising follows.</b> A follow f → u is surprising when most of u's other followers lie outside f's
 * community, i.e. its peeling weight (the model's surprise, {@link FollowNullModel#surprise}, the largest over the
 * partitions) exceeds {@value #SURPRISING}: f's community does not lead it to u. Only surprising follows are
 * co-counted: a community's readers of their own stars, the bulk of every follow graph, are what the model explains,
 * and they are most of the cost of counting co-follows.
 *
 * <p><b>The screen.</b> For a candidate client t (at least {@code minFollowers} followers) with counted followers
 * A(t) (below), c_u counts the followers in A(t) with a surprising follow of u ≠ t. Against a configuration model
 * of the surprising follows (F. Chung and L. Lu, "Connected components in random graphs with given expected degree
 * sequences", Annals of Combinatorics 6 (2002)), E_u = s_u · a(t) / S, with s_u the surprising follows u receives
 * from counted followers, a(t) the surprising follows of A(t) other than those of t, and S all counted surprising
 * follows: the co-follows expected when t's followers spend their out-of-community attention as everyone does.
 * The targets U_t are the u with c_u ≥ {@code minLift} · E_u and P(Poisson(E_u) ≥ c_u) ≤ {@code maxPValue}; the
 * members M_t the followers in A(t) following at least {@code minTargets} of U_t ∪ {t}. t yields a seed when M_t
 * has at least {@code minFollowers} accounts and U_t at least {@code minTargets} − 1, and the follows of M_t to
 * U_t, O, against their expectation E (Σ over U_t of E_u scaled to M_t's share of a(t)), pass
 * O ≥ {@code minLift} · E with P(Poisson(E) ≥ O) ≤ {@code maxPValue} / w, w the candidates tested (Bonferroni).
 * The screen only says where to look: each seed is then judged like any other by the signal's growth and block
 * test against {@link FollowNullModel}, which decides membership; a seed that yields no block marks nothing.
 *
 * <p><b>Cost, bounded by design.</b> Counting for t costs the surprising follows of its followers, so the whole
 * screen costs W = Σ_f d_f · a_f over followers f (d_f its follows of candidates, a_f its surprising follows),
 * which grows with the square of the heavy readers' degrees. The screen is given a budget of
 * {@value #WEDGES_PER_FOLLOW} · m counter increments for m follows: followers are admitted to A(·) in ascending
 * order of d_f · a_f (ties: smaller id) while the sum fits, so the accounts that follow thousands, whose co-follows
 * say least about any one client, are left out first, and the screen is exact on archives within the budget. With
 * the surprising follows' CSR and the candidates' in-edges this is O(m + n log n) time besides the budget, O(m)
 * memory (one int per surprising follow) and O(n) counters; then O(k log k) to rank k seeds. Deterministic: no
 * randomness, ties broken by id.
 */
final class ClientSeeds {
    /** The screen's budget: counter increments per follow of the archive. */
    static final long WEDGES_PER_FOLLOW = 4;

    private ClientSeeds() {
    }

    /**
     * A seed from client {@code client}: its followers {@code followers} and the targets (the client included) they
     * co-follow beyond the screen's expectation, both ascending; {@code logTail} the natural log of the joint tail.
     */
    record Seed(int client, int[] followers, int[] targets, double logTail) {
    }

    /** What the last {@link #seeds} call did, for benchmark mains and tests. */
    record Stats(long surprising, long wedges, long budget, int followersLeftOut, int candidates, int found) {
    }

    /**
     * The client-side seeds, strongest first (see the class comment), at most {@code limit}; a seed whose followers
     * are at least half in earlier seeds is dropped.
     *
     * @param n        the accounts of the finder's graph
     * @param partitions each account's community under each of the model's partitions
     * @param stats    receives what the call did, or null
     */
    static List<Seed> seeds(DenseBlockFinder finder, int n, int[] community, int minFollowers,
                            int minTargets, double minLift, double maxPValue, int limit, Stats[] stats) {
        int m = finder.edgeCount();
        if (community.length != n) {
            throw new IllegalArgumentException("community must give the community of each of the " + n
                    + " accounts, had " + community.length);
        }
        if (minFollowers < 2) {
            throw new IllegalArgumentException("minFollowers must be >= 2, was " + minFollowers);
        }
        if (minTargets < 1) {
            throw new IllegalArgumentException("minTargets must be >= 1, was " + minTargets);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        BitSet away = away(finder, n, community);
        // the away follows, CSR by follower
        int[] offsets = new int[n + 1];
        for (int f = 0; f < n; f++) {
            int a = 0;
            for (int e = finder.outStart(f); e < finder.outEnd(f); e++) {
                a += away.get(e) ? 1 : 0;
            }
            offsets[f + 1] = offsets[f] + a;
        }
        int[] targets = new int[offsets[n]];
        int[] incoming = new int[n]; // away follows received
        for (int f = 0, at = 0; f < n; f++) {
            for (int e = finder.outStart(f); e < finder.outEnd(f); e++) {
                if (away.get(e)) {
                    targets[at++] = finder.outTarget(e);
                    incoming[finder.outTarget(e)]++;
                }
            }
        }
        // admit followers by ascending cost d_f · a_f while the budget allows
        long budget = WEDGES_PER_FOLLOW * (long) m;
        long[] cost = new long[n];
        int payers = 0;
        for (int f = 0; f < n; f++) {
            int d = 0;
            for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                d += incoming[targets[i]] >= minFollowers ? 1 : 0;
            }
            long c = (long) d * (offsets[f + 1] - offsets[f]);
            if (c > 0) {
                cost[payers++] = c << 32 | f;
            }
        }
        long[] order = Arrays.copyOf(cost, payers);
        Arrays.sort(order);
        boolean[] counted = new boolean[n];
        long spent = 0;
        int leftOut = 0;
        for (long o : order) {
            long c = o >>> 32;
            if (spent + c <= budget) {
                spent += c;
                counted[(int) o] = true;
            } else {
                leftOut++;
            }
        }
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
            tested += incoming[t] >= minFollowers ? 1 : 0;
        }
        int[] count = new int[n];
        IntArrayList touched = new IntArrayList();
        IntArrayList audience = new IntArrayList();
        boolean[] inU = new boolean[n];
        List<Seed> found = new ArrayList<>();
        long wedges = 0;
        for (int t = 0; t < n && total > 0; t++) {
            if (incoming[t] < minFollowers) {
                continue;
            }
            audience.clear();
            long attention = 0;
            for (int p = finder.inStart(t); p < finder.inEnd(t); p++) {
                int f = finder.inFollower(p);
                if (!counted[f] || !away.get(finder.outEdgeOf(p))) {
                    continue;
                }
                audience.add(f);
                for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                    int u = targets[i];
                    if (u == t) {
                        continue;
                    }
                    attention++;
                    if (count[u]++ == 0) {
                        touched.add(u);
                    }
                }
            }
            wedges += attention;
            IntArrayList unexplained = new IntArrayList();
            if (audience.size() >= minFollowers) {
                for (int i = 0; i < touched.size(); i++) {
                    int u = touched.getInt(i);
                    int c = count[u];
                    double e = (double) received[u] * attention / total;
                    if (c >= 2 && c >= minLift * e && PoissonTail.upper(c, e) <= maxPValue) {
                        unexplained.add(u);
                    }
                }
            }
            Seed seed = null;
            if (unexplained.size() + 1 >= minTargets) {
                seed = seed(finder, t, audience, unexplained, inU, offsets, targets, received, total, minFollowers,
                        minTargets, minLift, maxPValue / tested);
            }
            for (int i = 0; i < touched.size(); i++) {
                count[touched.getInt(i)] = 0;
            }
            touched.clear();
            if (seed != null) {
                found.add(seed);
            }
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
            stats[0] = new Stats(total, wedges, budget, leftOut, tested, found.size());
        }
        return out;
    }

    /**
     * The seed of client t from its counted followers and the targets they co-follow beyond the screen's
     * expectation, or null when it fails the joint test at level {@code level}.
     */
    private static Seed seed(DenseBlockFinder finder, int t, IntArrayList audience, IntArrayList unexplained,
                             boolean[] inU, int[] offsets, int[] targets, int[] received, long total,
                             int minFollowers, int minTargets, double minLift, double level) {
        for (int i = 0; i < unexplained.size(); i++) {
            inU[unexplained.getInt(i)] = true;
        }
        IntArrayList members = new IntArrayList();
        long observed = 0;
        long memberAttention = 0;
        long attention = 0;
        for (int k = 0; k < audience.size(); k++) {
            int f = audience.getInt(k);
            int hits = 0;
            int own = 0;
            for (int i = offsets[f]; i < offsets[f + 1]; i++) {
                int u = targets[i];
                if (u != t) {
                    own++;
                    hits += inU[u] ? 1 : 0;
                }
            }
            attention += own;
            // t itself is one of the member's targets
            if (hits >= 2) {
                members.add(f);
                observed += hits;
                memberAttention += own;
            }
        }
        double expected = 0;
        for (int i = 0; i < unexplained.size(); i++) {
            int u = unexplained.getInt(i);
            inU[u] = false;
            expected += (double) received[u] * memberAttention / total;
        }
        if (members.size() < minFollowers || attention == 0 || observed < minLift * expected) {
            return null;
        }
        double logTail = logUpper(observed, expected);
        if (logTail > Math.log(level)) {
            return null;
        }
        int[] fs = members.toIntArray();
        Arrays.sort(fs);
        unexplained.add(t);
        int[] ts = unexplained.toIntArray();
        Arrays.sort(ts);
        return new Seed(t, fs, ts, logTail);
    }

    /**
     * The follows (by the finder's out-edge position) whose follower and target are in different communities under
     * every partition. O(m · p) for p partitions.
     */
    static BitSet away(DenseBlockFinder finder, int n, int[] community) {
        BitSet out = new BitSet(finder.edgeCount());
        for (int f = 0; f < n; f++) {
            for (int e = finder.outStart(f); e < finder.outEnd(f); e++) {
                if (community[f] != community[finder.outTarget(e)]) {
                    out.set(e);
                }
            }
        }
        return out;
    }

    /** ln P(Poisson(lambda) ≥ k), without the underflow of {@link PoissonTail#upper} for large k. */
    static double logUpper(long k, double lambda) {
        if (k <= 0) {
            return 0.0;
        }
        if (lambda <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (lambda > k) {
            return Math.log(PoissonTail.upper((int) Math.min(Integer.MAX_VALUE, k), lambda));
        }
        int kk = (int) Math.min(Integer.MAX_VALUE, k);
        double logTerm = -lambda + kk * Math.log(lambda) - PoissonTail.logFactorial(kk);
        // the terms after the first shrink at least geometrically by lambda / (k + 1)
        double sum = 1;
        double term = 1;
        for (int i = kk + 1; term > 1e-17 * sum && i < kk + 10_000; i++) {
            term *= lambda / i;
            sum += term;
        }
        return logTerm + Math.log(sum);
    }
}
