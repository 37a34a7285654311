package io.lockstep.coordination;

import io.lockstep.campaign.Campaign;

import java.util.List;

/**
 * Everything {@link CoordinationDetector} found.
 *
 * @param edges     of each account, its strongest signal edges (one per pair and signal; an edge chosen by either
 *                  end; {@link CoordinationParams.ClusterParams#partners()}), sorted by (source, target, signal): at
 *                  most 16 chosen per account with 8 signals
 * @param accounts  one verdict per account, indexed by account id
 * @param campaigns hashtag-boosting campaigns
 * @param blocks    the follow signal's dense blocks, each one finding (also one cluster each)
 */
public record CoordinationResult(List<CoordinationEdge> edges, List<Cluster> clusters, AccountVerdict[] accounts,
                              List<Campaign> campaigns, CoordinationParams params, List<DenseBlock> blocks) {
    public CoordinationResult {
        edges = List.copyOf(edges);
        clusters = List.copyOf(clusters);
        campaigns = List.copyOf(campaigns);
        blocks = List.copyOf(blocks);
    }

    /** A result without dense blocks. */
    public CoordinationResult(List<CoordinationEdge> edges, List<Cluster> clusters, AccountVerdict[] accounts,
                           List<Campaign> campaigns, CoordinationParams params) {
        this(edges, clusters, accounts, campaigns, params, List.of());
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
