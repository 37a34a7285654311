package io.lockstep.coordination;

import io.lockstep.community.Leiden;
import io.lockstep.community.LeidenParams;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Arrays;

/**
 * Clusters the combined coordination graph: Leiden on modularity (Traag, Waltman and van Eck, "From Louvain to
 * Leiden: guaranteeing well-connected communities", Scientific Reports 2019; {@link Leiden}, seeded, single-threaded
 * so that results repeat), then every community split into its connected components; or, without refinement, the
 * connected components of the graph. Vertices without edges get -1. Cost: Leiden's, then O(n + m).
 *
 * <p>{@link #detachWeak} then splits off the members tied to their cluster more weakly than two members are tied to
 * each other on average. Modularity has a resolution limit (Fortunato and Barthélemy, "Resolution limit in community
 * detection", PNAS 104, 2007): a vertex whose only edge leads into a cluster always raises modularity by joining it,
 * however weak the edge, since its expected share of the cluster's weight is near zero. A cluster is scored and
 * judged as one group (its density, synchrony and crowd are group properties, {@link ClusterScorer}), so such a
 * pendant is wrong in either outcome: it dilutes the group's evidence with pairs it has no edge on (a ten-account
 * link ring tied by co-text, with four accounts hanging on it by one weak co-retweet edge each, scores under the
 * threshold and nobody is flagged), or it is flagged on evidence it does not share. The test is the one of the
 * constant Potts model (Traag, Van Dooren and Nesterov, "Narrow scope for resolution-limit-free community
 * detection", Phys. Rev. E 84, 2011), which is free of the resolution limit, with the cluster's own resolution:
 * a member stays when its total weight into the cluster reaches the mean weight of the cluster's internal edges,
 * i.e. it is tied to the group at least as strongly as a typical pair of members is tied to each other. Members
 * tied by many edges, or by one edge as strong as the group's (a botnet seed tied to its amplifier by one
 * fast-retweet edge), stay; a structure of equal weights (a clique, a star, a pair) is never split.
 */
final class ClusterRefiner {
    private ClusterRefiner() {
    }

    static int[] cluster(CompactGraph g, boolean leiden, long seed) {
        return cluster(g, leiden, seed, TerminationFlag.RUNNING_TRUE);
    }

    /** As above; {@code termination} is polled inside Leiden's phases. */
    static int[] cluster(CompactGraph g, boolean leiden, long seed, TerminationFlag termination) {
        int n = g.nodeCount();
        if (!leiden || g.totalWeight() == 0) {
            return connectedParts(g, new int[n]);
        }
        int[] membership = new Leiden(LeidenParams.defaults().withSeed(seed).withConcurrency(1),
                ProgressListener.NONE, termination).communities(g).membership();
        return connectedParts(g, membership);
    }

    /**
     * Splits off, from each label class, the members whose weight into the class (self-loops aside) is below the
     * mean weight of the class's internal edges, repeating on what stays until none is below (the mean rises as
     * weak members leave); the members split off from one class share a new label, so that tied to each other they
     * may still form a cluster of their own. Returns dense labels split into connected components
     * ({@link #connectedParts}), -1 for vertices without edges, as {@code label} itself may carry -1.
     * Cost: O(n + m) per round, rounds bounded by the longest chain of ever weaker members (a few in practice).
     * Deterministic.
     */
    static int[] detachWeak(CompactGraph g, int[] label) {
        int n = g.nodeCount();
        int labels = 0;
        for (int l : label) {
            labels = Math.max(labels, l + 1);
        }
        int[] out = label.clone();
        double[] strength = new double[n];
        double[] weight = new double[labels];
        long[] edges = new long[labels];
        for (int v = 0; v < n; v++) {
            int l = label[v];
            if (l < 0) {
                continue;
            }
            for (int i = g.start(v); i < g.end(v); i++) {
                int u = g.target(i);
                if (u != v && label[u] == l) {
                    strength[v] += g.weight(i);
                    if (u > v) {
                        weight[l] += g.weight(i);
                        edges[l]++;
                    }
                }
            }
        }
        boolean[] detached = new boolean[n];
        int[] weak = new int[n];
        while (true) {
            int k = 0;
            for (int v = 0; v < n; v++) {
                int l = label[v];
                if (l >= 0 && !detached[v] && edges[l] > 0 && strength[v] < weight[l] / edges[l]) {
                    weak[k++] = v;
                }
            }
            if (k == 0) {
                break;
            }
            for (int j = 0; j < k; j++) {
                detached[weak[j]] = true;
            }
            for (int j = 0; j < k; j++) {
                int v = weak[j];
                int l = label[v];
                for (int i = g.start(v); i < g.end(v); i++) {
                    int u = g.target(i);
                    if (u == v || label[u] != l) {
                        continue;
                    }
                    if (!detached[u]) {
                        strength[u] -= g.weight(i);
                        weight[l] -= g.weight(i);
                        edges[l]--;
                    } else if (u > v && isWeak(weak, k, u)) {
                        // an edge between two members detached in this round leaves the class once
                        weight[l] -= g.weight(i);
                        edges[l]--;
                    }
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (detached[v]) {
                out[v] = labels + label[v];
            }
        }
        return connectedParts(g, out);
    }

    /** Whether {@code v} is among the first {@code k} entries of {@code weak} (which ascend). */
    private static boolean isWeak(int[] weak, int k, int v) {
        return Arrays.binarySearch(weak, 0, k, v) >= 0;
    }

    /** Splits each label class into connected components; returns dense labels, -1 for isolated vertices. */
    static int[] connectedParts(CompactGraph g, int[] label) {
        int n = g.nodeCount();
        int[] out = new int[n];
        Arrays.fill(out, -1);
        int next = 0;
        int[] stack = new int[Math.max(1, n)];
        for (int s = 0; s < n; s++) {
            if (out[s] >= 0) {
                continue;
            }
            boolean hasOther = false;
            for (int i = g.start(s); i < g.end(s); i++) {
                if (g.target(i) != s) {
                    hasOther = true;
                    break;
                }
            }
            if (!hasOther) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            out[s] = next;
            while (top > 0) {
                int v = stack[--top];
                for (int i = g.start(v); i < g.end(v); i++) {
                    int u = g.target(i);
                    if (out[u] < 0 && label[u] == label[s]) {
                        out[u] = next;
                        stack[top++] = u;
                    }
                }
            }
            next++;
        }
        return out;
    }
}
