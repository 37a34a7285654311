package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The score phase of {@link CoordinationDetector}: each kept group scored by {@link ClusterScorer} from its members,
 * the signal edges inside it and the combined edges inside it, then the clusters ordered by score (descending),
 * size (descending) and smallest member, and numbered 0, 1, … in that order.
 *
 * <p>Cost: O(edges + combined edges) to find the internal edges, plus the scorer's O(members' posts log) per
 * cluster, plus the crowd measurement ({@link CrowdShare}: one walk over the examined pairs of the retweets and of
 * the replies, when a cluster has an internal co-retweet or co-reply edge). Deterministic: the order is total (members are disjoint, so smallest members differ).
 */
final class ScorePhase {
    private ScorePhase() {
    }

    static List<Cluster> run(Activity activity, CoordinationParams params, CompactGraph combined,
                             List<CoordinationEdge> edges, ClusterPhase.Groups groups) {
        return run(activity, params, combined, edges, groups, TerminationFlag.RUNNING_TRUE);
    }

    /** As above; {@code termination} is polled by the crowd measurement. */
    static List<Cluster> run(Activity activity, CoordinationParams params, CompactGraph combined,
                             List<CoordinationEdge> edges, ClusterPhase.Groups groups, TerminationFlag termination) {
        int k = groups.size();
        List<List<CoordinationEdge>> internal = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            internal.add(new ArrayList<>());
        }
        for (CoordinationEdge e : edges) {
            int g = groups.groupOf(e.source());
            if (g >= 0 && groups.membership[e.source()] == groups.membership[e.target()]) {
                internal.get(g).add(e);
            }
        }
        long[] internalCombined = new long[k];
        for (int v = 0; v < combined.nodeCount(); v++) {
            int g = groups.groupOf(v);
            if (g < 0) {
                continue;
            }
            for (int i = combined.start(v); i < combined.end(v); i++) {
                int u = combined.target(i);
                if (u > v && groups.membership[u] == groups.membership[v]) {
                    internalCombined[g]++;
                }
            }
        }
        ClusterScorer scorer = new ClusterScorer(activity, params,
                crowd(activity, params, combined, groups, internal, termination), edges);
        List<Cluster> scored = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            scored.add(scorer.score(g, groups.members.get(g), internal.get(g), internalCombined[g],
                    groups.blocks.get(g)));
        }
        scored.sort(Comparator.comparingDouble(Cluster::score).reversed()
                .thenComparing(Comparator.comparingInt(Cluster::size).reversed())
                .thenComparingInt(c -> c.members()[0]));
        List<Cluster> clusters = new ArrayList<>(k);
        for (int i = 0; i < scored.size(); i++) {
            Cluster c = scored.get(i);
            clusters.add(new Cluster(i, c.kind(), c.members(), c.score(), c.signals(), c.topHashtags(),
                    c.firstSeen(), c.lastSeen()));
        }
        return clusters;
    }

    /**
     * The closedness of the co-reactions of the groups with an internal co-retweet (co-reply) edge, the only ones
     * whose score the crowd factor changes, measured on the examined pairs ({@link CrowdShare}).
     */
    private static CrowdShare crowd(Activity activity, CoordinationParams params, CompactGraph combined,
                                    ClusterPhase.Groups groups, List<List<CoordinationEdge>> internal,
                                    TerminationFlag termination) {
        int k = groups.size();
        boolean[] retweets = new boolean[k];
        boolean[] replies = new boolean[k];
        for (int g = 0; g < k; g++) {
            for (CoordinationEdge e : internal.get(g)) {
                retweets[g] |= e.signal().equals(CoordinationSignal.CO_RETWEET);
                replies[g] |= e.signal().equals(CoordinationSignal.CO_REPLY);
            }
        }
        int[] groupOf = new int[Math.min(activity.accountCount(), groups.membership.length)];
        for (int v = 0; v < groupOf.length; v++) {
            groupOf[v] = groups.groupOf(v);
        }
        return CrowdShare.measure(activity, params, groupOf, retweets, replies, combined, termination);
    }
}
