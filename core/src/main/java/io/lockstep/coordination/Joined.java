package io.lockstep.coordination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a signal read after the verdicts returns ({@link Signal#afterVerdicts()}: {@link AmplifiedSeedSignal},
 * {@link HashtagPushSignal}, {@link FarmCohortSignal}, {@link CreationCohortSignal}): the clusters and verdicts after the accounts it found joined
 * their clusters, those accounts, and their edges.
 *
 * @param accounts the accounts that joined, ascending
 * @param edges    their edges only
 */
public record Joined(List<Cluster> clusters, AccountVerdict[] verdicts, int[] accounts,
                     List<CoordinationEdge> edges) {

    /** Nothing joined: the clusters and verdicts unchanged. */
    static Joined none(List<Cluster> clusters, AccountVerdict[] verdicts) {
        return new Joined(clusters, verdicts, new int[0], List.of());
    }

    /**
     * Each account of {@code accounts} (ascending) moved into cluster {@code into[account]}
     * ({@link VerdictPhase#joined}), whose signals gain {@code signal}, and the verdicts recomputed
     * ({@link VerdictPhase#run}) over {@code edges} and {@code added}.
     */
    static Joined of(List<Cluster> clusters, List<CoordinationEdge> edges, AccountVerdict[] verdicts, int[] accounts,
                     int[] into, List<CoordinationEdge> added, String signal, double suspiciousScore) {
        List<Cluster> moved = VerdictPhase.joined(clusters, accounts, into, verdicts, signal);
        List<CoordinationEdge> all = new ArrayList<>(edges.size() + added.size());
        all.addAll(edges);
        all.addAll(added);
        return new Joined(moved, VerdictPhase.run(verdicts.length, all, moved, suspiciousScore), accounts, added);
    }

    /** The cluster holding most of {@code accounts} (all in one cluster or another), the lowest id on a tie. */
    static int mostHeld(int[] accounts, AccountVerdict[] verdicts) {
        int[] ids = new int[accounts.length];
        for (int i = 0; i < accounts.length; i++) {
            ids[i] = verdicts[accounts[i]].cluster();
        }
        Arrays.sort(ids);
        int best = ids[0], bestCount = 0;
        for (int i = 0; i < ids.length; ) {
            int j = i;
            while (j < ids.length && ids[j] == ids[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = ids[i];
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }

    /** Per account of [0, n), whether its verdict is suspicious. O(accounts). */
    static boolean[] flagged(int n, AccountVerdict[] verdicts) {
        boolean[] flagged = new boolean[n];
        for (AccountVerdict v : verdicts) {
            flagged[v.account()] = v.suspicious();
        }
        return flagged;
    }

    /** Per account of [0, n), whether it is suspicious and on an edge of one of {@code signals}. O(edges). */
    static boolean[] flaggedOn(int n, List<CoordinationEdge> edges, AccountVerdict[] verdicts, Set<String> signals) {
        boolean[] on = new boolean[n];
        for (CoordinationEdge e : edges) {
            if (signals.contains(e.signal())) {
                on[e.source()] |= verdicts[e.source()].suspicious();
                on[e.target()] |= verdicts[e.target()].suspicious();
            }
        }
        return on;
    }
}
