package io.lockstep.coordination;

import java.util.List;

/**
 * The verdict on one account.
 *
 * @param score      in [0, 1]: the score of its cluster, 0 when it is in none
 * @param suspicious whether its cluster's score reached {@link CoordinationParams.ClusterParams#suspiciousScore()}
 * @param cluster    its cluster id, or -1
 * @param signals    the signals with at least one edge at this account
 */
public record AccountVerdict(int account, double score, boolean suspicious, int cluster, List<String> signals) {
    public AccountVerdict {
        signals = List.copyOf(signals);
    }
}
