package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The farm-cohort signal: the accounts of a flagged follower farm's creation burst that the farm's block left out,
 * found after the verdicts ({@link VerdictPhase}) because its test reads them. A vendor creates its accounts together
 * and has each follow its clients, some of them and some of the time, beside camouflage (Cresci et al., "Fame for
 * sale: efficient detection of fake Twitter followers", Decision Support Systems 80, 2015; Stringhini et al.,
 * "Follow the green: growth and dynamics in Twitter follower markets", IMC 2013). A block of the follow signal holds
 * the members that follow enough of the same targets; the members that follow one client and otherwise camouflage
 * share too few targets with any of them for a block, and are missed although they carry the marks of the rest: created
 * in the same burst, followed by nobody, following the same client.
 *
 * <p><b>The test</b>, per creation burst C ({@link LockstepFollowSignal#creationBursts}: a span of
 * {@code creationBurst} seconds holding {@code minLift} times the accounts created in the spans around it, beyond
 * chance) that holds at least {@code minFollowers} accounts flagged with a lockstep-follow edge (its <i>core</i> K):
 * <ol>
 *   <li>the core's <b>targets</b> T: the accounts followed by at least a share {@code minDensity} of K, at least
 *       {@code minLift} times as often as by the other accounts of the archive
 *       ({@link LockstepFollowSignal#aboveThePlatform}): the clients, not the platform's popular accounts the
 *       camouflage follows;</li>
 *   <li>a member of C not flagged and created within the <i>farm's span</i> (from the first to the last creation of
 *       the <i>farm's accounts</i>, those of K in the cluster holding most of K: the burst's span is only the window
 *       that found them, and may hold other operations' accounts) is <b>marked</b> when no account outside C chose
 *       to follow it ({@link #audience}: a follow-back account's follow of an account that follows it answers that
 *       account's follow and chooses nothing), it follows at least one account of T, and it follows at least
 *       {@code minTargets} of the same accounts as one of the farm's accounts (the fewest targets a block asks of
 *       its followers): a newcomer created in the farm's days that follows a client and otherwise its own community
 *       shares a client and perhaps a top account with the farm, not its camouflage;</li>
 *   <li>the <b>background</b>: the accounts that follow at least {@code minTargets} others, created within eight spans
 *       before C's first creation or after its last (the spans {@code creationBursts} measures C against), not in C and
 *       not flagged: B of them, k marked by the same three rules; q the share of all the archive's accounts outside
 *       C, not flagged and following at least {@code minTargets} others, that the rules mark. With F the members of C
 *       not flagged and created within the farm's span, U of them marked, C's marks are beyond the background's when
 *       P(Poisson(λ) ≥ U) ≤ {@link #LEVEL} / m, λ = F (k + q) / (B + 1) (one pseudo-account marked at the
 *       archive's rate: a small background is read against the archive, and a burst with none around it, as on a
 *       platform that has stopped growing, against the archive alone), m the bursts and windows tested
 *       (Bonferroni). The Poisson tail bounds the binomial's from above for U ≥ λ + 1 (Anderson and Samuels 1967),
 *       so the test is conservative.</li>
 * </ol>
 * When it passes, each of the U marked accounts is a <b>member</b> of the farm: it joins the cluster holding most of K
 * (the lowest id on a tie) and takes its score and verdict; the cluster's signals gain {@code farm-cohort}, last.
 *
 * <p><b>The farm's creation window</b>, per cluster holding at least {@code minFollowers} accounts flagged with a
 * lockstep-follow edge (the farm's accounts F), after the bursts: a vendor that makes its accounts over more days than
 * a creation burst, or next to a sign-up wave that the bursts' neighbouring spans count, leaves no burst of its own
 * (the fourth generator's z1: a farm of 94 accounts made over ten days, a week before a wave of 523 sign-ups; its best
 * seven-day window holds 1.8 times the accounts of the spans around it, and 31 of its accounts were missed). The window
 * W is F's creation span widened by one {@code creationBurst} span either side (the block holds part of the vendor's
 * batch, and the batch's first and last accounts may be among those it left out: z1's first flagged account was created
 * two days after the farm's first), over the accounts that follow at least {@code minTargets} others; its targets,
 * marks, background and test are the burst's, with W for C and F for the core, every account of W created in it. The
 * window is read when its background holds at least as many accounts as its free ones, or under the run's conditions
 * below when no sign-up wave lies in it. A window denser than the weeks around it holds the archive's history or a
 * sign-up wave, and its marks cannot be read against so few: an aged farm's span covers the archive's history,
 * "followed by nobody outside W" no longer sets an account apart, and the test passes on ordinary accounts (the fourth
 * generator's aged farms: windows holding 73–91 % of their archives, passing on 2–888 ordinary accounts each, read
 * against the few accounts created after them); a farm-size cluster's window that holds a sign-up wave passes on the
 * wave's newcomers that follow its targets (x1fl, its follows read from a few accounts only, at analysis seed 1: 72 of
 * the wave). Bursts and windows are one family (m counts the bursts tested and every farm's window); a window is read
 * with the members of the bursts and windows that passed before it counted as flagged, so that the accounts a burst
 * took do not pass the window that holds them a second time.
 *
 * <p><b>The window over the farm's longest run.</b> A few accounts of F created months from the vendor's batch (another
 * operation's accounts that the clustering joined to the farm) stretch its span over the weeks around it, and the
 * window, now denser than its background, is not read (the fourth generator's z7: a cluster holding both fresh farms,
 * 179 of its 190 accounts created within two months, and 20 drip-feed accounts created over the 15 months before; 18
 * and 8 of the two farms' accounts were missed at analysis seed 42). So a second window is read per farm: the longest
 * run of F's creations in which consecutive creations are at most one {@code creationBurst} span apart (the earliest of
 * the longest), widened as above, when the run holds at least {@code minFollowers} of F and is not F's whole span. It
 * is read under two conditions of its own, since it was chosen to be dense: it holds at most half of the archive's
 * accounts that follow at least {@code minTargets} others and have a creation time ("followed by nobody outside W" sets
 * an account apart only while most accounts are outside W), and its marked share U / F is at least {@code minLift}
 * times the background's rate (k + q) / (B + 1) (the effect beside the significance, as a burst's count is read) and
 * {@code minLift} times the archive's, q (a small background can be marked more rarely than the archive). Those
 * conditions alone, on the whole span, let a cluster whose stray account fell in a sign-up wave take the wave (x1fl at
 * analysis seed 1: 72 of its newcomers, 16 ordinary accounts); the run leaves the stray out. So the span's window is
 * read under them only when no <i>wave</i> lies in it, even in part: a creation burst holding fewer than
 * {@code minFollowers} accounts flagged on lockstep-follow edges (one that no farm's burst test read). A drip-feed
 * service's span covers months of ordinary sign-ups, denser than the weeks around it, but holds no wave (z7's drip-feed
 * service, 506 days: 965 free accounts, 30 marked, 74 around it, none marked). m counts these windows too, and a farm's
 * run is read after its span, with what the span took counted as flagged.
 *
 * <p>Why the background: honest accounts created in the same weeks (an event's newcomers, a sign-up wave) follow
 * the same accounts as the farm only when those are their community's, and are followed back by the people they
 * know; the test asks that the burst carry both marks far more often than the accounts created around it, so a
 * farm's block next to an honest wave of sign-ups takes none of them. An archive that holds the follows of a few
 * accounts only (nobody's followers) leaves everyone unfollowed: then the background is marked by the targets alone,
 * and the test reads "created in the burst and following the farm's clients" against the same rate around it.
 *
 * <p><b>The farm's own audience</b>, per cluster holding at least {@code minFollowers} accounts flagged with a
 * lockstep-follow edge (the <i>farm's accounts</i> F), whatever their creation times: a vendor has its accounts follow
 * one another, so that each has some followers, and those of them that follow no client, or too few targets
 * for a block, are left out by the block and by the bursts when the farm was made over weeks rather than days (the
 * fourth generator's v2: a farm made over 30 days, four creation spans each under the bursts' lift, 41 of its 158
 * accounts missed, 34 of them following no client; 31 follow one of the farm's flagged accounts). The farm's
 * <i>inner circle</i> I is the largest set of accounts not flagged and in no cluster (an account of another cluster
 * stays where its own evidence put it, and moving it could leave that cluster empty), each following an account of F
 * and followed by no account outside F ∪ I (found by removing, until none is left, the candidates followed from
 * outside); a follow of an account nobody outside the farm follows is the mark, since an honest account follows others
 * for an audience or an acquaintance they have. The cluster passes when most of F (at least half) is followed by no
 * account outside F ∪ I: a farm has no audience but itself, while an honest cluster flagged by mistake is followed by
 * its community. A member of I is a <b>member</b> of the farm when it was created within F's span (from its first creation to its
 * last), an account of F follows it (the tie runs both ways: an account nobody follows that follows hundreds, one of
 * them by chance a farm account, is not taken) and it follows at least {@code minTargets} of the same accounts as one
 * of F; members join F's cluster as the bursts' do, after them. The farm's <i>downstream circle</i> J, for the same
 * clusters (those that pass the majority), is the other direction of the farm's follows: the largest set of accounts
 * not flagged, in no cluster and outside I, created within F's span, that F reaches by follows through J, each
 * followed only by flagged accounts, I and J (found by taking every account F reaches through such accounts, then
 * removing, until none is left, those followed from outside and those no longer reached). A vendor gives its accounts
 * followers from the farm itself; the accounts that follow neither a client nor the farm are in no block, no burst and
 * no inner circle (v2 again: of farm B's 20 accounts missed at analysis seed 42, 15 are followed by the farm's accounts
 * and nobody else, and 8 follow none of them). A member of J that follows at least
 * {@code minTargets} of the same accounts as one of F joins F's cluster too. Flagged followers are allowed, since a
 * vendor's accounts fall into several clusters and follow across them. No probability is attached: the rules are the
 * ones above, and what they cannot tell is below.
 *
 * <p><b>The edges</b> are the evidence: each member linked to its {@code partners} core accounts of its cluster (at
 * most {@link #MAX_PARTNERS}) that follow at least {@code minTargets} of the same accounts, most similar first
 * (Jaccard of their followed sets; ties: more shared follows, then the smaller id); weight = that Jaccard, count = the
 * accounts both follow, evidence = those accounts, T's first, with the two accounts' creation times. No pair null
 * model ({@link CoordinationEdge#expected} NaN): the test is the burst's or the window's.
 *
 * <p>What it cannot tell: a farm member followed by one honest account that chose it is not marked, nor one followed
 * back by an account that follows back only some of its followers (it cannot be told from a friend's follow); a farm
 * made over months is no burst, and its window is read only while the archive holds more accounts around it than in
 * it or no sign-up wave lies in it, or over a run of creations no more than a week apart (drip-feed services); a farm
 * of aged accounts bought second-hand has no creation time in common at all: only members that follow the farm's own
 * accounts are found there, and an aged farm, followed from its accounts' pasts, fails the audience rule's majority. A
 * look-alike that follows none of the clients, only the farm's camouflage, is not marked. An honest newcomer of the
 * farm's days that a farm account follows as camouflage, that nobody else follows and that follows the platform's top
 * accounts as the farm does, joins the farm by the downstream rule: no rule here tells it from a bought account that
 * has not acted yet. An archive without creation times gives no audience members and no windows. Cost: O(follows) for
 * the adjacency, then per burst and per window O(accounts · log + follows) and, per account following one of T, O(Σ
 * out-degrees of the core) for the follows it shares. Deterministic.
 */
public final class FarmCohortSignal implements JoiningSignal {
    /** The family-wise level of the test: the conventional 5 %, as for the seeds' and the pushes'. */
    static final double LEVEL = 0.05;
    /** At most this many edges per member, whatever {@link CoordinationParams.ClusterParams#partners()} says. */
    static final int MAX_PARTNERS = 10;
    /** The background spans either side of a burst: those {@link LockstepFollowSignal#creationBursts} compares with. */
    static final int BACKGROUND_SPANS = 8;

    private final CoordinationParams.FollowParams follow;
    private final int partners;
    private final int evidenceCap;

    public FarmCohortSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.follow = params.follow();
        this.partners = Math.min(MAX_PARTNERS, params.cluster().partners());
        this.evidenceCap = params.evidenceCap();
    }

    /** Where a cohort's members come from: the three rules of the class comment. */
    enum Source {
        /** A creation burst's marked accounts, beyond its background. */
        CREATION_BURST,
        /** A farm's inner circle created in its span. */
        FARM_AUDIENCE,
        /** A farm's creation window's marked accounts, beyond its background. */
        FARM_WINDOW
    }

    /**
     * A farm's creation window before widening: its accounts F, and the first and last creation it covers, F's whole
     * span or ({@code run}) the longest run of F's creations.
     */
    private record Window(int[] accounts, long first, long last, boolean run) {
    }

    /**
     * A burst tested, or a farm's audience: its core's targets (ascending), the farm's accounts (the core's in the
     * cluster the members join, ascending), that cluster, its marked accounts (ascending; its members when the test
     * passes), and the test's figures (for an audience, {@code free} is the inner circle's size, no background is
     * read and the p-value is NaN).
     */
    record Cohort(Source source, int[] targets, int[] partners, int cluster, int[] members, int free, int background,
                  int backgroundMarked, double prior, double pValue) {
    }

    @Override
    public Joined run(Activity activity, List<CoordinationEdge> edges, List<Cluster> clusters,
                      AccountVerdict[] verdicts, double suspiciousScore, TerminationFlag termination) {
        int n = activity.accountCount();
        boolean[] flagged = Joined.flagged(n, verdicts);
        boolean[] farm = Joined.flaggedOn(n, edges, verdicts, Set.of(CoordinationSignal.LOCKSTEP_FOLLOW));
        boolean any = false;
        for (boolean f : farm) {
            any |= f;
        }
        if (!any) {
            return Joined.none(clusters, verdicts);
        }
        DenseBlockFinder finder = LockstepFollowSignal.follows(activity);
        termination.assertRunning();
        List<Cohort> cohorts = new ArrayList<>(cohorts(activity, finder, flagged, farm, verdicts, termination));
        boolean[] taken = flagged.clone();
        for (Cohort c : cohorts) {
            for (int m : c.members()) {
                taken[m] = true;
            }
        }
        cohorts.addAll(audiences(activity, finder, taken, farm, verdicts, termination));
        if (cohorts.isEmpty()) {
            return Joined.none(clusters, verdicts);
        }
        int[] joins = new int[n];
        Arrays.fill(joins, -1);
        IntArrayList all = new IntArrayList();
        List<CoordinationEdge> added = new ArrayList<>();
        Sharing sharing = new Sharing(finder, n);
        for (Cohort c : cohorts) {
            for (int m : c.members()) {
                joins[m] = c.cluster();
                all.add(m);
                added.addAll(edges(activity, finder, sharing, c, m));
            }
        }
        int[] members = all.toIntArray();
        Arrays.sort(members);
        added.sort((a, b) -> Long.compare(a.pairKey(), b.pairKey()));
        termination.assertRunning();
        return Joined.of(clusters, edges, verdicts, members, joins, added, CoordinationSignal.FARM_COHORT,
                suspiciousScore);
    }

    /**
     * The bursts, then the farms' creation windows (per farm, its span, then its longest run), that pass the class
     * comment's test, with their members. One family: the level is divided by the bursts tested and every farm's
     * window, read or not. A window is read with the members of the bursts and windows that passed before it taken as
     * flagged (neither free, marked nor in the background), so that a burst's members do not mark the window that
     * holds them a second time.
     */
    List<Cohort> cohorts(Activity activity, DenseBlockFinder finder, boolean[] flagged, boolean[] farm,
                         AccountVerdict[] verdicts, TerminationFlag termination) {
        int n = activity.accountCount();
        Sharing sharing = new Sharing(finder, n);
        List<Cohort> tested = new ArrayList<>();
        List<long[]> waves = new ArrayList<>();
        for (int[] burst : LockstepFollowSignal.creationBursts(activity, finder, follow)) {
            termination.assertRunning();
            int[] core = Arrays.stream(burst).filter(v -> farm[v]).toArray();
            if (core.length < follow.minFollowers()) {
                waves.add(creationSpan(activity, burst));
                continue;
            }
            int[] targets = targets(finder, n, core);
            if (targets.length == 0) {
                continue;
            }
            int cluster = Joined.mostHeld(core, verdicts);
            int[] partners = Arrays.stream(core).filter(v -> verdicts[v].cluster() == cluster).toArray();
            long[] span = creationSpan(activity, partners);
            tested.add(test(Source.CREATION_BURST, activity, finder, sharing, flagged, burst, span[0], span[1],
                    targets, partners, cluster));
        }
        List<Window> windows = new ArrayList<>();
        for (var entry : farms(n, farm, verdicts).entrySet()) {
            int[] accounts = entry.getValue().toIntArray();
            long[] span = creationSpan(activity, accounts);
            if (accounts.length >= follow.minFollowers() && span[0] <= span[1]) {
                windows.add(new Window(accounts, span[0], span[1], false));
                long[] run = longestRun(activity, accounts, follow.creationBurst());
                if (run[2] >= follow.minFollowers() && (run[0] != span[0] || run[1] != span[1])) {
                    windows.add(new Window(accounts, run[0], run[1], true));
                }
            }
        }
        double level = LEVEL / Math.max(1, tested.size() + windows.size());
        boolean[] taken = flagged.clone();
        List<Cohort> out = new ArrayList<>();
        for (Cohort c : tested) {
            if (c.pValue() <= level) {
                out.add(c);
                for (int v : c.members()) {
                    taken[v] = true;
                }
            }
        }
        long eligible = IntStream.range(0, n).filter(v -> finder.outDegree(v) >= follow.minTargets()
                && activity.accountCreated(v) != Activity.NO_TIME).count();
        for (Window w : windows) {
            termination.assertRunning();
            int[] targets = targets(finder, n, w.accounts());
            if (targets.length == 0) {
                continue;
            }
            long from = w.first() - follow.creationBurst(), to = w.last() + follow.creationBurst();
            int[] window = IntStream.range(0, n).filter(v -> finder.outDegree(v) >= follow.minTargets()
                    && activity.accountCreated(v) != Activity.NO_TIME && activity.accountCreated(v) >= from
                    && activity.accountCreated(v) <= to).toArray();
            Cohort c = test(Source.FARM_WINDOW, activity, finder, sharing, taken, window, from, to, targets,
                    w.accounts(), verdicts[w.accounts()[0]].cluster());
            boolean loose = 2L * window.length <= eligible && lifted(c);
            boolean readable = w.run() ? loose : c.background() >= c.free() || loose && !holdsAWave(waves, from, to);
            if (readable && c.pValue() <= level) {
                out.add(c);
                for (int v : c.members()) {
                    taken[v] = true;
                }
            }
        }
        return out;
    }

    /**
     * One burst or window {@code group} (ascending, every account with a creation time) tested: its accounts not
     * flagged and created within [{@code from}, {@code to}] are the free ones, those of them that no account outside
     * the group follows, that follow one of {@code targets} and at least {@code minTargets} of the same accounts as
     * one of {@code partners} the marked ones; the background is the accounts not flagged and outside the group
     * created within {@link #BACKGROUND_SPANS} spans of the group's first or last creation, marked by the same rules.
     * O(Σ in-degrees of the group + follows + Σ out-degrees of the partners per account following one of the
     * targets).
     */
    private Cohort test(Source source, Activity activity, DenseBlockFinder finder, Sharing sharing, boolean[] flagged,
                        int[] group, long from, long to, int[] targets, int[] partners, int cluster) {
        int n = activity.accountCount();
        IntArrayList marked = new IntArrayList();
        for (int v : group) {
            if (flagged[v] || audience(finder, sharing, v, group)) {
                continue;
            }
            long c = activity.accountCreated(v);
            if (c >= from && c <= to && followsAny(finder, v, targets)
                    && sharing.most(v, partners) >= follow.minTargets()) {
                marked.add(v);
            }
        }
        int free = (int) Arrays.stream(group).filter(v -> !flagged[v] && activity.accountCreated(v) >= from
                && activity.accountCreated(v) <= to).count();
        long[] groupSpan = creationSpan(activity, group);
        long first = groupSpan[0], last = groupSpan[1];
        long reach = BACKGROUND_SPANS * follow.creationBurst();
        int background = 0, backgroundMarked = 0, others = 0, othersMarked = 0;
        for (int v = 0; v < n; v++) {
            if (flagged[v] || finder.outDegree(v) < follow.minTargets() || Arrays.binarySearch(group, v) >= 0) {
                continue;
            }
            long c = activity.accountCreated(v);
            boolean around = c != Activity.NO_TIME && c >= first - reach && c <= last + reach;
            boolean mark = followsAny(finder, v, targets)
                    && !audience(finder, sharing, v, group)
                    && sharing.most(v, partners) >= follow.minTargets();
            others++;
            othersMarked += mark ? 1 : 0;
            if (around) {
                background++;
                backgroundMarked += mark ? 1 : 0;
            }
        }
        double prior = others == 0 ? 1.0 : (double) othersMarked / others;
        return new Cohort(source, targets, partners, cluster, marked.toIntArray(), free, background, backgroundMarked,
                prior, pValue(marked.size(), free, background, backgroundMarked, prior));
    }

    /**
     * The farms: per cluster (ascending id), its accounts flagged with a lockstep-follow edge ({@code farm}),
     * ascending. O(accounts).
     */
    private static TreeMap<Integer, IntArrayList> farms(int n, boolean[] farm, AccountVerdict[] verdicts) {
        TreeMap<Integer, IntArrayList> byCluster = new TreeMap<>();
        for (int v = 0; v < n; v++) {
            if (farm[v] && verdicts[v].cluster() >= 0) {
                byCluster.computeIfAbsent(verdicts[v].cluster(), k -> new IntArrayList()).add(v);
            }
        }
        return byCluster;
    }

    /**
     * The farms' audience members (the class comment's second rule), per cluster by ascending id, each account at
     * most once. O(accounts + Σ over the farms of (rounds · Σ in-degrees of the candidates + Σ out-degrees of F per
     * candidate created in F's span)).
     */
    List<Cohort> audiences(Activity activity, DenseBlockFinder finder, boolean[] flagged, boolean[] farm,
                           AccountVerdict[] verdicts, TerminationFlag termination) {
        int n = activity.accountCount();
        TreeMap<Integer, IntArrayList> byCluster = farms(n, farm, verdicts);
        Sharing sharing = new Sharing(finder, n);
        boolean[] inFarm = new boolean[n];
        boolean[] inner = new boolean[n];
        boolean[] below = new boolean[n];
        boolean[] taken = flagged.clone();
        for (int v = 0; v < n; v++) {
            taken[v] |= verdicts[v].cluster() >= 0;
        }
        List<Cohort> out = new ArrayList<>();
        for (var entry : byCluster.entrySet()) {
            int[] accounts = entry.getValue().toIntArray();
            if (accounts.length < follow.minFollowers()) {
                continue;
            }
            termination.assertRunning();
            int[] circle = innerCircle(finder, accounts, taken, inFarm, inner);
            int closed = 0;
            for (int f : accounts) {
                closed += followedOnlyBy(finder, f, inFarm, inner) ? 1 : 0;
            }
            long[] span = creationSpan(activity, accounts);
            long from = span[0], to = span[1];
            IntArrayList members = new IntArrayList();
            int[] downstream = new int[0];
            if (2 * closed >= accounts.length) {
                for (int v : circle) {
                    long c = activity.accountCreated(v);
                    if (c != Activity.NO_TIME && c >= from && c <= to && followedByTheFarm(finder, v, inFarm)
                            && sharing.most(v, accounts) >= follow.minTargets()) {
                        members.add(v);
                        taken[v] = true;
                    }
                }
                downstream = downstreamCircle(activity, finder, accounts, flagged, taken, inFarm, inner, below, from,
                        to);
                for (int v : downstream) {
                    if (sharing.most(v, accounts) >= follow.minTargets()) {
                        members.add(v);
                        taken[v] = true;
                    }
                }
            }
            for (int f : accounts) {
                inFarm[f] = false;
            }
            for (int v : circle) {
                inner[v] = false;
            }
            for (int v : downstream) {
                below[v] = false;
            }
            if (!members.isEmpty()) {
                out.add(new Cohort(Source.FARM_AUDIENCE, targets(finder, n, accounts), accounts, entry.getKey(),
                        members.toIntArray(), circle.length, 0, 0, 0.0, Double.NaN));
            }
        }
        return out;
    }

    /**
     * The inner circle of the farm's {@code accounts} (ascending): the largest set I of accounts not {@code taken},
     * each following one of the accounts and followed by no account outside them and I, ascending. Leaves
     * {@code inFarm} set on the accounts and {@code inner} on I (both all false on entry), for the caller to clear.
     */
    static int[] innerCircle(DenseBlockFinder finder, int[] accounts, boolean[] taken, boolean[] inFarm,
                             boolean[] inner) {
        for (int f : accounts) {
            inFarm[f] = true;
        }
        IntArrayList candidates = new IntArrayList();
        for (int f : accounts) {
            for (int i = finder.inStart(f); i < finder.inEnd(f); i++) {
                int u = finder.inFollower(i);
                if (!taken[u] && !inFarm[u] && !inner[u]) {
                    inner[u] = true;
                    candidates.add(u);
                }
            }
        }
        removeUntilNoneFails(candidates, inner, u -> followedOnlyBy(finder, u, inFarm, inner));
        return candidates.intStream().filter(u -> inner[u]).sorted().toArray();
    }

    /**
     * The first and the last creation time of {@code accounts}, those without one left out; {Long.MAX_VALUE,
     * Long.MIN_VALUE} when none has one (no time lies within). A creation burst's accounts all have one. O(accounts).
     */
    static long[] creationSpan(Activity activity, int[] accounts) {
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (int v : accounts) {
            long c = activity.accountCreated(v);
            if (c != Activity.NO_TIME) {
                first = Math.min(first, c);
                last = Math.max(last, c);
            }
        }
        return new long[] {first, last};
    }

    /**
     * The first and the last creation of the longest run of {@code accounts}' creations (those with a creation time,
     * at least one) in which consecutive creations are at most {@code gap} apart, and the accounts it holds; the
     * earliest run of the most accounts. O(accounts · log accounts).
     */
    static long[] longestRun(Activity activity, int[] accounts, long gap) {
        long[] times = Arrays.stream(accounts).mapToLong(activity::accountCreated).filter(c -> c != Activity.NO_TIME)
                .sorted().toArray();
        int best = 0, bestLength = 1, start = 0;
        for (int i = 1; i <= times.length; i++) {
            if (i == times.length || times[i] - times[i - 1] > gap) {
                if (i - start > bestLength) {
                    best = start;
                    bestLength = i - start;
                }
                start = i;
            }
        }
        return new long[] {times[best], times[best + bestLength - 1], bestLength};
    }

    /** Whether one of the {@code waves} (creation spans) lies within [{@code from}, {@code to}] in part. */
    private static boolean holdsAWave(List<long[]> waves, long from, long to) {
        for (long[] wave : waves) {
            if (wave[0] <= to && wave[1] >= from) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a window's marked share U / F is at least {@code minLift} times its background's rate, (k + q) / (B + 1),
     * the rate its test reads, and at least {@code minLift} times the archive's, q. A window read under these conditions
     * is denser than the weeks around it, so its background is small beside it; where the archive's newcomers are
     * often followed by nobody, the few accounts created just before and after a span of years can be marked more
     * rarely than the archive, and the window's ordinary accounts then pass against them (the fourth generator's
     * z7fl at analysis seed 1: a span of five years, 173 of its 3,055 free accounts marked, 1 of the 83 around it,
     * the archive at 0.037).
     */
    boolean lifted(Cohort c) {
        return lifted(c.members().length, c.free(), c.background(), c.backgroundMarked(), c.prior(), follow.minLift());
    }

    /**
     * Whether an account outside {@code group} (ascending) chose to follow {@code v}: one that v does not follow, or
     * one that v follows and that is no follow-back account ({@link Sharing#followsBack}). A follow-back account's
     * follow of v answers v's own, as {@link BoughtAudiences} reads its unknown accounts' followers (the social
     * capitalists of Ghosh et al., WWW 2012, who follow back whoever follows them, are where link farmers get their
     * followers). O(in-degree of v · log(|group| + out-degree of v)).
     */
    static boolean audience(DenseBlockFinder finder, Sharing sharing, int v, int[] group) {
        for (int i = finder.inStart(v); i < finder.inEnd(v); i++) {
            int g = finder.inFollower(i);
            if (Arrays.binarySearch(group, g) < 0 && (!finder.follows(v, g) || !sharing.followsBack(g))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code marked} of {@code free} accounts are at least {@code minLift} times the rate (k + q) / (B + 1) of
     * a background of B = {@code background} accounts, k = {@code backgroundMarked} of them marked, and at least
     * {@code minLift} times the archive's rate q = {@code prior}: the effect beside {@link #pValue}'s significance, as
     * the farms' windows and the operations' creation batches ({@link CreationCohortSignal}) read it.
     */
    static boolean lifted(int marked, int free, int background, int backgroundMarked, double prior, double minLift) {
        return marked * (background + 1.0) >= minLift * free * (backgroundMarked + prior)
                && marked >= minLift * free * prior;
    }

    /**
     * The downstream circle of the farm's {@code accounts}: the largest set J of accounts not {@code taken} and not in
     * the inner circle, created within [{@code from}, {@code to}], that the farm reaches by follows through J, each
     * followed only by {@code flagged} accounts, the inner circle and J; ascending. Found by taking every account the
     * farm reaches through such accounts, then removing, until none is left, those followed by an account outside
     * and those no longer reached. Needs {@code inFarm} and {@code inner} set as {@link #innerCircle} leaves them;
     * leaves {@code below} set on J (all false on entry), for the caller to clear. O(rounds · Σ degrees of J).
     */
    static int[] downstreamCircle(Activity activity, DenseBlockFinder finder, int[] accounts, boolean[] flagged,
                                  boolean[] taken, boolean[] inFarm, boolean[] inner, boolean[] below, long from,
                                  long to) {
        IntArrayList found = reachedThrough(finder, accounts, v -> !taken[v] && !inFarm[v] && !inner[v]
                && activity.accountCreated(v) != Activity.NO_TIME && activity.accountCreated(v) >= from
                && activity.accountCreated(v) <= to);
        for (int k = 0; k < found.size(); k++) {
            below[found.getInt(k)] = true;
        }
        boolean changed = true;
        while (changed) {
            removeUntilNoneFails(found, below, v -> followedOnlyBy(finder, v, flagged, inner, below));
            IntOpenHashSet reached = new IntOpenHashSet(reachedThrough(finder, accounts, v -> below[v]));
            changed = removeUntilNoneFails(found, below, reached::contains);
        }
        return found.intStream().filter(v -> below[v]).sorted().toArray();
    }

    /**
     * The accounts reached from {@code sources} by follows through accounts that {@code through} accepts, each once,
     * in the order found. O(Σ out-degrees of the sources and of the accounts reached).
     */
    private static IntArrayList reachedThrough(DenseBlockFinder finder, int[] sources, IntPredicate through) {
        IntOpenHashSet seen = new IntOpenHashSet();
        IntArrayList found = new IntArrayList();
        IntArrayList frontier = new IntArrayList(sources);
        while (!frontier.isEmpty()) {
            int u = frontier.popInt();
            for (int i = finder.outStart(u); i < finder.outEnd(u); i++) {
                int v = finder.outTarget(i);
                if (through.test(v) && seen.add(v)) {
                    found.add(v);
                    frontier.add(v);
                }
            }
        }
        return found;
    }

    /**
     * Clears {@code in} on the {@code candidates} that fail {@code keep}, again and again until none that is still in
     * fails (a test that reads {@code in} may fail once others are out); whether any was cleared. O(rounds ·
     * candidates · the test).
     */
    private static boolean removeUntilNoneFails(IntArrayList candidates, boolean[] in, IntPredicate keep) {
        boolean any = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < candidates.size(); k++) {
                int v = candidates.getInt(k);
                if (in[v] && !keep.test(v)) {
                    in[v] = false;
                    changed = true;
                    any = true;
                }
            }
        }
        return any;
    }

    /** Whether one of the farm's accounts follows {@code v}. O(in-degree of v). */
    private static boolean followedByTheFarm(DenseBlockFinder finder, int v, boolean[] inFarm) {
        for (int i = finder.inStart(v); i < finder.inEnd(v); i++) {
            if (inFarm[finder.inFollower(i)]) {
                return true;
            }
        }
        return false;
    }

    /** Whether every follower of {@code v} is in one of {@code sets}. O(in-degree of v · sets). */
    private static boolean followedOnlyBy(DenseBlockFinder finder, int v, boolean[]... sets) {
        for (int i = finder.inStart(v); i < finder.inEnd(v); i++) {
            int u = finder.inFollower(i);
            boolean in = false;
            for (boolean[] set : sets) {
                in |= set[u];
            }
            if (!in) {
                return false;
            }
        }
        return true;
    }

    /**
     * P(Poisson(λ) ≥ {@code marked}), λ = {@code free} (k + q) / (B + 1) with k = {@code backgroundMarked} of B =
     * {@code background} and q = {@code prior}: the burst's marked accounts against the rate of the accounts created
     * around it, with one pseudo-account marked at the archive's rate q; 1 when none is marked.
     */
    static double pValue(int marked, int free, int background, int backgroundMarked, double prior) {
        if (marked == 0) {
            return 1.0;
        }
        return PoissonTail.upper(marked, free * (backgroundMarked + prior) / (background + 1.0));
    }

    /**
     * The accounts followed by at least a share {@code minDensity} of {@code core} (ascending) and at least
     * {@code minLift} times as often as by the rest of the archive's accounts, ascending. O(Σ out-degrees of the
     * core + Σ in-degrees of the candidates · log |core|).
     */
    int[] targets(DenseBlockFinder finder, int n, int[] core) {
        Int2IntOpenHashMap counts = new Int2IntOpenHashMap();
        for (int f : core) {
            for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                counts.addTo(finder.outTarget(i), 1);
            }
        }
        double least = follow.minDensity() * core.length;
        int[] dense = counts.int2IntEntrySet().stream().filter(e -> e.getIntValue() >= least)
                .mapToInt(Int2IntOpenHashMap.Entry::getIntKey).sorted().toArray();
        return LockstepFollowSignal.aboveThePlatform(finder, n, core, dense, follow.minLift());
    }

    private static boolean followsAny(DenseBlockFinder finder, int v, int[] targets) {
        for (int i = finder.outStart(v); i < finder.outEnd(v); i++) {
            if (Arrays.binarySearch(targets, finder.outTarget(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many accounts one account follows in common with others: the account's follows marked once, then each
     * other's follows read. O(out-degree of the account + Σ out-degrees of the others) a call.
     */
    static final class Sharing {
        private final DenseBlockFinder finder;
        private final boolean[] mark;

        private boolean[] followsBack;

        Sharing(DenseBlockFinder finder, int n) {
            this.finder = finder;
            this.mark = new boolean[n];
        }

        /**
         * Whether {@code g} is a follow-back account ({@link BoughtAudiences#followBackAccounts}: it follows back at
         * least {@link BoughtAudiences#FOLLOW_BACK_SHARE} of its {@link BoughtAudiences#FOLLOW_BACK_FOLLOWERS} or
         * more followers), computed for every account on first use: O(Σ in-degrees · log out-degree).
         */
        boolean followsBack(int g) {
            if (followsBack == null) {
                followsBack = BoughtAudiences.followBackAccounts(finder, mark.length);
            }
            return followsBack[g];
        }

        /** The most accounts {@code v} follows in common with one account of {@code others}; 0 when none. */
        int most(int v, int[] others) {
            int[] shared = shared(v, others);
            int most = 0;
            for (int s : shared) {
                most = Math.max(most, s);
            }
            return most;
        }

        /** Per account of {@code others}, how many accounts it and {@code v} both follow. */
        int[] shared(int v, int[] others) {
            for (int i = finder.outStart(v); i < finder.outEnd(v); i++) {
                mark[finder.outTarget(i)] = true;
            }
            int[] shared = new int[others.length];
            for (int k = 0; k < others.length; k++) {
                int o = others[k];
                if (o == v) {
                    continue;
                }
                for (int i = finder.outStart(o); i < finder.outEnd(o); i++) {
                    shared[k] += mark[finder.outTarget(i)] ? 1 : 0;
                }
            }
            for (int i = finder.outStart(v); i < finder.outEnd(v); i++) {
                mark[finder.outTarget(i)] = false;
            }
            return shared;
        }
    }

    /**
     * Member {@code m}'s edges to the core accounts of its cluster that follow at least {@code minTargets} of the same
     * accounts, the {@code partners} most similar (the class comment's evidence).
     */
    private List<CoordinationEdge> edges(Activity activity, DenseBlockFinder finder, Sharing sharing, Cohort c,
                                         int m) {
        int[] pool = c.partners();
        int[] shared = sharing.shared(m, pool);
        double[] jaccard = new double[pool.length];
        IntArrayList eligible = new IntArrayList();
        for (int k = 0; k < pool.length; k++) {
            if (shared[k] >= follow.minTargets()) {
                jaccard[k] = (double) shared[k]
                        / (finder.outDegree(m) + finder.outDegree(pool[k]) - shared[k]);
                eligible.add(k);
            }
        }
        int[] ranked = eligible.toIntArray();
        IntArrays.quickSort(ranked, (a, b) -> jaccard[a] != jaccard[b] ? Double.compare(jaccard[b], jaccard[a])
                : shared[a] != shared[b] ? Integer.compare(shared[b], shared[a])
                : Integer.compare(pool[a], pool[b]));
        List<CoordinationEdge> out = new ArrayList<>();
        for (int x = 0; x < Math.min(partners, ranked.length); x++) {
            int k = ranked[x];
            int p = pool[k];
            int lo = Math.min(m, p), hi = Math.max(m, p);
            List<Evidence> ev = new ArrayList<>();
            IntArrayList rest = new IntArrayList();
            for (int i = finder.outStart(m); i < finder.outEnd(m); i++) {
                int t = finder.outTarget(i);
                if (!finder.follows(p, t)) {
                    continue;
                }
                if (Arrays.binarySearch(c.targets(), t) >= 0) {
                    add(ev, activity, t, lo, hi);
                } else {
                    rest.add(t);
                }
            }
            for (int i = 0; i < rest.size(); i++) {
                add(ev, activity, rest.getInt(i), lo, hi);
            }
            out.add(new CoordinationEdge(lo, hi, CoordinationSignal.FARM_COHORT, jaccard[k], shared[k], ev));
        }
        return out;
    }

    private void add(List<Evidence> ev, Activity activity, int target, int lo, int hi) {
        if (ev.size() < evidenceCap) {
            ev.add(new Evidence(activity.accountId(target), activity.accountCreated(lo), activity.accountCreated(hi)));
        }
    }
}
