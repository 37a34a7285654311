package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The amplified-seed signal: the seeds of a flagged amplification network, found after the verdicts
 * ({@link VerdictPhase}) because its test reads them. A retweet botnet amplifies a few seed accounts that post the
 * campaign's content (Keller, Schoch, Stier and Yang, "Political astroturfing on Twitter: how to coordinate a
 * disinformation campaign", Political Communication 37, 2020; Pacheco et al., "Uncovering coordinated networks on
 * social media", ICWSM 2021, whose co-retweet networks link the amplifiers but not the accounts they amplify): the
 * amplifiers co-retweet each other and are found by co-retweet, while a seed does not retweet and shares nothing in a
 * window with anyone, so no co-action signal links it. What marks a seed is its audience: an idol's, a club's or a
 * newsroom's posts are retweeted by a crowd of many kinds of accounts, among which a botnet's camouflage retweets are
 * a few; a seed's are retweeted by the botnet.
 *
 * <p><b>The test</b>, per account s that is not suspicious and was retweeted by R<sub>s</sub> distinct other
 * accounts, A of them amplifiers (suspicious and on a co-retweet, fast-retweet or devoted-retweet edge: flagged for
 * retweeting together):
 * <ol>
 *   <li><b>its audience is the network</b>: A &gt; R<sub>s</sub> / 2, a majority (the same majority as a hashtag's
 *       source in {@link HashtagSources}, not a fitted constant);</li>
 *   <li><b>beyond chance</b>: with f the share of amplifiers among all accounts that retweeted another account,
 *       P(Poisson(R<sub>s</sub> f) ≥ A) ≤ {@link #LEVEL} / m, m the accounts retweeted at all (Bonferroni over the
 *       accounts tested). The Poisson tail bounds the binomial tail of A from above for A ≥ R<sub>s</sub> f + 1
 *       (Anderson and Samuels, "Some inequalities among binomial and Poisson probabilities", Proc. Fifth Berkeley
 *       Symp. 1, 1967), so the test is conservative. An ordinary account retweeted by three amplifiers of its
 *       camouflage and nobody else is not a seed (p ≈ (3f)³ / 6 is above the level in any archive of more than a few
 *       hundred retweeted accounts); a seed retweeted by a hundred of them is.</li>
 *   <li><b>systematically, post after post</b> ({@link #systematic}): more than half of those A amplifiers each
 *       retweeted at least two of s's posts, and more of them than its own retweet volume explains. A botnet's
 *       amplifiers retweet a large share of every post of their seed (Keller et al. 2020: the seeds' content is what
 *       the network exists to amplify), while a botnet's camouflage picks posts of the accounts around it one at a
 *       time, so an ordinary account it happens to hit gets one or two retweets from each of many amplifiers and
 *       none systematically. Under the null that amplifier a spreads its T<sub>a</sub> distinct retweeted posts over
 *       the P distinct posts retweeted in the archive, the N<sub>s</sub> posts of s that anyone retweeted draw
 *       λ = T<sub>a</sub> N<sub>s</sub> / P of them; a retweeted k<sub>a</sub> ≥ 2 of s's posts systematically when
 *       P(Poisson(λ) ≥ k<sub>a</sub>) ≤ {@link #LEVEL} / q, q the (candidate, amplifier) pairs tested (Bonferroni).
 *       Two is the least count that can repeat; the majority is the audience test's. Measured on the first
 *       generator's archive (indep-7), where the first two tests alone take 114 ordinary accounts for seeds: every
 *       one of their amplifying retweeters retweeted exactly one of their posts.</li>
 * </ol>
 * A seed joins the cluster holding most of its amplifying retweeters (the lowest cluster id on a tie) and takes its
 * score and verdict (it leaves the cluster it was in, if any; scores are not recomputed: the seed's evidence is its
 * audience, not co-actions). The cluster's signals gain {@code amplified-seed}, last.
 *
 * <p><b>The edges</b> are the evidence: each seed is linked to its {@code partners} amplifiers (at most
 * {@link #MAX_PARTNERS}) that retweeted the most of its posts (ties: the smaller account id), as
 * {@link StrongestPartners} bounds every flagged account's reported edges. Edge weight = A / R<sub>s</sub>, the share
 * of the seed's retweeters that are the network (the same on all of a seed's edges); count = the seed's posts that
 * amplifier retweeted; evidence = those retweets (the original's post id, the original's time and the retweet's,
 * ordered by the edge's source and target), the first at the amplifier's median delay, then in time order, at most
 * {@link CoordinationParams#evidenceCap()}. No pair null model ({@link CoordinationEdge#expected} NaN): the test is
 * the seed's, not the pair's.
 *
 * <p>What it cannot tell: an honest account whose whole audience a botnet captured (an unknown account that only a
 * botnet retweets) is taken for a seed; an honest crowd flagged by mistake as a co-retweet cluster carries the
 * account it retweets with it. A seed whose organic audience outnumbers its amplifiers is not found.
 *
 * <p>Cost: one pass over the posts, a sort of the distinct (retweeted, retweeter) pairs, then, when an account passes
 * the first two tests, a sort of the distinct (post, retweeter) pairs of the retweets and one pass over the seeds'
 * retweets: O(posts + retweets log retweets). Deterministic.
 */
public final class AmplifiedSeedSignal implements JoiningSignal {
    /** The family-wise level of the test: the conventional 5 %, as for the significance term. */
    static final double LEVEL = 0.05;
    /** At most this many edges per seed, whatever {@link CoordinationParams.ClusterParams#partners()} says. */
    static final int MAX_PARTNERS = 10;

    private final int partners;
    private final int evidenceCap;
    /** The devoted-retweet test, when that signal is enabled: its sources are no farm's clients; else null. */
    private final DevotedRetweetSignal devoted;

    public AmplifiedSeedSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.partners = Math.min(MAX_PARTNERS, params.cluster().partners());
        this.evidenceCap = params.evidenceCap();
        this.devoted = params.enabled(CoordinationSignal.DEVOTED_RETWEET) ? new DevotedRetweetSignal(params) : null;
    }

    /** The verdicts and clusters after the seeds joined their amplifiers' clusters, and the seeds' edges. */
    public record Result(List<Cluster> clusters, AccountVerdict[] verdicts, int[] seeds,
                         List<CoordinationEdge> edges) {
    }

    /**
     * Finds the seeds, moves them into their amplifiers' clusters and links each to its strongest amplifiers.
     *
     * @param edges    every signal's edges (the amplifiers are read from the co-retweet and fast-retweet ones)
     * @param clusters numbered 0, 1, … in list order, as {@link ScorePhase} returns them
     * @param verdicts one per account, as {@link VerdictPhase} returns them for {@code edges} and {@code clusters}
     * @return the clusters and verdicts unchanged, and no edges, when there is no seed; otherwise the verdicts
     *         recomputed ({@link VerdictPhase}) over {@code edges} and the seeds' edges
     */
    @Override
    public Joined run(Activity activity, List<CoordinationEdge> edges, List<Cluster> clusters,
                      AccountVerdict[] verdicts, double suspiciousScore, TerminationFlag termination) {
        int n = activity.accountCount();
        boolean[] amplifier = amplifiers(n, edges, verdicts);
        long[] pairs = retweetPairs(activity);
        termination.assertRunning();
        int[] seedCluster = new int[n];
        Arrays.fill(seedCluster, -1);
        Audience[] audience = new Audience[n];
        int[] candidates = withoutClients(activity, clusters, verdicts,
                seeds(pairs, amplifier, verdicts, n, seedCluster, audience), seedCluster, audience,
                devoted == null ? null : () -> devoted.sources(activity, termination));
        int[] seeds = systematic(activity, candidates, amplifier, audience);
        if (seeds.length == 0) {
            return Joined.none(clusters, verdicts);
        }
        List<CoordinationEdge> seedEdges = edges(activity, seeds, amplifier, audience);
        termination.assertRunning();
        return Joined.of(clusters, edges, verdicts, seeds, seedCluster, seedEdges, CoordinationSignal.AMPLIFIED_SEED,
                suspiciousScore);
    }

    /**
     * The accounts of {@code candidates} (ascending) that are not the client of the follower farm they would join:
     * a candidate whose cluster ({@code seedCluster}) is a follow block ({@link Signal#LOCKSTEP_FOLLOW}'s kind) and
     * more than half of whose members follow it is one of the block's targets, the account the farm was paid to
     * follow, and its retweets by the farm are the same service (Stringhini et al. 2013, "Follow the green: growth
     * and dynamics in Twitter follower markets", IMC; Cresci et al. 2015, "Fame for sale", Decision Support Systems
     * 80: market accounts follow and promote their customers). The follow signal makes members of a block's
     * followers, never of its targets; a seed read from the same farm's retweets is its client too, not its voice.
     * Measured on the fourth generator's archives (docs/quality.md): the follower buyers taken for seeds were
     * followed by 79–95 % of their farm's cluster, the farm's own aged accounts taken for seeds by 0–3 %. A source
     * with a devoted audience ({@code devotedSources}, {@link DevotedRetweetSignal}: most of its retweeters exist to
     * retweet it, and retweet it faster than anyone else is retweeted) is no client: a botnet's amplifiers follow
     * their seeds too, while a vendor's accounts retweet its clients at their own pace. The clients'
     * {@code audience} entries are cleared. O(follows + candidates).
     *
     * @param devotedSources per account, whether it is a source with a devoted audience, read only when a candidate
     *                       would join a follow block; null when the devoted-retweet signal is not enabled
     */
    static int[] withoutClients(Activity activity, List<Cluster> clusters, AccountVerdict[] verdicts,
                                int[] candidates, int[] seedCluster, Audience[] audience,
                                Supplier<boolean[]> devotedSources) {
        if (candidates.length == 0) {
            return candidates;
        }
        int n = activity.accountCount();
        boolean[] inFarm = new boolean[n];
        boolean any = false;
        for (int s : candidates) {
            int c = seedCluster[s];
            if (clusters.get(c).kind().equals(Signal.LOCKSTEP_FOLLOW.kind())) {
                inFarm[s] = true;
                any = true;
            }
        }
        if (!any) {
            return candidates;
        }
        int[] followedBy = new int[n];
        for (int f = 0; f < activity.followCount(); f++) {
            int target = activity.followee(f);
            if (inFarm[target] && verdicts[activity.follower(f)].cluster() == seedCluster[target]) {
                followedBy[target]++;
            }
        }
        boolean[] devotedSource = devotedSources == null ? new boolean[n] : devotedSources.get();
        IntArrayList kept = new IntArrayList(candidates.length);
        for (int s : candidates) {
            if (inFarm[s] && 2 * followedBy[s] > clusters.get(seedCluster[s]).members().length
                    && !devotedSource[s]) {
                audience[s] = null;
                seedCluster[s] = -1;
            } else {
                kept.add(s);
            }
        }
        return kept.toIntArray();
    }

    /** A seed's audience: its distinct retweeters R and, of them, the amplifiers A. */
    record Audience(int retweeters, int amplifiers) {
        double share() {
            return (double) amplifiers / retweeters;
        }
    }

    /** The signals whose edges make an account an amplifier: retweeting together, fast, or devoted to a source. */
    static final Set<String> RETWEET_SIGNALS = Set.of(CoordinationSignal.CO_RETWEET, CoordinationSignal.FAST_RETWEET,
            CoordinationSignal.DEVOTED_RETWEET);

    /** Suspicious accounts on an edge of one of the {@link #RETWEET_SIGNALS}. O(edges). */
    static boolean[] amplifiers(int n, List<CoordinationEdge> edges, AccountVerdict[] verdicts) {
        return Joined.flaggedOn(n, edges, verdicts, RETWEET_SIGNALS);
    }

    /** The distinct (retweeted author, retweeter) pairs of the archive, {@code author << 32 | retweeter}, sorted. */
    static long[] retweetPairs(Activity activity) {
        LongArrayList pairs = new LongArrayList();
        for (int p = 0; p < activity.postCount(); p++) {
            int s = retweetedAuthor(activity, p);
            if (s != Activity.NONE) {
                pairs.add(((long) s << 32) | activity.author(p));
            }
        }
        long[] a = pairs.toLongArray();
        LongArrays.radixSort(a);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[k++] = a[i];
            }
        }
        return Arrays.copyOf(a, k);
    }

    /** The author of the post that post p retweets, when p is a retweet of another account's post; else NONE. */
    static int retweetedAuthor(Activity activity, int p) {
        if (activity.kind(p) != PostKind.RETWEET) {
            return Activity.NONE;
        }
        int q = activity.referencedPost(p);
        int r = activity.author(p);
        int s = q == Activity.NONE ? Activity.NONE : activity.author(q);
        return r == Activity.NONE || s == Activity.NONE || r == s ? Activity.NONE : s;
    }

    /**
     * The candidate seeds, ascending, by the first two tests of the class comment (the audience); {@code seedCluster[s]} receives the cluster of most
     * of seed s's amplifying retweeters and {@code audience[s]} its audience.
     */
    static int[] seeds(long[] pairs, boolean[] amplifier, AccountVerdict[] verdicts, int n, int[] seedCluster,
                       Audience[] audience) {
        boolean[] retweeter = new boolean[n];
        int tested = 0;
        for (int i = 0; i < pairs.length; i++) {
            retweeter[(int) pairs[i]] = true;
            if (i == 0 || (pairs[i] >>> 32) != (pairs[i - 1] >>> 32)) {
                tested++;
            }
        }
        int retweeters = 0, amplifying = 0;
        for (int v = 0; v < n; v++) {
            if (retweeter[v]) {
                retweeters++;
                if (amplifier[v]) {
                    amplifying++;
                }
            }
        }
        if (amplifying == 0) {
            return new int[0];
        }
        double f = (double) amplifying / retweeters;
        IntArrayList found = new IntArrayList();
        int[] byCluster = new int[0];
        for (int i = 0; i < pairs.length; ) {
            int s = (int) (pairs[i] >>> 32);
            int j = i;
            int a = 0;
            while (j < pairs.length && (int) (pairs[j] >>> 32) == s) {
                if (amplifier[(int) pairs[j]]) {
                    a++;
                }
                j++;
            }
            int r = j - i;
            if (!verdicts[s].suspicious() && 2 * a > r && PoissonTail.upper(a, r * f) <= LEVEL / tested) {
                int best = -1;
                for (int x = i; x < j; x++) {
                    int v = (int) pairs[x];
                    int c = verdicts[v].cluster();
                    if (amplifier[v] && c >= 0) {
                        if (c >= byCluster.length) {
                            byCluster = Arrays.copyOf(byCluster, Math.max(c + 1, 2 * byCluster.length));
                        }
                        byCluster[c]++;
                        if (best < 0 || byCluster[c] > byCluster[best] || byCluster[c] == byCluster[best] && c < best) {
                            best = c;
                        }
                    }
                }
                for (int x = i; x < j; x++) {
                    int c = verdicts[(int) pairs[x]].cluster();
                    if (c >= 0 && c < byCluster.length) {
                        byCluster[c] = 0;
                    }
                }
                if (best >= 0) {
                    seedCluster[s] = best;
                    audience[s] = new Audience(r, a);
                    found.add(s);
                }
            }
            i = j;
        }
        return found.toIntArray();
    }

    /**
     * The accounts of {@code candidates} (ascending, each past the audience tests of {@link #seeds}, with its
     * {@code audience}) whose amplifying retweeters retweet them systematically: more than half of its A amplifiers
     * each retweeted k ≥ 2 of its posts with P(Poisson(T<sub>a</sub> N<sub>s</sub> / P) ≥ k) ≤ {@link #LEVEL} / q
     * (the class comment's third test). Ascending. O(retweets log retweets); nothing when there is no candidate.
     */
    static int[] systematic(Activity activity, int[] candidates, boolean[] amplifier, Audience[] audience) {
        if (candidates.length == 0) {
            return candidates;
        }
        int n = activity.accountCount();
        // the distinct (original post, retweeter) pairs: a retweet of the same post twice counts once
        LongArrayList shares = new LongArrayList();
        for (int p = 0; p < activity.postCount(); p++) {
            if (retweetedAuthor(activity, p) != Activity.NONE) {
                shares.add(((long) activity.referencedPost(p) << 32) | activity.author(p));
            }
        }
        long[] a = shares.toLongArray();
        LongArrays.radixSort(a);
        boolean[] candidate = new boolean[n];
        for (int s : candidates) {
            candidate[s] = true;
        }
        int[] volume = new int[n]; // T_a: the distinct posts a retweeted
        int[] retweeted = new int[n]; // N_s: the distinct posts of s that anyone retweeted
        int distinctPosts = 0; // P
        LongArrayList keys = new LongArrayList(); // (candidate, amplifier) per distinct post of the candidate
        for (int i = 0; i < a.length; i++) {
            if (i > 0 && a[i] == a[i - 1]) {
                continue;
            }
            int post = (int) (a[i] >>> 32), retweeter = (int) a[i];
            int author = activity.author(post);
            volume[retweeter]++;
            if (i == 0 || (a[i] >>> 32) != (a[i - 1] >>> 32)) {
                distinctPosts++;
                retweeted[author]++;
            }
            if (candidate[author] && amplifier[retweeter]) {
                keys.add(((long) author << 32) | retweeter);
            }
        }
        long[] k = keys.toLongArray();
        LongArrays.radixSort(k);
        int tested = 0;
        for (int i = 0; i < k.length; i++) {
            tested += i == 0 || k[i] != k[i - 1] ? 1 : 0;
        }
        int[] repeating = new int[n];
        for (int i = 0; i < k.length; ) {
            int j = i;
            while (j < k.length && k[j] == k[i]) {
                j++;
            }
            int s = (int) (k[i] >>> 32), amp = (int) k[i];
            double lambda = (double) volume[amp] * retweeted[s] / distinctPosts;
            if (j - i >= 2 && PoissonTail.upper(j - i, lambda) <= LEVEL / tested) {
                repeating[s]++;
            }
            i = j;
        }
        IntArrayList kept = new IntArrayList();
        for (int s : candidates) {
            if (2 * repeating[s] > audience[s].amplifiers()) {
                kept.add(s);
            } else {
                audience[s] = null;
            }
        }
        return kept.toIntArray();
    }

    /**
     * Each seed's edges to its {@code partners} amplifiers that retweeted the most of its posts, sorted by (source,
     * target). One pass over the posts collects the seeds' retweets by amplifiers, a sort groups them by (seed,
     * amplifier).
     */
    List<CoordinationEdge> edges(Activity activity, int[] seeds, boolean[] amplifier, Audience[] audience) {
        boolean[] isSeed = new boolean[activity.accountCount()];
        for (int s : seeds) {
            isSeed[s] = true;
        }
        // (seed, amplifier, retweet post) as three ints per row, then sorted by seed, amplifier, retweet time
        IntArrayList rows = new IntArrayList();
        for (int p = 0; p < activity.postCount(); p++) {
            int s = retweetedAuthor(activity, p);
            if (s != Activity.NONE && isSeed[s] && amplifier[activity.author(p)]) {
                rows.add(p);
            }
        }
        int[] retweets = rows.toIntArray();
        IntArrays.quickSort(retweets, (x, y) -> {
            int c = Integer.compare(retweetedAuthor(activity, x), retweetedAuthor(activity, y));
            if (c == 0) {
                c = Integer.compare(activity.author(x), activity.author(y));
            }
            if (c == 0) {
                c = Long.compare(activity.time(x), activity.time(y));
            }
            return c != 0 ? c : Integer.compare(x, y);
        });
        List<CoordinationEdge> out = new ArrayList<>();
        List<int[]> ofSeed = new ArrayList<>(); // per amplifier of the current seed: {amplifier, from, to, posts}
        for (int i = 0; i < retweets.length; ) {
            int s = retweetedAuthor(activity, retweets[i]);
            ofSeed.clear();
            int j = i;
            while (j < retweets.length && retweetedAuthor(activity, retweets[j]) == s) {
                int amp = activity.author(retweets[j]);
                int k = j;
                IntArrayList originals = new IntArrayList();
                while (k < retweets.length && retweetedAuthor(activity, retweets[k]) == s
                        && activity.author(retweets[k]) == amp) {
                    originals.add(activity.referencedPost(retweets[k]));
                    k++;
                }
                int[] o = originals.toIntArray();
                Arrays.sort(o);
                int distinct = 0;
                for (int x = 0; x < o.length; x++) {
                    distinct += x == 0 || o[x] != o[x - 1] ? 1 : 0;
                }
                ofSeed.add(new int[]{amp, j, k, distinct});
                j = k;
            }
            ofSeed.sort((x, y) -> x[3] != y[3] ? Integer.compare(y[3], x[3]) : Integer.compare(x[0], y[0]));
            for (int[] g : ofSeed.subList(0, Math.min(partners, ofSeed.size()))) {
                out.add(edge(activity, s, g[0], Arrays.copyOfRange(retweets, g[1], g[2]), g[3], audience[s]));
            }
            i = j;
        }
        out.sort((x, y) -> Long.compare(x.pairKey(), y.pairKey()));
        return out;
    }

    /** One seed–amplifier edge over the amplifier's retweets of the seed's posts, in time order. */
    private CoordinationEdge edge(Activity activity, int seed, int amp, int[] retweets, int posts, Audience audience) {
        long[] delays = new long[retweets.length];
        for (int x = 0; x < retweets.length; x++) {
            delays[x] = delay(activity, retweets[x]);
        }
        long[] sortedDelays = delays.clone();
        Arrays.sort(sortedDelays);
        long median = sortedDelays[(sortedDelays.length - 1) / 2];
        int first = 0;
        while (delays[first] != median) {
            first++;
        }
        List<Evidence> evidence = new ArrayList<>(Math.min(evidenceCap, retweets.length));
        if (evidenceCap > 0) {
            evidence.add(evidence(activity, seed, amp, retweets[first]));
        }
        for (int x = 0; x < retweets.length && evidence.size() < evidenceCap; x++) {
            if (x != first) {
                evidence.add(evidence(activity, seed, amp, retweets[x]));
            }
        }
        return new CoordinationEdge(Math.min(seed, amp), Math.max(seed, amp), CoordinationSignal.AMPLIFIED_SEED,
                audience.share(), posts, evidence);
    }

    /** The retweet's delay after its original in seconds; {@link Long#MAX_VALUE} when either time is unknown. */
    private static long delay(Activity activity, int retweet) {
        long t = activity.time(retweet), o = activity.time(activity.referencedPost(retweet));
        return t == Activity.NO_TIME || o == Activity.NO_TIME ? Long.MAX_VALUE : t - o;
    }

    private static Evidence evidence(Activity activity, int seed, int amp, int retweet) {
        int original = activity.referencedPost(retweet);
        long seedTime = activity.time(original), ampTime = activity.time(retweet);
        return seed < amp ? new Evidence(activity.postId(original), seedTime, ampTime)
                : new Evidence(activity.postId(original), ampTime, seedTime);
    }
}
