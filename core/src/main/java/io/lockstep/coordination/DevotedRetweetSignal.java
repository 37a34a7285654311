package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Devoted retweet: the accounts that exist to retweet one source, when they are most of its audience and retweet it
 * faster than the archive's other retweeters retweet anyone. A retweet botnet's amplifiers post little but retweets of
 * their few seeds (Keller, Schoch, Stier and Yang, "Political astroturfing on Twitter: how to coordinate a
 * disinformation campaign", Political Communication 37, 2020), and retweet them within seconds to minutes (Mazza et
 * al., "RTbust", WebSci 2019). When the botnet makes most of an archive's retweets, the pair signals cannot see it:
 * co-retweet and fast-retweet compare it with the archive's rates, and those rates are the botnet's own. This signal
 * compares each source's audience with what an audience is, and its speed with the retweeters that are not devoted.
 *
 * <p><b>The test.</b> An account is <i>devoted</i> when at least {@link #MIN_RETWEETS} of its posts are retweets of
 * others, they are at least {@link #SHARE} of its posts, and at least {@link #SHARE} of them go to its
 * {@link #TOP_SOURCES} most retweeted sources among those it retweeted at least {@link #MIN_REPEATS} times (its
 * devotions; ties: the smaller account id): an account whose three retweets went to three accounts has retweeted, not
 * devoted itself. A source s retweeted by R<sub>s</sub> distinct accounts, D<sub>s</sub> of them devoted to it, has a
 * devoted audience when
 * <ol>
 *   <li>D<sub>s</sub> ≥ {@link #MIN_DEVOTED} and D<sub>s</sub> &gt; R<sub>s</sub> / 2: most of its audience does
 *       nothing else (the same majority as {@link AmplifiedSeedSignal}'s and {@link HashtagSources}'); a journalist,
 *       an idol or a club is retweeted by people who also post and retweet others;</li>
 *   <li>s follows back fewer than half of them: a circle of accounts that retweet one organiser who follows them
 *       back (a follow train, a small team) is an acquaintance, not an audience made for it;</li>
 *   <li>their retweets of s are fast beyond chance: of their T<sub>s</sub> timed retweets of s, F<sub>s</sub> came
 *       within the co-retweet window of the original, and P(Poisson(T<sub>s</sub> b) ≥ F<sub>s</sub>) ≤
 *       {@link #LEVEL} / m, b the share of timed retweets within the window among the retweets by accounts devoted
 *       to nobody (so that no botnet raises the rate it is judged against), m the accounts with at least two
 *       distinct retweeters (Bonferroni). A reader's devotion is not a botnet's: the members of a follow train, the
 *       aged accounts a vendor makes retweet its clients, retweet at their own pace.</li>
 * </ol>
 * The timestamps' resolution enters the rate and the counts alike (minutes in information-operations files), as for
 * fast-retweet. With no retweet by an undevoted account the rate is 0 and any fast retweet passes.
 *
 * <p><b>Only on timelines.</b> Devotion is read from what the archive holds of an account. A capture of retweets, or
 * of one query's matches, holds nothing else of anyone, and every repeat retweeter looks devoted: a fandom's fans,
 * a party's supporters in a campaign hashtag's capture. The signal reads an archive only when it holds its
 * retweeters' timelines: more than half of the accounts that retweeted another and are devoted to nobody also posted
 * something that is not a retweet (their own posts, quotes or replies). Otherwise it links nobody (the real
 * CooRTweet capture holds retweets only).
 *
 * <p><b>The edges.</b> Each devoted retweeter of a source that passes meets, on each of the source's posts, the
 * {@code partners} devoted retweeters that retweeted it next after it; each is linked to the {@code partners}
 * (at most {@link #MAX_PARTNERS}) it met most often (ties: the smaller account id), so the edges stay linear in the
 * accounts. Weight = D<sub>s</sub> / R<sub>s</sub>; count = F<sub>s</sub> and expected = T<sub>s</sub> b, so that
 * the edge's p-value ({@link CoordinationEdge#pValue}) is the source's test, which the score's significance term
 * reads in the family of pair tests, a larger family than the test's own: conservative. A pair linked through two
 * sources keeps the smaller p-value. Evidence: the source's posts both retweeted next to each other (the original's
 * post id and the two retweets' times, ordered by the edge's source and target), at most
 * {@link CoordinationParams#evidenceCap()}.
 *
 * <p>What it cannot tell: an honest source whose audience is mostly accounts devoted to it that retweet it fast (a
 * fan base of single-purpose fan accounts) is taken; a botnet that retweets others as camouflage for more than a
 * tenth of its retweets, or that paces its retweets like readers, is not; neither is a source's audience of fewer
 * than {@link #MIN_DEVOTED}. The source itself is not linked: {@link AmplifiedSeedSignal} reads its audience after the
 * verdicts. The 90 %, the 4 sources and the 10 retweeters are this class's choices, not fitted to an archive; what
 * they take on every archive the project holds is in docs/quality.md ("Devoted retweeters").
 *
 * <p>Cost: one pass over the posts and one over the follows, a sort of the distinct (retweeter, source) pairs and of
 * the passing sources' retweets: O(posts + follows + retweets log retweets). Deterministic.
 */
public final class DevotedRetweetSignal implements CoordinationSignal {
    /** Retweets of others an account must have posted to be devoted: the least count with a share worth reading. */
    static final int MIN_RETWEETS = 3;
    /** The share of posts that are retweets, and the share of retweets that go to the devotions. */
    static final double SHARE = 0.9;
    /** The most sources an account is devoted to. */
    static final int TOP_SOURCES = 4;
    /** The fewest retweets of a source that make a devotion: the least count that repeats. */
    static final int MIN_REPEATS = 2;
    /** The fewest devoted retweeters of a source that make an audience. */
    static final int MIN_DEVOTED = 10;
    /** The family-wise level of the speed test: the conventional 5 %. */
    static final double LEVEL = 0.05;
    /** At most this many edges per devoted retweeter, whatever {@link CoordinationParams.ClusterParams#partners()}. */
    static final int MAX_PARTNERS = 10;

    private final long window;
    private final int partners;
    private final int evidenceCap;

    public DevotedRetweetSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.window = params.coRetweet().window();
        this.partners = Math.min(MAX_PARTNERS, params.cluster().partners());
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return DEVOTED_RETWEET;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        int posts = activity.postCount();
        progress.begin(name(), 3L * posts);
        Audiences test = audiences(activity, termination);
        progress.advance(2L * posts);
        List<CoordinationEdge> edges = test.any() ? edges(activity, test, termination) : List.of();
        progress.advance(posts);
        progress.end();
        return new SignalGraph(name(), edges, test.pairs(), test.devoted().size());
    }

    /**
     * The test of the class comment, per source.
     *
     * @param devoted         the devoted (retweeter &lt;&lt; 32 | source) pairs; empty when the archive holds no
     *                        timelines ({@link #timelines})
     * @param passes          per account, whether it is a source with a devoted audience
     * @param fast            per source, F: its devoted retweeters' retweets of it within the window
     * @param expected        per source tested, T b
     * @param devotedAudience per source, D
     * @param audience        per source, R
     * @param pairs           the distinct (retweeter, source) pairs of the archive
     */
    record Audiences(LongOpenHashSet devoted, boolean[] passes, int[] fast, double[] expected, int[] devotedAudience,
                     int[] audience, int pairs) {
        boolean any() {
            for (boolean p : passes) {
                if (p) {
                    return true;
                }
            }
            return false;
        }

        double pValue(int source) {
            return PoissonTail.upper(fast[source], expected[source]);
        }
    }

    /** The sources with a devoted audience in {@code activity} ({@link Audiences#passes}). O(posts + follows). */
    boolean[] sources(Activity activity, TerminationFlag termination) {
        return audiences(activity, termination).passes();
    }

    /** The test of the class comment on every source of {@code activity}. O(posts + follows + pairs log pairs). */
    Audiences audiences(Activity activity, TerminationFlag termination) {
        int posts = activity.postCount();
        int n = activity.accountCount();
        int[] postCount = new int[n];
        int[] retweeted = new int[n]; // per account, its retweets of others
        Long2IntOpenHashMap retweets = new Long2IntOpenHashMap(); // (retweeter << 32 | source) -> retweets
        for (int p = 0; p < posts; p++) {
            int a = activity.author(p);
            if (a == Activity.NONE) {
                continue;
            }
            postCount[a]++;
            int s = AmplifiedSeedSignal.retweetedAuthor(activity, p);
            if (s != Activity.NONE) {
                retweets.addTo(((long) a << 32) | s, 1);
                retweeted[a]++;
            }
            if ((p & 0xffff) == 0) {
                termination.assertRunning();
            }
        }
        long[] pairs = retweets.keySet().toLongArray();
        LongArrays.radixSort(pairs);
        LongOpenHashSet devoted = devotions(pairs, retweets, postCount);
        int[] audience = new int[n];
        int[] devotedAudience = new int[n];
        for (long pair : pairs) {
            int s = (int) pair;
            audience[s]++;
            if (devoted.contains(pair)) {
                devotedAudience[s]++;
            }
        }
        boolean[] devotedToAny = new boolean[n];
        for (long pair : devoted) {
            devotedToAny[(int) (pair >>> 32)] = true;
        }
        boolean[] passes = new boolean[n];
        int[] fast = new int[n];
        double[] expected = new double[n];
        if (!timelines(retweeted, devotedToAny, postCount)) {
            return new Audiences(new LongOpenHashSet(), passes, fast, expected, new int[n], audience, pairs.length);
        }
        int[] followedBack = new int[n];
        for (int f = 0; f < activity.followCount(); f++) {
            int source = activity.follower(f), followed = activity.followee(f);
            if (source >= 0 && followed >= 0 && devoted.contains(((long) followed << 32) | source)) {
                followedBack[source]++;
            }
        }
        int[] timed = new int[n];
        long backgroundTimed = 0, backgroundFast = 0;
        for (int p = 0; p < posts; p++) {
            int s = AmplifiedSeedSignal.retweetedAuthor(activity, p);
            int ref = activity.referencedPost(p);
            if (s == Activity.NONE || activity.time(p) == Activity.NO_TIME
                    || activity.time(ref) == Activity.NO_TIME) {
                continue;
            }
            int a = activity.author(p);
            long delay = activity.time(p) - activity.time(ref);
            boolean isFast = delay >= 0 && delay <= window;
            if (!devotedToAny[a]) {
                backgroundTimed++;
                backgroundFast += isFast ? 1 : 0;
            } else if (devoted.contains(((long) a << 32) | s)) {
                timed[s]++;
                fast[s] += isFast ? 1 : 0;
            }
            if ((p & 0xffff) == 0) {
                termination.assertRunning();
            }
        }
        double rate = backgroundTimed == 0 ? 0 : backgroundFast / (double) backgroundTimed;
        int tested = 0;
        for (int s = 0; s < n; s++) {
            tested += audience[s] >= 2 ? 1 : 0;
        }
        for (int s = 0; s < n; s++) {
            int d = devotedAudience[s];
            if (d >= MIN_DEVOTED && 2 * d > audience[s] && 2 * followedBack[s] < d) {
                expected[s] = timed[s] * rate;
                passes[s] = PoissonTail.upper(fast[s], expected[s]) <= LEVEL / Math.max(1, tested);
            }
        }
        return new Audiences(devoted, passes, fast, expected, devotedAudience, audience, pairs.length);
    }

    /**
     * Whether the archive holds its retweeters' timelines: more than half of the accounts that retweeted another and
     * are devoted to nobody also posted something that is not a retweet of another account. O(accounts).
     */
    static boolean timelines(int[] retweeted, boolean[] devotedToAny, int[] postCount) {
        int undevoted = 0, withOwn = 0;
        for (int a = 0; a < retweeted.length; a++) {
            if (retweeted[a] > 0 && !devotedToAny[a]) {
                undevoted++;
                withOwn += postCount[a] > retweeted[a] ? 1 : 0;
            }
        }
        return 2 * withOwn > undevoted;
    }

    /**
     * The devoted (retweeter, source) pairs among {@code pairs} (sorted, so grouped by retweeter): a retweeter's
     * {@link #TOP_SOURCES} most retweeted sources when it is devoted. O(pairs).
     */
    static LongOpenHashSet devotions(long[] pairs, Long2IntOpenHashMap retweets, int[] postCount) {
        LongOpenHashSet devoted = new LongOpenHashSet();
        int[] counts = new int[TOP_SOURCES];
        long[] top = new long[TOP_SOURCES];
        for (int i = 0, j; i < pairs.length; i = j) {
            int a = (int) (pairs[i] >>> 32);
            int total = 0;
            Arrays.fill(counts, 0);
            for (j = i; j < pairs.length && (int) (pairs[j] >>> 32) == a; j++) {
                int c = retweets.get(pairs[j]);
                total += c;
                for (int k = 0; k < TOP_SOURCES && c >= MIN_REPEATS; k++) { // the largest counts, smaller source first
                    if (c > counts[k]) {
                        System.arraycopy(counts, k, counts, k + 1, TOP_SOURCES - k - 1);
                        System.arraycopy(top, k, top, k + 1, TOP_SOURCES - k - 1);
                        counts[k] = c;
                        top[k] = pairs[j];
                        break;
                    }
                }
            }
            int devotions = 0;
            for (int c : counts) {
                devotions += c;
            }
            if (total >= MIN_RETWEETS && total >= SHARE * postCount[a] && devotions >= SHARE * total) {
                for (int k = 0; k < TOP_SOURCES && counts[k] > 0; k++) {
                    devoted.add(top[k]);
                }
            }
        }
        return devoted;
    }

    /**
     * The edges among the devoted retweeters of the passing sources: each retweet meets the next {@code partners}
     * devoted retweets of the same post, each retweeter keeps its {@code partners} most frequent meetings.
     */
    private List<CoordinationEdge> edges(Activity activity, Audiences test, TerminationFlag termination) {
        LongOpenHashSet devoted = test.devoted();
        boolean[] passes = test.passes();
        IntArrayList retweetList = new IntArrayList();
        for (int p = 0; p < activity.postCount(); p++) {
            int s = AmplifiedSeedSignal.retweetedAuthor(activity, p);
            if (s != Activity.NONE && passes[s] && activity.time(p) != Activity.NO_TIME
                    && devoted.contains(((long) activity.author(p) << 32) | s)) {
                retweetList.add(p);
            }
        }
        // the retweets grouped by original, each original's in time order (then post index)
        int[] byOriginal = retweetList.toIntArray();
        IntArrays.quickSort(byOriginal, (x, y) -> {
            int c = Integer.compare(activity.referencedPost(x), activity.referencedPost(y));
            if (c != 0) {
                return c;
            }
            c = Long.compare(activity.time(x), activity.time(y));
            return c != 0 ? c : Integer.compare(x, y);
        });
        long[] order = new long[byOriginal.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = ((long) activity.referencedPost(byOriginal[i]) << 32) | byOriginal[i];
        }
        termination.assertRunning();
        Long2IntOpenHashMap met = new Long2IntOpenHashMap();
        Long2IntOpenHashMap sourceOfPair = new Long2IntOpenHashMap();
        for (int i = 0; i < order.length; i++) {
            long original = order[i] >>> 32;
            int a = activity.author((int) order[i]);
            int s = activity.author((int) original);
            for (int k = i + 1; k < order.length && k <= i + partners && order[k] >>> 32 == original; k++) {
                int b = activity.author((int) order[k]);
                if (b == a) {
                    continue;
                }
                long key = CoordinationEdge.pairKey(a, b);
                met.addTo(key, 1);
                int previous = sourceOfPair.getOrDefault(key, -1);
                if (previous < 0 || test.pValue(s) < test.pValue(previous)) {
                    sourceOfPair.put(key, s);
                }
            }
            if ((i & 0xffff) == 0) {
                termination.assertRunning();
            }
        }
        // each retweeter's partners most often met (ties: the smaller partner), as StrongestPartners thins a signal
        List<CoordinationEdge> meetings = new ArrayList<>(met.size());
        for (var e : met.long2IntEntrySet()) {
            long key = e.getLongKey();
            meetings.add(new CoordinationEdge((int) (key >>> 32), (int) key, DEVOTED_RETWEET, 1.0, e.getIntValue(),
                    List.of()));
        }
        List<CoordinationEdge> kept = StrongestPartners.keep(meetings, partners, activity.accountCount());
        long[] keys = new long[kept.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = kept.get(i).pairKey();
        }
        Arrays.sort(keys);
        List<Evidence>[] evidence = evidence(activity, order, keys);
        List<CoordinationEdge> out = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            int s = sourceOfPair.get(keys[i]);
            out.add(new CoordinationEdge((int) (keys[i] >>> 32), (int) keys[i], DEVOTED_RETWEET,
                    test.devotedAudience()[s] / (double) test.audience()[s], test.fast()[s], evidence[i],
                    test.expected()[s]));
        }
        return out;
    }

    /** The meetings behind each kept pair ({@code keys} ascending), at most {@code evidenceCap} each. */
    @SuppressWarnings("unchecked")
    private List<Evidence>[] evidence(Activity activity, long[] order, long[] keys) {
        List<Evidence>[] out = new List[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = new ArrayList<>();
        }
        for (int i = 0; i < order.length; i++) {
            long original = order[i] >>> 32;
            int pa = (int) order[i];
            int a = activity.author(pa);
            for (int k = i + 1; k < order.length && k <= i + partners && order[k] >>> 32 == original; k++) {
                int pb = (int) order[k];
                int b = activity.author(pb);
                if (b == a) {
                    continue;
                }
                int at = Arrays.binarySearch(keys, CoordinationEdge.pairKey(a, b));
                if (at >= 0 && out[at].size() < evidenceCap) {
                    boolean aFirst = a < b;
                    out[at].add(new Evidence(activity.postId((int) original),
                            activity.time(aFirst ? pa : pb), activity.time(aFirst ? pb : pa)));
                }
            }
        }
        return out;
    }
}
