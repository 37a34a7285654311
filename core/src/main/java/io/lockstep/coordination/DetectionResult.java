package io.lockstep.coordination;

import io.lockstep.campaign.Campaign;

import java.util.List;

/**
 * Everything {@link CoordinationDetector} found.
 *
 * @param edges     every signal's edges (one per pair and signal)
 * @param accounts  one verdict per account, indexed by account id
 * @param campaigns hashtag-boosting campaigns
 */
public record DetectionResult(List<CoordinationEdge> edges, List<Cluster> clusters, AccountVerdict[] accounts,
                              List<Campaign> campaigns, DetectionParams params) {
    public DetectionResult {
        edges = List.copyOf(edges);
        clusters = List.copyOf(clusters);
        campaigns = List.copyOf(campaigns);
    }

    /** Accounts flagged suspicious, ascending. */
    public int[] suspiciousAccounts() {
        int n = 0;
        for (AccountVerdict v : accounts) {
            if (v.suspicious()) {
                n++;
            }
        }
        int[] out = new int[n];
        int i = 0;
        for (AccountVerdict v : accounts) {
            if (v.suspicious()) {
                out[i++] = v.account();
            }
        }
        return out;
    }
}
