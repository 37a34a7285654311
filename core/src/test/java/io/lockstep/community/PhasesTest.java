package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each Leiden phase on its own, on graphs small enough to check by hand. */
class PhasesTest {

    /** Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3; m = 7. */
    static CompactGraph twoTriangles() {
        return new CompactGraphBuilder(6).addEdge(0, 1).addEdge(1, 2).addEdge(0, 2)
                .addEdge(3, 4).addEdge(4, 5).addEdge(3, 5).addEdge(2, 3).build();
    }

    static double[] strengths(CompactGraph g) {
        double[] s = new double[g.nodeCount()];
        for (int v = 0; v < s.length; v++) {
            s[v] = g.strength(v);
        }
        return s;
    }

    static int[] singletons(int n) {
        int[] p = new int[n];
        for (int v = 0; v < n; v++) {
            p[v] = v;
        }
        return p;
    }

    @Test
    void localMovingFindsTheTwoTrianglesAndThenStops() {
        CompactGraph g = twoTriangles();
        int[] p = singletons(6);
        long moves = LocalMovePhase.run(g, strengths(g), 1.0 / 14, p, new SplittableRandom(1), TerminationFlag.RUNNING_TRUE);
        assertThat(moves).isPositive();
        assertThat(p[0]).isEqualTo(p[1]).isEqualTo(p[2]);
        assertThat(p[3]).isEqualTo(p[4]).isEqualTo(p[5]);
        assertThat(p[0]).isNotEqualTo(p[3]);
        // a local optimum: a second run moves nothing
        assertThat(LocalMovePhase.run(g, strengths(g), 1.0 / 14, p, new SplittableRandom(2), TerminationFlag.RUNNING_TRUE)).isZero();
    }

    @Test
    void localMovingLeavesABadlyPlacedVertexForAnEmptyCommunity() {
        // vertex 2 sits with {3,4,5} but has 2 edges to... nothing else: put a pendant 6 attached to 0 in {3,4,5}
        CompactGraph g = new CompactGraphBuilder(7).addEdge(0, 1).addEdge(1, 2).addEdge(0, 2)
                .addEdge(3, 4).addEdge(4, 5).addEdge(3, 5).addEdge(6, 6).build();
        int[] p = {0, 0, 0, 3, 3, 3, 3}; // 6 only has a self-loop: leaving {3,4,5} raises modularity
        LocalMovePhase.run(g, strengths(g), 1.0 / (2 * g.totalWeight()), p, new SplittableRandom(1), TerminationFlag.RUNNING_TRUE);
        assertThat(p[6]).isNotIn(p[0], p[3]);
    }

    @Test
    void refinementSplitsACommunityIntoItsConnectedParts() {
        // P puts both triangles (without the bridge) in one community; refinement must separate them
        CompactGraph g = new CompactGraphBuilder(6).addEdge(0, 1).addEdge(1, 2).addEdge(0, 2)
                .addEdge(3, 4).addEdge(4, 5).addEdge(3, 5).build();
        int[] p = {0, 0, 0, 0, 0, 0};
        int[] r = RefinementPhase.run(g, strengths(g), 1.0 / 12, p, 0.01, new SplittableRandom(3), TerminationFlag.RUNNING_TRUE);
        // no sub-community spans both triangles (they are not connected), and some vertices merged
        for (int u = 0; u < 3; u++) {
            for (int v = 3; v < 6; v++) {
                assertThat(r[u]).isNotEqualTo(r[v]);
            }
        }
        assertThat(Arrays.stream(r).distinct().count()).isLessThan(6);
        assertThat(p).containsOnly(0); // input untouched
    }

    @Test
    void theRefinementsSkippedExponentsAreThoseWhoseExpIsZero() {
        // the weights of candidates far below the best are 0 without calling exp: exactly what exp would give
        assertThat(Math.exp(RefinementPhase.EXP_ZERO)).isZero();
        assertThat(Math.exp(-745.0)).isPositive();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(Math.exp(RefinementPhase.EXP_ZERO - r.nextDouble() * 1e4)).isZero();
        }
    }

    @Test
    void refinementNeverCrossesCommunities() {
        CompactGraph g = twoTriangles();
        int[] p = {0, 0, 1, 1, 1, 1}; // 2 placed with the other triangle
        int[] r = RefinementPhase.run(g, strengths(g), 1.0 / 14, p, 0, new SplittableRandom(3), TerminationFlag.RUNNING_TRUE);
        for (int u = 0; u < 6; u++) {
            for (int v = 0; v < 6; v++) {
                if (r[u] == r[v]) {
                    assertThat(p[u]).isEqualTo(p[v]);
                }
            }
        }
        assertThat(r[0]).isEqualTo(r[1]);
        assertThat(r[3]).isEqualTo(r[4]).isEqualTo(r[5]);
    }

    @Test
    void aggregationKeepsWeightsStrengthsAndModularity() {
        CompactGraph g = twoTriangles();
        int[] group = {0, 0, 0, 1, 1, 1};
        GraphAggregationPhase.Aggregate agg = GraphAggregationPhase.run(g, strengths(g), group, 2, 1);
        CompactGraph a = agg.graph();
        assertThat(a.nodeCount()).isEqualTo(2);
        assertThat(a.edgeCount()).isEqualTo(3); // two self-loops and the bridge
        assertThat(a.totalWeight()).isEqualTo(7.0);
        assertThat(agg.volume()).containsExactly(7.0, 7.0);
        assertThat(a.strength(0)).isEqualTo(7.0);
        double loop = 0, bridge = 0;
        for (int i = a.start(0); i < a.end(0); i++) {
            if (a.target(i) == 0) {
                loop = a.weight(i);
            } else {
                bridge = a.weight(i);
            }
        }
        assertThat(loop).isEqualTo(3.0);
        assertThat(bridge).isEqualTo(1.0);
        assertThat(ModularityComputer.compute(a, new int[]{0, 1}))
                .isCloseTo(ModularityComputer.compute(g, group), within(1e-12));
    }

    @Test
    void parallelAggregationEqualsSequential() {
        CompactGraph g = TestGraphs.plantedPartition(100, 500, 0.01, 0.0005, 5);
        int[] group = new int[g.nodeCount()];
        for (int v = 0; v < group.length; v++) {
            group[v] = v / 2; // 25,000 groups: enough to split over two threads
        }
        var one = GraphAggregationPhase.run(g, strengths(g), group, group.length / 2, 1);
        var two = GraphAggregationPhase.run(g, strengths(g), group, group.length / 2, 2);
        assertThat(two.graph().edgeCount()).isEqualTo(one.graph().edgeCount());
        for (int v = 0; v < one.graph().nodeCount(); v++) {
            assertThat(two.graph().strength(v)).isEqualTo(one.graph().strength(v));
        }
        assertThat(two.volume()).isEqualTo(one.volume());
    }

    @Test
    void shuffleIsASeededPermutation() {
        int[] order = Partitions.shuffled(10_000, new SplittableRandom(1));
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(singletons(10_000));
        assertThat(order).isNotEqualTo(singletons(10_000));
        assertThat(Partitions.shuffled(10_000, new SplittableRandom(1))).isEqualTo(order);
    }
}
