package io.lockstep.graph;

import io.lockstep.community.TestGraphs;
import io.lockstep.jgrapht.JGraphTGraphs;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactGraphTest {
    @Test
    void builderFoldsDirectionAndParallelEdges() {
        CompactGraph g = new CompactGraphBuilder(3).addEdge(0, 1).addEdge(1, 0, 2).addEdge(0, 1).addEdge(2, 2, 3).build();
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(g.degree(0)).isEqualTo(1);
        assertThat(g.weight(g.start(0))).isEqualTo(4.0);
        assertThat(g.strength(2)).isEqualTo(6.0); // a loop counts twice
        assertThat(g.totalWeight()).isEqualTo(7.0);
        assertThat(g.memoryBytes()).isEqualTo(4 * 4 + 3 * 4 + 3 * 4 + 3 * 8);
    }

    @Test
    void fromCsrChecksItsArrays() {
        CompactGraph g = CompactGraph.fromCsr(new int[]{0, 1, 2}, new int[]{1, 0}, new float[]{2f, 2f});
        assertThat(g.edgeCount()).isEqualTo(1);
        assertThat(g.totalWeight()).isEqualTo(2.0);
        assertThatThrownBy(() -> CompactGraph.fromCsr(new int[]{0, 1, 2}, new int[]{1, 5}, new float[]{1f, 1f}))
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> CompactGraph.fromCsr(new int[]{0, 1, 3}, new int[]{1, 0}, new float[]{1f, 1f}))
                .hasMessageContaining("inconsistent");
    }

    @Test
    void jgraphtRoundTrip() {
        CompactGraph karate = TestGraphs.karate();
        Graph<Integer, DefaultWeightedEdge> jg = JGraphTGraphs.toJGraphT(karate);
        assertThat(jg.vertexSet()).hasSize(34);
        assertThat(jg.edgeSet()).hasSize(78);
        JGraphTGraphs.Imported<Integer> back = JGraphTGraphs.fromJGraphT(jg);
        assertThat(back.graph().edgeCount()).isEqualTo(78);
        assertThat(back.graph().totalWeight()).isEqualTo(78.0);
        Graph<Integer, Integer> sparse = JGraphTGraphs.toSparse(karate);
        assertThat(sparse.edgeSet()).hasSize(78);
        assertThat(sparse.degreeOf(33)).isEqualTo(17);
    }

    @Test
    void fromJGraphTFoldsReciprocalArcs() {
        Graph<String, DefaultWeightedEdge> d = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        d.addVertex("x");
        d.addVertex("y");
        d.addVertex("z");
        d.setEdgeWeight(d.addEdge("x", "y"), 2);
        d.setEdgeWeight(d.addEdge("y", "x"), 3);
        JGraphTGraphs.Imported<String> imp = JGraphTGraphs.fromJGraphT(d);
        CompactGraph g = imp.graph();
        assertThat(g.nodeCount()).isEqualTo(3);
        assertThat(g.edgeCount()).isEqualTo(1);
        assertThat(g.strength(imp.idOf("x"))).isEqualTo(5.0);
        assertThat(imp.idOf("w")).isEqualTo(-1);
        assertThat(imp.vertices().get(imp.idOf("z"))).isEqualTo("z");
    }
}
