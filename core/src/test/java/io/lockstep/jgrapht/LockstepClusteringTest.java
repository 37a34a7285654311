package io.lockstep.jgrapht;

import io.lockstep.community.LabelPropagationParams;
import io.lockstep.community.Leiden;
import io.lockstep.community.LeidenParams;
import io.lockstep.community.TestGraphs;
import io.lockstep.graph.CompactDigraph;
import io.lockstep.graph.CompactGraph;
import io.lockstep.influence.Coreness;
import io.lockstep.influence.PageRank;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bridge both ways: Lockstep's algorithms on a JGraphT graph, JGraphT's algorithms on a Lockstep graph. */
class LockstepClusteringTest {
    /**
     * Zachary's karate club as a JGraphT graph whose vertices are names, not ints, added in member order (so the
     * bridge's copy numbers them as {@link TestGraphs#karate()} does).
     */
    private static Graph<String, DefaultWeightedEdge> namedKarate() {
        Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < 34; v++) {
            g.addVertex("m" + v);
        }
        for (int[] e : TestGraphs.KARATE_EDGES) {
            g.addEdge("m" + e[0], "m" + e[1]);
        }
        return g;
    }

    @Test
    void leidenThroughJGraphTFindsWhatLeidenFindsOnTheCompactGraph() {
        Graph<String, DefaultWeightedEdge> g = namedKarate();
        LockstepClustering<String> leiden = LockstepClustering.leiden(g);
        ClusteringAlgorithm.Clustering<String> clustering = leiden.getClustering();
        double direct = new Leiden(LeidenParams.defaults()).communities(TestGraphs.karate()).modularity();
        assertThat(leiden.modularity()).isCloseTo(direct, within(1e-12));
        // the maximum modularity of the club (Brandes et al. 2008), with four communities
        assertThat(leiden.modularity()).isCloseTo(0.4197896, within(1e-6));
        assertThat(clustering.getNumberClusters()).isEqualTo(4);
        Set<String> seen = new HashSet<>();
        for (Set<String> c : clustering.getClusters()) {
            assertThat(seen.addAll(c)).isTrue();
        }
        assertThat(seen).isEqualTo(g.vertexSet());
        // the instructor (0) and the administrator (33) lead different communities
        int instructor = clusterOf(clustering, "m0");
        assertThat(clusterOf(clustering, "m33")).isNotEqualTo(instructor);
    }

    @Test
    void labelPropagationThroughJGraphTSeparatesTwoCliques() {
        Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (String side : List.of("a", "b")) {
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    g.addVertex(side + i);
                    g.addVertex(side + j);
                    g.addEdge(side + i, side + j);
                }
            }
        }
        g.addEdge("a0", "b0");
        ClusteringAlgorithm.Clustering<String> c =
                LockstepClustering.labelPropagation(g, LabelPropagationParams.defaults()).getClustering();
        assertThat(c.getNumberClusters()).isEqualTo(2);
        assertThat(clusterOf(c, "a3")).isEqualTo(clusterOf(c, "a0")).isNotEqualTo(clusterOf(c, "b3"));
    }

    @Test
    void jgraphtAlgorithmsRunOnLockstepGraphsAndAgreeWithLockstep() {
        CompactGraph karate = TestGraphs.karate();
        Map<Integer, Integer> core = JGraphTReference.coreness(JGraphTGraphs.toSparse(karate));
        int[] ours = Coreness.compute(karate);
        for (int v = 0; v < karate.nodeCount(); v++) {
            assertThat(core.get(v)).as("coreness of " + v).isEqualTo(ours[v]);
        }
        CompactDigraph.Builder b = new CompactDigraph.Builder(3);
        b.addArc(0, 1, 2.0);
        b.addArc(1, 2, 1.0);
        b.addArc(2, 0, 1.0);
        CompactDigraph cycle = b.build();
        Map<Integer, Double> theirs = JGraphTReference.pageRank(JGraphTGraphs.toJGraphT(cycle), 0.85, 1000, 1e-12);
        double[] pr = new PageRank().scores(cycle);
        for (int v = 0; v < 3; v++) {
            assertThat(pr[v]).as("PageRank of " + v).isCloseTo(theirs.get(v), within(1e-6));
        }
    }

    private static <V> int clusterOf(ClusteringAlgorithm.Clustering<V> c, V vertex) {
        List<Set<V>> clusters = c.getClusters();
        for (int i = 0; i < clusters.size(); i++) {
            if (clusters.get(i).contains(vertex)) {
                return i;
            }
        }
        return -1;
    }
}
