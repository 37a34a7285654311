package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LockstepFollowSignalTest {

    /**
     * Ten farm accounts f0..f9 each follow all twelve customers c0..c11, plus camouflage follows of the two most
     * popular accounts; 200 ordinary accounts follow 6 accounts each, biased to those two popular accounts.
     */
    static Activity farm(boolean camouflage) {
        Random r = new Random(3);
        Timeline t = new Timeline();
        for (int i = 0; i < 200; i++) {
            t.b.account("o" + i, "o" + i, 1_300_000_000L + 1_000_000L * i, 10);
        }
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 6; j++) {
                int target = r.nextDouble() < 0.5 ? r.nextInt(2) : r.nextInt(200);
                if (target != i) {
                    t.b.addFollow("o" + i, "o" + target);
                }
            }
        }
        for (int f = 0; f < 10; f++) {
            t.b.account("f" + f, "f" + f, 1_650_000_000L + 600L * f, 0);
            for (int c = 0; c < 12; c++) {
                t.b.addFollow("f" + f, "c" + c);
            }
            if (camouflage) {
                t.b.addFollow("f" + f, "o0");
                t.b.addFollow("f" + f, "o1");
            }
        }
        return t.build();
    }

    @Test
    void findsExactlyTheFarmPairs() {
        for (boolean camouflage : new boolean[]{false, true}) {
            Activity a = farm(camouflage);
            SignalGraph g = new LockstepFollowSignal(DetectionParams.defaults())
                    .detect(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            assertThat(g.edges()).as("camouflage " + camouflage).hasSize(45); // all pairs of 10 farm accounts
            for (CoordinationEdge e : g.edges()) {
                assertThat(a.accountId(e.source())).startsWith("f");
                assertThat(a.accountId(e.target())).startsWith("f");
                assertThat(e.count()).isEqualTo(12);
                assertThat(e.weight()).isEqualTo(1.0);
            }
            CoordinationEdge first = g.edges().get(0);
            assertThat(first.evidence()).hasSize(10);
            assertThat(first.evidence().get(0).item()).isEqualTo("c0");
            assertThat(first.evidence().get(0).sourceTime()).isEqualTo(1_650_000_000L);
            assertThat(first.evidence().get(0).targetTime()).isEqualTo(1_650_000_600L);
        }
    }

    @Test
    void followerFarmClusterIsScoredWithItsCreationBurst() {
        Activity a = farm(true);
        DetectionResult r = new CoordinationDetector(DetectionParams.defaults())
                .detect(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(r.clusters()).hasSize(1);
        Cluster c = r.clusters().get(0);
        assertThat(c.kind()).isEqualTo("follower-farm");
        assertThat(c.size()).isEqualTo(10);
        // density 1, all ten created within 90 minutes (creation burst 1), no posts: 0.5 + 0.35
        assertThat(c.score()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.firstSeen()).isEqualTo(Activity.NO_TIME);
    }

    @Test
    void peelingFindsTheDensestBlock() {
        // followers 0,1,2 follow targets 3,4,5 (a complete 3x3 block); follower 6 follows target 3 only
        int[] follower = {0, 0, 0, 1, 1, 1, 2, 2, 2, 6};
        int[] followee = {3, 4, 5, 3, 4, 5, 3, 4, 5, 3};
        DenseBlockFinder f = new DenseBlockFinder(7, follower, followee);
        boolean[] block = f.densest(new boolean[7]);
        StringBuilder s = new StringBuilder();
        for (int v = 0; v < 14; v++) {
            if (block[v]) {
                s.append(v < 7 ? "F" + v : "T" + (v - 7)).append(' ');
            }
        }
        assertThat(s.toString().trim()).isEqualTo("F0 F1 F2 T3 T4 T5");
    }
}
