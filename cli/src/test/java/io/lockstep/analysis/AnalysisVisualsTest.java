package io.lockstep.analysis;

import io.lockstep.visual.EdgeKind;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneEdge;
import io.lockstep.visual.SceneNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisVisualsTest {
    @Test
    void aPictureKeepsItsHeaviestEdgesInSceneOrder() {
        List<SceneNode> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(new SceneNode("n" + i, "n" + i, 0, 1, true, 0.5, 1, List.of(), List.of()));
        }
        List<SceneEdge> edges = List.of(new SceneEdge("n0", "n1", EdgeKind.COORDINATION, 1),
                new SceneEdge("n1", "n2", EdgeKind.COORDINATION, 3), new SceneEdge("n2", "n3", EdgeKind.RETWEET, 2),
                new SceneEdge("n0", "n3", EdgeKind.RETWEET, 3));
        Scene scene = new Scene("t", "PageRank", nodes, edges);

        Scene two = AnalysisVisuals.heaviestEdges(scene, 2);
        assertThat(two.nodes()).isEqualTo(nodes);
        assertThat(two.edges()).containsExactly(edges.get(1), edges.get(3));
        assertThat(AnalysisVisuals.heaviestEdges(scene, 3).edges()).containsExactly(edges.get(1), edges.get(2),
                edges.get(3));
        assertThat(AnalysisVisuals.heaviestEdges(scene, 4)).isSameAs(scene);
    }
}
