package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The creation-cohort signal: the accounts registered in a flagged cluster's batch of sign-ups that nobody outside the
 * batch follows, found after the verdicts ({@link VerdictPhase}) because its test reads them. An operation registers
 * its accounts a few dozen at a time (Cresci, Di Pietro, Petrocchi, Spognardi and Tesconi, "The paradigm-shift of
 * social spambots", WWW 2017 companion; Twitter's information-operations releases, whose accounts cluster on a handful
 * of creation dates), and not all of a batch acts in the archive: a push's account that sat out every push, a farm's
 * account that followed only camouflage, leaves no co-action and no block, only its creation date among the batch's
 * and the marks of an account nobody chose to follow (Cresci et al., "Fame for sale", Decision Support Systems 80,
 * 2015: fake accounts are followed by nobody).
 *
 * <p><b>The batches.</b> Per cluster, its suspicious accounts with a creation time, in creation order, split where two
 * consecutive creations lie more than {@code creationBurst} seconds apart (the cluster parameters' span, that of
 * {@link CreationBatches}); a run holding at least {@code minFollowers} of them (the follow parameters' least block, the
 * least batch the farms' windows read, {@link FarmCohortSignal}) is a <i>batch</i> K, its window W = [first, last
 * creation of K], and the group C the accounts created in W.
 *
 * <p><b>The test</b>, per batch, largest first (then earlier, then the lower cluster id), with the members of the
 * batches that passed before it counted as flagged: the <i>free</i> accounts F of C are those not flagged. The batch is
 * read only when F holds at most as many accounts as K: W is then the operation's days on the platform, most of whose
 * sign-ups are its own, and not a period of ordinary sign-ups that the operation's accounts happen to share (a
 * cluster whose members were created over months, a batch made beside a sign-up wave). A free account is
 * <b>marked</b> when no account outside C chose to follow it: a follow-back account ({@link
 * BoughtAudiences#followBackAccounts}) that it follows answered its follow and counts for nothing, as in the farms'
 * marks ({@link FarmCohortSignal#audience}). The <b>background</b>: the accounts not flagged, outside C, created
 * within {@link FarmCohortSignal#BACKGROUND_SPANS} spans before W or after it, B of them, k marked (by the same
 * rule), and q the share of all accounts not flagged and outside C so marked. With U of F marked, the batch passes
 * when P(Poisson(λ) ≥ U) ≤ {@link #LEVEL} / m, λ = F (k + q) / (B + 1) (as the farms' creation bursts are read,
 * {@link FarmCohortSignal#pValue}), m the batches (read or not, Bonferroni), and U / F is at least {@code minLift}
 * times (k + q) / (B + 1) and {@code minLift} times q (the effect beside the significance, as the farms' windows read
 * it, {@link FarmCohortSignal#lifted}: a background marked more rarely than the archive, a few accounts
 * around the batch, does not make an ordinary share look lifted). The Poisson tail bounds the binomial's
 * from above for U ≥ λ + 1 (Anderson and Samuels 1967), so the test is conservative. When it passes, each of the U
 * marked accounts is a <b>member</b>: it joins the batch's cluster and takes its score and verdict; the cluster's
 * signals gain {@code creation-cohort}, last. An archive without follows marks everyone, inside W and around it
 * alike, and no batch passes.
 *
 * <p><b>The edges</b> are the evidence: each member linked to the {@code partners} accounts of K created nearest to it
 * (at most {@link #MAX_PARTNERS}; ties: the smaller id), weight U / F (the share of the batch's free accounts that
 * nobody outside it chose to follow), count |K|, one evidence item: the window as an ISO-8601 interval of UTC dates,
 * with the two accounts' creation times. No pair null model ({@link CoordinationEdge#expected} NaN): the test is the
 * batch's.
 *
 * <p>What it cannot tell: an honest newcomer registered in an operation's days that nobody follows yet is taken with
 * the operation's; the test bounds how many such accounts the window holds beyond the rate around it, not which ones
 * they are. Where newcomers commonly have no followers in the archive (a capture that holds the follows of a few
 * accounts only), the background is marked as often as the batch and nothing passes. An aged account bought
 * second-hand, or an operation's account created apart from the batch, is no member.
 *
 * <p>Cost: O(follows log d + accounts log accounts) for the batches, the creation order, the follow adjacency and its
 * follow-back accounts (d the largest out-degree) and each account's followers' earliest and latest creation, then per
 * batch O(accounts) for the archive's marked share, and per member O(|K| log |K|) for its partners. Deterministic.
 */
public final class CreationCohortSignal implements JoiningSignal {
    /** The family-wise level of the test: the conventional 5 %, as for the farms' creation bursts. */
    static final double LEVEL = 0.05;
    /** At most this many edges per member, whatever {@link CoordinationParams.ClusterParams#partners()} says. */
    static final int MAX_PARTNERS = 10;

    private final long span;
    private final int minBatch;
    private final double minLift;
    private final int partners;

    public CreationCohortSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.span = params.cluster().creationBurst();
        this.minBatch = params.follow().minFollowers();
        this.minLift = params.follow().minLift();
        this.partners = Math.min(MAX_PARTNERS, params.cluster().partners());
    }

    /** A cluster's run of suspicious accounts' creations: its accounts K (ascending), the first and last creation. */
    record Batch(int cluster, int[] accounts, long first, long last) {
    }

    /**
     * A batch tested: its marked accounts (ascending; its members when it passes), and the test's figures (the free
     * accounts F, the background B with k marked, the archive's marked share q, the p-value; 1 when not read).
     */
    record Cohort(Batch batch, int[] members, int free, int background, int backgroundMarked, double prior,
                  double pValue, boolean passed) {
    }

    @Override
    public Joined run(Activity activity, List<CoordinationEdge> edges, List<Cluster> clusters,
                      AccountVerdict[] verdicts, double suspiciousScore, TerminationFlag termination) {
        int n = activity.accountCount();
        if (activity.followCount() == 0) {
            return Joined.none(clusters, verdicts);
        }
        boolean[] flagged = Joined.flagged(n, verdicts);
        List<Batch> batches = batches(activity, verdicts, flagged);
        if (batches.isEmpty()) {
            return Joined.none(clusters, verdicts);
        }
        List<Cohort> passed = cohorts(activity, flagged, batches, termination).stream()
                .filter(Cohort::passed).toList();
        if (passed.isEmpty()) {
            return Joined.none(clusters, verdicts);
        }
        int[] joins = new int[n];
        Arrays.fill(joins, -1);
        IntArrayList all = new IntArrayList();
        List<CoordinationEdge> added = new ArrayList<>();
        for (Cohort c : passed) {
            double weight = (double) c.members().length / c.free();
            for (int m : c.members()) {
                joins[m] = c.batch().cluster();
                all.add(m);
                added.addAll(edges(activity, c.batch(), m, weight));
            }
        }
        int[] members = all.toIntArray();
        Arrays.sort(members);
        added.sort(Comparator.comparingLong(CoordinationEdge::pairKey));
        termination.assertRunning();
        return Joined.of(clusters, edges, verdicts, members, joins, added, CoordinationSignal.CREATION_COHORT,
                suspiciousScore);
    }

    /**
     * The batches (the class comment's first paragraph), in the order they are tested: most accounts first, then the
     * earlier, then the lower cluster id. O(accounts log accounts).
     */
    List<Batch> batches(Activity activity, AccountVerdict[] verdicts, boolean[] flagged) {
        TreeMap<Integer, IntArrayList> byCluster = new TreeMap<>();
        for (int v = 0; v < flagged.length; v++) {
            if (flagged[v] && verdicts[v].cluster() >= 0 && activity.accountCreated(v) != Activity.NO_TIME) {
                byCluster.computeIfAbsent(verdicts[v].cluster(), k -> new IntArrayList()).add(v);
            }
        }
        List<Batch> out = new ArrayList<>();
        for (var entry : byCluster.entrySet()) {
            int[] accounts = entry.getValue().toIntArray();
            CreationBatches.sortByCreation(activity, accounts);
            for (int i = 0, j = 1; i < accounts.length; i = j, j = i + 1) {
                while (j < accounts.length
                        && activity.accountCreated(accounts[j]) - activity.accountCreated(accounts[j - 1]) <= span) {
                    j++;
                }
                if (j - i >= minBatch) {
                    int[] run = Arrays.copyOfRange(accounts, i, j);
                    long first = activity.accountCreated(run[0]), last = activity.accountCreated(run[run.length - 1]);
                    Arrays.sort(run);
                    out.add(new Batch(entry.getKey(), run, first, last));
                }
            }
        }
        out.sort(Comparator.comparingInt((Batch b) -> -b.accounts().length).thenComparingLong(Batch::first)
                .thenComparingInt(Batch::cluster));
        return out;
    }

    /**
     * Every batch tested, in {@code batches}' order (the class comment's test), a passed batch's members counted as
     * flagged in the batches after it. O(follows + accounts log accounts) once for the followers' creation ranges and
     * the creation order, then per batch O(accounts) for the archive's rate and O(log accounts + the accounts created
     * in and around the batch) for the rest.
     */
    List<Cohort> cohorts(Activity activity, boolean[] flagged, List<Batch> batches, TerminationFlag termination) {
        int n = activity.accountCount();
        double level = LEVEL / batches.size();
        long reach = FarmCohortSignal.BACKGROUND_SPANS * span;
        Followers followers = new Followers(activity);
        int[] byTime = IntStream.range(0, n).filter(v -> activity.accountCreated(v) != Activity.NO_TIME).toArray();
        CreationBatches.sortByCreation(activity, byTime);
        long[] times = Arrays.stream(byTime).mapToLong(activity::accountCreated).toArray();
        boolean[] taken = flagged.clone();
        List<Cohort> out = new ArrayList<>();
        for (Batch b : batches) {
            termination.assertRunning();
            int lo = AudienceSeeds.lower(times, b.first()), hi = AudienceSeeds.lower(times, b.last() + 1);
            IntArrayList free = new IntArrayList();
            for (int i = lo; i < hi; i++) {
                if (!taken[byTime[i]]) {
                    free.add(byTime[i]);
                }
            }
            if (free.isEmpty() || free.size() > b.accounts().length) {
                out.add(new Cohort(b, new int[0], free.size(), 0, 0, 0.0, 1.0, false));
                continue;
            }
            IntArrayList marked = new IntArrayList();
            for (int i = 0; i < free.size(); i++) {
                if (followers.allWithin(free.getInt(i), b.first(), b.last())) {
                    marked.add(free.getInt(i));
                }
            }
            int background = 0, backgroundMarked = 0;
            int from = AudienceSeeds.lower(times, b.first() - reach);
            int to = AudienceSeeds.lower(times, b.last() + reach + 1);
            for (int i = from; i < to; i++) {
                int v = byTime[i];
                if (i >= lo && i < hi || taken[v]) {
                    continue;
                }
                background++;
                backgroundMarked += followers.allWithin(v, b.first(), b.last()) ? 1 : 0;
            }
            int others = 0, othersMarked = 0;
            for (int v = 0; v < n; v++) {
                long c = activity.accountCreated(v);
                if (taken[v] || c != Activity.NO_TIME && c >= b.first() && c <= b.last()) {
                    continue;
                }
                others++;
                othersMarked += followers.allWithin(v, b.first(), b.last()) ? 1 : 0;
            }
            double prior = others == 0 ? 1.0 : (double) othersMarked / others;
            int u = marked.size();
            double p = FarmCohortSignal.pValue(u, free.size(), background, backgroundMarked, prior);
            boolean lifted = FarmCohortSignal.lifted(u, free.size(), background, backgroundMarked, prior, minLift);
            boolean passes = u > 0 && lifted && p <= level;
            int[] members = marked.toIntArray();
            Arrays.sort(members);
            out.add(new Cohort(b, members, free.size(), background, backgroundMarked, prior, p, passes));
            if (passes) {
                for (int i = 0; i < u; i++) {
                    taken[marked.getInt(i)] = true;
                }
            }
        }
        return out;
    }

    /**
     * Per account, the earliest and latest creation of its followers (self-follows left out, as the follow signal's
     * graph leaves them, and so is a follow-back account's follow of an account that follows it), and whether one of
     * them has no creation time: whether every follower was created within a window is then read in O(1), and the
     * group C of a window being every account created in it, that is whether no account outside C chose to follow the
     * account. The follow adjacency and the follow-back accounts, then one pass over the archive's follows.
     */
    private static final class Followers {
        private final long[] earliest;
        private final long[] latest;
        private final boolean[] undated;

        Followers(Activity activity) {
            int n = activity.accountCount();
            DenseBlockFinder finder = LockstepFollowSignal.follows(activity);
            boolean[] followsBack = BoughtAudiences.followBackAccounts(finder, n);
            earliest = new long[n];
            latest = new long[n];
            undated = new boolean[n];
            Arrays.fill(earliest, Long.MAX_VALUE);
            Arrays.fill(latest, Long.MIN_VALUE);
            for (int i = 0; i < activity.followCount(); i++) {
                int follower = activity.follower(i), v = activity.followee(i);
                if (follower == v || followsBack[follower] && finder.follows(v, follower)) {
                    continue;
                }
                long c = activity.accountCreated(follower);
                if (c == Activity.NO_TIME) {
                    undated[v] = true;
                } else {
                    earliest[v] = Math.min(earliest[v], c);
                    latest[v] = Math.max(latest[v], c);
                }
            }
        }

        /** Whether every follower of {@code v} was created within [{@code from}, {@code to}] (true with none). */
        boolean allWithin(int v, long from, long to) {
            return !undated[v] && (earliest[v] == Long.MAX_VALUE || earliest[v] >= from && latest[v] <= to);
        }
    }

    /**
     * Member {@code m}'s edges to the {@code partners} accounts of its batch created nearest to it (the class
     * comment's evidence).
     */
    private List<CoordinationEdge> edges(Activity activity, Batch batch, int m, double weight) {
        long created = activity.accountCreated(m);
        int[] pool = batch.accounts().clone();
        IntArrays.quickSort(pool, (a, b) -> {
            int c = Long.compare(Math.abs(activity.accountCreated(a) - created),
                    Math.abs(activity.accountCreated(b) - created));
            return c != 0 ? c : Integer.compare(a, b);
        });
        String window = day(batch.first()) + "/" + day(batch.last());
        List<CoordinationEdge> out = new ArrayList<>();
        for (int x = 0; x < Math.min(partners, pool.length); x++) {
            int p = pool[x];
            int lo = Math.min(m, p), hi = Math.max(m, p);
            Evidence ev = new Evidence(window, activity.accountCreated(lo), activity.accountCreated(hi));
            out.add(new CoordinationEdge(lo, hi, CoordinationSignal.CREATION_COHORT, weight, batch.accounts().length,
                    List.of(ev)));
        }
        return out;
    }

    private static String day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
