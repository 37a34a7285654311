package io.lockstep.visual;

import java.util.ArrayList;
import java.util.List;

/** Hand-checkable scenes for the tests. */
final class Scenes {
    private Scenes() {
    }

    /**
     * Two communities (0: a0..a3, 1: b0..b3) of four accounts each, retweet cliques inside, one follow between
     * them; a0, a1, a2 form suspicious cluster 7 with coordination edges a0-a1, a1-a2.
     */
    static Scene twoCommunities() {
        List<SceneNode> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean s = i < 3;
            nodes.add(new SceneNode("a" + i, "alice_" + i, 0, s ? 7 : SceneNode.NONE, s, s ? 0.9 : 0.1, 1 + i,
                    s ? List.of("co-retweet") : List.of(), s ? List.of("shared 5 retweets within 30 s") : List.of()));
        }
        for (int i = 0; i < 4; i++) {
            nodes.add(new SceneNode("b" + i, "bob_" + i, 1, SceneNode.NONE, false, 0.05, 2, List.of(), List.of()));
        }
        List<SceneEdge> edges = new ArrayList<>();
        for (String p : List.of("a", "b")) {
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    edges.add(new SceneEdge(p + i, p + j, EdgeKind.RETWEET, 2));
                }
            }
        }
        edges.add(new SceneEdge("a3", "b0", EdgeKind.FOLLOW, 1));
        edges.add(new SceneEdge("a0", "a1", EdgeKind.COORDINATION, 4));
        edges.add(new SceneEdge("a1", "a2", EdgeKind.COORDINATION, 3));
        return new Scene("Two communities <test> & co", "PageRank", nodes, edges);
    }
}
