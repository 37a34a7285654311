package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CapturedTargetSeeds} phase by phase (captured targets, members, seeds), the signal's rounds from them on a
 * slow farm (the rounds switched on: {@code LockstepFollowSignal#capturedSeeds}), and the honest look-alikes that must yield no block: a club whose officers follow their members back,
 * the readers of a city's outlets that follow the city's accounts.
 */
class CapturedTargetSeedsTest {

    /**
     * A hand-built graph with its partition: community 0 (accounts 0–9) each follow the next four and their star 0, which
     * follows members 1–5 back; community 1 holds a farm (10–21), each member following two or three of the clients
     * 22–24 and one account of community 0, the clients following accounts of community 0 (the community they live
     * in), and account 25, which follows two clients and three farm members.
     */
    private static final int[] COMMUNITY = IntStream.range(0, 26).map(v -> v < 10 ? 0 : 1).toArray();

    private static DenseBlockFinder handBuilt() {
        long[] sorted = handBuiltFollows().stream().mapToLong(Long::longValue).sorted().toArray();
        return DenseBlockFinder.ofPairs(26, sorted);
    }

    /** The follows of {@link #handBuilt} ({@code follower << 32 | followee}), for graphs that extend it. */
    static Set<Long> handBuiltFollows() {
        Set<Long> pairs = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            for (int k = 1; k <= 4; k++) {
                pairs.add(edge(i, (i + k) % 10));
            }
            if (i != 0) {
                pairs.add(edge(i, 0));
            }
        }
        for (int k = 1; k <= 5; k++) {
            pairs.add(edge(0, k));
        }
        for (int f = 10; f < 22; f++) {
            pairs.add(edge(f, 22));
            pairs.add(edge(f, 23 + f % 2));
            if (f % 3 == 0) {
                pairs.add(edge(f, 24 - f % 2));
            }
            pairs.add(edge(f, f % 10));
        }
        for (int c = 22; c < 25; c++) {
            for (int k = 1; k < 4; k++) {
                pairs.add(edge(c, k + c % 3));
            }
        }
        pairs.add(edge(25, 22));
        pairs.add(edge(25, 23));
        for (int f = 10; f < 13; f++) {
            pairs.add(edge(25, f));
        }
        return pairs;
    }

    private static long edge(int from, int to) {
        return (long) from << 32 | to;
    }

    /** The clients are captured by the farm's community; the star, rooted in its own, is not. */
    @Test
    void capturedTargetsAreTheUnrootedAccountsWhoseAudienceOneCommunityOwns() {
        int[] home = CapturedTargetSeeds.capturedTargets(handBuilt(), 26, COMMUNITY);
        assertThat(home[22]).isEqualTo(1);
        assertThat(home[23]).isEqualTo(1);
        assertThat(home[24]).isEqualTo(1);
        // star 0: followed by community 0, follows community 0: rooted there
        assertThat(home[0]).isEqualTo(-1);
        // farm members have no follower (or one): no audience to own
        assertThat(IntStream.range(10, 22).map(v -> home[v])).containsOnly(-1);
        assertThat(CapturedTargetSeeds.homeOf(handBuilt(), COMMUNITY, 22)).isEqualTo(1);
    }

    /**
     * The seed of community 1: the twelve farm members (each follows two or three clients, its only follows into
     * the community), not account 25 (two clients among five follows into the community), with the three clients.
     */
    @Test
    void aSeedHoldsTheMembersTiedToTheirCommunityOnlyByItsCapturedTargets() {
        List<CapturedTargetSeeds.Seed> seeds = CapturedTargetSeeds.seeds(handBuilt(), 26, 0, COMMUNITY, 10);
        assertThat(seeds).hasSize(1);
        CapturedTargetSeeds.Seed s = seeds.get(0);
        assertThat(s.community()).isEqualTo(1);
        assertThat(s.members()).containsExactly(IntStream.range(10, 22).toArray());
        assertThat(s.targets()).containsExactly(22, 23, 24);
        // below minFollowers: no seed
        assertThat(CapturedTargetSeeds.seeds(handBuilt(), 26, 0, COMMUNITY, 13)).isEmpty();
    }

    /** The same community found in two partitions is one seed; limits and partitions are checked where they enter. */
    @Test
    void seedsAcrossPartitionsDropRepeatsAndCheckTheirArguments() {
        DenseBlockFinder g = handBuilt();
        List<CapturedTargetSeeds.Seed> seeds = CapturedTargetSeeds.seeds(g, 26, List.of(COMMUNITY, COMMUNITY), 10, 5);
        assertThat(seeds).hasSize(1);
        assertThat(seeds.get(0).partition()).isZero();
        assertThat(CapturedTargetSeeds.seeds(g, 26, List.of(COMMUNITY), 10, 0)).isEmpty();
        assertThatThrownBy(() -> CapturedTargetSeeds.seeds(g, 26, List.of(new int[3]), 10, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition 0");
        assertThatThrownBy(() -> CapturedTargetSeeds.seeds(g, 26, List.of(COMMUNITY), 1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minFollowers");
        // captured by a block: in one community nothing is a captured target, but the farm (10–21) follows client 22
        // twelve times as often as the rest of the graph does (account 25)
        int[] one = new int[26];
        List<int[]> single = List.of(one);
        int[][] homes = CapturedTargetSeeds.homes(g, 26, single);
        int[] farm = IntStream.range(10, 22).toArray();
        assertThat(CapturedTargetSeeds.capturedBy(g, single, homes, farm, new int[] {0, 22}, 4.0)).containsExactly(0, 1);
        assertThat(CapturedTargetSeeds.capturedBy(g, single, homes, farm, new int[] {0, 22}, 20.0)).containsExactly(0, 0);
        int[] counts = CapturedTargetSeeds.capturedCounts(g, 26, List.of(COMMUNITY, COMMUNITY));
        assertThat(new int[] {counts[22], counts[23], counts[24], counts[0], counts[25]}).containsExactly(2, 2, 2, 0, 0);
        assertThatThrownBy(() -> CapturedTargetSeeds.capturedCounts(g, 26, List.of(new int[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("26 accounts");
    }

    /**
     * The slow farm of the eight homophilous communities ({@link FollowGraphs#slowFarm}: 40 accounts created one by
     * one over three months, each following 3–5 of 7 obscure clients and 10–30 random accounts), which Leiden makes
     * a community of its own with its clients: a captured seed holds it, and the signal keeps it as a block of its
     * members and clients, with no ordinary account.
     */
    @Test
    void theSignalFindsASlowFarmThatIsACommunityOfItsOwn() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(11);
        List<String> farm = gen.slowFarm(40, 7, 3, 5);
        Activity a = gen.build();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed());
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        signal.capturedSeeds = true;
        List<CapturedTargetSeeds.Seed> seeds = signal.capturedSeeds(finder, n, model.partitions(n));
        assertThat(seeds).anySatisfy(s -> {
            List<String> members = LockstepFollowSignalTest.names(a, s.members());
            assertThat(members).hasSizeGreaterThanOrEqualTo(30).allMatch(farm::contains);
            assertThat(LockstepFollowSignalTest.names(a, s.targets())).allMatch(x -> x.startsWith("slow"));
        });

        SignalGraph g = signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Set<String> inBlocks = new HashSet<>();
        for (DenseBlock b : g.blocks()) {
            inBlocks.addAll(LockstepFollowSignalTest.names(a, b.followers()));
        }
        assertThat(inBlocks).as(FollowNullModelTest.describe(a, g)).allMatch(farm::contains);
        assertThat(inBlocks).hasSizeGreaterThanOrEqualTo(30);

    }

    /**
     * A club: a community of 150 whose members all follow its five officers, who follow every member back. The
     * officers are rooted in the club (their follows go to it), so no partition captures them, and the signal
     * finds no block.
     */
    @Test
    void aClubFollowingItsOfficersWhoFollowBackYieldsNoBlock() {
        Activity a = FollowNullModelTest.communities(3, 1200, 800, 600, 150).follows(36, 0.8, 0.85)
                .everyoneFollowsStars(3, 5).starsFollowBack(3, 5).build();
        assertNoCapturedOfficersAndNoBlock(a, IntStream.range(0, 5).mapToObj(k -> FollowGraphs.member(3, k)).toList());
    }

    /**
     * The readers of a city's four outlets: 60 % of a community of 300 follow each outlet, and each outlet follows
     * 40 of the city's accounts. The outlets are rooted in the city's community: no captured seed, no block.
     */
    @Test
    void theReadersOfLocalOutletsThatFollowTheirCityYieldNoBlock() {
        FollowGraphs gen = FollowNullModelTest.communities(4, 1200, 800, 600, 300).follows(36, 0.8, 0.85);
        List<String> outlets = gen.localOutlets(3, 4, 0.6, 40);
        assertNoCapturedOfficersAndNoBlock(gen.build(), outlets);
    }

    private static void assertNoCapturedOfficersAndNoBlock(Activity a, List<String> targets) {
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed());
        int[] captured = CapturedTargetSeeds.capturedCounts(finder, n, model.partitions(n));
        for (String t : targets) {
            assertThat(captured[LockstepFollowSignalTest.indexOf(a, t)]).as(t).isZero();
        }
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        signal.capturedSeeds = true;
        SignalGraph g = signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(g.blocks()).as(FollowNullModelTest.describe(a, g)).isEmpty();
    }

    /**
     * {@code burstCore}'s rate test for the captured seeds: 120 accounts created one every 18 hours (ten in any
     * seven days, a steady stream) are no burst with it and a burst without it; 15 accounts created within a day
     * among 60 created over three years are a burst either way.
     */
    @Test
    void theRateTestTellsASteadyStreamFromABurst() {
        ActivityBuilder b = new ActivityBuilder();
        for (int i = 0; i < 120; i++) {
            b.account("s" + i, "s" + i, FollowGraphs.NOW - 100 * FollowGraphs.DAY + i * 18 * 3600L, 0);
        }
        for (int i = 0; i < 60; i++) {
            b.account("o" + i, "o" + i, FollowGraphs.NOW - 3 * FollowGraphs.YEAR + i * 18 * FollowGraphs.DAY, 0);
        }
        for (int i = 0; i < 15; i++) {
            b.account("b" + i, "b" + i, FollowGraphs.NOW - FollowGraphs.YEAR + i * 3600L, 0);
        }
        Activity a = b.build();
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        int[] stream = ids(a, "s", 120);
        assertThat(signal.burstCore(a, stream, true)).isEmpty();
        assertThat(signal.burstCore(a, stream, false)).hasSize(10);
        int[] mixed = concat(ids(a, "o", 60), ids(a, "b", 15));
        assertThat(LockstepFollowSignalTest.names(a, signal.burstCore(a, mixed, true)))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(IntStream.range(0, 15).mapToObj(i -> "b" + i)
                        .toArray(String[]::new)));
        assertThat(signal.burstCore(a, mixed, false)).containsExactly(signal.burstCore(a, mixed, true));
    }

    private static int[] ids(Activity a, String prefix, int count) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(LockstepFollowSignalTest.indexOf(a, prefix + i));
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] concat(int[] x, int[] y) {
        int[] out = IntStream.concat(Arrays.stream(x), Arrays.stream(y)).toArray();
        Arrays.sort(out);
        return out;
    }
}
