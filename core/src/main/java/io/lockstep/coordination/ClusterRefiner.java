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
