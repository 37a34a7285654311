package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.Arrays;

/**
 * The pair filter of hashtag-burst ({@link HashtagBurstSignal}): leaves out the co-uses of a hashtag that a visible
 * source explains, so that the crowd of an account is not read as an operation.
 *
 * <p>Hashtags spread along follow edges: an account uses a hashtag after accounts it follows used it (Romero, Meeder
 * and Kleinberg, "Differences in the mechanics of information diffusion across topics", WWW 2011). A crowd that tweets
 * a hashtag within the same hours because it reads the same account (a fanbase announcing a hashtag project that its
 * fans retweet and then post; a club whose followers tweet its match tag while the club tweets the goals) shares
 * many hashtags within hours, as an operation does, but through a source it can see. So, per hashtag h with the set
 * U of its (authored) users: an account x has a <b>route</b> to an account o of U when x follows o or retweeted a post
 * of o carrying h (and x = o: a source has a route to itself). o is a <b>source</b> of h when at least half of the
 * other accounts of U have a route to it (and at least two do): the crowd reads it, rather than a few friends. An
 * account o outside U is a source too when at least half of U (and two) follow it, more often than its audience in
 * the archive explains: P(Poisson(|U| f<sub>o</sub>) ≥ k) ≤ {@value #READ_LEVEL}, k the users of h following o and
 * f<sub>o</sub> o's followers over all accounts (the Poisson tail bounds the binomial's from above, so the test is
 * conservative): a club whose fans tweet the tag of a match without a goal, when the club itself never posts it; not
 * the platform's most followed account, which half of any crowd follows because half of everyone does. A pair's
 * co-use of h counts only when no source of h has a route from both accounts (for a source outside U, a follow).
 *
 * <p>What it cannot tell: an operation whose members all follow one of themselves, or retweet one of their posts on
 * every hashtag they push, gives that member the standing of a source and is explained on those hashtags as a
 * fandom would be (its other evidence, co-retweet of that member's posts, still stands). Accounts of a push that
 * neither follow each other nor retweet a common account, as in the attacks Elmas et al. describe (fresh and
 * compromised accounts), keep every co-use.
 *
 * <p>Only short-lived hashtags are paired: at most {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts (a hashtag that
 * more used is a trend; the windowed co-hashtag's account groups cover it) and at least half of the uses within the
 * signal's window of the first use (born in a burst, as an attack's hashtag is). A topic's long-lived hashtags, which
 * two ordinary accounts share within hours by chance, are left to co-hashtag.
 *
 * <p>Cost: the follows into an adjacency list (O(accounts + follows)), the retweets of posts with hashtags sorted by
 * hashtag (O(r log r)); per paired item of m accounts, Σ out-degree of its m accounts and its retweets, once when the
 * item's pairs are counted and once when its evidence is gathered; a hash set of its sources' routes. Deterministic:
 * a function of the sorted actions and the activity.
 */
final class HashtagSources extends SourceFilter {
    /** Follow adjacency: followees of account a are {@code followees[start[a] .. start[a + 1])}. */
    private final int[] start;
    /** Per account, its followers in the archive. */
    private final int[] followers;
    /** Per account, the number of the item whose users' follows counted it last ({@link #readFollowees}). */
    private final int[] counted;
    /** Per account, how many of that item's users follow it. */
    private final int[] followedBy;
    private int[] touched = new int[16];
    /**
     * The level at which a followee's share of an item's users exceeds its audience in the archive: the conventional
     * 5 %.
     */
    static final double READ_LEVEL = 0.05;
    private final int[] followees;
    /** Retweets of posts carrying a hashtag, {@code hashtag << 32 | index}, sorted; index into the two arrays below. */
    private final long[] retweetKeys;
    private final int[] retweeter;
    private final int[] retweeted;
    /** Per account: the number of the item being loaded when the account uses it, else older. */
    private final int[] inItem;
    private final int[] routed;
    private int itemNumber;
    private final long window;
    /** (account << 32 | source) for the loaded item's sources, routed accounts included. */
    private final LongOpenHashSet routes = new LongOpenHashSet();
    private int[] distinct = new int[16];
    private long[] routePairs = new long[16];

    /**
     * @param window the signal's window (seconds): a hashtag is paired only when at least half of its uses fall within
     *               it of the first
     */
    HashtagSources(SortedActions actions, Activity activity, long window) {
        super(actions);
        Checks.atLeast("window", window, 1);
        this.window = window;
        int n = activity.accountCount();
        int f = activity.followCount();
        start = new int[n + 1];
        for (int i = 0; i < f; i++) {
            start[activity.follower(i) + 1]++;
        }
        for (int a = 0; a < n; a++) {
            start[a + 1] += start[a];
        }
        followees = new int[f];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < f; i++) {
            followees[fill[activity.follower(i)]++] = activity.followee(i);
        }
        int posts = activity.postCount();
        int r = 0;
        for (int p = 0; p < posts; p++) {
            int q = activity.kind(p) == PostKind.RETWEET ? activity.referencedPost(p) : Activity.NONE;
            if (q != Activity.NONE && activity.author(p) != Activity.NONE && activity.author(q) != Activity.NONE) {
                r += activity.hashtagCount(q);
            }
        }
        retweetKeys = new long[r];
        retweeter = new int[r];
        retweeted = new int[r];
        int k = 0;
        for (int p = 0; p < posts; p++) {
            int q = activity.kind(p) == PostKind.RETWEET ? activity.referencedPost(p) : Activity.NONE;
            if (q != Activity.NONE && activity.author(p) != Activity.NONE && activity.author(q) != Activity.NONE) {
                for (int i = 0; i < activity.hashtagCount(q); i++) {
                    retweetKeys[k] = ((long) activity.hashtagOf(q, i) << 32) | k;
                    retweeter[k] = activity.author(p);
                    retweeted[k] = activity.author(q);
                    k++;
                }
            }
        }
        LongArrays.parallelQuickSort(retweetKeys);
        followers = new int[n];
        for (int i = 0; i < f; i++) {
            followers[activity.followee(i)]++;
        }
        counted = new int[n];
        followedBy = new int[n];
        inItem = new int[n];
        Arrays.fill(inItem, -1);
        routed = new int[n];
    }

    /** Whether the item {@code [start, end)} is ephemeral: at least half of its uses within the window of the first. */
    boolean ephemeral(int start, int end) {
        return select(start, end);
    }

    /**
     * Whether the item {@code [from, to)} of {@code actions} (sorted by time) was born in a burst: at least half of its
     * uses within {@code window} seconds of the first. O(uses).
     */
    static boolean bornInBurst(SortedActions actions, int from, int to, long window) {
        long first = actions.offset(from);
        int early = 0;
        for (int i = from; i < to && actions.offset(i) - first <= window; i++) {
            early++;
        }
        return 2 * early >= to - from;
    }

    /** Whether {@code account} has a route to {@code source}, a source of the item last asked about. */
    boolean routes(int account, int source) {
        return tied(account, source);
    }

    @Override
    protected boolean tied(int account, int source) {
        return account == source || routes.contains(key(account, source));
    }

    /**
     * The sources of an ephemeral item, ascending, and their routes; an item that is not ephemeral is not paired.
     */
    @Override
    protected boolean load(int from, int to) {
        routes.clear();
        int item = ++itemNumber;
        if (!bornInBurst(actions, from, to, window)) {
            return false;
        }
        if (distinct.length < to - from) {
            distinct = new int[Math.max(to - from, 2 * distinct.length)];
        }
        int m = 0;
        for (int i = from; i < to; i++) {
            int acc = actions.account(i);
            if (inItem[acc] != item) {
                inItem[acc] = item;
                routed[acc] = 0;
                distinct[m++] = acc;
            }
        }
        // every route (x, o) within the item, as o << 32 | x, deduplicated
        int nr = 0;
        for (int i = 0; i < m; i++) {
            int x = distinct[i];
            for (int e = start[x]; e < start[x + 1]; e++) {
                int o = followees[e];
                if (o != x && inItem[o] == item) {
                    nr = addRoute(nr, o, x);
                }
            }
        }
        long h = actions.key(from);
        int lo = lowerBound(h << 32);
        for (int i = lo; i < retweetKeys.length && (retweetKeys[i] >>> 32) == h; i++) {
            int idx = (int) retweetKeys[i];
            int x = retweeter[idx], o = retweeted[idx];
            if (o != x && inItem[o] == item && inItem[x] == item) {
                nr = addRoute(nr, o, x);
            }
        }
        LongArrays.quickSort(routePairs, 0, nr);
        for (int i = 0; i < nr; i++) {
            if (i == 0 || routePairs[i] != routePairs[i - 1]) {
                routed[(int) (routePairs[i] >>> 32)]++;
            }
        }
        int need = Math.max(2, m / 2); // half of the m - 1 others, rounded up
        for (int i = 0; i < nr; i++) { // ascending o: the sources come ascending
            int o = (int) (routePairs[i] >>> 32);
            if (routed[o] >= need) {
                addSource(o);
                routes.add(key((int) routePairs[i], o));
            }
        }
        readFollowees(m, item);
        return true;
    }

    /**
     * The sources among the accounts the item's m users follow without using the item: followed by at least half of
     * them (and two), more often than their audience in the archive explains (see the class comment).
     */
    private void readFollowees(int m, int item) {
        int nf = 0;
        for (int i = 0; i < m; i++) {
            int x = distinct[i];
            for (int e = start[x]; e < start[x + 1]; e++) {
                int o = followees[e];
                if (inItem[o] != item) {
                    if (counted[o] != item) {
                        counted[o] = item;
                        followedBy[o] = 0;
                        if (nf == touched.length) {
                            touched = Arrays.copyOf(touched, 2 * nf);
                        }
                        touched[nf++] = o;
                    }
                    followedBy[o]++;
                }
            }
        }
        int need = Math.max(2, (m + 1) / 2);
        Arrays.sort(touched, 0, nf);
        int sources = 0;
        for (int i = 0; i < nf; i++) {
            int o = touched[i];
            if (followedBy[o] >= need
                    && PoissonTail.upper(followedBy[o], (double) m * followers[o] / followers.length) <= READ_LEVEL) {
                addSource(o);
                counted[o] = -item; // marks a read followee of this item
                sources++;
            }
        }
        if (sources == 0) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int x = distinct[i];
            for (int e = start[x]; e < start[x + 1]; e++) {
                int o = followees[e];
                if (counted[o] == -item) {
                    routes.add(key(x, o));
                }
            }
        }
    }

    private int addRoute(int nr, int o, int x) {
        if (nr == routePairs.length) {
            routePairs = Arrays.copyOf(routePairs, 2 * nr);
        }
        routePairs[nr] = ((long) o << 32) | x;
        return nr + 1;
    }

    private int lowerBound(long key) {
        int lo = 0, hi = retweetKeys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (retweetKeys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
