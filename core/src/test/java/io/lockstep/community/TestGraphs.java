package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;

import java.util.SplittableRandom;

/** Graphs with known answers, shared by the community and influence tests. */
public final class TestGraphs {
    /** Zachary's karate club, 34 members, 78 friendships (0-based, as in NetworkX's {@code karate_club_graph}). */
    public static final int[][] KARATE_EDGES = {
            {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12}, {0, 13},
            {0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30},
            {2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6},
            {4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32},
            {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33},
            {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29},
            {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33},
            {32, 33}};

    /** The faction each member joined after the split: 0 = Mr. Hi, 1 = the Officer (NetworkX's "club" attribute). */
    public static final int[] KARATE_FACTION = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private TestGraphs() {
    }

    public static CompactGraph karate() {
        CompactGraphBuilder b = new CompactGraphBuilder(34);
        for (int[] e : KARATE_EDGES) {
            b.addEdge(e[0], e[1]);
        }
        return b.build();
    }

    /** Two k-cliques, vertices {@code 0..k-1} and {@code k..2k-1}, joined by the edge (k-1, k). */
    public static CompactGraph twoCliques(int k) {
        CompactGraphBuilder b = new CompactGraphBuilder(2 * k);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    b.addEdge(c * k + i, c * k + j);
                }
            }
        }
        b.addEdge(k - 1, k);
        return b.build();
    }

    /**
     * A planted partition: {@code groups} groups of {@code size} vertices (group of v is {@code v / size}); each pair
     * inside a group is an edge with probability pIn, each other pair with probability pOut. O(n + m) by geometric
     * skipping (Batagelj &amp; Brandes 2005).
     */
    public static CompactGraph plantedPartition(int groups, int size, double pIn, double pOut, long seed) {
        int n = groups * size;
        SplittableRandom rnd = new SplittableRandom(seed);
        CompactGraphBuilder b = new CompactGraphBuilder(n);
        for (int u = 0; u < n; u++) {
            int groupEnd = (u / size + 1) * size;
            addRandom(b, rnd, u, u + 1, groupEnd, pIn);
            addRandom(b, rnd, u, groupEnd, n, pOut);
        }
        return b.build();
    }

    private static void addRandom(CompactGraphBuilder b, SplittableRandom rnd, int u, int from, int to, double p) {
        if (p <= 0) {
            return;
        }
        double logq = Math.log1p(-p);
        long v = from - 1;
        while (true) {
            v += 1 + (p >= 1 ? 0 : (long) Math.floor(Math.log1p(-rnd.nextDouble()) / logq));
            if (v >= to) {
                return;
            }
            b.addEdge(u, (int) v);
        }
    }
}
