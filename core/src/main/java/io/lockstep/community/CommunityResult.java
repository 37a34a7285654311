package io.lockstep.community;

import java.util.Arrays;

/**
 * The outcome of a community detection run.
 *
 * @param membership      community of each vertex, numbered {@code 0..communityCount-1} by decreasing size (ties:
 *                        smaller lowest vertex id first)
 * @param communityCount  number of distinct communities
 * @param modularity      Newman–Girvan modularity of {@code membership}, computed by {@link ModularityComputer}
 *                        independently of the optimiser (at the run's resolution for the modularity quality function,
 *                        at resolution 1 otherwise)
 * @param ranLevels       aggregation levels actually run (label propagation: vertex visits divided by n, rounded up)
 * @param didConverge     whether the run stopped because nothing changed rather than because of a level or sweep cap
 * @param qualityPerLevel the optimised quality function after each level
 */
public record CommunityResult(int[] membership, int communityCount, double modularity, int ranLevels,
                              boolean didConverge, double[] qualityPerLevel) {

    public CommunityResult {
        if (membership == null || qualityPerLevel == null) {
            throw new IllegalArgumentException("membership and qualityPerLevel must not be null");
        }
    }

    /** Community of {@code vertex}. */
    public int communityOf(int vertex) {
        return membership[vertex];
    }

    /** Size of every community, indexed by community id. */
    public int[] communitySizes() {
        int[] sizes = new int[communityCount];
        for (int c : membership) {
            sizes[c]++;
        }
        return sizes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommunityResult r && communityCount == r.communityCount
                && Double.compare(modularity, r.modularity) == 0 && ranLevels == r.ranLevels
                && didConverge == r.didConverge && Arrays.equals(membership, r.membership)
                && Arrays.equals(qualityPerLevel, r.qualityPerLevel);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(membership) + communityCount;
    }

    @Override
    public String toString() {
        return "CommunityResult[nodes=" + membership.length + ", communities=" + communityCount + ", modularity="
                + modularity + ", ranLevels=" + ranLevels + ", didConverge=" + didConverge + "]";
    }
}
