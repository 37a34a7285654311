package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModularityComputerTest {
    @Test
    void twoTrianglesByHand() {
        CompactGraph g = PhasesTest.twoTriangles();
        // e_c = 3, K_c = 7, m = 7: Q = 2 (3/7 − 1/4) = 5/14
        assertThat(ModularityComputer.compute(g, new int[]{0, 0, 0, 1, 1, 1})).isCloseTo(5.0 / 14, within(1e-12));
        // one community: Q = 7/7 − 1 = 0
        assertThat(ModularityComputer.compute(g, new int[6])).isCloseTo(0.0, within(1e-12));
        // singletons: −Σ (k_i / 14)² = −(4·4 + 2·9) / 196
        assertThat(ModularityComputer.compute(g, new int[]{0, 1, 2, 3, 4, 5})).isCloseTo(-34.0 / 196, within(1e-12));
        // resolution 0.5: 6/7 − 0.5 · 2 · 1/4
        assertThat(ModularityComputer.compute(g, new int[]{0, 0, 0, 1, 1, 1}, 0.5, 1)).isCloseTo(6.0 / 7 - 0.25, within(1e-12));
    }

    @Test
    void selfLoopsAndWeightsByHand() {
        // loop of weight 1 at 0, edge 0–1 of weight 1 given twice (folded to 2): m = 3, k0 = 2 + 2 = 4, k1 = 2
        CompactGraph g = new CompactGraphBuilder(2).addEdge(0, 0).addEdge(0, 1).addEdge(1, 0).build();
        assertThat(g.totalWeight()).isEqualTo(3.0);
        // {0},{1}: 1/3 − (4/6)² − (2/6)² = 1/3 − 16/36 − 4/36
        assertThat(ModularityComputer.compute(g, new int[]{0, 1})).isCloseTo(1.0 / 3 - 20.0 / 36, within(1e-12));
    }

    @Test
    void karateFactionsModularity() {
        // the two factions of the karate club have modularity 0.3582347 (NetworkX, unweighted)
        assertThat(ModularityComputer.compute(TestGraphs.karate(), TestGraphs.KARATE_FACTION))
                .isCloseTo(0.3582347, within(1e-6));
    }

    @Test
    void parallelEqualsSequential() {
        CompactGraph g = TestGraphs.plantedPartition(100, 1100, 0.01, 0.0002, 9);
        int[] p = new int[g.nodeCount()];
        for (int v = 0; v < p.length; v++) {
            p[v] = v / 1100;
        }
        assertThat(ModularityComputer.compute(g, p, 1.0, 2)).isCloseTo(ModularityComputer.compute(g, p, 1.0, 1), within(1e-12));
    }

    @Test
    void rejectsBadMembership() {
        CompactGraph g = PhasesTest.twoTriangles();
        assertThatThrownBy(() -> ModularityComputer.compute(g, new int[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModularityComputer.compute(g, new int[]{0, 0, 0, 0, 0, 9}))
                .hasMessageContaining("outside");
    }
}
