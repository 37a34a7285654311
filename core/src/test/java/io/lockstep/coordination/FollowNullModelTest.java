package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow signal against the model of ordinary following, on graphs from {@link FollowGraphs}. */
class FollowNullModelTest {

    static SignalGraph follow(Activity a) {
        return new LockstepFollowSignal(CoordinationParams.defaults())
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    static Set<String> flagged(Activity a, SignalGraph g) {
        Set<String> out = new HashSet<>();
        for (DenseBlock b : g.blocks()) {
            for (int f : b.followers()) {
                out.add(a.accountId(f));
            }
        }
        return out;
    }

    static FollowGraphs communities(long seed, int... sizes) {
        FollowGraphs g = new FollowGraphs(seed);
        for (int s : sizes) {
            g.community(s, 1.0);
        }
        return g;
    }

    static String describe(Activity a, SignalGraph g) {
        StringBuilder s = new StringBuilder();
        for (DenseBlock b : g.blocks()) {
            List<String> ts = new ArrayList<>();
            for (int t : b.targets()) {
                ts.add(a.accountId(t));
            }
            s.append(String.format("block %d followers, targets %s, density %.2f, O %d E %.1f%n",
                    b.followers().length, ts, b.density(), b.observed(), b.expected()));
        }
        return s.toString();
    }

    /** Eight homophilous communities (1,200 down to 100 accounts), each following its own stars. */
    static FollowGraphs eightCommunities(long seed) {
        return communities(seed, 1200, 800, 600, 400, 300, 200, 150, 100).follows(36, 0.8, 0.85);
    }

    /** An archive, the ids of the farm it holds and the accounts the follow signal flags in it. */
    record Farmed(Activity activity, List<String> farm, SignalGraph graph, Set<String> flagged) {
    }

    /**
     * {@link #eightCommunities} with a farm ({@link FollowGraphs#farm}: 4 stars of every community in its pool, one
     * client), run through the follow signal.
     */
    static Farmed farmed(long seed, int size, int perMember, boolean burst) {
        FollowGraphs gen = eightCommunities(seed);
        List<String> farm = gen.farm(size, 4, perMember, burst, "client");
        Activity a = gen.build();
        SignalGraph g = follow(a);
        return new Farmed(a, farm, g, flagged(a, g));
    }

    /**
     * A refit ({@link FollowNullModel#refine}) is built from its parent's counts: every field equals that of a model
     * built from scratch on the refined partition, for every community split, with and without a block left out.
     */
    @Test
    void aRefitModelEqualsOneBuiltFromItsPartition() {
        Activity a = eightCommunities(5).build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        FollowNullModel model = FollowNullModel.fit(finder, n, 42, 1.0);
        int split = 0;
        for (int home = 0; home < model.communityCount(); home++) {
            IntArrayList members = new IntArrayList();
            for (int v = 0; v < n; v++) {
                if (model.communityOf(v) == home) {
                    members.add(v);
                }
            }
            int[] block = members.size() < 40 ? new int[0] : members.toIntArray();
            int[] fs = java.util.Arrays.copyOfRange(block, 0, Math.min(block.length, 30));
            int[] ts = java.util.Arrays.copyOfRange(block, Math.min(block.length, 30), Math.min(block.length, 40));
            for (int[][] b : new int[][][] {{new int[0], new int[0]}, {fs, ts}}) {
                FollowNullModel refit = model.refine(home, b[0], b[1], 42, TerminationFlag.RUNNING_TRUE);
                if (refit == null) {
                    continue;
                }
                split++;
                int[] partition = new int[n];
                for (int v = 0; v < n; v++) {
                    partition[v] = refit.communityOf(v);
                }
                assertThat(refit).usingRecursiveComparison().isEqualTo(new FollowNullModel(finder, partition));
            }
        }
        assertThat(split).isGreaterThan(0);
    }

    @Test
    void aCommunityWhereEveryoneFollowsItsFiveStarsFormsNoBlock() {
        Activity a = communities(1, 600).follows(36, 0.8, 1.0).everyoneFollowsStars(0, 5).build();
        SignalGraph g = follow(a);
        assertThat(g.blocks()).as(describe(a, g)).isEmpty();
        assertThat(g.edges()).isEmpty();
    }

    @Test
    void aBurstCreatedFarmHiddenInThatCommunityIsFound() {
        FollowGraphs gen = communities(1, 600).follows(36, 0.8, 1.0).everyoneFollowsStars(0, 5);
        List<String> farm = gen.hiddenFarm(0, 40, 5, 8);
        Activity a = gen.build();
        SignalGraph g = follow(a);
        assertThat(g.blocks()).as(describe(a, g)).hasSize(1);
        assertThat(flagged(a, g)).containsExactlyInAnyOrderElementsOf(farm);
        DenseBlock b = g.blocks().get(0);
        List<String> targets = new ArrayList<>();
        for (int t : b.targets()) {
            targets.add(a.accountId(t));
        }
        // the clients are what the farm adds to its community's habits; the stars are explained
        assertThat(targets).containsExactlyInAnyOrder("client0", "client1", "client2", "client3", "client4", "client5", "client6", "client7");
    }

    @Test
    void homophilousCommunitiesFollowingTheirOwnStarsAreNotFlagged() {
        Activity a = eightCommunities(2).build();
        SignalGraph g = follow(a);
        assertThat(g.blocks()).as(describe(a, g)).isEmpty();
        CoordinationResult r = new CoordinationDetector(CoordinationParams.defaults())
                .run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(r.suspiciousAccounts()).isEmpty();
    }

    @Test
    void aBurstCreatedFarmFollowingStarsOfAllCommunitiesIsFound() {
        Farmed f = farmed(3, 300, 21, true);
        assertThat(f.flagged()).as(describe(f.activity(), f.graph())).containsAll(f.farm());
        assertThat(f.flagged()).hasSize(f.farm().size());
    }

    @Test
    void aFarmOfAgedAccountsFollowingAClientAndCrossCommunityStarsIsFound() {
        Farmed f = farmed(4, 150, 12, false);
        Activity a = f.activity();
        List<String> farm = f.farm();
        // no creation burst to start from: recall 126 of 150 here (the issue asks >= 0.7 for aged farms), no
        // ordinary account
        assertThat(farm).as(describe(a, f.graph())).containsAll(f.flagged());
        assertThat(f.flagged().size()).isGreaterThanOrEqualTo(120);
        CoordinationResult r = new CoordinationDetector(CoordinationParams.defaults())
                .run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Set<String> suspicious = new HashSet<>();
        for (int v : r.suspiciousAccounts()) {
            suspicious.add(a.accountId(v));
        }
        assertThat(farm).containsAll(suspicious);
        assertThat(suspicious.size()).isGreaterThanOrEqualTo(120);
        assertThat(r.edges().size()).isLessThanOrEqualTo(20 * suspicious.size());
        assertThat(r.blocks()).isNotEmpty();
    }

    /**
     * The analysis seed reaches the follow signal only through the Leiden partitions of its model; a verdict that
     * flips with it is not evidence. Eight homophilous communities with a burst-created farm following their stars:
     * the same accounts are flagged under three analysis seeds (the whole farm, no ordinary account).
     */
    @Test
    void theVerdictsAreTheSameForThreeAnalysisSeeds() {
        FollowGraphs gen = eightCommunities(3);
        List<String> farm = gen.farm(300, 4, 21, true, "client");
        Activity a = gen.build();
        List<Set<String>> verdicts = new ArrayList<>();
        for (long seed : new long[] {42, 43, 44}) {
            SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults().withSeed(seed))
                    .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            verdicts.add(flagged(a, g));
        }
        assertThat(verdicts.get(0)).containsExactlyInAnyOrderElementsOf(farm);
        assertThat(verdicts.get(1)).isEqualTo(verdicts.get(0));
        assertThat(verdicts.get(2)).isEqualTo(verdicts.get(0));
    }

    /**
     * Modularity over a whole follow graph merges small communities with larger ones (its resolution limit); the
     * merged community's popularity then underrates how often a small community's members follow their own stars,
     * and their block looks unexplained. Here the partition merges a community of 40 into one of 400 by hand: the
     * block of the 40 members and their ten stars is unexplained by the merged partition (lift above
     * {@code minLift}), and the block test, which refits a block's own community on its own follows, explains it.
     * A burst farm following the stars of every community has no community of its own and stays a block.
     */
    @Test
    void aSmallCommunityMergedIntoALargerOneIsExplainedOnceItsCommunityIsRefitted() {
        FollowGraphs gen = communities(5, 1200, 800, 600, 400, 300, 40).follows(36, 0.8, 0.85);
        List<String> farm = gen.farm(60, 4, 8, true, "client");
        Activity a = gen.build();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        MergedCommunity m = MergedCommunity.of(a);
        int[] merged = m.partition();
        assertThat(m.farm()).hasSize(farm.size());
        int[] fs = m.small();
        int[] ts = m.stars();
        LockstepFollowSignal.Models model = modelOf(finder, merged);
        LockstepFollowSignal.Growth growth = growthOver(finder, model, n);
        model.setBlock(fs, growth.heldOut(fs, ts));
        long observed = 0;
        double expected = 0;
        for (int t : ts) {
            for (int f : fs) {
                observed += finder.follows(f, t) ? 1 : 0;
            }
            expected += model.expected(t);
        }
        assertThat(observed).as("O %d E %.1f", observed, expected)
                .isGreaterThan((long) (CoordinationParams.defaults().follow().minLift() * expected));
        assertThat(growth.test(fs, ts)).isNull();
        assertThat(growth.test(m.farm(), m.pool())).isNotNull();
    }

    /**
     * A community of 12 whose members follow each other (each follows all 11 others, 85 % of its 36 follows being
     * meant for its community) lies, as in archive U, inside a larger one of the partition (given here by hand, as
     * modularity merges it at every resolution). As a block of its own members it follows them far more than the
     * merged community's popularity explains, and the refit cannot separate it (the refit leaves out the block's own
     * follows, which are all of its ties); its follows are mutual, and a mutual follow is a tie, not evidence: the
     * block test rejects it. A burst farm following a client and the communities' stars, all one-way, is kept.
     */
    @Test
    void aSmallCommunityWhoseMembersFollowEachOtherIsNoBlock() {
        FollowGraphs gen = communities(5, 1200, 800, 600, 400, 300, 12).follows(36, 0.8, 0.85);
        gen.farm(60, 4, 8, true, "client");
        Activity a = gen.build();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        MergedCommunity m = MergedCommunity.of(a);
        int[] merged = m.partition();
        int[] fs = m.small();
        long mutual = 0;
        long all = 0;
        for (int f : fs) {
            for (int t : fs) {
                if (f != t && finder.follows(f, t)) {
                    all++;
                    mutual += finder.follows(t, f) ? 1 : 0;
                }
            }
        }
        assertThat(all).isGreaterThanOrEqualTo(12 * 11 * 9 / 10);
        assertThat(mutual).isGreaterThanOrEqualTo(all * 9 / 10);
        LockstepFollowSignal.Models model = modelOf(finder, merged);
        LockstepFollowSignal.Growth growth = growthOver(finder, model, n);
        model.setBlock(fs, growth.heldOut(fs, fs));
        double expected = 0;
        for (int t : fs) {
            expected += model.expected(t);
        }
        // counting every follow, the block is far beyond the merged community's popularity
        assertThat(all).as("O %d E %.1f", all, expected)
                .isGreaterThan((long) (CoordinationParams.defaults().follow().minLift() * expected));
        assertThat(growth.test(fs, fs)).isNull();
        int[] farmBlock = m.farm();
        int[] poolBlock = m.pool();
        DenseBlock kept = growth.test(farmBlock, poolBlock);
        assertThat(kept).isNotNull();
        assertThat(kept.density()).isEqualTo(kept.observed() / ((double) farmBlock.length * poolBlock.length));
    }

    /**
     * FollowBenchmark's archive at 200,000 accounts (2.1M follows): Leiden puts its burst farm of 300 with the farm's
     * client in one community, most of the farm's targets with them, so the block test refits that community; fitted
     * without the block's own follows, the refit leaves the farm unexplained (fitted on them, it explained the
     * whole farm away: 0 of 300).
     */
    @Test
    void aBurstFarmThatLeidenGroupsWithItsClientIsFoundAmong200kAccounts() {
        FollowGraphs gen = new FollowGraphs(42).lognormalCommunities(200_000, new Random(42))
                .follows(10.3, 1.0, 0.85);
        Set<String> farm = new HashSet<>(gen.farm(300, 4, 21, true, "client0", 8));
        Set<String> aged = new HashSet<>(gen.farm(150, 4, 12, false, "client1", 8));
        Activity a = gen.build();
        SignalGraph g = follow(a);
        Set<String> flagged = flagged(a, g);
        long farmFound = flagged.stream().filter(farm::contains).count();
        long ordinary = flagged.stream().filter(id -> !farm.contains(id) && !aged.contains(id)).count();
        assertThat(farmFound).as(describe(a, g)).isGreaterThanOrEqualTo(270);
        assertThat(ordinary).as(describe(a, g)).isLessThanOrEqualTo(a.accountCount() / 200);
    }

    /** The signal's models with one partition given by hand, seeded as the signal seeds them. */
    private static LockstepFollowSignal.Models modelOf(DenseBlockFinder finder, int[] partition) {
        return new LockstepFollowSignal.Models(List.of(new FollowNullModel(finder, partition)),
                CoordinationParams.defaults().seed());
    }

    /** The signal's growth and block test over {@code model}, with the default parameters. */
    private static LockstepFollowSignal.Growth growthOver(DenseBlockFinder finder, LockstepFollowSignal.Models model,
            int n) {
        return new LockstepFollowSignal(CoordinationParams.defaults()).new Growth(finder, model, n);
    }

    /**
     * The accounts of a {@link #communities} graph with a farm, community 5 merged into community 3 by hand (as
     * modularity merges a small community into a larger one): the partition (farm and client in a community 6 of
     * their own), community 5's members, its ten stars, the farm's members and its pool (the client and the four
     * stars of every community).
     */
    private record MergedCommunity(int[] partition, int[] small, int[] stars, int[] farm, int[] pool) {
        static MergedCommunity of(Activity a) {
            int n = a.accountCount();
            int[] partition = new int[n];
            IntArrayList small = new IntArrayList();
            IntArrayList stars = new IntArrayList();
            IntArrayList farm = new IntArrayList();
            IntArrayList pool = new IntArrayList();
            for (int v = 0; v < n; v++) {
                String id = a.accountId(v);
                boolean member = id.matches("c\\d+m\\d+");
                int c = member ? Integer.parseInt(id.substring(1, id.indexOf('m'))) : 6;
                int rank = member ? Integer.parseInt(id.substring(id.indexOf('m') + 1)) : -1;
                partition[v] = c == 5 ? 3 : c;
                if (c == 5) {
                    small.add(v);
                    if (rank < 10) {
                        stars.add(v);
                    }
                }
                if (id.startsWith("f")) {
                    farm.add(v);
                }
                if (id.equals("client") || (member && rank < 4)) {
                    pool.add(v);
                }
            }
            return new MergedCommunity(partition, small.toIntArray(), stars.toIntArray(), farm.toIntArray(),
                    pool.toIntArray());
        }
    }
}
