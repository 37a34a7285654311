package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cohesion of a follow block's targets ({@link TargetCohesion}) on hand-built follow graphs with known answers:
 * the configuration model's chance density, targets without ties, targets that all follow one another, one tie among
 * three targets; and through the block formula of {@link ClusterScorer}, the same platform with two blocks of 80
 * followers and 6 targets each: the most devoted readers of one party's six accounts, which follow one another as a
 * party's candidates and spokespeople do (a block the community model missed; it scores above the suspicious score
 * without the factor), and a farm's 80 accounts following six customers of one vendor that have nothing to do with one
 * another.
 */
class TargetCohesionTest {
    private static final int CLUSTER_ID = 0;

    private static Acquaintance.Ties ties(int members, long oneWay, long mutual) {
        return new Acquaintance.Ties(members, 0, oneWay, mutual);
    }

    @Test
    void theChanceDensityIsTheConfigurationModelsOnTheGroup() {
        // a0 -> a1, a0 -> a2, a1 -> a2, a3 -> a2, a3 -> a0: m = 5; in-degrees a0 1, a1 1, a2 3; out a0 2, a1 1, a2 0
        Timeline t = new Timeline();
        t.accounts("a0", "a1", "a2", "a3");
        t.b.addFollow("a0", "a1");
        t.b.addFollow("a0", "a2");
        t.b.addFollow("a1", "a2");
        t.b.addFollow("a3", "a2");
        t.b.addFollow("a3", "a0");
        Activity a = t.build();
        LockstepReaders r = new ClusterScorer(a, CoordinationParams.defaults()).readers();
        int[] group = {t.id("a0"), t.id("a1"), t.id("a2")};
        Arrays.sort(group);
        // Σ in over the group = 5; E = 2 (5 - 1) / 5 + 1 (5 - 1) / 5 + 0 = 12 / 5, over 3 * 2 ordered pairs
        assertThat(r.chanceTieDensity(group)).isCloseTo(12.0 / 5 / 6, within(1e-12));
        assertThat(r.chanceTieDensity(new int[]{t.id("a0")})).isZero();
    }

    @Test
    void targetsWithoutTiesOrBelowChanceHaveNoCohesion() {
        assertThat(TargetCohesion.cohesion(ties(20, 0, 0), 0.01)).isZero();
        // 4 edges of 380 ordered pairs, chance 0.05: fewer than chance
        assertThat(TargetCohesion.cohesion(ties(20, 4, 0), 0.05)).isZero();
        assertThat(TargetCohesion.cohesion(ties(1, 0, 0), 0.0)).isZero();
        assertThat(TargetCohesion.factor(ties(20, 100, 50), 0.0, 0)).isEqualTo(1.0);
    }

    @Test
    void targetsThatAllFollowOneAnotherAreCohesive() {
        // 30 targets, every pair mutual: d = 1 read at its Wilson lower end over 870 ordered pairs
        double k = TargetCohesion.cohesion(ties(30, 0, 435), 0.0);
        assertThat(k).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
        assertThat(TargetCohesion.factor(ties(30, 0, 435), 0.0, 1)).isCloseTo(1 - k, within(1e-12));
        // popular targets: the chance density is taken out, (d - d0) / (1 - d0)
        double popular = TargetCohesion.cohesion(ties(30, 0, 435), 0.5);
        assertThat(popular).isCloseTo((k - 0.5) / 0.5, within(1e-12));
    }

    @Test
    void oneTieAmongThreeTargetsCannotClearABlock() {
        // 1 edge of 6 ordered pairs: 1/6 observed, its Wilson lower end ≈ 0.03
        double k = TargetCohesion.cohesion(ties(3, 1, 0), 0.0);
        assertThat(k).isGreaterThan(0).isLessThan(0.05);
    }

    /**
     * A platform of 600 background accounts following 20 random accounts each; twelve accounts 600..611 with an
     * audience of their own (each followed by about 30 background accounts). The party (600..605) follow one another,
     * every ordered pair with probability 0.7; the vendor's customers (606..611) follow background accounts only. 80
     * devoted readers (612..691) follow 5 or 6 of the party's accounts, 12 of them retweet the party now and then (the
     * readers the audience factor sees) and 60 post about other things; 80 farm accounts (692..771) follow 5 or 6 of the customers and never post.
     */
    @Test
    void aCrowdOfOneInterestIsClearedAndAVendorsFarmIsNot() {
        SplittableRandom r = new SplittableRandom(19);
        Timeline t = new Timeline();
        int n = 772;
        for (int i = 0; i < n; i++) {
            t.accounts("a" + i);
        }
        for (int u = 0; u < 600; u++) {
            for (int i = 0; i < 20; i++) {
                int v = r.nextInt(600);
                if (v != u) {
                    t.b.addFollow("a" + u, "a" + v);
                }
            }
            for (int x = 600; x < 612; x++) {
                if (r.nextDouble() < 0.05) {
                    t.b.addFollow("a" + u, "a" + x);
                }
            }
        }
        for (int x = 600; x < 606; x++) {
            for (int y = 600; y < 606; y++) {
                if (x != y && r.nextDouble() < 0.7) {
                    t.b.addFollow("a" + x, "a" + y);
                }
            }
        }
        for (int x = 606; x < 612; x++) {
            for (int i = 0; i < 10; i++) {
                t.b.addFollow("a" + x, "a" + r.nextInt(600));
            }
        }
        long time = 1_700_000_000L;
        for (int x = 600; x < 606; x++) {
            t.tweet("p" + x, "a" + x, time + x * 7_200L);
        }
        int[] crowd = follow(t, r, 612, 600);
        int[] farm = follow(t, r, 692, 606);
        for (int i = 0; i < 12; i++) {
            // a reader retweets one of the party's posts at a time of its own, hours apart from any other reader
            t.retweet("a" + (612 + i * 5), time + 100_000L + i * 7_200L, "p" + (600 + i % 6));
        }
        for (int i = 0; i < 60; i++) {
            // most of the crowd posts about other things, at times of their own
            t.tweet("own" + i, "a" + (612 + i), time + 200_000L + i * 7_200L);
        }
        Activity a = t.build();
        int[] crowdIds = ids(t, crowd);
        int[] farmIds = ids(t, farm);
        int[] party = ids(t, range(600, 606));
        int[] customers = ids(t, range(606, 612));
        DenseBlock crowdBlock = block(a, crowdIds, party);
        DenseBlock farmBlock = block(a, farmIds, customers);
        CoordinationParams on = CoordinationParams.defaults();
        CoordinationParams off = withCohesion(on, 0);
        double suspicious = on.cluster().suspiciousScore();

        double crowdOff = new ClusterScorer(a, off).score(CLUSTER_ID, crowdIds, List.of(), 0, crowdBlock).score();
        double crowdOn = new ClusterScorer(a, on).score(CLUSTER_ID, crowdIds, List.of(), 0, crowdBlock).score();
        double farmOff = new ClusterScorer(a, off).score(CLUSTER_ID, farmIds, List.of(), 0, farmBlock).score();
        double farmOn = new ClusterScorer(a, on).score(CLUSTER_ID, farmIds, List.of(), 0, farmBlock).score();
        ClusterScorer scorer = new ClusterScorer(a, on);

        assertThat(scorer.targetCohesion(crowdBlock)).isGreaterThan(0.3);
        assertThat(scorer.targetCohesion(farmBlock)).isZero();
        assertThat(crowdOff).as("the crowd without the factor").isGreaterThanOrEqualTo(suspicious);
        assertThat(crowdOn).as("the crowd with it").isLessThan(suspicious);
        assertThat(farmOff).as("the farm without the factor").isGreaterThanOrEqualTo(suspicious);
        assertThat(farmOn).as("the farm with it").isEqualTo(farmOff);
        assertThat(CoordinationParams.ScoreWeights.DEFAULT_BLOCK_COHESION).isEqualTo(1.0);
    }

    /** 80 accounts from {@code first}, each following 5 or 6 of the six accounts from {@code targets}. */
    private static int[] follow(Timeline t, SplittableRandom r, int first, int targets) {
        int[] members = range(first, first + 80);
        for (int u : members) {
            int skip = r.nextDouble() < 0.5 ? targets + r.nextInt(6) : -1;
            for (int x = targets; x < targets + 6; x++) {
                if (x != skip) {
                    t.b.addFollow("a" + u, "a" + x);
                }
            }
        }
        return members;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static int[] ids(Timeline t, int[] names) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = t.id("a" + names[i]);
        }
        Arrays.sort(out);
        return out;
    }

    /** The block of {@code followers} and {@code targets} as the follow signal reports one the model cannot explain. */
    private static DenseBlock block(Activity a, int[] followers, int[] targets) {
        List<Integer> tl = new ArrayList<>();
        for (int x : targets) {
            tl.add(x);
        }
        long observed = 0;
        for (int f = 0; f < a.followCount(); f++) {
            if (Arrays.binarySearch(followers, a.follower(f)) >= 0 && tl.contains(a.followee(f))) {
                observed++;
            }
        }
        double density = (double) observed / (followers.length * targets.length);
        return new DenseBlock(followers, targets, density, observed, 20.0, 1e-40);
    }

    private static CoordinationParams withCohesion(CoordinationParams p, double g) {
        CoordinationParams.ScoreWeights w = p.cluster().weights();
        return p.withCluster(p.cluster().withWeights(new CoordinationParams.ScoreWeights(w.timed(), w.block(),
                w.acquaintance(), w.blockAcquaintance(), g)));
    }
}
