package io.lockstep.visual.layout;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForceAtlas2Test {
    /** Two 5-cliques (0..4, 5..9) joined by the edge 4-5. */
    static CompactGraph twoCliques() {
        CompactGraphBuilder b = new CompactGraphBuilder(10);
        for (int base : new int[]{0, 5}) {
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    b.addEdge(base + i, base + j);
                }
            }
        }
        b.addEdge(4, 5);
        return b.build();
    }

    static double dist(ForceAtlas2.Positions p, int a, int b) {
        return Math.hypot(p.x()[a] - p.x()[b], p.y()[a] - p.y()[b]);
    }

    @Test
    void cliquesEndUpApartAndCompact() {
        ForceAtlas2.Positions p = new ForceAtlas2(ForceAtlas2.Params.defaults().withIterations(400).withThreads(1))
                .layout(twoCliques(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        double maxInside = 0, minAcross = Double.MAX_VALUE;
        for (int a = 0; a < 10; a++) {
            for (int b = a + 1; b < 10; b++) {
                boolean same = (a < 5) == (b < 5);
                if (same) {
                    maxInside = Math.max(maxInside, dist(p, a, b));
                } else if (a != 4 || b != 5) {
                    minAcross = Math.min(minAcross, dist(p, a, b));
                }
            }
        }
        assertThat(maxInside).isLessThan(minAcross);
        for (int i = 0; i < 10; i++) {
            assertThat(p.x()[i]).isFinite();
        }
    }

    @Test
    void sameSeedSameLayoutWhateverTheThreadCount() {
        // 2,000 nodes so that the parallel path (n / 256 >= 2 threads) really runs
        CompactGraphBuilder b = new CompactGraphBuilder(2000);
        Random r = new Random(3);
        for (int i = 0; i < 6000; i++) {
            b.addEdge(r.nextInt(2000), r.nextInt(2000));
        }
        CompactGraph g = b.build();
        ForceAtlas2.Params params = ForceAtlas2.Params.defaults().withIterations(20);
        ForceAtlas2.Positions one = new ForceAtlas2(params.withThreads(1)).layout(g, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        ForceAtlas2.Positions two = new ForceAtlas2(params.withThreads(2)).layout(g, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(two.x()).containsExactly(one.x());
        assertThat(two.y()).containsExactly(one.y());
        ForceAtlas2.Positions other = new ForceAtlas2(params.withSeed(43)).layout(g, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(other.x()[0]).isNotEqualTo(one.x()[0]);
    }

    @Test
    void barnesHutWithTinyThetaEqualsExactRepulsion() {
        double[] x = {0, 3, 0, 7}, y = {0, 0, 4, 7}, m = {1, 2, 3, 1};
        BarnesHutTree tree = new BarnesHutTree(x, y, m, 4);
        double[] out = new double[2];
        tree.repulsion(0, 1.0, 1e-9, new int[tree.stackSize()], out);
        // exact: sum over j of m0*mj/d^2 * (x0 - xj): j=1: 2/9*(-3); j=2: 3/16*0; j=3: 1/98*(-7)
        assertThat(out[0]).isCloseTo(-2.0 / 3 - 7.0 / 98, Offset.offset(1e-12));
        assertThat(out[1]).isCloseTo(-3.0 / 16 * 4 - 7.0 / 98, Offset.offset(1e-12));
    }

    @Test
    void validatesAndCancels() {
        assertThatThrownBy(() -> ForceAtlas2.Params.defaults().withIterations(0)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> ForceAtlas2.Params.defaults().withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> ForceAtlas2.Params.defaults().withScaling(-1)).hasMessageContaining("scaling");
        assertThatThrownBy(() -> new ForceAtlas2(ForceAtlas2.Params.defaults())
                .layout(twoCliques(), ProgressListener.NONE, () -> false)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> new ForceAtlas2(ForceAtlas2.Params.defaults())
                .layout(twoCliques(), new ForceAtlas2.Positions(new double[3], new double[3]), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE))
                .hasMessageContaining("3 positions for 10 nodes");
    }

    @Test
    void overlapsAreRemoved() {
        double[] x = {10, 10, 12}, y = {10, 10, 10}, r = {5, 5, 5};
        int left = Overlaps.remove(x, y, r, 1, 100, -1000, -1000, 1000, 1000);
        assertThat(left).isZero();
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                assertThat(Math.hypot(x[a] - x[b], y[a] - y[b])).isGreaterThanOrEqualTo(11 - 1e-9);
            }
        }
    }
}
