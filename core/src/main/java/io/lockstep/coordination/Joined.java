package io.lockstep.coordination;

import java.util.ArrayList;
import java.util.List;

/**
 * What a signal read after the verdicts returns ({@link Signal#afterVerdicts()}: {@link AmplifiedSeedSignal},
 * {@link HashtagPushSignal}): the clusters and verdicts after the accounts it found joined their clusters, those
 * accounts, and their edges.
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
}
