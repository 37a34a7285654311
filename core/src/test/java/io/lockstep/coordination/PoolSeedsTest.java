package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PoolSeeds} phase by phase (clients, members, seeds) on a hand-built graph, then the signal's rounds from them:
 * a drip-feed pool found in the eight homophilous communities, and the honest look-alikes that must yield no block of
 * theirs: follow-train circles and a K-pop fan base.
 */
class PoolSeedsTest {

    /**
     * {@link CapturedTargetSeedsTest}'s hand-built graph with its partition (community 0, accounts 0–9, each following
     * the next four, and its star 0; community 1 holding a pool 10–21, each member following two or three of the
     * clients 22–24, which follow into community 0 where they live, and one account of community 0; account 25
     * following two clients and three pool members), extended in community 1 by a friend 26, followed by 27–38 (who
     * follow each other in a ring), following six of them back and seven accounts of community 0, and account 39,
     * which follows two clients and five accounts of its community that follow it back.
     */
    private static final int N = 40;
    private static final int[] COMMUNITY = IntStream.range(0, N).map(v -> v < 10 ? 0 : 1).toArray();

    private static DenseBlockFinder handBuilt() {
        Set<Long> pairs = CapturedTargetSeedsTest.handBuiltFollows();
        for (int f = 27; f < 39; f++) {
            pairs.add(edge(f, 26));
            if (f < 33) {
                pairs.add(edge(26, f));
            }
            pairs.add(edge(f, 27 + (f - 26) % 12));
        }
        for (int k : new int[] {0, 4, 5, 6, 7, 8, 9}) {
            pairs.add(edge(26, k));
        }
        pairs.add(edge(39, 22));
        pairs.add(edge(39, 23));
        for (int f = 27; f < 32; f++) {
            pairs.add(edge(39, f));
            pairs.add(edge(f, 39));
        }
        long[] sorted = pairs.stream().mapToLong(Long::longValue).sorted().toArray();
        return DenseBlockFinder.ofPairs(N, sorted);
    }

    private static long edge(int from, int to) {
        return (long) from << 32 | to;
    }

    /** The pool's clients are captured and followed one-way; the friend, captured too, follows its followers back. */
    @Test
    void clientsAreTheCapturedTargetsFollowedOneWay() {
        DenseBlockFinder g = handBuilt();
        int[] home = CapturedTargetSeeds.capturedTargets(g, N, COMMUNITY);
        assertThat(home[22]).isEqualTo(1);
        assertThat(home[26]).as("the friend's audience is community 1 and most of its follows go to 0").isEqualTo(1);
        boolean[] clients = PoolSeeds.clients(g, N, COMMUNITY, home);
        assertThat(clients[22]).isTrue();
        assertThat(clients[23]).isTrue();
        assertThat(clients[24]).isTrue();
        assertThat(clients[26]).as("follows back half of its followers in the community").isFalse();
        assertThat(clients[0]).isFalse();
    }

    /**
     * The member test's count comes from the client test's reciprocity lookups: for every account, the clients of its
     * own community it follows without being followed back, as counted pair by pair. Accounts 25 and 39 follow two
     * clients one-way, the friend's followers none.
     */
    @Test
    void oneWayFollowsOfClientsAreCountedWhileJudgingThem() {
        DenseBlockFinder g = handBuilt();
        int[] home = CapturedTargetSeeds.capturedTargets(g, N, COMMUNITY);
        int[] oneWay = new int[N];
        boolean[] clients = PoolSeeds.clients(g, N, COMMUNITY, home, oneWay);
        for (int f = 0; f < N; f++) {
            int expected = 0;
            for (int t = 0; t < N; t++) {
                expected += clients[t] && home[t] == COMMUNITY[f] && g.follows(f, t) && !g.follows(t, f) ? 1 : 0;
            }
            assertThat(oneWay[f]).as("one-way follows of clients by account %d", f).isEqualTo(expected);
        }
        assertThat(oneWay[25]).isEqualTo(2);
        assertThat(oneWay[39]).isEqualTo(2);
        assertThat(IntStream.range(10, 22).allMatch(f -> oneWay[f] >= 2)).as("the pool's members").isTrue();
        assertThat(IntStream.range(27, 39).map(f -> oneWay[f]).toArray()).containsOnly(0);
    }

    /**
     * The seed of community 1: the pool's twelve members and the three clients; not the friend's followers (they
     * follow no client), not account 25 (three of its five follows into the community go to pool members) and not
     * account 39 (its follows into the community go mostly to accounts that follow it back).
     */
    @Test
    void aSeedHoldsThePoolAndItsClients() {
        DenseBlockFinder g = handBuilt();
        int[] home = CapturedTargetSeeds.capturedTargets(g, N, COMMUNITY);
        List<PoolSeeds.Seed> seeds = PoolSeeds.seeds(g, N, 0, COMMUNITY, home, 10);
        assertThat(seeds).hasSize(1);
        assertThat(seeds.get(0).community()).isEqualTo(1);
        assertThat(seeds.get(0).members()).containsExactly(IntStream.range(10, 22).toArray());
        assertThat(seeds.get(0).clients()).containsExactly(22, 23, 24);
        assertThat(PoolSeeds.seeds(g, N, 0, COMMUNITY, home, 13)).as("fewer than minFollowers members").isEmpty();
    }

    /** The same seed found twice (two partitions) is kept once; the arguments are checked. */
    @Test
    void repeatsAreDroppedAndArgumentsChecked() {
        DenseBlockFinder g = handBuilt();
        int[] home = CapturedTargetSeeds.capturedTargets(g, N, COMMUNITY);
        List<PoolSeeds.Seed> seeds = PoolSeeds.seeds(g, N, List.of(COMMUNITY, COMMUNITY), new int[][] {home, home},
                10, 20);
        assertThat(seeds).hasSize(1);
        assertThat(seeds.get(0).partition()).isZero();
        assertThat(PoolSeeds.seeds(g, N, List.of(COMMUNITY), new int[][] {home}, 10, 0)).isEmpty();
        assertThatThrownBy(() -> PoolSeeds.seeds(g, N, List.of(COMMUNITY), new int[][] {home}, 1, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minFollowers");
        assertThatThrownBy(() -> PoolSeeds.seeds(g, N, List.of(COMMUNITY), new int[][] {home}, 10, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> PoolSeeds.seeds(g, N, List.of(COMMUNITY), new int[0][], 10, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("homes");
        assertThatThrownBy(() -> PoolSeeds.seeds(g, N, List.of(new int[3]), new int[][] {home}, 10, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40 accounts");
    }

    /**
     * A drip-feed pool in the eight homophilous communities ({@link FollowGraphs#dripPool}: 120 accounts made one by
     * one over a year, each following each of 15 small clients of all eight communities with the client's
     * probability in 0.2–0.6, and 10–30 random accounts): a pool seed holds most of it with the clients, and the
     * signal keeps a block of at least 100 of its members and nobody else.
     */
    @Test
    void theSignalFindsADripFeedPool() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(17);
        List<List<String>> made = gen.dripPool(120, 15, 0.2, 0.6);
        List<String> pool = made.get(0);
        Activity a = gen.build();
        List<PoolSeeds.Seed> seeds = poolSeeds(a);
        assertThat(seeds).anySatisfy(s -> {
            assertThat(LockstepFollowSignalTest.names(a, s.members())).hasSizeGreaterThanOrEqualTo(90)
                    .allMatch(pool::contains);
            assertThat(LockstepFollowSignalTest.names(a, s.clients())).allMatch(made.get(1)::contains);
        });

        SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults()).graph(a, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        Set<String> inBlocks = inBlocks(a, g);
        assertThat(inBlocks).as(FollowNullModelTest.describe(a, g)).allMatch(pool::contains)
                .hasSizeGreaterThanOrEqualTo(100);
    }

    /**
     * An aged farm bought second-hand ({@link FollowGraphs#agedFarm}: 150 ordinary members of the eight communities,
     * keeping the follows of their past lives) made to follow five new clients (each at 0.7, the first always) and
     * four stars of every community, and to retweet the clients' posts; the communities' members retweet their own
     * stars; a drip-feed pool ({@link FollowGraphs#dripPool}) beside it. The follow graph's partitions leave the farm
     * in the communities of its past, where no pool seed holds half of it, and hold the pool; with the interactions
     * the follow graph's seeds come first, unchanged, and the interactions gather the farm with its clients in a
     * pool seed of more than half of it: the signal's blocks hold most of the farm, and nobody outside the two.
     */
    @Test
    void anAgedFarmIsGatheredWithItsClientsByWhatItDoesForThem() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(29);
        java.util.Random r = new java.util.Random(29);
        for (int k = 0; k < 5; k++) {
            gen.t.b.account("vc" + k, "vc" + k, FollowGraphs.NOW - 3 * FollowGraphs.YEAR, 0);
        }
        List<String> farm = gen.agedFarm(150, 4, 12, "vc0");
        List<String> pool = gen.dripPool(120, 15, 0.2, 0.6).get(0);
        long at = FollowGraphs.NOW - 30 * FollowGraphs.DAY;
        for (int k = 0; k < 5; k++) {
            for (int p = 0; p < 8; p++) {
                gen.t.tweet("vc" + k + "p" + p, "vc" + k, at + (k * 8 + p) * 3600);
            }
        }
        for (String f : farm) {
            for (int k = 1; k < 5; k++) {
                if (r.nextDouble() < 0.7) {
                    gen.t.b.addFollow(f, "vc" + k);
                }
            }
            for (int k = 0; k < 5; k++) {
                for (int p = 0; p < 8; p++) {
                    if (r.nextDouble() < 0.6) {
                        gen.t.retweet(f, at + (k * 8 + p) * 3600 + 60 + r.nextInt(3600), "vc" + k + "p" + p);
                    }
                }
            }
        }
        for (int c = 0; c < 8; c++) {
            gen.t.tweet("star" + c, FollowGraphs.member(c, 0), at);
            for (int m = 5; m < 40; m++) {
                gen.t.retweet(FollowGraphs.member(c, m), at + 600 + m * 60, "star" + c);
            }
        }
        Activity a = gen.build();
        for (PoolSeeds.Seed seed : poolSeeds(a)) {
            assertThat(LockstepFollowSignalTest.names(a, seed.members()).stream().filter(farm::contains).count())
                    .isLessThan(farm.size() / 2);
        }
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        List<int[]> partitions = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed())
                .partitions(n);
        int[] actions = signal.actionPartition(a, TerminationFlag.RUNNING_TRUE);
        int[][] homes = CapturedTargetSeeds.homes(finder, n, partitions);
        List<PoolSeeds.Seed> follows = signal.poolSeeds(finder, n, partitions, homes);
        List<PoolSeeds.Seed> all = signal.poolSeeds(finder, n, partitions, homes, actions);
        // the follow graph's seeds (the drip-feed pool's) first, as they are without the interactions
        assertThat(follows).isNotEmpty();
        assertThat(all.subList(0, follows.size()).stream().map(x -> Arrays.toString(x.members())).toList())
                .isEqualTo(follows.stream().map(x -> Arrays.toString(x.members())).toList());
        assertThat(all.subList(follows.size(), all.size()))
                .anySatisfy(seed -> {
                    assertThat(LockstepFollowSignalTest.names(a, seed.members())).allMatch(farm::contains)
                            .hasSizeGreaterThanOrEqualTo(farm.size() / 2);
                    assertThat(LockstepFollowSignalTest.names(a, seed.clients())).allMatch(v -> v.startsWith("vc"));
                });
        SignalGraph g = signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Set<String> found = inBlocks(a, g);
        assertThat(found).as(FollowNullModelTest.describe(a, g)).allMatch(v -> farm.contains(v) || pool.contains(v));
        assertThat(found.stream().filter(farm::contains).count()).isGreaterThanOrEqualTo(farm.size() * 8 / 10);
    }

    /** Without an action between two accounts the interactions are the follow graph: no partition of their own. */
    @Test
    void anArchiveOfFollowsAloneHasNoActionPartition() {
        Activity a = FollowNullModelTest.eightCommunities(31).build();
        assertThat(new LockstepFollowSignal(CoordinationParams.defaults())
                .actionPartition(a, TerminationFlag.RUNNING_TRUE)).isNull();
    }

    /**
     * Follow-train circles ({@link FollowGraphs#followTrains}: 120 accounts in four cars, each following most of its
     * car, which follows back) beside the eight communities: their follows are mutual, so no pool seed holds them,
     * and the pool rounds add no block.
     */
    @Test
    void followTrainCirclesYieldNoBlock() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(19);
        List<String> circle = gen.followTrains(120, 4);
        assertNoPoolHolds(gen.build(), circle);
    }

    /**
     * A K-pop fan base ({@link FollowGraphs#kpopFandom}: community 5's 200 members all follow six idols, who follow
     * only each other, and three fan accounts, and follow each other with follow-backs): the idols are captured and
     * followed one-way, but a fan's follows into its community go mostly to fellow fans who follow it back, so no
     * pool seed holds a fan, and the pool rounds add no block.
     */
    @Test
    void aKpopFanBaseYieldsNoBlock() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(23);
        List<List<String>> made = gen.kpopFandom(5, 6, 3, 30);
        List<String> fans = made.get(0);
        assertNoPoolHolds(gen.build(), fans);
    }

    /** No pool seed of {@code a} holds a member of {@code group}, and the pool rounds add no block holding one. */
    private static void assertNoPoolHolds(Activity a, List<String> group) {
        for (PoolSeeds.Seed s : poolSeeds(a)) {
            assertThat(LockstepFollowSignalTest.names(a, s.members())).noneMatch(group::contains);
        }
        assertNoBlockAdded(a, group);
    }

    /**
     * The signal's blocks hold the same members of {@code group} with the pool rounds on as with them off: the rounds
     * add no block holding one. (With them off the client seeds of the follow-train graph keep a block of 29 circle
     * members on six targets from 7 one-way follows against an expectation near 0: that is the client rounds' doing,
     * which come before and are the same either way.)
     */
    private static void assertNoBlockAdded(Activity a, List<String> group) {
        LockstepFollowSignal on = new LockstepFollowSignal(CoordinationParams.defaults());
        LockstepFollowSignal off = new LockstepFollowSignal(CoordinationParams.defaults());
        off.poolSeeds = false;
        SignalGraph withPools = on.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        SignalGraph without = off.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Set<String> added = inBlocks(a, withPools);
        added.removeAll(inBlocks(a, without));
        assertThat(added).as(FollowNullModelTest.describe(a, withPools)).noneMatch(group::contains);
        assertThat(withPools.blocks()).hasSameSizeAs(without.blocks());
    }

    /** The signal's pool seeds of {@code a}, on the model's partitions (default parameters). */
    private static List<PoolSeeds.Seed> poolSeeds(Activity a) {
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        List<int[]> partitions = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed())
                .partitions(n);
        return new LockstepFollowSignal(CoordinationParams.defaults()).poolSeeds(finder, n, partitions,
                CapturedTargetSeeds.homes(finder, n, partitions));
    }

    private static Set<String> inBlocks(Activity a, SignalGraph g) {
        Set<String> out = new HashSet<>();
        for (DenseBlock b : g.blocks()) {
            out.addAll(LockstepFollowSignalTest.names(a, b.followers()));
        }
        return out;
    }
}
