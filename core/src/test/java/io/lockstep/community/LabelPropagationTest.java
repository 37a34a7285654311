package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LabelPropagationTest {
    /**
     * The stopping condition of label propagation: every vertex with a neighbour carries a label of maximal weight
     * among its neighbours' labels (self-loops aside). Checked from the returned membership, independently of the
     * algorithm's own bookkeeping.
     */
    static void assertEveryVertexHoldsADominantLabel(CompactGraph g, int[] membership) {
        for (int v = 0; v < g.nodeCount(); v++) {
            Map<Integer, Double> weightTo = new HashMap<>();
            for (int i = g.start(v); i < g.end(v); i++) {
                if (g.target(i) != v) {
                    weightTo.merge(membership[g.target(i)], g.weight(i), Double::sum);
                }
            }
            if (weightTo.isEmpty()) {
                continue;
            }
            double max = weightTo.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(weightTo.getOrDefault(membership[v], 0.0)).as("weight from vertex %d to its own label", v).isEqualTo(max);
        }
    }

    private static CommunityResult lpa(CompactGraph g, long seed) {
        return new LabelPropagation(LabelPropagationParams.defaults().withSeed(seed)).communities(g);
    }

    @Test
    void weightsDecideWhichNeighbourIsFollowed() {
        // path 0-1-2-3 with weights 3, 1, 3: vertex 1 only ever copies 0's label and 2 only 3's, so the labels of
        // {0, 1} stay within {0, 1} and those of {2, 3} within {2, 3}
        CompactGraph g = new CompactGraphBuilder(4).addEdge(0, 1, 3).addEdge(1, 2, 1).addEdge(2, 3, 3).build();
        for (long seed = 1; seed <= 20; seed++) {
            CommunityResult r = lpa(g, seed);
            assertThat(LeidenTest.communities(r)).containsExactlyInAnyOrder(Set.of(0, 1), Set.of(2, 3));
            assertThat(r.didConverge()).isTrue();
        }
    }

    @Test
    void aHeavySelfLoopDoesNotHoldAVertexBack() {
        // vertex 3 hangs from a triangle by one edge and carries a self-loop ten times heavier; self-loops are not
        // neighbours, so it copies vertex 2, and the triangle ends with one label (2 sees weight 2 to it, 1 to vertex 3)
        CompactGraph g = new CompactGraphBuilder(4).addEdge(0, 1).addEdge(1, 2).addEdge(0, 2).addEdge(2, 3)
                .addEdge(3, 3, 10).build();
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(LeidenTest.communities(lpa(g, seed))).containsExactly(Set.of(0, 1, 2, 3));
        }
    }

    @Test
    void isolatedVerticesKeepTheirOwnLabel() {
        CompactGraph g = new CompactGraphBuilder(5).addEdge(0, 1).addEdge(1, 2).addEdge(0, 2).build();
        CommunityResult r = lpa(g, 3);
        assertThat(LeidenTest.communities(r)).containsExactlyInAnyOrder(Set.of(0, 1, 2), Set.of(3), Set.of(4));
        assertThat(r.didConverge()).isTrue();
    }

    @Test
    void theResultIsAFixedPointOnEverySeed() {
        CompactGraph[] graphs = {TestGraphs.karate(), TestGraphs.twoCliques(5),
                TestGraphs.plantedPartition(10, 60, 0.2, 0.01, 5), TestGraphs.plantedPartition(30, 300, 0.032, 0.000276, 3)};
        for (CompactGraph g : graphs) {
            for (long seed = 1; seed <= 10; seed++) {
                CommunityResult r = lpa(g, seed);
                assertThat(r.didConverge()).isTrue();
                assertEveryVertexHoldsADominantLabel(g, r.membership());
            }
        }
    }

    /** {@code g} with each edge {v, u} weighing {@code weight.of(v, u)} (v &lt; u). */
    static CompactGraph reweighted(CompactGraph g, EdgeWeight weight) {
        CompactGraphBuilder b = new CompactGraphBuilder(g.nodeCount());
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = g.start(v); i < g.end(v); i++) {
                int u = g.target(i);
                if (u > v) {
                    b.addEdge(v, u, weight.of(v, u));
                }
            }
        }
        return b.build();
    }

    /** The weight of an edge {v, u}. */
    interface EdgeWeight {
        double of(int v, int u);
    }

    @Test
    void weightedPlantedGroupsAreAFixedPoint() {
        // integer weights 1..4 (weights are not all one, so the weighted accumulation is exercised)
        CompactGraph g = reweighted(TestGraphs.plantedPartition(8, 50, 0.3, 0.02, 11),
                (v, u) -> 1 + (v * 31 + u * 17) % 4);
        for (long seed = 1; seed <= 10; seed++) {
            CommunityResult r = lpa(g, seed);
            assertThat(r.didConverge()).isTrue();
            assertEveryVertexHoldsADominantLabel(g, r.membership());
        }
    }

    @Test
    void unitWeightsCountedInIntsChooseAsWeightsSummedInDoubles() {
        // the same graph with every weight 1 (counted in ints) and every weight 2.5 (summed in doubles): same choices,
        // same random draws, same partition
        CompactGraph p = TestGraphs.plantedPartition(12, 80, 0.1, 0.01, 4);
        CompactGraph scaled = reweighted(p, (v, u) -> 2.5);
        for (long seed = 1; seed <= 5; seed++) {
            CommunityResult unit = lpa(p, seed);
            CommunityResult weighted = lpa(scaled, seed);
            assertThat(weighted.membership()).isEqualTo(unit.membership());
            assertThat(weighted.ranLevels()).isEqualTo(unit.ranLevels());
        }
    }

    @Test
    void theVisitCapStopsEarly() {
        CompactGraph g = TestGraphs.plantedPartition(10, 100, 0.05, 0.01, 2);
        CommunityResult r = new LabelPropagation(new LabelPropagationParams(4, 1, 1)).communities(g);
        assertThat(r.ranLevels()).isEqualTo(1);
        assertThat(r.didConverge()).isFalse();
    }
}
