package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    static final long YEAR = 365 * 86_400L;
    static final long FARM_CREATED = 1_650_000_000L;

    /**
     * Organic readers and, with {@code farm}, a sparse camouflaged farm. 300 readers r0..r299, created a week apart,
     * each follow 4 + i mod 37 accounts: with probability 0.6 one of 20 stars s0..s19 (Zipf-popular), else another
     * reader. The farm: f0..f11, created within one hour, each follow the client c, a random 8 of 16 pool accounts
     * p0..p15 (two members share 4 pool accounts on average, so most pairs share fewer than 6 targets) and, as
     * camouflage, the stars s0 and s1. Each pool account also has 4 random readers.
     */
    static Activity readersAndFarm(boolean farm) {
        Random r = new Random(7);
        Timeline t = new Timeline();
        for (int i = 0; i < 300; i++) {
            t.b.account("r" + i, "r" + i, FARM_CREATED - 6 * YEAR + i * 7 * 86_400L, 50);
        }
        for (int k = 0; k < 20; k++) {
            t.b.account("s" + k, "s" + k, FARM_CREATED - 8 * YEAR, 5000);
        }
        double zipf = 0;
        for (int k = 0; k < 20; k++) {
            zipf += 1.0 / (k + 1);
        }
        for (int i = 0; i < 300; i++) {
            int d = 4 + i % 37;
            for (int j = 0; j < d; j++) {
                if (r.nextDouble() < 0.6) {
                    double x = r.nextDouble() * zipf;
                    int k = 0;
                    while (k < 19 && (x -= 1.0 / (k + 1)) > 0) {
                        k++;
                    }
                    t.b.addFollow("r" + i, "s" + k);
                } else {
                    int other = r.nextInt(300);
                    if (other != i) {
                        t.b.addFollow("r" + i, "r" + other);
                    }
                }
            }
        }
        if (farm) {
            t.b.account("c", "c", FARM_CREATED - 3 * YEAR, 40);
            for (int p = 0; p < 16; p++) {
                t.b.account("p" + p, "p" + p, FARM_CREATED - 4 * YEAR, 100);
                for (int j = 0; j < 4; j++) {
                    t.b.addFollow("r" + r.nextInt(300), "p" + p);
                }
            }
            for (int f = 0; f < 12; f++) {
                t.b.account("f" + f, "f" + f, FARM_CREATED + 300L * f, 0);
                t.b.addFollow("f" + f, "c");
                List<Integer> pool = new ArrayList<>();
                for (int p = 0; p < 16; p++) {
                    pool.add(p);
                }
                Collections.shuffle(pool, r);
                for (int j = 0; j < 8; j++) {
                    t.b.addFollow("f" + f, "p" + pool.get(j));
                }
                t.b.addFollow("f" + f, "s0");
                t.b.addFollow("f" + f, "s1");
            }
        }
        return t.build();
    }

    static SignalGraph follow(Activity a) {
        return new LockstepFollowSignal(CoordinationParams.defaults())
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    @Test
    void theSparseCamouflagedFarmIsFoundWholeAndTheReadersAreNot() {
        Activity a = readersAndFarm(true);
        SignalGraph g = follow(a);
        Set<String> linked = new TreeSet<>();
        int sharingFewerThanSix = 0;
        for (CoordinationEdge e : g.edges()) {
            linked.add(a.accountId(e.source()));
            linked.add(a.accountId(e.target()));
            if (e.count() < 6) {
                sharingFewerThanSix++;
            }
            // the block's targets are the client and the pool; the camouflage stars stay out
            for (Evidence ev : e.evidence()) {
                assertThat(ev.item()).matches("c|p[0-9]+");
            }
            assertThat(e.evidence()).extracting(Evidence::item).contains("c");
        }
        Set<String> farm = new TreeSet<>();
        for (int f = 0; f < 12; f++) {
            farm.add("f" + f);
        }
        assertThat(linked).isEqualTo(farm);
        // one finding: the block, with each member linked to its 10 most similar fellow members (not all 66 pairs)
        assertThat(g.blocks()).hasSize(1);
        assertThat(g.edges()).hasSizeBetween(60, 65);
        assertThat(sharingFewerThanSix).isGreaterThan(30); // what a pairwise rule of 6 common targets would miss
    }

    @Test
    void organicReadersOfTheSameStarsFormNoBlock() {
        assertThat(follow(readersAndFarm(false)).edges()).isEmpty();
    }

    @Test
    void growthFromAMixedSeedKeepsTheAccountsMadeTogether() {
        Activity a = readersAndFarm(true);
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        int n = a.accountCount();
        TreeSet<Long> pairs = new TreeSet<>(); // distinct follows, as the signal builds them
        for (int i = 0; i < a.followCount(); i++) {
            pairs.add((long) a.follower(i) << 32 | a.followee(i));
        }
        int[] follower = pairs.stream().mapToInt(p -> (int) (p >>> 32)).toArray();
        int[] followee = pairs.stream().mapToInt(p -> (int) (long) p).toArray();
        DenseBlockFinder finder = new DenseBlockFinder(n, follower, followee);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed());
        // a seed as peeling can leave it: the farm next to the ten heaviest readers (r36, r73, ... follow 40)
        List<Integer> seed = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            seed.add(indexOf(a, "f" + f));
        }
        for (int i = 36; i < 300; i += 37) {
            seed.add(indexOf(a, "r" + i));
        }
        int[] seedArray = seed.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] core = signal.creationCore(a, seedArray);
        assertThat(names(a, core)).containsExactlyInAnyOrderElementsOf(farmNames());
        int[][] block = signal.new Growth(finder, model, n).grow(core, new boolean[n]);
        assertThat(names(a, block[0])).containsExactlyInAnyOrderElementsOf(farmNames());
        List<String> targets = names(a, block[1]);
        assertThat(targets).contains("c").doesNotContain("s0", "s1");
        assertThat(targets).allMatch(x -> x.equals("c") || x.startsWith("p"));
        // here growth from the whole mixed seed drops the readers as well: they follow the stars, which everyone
        // follows together, and the farm's targets only a little
        int[][] fromAll = signal.new Growth(finder, model, n).grow(seedArray, new boolean[n]);
        assertThat(names(a, fromAll[0])).containsExactlyInAnyOrderElementsOf(farmNames());
        assertThat(names(a, fromAll[1])).isEqualTo(targets);
    }

    /**
     * A sparse burst farm as the simulator plants it (30 accounts created within four days, each following a
     * client and 12 of a pool of 24 community stars) in six homophilous communities of 500. Peeling splits such a
     * farm between seeds of heavy readers: the creation-burst core of each seed is judged on the targets it follows
     * together (the readers' targets, the pool's stars among them, would explain its follows), and a core too small
     * to grow by itself is not lost: the rest of the farm, grown in a later round, recruits it.
     */
    @Test
    void aSparseBurstFarmSplitBetweenSeedsIsFound() {
        FollowGraphs gen = sixCommunities(3);
        List<String> farm = gen.farm(30, 4, 12, true, "client");
        Activity a = gen.build();
        SignalGraph g = follow(a);
        Set<String> flagged = FollowNullModelTest.flagged(a, g);
        assertThat(farm).as(FollowNullModelTest.describe(a, g)).containsAll(flagged);
        assertThat(flagged.size()).as(FollowNullModelTest.describe(a, g)).isGreaterThanOrEqualTo(24);
    }

    @Test
    void aFarmMadeInFourDaysIsTheArchivesOneCreationBurst() {
        FollowGraphs gen = sixCommunities(3);
        Activity organic = new FollowGraphs(3).community(500, 1.3).community(500, 1.3).follows(40, 1.0, 0.85).build();
        List<String> farm = gen.farm(30, 4, 12, true, "client");
        Activity a = gen.build();
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        List<int[]> bursts = signal.creationBursts(a, LockstepFollowSignal.follows(a));
        assertThat(bursts).hasSize(1);
        // the span holds the farm and the few ordinary accounts made the same week (growth sorts them out)
        assertThat(names(a, bursts.get(0))).containsAll(farm).hasSizeLessThan(farm.size() + 10);
        // sign-ups spread over seven years have no burst
        assertThat(signal.creationBursts(organic, LockstepFollowSignal.follows(organic))).isEmpty();
    }

    /**
     * Growth alone, from six members of a burst farm (30 accounts made in one day, following a client and a pool
     * of 24 accounts P0..P23, each of which also has four ordinary followers): the six (A) follow the client and
     * P0..P7, 18 more (B) the client, 3 of P0..P7 and 8 of P8..P23, the last 6 (C) one of P0..P7 and 8 of
     * P8..P23. From A the targets are the client and P0..P7: B follows 4 of them and C one, below the
     * {@code minTargets} floor of 6, so growth that judges only the accounts above the floor keeps A. Judging the
     * creation burst's members without the floor admits B (4 unexplained follows); the targets of A and B then
     * include P8..P23, and C, whose one follow of the first targets is explained, is judged on those at the next
     * step: the whole farm (the pattern of simulation seed 49's n3000-c4 cell, where the burst judged once after
     * growth left 4 of the 30 out).
     */
    @Test
    void growthJudgesTheBurstAtEveryStepAndReachesTheWholeFarm() {
        FollowGraphs gen = sixCommunities(3);
        List<String> pool = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            String p = "p" + k;
            pool.add(p);
            gen.t.b.account(p, p, FollowGraphs.NOW - 4 * FollowGraphs.YEAR, 0);
            for (int j = 0; j < 4; j++) {
                gen.t.b.addFollow(FollowGraphs.member(k % 6, 40 + 7 * k + j), p);
            }
        }
        gen.t.b.account("client", "client", FollowGraphs.NOW - 3 * FollowGraphs.YEAR, 0);
        List<String> farm = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "f" + i;
            farm.add(id);
            gen.t.b.account(id, id, FollowGraphs.NOW - FollowGraphs.YEAR + i * 600L, 0);
            if (i < 24) {
                gen.t.b.addFollow(id, "client");
            }
            int first = i < 6 ? 8 : i < 24 ? 3 : 1;
            for (int k = 0; k < first; k++) {
                gen.t.b.addFollow(id, pool.get((i * 3 + k) % 8));
            }
            for (int k = 0; i >= 6 && k < 8; k++) {
                gen.t.b.addFollow(id, pool.get(8 + (i * 5 + k) % 16));
            }
        }
        Activity a = gen.build();
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n, CoordinationParams.defaults().seed());
        finder.setEdgeWeights(model.surprise());
        List<int[]> bursts = signal.creationBursts(a, finder);
        assertThat(bursts).hasSize(1);
        int[] burst = bursts.get(0);
        assertThat(names(a, burst)).containsAll(farm);
        int[] six = new int[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = indexOf(a, "f" + i);
        }
        Arrays.sort(six);
        LockstepFollowSignal.Growth growth = signal.new Growth(finder, model, n);
        int[][] grown = growth.grow(six, new boolean[n], six, burst);
        assertThat(names(a, grown[0])).containsExactlyInAnyOrderElementsOf(farm);
        assertThat(names(a, grown[1])).contains("client").containsAll(pool.subList(8, 24));
        int[][] aboveTheFloor = growth.grow(six, new boolean[n], six, new int[0]);
        assertThat(names(a, aboveTheFloor[0])).containsExactlyInAnyOrder("f0", "f1", "f2", "f3", "f4", "f5");
        // the whole signal: the farm, nothing else
        SignalGraph g = follow(a);
        assertThat(FollowNullModelTest.flagged(a, g)).as(FollowNullModelTest.describe(a, g))
                .containsExactlyInAnyOrderElementsOf(farm);
    }

    /**
     * Six communities signed up within half a year (about 16 accounts a day), whose members follow their own stars,
     * and a farm of 30 made in four days inside that half year, following a client and 12 of the 24 stars of the
     * six communities: no spike among the archive's sign-ups (64 ordinary accounts made in the same four days), so
     * no archive-wide creation burst holds it; its client's audience is one, and the block grown from it is the
     * farm (found here with no peeling round at all).
     */
    @Test
    void aFarmHiddenInTheArchivesSignUpsIsFoundFromItsClientsAudience() {
        FollowGraphs gen = sixCommunitiesSignedUpFast(5);
        List<String> farm = gen.farm(30, 4, 12, true, "client");
        Activity a = gen.build();
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        for (int[] cohort : signal.creationBursts(a, finder)) {
            assertThat(names(a, cohort)).as("an archive-wide burst").doesNotContainAnyElementsOf(farm);
        }
        List<int[]> seeds = signal.audienceBursts(a, finder);
        assertThat(seeds).isNotEmpty();
        assertThat(names(a, seeds.get(0))).containsExactlyInAnyOrderElementsOf(farm);
        // no peeling round: the block comes from the audience seed
        CoordinationParams.FollowParams p = CoordinationParams.defaults().follow();
        SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults().withFollow(new CoordinationParams.FollowParams(
                p.minFollowers(), p.minTargets(), p.minDensity(), 0, p.creationBurst(), p.maxPValue(), p.minLift(),
                p.partners()))).graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Set<String> flagged = FollowNullModelTest.flagged(a, g);
        assertThat(farm).as(FollowNullModelTest.describe(a, g)).containsAll(flagged);
        assertThat(flagged.size()).as(FollowNullModelTest.describe(a, g)).isGreaterThanOrEqualTo(27);
    }

    /**
     * The same six communities without the farm, and one where every member also follows its five stars: the
     * audiences of stars signed up in a fast-growing half year hold no burst beyond the archive's sign-ups, and no
     * block is kept.
     */
    @Test
    void communitiesSignedUpFastFollowingTheirStarsGiveNoSeedAndNoBlock() {
        FollowGraphs gen = sixCommunitiesSignedUpFast(5).everyoneFollowsStars(0, 5);
        Activity a = gen.build();
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        assertThat(signal.audienceBursts(a, LockstepFollowSignal.follows(a))).isEmpty();
        SignalGraph g = follow(a);
        assertThat(g.blocks()).as(FollowNullModelTest.describe(a, g)).isEmpty();
    }

    @Test
    void audienceBurstParametersAreValidated() {
        Activity a = farm(false);
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        long[] created = new long[a.accountCount()];
        assertThatThrownBy(
                () -> AudienceSeeds.bursts(finder, created, -1, 10, 4.0, 1e-3, 20)).hasMessageContaining("span");
        assertThatThrownBy(
                () -> AudienceSeeds.bursts(finder, created, 86_400, 1, 4.0, 1e-3, 20)).hasMessageContaining(
                "minFollowers");
        assertThatThrownBy(
                () -> AudienceSeeds.bursts(finder, created, 86_400, 10, 4.0, 1e-3, -1)).hasMessageContaining("limit");
    }

    /** {@link #sixCommunities(long, long, long)} with members created over eight years. */
    private static FollowGraphs sixCommunities(long seed) {
        return sixCommunities(seed, FollowGraphs.NOW - 8 * FollowGraphs.YEAR, 7 * FollowGraphs.YEAR);
    }

    /**
     * {@link #sixCommunities(long, long, long)} signed up within half a year, a year and two months before
     * {@link FollowGraphs#NOW} (about 16 accounts a day).
     */
    private static FollowGraphs sixCommunitiesSignedUpFast(long seed) {
        return sixCommunities(seed, FollowGraphs.NOW - FollowGraphs.YEAR - 60 * FollowGraphs.DAY,
                FollowGraphs.YEAR / 2);
    }

    /**
     * Six communities of 500 members (popularity exponent 1.3) created in [{@code from}, {@code from + span}), whose
     * members follow 40 accounts at the median (sigma 1), 85 % inside their community.
     */
    private static FollowGraphs sixCommunities(long seed, long from, long span) {
        FollowGraphs gen = new FollowGraphs(seed);
        for (int c = 0; c < 6; c++) {
            gen.community(500, 1.3, from, span);
        }
        return gen.follows(40, 1.0, 0.85);
    }

    static int indexOf(Activity a, String id) {
        for (int v = 0; v < a.accountCount(); v++) {
            if (a.accountId(v).equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException(id);
    }

    static List<String> names(Activity a, int[] accounts) {
        List<String> out = new ArrayList<>();
        for (int v : accounts) {
            out.add(a.accountId(v));
        }
        return out;
    }

    static List<String> farmNames() {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            out.add("f" + f);
        }
        return out;
    }

    @Test
    void findsExactlyTheFarmPairs() {
        for (boolean camouflage : new boolean[]{false, true}) {
            Activity a = farm(camouflage);
            SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults())
                    .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
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
        CoordinationResult r = new CoordinationDetector(CoordinationParams.defaults())
                .run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(r.clusters()).hasSize(1);
        Cluster c = r.clusters().get(0);
        assertThat(c.kind()).isEqualTo("follower-farm");
        assertThat(c.size()).isEqualTo(10);
        // p-value 0 (significance 1), density 1, all ten created within 90 minutes (creation burst 1), no posts:
        // 0.45 + 0.2 + 0.2
        assertThat(c.score()).isCloseTo(0.85, Offset.offset(1e-9));
        assertThat(c.firstSeen()).isEqualTo(Activity.NO_TIME);
    }

    /**
     * The core-cut peeling returns the block of greedy peeling over the whole graph: random sparse follow graphs
     * (so that the core ladder climbs) with a planted dense block, random surprise weights and excluded followers,
     * against a plain heap peel of every node written here.
     */
    @Test
    void peelingACoreGivesTheWholeGraphsBlock() {
        for (int trial = 0; trial < 6; trial++) {
            Random r = new Random(100 + trial);
            int n = 3000;
            TreeSet<Long> pairs = sparseFollows(r, n, 15_000, 300);
            plantBlock(r, pairs, 2000, 2000 + 20 + trial * 10, 2900, 2915, 0.7);
            Weighted w = Weighted.of(r, n, pairs, 0.1);
            boolean[] excluded = new boolean[n];
            for (int f = 0; f < n; f += 7 + trial) {
                excluded[f] = true;
            }
            boolean[] fast = Weighted.densest(w.finder(), excluded);
            assertThat(nodes(fast)).as("trial " + trial).isEqualTo(nodes(w.reference(excluded)));
            int members = 0;
            for (int f = 2000; f < 2030; f++) {
                members += fast[f] ? 1 : 0;
            }
            assertThat(members).as("trial " + trial).isGreaterThanOrEqualTo(10);
        }
    }

    /**
     * Successive peeling rounds on one finder, each excluding the followers the round before found (as the signal's
     * seed search does; the core ladder climbs on a graph with several dense blocks), return the block of greedy
     * peeling over the whole remaining graph, and a search with no exclusions again the first.
     */
    @Test
    void roundsStartingFromTheLastCoreGiveTheWholeGraphsBlock() {
        Random r = new Random(11);
        int n = 4000;
        TreeSet<Long> pairs = sparseFollows(r, n, 24_000, 300);
        for (int b = 0; b < 4; b++) { // four planted blocks of 25-40 followers and 15 targets each
            plantBlock(r, pairs, 2000 + 100 * b, 2025 + 100 * b + 5 * b, 3000 + 20 * b, 3015 + 20 * b, 0.7);
        }
        Weighted w = Weighted.of(r, n, pairs, 0);
        DenseBlockFinder finder = w.finder();
        boolean[] excluded = new boolean[n];
        int found = 0;
        for (int round = 0; round < 6; round++) {
            boolean[] block = Weighted.densest(finder, excluded);
            assertThat(nodes(block)).as("round " + round).isEqualTo(nodes(w.reference(excluded)));
            for (int f = 0; f < n; f++) {
                if (block[f]) {
                    excluded[f] = true;
                    found += f >= 2000 && f < 2400 && f % 100 < 40 ? 1 : 0;
                }
            }
        }
        assertThat(found).as("planted followers found over the rounds").isGreaterThanOrEqualTo(80);
        boolean[] none = new boolean[n];
        assertThat(nodes(Weighted.densest(finder, none))).isEqualTo(nodes(w.reference(none)));
    }

    /**
     * Many rounds on one finder, each excluding the block found and a random handful of followers besides (so that
     * cores lose nodes deep inside, not only the block's): the ladder is updated, not climbed again, in most rounds
     * (when a deep step's test fails, climbed on from the last core whose step holds), and every round's block is
     * still that of greedy peeling over the whole remaining graph.
     */
    @Test
    void anUpdatedLadderGivesTheWholeGraphsBlockRoundAfterRound() {
        Random r = new Random(5);
        int n = 6000;
        TreeSet<Long> pairs = sparseFollows(r, n, 60_000, 500);
        for (int b = 0; b < 8; b++) { // planted blocks of 20-55 followers and 12-19 targets
            plantBlock(r, pairs, 3000 + 150 * b, 3020 + 150 * b + 5 * b, 4000 + 30 * b, 4012 + 30 * b + b, 0.6 + 0.04 * b);
        }
        Weighted w = Weighted.of(r, n, pairs, 0);
        DenseBlockFinder finder = w.finder();
        boolean[] excluded = new boolean[n];
        int rounds = 14, blocks = 0;
        for (int round = 0; round < rounds; round++) {
            boolean[] block = Weighted.densest(finder, excluded);
            assertThat(nodes(block)).as("round " + round).isEqualTo(nodes(w.reference(excluded)));
            for (int f = 0; f < n; f++) {
                if (block[f]) {
                    excluded[f] = true;
                    blocks++;
                }
            }
            for (int k = 0; k < 40; k++) {
                excluded[r.nextInt(n)] = true;
            }
        }
        assertThat(blocks).as("followers found over the rounds " + blocks).isGreaterThan(100);
        assertThat(finder.climbs).as("ladders climbed from scratch").isLessThan(rounds / 2);
        assertThat(finder.resumes).as("ladders climbed on from the last core whose step still held").isPositive();
    }

    /**
     * Up to {@code follows} random follows (follower &lt;&lt; 32 | followee) among {@code n} accounts, the targets
     * half-normal around account 0 (standard deviation {@code sd}): a sparse graph whose core ladder climbs.
     */
    private static TreeSet<Long> sparseFollows(Random r, int n, int follows, double sd) {
        TreeSet<Long> pairs = new TreeSet<>();
        for (int e = 0; e < follows; e++) {
            int f = r.nextInt(n), t = (int) Math.min(n - 1, Math.abs(r.nextGaussian()) * sd);
            if (f != t) {
                pairs.add((long) f << 32 | t);
            }
        }
        return pairs;
    }

    /**
     * Plants a dense block: each of followers [{@code f0}, {@code f1}) follows each of targets [{@code t0},
     * {@code t1}) with probability {@code p}.
     */
    private static void plantBlock(Random r, TreeSet<Long> pairs, int f0, int f1, int t0, int t1, double p) {
        for (int f = f0; f < f1; f++) {
            for (int t = t0; t < t1; t++) {
                if (r.nextDouble() < p) {
                    pairs.add((long) f << 32 | t);
                }
            }
        }
    }

    /**
     * Follows (follower &lt;&lt; 32 | followee) among {@code n} accounts with surprise weights, for the peeling
     * tests: a finder on them and the reference peel it must agree with, both at 10 followers, 6 targets and
     * density 0.25.
     */
    private record Weighted(int n, int[] follower, int[] followee, double[] surprise) {
        /** {@code pairs} with weights from {@link #surprises}{@code (r, pairs.size(), zeroShare)}. */
        static Weighted of(Random r, int n, TreeSet<Long> pairs, double zeroShare) {
            int[] follower = pairs.stream().mapToInt(p -> (int) (p >>> 32)).toArray();
            int[] followee = pairs.stream().mapToInt(p -> (int) (long) p).toArray();
            return new Weighted(n, follower, followee, surprises(r, follower.length, zeroShare));
        }

        DenseBlockFinder finder() {
            DenseBlockFinder finder = new DenseBlockFinder(n, follower, followee);
            finder.setEdgeWeights(surprise.clone());
            return finder;
        }

        static boolean[] densest(DenseBlockFinder finder, boolean[] excluded) {
            return finder.densest(excluded, 10, 6, 0.25);
        }

        /** Greedy peeling of the whole graph without {@code excluded} ({@link #wholeGraphPeel}). */
        boolean[] reference(boolean[] excluded) {
            return wholeGraphPeel(n, follower, followee, surprise, excluded, 10, 6, 0.25);
        }
    }

    /** {@code m} surprise weights: 0 with probability {@code zeroShare}, else uniform in [0.2, 1). */
    private static double[] surprises(Random r, int m, double zeroShare) {
        double[] surprise = new double[m];
        for (int i = 0; i < m; i++) {
            surprise[i] = zeroShare > 0 && r.nextDouble() < zeroShare ? 0 : 0.2 + 0.8 * r.nextDouble();
        }
        return surprise;
    }

    private static List<Integer> nodes(boolean[] mask) {
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < mask.length; v++) {
            if (mask[v]) {
                out.add(v);
            }
        }
        return out;
    }

    /** Greedy peeling of every node with a plain heap (FRAUDAR's weights times the surprise), the constrained best. */
    private static boolean[] wholeGraphPeel(int n, int[] follower, int[] followee, double[] surprise,
                                            boolean[] excluded, int minFollowers, int minTargets, double minDensity) {
        int[] out = new int[n], in = new int[n];
        for (int i = 0; i < follower.length; i++) {
            out[follower[i]]++;
            in[followee[i]]++;
        }
        double[] degree = new double[2 * n];
        int[] plain = new int[2 * n];
        double[] w = new double[follower.length];
        double total = 0;
        long edges = 0;
        for (int i = 0; i < follower.length; i++) {
            w[i] = surprise[i] / Math.log(in[followee[i]] + 5) / Math.log(out[follower[i]] + 5);
            if (excluded[follower[i]] || w[i] <= 0) {
                continue;
            }
            degree[follower[i]] += w[i];
            degree[n + followee[i]] += w[i];
            plain[follower[i]]++;
            plain[n + followee[i]]++;
            total += w[i];
            edges++;
        }
        List<List<Integer>> incident = new ArrayList<>();
        for (int v = 0; v < 2 * n; v++) {
            incident.add(new ArrayList<>());
        }
        for (int i = 0; i < follower.length; i++) {
            if (!excluded[follower[i]] && w[i] > 0) {
                incident.get(follower[i]).add(i);
                incident.get(n + followee[i]).add(i);
            }
        }
        PriorityQueue<double[]> heap = new PriorityQueue<>(
                (x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        boolean[] alive = new boolean[2 * n];
        int fs = 0, ts = 0;
        for (int v = 0; v < 2 * n; v++) {
            if (plain[v] > 0) {
                alive[v] = true;
                fs += v < n ? 1 : 0;
                ts += v < n ? 0 : 1;
                heap.add(new double[] {degree[v], v});
            }
        }
        List<Integer> removal = new ArrayList<>();
        double best = -1;
        int bestRemoved = -1;
        while (true) {
            if (fs >= minFollowers && ts >= minTargets && edges >= minDensity * fs * (double) ts) {
                double g = total / (fs + ts);
                if (g > best + 1e-12) {
                    best = g;
                    bestRemoved = removal.size();
                }
            }
            double[] top = null;
            while (!heap.isEmpty()) { // skip stale entries
                double[] x = heap.poll();
                if (alive[(int) x[1]] && x[0] == degree[(int) x[1]]) {
                    top = x;
                    break;
                }
            }
            if (top == null) {
                break;
            }
            int v = (int) top[1];
            alive[v] = false;
            removal.add(v);
            total -= degree[v];
            edges -= plain[v];
            if (v < n) {
                fs--;
            } else {
                ts--;
            }
            for (int i : incident.get(v)) {
                int a = follower[i], b = n + followee[i];
                int other = a == v ? b : a;
                if (alive[other]) {
                    degree[other] -= w[i];
                    plain[other]--;
                    heap.add(new double[] {degree[other], other});
                }
            }
        }
        boolean[] block = new boolean[2 * n];
        for (int i = Math.max(0, bestRemoved); bestRemoved >= 0 && i < removal.size(); i++) {
            block[removal.get(i)] = true;
        }
        return block;
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

    @Test
    void theModelsPartitionsAndTheBlocksDoNotDependOnTheThreads() {
        FollowGraphs gen = sixCommunities(3);
        List<String> farm = gen.farm(30, 4, 12, true, "client");
        Activity a = gen.build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        long seed = CoordinationParams.defaults().seed();
        List<int[]> one = LockstepFollowSignal.Models.fit(finder, n, seed, 1, TerminationFlag.RUNNING_TRUE)
                .partitions(n);
        assertThat(one).hasSize(LockstepFollowSignal.Models.RESOLUTIONS.length);
        for (int threads : new int[] {2, 3, 8}) {
            List<int[]> p = LockstepFollowSignal.Models.fit(finder, n, seed, threads, TerminationFlag.RUNNING_TRUE)
                    .partitions(n);
            for (int r = 0; r < one.size(); r++) {
                assertThat(p.get(r)).as("resolution %s on %d threads", LockstepFollowSignal.Models.RESOLUTIONS[r],
                        threads).isEqualTo(one.get(r));
            }
        }
        SignalGraph serial = new LockstepFollowSignal(CoordinationParams.defaults(), 1)
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        SignalGraph parallel = new LockstepFollowSignal(CoordinationParams.defaults(), 3)
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(FollowNullModelTest.flagged(a, serial)).isNotEmpty().isSubsetOf(farm)
                .isEqualTo(FollowNullModelTest.flagged(a, parallel));
        assertThat(parallel.edges()).isEqualTo(serial.edges());
    }

    @Test
    void eachIndexRunsOnceAndAFailureOrTerminationStopsTheRest() {
        int[] runs = new int[50];
        LockstepFollowSignal.Models.eachOnThreads(runs.length, 3, TerminationFlag.RUNNING_TRUE, i -> runs[i]++);
        assertThat(runs).containsOnly(1);
        // the lowest failing index is the one reported, and no index starts after a failure is seen
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> LockstepFollowSignal.Models.eachOnThreads(1_000, 1, TerminationFlag.RUNNING_TRUE,
                i -> {
                    started.incrementAndGet();
                    if (i >= 3) {
                        throw new IllegalStateException("task " + i);
                    }
                })).isInstanceOf(IllegalStateException.class).hasMessage("task 3");
        assertThat(started.get()).isEqualTo(4);
        AtomicBoolean running = new AtomicBoolean(true);
        int[] ran = new int[1];
        assertThatThrownBy(() -> LockstepFollowSignal.Models.eachOnThreads(10, 1, running::get, i -> {
            ran[0]++;
            running.set(i < 4);
        })).isInstanceOf(CancellationException.class);
        assertThat(ran[0]).isEqualTo(5);
        assertThatThrownBy(() -> new LockstepFollowSignal(CoordinationParams.defaults(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
    }

    @Test
    void theSurpriseComputedTargetByTargetIsThePartitionsMaximumOnAnyThreads() {
        FollowGraphs gen = ClientSeedsTest.communities(11);
        ClientSeedsTest.agedFarm(gen);
        Activity a = gen.build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n,
                CoordinationParams.defaults().seed());
        // each partition's surprise over the whole graph, then the maxima array by array
        double[] expected = null;
        for (int[] p : model.partitions(n)) {
            double[] s = new FollowNullModel(finder, p).surprise();
            if (expected == null) {
                expected = s;
            } else {
                for (int i = 0; i < s.length; i++) {
                    expected[i] = Math.max(expected[i], s[i]);
                }
            }
        }
        assertThat(expected).hasSize(finder.edgeCount());
        for (int threads : new int[] {1, 2, 3, 7}) {
            assertThat(model.surprise(threads, TerminationFlag.RUNNING_TRUE)).as("threads %d", threads)
                    .isEqualTo(expected);
        }
        assertThat(model.surprise()).isEqualTo(expected);
        assertThatThrownBy(() -> model.surprise(2, () -> false)).isInstanceOf(CancellationException.class);
    }
}
