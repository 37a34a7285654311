package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh farm whose vendor serves two clients and otherwise follows the platform's top accounts, and an honest
 * sign-up wave that accepted one starter list of top accounts: the block test's floor for a burst whose targets are
 * all captured ({@code LockstepFollowSignal#blockFloor}) and the onboarding test for a burst none of whose targets
 * is ({@code LockstepFollowSignal#onboarding}), phase by phase and through the whole signal.
 */
class FewTargetsTest {

    /**
     * The eight homophilous communities ({@link FollowNullModelTest#eightCommunities}), 20 platform-top accounts
     * followed by 65–45 % of everyone, a fresh farm of 100 made in two days (each following the two clients with
     * probability 0.85, each top account with probability 0.8 and 15–25 random accounts) and a sign-up wave of 150 made in two other
     * days on a starter list of 13 (five top accounts and the two most-followed members of the four largest
     * communities).
     */
    private record Archive(Activity activity, List<String> farm, List<String> wave) {
        static Archive build(boolean farm, boolean wave) {
            return build(farm, wave, 0);
        }

        /**
         * As {@link #build(boolean, boolean)}, the starter list also naming {@code niche} top accounts of small
         * interests ({@link FollowGraphs#nicheAccounts}: each followed by 15 members of community 3), and, when
         * {@code niche} is positive, each member of the wave accepting each account of the list with probability
         * 0.85–0.95, so that its block holds most of it.
         */
        static Archive build(boolean farm, boolean wave, int niche) {
            FollowGraphs gen = FollowNullModelTest.eightCommunities(21);
            List<String> tops = gen.celebrities(20, 0.65, 0.45);
            List<String> f = farm ? gen.fewClientFarm(100, 2, 8, tops, 0.8) : List.of();
            List<String> list = FollowGraphs.starterList(tops);
            list.addAll(gen.nicheAccounts(3, niche, 15));
            List<String> w = !wave ? List.of() : niche > 0 ? gen.starterListWave(150, list, 0.85)
                    : gen.starterListWave(150, list);
            return new Archive(gen.build(), f, w);
        }
    }

    /** The signal with the onboarding test switched on ({@code LockstepFollowSignal#onboardingTest}). */
    private static SignalGraph follow(Activity a) {
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        signal.onboardingTest = true;
        return signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    /** The farm's clients are captured targets in every partition, the platform's top accounts in none. */
    @Test
    void theClientsAreCapturedAndTheTopAccountsAreNot() {
        Fitted f = Fitted.farmAndWave();
        Activity a = f.x().activity();
        int n = a.accountCount();
        int[] captured = CapturedTargetSeeds.capturedCounts(f.finder(), n, f.model().partitions(n));
        for (String c : List.of("vc0", "vc1")) {
            assertThat(captured[LockstepFollowSignalTest.indexOf(a, c)]).as(c).isEqualTo(3);
        }
        for (int k = 0; k < 20; k++) {
            assertThat(captured[LockstepFollowSignalTest.indexOf(a, "top" + k)]).as("top" + k).isZero();
        }
    }

    /**
     * The floor: two for a burst with a target captured by the block in most partitions, for a captured seed whose
     * targets are all captured in some partition; {@code minTargets} otherwise.
     */
    @Test
    void theFloorIsTwoOnlyForABurstWithACapturedTarget() {
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        int[] capturedIn = {3, 2, 1, 0};
        int most = 2;
        assertThat(signal.blockFloor(false, true, new int[] {0, 1}, capturedIn, new int[] {3, 2}, most)).isEqualTo(2);
        assertThat(signal.blockFloor(false, true, new int[] {0, 1}, capturedIn, new int[] {3, 1}, most)).isEqualTo(2);
        assertThat(signal.blockFloor(false, true, new int[] {0, 1}, capturedIn, new int[] {1, 0}, most)).isEqualTo(6);
        assertThat(signal.blockFloor(false, false, new int[] {0, 1}, capturedIn, new int[] {3, 2}, most)).isEqualTo(6);
        // a captured seed keeps its floor of two for targets captured in any partition
        assertThat(signal.blockFloor(true, false, new int[] {0, 1, 2}, capturedIn, new int[] {0, 0, 0}, most))
                .isEqualTo(2);
        assertThat(signal.blockFloor(true, false, new int[] {2, 3}, capturedIn, new int[] {0, 0}, most)).isEqualTo(6);
    }

    /** Onboarding: no target captured by the block in most partitions. */
    @Test
    void aBurstIsOnboardingWhenNoTargetIsCapturedInMostPartitions() {
        assertThat(LockstepFollowSignal.onboarding(new int[] {1, 0}, 2)).isTrue();
        assertThat(LockstepFollowSignal.onboarding(new int[] {2, 1, 0}, 2)).isFalse();
        assertThat(LockstepFollowSignal.onboarding(new int[] {3}, 2)).isFalse();
        assertThat(LockstepFollowSignal.onboarding(new int[0], 2)).isTrue();
    }

    /**
     * The burst's members that follow two targets captured by the block in most partitions, and are in no kept block:
     * account 0 follows targets 10 and 11 (both captured), 1 follows 10 and 12 (12 captured in one partition only),
     * 2 follows 10, 11 and is spent, 3 follows 11 and 13 (captured).
     */
    @Test
    void theBurstsFollowersOfTwoCapturedTargetsJoin() {
        long[] pairs = {edge(0, 10), edge(0, 11), edge(1, 10), edge(1, 12), edge(2, 10), edge(2, 11), edge(3, 11),
                edge(3, 13)};
        DenseBlockFinder finder = DenseBlockFinder.ofPairs(14, pairs);
        int[] targets = {10, 11, 12, 13};
        int[] capturedByBlock = {3, 2, 1, 2};
        boolean[] spent = new boolean[14];
        spent[2] = true;
        assertThat(LockstepFollowSignal.ownersFollowers(finder, new int[] {0, 1, 2, 3}, targets, capturedByBlock, 2,
                spent)).containsExactly(0, 3);
        assertThat(LockstepFollowSignal.ownersFollowers(finder, new int[] {1}, targets, capturedByBlock, 2, spent))
                .isEmpty();
    }

    private static long edge(int from, int to) {
        return (long) from << 32 | to;
    }

    /** The archive with the farm and the wave, its follows and the models of ordinary following fitted on them. */
    private record Fitted(Archive x, DenseBlockFinder finder, LockstepFollowSignal.Models model) {
        static Fitted farmAndWave() {
            Archive x = Archive.build(true, true);
            DenseBlockFinder finder = LockstepFollowSignal.follows(x.activity());
            return new Fitted(x, finder, LockstepFollowSignal.Models.fit(finder, x.activity().accountCount(),
                    CoordinationParams.defaults().seed()));
        }
    }

    /**
     * Captured by a block: the clients by the farm in every partition; a target whose captured audience lies in
     * another community than the block's followers of it is not captured by the block.
     */
    @Test
    void theClientsAreCapturedByTheFarmsBlock() {
        Fitted f = Fitted.farmAndWave();
        Activity a = f.x().activity();
        int n = a.accountCount();
        DenseBlockFinder finder = f.finder();
        List<int[]> partitions = f.model().partitions(n);
        int[][] homes = CapturedTargetSeeds.homes(finder, n, partitions);
        int[] farm = f.x().farm().stream().mapToInt(v -> LockstepFollowSignalTest.indexOf(a, v)).sorted().toArray();
        int[] wave = f.x().wave().stream().mapToInt(v -> LockstepFollowSignalTest.indexOf(a, v)).sorted().toArray();
        int[] clients = {LockstepFollowSignalTest.indexOf(a, "vc0"), LockstepFollowSignalTest.indexOf(a, "vc1")};
        assertThat(CapturedTargetSeeds.capturedBy(finder, partitions, homes, farm, clients, 4.0)).containsExactly(3, 3);
        assertThat(CapturedTargetSeeds.capturedBy(finder, partitions, homes, wave, clients, 4.0)).containsExactly(0, 0);
        int[] list = new int[8];
        for (int c = 0; c < 4; c++) {
            list[2 * c] = LockstepFollowSignalTest.indexOf(a, FollowGraphs.member(c, 0));
            list[2 * c + 1] = LockstepFollowSignalTest.indexOf(a, FollowGraphs.member(c, 1));
        }
        for (int c : CapturedTargetSeeds.capturedBy(finder, partitions, homes, wave, list, 4.0)) {
            assertThat(c).isLessThan(2);
        }
    }

    /**
     * The whole signal: the farm is found as a block of its members that follow both clients (about 72 of the 100;
     * one follow is no co-following) and the two clients (fewer than {@code minTargets}: the top accounts are
     * explained), and holds no ordinary account.
     */
    @Test
    void aFreshFarmOfTwoClientsAndThePlatformsTopAccountsIsFound() {
        Archive x = Archive.build(true, false);
        SignalGraph g = follow(x.activity());
        Set<String> flagged = FollowNullModelTest.flagged(x.activity(), g);
        String why = FollowNullModelTest.describe(x.activity(), g);
        assertThat(x.farm()).as(why).containsAll(flagged);
        assertThat(flagged.size()).as(why).isGreaterThanOrEqualTo(60);
    }

    /**
     * The whole signal: the wave on one starter list of top accounts is no block, dense as it is; the finest
     * partition spreads its members over the communities of their own follows (no community holds most of them).
     */
    @Test
    void aSignUpWaveOnOneStarterListOfTopAccountsIsNoBlock() {
        Archive x = Archive.build(false, true);
        SignalGraph g = follow(x.activity());
        assertThat(FollowNullModelTest.flagged(x.activity(), g)).as(FollowNullModelTest.describe(x.activity(), g))
                .doesNotContainAnyElementsOf(x.wave());
        Activity a = x.activity();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        List<int[]> partitions = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed())
                .partitions(n);
        int[] wave = x.wave().stream().mapToInt(v -> LockstepFollowSignalTest.indexOf(a, v)).sorted().toArray();
        assertThat(StarterLists.gathered(partitions.get(partitions.size() - 1), wave)).isFalse();
    }

    /**
     * A starter list per interest names the top accounts of small interests too: with two whose audience (15 members
     * of community 3 each) the wave of 150 outnumbers, the wave's block (found with the onboarding test off) captures
     * both in most partitions, a minority of its targets; with the test on the wave is no block (fewer than half of
     * its targets captured, {@link StarterLists#mostlyUncaptured}), and the farm on two clients beside it is found.
     */
    @Test
    void aWaveWhoseListNamesSmallInterestsIsNoBlockAndTheFarmBesideItIsFound() {
        Archive x = Archive.build(true, true, 2);
        Activity a = x.activity();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        List<int[]> partitions = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed())
                .partitions(n);
        int most = partitions.size() / 2 + 1;
        Set<Integer> wave = new HashSet<>();
        x.wave().forEach(v -> wave.add(LockstepFollowSignalTest.indexOf(a, v)));
        LockstepFollowSignal off = new LockstepFollowSignal(CoordinationParams.defaults());
        off.onboardingTest = false;
        SignalGraph without = off.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        DenseBlock waveBlock = without.blocks().stream()
                .filter(b -> Arrays.stream(b.followers()).filter(wave::contains).count() * 2 > b.followers().length)
                .findFirst().orElseThrow();
        int[] fs = waveBlock.followers().clone();
        Arrays.sort(fs);
        int[] ts = waveBlock.targets().clone();
        Arrays.sort(ts);
        int[] captured = CapturedTargetSeeds.capturedBy(finder, partitions, CapturedTargetSeeds.homes(finder, n,
                partitions), fs, ts, CoordinationParams.defaults().follow().minLift());
        for (String niche : List.of("niche0", "niche1")) {
            int k = Arrays.binarySearch(ts, LockstepFollowSignalTest.indexOf(a, niche));
            assertThat(k).as(niche).isNotNegative();
            assertThat(captured[k]).as(niche).isGreaterThanOrEqualTo(most);
        }
        assertThat(StarterLists.mostlyUncaptured(captured, most)).isTrue();
        SignalGraph g = follow(a);
        Set<String> flagged = FollowNullModelTest.flagged(a, g);
        String why = FollowNullModelTest.describe(a, g);
        assertThat(flagged).as(why).doesNotContainAnyElementsOf(x.wave());
        assertThat(x.farm()).as(why).containsAll(flagged);
        assertThat(flagged.size()).as(why).isGreaterThanOrEqualTo(60);
    }

    /**
     * A block a starter list explains is no finding and changes nothing else: with the onboarding test on, the
     * blocks of the archive with the farm and the wave are those found with it off but the wave's (its members
     * leave growth as a kept block's do, so no later block recruits them).
     */
    @Test
    void anExplainedWaveLeavesTheOtherBlocksAsTheyWere() {
        Archive x = Archive.build(true, true);
        Activity a = x.activity();
        SignalGraph on = follow(a);
        LockstepFollowSignal offSignal = new LockstepFollowSignal(CoordinationParams.defaults());
        offSignal.onboardingTest = false;
        SignalGraph off = offSignal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Set<Integer> wave = new HashSet<>();
        x.wave().forEach(v -> wave.add(LockstepFollowSignalTest.indexOf(a, v)));
        List<String> kept = new ArrayList<>();
        boolean waveBlock = false;
        for (DenseBlock b : off.blocks()) {
            long fromWave = Arrays.stream(b.followers()).filter(wave::contains).count();
            if (2 * fromWave > b.followers().length) {
                waveBlock = true;
            } else {
                kept.add(Arrays.toString(b.followers()) + Arrays.toString(b.targets()));
            }
        }
        assertThat(waveBlock).as(FollowNullModelTest.describe(a, off)).isTrue();
        assertThat(on.blocks().stream().map(b -> Arrays.toString(b.followers())
                + Arrays.toString(b.targets())).toList()).as(FollowNullModelTest.describe(a, on))
                .containsExactlyElementsOf(kept);
    }

    /**
     * The whole signal at homophily 0.5: a 30-account burst farm of one ordinary client with an audience of its own
     * and a pool of the communities' stars, as the simulator plants it, in communities whose members follow inside
     * them only half the time: no starter list explains it, and it is found as with the onboarding test off.
     */
    @Test
    void aBurstFarmOfAPopularClientIsFoundAtHomophilyHalf() {
        plantPopularClientFarm(FollowNullModelTest.communities(21, 1200, 800, 600, 400, 300, 200, 150, 100)
                .follows(36, 0.8, 0.5), 30, 24);
    }

    /**
     * The whole signal: a 60-account burst farm whose client is an ordinary member of community 1 (ranked 21st by
     * popularity: an audience of its own that the farm does not outnumber four to one, so no target is captured by
     * the farm's block), each member following the client and 16 of a pool of the four stars of every community
     * (as the simulator plants it), is found, and the same as with the onboarding test off: its members follow the
     * rest of the pool, not their communities, so no starter list explains the block.
     */
    @Test
    void aBurstFarmOfAPopularClientAndPopularAccountsIsFound() {
        PlantedFarm planted = plantPopularClientFarm(FollowNullModelTest.eightCommunities(21), 60, 45);
        Activity a = planted.activity();
        List<String> farm = planted.farm();
        String client = planted.client();
        // the client's audience is its own, not captured by the farm; the members' other follows (the rest of the
        // pool, spread over the communities) stay in their communities significantly less than their communities'
        // habits in some partition (not in all: one partition's communities can be drawn around the farm's follows)
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        List<int[]> partitions = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed())
                .partitions(n);
        int[] members = farm.stream().mapToInt(v -> LockstepFollowSignalTest.indexOf(a, v)).sorted().toArray();
        int[] clientId = {LockstepFollowSignalTest.indexOf(a, client)};
        assertThat(CapturedTargetSeeds.capturedBy(finder, partitions, CapturedTargetSeeds.homes(finder, n, partitions),
                members, clientId, 4.0)).containsExactly(0);
        double least = 1;
        for (int[] p : partitions) {
            double[] oe = StarterLists.homeFollows(finder, p, members, clientId);
            least = Math.min(least, PoissonTail.lower((int) oe[0], oe[1]));
        }
        assertThat(least).isLessThan(1e-3 / partitions.size());
        assertThat(StarterLists.explains(finder, partitions, members, clientId, new int[] {0}, 2, 1e-3)).isFalse();
    }

    /**
     * The whole signal on a small archive (four communities of 125, as the simulator's 500-account archives have): a
     * 30-account burst farm of a popular client whose members each follow 12 of a pool of 28 stars (the simulator's
     * farm follows 12 of 40 popular accounts) is found, the same as with the onboarding test off. Its targets hold
     * so large a share of the archive's follows that the finest partition cuts the block into pieces instead of
     * gathering it in one community (no community holds half of it); the pieces are its own (most of its members
     * are in communities it is most of), which tells it from a wave (docs/quality.md, "The starter-list rule on by
     * default"). The pieces are those of the block grown without the recruits' second placement
     * ({@link LockstepFollowSignal#homesForRecruits}); with it the block holds that one and two more farm accounts,
     * and one community of the finest partition holds half of it.
     */
    @Test
    void aSmallArchivesFarmCutIntoPiecesByTheFinestPartitionIsFound() {
        PlantedFarm planted = plantPopularClientFarm(FollowNullModelTest.communities(3, 125, 125, 125, 125)
                .follows(40, 0.8, 0.85), 4, 7, 12, 30, 18);
        Activity a = planted.activity();
        LockstepFollowSignal without = new LockstepFollowSignal(CoordinationParams.defaults());
        without.onboardingTest = true;
        without.homesForRecruits = false;
        SignalGraph g = without.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(g.blocks()).hasSize(1);
        int[] block = g.blocks().get(0).followers();
        SignalGraph withHomes = follow(a);
        assertThat(withHomes.blocks()).hasSize(1);
        assertThat(withHomes.blocks().get(0).followers()).contains(block);
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        List<int[]> partitions = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed())
                .partitions(n);
        int[] finest = partitions.get(partitions.size() - 1);
        assertThat(FollowNullModel.majority(finest, block)).isNegative();
        assertThat(StarterLists.inOwnCommunities(finest, block)).isTrue();
    }

    /** An archive with a planted popular-client farm, its members and its client. */
    private record PlantedFarm(Activity activity, List<String> farm, String client) {
    }

    /**
     * Plants in {@code gen} a burst farm of {@code size} accounts following the ordinary member 20 of community 1
     * and 16 of a pool of the four stars of every community, and checks that the follow signal flags farm accounts
     * only, at least {@code atLeast} of them, and the same ones with the onboarding test off.
     */
    private static PlantedFarm plantPopularClientFarm(FollowGraphs gen, int size, int atLeast) {
        return plantPopularClientFarm(gen, 8, 4, 16, size, atLeast);
    }

    /**
     * As above, the pool made of the {@code stars} most popular members of each of the first {@code communities}
     * communities, each member following {@code perMember} of it.
     */
    private static PlantedFarm plantPopularClientFarm(FollowGraphs gen, int communities, int stars, int perMember,
                                                      int size, int atLeast) {
        List<String> pool = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            for (int k = 0; k < stars; k++) {
                pool.add(FollowGraphs.member(c, k));
            }
        }
        String client = FollowGraphs.member(1, 20);
        List<String> farm = gen.popularClientFarm(size, client, pool, perMember);
        Activity a = gen.build();
        SignalGraph g = follow(a);
        Set<String> flagged = FollowNullModelTest.flagged(a, g);
        String why = FollowNullModelTest.describe(a, g);
        assertThat(farm).as(why).containsAll(flagged);
        assertThat(flagged.size()).as(why).isGreaterThanOrEqualTo(atLeast);
        LockstepFollowSignal off = new LockstepFollowSignal(CoordinationParams.defaults());
        off.onboardingTest = false;
        assertThat(flagged).isEqualTo(FollowNullModelTest.flagged(a,
                off.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE)));
        return new PlantedFarm(a, farm, client);
    }
}
