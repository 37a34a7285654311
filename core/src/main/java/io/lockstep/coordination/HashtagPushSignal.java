package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.HashtagUses;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The hashtag-push signal: the accounts that joined a flagged push of a hashtag without any visible route to it,
 * found after the verdicts ({@link VerdictPhase}) because its test reads them. An attack that makes a hashtag trend
 * posts it from many accounts within hours (Elmas et al., "Ephemeral astroturfing attacks: the case of fake Twitter
 * trends", IEEE EuroS&amp;P 2021; Keller, Schoch, Stier and Yang 2020, "Political astroturfing on Twitter"), most of
 * which take part in one or two of the pushes: a pair of them shares one hashtag in a window, which no pair test can
 * tell from chance, so the co-action signals find the accounts that pushed together repeatedly and miss the rest.
 * What marks the rest is how they came to the hashtag: hashtags spread along follow edges (Romero, Meeder and
 * Kleinberg, "Differences in the mechanics of information diffusion across topics", WWW 2011), so an ordinary account
 * that adopts a hashtag in its first hours follows an account that used it before; an account of the push uses it
 * because it was told to, with no such route.
 *
 * <p><b>Adoptions.</b> An account <i>adopts</i> hashtag h at its first post carrying h (a retweet without hashtags of
 * its own carries its original's). The adoption is <i>explained</i> when the account follows an account that adopted h
 * before it; it is <i>judged</i> only when the archive holds at least one follow of the account (in an archive without
 * follows nothing is judged, and the signal finds nothing). An adoption's <i>rank</i> is the number of accounts that
 * adopted the hashtag before it: a hashtag's early adopters had few earlier adopters to follow, and are unexplained
 * far more often than its later ones (the fourth generator's archives: about 0.55 at rank 1, 0.2 at ranks 4–7, 0.04
 * at 16–31, under 0.01 from 128 on). The archive's rates of unexplained adoptions b<sub>k</sub> are measured per
 * rank bin (2<sup>k</sup> ≤ rank &lt; 2<sup>k+1</sup>) over the judged adoptions of accounts not flagged, each
 * hashtag's first adopter left out (nobody could have shown it the hashtag).
 *
 * <p><b>The test</b>, per hashtag h that at least {@value #MIN_CORE} <i>pushers</i> adopted (suspicious accounts
 * with a co-hashtag, hashtag-burst or hashtag-sequence edge, flagged for using hashtags together, whose edges are
 * evidence against chance: the member test of the score's significance term, {@link ClusterScorer#significantAccounts};
 * they are the push's <i>core</i>), all within {@value #MAX_SPAN} s of the first of them (a push is a burst of hours, not a topic's
 * weeks; the flagged accounts that use a community's long-lived hashtags now and then are not a push of it), and born
 * in the core's window W = [first, last core adoption] (no more of its adoptions before W than inside it: flagged
 * accounts that join a trend hours after it began did not push it): over the judged adoptions of
 * accounts not flagged inside W, N adoptions, U of them unexplained, P(Poisson(λ) ≥ U) ≤ {@value #LEVEL} / m, m the
 * hashtags tested (Bonferroni), λ = Σ over those N adoptions of max(b<sub>k</sub> at the adoption's rank, the share of
 * the hashtag's own judged adoptions outside W that are unexplained): a hashtag's first adopters are compared with
 * other hashtags' first adopters, not with later ones, and a breaking-news hashtag that people take up on their own
 * all day long is not read as a push in its first hours. For k ≥ λ + 1 the tail of a sum of independent
 * Bernoulli trials of mean λ is at most the binomial's of the same mean (Hoeffding, "On the distribution of the number
 * of successes in independent trials", Ann. Math. Statist. 27, 1956), which the Poisson's bounds (Anderson and
 * Samuels 1967), so the test is conservative. When it passes, each of the U accounts is a
 * <b>participant</b> of the push.
 *
 * <p>A participant joins the cluster holding most of the cores it took part in (a core's cluster: the one holding most
 * of its pushers; the lowest id on a tie) and takes its score and verdict; the cluster's signals gain
 * {@code hashtag-push}, last. Its <b>edges</b> are the evidence: to the {@code partners} core accounts of that
 * cluster (at most {@link #MAX_PARTNERS}) that adopted its pushed hashtags nearest its own adoptions, weight U / N of
 * the push (the share of the window's judged adoptions that no route explains; the smallest over its pushes), count =
 * the pushed hashtags the two share, evidence = those adoptions (the hashtag, the two times ordered by source and
 * target). No pair null model ({@link CoordinationEdge#expected} NaN): the test is the push's, not the pair's.
 *
 * <p><b>Why the core must be significant.</b> The test grows a cluster by accounts that have no edge of their own, so
 * what starts it must itself be evidence, not only a profile. A small clique of honest accounts that reacted together
 * to one match (fans of a club, sharing its match hashtag) can be flagged on its profile alone (density 1, one burst)
 * while none of its pairs is beyond chance; read as a core, it turns the match's followers who took up the hashtag
 * from television, not from a follow, into participants. A push that makes a hashtag trend recurs (the same
 * accounts, hashtag after hashtag), which the pair tests or hashtag-burst's recurrence test find (the fourth
 * generator's archives at seed 42: 1,650 of the 2,539 planted push accounts significant, 2 of 10,419 sports fans).
 *
 * <p>What it cannot tell: an honest newcomer that follows nobody who used the hashtag and posts it in the push's hours
 * (it read the trend list, or a site) is taken for a participant; the test bounds how many such adoptions the window
 * holds beyond the archive's and the hashtag's own rate, not which ones they are. A participant that follows an
 * account of the push which adopted the hashtag before it is explained, and missed. The rank rates are the
 * archive's over all hashtags; an archive whose hashtags mostly spread off the follow graph (every adoption
 * unexplained, as in the simulator's) makes them high and finds no push.
 *
 * <p>Cost: one pass over the posts, a radix sort of the hashtag uses, then per adoption the account's follows once:
 * O(uses log uses + Σ adoptions × out-degree), plus O(follows) for the adjacency. Deterministic.
 */
public final class HashtagPushSignal implements JoiningSignal {
    /** The family-wise level of the test: the conventional 5 %, as for the seeds'. */
    static final double LEVEL = 0.05;
    /** A core's adoptions lie within this many seconds of each other: one day. */
    static final long MAX_SPAN = 86_400L;
    /** The least core: three accounts, the least cluster of a co-action signal. */
    static final int MIN_CORE = 3;
    /**
     * The signals whose edges make a flagged account a <i>pusher</i>: accounts flagged for using hashtags together
     * (co-hashtag, hashtag-burst, hashtag-sequence).
     */
    static final Set<String> PUSHING = Set.of(CoordinationSignal.CO_HASHTAG, CoordinationSignal.HASHTAG_BURST,
            CoordinationSignal.HASHTAG_SEQUENCE);
    /** At most this many edges per participant, whatever {@link CoordinationParams.ClusterParams#partners()} says. */
    static final int MAX_PARTNERS = 10;

    private final CoordinationParams params;
    private final int partners;
    private final int evidenceCap;

    public HashtagPushSignal(CoordinationParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.partners = Math.min(MAX_PARTNERS, params.cluster().partners());
        this.evidenceCap = params.evidenceCap();
    }

    /**
     * Finds the pushes, moves their participants into the pushes' clusters and links each to its nearest core
     * accounts.
     *
     * @param edges    every signal's edges, the seeds' included
     * @param clusters numbered 0, 1, … in list order
     * @param verdicts one per account, for {@code edges} and {@code clusters}
     * @return the clusters and verdicts unchanged, and no edges, when there is no participant; otherwise the verdicts
     *         recomputed ({@link VerdictPhase}) over {@code edges} and the participants' edges
     */
    @Override
    public Joined run(Activity activity, List<CoordinationEdge> edges, List<Cluster> clusters,
                      AccountVerdict[] verdicts, double suspiciousScore, TerminationFlag termination) {
        int n = activity.accountCount();
        boolean[] flagged = Joined.flagged(n, verdicts);
        boolean[] pushers = Joined.flaggedOn(n, edges, verdicts, PUSHING);
        boolean[] significant = ClusterScorer.significantAccounts(activity, params, edges);
        for (int a = 0; a < n; a++) {
            pushers[a] &= significant[a];
        }
        Adoptions adoptions = Adoptions.of(activity);
        termination.assertRunning();
        List<Push> pushes = pushes(adoptions, flagged, pushers, verdicts);
        if (pushes.isEmpty()) {
            return Joined.none(clusters, verdicts);
        }
        int[] joins = new int[n];
        Arrays.fill(joins, -1);
        int[] participants = joined(pushes, n, clusters.size(), joins);
        List<CoordinationEdge> pushEdges = edges(activity, adoptions, pushes, participants, joins, verdicts);
        termination.assertRunning();
        return Joined.of(clusters, edges, verdicts, participants, joins, pushEdges, CoordinationSignal.HASHTAG_PUSH,
                suspiciousScore);
    }

    /**
     * Every hashtag's adoptions in time order: hashtag h's are {@code [start[h], start[h + 1])} of the parallel
     * arrays (the adopting account, its time, the adopting post), with whether a follow explains each and whether it
     * is judged at all (the account follows someone in the archive).
     */
    record Adoptions(int[] start, int[] account, long[] time, int[] post, boolean[] explained, boolean[] judged) {
        int hashtags() {
            return start.length - 1;
        }

        /** O(uses log uses + Σ adoptions × out-degree + follows). */
        static Adoptions of(Activity activity) {
            int n = activity.accountCount();
            int[] first = new int[n + 1];
            for (int f = 0; f < activity.followCount(); f++) {
                first[activity.follower(f) + 1]++;
            }
            for (int a = 0; a < n; a++) {
                first[a + 1] += first[a];
            }
            int[] followees = new int[activity.followCount()];
            int[] fill = Arrays.copyOf(first, n);
            for (int f = 0; f < activity.followCount(); f++) {
                followees[fill[activity.follower(f)]++] = activity.followee(f);
            }
            HashtagUses uses = HashtagUses.of(activity);
            long[] k = uses == null ? new long[0] : uses.keys();
            long[] ps = uses == null ? new long[0] : uses.posts();
            int hashtags = activity.hashtagDictionarySize();
            int[] start = new int[hashtags + 1];
            IntArrayList account = new IntArrayList();
            LongArrayList time = new LongArrayList();
            IntArrayList post = new IntArrayList();
            BooleanList explained = new BooleanList();
            BooleanList judged = new BooleanList();
            int[] adopted = new int[n]; // per account, 1 + the last hashtag it adopted
            int h = 0;
            for (int i = 0; i < k.length; i++) {
                int tag = (int) (k[i] >>> 32);
                while (h < tag) {
                    start[++h] = account.size();
                }
                int p = (int) ps[i];
                int a = activity.author(p);
                if (adopted[a] == tag + 1) {
                    continue;
                }
                boolean routed = false;
                for (int j = first[a]; j < first[a + 1] && !routed; j++) {
                    routed = adopted[followees[j]] == tag + 1;
                }
                adopted[a] = tag + 1;
                account.add(a);
                time.add(activity.time(p));
                post.add(p);
                explained.add(routed);
                judged.add(first[a + 1] > first[a]);
            }
            while (h < hashtags) {
                start[++h] = account.size();
            }
            return new Adoptions(start, account.toIntArray(), time.toLongArray(), post.toIntArray(),
                    explained.toArray(), judged.toArray());
        }
    }

    /** A growable boolean array. */
    private static final class BooleanList {
        private boolean[] a = new boolean[16];
        private int size;

        void add(boolean b) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
            }
            a[size++] = b;
        }

        boolean[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    /**
     * A push that passed the test: its hashtag, the core's window, the cluster holding most of the core, the core's
     * accounts (ascending) and its participants (ascending), and U / N.
     */
    record Push(int hashtag, long from, long to, int cluster, int[] core, int[] participants, double share) {
    }

    /**
     * The archive's rates of unexplained adoptions by <i>rank</i> (the number of earlier adopters of the hashtag, r ≥
     * 1): entry k is the rate over the judged adoptions of accounts not {@code flagged} of rank 2<sup>k</sup> ≤ r &lt;
     * 2<sup>k+1</sup>, and a bin without any judged adoption takes the rate over all ranks; each hashtag's first
     * adopter (rank 0) is left out, as nobody could have shown it the hashtag. Null when no adoption is judged.
     * O(adoptions).
     */
    static double[] unexplainedRates(Adoptions a, boolean[] flagged) {
        long[] judged = new long[Integer.SIZE];
        long[] unexplained = new long[Integer.SIZE];
        long allJudged = 0, allUnexplained = 0;
        for (int h = 0; h < a.hashtags(); h++) {
            for (int i = a.start()[h] + 1; i < a.start()[h + 1]; i++) {
                if (a.judged()[i] && !flagged[a.account()[i]]) {
                    int bin = rankBin(i - a.start()[h]);
                    int u = a.explained()[i] ? 0 : 1;
                    judged[bin]++;
                    unexplained[bin] += u;
                    allJudged++;
                    allUnexplained += u;
                }
            }
        }
        if (allJudged == 0) {
            return null;
        }
        double[] rates = new double[Integer.SIZE];
        for (int k = 0; k < rates.length; k++) {
            rates[k] = judged[k] == 0 ? (double) allUnexplained / allJudged : (double) unexplained[k] / judged[k];
        }
        return rates;
    }

    /** The bin of rank r ≥ 1: floor(log2 r). */
    static int rankBin(int r) {
        return Integer.SIZE - 1 - Integer.numberOfLeadingZeros(r);
    }

    /** The pushes that pass the class comment's test, by hashtag. O(adoptions). */
    static List<Push> pushes(Adoptions a, boolean[] flagged, boolean[] pushers, AccountVerdict[] verdicts) {
        double[] rates = unexplainedRates(a, flagged);
        if (rates == null) {
            return List.of();
        }
        record Candidate(int hashtag, long from, long to, int judged, int unexplained, double expected) {
        }
        List<Candidate> tested = new ArrayList<>();
        for (int h = 0; h < a.hashtags(); h++) {
            int core = 0;
            long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
            for (int i = a.start()[h]; i < a.start()[h + 1]; i++) {
                if (pushers[a.account()[i]]) {
                    core++;
                    from = Math.min(from, a.time()[i]);
                    to = Math.max(to, a.time()[i]);
                }
            }
            if (core < MIN_CORE || to - from > MAX_SPAN || !bornIn(a, h, from, to)) {
                continue;
            }
            int judged = 0, unexplained = 0, judgedOut = 0, unexplainedOut = 0;
            for (int i = a.start()[h] + 1; i < a.start()[h + 1]; i++) {
                if (flagged[a.account()[i]] || !a.judged()[i]) {
                    continue;
                }
                int u = a.explained()[i] ? 0 : 1;
                if (a.time()[i] < from || a.time()[i] > to) {
                    judgedOut++;
                    unexplainedOut += u;
                }
            }
            double own = judgedOut == 0 ? 0.0 : (double) unexplainedOut / judgedOut;
            double expected = 0;
            for (int i = a.start()[h] + 1; i < a.start()[h + 1]; i++) {
                if (!flagged[a.account()[i]] && a.judged()[i] && a.time()[i] >= from && a.time()[i] <= to) {
                    judged++;
                    unexplained += a.explained()[i] ? 0 : 1;
                    expected += Math.max(rates[rankBin(i - a.start()[h])], own);
                }
            }
            tested.add(new Candidate(h, from, to, judged, unexplained, expected));
        }
        List<Push> out = new ArrayList<>();
        for (Candidate c : tested) {
            if (c.unexplained() == 0
                    || PoissonTail.upper(c.unexplained(), c.expected()) > LEVEL / tested.size()) {
                continue;
            }
            IntArrayList core = new IntArrayList();
            IntArrayList participants = new IntArrayList();
            for (int i = a.start()[c.hashtag()]; i < a.start()[c.hashtag() + 1]; i++) {
                int acc = a.account()[i];
                if (pushers[acc]) {
                    core.add(acc);
                } else if (!flagged[acc] && i > a.start()[c.hashtag()] && a.judged()[i] && !a.explained()[i]
                        && a.time()[i] >= c.from() && a.time()[i] <= c.to()) {
                    participants.add(acc);
                }
            }
            int[] coreIds = core.toIntArray();
            int[] participantIds = participants.toIntArray();
            Arrays.sort(coreIds);
            Arrays.sort(participantIds);
            out.add(new Push(c.hashtag(), c.from(), c.to(), Joined.mostHeld(coreIds, verdicts), coreIds, participantIds,
                    (double) c.unexplained() / c.judged()));
        }
        return out;
    }

    /**
     * Whether hashtag h was born in the window [from, to]: no more of its adoptions before the window than inside it
     * (a push starts its hashtag; flagged accounts that join a trend hours after it began are not its push).
     */
    static boolean bornIn(Adoptions a, int h, long from, long to) {
        int before = 0, inside = 0;
        for (int i = a.start()[h]; i < a.start()[h + 1] && a.time()[i] <= to; i++) {
            if (a.time()[i] < from) {
                before++;
            } else {
                inside++;
            }
        }
        return before <= inside;
    }

    /**
     * The participants of {@code pushes}, ascending; {@code joins[p]} set to the cluster holding most of the cores
     * participant p took part in (the lowest id on a tie). O(participations + clusters).
     */
    static int[] joined(List<Push> pushes, int n, int clusterCount, int[] joins) {
        IntArrayList all = new IntArrayList();
        for (Push p : pushes) {
            all.addAll(IntArrayList.wrap(p.participants()));
        }
        int[] participants = all.toIntArray();
        Arrays.sort(participants);
        participants = Arrays.stream(participants).distinct().toArray();
        for (int acc : participants) {
            int[] votes = new int[clusterCount];
            for (Push p : pushes) {
                if (Arrays.binarySearch(p.participants(), acc) >= 0) {
                    votes[p.cluster()]++;
                }
            }
            int best = 0;
            for (int c = 1; c < clusterCount; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            joins[acc] = best;
        }
        return participants;
    }

    /**
     * Each participant's edges to the core accounts of its cluster that adopted its pushed hashtags nearest its own
     * adoptions (the class comment's evidence).
     */
    private List<CoordinationEdge> edges(Activity activity, Adoptions a, List<Push> pushes, int[] participants,
                                         int[] joins, AccountVerdict[] verdicts) {
        int n = activity.accountCount();
        long[] adoptedAt = new long[n];
        List<CoordinationEdge> out = new ArrayList<>();
        for (int acc : participants) {
            int cluster = joins[acc];
            // per partner: shared pushes, nearest gap, and the evidence
            Int2ObjectOpenHashMap<PartnerTally> tally = new Int2ObjectOpenHashMap<>();
            double share = 1.0;
            for (Push p : pushes) {
                if (p.cluster() != cluster || Arrays.binarySearch(p.participants(), acc) < 0) {
                    continue;
                }
                share = Math.min(share, p.share());
                long mine = Long.MIN_VALUE;
                for (int i = a.start()[p.hashtag()]; i < a.start()[p.hashtag() + 1]; i++) {
                    adoptedAt[a.account()[i]] = a.time()[i];
                    if (a.account()[i] == acc) {
                        mine = a.time()[i];
                    }
                }
                for (int c : p.core()) {
                    if (verdicts[c].cluster() == cluster) {
                        PartnerTally t = tally.computeIfAbsent(c, x -> new PartnerTally());
                        t.add(Math.abs(adoptedAt[c] - mine), "#" + activity.hashtag(p.hashtag()),
                                acc < c ? mine : adoptedAt[c], acc < c ? adoptedAt[c] : mine, evidenceCap);
                    }
                }
            }
            int[] chosen = tally.keySet().toIntArray();
            Integer[] order = Arrays.stream(chosen).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (x, y) -> {
                PartnerTally tx = tally.get((int) x), ty = tally.get((int) y);
                if (tx.count != ty.count) {
                    return Integer.compare(ty.count, tx.count);
                }
                if (tx.nearest != ty.nearest) {
                    return Long.compare(tx.nearest, ty.nearest);
                }
                return Integer.compare(x, y);
            });
            for (int i = 0; i < Math.min(partners, order.length); i++) {
                int c = order[i];
                PartnerTally t = tally.get(c);
                out.add(new CoordinationEdge(Math.min(acc, c), Math.max(acc, c), CoordinationSignal.HASHTAG_PUSH,
                        share, t.count, t.evidence));
            }
        }
        return out;
    }

    /** One partner's shared pushes: how many, the nearest gap between the two adoptions, the evidence. */
    private static final class PartnerTally {
        int count;
        long nearest = Long.MAX_VALUE;
        final List<Evidence> evidence = new ArrayList<>();

        void add(long gap, String hashtag, long sourceTime, long targetTime, int cap) {
            count++;
            nearest = Math.min(nearest, gap);
            if (evidence.size() < cap) {
                evidence.add(new Evidence(hashtag, sourceTime, targetTime));
            }
        }
    }
}
