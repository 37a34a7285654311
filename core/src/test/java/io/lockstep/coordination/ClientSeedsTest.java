package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client-side seeds ({@link ClientSeeds}) alone and through the follow signal, on graphs from
 * {@link FollowGraphs}: homophilous communities whose members follow their own stars, with and without a farm of
 * aged accounts bought second-hand.
 */
class ClientSeedsTest {
    static final CoordinationParams.FollowParams P = CoordinationParams.defaults().follow();

    /** Eight communities (1,200 down to 100 accounts), each following its own stars. */
    static FollowGraphs communities(long seed) {
        return FollowNullModelTest.eightCommunities(seed);
    }

    static final String CLIENT = "client";

    /**
     * {@link #communities} with a client (an account three years old followed by ten members of the fourth community)
     * and an aged farm bought for it: 40 ordinary members of all communities, each made to follow the client and 16
     * of a pool of the 3 top accounts of every community (two thirds of 24, as in the archive).
     */
    static List<String> agedFarm(FollowGraphs gen) {
        gen.t.b.account(CLIENT, CLIENT, FollowGraphs.NOW - 3 * FollowGraphs.YEAR, 0);
        for (int k = 100; k < 110; k++) {
            gen.t.b.addFollow(FollowGraphs.member(3, k), CLIENT);
        }
        return gen.agedFarm(40, 3, 16, CLIENT);
    }

    /** The archive of {@link #agedFarm} on {@code communities(11)}, for tests that do not look at who the farm is. */
    static Activity agedFarmArchive() {
        FollowGraphs gen = communities(11);
        agedFarm(gen);
        return gen.build();
    }

    /** The model's coarsest partition, as the signal hands it to the seeds. */
    static int[] coarsest(DenseBlockFinder finder, int n) {
        return LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed()).partitions(n).get(0);
    }

    /** The exact screen: every away follow counted (no follower sampled). */
    static List<ClientSeeds.Seed> exact(Activity a, ClientSeeds.Stats[] stats) {
        return sketched(a, Integer.MAX_VALUE, stats);
    }

    static List<ClientSeeds.Seed> sketched(Activity a, int sketch, ClientSeeds.Stats[] stats) {
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        return ClientSeeds.sketched(finder, n, coarsest(finder, n), P.minFollowers(), P.minTargets(), P.minLift(),
                P.maxPValue(), LockstepFollowSignal.MAX_CLIENT_SEEDS, sketch, stats);
    }

    static Set<String> ids(Activity a, int[] accounts) {
        Set<String> out = new HashSet<>();
        for (int v : accounts) {
            out.add(a.accountId(v));
        }
        return out;
    }

    @Test
    void anAgedFarmHiddenInCommunitiesIsSeededFromItsClient() {
        FollowGraphs gen = communities(11);
        List<String> farm = agedFarm(gen);
        Activity a = gen.build();
        ClientSeeds.Stats[] stats = new ClientSeeds.Stats[1];
        List<ClientSeeds.Seed> seeds = exact(a, stats);
        assertThat(seeds).as("%s", stats[0]).isNotEmpty();
        ClientSeeds.Seed first = seeds.get(0);
        assertThat(a.accountId(first.client())).isEqualTo(CLIENT);
        // the seed is mostly the farm (a few of the client's own readers co-follow the same stars; the member test
        // and growth against the model decide), and it lists the client among its targets
        Set<String> members = ids(a, first.followers());
        long inFarm = members.stream().filter(farm::contains).count();
        assertThat(inFarm).isGreaterThanOrEqualTo(P.minFollowers());
        assertThat(inFarm).isGreaterThanOrEqualTo(4L * (members.size() - inFarm));
        assertThat(ids(a, first.targets())).contains(CLIENT);
        // exact here: nobody sampled, and the increments spent are those counted
        assertThat(stats[0].followersSampled()).isZero();
        assertThat(stats[0].wedges()).isPositive();
    }

    @Test
    void theSignalFindsTheAgedFarmAndNobodyElse() {
        FollowGraphs gen = communities(11);
        List<String> farm = agedFarm(gen);
        // a sparse farm, each member following two thirds of the 24 most followed accounts of the graph: the aim
        // for aged farms, recall 0.7, is not reached on this graph (16 of 40)
        flagsWithinFarm(gen.build(), farm, P.minFollowers());
    }

    @Test
    void aCommunityFollowingItsFiveStarsAndAnOutsideIdolIsNotFlagged() {
        FollowGraphs gen = FollowNullModelTest.communities(12, 600, 400).follows(36, 0.8, 0.9)
                .everyoneFollowsStars(0, 5).everyoneFollows(0, FollowGraphs.member(1, 0));
        Activity a = gen.build();
        // the screen may point at the idol's audience; the model explains it: no block, nobody flagged
        SignalGraph g = FollowNullModelTest.follow(a);
        assertThat(g.blocks()).as(FollowNullModelTest.describe(a, g)).isEmpty();
        CoordinationResult r = new CoordinationDetector(CoordinationParams.defaults())
                .run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(r.suspiciousAccounts()).isEmpty();
    }

    @Test
    void homophilousCommunitiesYieldNoSeed() {
        Activity a = communities(13).build();
        ClientSeeds.Stats[] stats = new ClientSeeds.Stats[1];
        assertThat(exact(a, stats)).as("%s", stats[0]).isEmpty();
    }

    @Test
    void seedsAreDeterministic() {
        Activity a = agedFarmArchive();
        List<ClientSeeds.Seed> one = exact(a, null);
        List<ClientSeeds.Seed> two = exact(a, null);
        assertThat(two).hasSameSizeAs(one);
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).client()).isEqualTo(one.get(i).client());
            assertThat(two.get(i).followers()).isEqualTo(one.get(i).followers());
            assertThat(two.get(i).targets()).isEqualTo(one.get(i).targets());
        }
    }

    @Test
    void theLogTailAgreesWithThePoissonTailAndDoesNotUnderflow() {
        for (int k : new int[] {1, 3, 10, 40}) {
            for (double lambda : new double[] {0.1, 1.0, 5.0, 50.0}) {
                double p = PoissonTail.upper(k, lambda);
                if (p > 1e-300) {
                    assertThat(ClientSeeds.logUpper(k, lambda)).isCloseTo(Math.log(p),
                            Offset.offset(1e-6 * Math.max(1, Math.abs(Math.log(p)))));
                }
            }
        }
        // far beyond double's range: still finite and ordered
        double a = ClientSeeds.logUpper(5_000, 10.0);
        double b = ClientSeeds.logUpper(6_000, 10.0);
        assertThat(a).isFinite().isLessThan(-1000);
        assertThat(b).isLessThan(a);
    }

    @Test
    void parametersAreCheckedWhereTheyEnter() {
        Activity a = FollowNullModelTest.communities(14, 50).follows(10, 0.5, 1.0).build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        int[] community = new int[n];
        assertThatThrownBy(() -> ClientSeeds.sketched(finder, n, new int[n - 1], 10, 6, 4, 1e-3, 20, 64, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("community");
        assertThatThrownBy(() -> ClientSeeds.sketched(finder, n, community, 1, 6, 4, 1e-3, 20, 64, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minFollowers");
        assertThatThrownBy(() -> ClientSeeds.sketched(finder, n, community, 10, 6, 4, 0, 20, 64, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPValue");
        assertThatThrownBy(() -> ClientSeeds.sketched(finder, n, community, 10, 6, 4, 1e-3, -1, 64, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        // one community: no follow is away, nothing to count
        ClientSeeds.Stats[] stats = new ClientSeeds.Stats[1];
        assertThat(ClientSeeds.sketched(finder, n, community, 10, 6, 4, 1e-3, 20, Integer.MAX_VALUE, stats))
                .isEmpty();
        assertThat(stats[0].away()).isZero();
    }

    @Test
    void theSketchedScreenCountsAtMostItsSamplePerFollowAndStaysDeterministic() {
        Activity a = agedFarmArchive();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        for (int k : new int[] {2, 8, 32}) {
            ClientSeeds.Stats[] one = new ClientSeeds.Stats[1];
            ClientSeeds.Stats[] two = new ClientSeeds.Stats[1];
            List<ClientSeeds.Seed> first = sketched(a, k, one);
            List<ClientSeeds.Seed> second = sketched(a, k, two);
            // Σ_f b_f · min(a_f, k) ≤ k · m
            assertThat(one[0].wedges()).as("k %d", k).isLessThanOrEqualTo((long) k * finder.edgeCount());
            assertThat(one[0].followersSampled()).as("k %d", k).isPositive();
            assertThat(two[0]).isEqualTo(one[0]);
            assertThat(second).hasSameSizeAs(first);
            for (int i = 0; i < first.size(); i++) {
                assertThat(second.get(i).followers()).isEqualTo(first.get(i).followers());
                assertThat(second.get(i).targets()).isEqualTo(first.get(i).targets());
            }
        }
        assertThatThrownBy(() -> sketched(a, 1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sketch");
    }

    @Test
    void theSketchedScreenOnSeveralThreadsGivesTheSameSeedsAndCounts() {
        Activity a = agedFarmArchive();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        int[] community = coarsest(finder, n);
        // a sample of 8 (followers sampled, thresholds sorted) and the signal's (the client's seed found)
        for (int sketch : new int[] {8, ClientSeeds.SKETCH}) {
            ClientSeeds.Stats[] one = new ClientSeeds.Stats[1];
            List<ClientSeeds.Seed> single = ClientSeeds.sketched(finder, n, community, P.minFollowers(),
                    P.minTargets(), P.minLift(), P.maxPValue(), LockstepFollowSignal.MAX_CLIENT_SEEDS, sketch, one, 1,
                    TerminationFlag.RUNNING_TRUE);
            assertThat(one[0].followersSampled() > 0 || !single.isEmpty()).as("sketch %d", sketch).isTrue();
            for (int threads : new int[] {2, 3, 7}) {
                ClientSeeds.Stats[] many = new ClientSeeds.Stats[1];
                List<ClientSeeds.Seed> parallel = ClientSeeds.sketched(finder, n, community, P.minFollowers(),
                        P.minTargets(), P.minLift(), P.maxPValue(), LockstepFollowSignal.MAX_CLIENT_SEEDS, sketch,
                        many, threads, TerminationFlag.RUNNING_TRUE);
                assertThat(many[0]).as("sketch %d, threads %d", sketch, threads).isEqualTo(one[0]);
                assertThat(parallel).as("sketch %d, threads %d", sketch, threads).hasSameSizeAs(single);
                for (int i = 0; i < single.size(); i++) {
                    assertThat(parallel.get(i).client()).isEqualTo(single.get(i).client());
                    assertThat(parallel.get(i).followers()).isEqualTo(single.get(i).followers());
                    assertThat(parallel.get(i).targets()).isEqualTo(single.get(i).targets());
                    assertThat(parallel.get(i).logTail()).isEqualTo(single.get(i).logTail());
                }
            }
            if (sketch == ClientSeeds.SKETCH) {
                assertThat(single.stream().map(s -> a.accountId(s.client()))).contains(CLIENT);
            }
        }
        assertThatThrownBy(() -> ClientSeeds.sketched(finder, n, community, P.minFollowers(), P.minTargets(),
                P.minLift(), P.maxPValue(), LockstepFollowSignal.MAX_CLIENT_SEEDS, 8, null, 2, () -> false))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> ClientSeeds.sketched(finder, n, community, P.minFollowers(), P.minTargets(),
                P.minLift(), P.maxPValue(), LockstepFollowSignal.MAX_CLIENT_SEEDS, 8, null, 0,
                TerminationFlag.RUNNING_TRUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency");
    }

    @Test
    void aCommunityWhereEveryoneFollowsItsFiveStarsYieldsNoBlock() {
        FollowGraphs gen = FollowNullModelTest.communities(12, 600, 400, 300, 200).follows(36, 0.8, 0.85)
                .everyoneFollowsStars(0, 5);
        Activity a = gen.build();
        ClientSeeds.Stats[] stats = new ClientSeeds.Stats[1];
        // the stars' readers follow inside their community: nothing away for the screen to count together
        assertThat(sketched(a, ClientSeeds.SKETCH, stats)).as("%s", stats[0]).isEmpty();
        SignalGraph g = FollowNullModelTest.follow(a);
        assertThat(g.blocks()).as(FollowNullModelTest.describe(a, g)).isEmpty();
    }

    /**
     * {@link #communities} with a client followed by 60 ordinary members of the second community and an aged farm of
     * 40 bought for it from every community, each member following the client and 16 of a pool of the accounts ranked
     * 5–9 in every community (popular accounts below the stars): the farm is 0.4 of its client's audience, inside the
     * range measured on the simulator's farms (0.27–0.54; docs/quality.md, "Honest crowds nobody tuned on").
     */
    static List<String> agedFarmOfAClientWithAnAudience(FollowGraphs gen) {
        gen.t.b.account(CLIENT, CLIENT, FollowGraphs.NOW - 3 * FollowGraphs.YEAR, 0);
        for (int k = 100; k < 160; k++) {
            gen.t.b.addFollow(FollowGraphs.member(1, k), CLIENT);
        }
        return gen.agedFarm(-1, 40, 5, 10, 16, CLIENT);
    }

    @Test
    void anAgedFarmWhoseClientHasALargerOrganicAudienceIsFound() {
        FollowGraphs gen = communities(15);
        List<String> farm = agedFarmOfAClientWithAnAudience(gen);
        seededAndFound(gen.build(), farm);
    }

    /**
     * {@link #agedFarmOfAClientWithAnAudience} and, for the same client, a fresh farm of 30 accounts created within
     * four days, each following the client and 6 of the 10 top accounts of every community (two vendors of one
     * buyer, as in the fourth generator's w1). The client's seed holds both farms; the fresh farm's creation burst is
     * what growth starts from, and its follows of the stars of every community yield no block there (another round
     * finds it). The seed is then judged again without the burst, on the client's co-following audience: the
     * aged farm is found. Judged once, the whole seed left the search with the burst and the aged farm was lost
     * (0 of 40 on this graph and on communities 15 and 16).
     */
    @Test
    void anAgedFarmSharingItsClientWithAFreshFarmIsFoundWhenTheFreshFarmsBurstYieldsNothing() {
        FollowGraphs gen = communities(11);
        List<String> aged = agedFarmOfAClientWithAnAudience(gen);
        List<String> fresh = gen.farm(30, 10, 6, true, CLIENT);
        Activity a = gen.build();
        SignalGraph g = FollowNullModelTest.follow(a);
        Set<String> flagged = FollowNullModelTest.flagged(a, g);
        String why = FollowNullModelTest.describe(a, g);
        List<String> farms = new ArrayList<>(aged);
        farms.addAll(fresh);
        assertThat(farms).as(why).containsAll(flagged);
        assertThat(flagged.stream().filter(aged::contains).count()).as(why)
                .isGreaterThanOrEqualTo((long) Math.ceil(0.7 * aged.size()));
        assertThat(flagged.stream().filter(fresh::contains).count()).as(why)
                .isGreaterThanOrEqualTo((long) Math.ceil(0.9 * fresh.size()));
    }

    /**
     * An aged farm of 40 bought from one seller whose accounts all lived in the largest community, following a
     * client that nobody else follows and 16 of the top 3 accounts of every community (archive T's farm: its client's
     * 50 followers are the farm, most of them and of its pool in one community).
     */
    @Test
    void anAgedFarmThatIsItsClientsWholeAudienceInsideOneCommunityIsFound() {
        FollowGraphs gen = communities(16);
        gen.t.b.account(CLIENT, CLIENT, FollowGraphs.NOW - 3 * FollowGraphs.YEAR, 0);
        List<String> farm = gen.agedFarm(0, 40, 0, 3, 16, CLIENT);
        seededAndFound(gen.build(), farm);
    }

    /**
     * The screen seeds {@link #CLIENT}, and the signal flags at least 0.7 of the farm (the aim for aged
     * farms) and nobody else.
     */
    private static void seededAndFound(Activity a, List<String> farm) {
        ClientSeeds.Stats[] stats = new ClientSeeds.Stats[1];
        List<ClientSeeds.Seed> seeds = sketched(a, ClientSeeds.SKETCH, stats);
        assertThat(seeds.stream().map(s -> a.accountId(s.client()))).as("%s", stats[0]).contains(CLIENT);
        flagsWithinFarm(a, farm, (int) Math.ceil(0.7 * farm.size()));
    }

    /** The whole signal flags nobody outside {@code farm} and at least {@code atLeast} of it. */
    private static void flagsWithinFarm(Activity a, List<String> farm, int atLeast) {
        SignalGraph g = FollowNullModelTest.follow(a);
        Set<String> flagged = FollowNullModelTest.flagged(a, g);
        assertThat(farm).as(FollowNullModelTest.describe(a, g)).containsAll(flagged);
        assertThat(flagged.size()).as(FollowNullModelTest.describe(a, g)).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void aFarmFoundInTwoPiecesIsJudgedWithoutItsFirstPiece() {
        // half of an aged farm already in a kept block: the other half's block, judged with the first half held out
        // of the rates (Growth#hold), expects fewer follows of the pool than with the first half counted as
        // ordinary readers of their communities, and is kept
        FollowGraphs gen = communities(11);
        List<String> farm = agedFarm(gen);
        Activity a = gen.build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n,
                CoordinationParams.defaults().seed());
        Set<String> firstHalf = new HashSet<>(farm.subList(0, farm.size() / 2));
        boolean[] kept = new boolean[n];
        List<Integer> second = new ArrayList<>();
        List<Integer> whole = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            kept[v] = firstHalf.contains(a.accountId(v));
            if (farm.contains(a.accountId(v))) {
                whole.add(v);
                if (!kept[v]) {
                    second.add(v);
                }
            }
        }
        int[] fs = second.stream().mapToInt(Integer::intValue).toArray();
        LockstepFollowSignal.Growth growth = new LockstepFollowSignal(CoordinationParams.defaults())
                .new Growth(finder, model, n);
        // the targets the whole farm follows together: the pool's stars and the client
        int[] ts = growth.targets(whole.stream().mapToInt(Integer::intValue).toArray());
        assertThat(ids(a, ts)).contains(CLIENT);
        int[] candidates = growth.heldOut(fs, ts);
        model.setBlock(fs, candidates);
        double counted = 0;
        for (int t : ts) {
            counted += model.expected(t);
        }
        model.setBlock(fs, candidates, kept);
        double held = 0;
        for (int t : ts) {
            held += model.expected(t);
        }
        assertThat(held).isLessThan(counted);
        growth.hold(kept);
        DenseBlock block = growth.test(fs, ts);
        assertThat(block).isNotNull();
        assertThat(block.followers()).containsExactly(fs);
        assertThat(block.expected()).isLessThan(counted);
        // the hold is what the signal passes for a client: the client's followers already in a kept block
        boolean[] spent = new boolean[n];
        spent[fs[0]] = true;
        spent[finder.outTarget(finder.outStart(fs[0]))] = true;
        int client = -1;
        for (int v = 0; v < n; v++) {
            client = a.accountId(v).equals(CLIENT) ? v : client;
        }
        boolean[] marked = LockstepFollowSignal.keptFollowers(finder, client, spent);
        for (int v = 0; v < n; v++) {
            assertThat(marked[v]).as("account %d", v).isEqualTo(spent[v] && finder.follows(v, client));
        }
    }
}
