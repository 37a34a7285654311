package io.lockstep.influence;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * Coreness (k-core number) of every vertex: the largest k such that the vertex belongs to a subgraph in which every
 * vertex has at least k neighbours. Weights are ignored and self-loops do not count.
 *
 * <p>V. Batagelj and M. Zaversnik, An O(m) algorithm for cores decomposition of networks, arXiv:cs/0310049 (2003),
 * <a href="https://arxiv.org/abs/cs/0310049">arXiv:cs/0310049</a>. Bucket sort by degree, then peel vertices in
 * increasing degree order, moving each neighbour down one bucket in O(1). Cost O(n + m), memory 4 int arrays of n.
 * Unlike JGraphT's {@code Coreness} it needs no simple-graph copy.
 */
public final class Coreness {
    private static final int CHECK_EVERY = 1 << 16;

    private Coreness() {
    }

    /** Core number of every vertex. */
    public static int[] compute(CompactGraph g) {
        return compute(g, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    /**
     * Core number of every vertex; {@code progress} counts peeled vertices, {@code termination} is polled every
     * {@value #CHECK_EVERY} of them.
     */
    public static int[] compute(CompactGraph g, ProgressListener progress, TerminationFlag termination) {
        Objects.requireNonNull(g, "graph");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(termination, "termination");
        int n = g.nodeCount();
        int[] deg = new int[n];
        int maxDeg = 0;
        for (int v = 0; v < n; v++) {
            int d = 0;
            for (int i = g.start(v); i < g.end(v); i++) {
                if (g.target(i) != v) {
                    d++;
                }
            }
            deg[v] = d;
            maxDeg = Math.max(maxDeg, d);
        }
        int[] bin = new int[maxDeg + 1];
        for (int v = 0; v < n; v++) {
            bin[deg[v]]++;
        }
        int start = 0;
        for (int d = 0; d <= maxDeg; d++) {
            int num = bin[d];
            bin[d] = start;
            start += num;
        }
        int[] pos = new int[n];
        int[] vert = new int[n];
        for (int v = 0; v < n; v++) {
            pos[v] = bin[deg[v]];
            vert[pos[v]] = v;
            bin[deg[v]]++;
        }
        for (int d = maxDeg; d > 0; d--) {
            bin[d] = bin[d - 1];
        }
        if (maxDeg >= 0 && bin.length > 0) {
            bin[0] = 0;
        }
        progress.begin("k-core", n);
        for (int i = 0; i < n; i++) {
            if ((i & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                termination.assertRunning();
                progress.advance(CHECK_EVERY);
            }
            int v = vert[i];
            for (int a = g.start(v); a < g.end(v); a++) {
                int u = g.target(a);
                if (u != v && deg[u] > deg[v]) {
                    int du = deg[u];
                    int pu = pos[u];
                    int pw = bin[du];
                    int w = vert[pw];
                    if (u != w) {
                        pos[u] = pw;
                        vert[pu] = w;
                        pos[w] = pu;
                        vert[pw] = u;
                    }
                    bin[du]++;
                    deg[u]--;
                }
            }
        }
        progress.end();
        return deg;
    }
}
