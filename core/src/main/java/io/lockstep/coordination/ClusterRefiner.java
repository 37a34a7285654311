package io.lockstep.coordination;

import io.lockstep.graph.CompactGraph;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Clusters the combined coordination graph: connected components, optionally split by the local-moving phase of
 * Louvain (Blondel et al. 2008, modularity, resolution 1, nodes visited in a seeded random order until no move
 * improves modularity) followed by a split of every community into its connected components (the guarantee Leiden,
 * Traag et al. 2019, adds). Vertices without edges get -1. Cost: O(m) per pass, at most 50 passes.
 */
final class ClusterRefiner {
    private ClusterRefiner() {
    }

    static int[] cluster(CompactGraph g, boolean refine, long seed) {
        int n = g.nodeCount();
        int[] label = new int[n];
        if (!refine || g.totalWeight() == 0) {
            Arrays.fill(label, 0);
            return connectedParts(g, label);
        }
        // local moving of modularity
        double m2 = 2 * g.totalWeight();
        int[] community = new int[n];
        double[] tot = new double[n];
        for (int v = 0; v < n; v++) {
            community[v] = v;
            tot[v] = g.strength(v);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] linkTo = new double[n];
        IntArrayList touched = new IntArrayList();
        for (int pass = 0; pass < 50; pass++) {
            int moves = 0;
            for (int v : order) {
                if (g.degree(v) == 0) {
                    continue;
                }
                int own = community[v];
                double k = g.strength(v);
                touched.clear();
                for (int i = g.start(v); i < g.end(v); i++) {
                    int u = g.target(i);
                    if (u == v) {
                        continue;
                    }
                    int c = community[u];
                    if (linkTo[c] == 0) {
                        touched.add(c);
                    }
                    linkTo[c] += g.weight(i);
                }
                tot[own] -= k;
                int best = own;
                double bestGain = linkTo[own] - tot[own] * k / m2;
                for (int c : touched) {
                    double gain = linkTo[c] - tot[c] * k / m2;
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        best = c;
                    }
                }
                tot[best] += k;
                for (int c : touched) {
                    linkTo[c] = 0;
                }
                linkTo[own] = 0;
                if (best != own) {
                    community[v] = best;
                    moves++;
                }
            }
            if (moves == 0) {
                break;
            }
        }
        return connectedParts(g, community);
    }

    /** Splits each label class into connected components; returns dense labels, -1 for isolated vertices. */
    static int[] connectedParts(CompactGraph g, int[] label) {
        int n = g.nodeCount();
        int[] out = new int[n];
        Arrays.fill(out, -1);
        int next = 0;
        int[] stack = new int[Math.max(1, n)];
        for (int s = 0; s < n; s++) {
            if (out[s] >= 0 || g.degree(s) == 0) {
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
