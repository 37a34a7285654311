package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The acquaintance of a group ({@link Acquaintance}) on hand-built follow graphs with known answers: fans who follow
 * one another back, a botnet whose accounts follow a few others at random (small and dense, large and sparse), a group
 * where everyone follows everyone, a large group with two pairs of friends, and a group without ties; and end to end,
 * the same co-retweeting group scored as strangers, as friends who follow one another back, and as a script that
 * follows at random.
 */
class AcquaintanceTest {
    /** Accounts a0..a(n-1); the follows given as pairs {follower, followee}. */
    private static Activity follows(int n, int[][] edges) {
        Timeline t = new Timeline();
        for (int i = 0; i < n; i++) {
            t.accounts("a" + i);
        }
        for (int[] e : edges) {
            t.b.addFollow("a" + e[0], "a" + e[1]);
        }
        return t.build();
    }

    /** Accounts are numbered in the order they were added: a0 is 0. */
    private static int[] all(int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        return m;
    }

    private static Acquaintance.Ties ties(Activity a, int n) {
        return new ClusterScorer(a, CoordinationParams.defaults()).acquaintanceTies(all(n));
    }

    /** Each of n accounts follows k others at random; each follow is returned with probability back. */
    private static Activity random(int n, int k, double back, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> e = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int i = 0; i < k; i++) {
                int v = r.nextInt(n);
                if (v == u) {
                    continue;
                }
                e.add(new int[]{u, v});
                if (r.nextDouble() < back) {
                    e.add(new int[]{v, u});
                }
            }
        }
        return follows(n, e.toArray(new int[0][]));
    }

    @Test
    void countsOneWayAndMutualPairsAndTheAcquaintedMembers() {
        // a0 <-> a1, a1 -> a2, a3 -> a0, a3 <-> a4, a5 alone; a repeated follow counts once
        Activity a = follows(6, new int[][]{{0, 1}, {1, 0}, {1, 2}, {3, 0}, {3, 4}, {4, 3}, {1, 2}});
        Acquaintance.Ties t = ties(a, 6);
        assertThat(t.mutual()).isEqualTo(2);
        assertThat(t.oneWay()).isEqualTo(2);
        assertThat(t.acquainted()).isEqualTo(4);
        assertThat(t.edges()).isEqualTo(6);
        assertThat(t.density()).isCloseTo(6 / 30.0, within(1e-12));
        assertThat(t.reciprocated()).isCloseTo(4 / 6.0, within(1e-12));
    }

    @Test
    void fansWhoFollowBackAreAcquainted() {
        // 120 fans, each follows 8 others and half of those follow back: r about 0.67 at a density of 0.1
        Acquaintance.Ties t = ties(random(120, 8, 0.5, 1), 120);
        assertThat(Acquaintance.rho(t)).isGreaterThan(0.5);
        assertThat(t.acquaintedShare()).isGreaterThan(0.9);
        assertThat(Acquaintance.factor(t, 1)).isLessThan(0.5);
    }

    @Test
    void aSmallBotnetFollowingAtRandomIsNot() {
        // the simulator's botnet: 20 accounts, each follows 5 others at random; r and the density both about 0.25
        for (long seed = 1; seed <= 20; seed++) {
            Acquaintance.Ties t = ties(random(20, 5, 0, seed), 20);
            assertThat(t.reciprocated()).as("seed " + seed).isGreaterThan(0.05);
            assertThat(Acquaintance.factor(t, 1)).as("seed " + seed).isEqualTo(1.0);
        }
    }

    @Test
    void aLargeSparseBotnetIsNot() {
        // the fourth generator's botnet: 200 amplifiers, each follows up to 10 others at random
        Acquaintance.Ties t = ties(random(200, 5, 0, 7), 200);
        assertThat(Acquaintance.factor(t, 1)).isEqualTo(1.0);
    }

    @Test
    void everyoneFollowingEveryoneIsNoEvidence() {
        int n = 12;
        int[][] e = new int[n * (n - 1)][];
        int k = 0;
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (u != v) {
                    e[k++] = new int[]{u, v};
                }
            }
        }
        Acquaintance.Ties t = ties(follows(n, e), n);
        assertThat(t.density()).isEqualTo(1.0);
        assertThat(Acquaintance.rho(t)).isZero();
        assertThat(Acquaintance.factor(t, 1)).isEqualTo(1.0);
    }

    @Test
    void twoPairsOfFriendsInALargeGroupMoveItLittle() {
        Acquaintance.Ties t = ties(follows(200, new int[][]{{0, 1}, {1, 0}, {2, 3}, {3, 2}}), 200);
        assertThat(Acquaintance.rho(t)).isGreaterThan(0);
        assertThat(t.acquaintedShare()).isCloseTo(0.02, within(1e-12));
        assertThat(Acquaintance.factor(t, 1)).isGreaterThan(0.98);
    }

    @Test
    void noTiesNoFactorAndWeightZeroChangesNothing() {
        Acquaintance.Ties none = ties(follows(10, new int[0][]), 10);
        assertThat(Acquaintance.rho(none)).isZero();
        assertThat(Acquaintance.factor(none, 1)).isEqualTo(1.0);
        Acquaintance.Ties fans = ties(random(60, 6, 0.6, 3), 60);
        assertThat(Acquaintance.factor(fans, 0)).isEqualTo(1.0);
        assertThat(Acquaintance.factor(fans, 0.5)).isCloseTo(1 - 0.5 * Acquaintance.rho(fans) * fans.acquaintedShare(),
                within(1e-12));
    }

    /** The detector's one cluster on {@link CoordinationDetectorTest#botnet} with the six bots' follows added. */
    private static Cluster coRetweeters(int[][] botFollows, double weight) {
        Timeline t = CoordinationDetectorTest.botnet();
        for (int[] e : botFollows) {
            t.b.addFollow("bot" + e[0], "bot" + e[1]);
        }
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet"));
        p = p.withCluster(p.cluster().withWeights(new CoordinationParams.ScoreWeights(p.cluster().weights().timed(),
                p.cluster().weights().block(), weight, 0)));
        CoordinationResult r = new CoordinationDetector(p).run(t.build(), ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        assertThat(r.clusters()).hasSize(1);
        return r.clusters().get(0);
    }

    @Test
    void friendsWhoFollowOneAnotherBackScoreLowerThanStrangersAndAScriptDoesNot() {
        double strangers = coRetweeters(new int[0][], 1).score();
        // a ring of mutual follows: 6 mutual pairs of 15, every bot in one; r read at the Wilson bound 6 / 9.84,
        // 2q / (1 + q) = 0.758, the density 12 / 30, rho = (0.758 - 0.4) / 0.6 = 0.597, factor 0.403
        int[][] ring = new int[12][];
        for (int b = 0; b < 6; b++) {
            ring[2 * b] = new int[]{b, (b + 1) % 6};
            ring[2 * b + 1] = new int[]{(b + 1) % 6, b};
        }
        double q = 6 / (6 + 1.96 * 1.96);
        double rho = (2 * q / (1 + q) - 0.4) / 0.6;
        assertThat(coRetweeters(ring, 1).score()).isCloseTo(strangers * (1 - rho), within(1e-9));
        assertThat(coRetweeters(ring, 0).score()).isEqualTo(strangers);
        // a script: each bot follows the next two, none returned (12 one-way pairs): rho < 0, the score unchanged
        int[][] script = new int[12][];
        for (int b = 0; b < 6; b++) {
            script[2 * b] = new int[]{b, (b + 1) % 6};
            script[2 * b + 1] = new int[]{b, (b + 2) % 6};
        }
        assertThat(coRetweeters(script, 1).score()).isEqualTo(strangers);
    }

    @Test
    void theBlockFormulaTakesTheFactorOnlyAtItsOwnWeight() {
        // 60 followers of two targets (accounts 60, 61) who follow one another back: a block scored by the block formula
        Activity fans = random(62, 6, 0.6, 5);
        Timeline t = new Timeline();
        for (int i = 0; i < 62; i++) {
            t.accounts("a" + i);
        }
        for (int f = 0; f < fans.followCount(); f++) {
            if (fans.follower(f) < 60 && fans.followee(f) < 60) {
                t.b.addFollow("a" + fans.follower(f), "a" + fans.followee(f));
            }
        }
        for (int i = 0; i < 60; i++) {
            t.b.addFollow("a" + i, "a60");
            t.b.addFollow("a" + i, "a61");
        }
        Activity a = t.build();
        int[] followers = all(60);
        DenseBlock block = new DenseBlock(followers, new int[]{60, 61}, 1.0, 120, 2.0, 1e-12);
        CoordinationParams p = CoordinationParams.defaults();
        CoordinationParams.ScoreWeights w = p.cluster().weights();
        double off = blockScore(a, p, w.timed(), w.block(), 1, 0, followers, block);
        double on = blockScore(a, p, w.timed(), w.block(), 1, 1, followers, block);
        double factor = Acquaintance.factor(new ClusterScorer(a, p).acquaintanceTies(followers), 1);
        assertThat(factor).isLessThan(0.7);
        assertThat(off).isGreaterThan(0);
        assertThat(on).isCloseTo(off * factor, within(1e-12));
        assertThat(CoordinationParams.ScoreWeights.DEFAULT_BLOCK_ACQUAINTANCE).isZero();
    }

    private static double blockScore(Activity a, CoordinationParams p, CoordinationParams.TimedWeights timed,
                                     CoordinationParams.BlockWeights blockWeights, double g, double gBlock,
                                     int[] members, DenseBlock block) {
        CoordinationParams q = p.withCluster(p.cluster().withWeights(
                new CoordinationParams.ScoreWeights(timed, blockWeights, g, gBlock)));
        return new ClusterScorer(a, q).score(0, members, List.of(), 0, block).score();
    }
}
