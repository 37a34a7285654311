package io.lockstep.visual;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic account scenes with planted communities and one planted coordinated cluster, for benchmarks,
 * demos and tests (not for analysis).
 */
public final class SyntheticScenes {
    private SyntheticScenes() {
    }

    /**
     * {@code n} accounts in {@code communities} communities of equal size; each account retweets {@code degree}
     * random accounts (90% inside its community) and follows one; the first {@code clusterSize} accounts of community
     * 0 form suspicious cluster 1 and are linked pairwise by coordination edges. Sizes follow a heavy-tailed law.
     */
    public static Scene planted(int n, int communities, int degree, int clusterSize, long seed) {
        if (n < communities || communities < 1 || clusterSize * communities > n) {
            throw new IllegalArgumentException("need n >= communities * clusterSize and communities >= 1");
        }
        Random random = new Random(seed);
        List<SceneNode> nodes = new ArrayList<>(n);
        List<SceneEdge> edges = new ArrayList<>(n * (degree + 1));
        for (int i = 0; i < n; i++) {
            int c = i % communities;
            boolean suspicious = c == 0 && i / communities < clusterSize;
            double size = 1 / Math.pow(1 - random.nextDouble(), 0.7);
            List<String> signals = suspicious ? List.of("co-retweet", "synchronized-posting") : List.of();
            List<String> evidence = suspicious
                    ? List.of("retweeted the same 14 posts within 60 s as 9 partners", "first post 2024-03-02 09:14 UTC")
                    : List.of();
            nodes.add(new SceneNode("a" + i, "user_" + i, c, suspicious ? 1 : SceneNode.NONE, suspicious,
                    suspicious ? 0.8 + 0.2 * random.nextDouble() : 0.2 * random.nextDouble(), size, signals, evidence));
        }
        int per = n / communities;
        for (int i = 0; i < n; i++) {
            int c = i % communities;
            for (int k = 0; k < degree; k++) {
                int j;
                if (random.nextDouble() < 0.9) {
                    j = random.nextInt(per) * communities + c;
                } else {
                    j = random.nextInt(n);
                }
                if (j != i && j < n) {
                    edges.add(new SceneEdge("a" + i, "a" + j, EdgeKind.RETWEET, 1 + random.nextInt(5)));
                }
            }
            int f = random.nextInt(per) * communities + c;
            if (f != i && f < n) {
                edges.add(new SceneEdge("a" + i, "a" + f, EdgeKind.FOLLOW, 1));
            }
        }
        for (int a = 0; a < clusterSize; a++) {
            for (int b = a + 1; b < clusterSize; b++) {
                edges.add(new SceneEdge("a" + (a * communities), "a" + (b * communities), EdgeKind.COORDINATION, 5));
            }
        }
        return new Scene("Synthetic network: " + n + " accounts, " + communities + " communities", "PageRank", nodes, edges);
    }
}
