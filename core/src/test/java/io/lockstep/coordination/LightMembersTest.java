package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Growth's light members ({@code Growth#followers}): accounts following fewer than {@code minTargets} of a block's
 * targets, admitted at a Bonferroni-corrected tail when they follow at least a {@code minDensity} share of them.
 */
class LightMembersTest {

    /**
     * A slow farm in the eight homophilous communities: 40 accounts created one by one over three months, each
     * following 3–5 of 7 obscure clients and 10–30 random accounts; besides, 20 ordinary accounts each follow one
     * client (its own audience).
     */
    private record SlowFarm(Activity activity, List<String> farm, List<String> clientReaders) {
        static SlowFarm build() {
            FollowGraphs gen = FollowNullModelTest.eightCommunities(11);
            List<String> farm = gen.slowFarm(40, 7, 3, 5);
            Random r = new Random(5);
            List<String> readers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = FollowGraphs.member(i % 8, 20 + i);
                readers.add(id);
                gen.t.b.addFollow(id, "slow" + r.nextInt(7));
            }
            return new SlowFarm(gen.build(), farm, readers);
        }
    }

    private static int[] ids(Activity a, List<String> names) {
        return names.stream().mapToInt(x -> LockstepFollowSignalTest.indexOf(a, x)).sorted().toArray();
    }

    /**
     * From the farm's members that follow five clients, with the seven clients as targets: every member follows
     * fewer than {@code minTargets} (6) of them, so the floor admits none, and the light test admits all 40 (their
     * follows of clients nobody else follows are unexplained far below maxPValue / candidates) and none of the
     * ordinary accounts that follow one client (below the floor of two). Growth reaches the whole farm and the block
     * test keeps it.
     */
    @Test
    void growthAdmitsTheMembersOfASlowFarmThatFollowFewOfItsClients() {
        SlowFarm s = SlowFarm.build();
        Activity a = s.activity();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed());
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        LockstepFollowSignal.Growth growth = signal.new Growth(finder, model, n);
        List<String> clients = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            clients.add("slow" + k);
        }
        int[] ts = ids(a, clients);
        List<String> heavy = new ArrayList<>();
        for (String f : s.farm()) {
            int x = 0;
            for (int t : ts) {
                x += finder.follows(LockstepFollowSignalTest.indexOf(a, f), t) ? 1 : 0;
            }
            if (x == 5) {
                heavy.add(f);
            }
        }
        assertThat(heavy).hasSizeGreaterThanOrEqualTo(10);
        int[] seed = ids(a, heavy);
        assertThat(growth.lightFloor(ts.length)).isEqualTo(2);
        int[] admitted = growth.followers(ts, seed, new boolean[n], new int[0]);
        assertThat(LockstepFollowSignalTest.names(a, admitted)).containsExactlyInAnyOrderElementsOf(s.farm());

        int[][] block = growth.grow(seed, new boolean[n], seed);
        assertThat(LockstepFollowSignalTest.names(a, block[0])).containsExactlyInAnyOrderElementsOf(s.farm());
        assertThat(LockstepFollowSignalTest.names(a, block[1])).containsExactlyInAnyOrderElementsOf(clients);
        DenseBlock kept = growth.test(block[0], block[1]);
        assertThat(kept).isNotNull();
        assertThat(kept.pValue()).isLessThan(1e-10);
    }

    /**
     * A follow-unfollow farm and accounts that dabble in its queue: 40 accounts made one every two days each follow
     * 100 of 200 accounts nobody else follows (the farm's queue), and 12 ordinary members of the communities each
     * follow 10 of the queue besides their own follows. Growth admits the dabblers (10 of the targets is past
     * {@code minTargets}, and their follows of the queue are far beyond what their communities predict); each holds
     * a twentieth of the block's targets where the farm's members hold half, and the block reported leaves them out:
     * {@code withoutThin} keeps the farm, and the signal's block is the farm alone. Three accounts that follow 10 of
     * the queue and 20 accounts across the communities but that nobody follows (as a farm's accounts working through
     * part of its queue), given as members, stay.
     */
    @Test
    void theBlockReportedLeavesOutMembersFarBelowItsDensity() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(13);
        Random r = new Random(3);
        List<String> queue = accounts(gen, "q", 200, FollowGraphs.NOW - 2 * FollowGraphs.YEAR, 0);
        List<String> farm = accounts(gen, "cf", 40, FollowGraphs.NOW - 100 * FollowGraphs.DAY, 2 * FollowGraphs.DAY);
        for (String id : farm) {
            followSome(gen, id, queue, 100, r);
        }
        List<String> dabblers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = FollowGraphs.member(i % 8, 30 + i);
            dabblers.add(id);
            followSome(gen, id, queue, 10, r);
        }
        List<String> ghosts = accounts(gen, "ghost", 3, FollowGraphs.NOW - 300 * FollowGraphs.DAY,
                40 * FollowGraphs.DAY);
        for (String id : ghosts) {
            followSome(gen, id, queue, 10, r);
            for (int k = 0; k < 20; k++) { // camouflage: accounts of every community
                gen.t.b.addFollow(id, FollowGraphs.member(k % 8, 5 + r.nextInt(95)));
            }
        }
        Activity a = gen.build();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed());
        LockstepFollowSignal.Growth growth = new LockstepFollowSignal(CoordinationParams.defaults()).new Growth(finder, model, n);

        int[][] grown = growth.grow(ids(a, farm), new boolean[n]);
        assertThat(grown[1].length).isGreaterThanOrEqualTo(150);
        List<String> all = new ArrayList<>(farm);
        all.addAll(dabblers);
        assertThat(LockstepFollowSignalTest.names(a, grown[0])).containsExactlyInAnyOrderElementsOf(all);
        int[] strong = growth.withoutThin(grown[0], grown[1], new int[0], new int[0]);
        assertThat(LockstepFollowSignalTest.names(a, strong)).containsExactlyInAnyOrderElementsOf(farm);
        // thin members that nobody follows stay (growth places these in the queue's community and does not admit
        // them; given as members, they are judged as a block's members are)
        all.addAll(ghosts);
        List<String> kept = new ArrayList<>(farm);
        kept.addAll(ghosts);
        assertThat(LockstepFollowSignalTest.names(a, growth.withoutThin(ids(a, all), grown[1], new int[0],
                new int[0]))).containsExactlyInAnyOrderElementsOf(kept);
        // a burst's or an anchored seed's members stay, however few targets they follow
        int[] someDabblers = ids(a, dabblers.subList(0, 2));
        assertThat(LockstepFollowSignalTest.names(a, growth.withoutThin(grown[0], grown[1], someDabblers,
                new int[0]))).hasSize(42);
        assertThat(LockstepFollowSignalTest.names(a, growth.withoutThin(grown[0], grown[1], new int[0],
                someDabblers))).hasSize(42);

        SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults())
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        List<String> flagged = new ArrayList<>();
        for (DenseBlock b : g.blocks()) {
            flagged.addAll(LockstepFollowSignalTest.names(a, b.followers()));
        }
        assertThat(flagged).as(FollowNullModelTest.describe(a, g))
                .containsAll(farm)
                .doesNotContainAnyElementsOf(dabblers);
    }

    /** {@code count} accounts named prefix + i, the first created at {@code first} and each {@code step} later. */
    private static List<String> accounts(FollowGraphs gen, String prefix, int count, long first, long step) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            ids.add(id);
            gen.t.b.account(id, id, first + i * step, 0);
        }
        return ids;
    }

    private static void followSome(FollowGraphs gen, String follower, List<String> pool, int count, Random r) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, r);
        for (String t : shuffled.subList(0, count)) {
            gen.t.b.addFollow(follower, t);
        }
    }

    /** The light floor is a minDensity share of the targets and at least two; above 4 · minTargets it is moot. */
    @Test
    void theLightFloorIsTheBlocksDensityShareOfItsTargets() {
        Activity a = SlowFarm.build().activity();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed());
        LockstepFollowSignal.Growth growth = new LockstepFollowSignal(CoordinationParams.defaults()).new Growth(finder, model, n);
        assertThat(growth.lightFloor(2)).isEqualTo(2);
        assertThat(growth.lightFloor(8)).isEqualTo(2);
        assertThat(growth.lightFloor(10)).isEqualTo(3);
        assertThat(growth.lightFloor(20)).isEqualTo(5);
        // from 21 targets the share reaches minTargets (6): every candidate faces the floor of minTargets
        assertThat(growth.lightFloor(21)).isEqualTo(6);
    }

    /**
     * Growth's recruits from a community where everyone follows its five stars (and nothing else is planted): the
     * light test changes nothing there, the signal finds no block.
     */
    @Test
    void aCommunityWhereEveryoneFollowsItsFiveStarsStillFormsNoBlock() {
        Activity a = FollowNullModelTest.communities(1, 600).follows(36, 0.8, 1.0).everyoneFollowsStars(0, 5).build();
        SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults())
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(g.blocks()).as(FollowNullModelTest.describe(a, g)).isEmpty();
    }
}
