package io.lockstep.influence;

import io.lockstep.community.TestGraphs;
import io.lockstep.graph.CompactDigraph;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.jgrapht.JGraphTGraphs;
import io.lockstep.jgrapht.JGraphTReference;
import io.lockstep.progress.TerminationFlag;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InfluenceTest {

    @Test
    void pageRankOnKarateMatchesJGraphT() {
        CompactGraph g = TestGraphs.karate();
        double[] ours = new PageRank(0.85, 1000, 1e-12, 2, TerminationFlag.RUNNING_TRUE).scores(g);
        Map<Integer, Double> ref = JGraphTReference.pageRank(JGraphTGraphs.toJGraphT(g), 0.85, 1000, 1e-12);
        for (int v = 0; v < 34; v++) {
            assertThat(ours[v]).as("vertex %d", v).isCloseTo(ref.get(v), within(1e-9));
        }
        // known value: the club's president (33) and instructor (0) lead, with 0.1009 and 0.0970
        assertThat(ours[33]).isCloseTo(0.10091, within(1e-4));
        assertThat(ours[0]).isCloseTo(0.09700, within(1e-4));
    }

    @Test
    void weightedDirectedPageRankMatchesJGraphTWithDanglingVertices() {
        int[][] arcs = {{0, 1, 2}, {1, 2, 1}, {2, 0, 1}, {2, 1, 3}, {3, 2, 1}, {0, 4, 1}, {0, 1, 1}};
        CompactDigraph.Builder b = new CompactDigraph.Builder(6); // 4 and 5 are dangling, 5 isolated
        Graph<Integer, DefaultWeightedEdge> ref = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < 6; v++) {
            ref.addVertex(v);
        }
        for (int[] a : arcs) {
            b.addArc(a[0], a[1], a[2]);
            DefaultWeightedEdge e = ref.getEdge(a[0], a[1]);
            if (e == null) {
                ref.setEdgeWeight(ref.addEdge(a[0], a[1]), a[2]);
            } else {
                ref.setEdgeWeight(e, ref.getEdgeWeight(e) + a[2]); // parallel arcs fold into summed weights
            }
        }
        CompactDigraph g = b.build();
        assertThat(g.arcCount()).isEqualTo(6);
        double[] ours = new PageRank(0.85, 1000, 1e-12, 1, TerminationFlag.RUNNING_TRUE).scores(g);
        Map<Integer, Double> expected = JGraphTReference.pageRank(ref, 0.85, 1000, 1e-12);
        double sum = 0;
        for (int v = 0; v < 6; v++) {
            assertThat(ours[v]).as("vertex %d", v).isCloseTo(expected.get(v), within(1e-9));
            sum += ours[v];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void corenessOfAHandGraph() {
        // K4 on 0..3; 4 tied to 0 and 1; 5 hangs off 4; 6 alone; a self-loop on 6 does not count
        CompactGraph g = new CompactGraphBuilder(7).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).addEdge(1, 2)
                .addEdge(1, 3).addEdge(2, 3).addEdge(4, 0).addEdge(4, 1).addEdge(5, 4).addEdge(6, 6).build();
        assertThat(Coreness.compute(g)).containsExactly(3, 3, 3, 3, 2, 1, 0);
    }

    @Test
    void corenessOfKarateMatchesJGraphT() {
        CompactGraph g = TestGraphs.karate();
        Map<Integer, Integer> ref = JGraphTReference.coreness(JGraphTGraphs.toJGraphT(g));
        int[] ours = Coreness.compute(g);
        for (int v = 0; v < 34; v++) {
            assertThat(ours[v]).isEqualTo(ref.get(v));
        }
        assertThat(ours[0]).isEqualTo(4);
    }

    @Test
    void exactBetweennessMatchesJGraphTAndAPath() {
        CompactGraph path = new CompactGraphBuilder(4).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).build();
        assertThat(SampledBetweenness.exact(path)).containsExactly(0.0, 2.0, 2.0, 0.0);
        CompactGraph g = TestGraphs.karate();
        Map<Integer, Double> ref = new BetweennessCentrality<>(JGraphTGraphs.toJGraphT(g)).getScores();
        double[] ours = new SampledBetweenness(1000, 1, 2, TerminationFlag.RUNNING_TRUE).scores(g);
        for (int v = 0; v < 34; v++) {
            assertThat(ours[v]).as("vertex %d", v).isCloseTo(ref.get(v), within(1e-9));
        }
        assertThat(ours[0]).isCloseTo(231.0714286, within(1e-6));
    }

    @Test
    void sampledBetweennessIsSeededAndRanksTheHubsFirst() {
        CompactGraph g = TestGraphs.karate();
        double[] a = new SampledBetweenness(12, 7, 1, TerminationFlag.RUNNING_TRUE).scores(g);
        double[] b = new SampledBetweenness(12, 7, 1, TerminationFlag.RUNNING_TRUE).scores(g);
        assertThat(a).containsExactly(b);
        double[] exact = SampledBetweenness.exact(g);
        double[] many = new SampledBetweenness(30, 7, 2, TerminationFlag.RUNNING_TRUE).scores(g);
        // 0 and 33 are the two largest in the exact ranking and stay on top with 30 of 34 sources
        assertThat(argmax(exact, -1)).isEqualTo(0);
        assertThat(Math.min(argmax(many, -1), argmax(many, argmax(many, -1)))).isEqualTo(0);
        assertThat(Math.max(argmax(many, -1), argmax(many, argmax(many, -1)))).isEqualTo(33);
        assertThatThrownBy(() -> new SampledBetweenness(0, 1, 1, TerminationFlag.RUNNING_TRUE))
                .hasMessageContaining("samples");
    }

    private static int argmax(double[] x, int skip) {
        int best = -1;
        for (int v = 0; v < x.length; v++) {
            if (v != skip && (best < 0 || x[v] > x[best])) {
                best = v;
            }
        }
        return best;
    }
}
