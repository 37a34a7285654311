package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;

import java.util.Arrays;

/**
 * The share of a cluster's members created in batches that the archive's own rate of account creation cannot
 * explain: operations make their accounts in several batches (a botnet's amplifiers registered a few dozen at a time
 * on different days, months apart), so the largest single burst of a cluster holds only one batch of them, while the
 * honest members of a topical crowd are created whenever each joined the platform (Cresci, Di Pietro, Petrocchi,
 * Spognardi and Tesconi, "The paradigm-shift of social spambots", WWW 2017 companion; Twitter's information-operations
 * releases, whose accounts cluster on a handful of creation dates).
 *
 * <p><b>The test.</b> Of the s members with a creation time, a member created at t is <i>in a batch</i> when c, the
 * other members created within {@code span} seconds of t either side, is at least 2 (a batch holds three accounts)
 * and P(Poisson(λ) ≥ c) ≤ {@link #LEVEL} / s (Bonferroni over the members), λ = (s − 1) · a / (N − 1), a the other
 * accounts of the archive created in the same 2 · {@code span} and N the archive's accounts with a creation time:
 * the count a sample of s accounts drawn from the archive would put beside the member. The share is those members
 * over all the cluster's members (a member without a creation time is never in a batch). Accounts made in one wave
 * by honest newcomers (an event's sign-ups, a fandom's comebacks) are batches too, as they are one creation burst:
 * the share is supporting evidence for the cluster score, never a verdict by itself.
 *
 * <p>Cost: O(N log N) once for the archive's sorted creation times, then O(s log N) per cluster. Deterministic.
 */
public final class CreationBatches {
    /** The family-wise level of the members' tests: the conventional 5 %, as the scorer's significance term. */
    static final double LEVEL = 0.05;

    private final Activity activity;
    private final long span;
    /** The archive's account creation times, ascending (accounts without one left out). */
    private final long[] archive;

    /**
     * @param span the half-width of the window around each member, seconds (the scorer's {@code creationBurst})
     */
    public CreationBatches(Activity activity, long span) {
        Checks.positiveSeconds("span", span);
        this.activity = activity;
        this.span = span;
        LongArrayList created = new LongArrayList();
        for (int v = 0; v < activity.accountCount(); v++) {
            long c = activity.accountCreated(v);
            if (c != Activity.NO_TIME) {
                created.add(c);
            }
        }
        archive = created.toLongArray();
        Arrays.sort(archive);
    }

    /** The share of {@code members} created in a batch (see the class comment); 0 for an empty cluster. */
    public double share(int[] members) {
        if (members.length == 0) {
            return 0;
        }
        return (double) inBatches(members).length / members.length;
    }

    /**
     * The members created in a batch (see the class comment), ascending by creation time, then id. O(s log s + s log N).
     */
    public int[] inBatches(int[] members) {
        IntArrayList dated = new IntArrayList(members.length);
        for (int m : members) {
            if (activity.accountCreated(m) != Activity.NO_TIME) {
                dated.add(m);
            }
        }
        int s = dated.size();
        int n = archive.length;
        if (s < 3 || n < 2) {
            return new int[0];
        }
        int[] byTime = dated.toIntArray();
        sortByCreation(activity, byTime);
        long[] t = new long[s];
        for (int i = 0; i < s; i++) {
            t[i] = activity.accountCreated(byTime[i]);
        }
        double level = LEVEL / s;
        IntArrayList in = new IntArrayList();
        for (int i = 0; i < s; i++) {
            int beside = CommonSource.within(t, 0, s, t[i], span) - 1;
            if (beside < 2) {
                continue;
            }
            double lambda = (s - 1.0) * (CommonSource.within(archive, 0, n, t[i], span) - 1) / (n - 1.0);
            if (PoissonTail.upper(beside, lambda) <= level) {
                in.add(byTime[i]);
            }
        }
        return in.toIntArray();
    }

    /** The span this reads batches within, seconds. */
    public long span() {
        return span;
    }

    /** Sorts {@code accounts} by creation time, then by id (accounts without one compare as {@link Activity#NO_TIME}). */
    static void sortByCreation(Activity activity, int[] accounts) {
        IntArrays.quickSort(accounts, (a, b) -> {
            int c = Long.compare(activity.accountCreated(a), activity.accountCreated(b));
            return c != 0 ? c : Integer.compare(a, b);
        });
    }
}
