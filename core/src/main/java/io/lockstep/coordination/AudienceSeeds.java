package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Target-side seeds for {@link LockstepFollowSignal}: creation bursts inside one target's audience. A follower farm
 * is found from the account it serves, as CopyCatch searches for lockstep behaviour from the pages liked (Beutel,
 * Xu, Guruswami, Palow and Faloutsos, "CopyCatch: Stopping Group Attacks by Spotting Lockstep Behavior in Social
 * Networks", WWW 2013): a farm's client is followed by the farm, and a farm made in a few days is a spike in the
 * creation times of its client's followers, even when it is no spike among the archive's sign-ups (a 300-account farm
 * made in four days is nothing on a platform that gains thousands of accounts a week).
 *
 * <p>For a target t with k followers of known creation time (at least {@code minFollowers}), let c be the largest
 * number of them created within one {@code span} [s, s + span] (the earliest such span on ties), and
 * E = k · N(s, s + span) / N, with N(s, s + span) the archive's accounts created in that span and N those with a
 * known creation time: the count expected if t's followers were signed up like everyone else. t is a seed when
 * c ≥ {@code minLift} · E and P(Poisson(E) ≥ c) ≤ {@code maxPValue} / w, w the number of targets tested
 * (Bonferroni). Seeds are the followers in that span, ordered by the tail probability (smallest first; ties: larger
 * c, then smaller target id), at most {@code limit}, and a seed whose followers are at least half in earlier ones is dropped (the
 * stars a farm follows show the farm's burst in their audiences too).
 * Each seed is then grown and tested against the model like any other: the burst only says where to look.
 *
 * <p>Why target-side: greedy peeling (FRAUDAR) on a large archive is seeded, round after round, by ordinary accounts
 * that follow several communities' top accounts each; a farm of a few hundred accounts making 12–22 follows is
 * peeled early and never becomes a suffix of the peeling order, and the archive-wide creation bursts
 * ({@link LockstepFollowSignal#creationBursts}) need the farm to stand out against every sign-up of its days.
 *
 * <p>Cost: O(n log n) for the archive's creation order, then O(m log d) for the m follows (each target's creation
 * times sorted, d its in-degree) and O(log n) per target for N(s, s + span). Deterministic.
 */
final class AudienceSeeds {
    private AudienceSeeds() {
    }

    /**
     * The creation bursts inside targets' audiences, strongest first (see the class comment); each an ascending array
     * of follower ids.
     *
     * @param created the creation time of every account, {@code Long.MIN_VALUE} when unknown
     */
    static List<int[]> bursts(DenseBlockFinder finder, long[] created, long span, int minFollowers,
                              double minLift, double maxPValue, int limit) {
        int n = created.length;
        Checks.seconds("span", span);
        Checks.atLeast("minFollowers", minFollowers, 2);
        Checks.lift("minLift", minLift);
        Checks.inOpenUnit("maxPValue", maxPValue);
        Checks.atLeast("limit", limit, 0);
        long[] all = new long[n];
        int known = 0;
        for (long c : created) {
            if (c != Long.MIN_VALUE) {
                all[known++] = c;
            }
        }
        all = Arrays.copyOf(all, known);
        Arrays.sort(all);
        long[] times = new long[16];
        int tested = 0;
        for (int t = 0; t < n; t++) {
            tested += finder.inDegree(t) >= minFollowers ? 1 : 0;
        }
        List<double[]> found = new ArrayList<>(); // {p, count, target, from}
        for (int t = 0; t < n && limit > 0 && known > 0; t++) {
            if (finder.inDegree(t) < minFollowers) {
                continue;
            }
            if (times.length < finder.inDegree(t)) {
                times = new long[Math.max(finder.inDegree(t), 2 * times.length)];
            }
            int k = 0;
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                long c = created[finder.inFollower(i)];
                if (c != Long.MIN_VALUE) {
                    times[k++] = c;
                }
            }
            if (k < minFollowers) {
                continue;
            }
            Arrays.sort(times, 0, k);
            int best = 0;
            long from = 0;
            for (int i = 0, j = 0; j < k; j++) {
                while (times[j] - times[i] > span) {
                    i++;
                }
                if (j - i + 1 > best) {
                    best = j - i + 1;
                    from = times[i];
                }
            }
            if (best < minFollowers) {
                continue;
            }
            int inSpan = upper(all, from + span) - lower(all, from);
            double expected = (double) k * inSpan / known;
            if (best < minLift * expected) {
                continue;
            }
            double p = PoissonTail.upper(best, expected);
            if (p <= maxPValue / tested) {
                found.add(new double[] {p, best, t, from});
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[2], b[2]));
        List<int[]> out = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (double[] f : found) {
            if (out.size() >= limit) {
                break;
            }
            int t = (int) f[2];
            long from = (long) f[3];
            IntArrayList members = new IntArrayList();
            int old = 0;
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                int v = finder.inFollower(i);
                long c = created[v];
                if (c != Long.MIN_VALUE && c >= from && c - from <= span) {
                    members.add(v);
                    old += seen[v] ? 1 : 0;
                }
            }
            if (2 * old >= members.size()) {
                continue;
            }
            int[] a = members.toIntArray();
            Arrays.sort(a);
            for (int v : a) {
                seen[v] = true;
            }
            out.add(a);
        }
        return out;
    }

    /** The first index of {@code sorted} holding a value ≥ x. */
    static int lower(long[] sorted, long x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index of {@code sorted} holding a value &gt; x. */
    static int upper(long[] sorted, long x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
