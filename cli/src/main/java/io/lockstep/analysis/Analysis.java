package io.lockstep.analysis;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.CoordinationResult;

/**
 * Everything one {@code analyze} run found, indexed by the activity's dense account ids.
 *
 * @param activity   the archive as read back from the store
 * @param community  community of each account (-1 for accounts with no interaction)
 * @param modularity modularity of the community partition
 * @param pagerank   PageRank of each account on the endorsement graph (who amplifies, replies to, mentions or follows
 *                   whom; {@code ActivityGraphs.endorsements})
 * @param coreness   k-core number of each account on the interaction graph ({@code ActivityGraphs.interactions},
 *                   follows included)
 * @param detection  coordination, clusters, campaigns and per-account verdicts
 */
public record Analysis(Activity activity, int[] community, double modularity, double[] pagerank, int[] coreness,
                       CoordinationResult detection) {
}
