package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The members of a flagged farm's creation burst that its block left out ({@link FarmCohortSignal}): end to end
 * beside ordinary newcomers created in the farm's days that follow its client, and the phases (the core's targets,
 * the follows shared with the core, the burst against its background).
 */
class FarmCohortSignalTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;

    /**
     * Eight homophilous communities with the platform's 20 top accounts; a fresh farm of 150 accounts created in four
     * days half a year ago ({@link FollowGraphs#fewClientFarm}: each following two clients with probabilities 0.8
     * and 0.45, each top account with probability 0.5, 15–25 random accounts, followed by nobody); 60 ordinary
     * newcomers created in the same four days, each following the first client, one of three top accounts and 10–20
     * accounts of one community, followed by nobody either.
     */
    private record World(Activity activity, List<String> farm, List<String> newcomers) {
        static World of(long seed) {
            FollowGraphs gen = FollowNullModelTest.eightCommunities(seed);
            List<String> tops = gen.celebrities(20, 0.65, 0.45);
            List<String> farm = gen.fewClientFarm(150, new double[] {0.8, 0.45}, 4, 8, tops, 0.5);
            List<String> newcomers = gen.farmDayNewcomers(60, 4, "vc0", tops.subList(0, 3));
            return new World(gen.build(), farm, newcomers);
        }
    }

    /**
     * The detector on {@code a} with the follow signal's bought audiences off ({@link BoughtAudiences} would take the
     * members this signal is tested on joining): the farm's block leaves members out, as on archives where the
     * vendor's accounts are known to someone.
     */
    private static CoordinationResult run(Activity a, CoordinationParams params) {
        LockstepFollowSignal follow = new LockstepFollowSignal(params);
        follow.boughtAudiences = false;
        SignalGraph g = follow.graph(a, P, T);
        return new CoordinationDetector(params).assemble(a, g.edges(), g.blocks(), P, T);
    }

    private static Set<String> flagged(Activity a, CoordinationResult r) {
        return Arrays.stream(r.suspiciousAccounts()).mapToObj(a::accountId).collect(Collectors.toSet());
    }

    @Test
    void endToEndTheBurstsUnfollowedAccountsThatFollowLikeTheFarmJoinItAndTheNewcomersDoNot() {
        World w = World.of(21);
        Activity a = w.activity();
        CoordinationParams blockOnly = CoordinationParams.defaults().withSignals(Set.of("lockstep-follow"));
        CoordinationParams withCohort = blockOnly.withSignals(Set.of("lockstep-follow", "farm-cohort"));
        Set<String> before = flagged(a, run(a, blockOnly));
        CoordinationResult r = run(a, withCohort);
        Set<String> after = flagged(a, r);
        assertThat(before).as("the block alone").isNotEmpty().isSubsetOf(w.farm());
        assertThat(after).as("the block and its cohort").containsAll(before).isSubsetOf(w.farm());
        assertThat(after).doesNotContainAnyElementsOf(w.newcomers());
        // the farm accounts that follow the client and six of the farm's follows are found
        assertThat(after.size()).as("before: " + before.size()).isGreaterThanOrEqualTo(before.size() + 20);
        Set<String> joined = new HashSet<>(after);
        joined.removeAll(before);
        String one = joined.iterator().next();
        int acc = -1;
        for (int v = 0; v < a.accountCount(); v++) {
            if (a.accountId(v).equals(one)) {
                acc = v;
            }
        }
        AccountVerdict v = r.accounts()[acc];
        assertThat(v.signals()).contains("farm-cohort");
        Cluster c = r.clusters().get(v.cluster());
        assertThat(c.signals()).endsWith("farm-cohort");
        assertThat(v.score()).isEqualTo(c.score());
        int member = acc;
        List<CoordinationEdge> mine = r.edges().stream()
                .filter(e -> e.signal().equals("farm-cohort") && (e.source() == member || e.target() == member))
                .toList();
        assertThat(mine).isNotEmpty().hasSizeLessThanOrEqualTo(10).allSatisfy(e -> {
            int other = e.source() == member ? e.target() : e.source();
            assertThat(w.farm()).contains(a.accountId(other));
            assertThat(r.accounts()[other].suspicious()).isTrue();
            assertThat(e.count()).isGreaterThanOrEqualTo(6);
            assertThat(e.weight()).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(e.expected()).isNaN();
            assertThat(e.evidence()).isNotEmpty();
        });
        assertThat(withCohort.describe()).contains("- farm-cohort: after the verdicts, the seeds and the pushes",
                "<= 0.05 / m");
    }

    /**
     * Phase, the members: a core of 12 flagged accounts created on days 0–1, each following the client and six top
     * accounts; 6 look-alikes created on day 1 and 6 created on day 5 (inside the creation burst that holds the core,
     * after its last creation), followed by nobody, following the same; 40 ordinary accounts created over sixteen
     * weeks around them, following each other and the six top accounts. The day-1 look-alikes are the burst's
     * members: the burst is the archive's window, and takes only the accounts created within the core's span. The
     * day-5 ones are the farm's creation window's (the core's span widened by one creation-burst span either side),
     * tested after the burst against the accounts created around the window.
     */
    @Test
    void theMembersAreTheMarkedAccountsCreatedWithinTheCoresSpanThenWithinItsWindow() {
        long t0 = 1_600_000_000L, day = 86_400L;
        Timeline t = new Timeline();
        t.b.account("client", "client", t0 - 3000 * day, 0);
        for (int k = 0; k < 6; k++) {
            t.b.account("top" + k, "top" + k, t0 - 3000 * day, 0);
        }
        List<String> follows = new java.util.ArrayList<>(List.of("client"));
        for (int k = 0; k < 6; k++) {
            follows.add("top" + k);
        }
        String[] groups = {"core", "in", "late"};
        int[] sizes = {12, 6, 6};
        long[] created = {t0, t0 + day, t0 + 5 * day};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                String id = groups[g] + i;
                t.b.account(id, id, created[g] + (g == 0 ? (i % 2) * day : 0), 0);
                for (String f : follows) {
                    t.b.addFollow(id, f);
                }
            }
        }
        ordinaryAccounts(t, t0, day);
        Activity a = t.build();
        boolean[] flagged = new boolean[a.accountCount()];
        AccountVerdict[] verdicts = flaggedCluster(a, "core", flagged);
        FarmCohortSignal s = new FarmCohortSignal(CoordinationParams.defaults());
        List<FarmCohortSignal.Cohort> cohorts = s.cohorts(a, LockstepFollowSignal.follows(a), flagged, flagged,
                verdicts, T);
        assertThat(cohorts).hasSize(2);
        assertThat(cohorts.get(0)).satisfies(c -> {
            assertThat(c.source()).isEqualTo(FarmCohortSignal.Source.CREATION_BURST);
            assertThat(Arrays.stream(c.members()).mapToObj(a::accountId))
                    .containsExactlyInAnyOrder("in0", "in1", "in2", "in3", "in4", "in5");
            assertThat(c.free()).isEqualTo(6);
            // the ordinary accounts created in the burst's days are in it, not in its background
            assertThat(c.background()).isBetween(30, 40);
            assertThat(c.backgroundMarked()).isZero();
            assertThat(Arrays.stream(c.targets()).mapToObj(a::accountId)).containsExactly("client");
        });
        assertThat(cohorts.get(1)).satisfies(c -> {
            assertThat(c.source()).isEqualTo(FarmCohortSignal.Source.FARM_WINDOW);
            assertThat(Arrays.stream(c.members()).mapToObj(a::accountId))
                    .containsExactlyInAnyOrder("late0", "late1", "late2", "late3", "late4", "late5");
            assertThat(c.cluster()).isZero();
            // the day-5 look-alikes and the ordinary accounts created within a week of the core: the burst's members
            // are taken, and neither free nor marked a second time
            assertThat(c.free()).isBetween(6, 14);
            assertThat(c.background()).isGreaterThanOrEqualTo(c.free());
            assertThat(c.backgroundMarked()).isZero();
        });
    }

    /**
     * Phase, the lift of a window read under the run's conditions: its marked share must be 4 times its background's
     * rate and 4 times the archive's. Figures of two span windows of the fourth generator's archives: z7's drip-feed
     * service (955 free, 73 marked, 1 of the 65 around it, the archive at 0.0001) is lifted; z7fl's cluster spanning
     * five years, in an archive where 30 % of honest accounts are followed by nobody (3,055 free, 173 marked, 1 of
     * the 83 around it, the archive at 0.037), is lifted over its background only, and not read.
     */
    @Test
    void aWindowsMarksAreLiftedOverItsBackgroundAndOverTheArchive() {
        FarmCohortSignal s = new FarmCohortSignal(CoordinationParams.defaults());
        assertThat(s.lifted(windowFigures(73, 955, 65, 1, 0.0001))).isTrue();
        assertThat(s.lifted(windowFigures(173, 3055, 83, 1, 0.0372))).isFalse();
        // the same marks against a background marked at the archive's rate: not lifted either
        assertThat(s.lifted(windowFigures(173, 3055, 83, 3, 0.0372))).isFalse();
        // a small window far above both
        assertThat(s.lifted(windowFigures(12, 40, 473, 8, 0.0027))).isTrue();
    }

    /**
     * Phase, the marks' audience: a follower that the account follows and that follows back nearly everyone who
     * follows it (a follow-back tool's user, a follow train's member: 14 followers, every one followed back) answered
     * the account's follow and chose nothing; a follower the account does not follow, a friend who follows back only
     * some of its followers, or a newcomer with too few followers to tell, did choose it. Followers inside the group
     * never count.
     */
    @Test
    void aFollowBackAccountsFollowIsNoAudienceAndAChosenFollowIs() {
        Timeline t = new Timeline();
        t.accounts("tool", "friend", "small", "v1", "v2", "v3", "v4", "v5", "mate");
        for (int i = 0; i < 10; i++) {
            t.accounts("fan" + i);
            // the tool's followers, each followed back; the friend's, half of them followed back
            t.b.addFollow("fan" + i, "tool");
            t.b.addFollow("tool", "fan" + i);
            t.b.addFollow("fan" + i, "friend");
            if (i % 2 == 0) {
                t.b.addFollow("friend", "fan" + i);
            }
        }
        for (String v : List.of("v1", "v2", "v4", "v5")) {
            t.b.addFollow(v, "tool");
            t.b.addFollow("tool", v);
        }
        t.b.addFollow("v2", "friend");
        t.b.addFollow("friend", "v2");
        t.b.addFollow("tool", "v3"); // v3 does not follow the tool: the tool chose it
        t.b.addFollow("v4", "small");
        t.b.addFollow("small", "v4"); // small: two followers, both followed back; too few to tell
        t.b.addFollow("fan0", "small");
        t.b.addFollow("small", "fan0");
        t.b.addFollow("mate", "v5"); // a fellow member of the group
        t.b.addFollow("v5", "mate");
        Activity a = t.build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        FarmCohortSignal.Sharing sharing = new FarmCohortSignal.Sharing(finder, a.accountCount());
        int[] group = IntStream.range(0, a.accountCount())
                .filter(v -> Set.of("v1", "v2", "v3", "v4", "v5", "mate").contains(a.accountId(v))).toArray();
        int tool = -1;
        int friend = -1;
        for (int v = 0; v < a.accountCount(); v++) {
            tool = a.accountId(v).equals("tool") ? v : tool;
            friend = a.accountId(v).equals("friend") ? v : friend;
        }
        assertThat(sharing.followsBack(tool)).as("14 followers, all followed back").isTrue();
        assertThat(sharing.followsBack(friend)).as("11 followers, 6 followed back").isFalse();
        Set<String> audienced = Arrays.stream(group).filter(v -> FarmCohortSignal.audience(finder, sharing, v, group))
                .mapToObj(a::accountId).collect(Collectors.toSet());
        assertThat(audienced).containsExactlyInAnyOrder("v2", "v3", "v4");
    }

    private static FarmCohortSignal.Cohort windowFigures(int marked, int free, int background, int backgroundMarked,
                                                         double prior) {
        return new FarmCohortSignal.Cohort(FarmCohortSignal.Source.FARM_WINDOW, new int[0], new int[0], 0,
                IntStream.range(0, marked).toArray(), free, background, backgroundMarked, prior,
                FarmCohortSignal.pValue(marked, free, background, backgroundMarked, prior));
    }

    /** Phase: the core's targets are the accounts it follows far more than the platform does, not the top accounts. */
    @Test
    void theCoresTargetsAreTheClientsNotThePlatformsTopAccounts() {
        // 0..9 core, all following 20 (client) and 21 (a top account); 10..39 follow 21; 11 follows 20
        int n = 40;
        int[][] pairs = new int[10 * 2 + 30 + 1][];
        int k = 0;
        for (int f = 0; f < 10; f++) {
            pairs[k++] = new int[] {f, 20};
            pairs[k++] = new int[] {f, 21};
        }
        for (int f = 10; f < 40; f++) {
            pairs[k++] = new int[] {f, 21};
        }
        pairs[k] = new int[] {11, 20};
        DenseBlockFinder finder = finder(n, pairs);
        FarmCohortSignal s = new FarmCohortSignal(CoordinationParams.defaults());
        assertThat(s.targets(finder, n, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})).containsExactly(20);
    }

    /** Phase: how many accounts one account follows in common with each of others. */
    @Test
    void theFollowsSharedWithEachOtherAccountAreCounted() {
        // 0 follows 5, 6, 7; 1 follows 6, 7, 8; 2 follows 9; 3 follows 5, 6, 7
        DenseBlockFinder finder = finder(10, new int[][] {{0, 5}, {0, 6}, {0, 7}, {1, 6}, {1, 7}, {1, 8}, {2, 9},
                {3, 5}, {3, 6}, {3, 7}});
        FarmCohortSignal.Sharing sharing = new FarmCohortSignal.Sharing(finder, 10);
        assertThat(sharing.shared(0, new int[] {1, 2, 3, 0})).containsExactly(2, 0, 3, 0);
        assertThat(sharing.most(0, new int[] {1, 2})).isEqualTo(2);
        // the marks are cleared between calls
        assertThat(sharing.shared(2, new int[] {0, 1, 3})).containsExactly(0, 0, 0);
    }

    /**
     * Phase, the test: a burst passes when its marks are beyond those of the accounts created around it, or, with
     * none around it, beyond the archive's; on the world above (a farm created after every ordinary account) the
     * farm's burst passes against the archive, and its members, and those of the farm's window read after it (no wave
     * in it), are farm accounts only.
     */
    @Test
    void theBurstPassesOnlyWhenItsMarksAreBeyondItsBackgrounds() {
        assertThat(FarmCohortSignal.pValue(60, 90, 200, 0, 0.01)).isLessThan(1e-20);
        // a background marked at the burst's own rate: the burst is no outlier
        assertThat(FarmCohortSignal.pValue(60, 90, 200, 133, 0.01)).isGreaterThan(0.05);
        // no account created around the burst: the archive's rate decides
        assertThat(FarmCohortSignal.pValue(60, 90, 0, 0, 0.01)).isLessThan(1e-20);
        assertThat(FarmCohortSignal.pValue(60, 90, 0, 0, 0.7)).isGreaterThan(0.05);
        // nothing marked in the burst: nothing to test
        assertThat(FarmCohortSignal.pValue(0, 90, 200, 0, 0.01)).isEqualTo(1.0);
        World w = World.of(21);
        Activity a = w.activity();
        CoordinationParams blockOnly = CoordinationParams.defaults().withSignals(Set.of("lockstep-follow"));
        CoordinationResult r = run(a, blockOnly);
        boolean[] flagged = new boolean[a.accountCount()];
        for (AccountVerdict v : r.accounts()) {
            flagged[v.account()] = v.suspicious();
        }
        FarmCohortSignal s = new FarmCohortSignal(CoordinationParams.defaults());
        List<FarmCohortSignal.Cohort> cohorts = s.cohorts(a, LockstepFollowSignal.follows(a), flagged, flagged,
                r.accounts(), T);
        assertThat(cohorts).first().satisfies(c -> {
            assertThat(c.source()).isEqualTo(FarmCohortSignal.Source.CREATION_BURST);
            assertThat(c.members()).isNotEmpty();
            assertThat(Arrays.stream(c.targets()).mapToObj(a::accountId)).contains("vc0");
            assertThat(c.background()).isZero();
            assertThat(c.prior()).isLessThan(0.01);
            assertThat(c.pValue()).isLessThan(1e-6);
        });
        // the farm's window, after the burst, takes farm accounts only, and the newcomers of its days are none
        assertThat(cohorts).allSatisfy(c -> assertThat(Arrays.stream(c.members()).mapToObj(a::accountId))
                .allSatisfy(id -> assertThat(w.farm()).contains(id)));
    }

    /**
     * A farm made over eleven days beside a sign-up wave: 12 flagged accounts created on days 0–10, each following
     * the client and six top accounts; 8 look-alikes created from day −2 to day 12, followed by nobody, following the
     * same; 10 newcomers created in the same days that follow the client and the top accounts too, each followed by
     * an ordinary account; a wave of 60 accounts created on days 20–21, following the top accounts and one another;
     * 40 ordinary accounts over sixteen weeks. With {@code aged}, the farm's accounts were created over nine years, as
     * were 120 more ordinary accounts (the archive's history), and the rest as above. With {@code stray}, a 13th
     * flagged account, following the same, was created on day 40: the farm's span then holds the wave.
     */
    private static Activity windowWorld(boolean aged, boolean stray) {
        long t0 = 1_600_000_000L, day = 86_400L;
        Timeline t = new Timeline();
        t.b.account("client", "client", t0 - 4000 * day, 0);
        for (int k = 0; k < 6; k++) {
            t.b.account("top" + k, "top" + k, t0 - 4000 * day, 0);
        }
        ordinaryAccounts(t, t0, day);
        String[] groups = {"core", "mate", "newcomer"};
        int[] sizes = {12, 8, 10};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                String id = groups[g] + i;
                long created = g == 0 ? (aged ? t0 - (3300 - 300L * i) * day : t0 + (10 * i / 11) * day)
                        : g == 1 ? t0 + (2 * i - 2) * day : t0 + i * day;
                t.b.account(id, id, created, 0);
                t.b.addFollow(id, "client");
                for (int k = 0; k < 6; k++) {
                    t.b.addFollow(id, "top" + k);
                }
                if (g == 2) {
                    t.b.addFollow("o" + i, id);
                }
            }
        }
        if (stray) {
            t.b.account("core12", "core12", t0 + 40 * day, 0);
            t.b.addFollow("core12", "client");
            for (int k = 0; k < 6; k++) {
                t.b.addFollow("core12", "top" + k);
            }
        }
        for (int i = 0; i < 120 && aged; i++) {
            t.b.account("old" + i, "old" + i, t0 - (3600 - 29L * i) * day, 0);
            for (int k = 0; k < 6; k++) {
                t.b.addFollow("old" + i, "top" + k);
                t.b.addFollow("old" + i, "old" + ((i + k + 1) % 120));
            }
        }
        for (int i = 0; i < 60; i++) {
            t.b.account("wave" + i, "wave" + i, t0 + 20 * day + (i % 2) * day, 0);
            for (int k = 0; k < 6; k++) {
                t.b.addFollow("wave" + i, "top" + k);
                t.b.addFollow("wave" + i, "wave" + ((i + k + 1) % 60));
            }
        }
        return t.build();
    }

    /**
     * Phase, the farm's creation window: a farm made over more days than a creation burst, beside a sign-up wave,
     * is no burst of its own; its window (its accounts' span widened by a week either side) marks the look-alikes
     * created before its first flagged account and after its last, not the newcomers their community follows nor the
     * wave, and the marks are beyond the window's background. An aged farm's window holds most of the archive's
     * accounts, leaving too few around it to read a rate: it is not tested.
     */
    @Test
    void theFarmsCreationWindowTakesItsLookAlikesBesideAWaveButAnAgedFarmsIsNotTested() {
        for (boolean aged : new boolean[] {false, true}) {
            Activity a = windowWorld(aged, false);
            boolean[] flagged = new boolean[a.accountCount()];
            AccountVerdict[] verdicts = flaggedCluster(a, "core", flagged);
            DenseBlockFinder finder = LockstepFollowSignal.follows(a);
            CoordinationParams params = CoordinationParams.defaults();
            assertThat(LockstepFollowSignal.creationBursts(a, finder, params.follow()))
                    .as("the wave is the archive's one burst, with too few of the farm's accounts to be tested")
                    .singleElement().satisfies(b -> {
                        assertThat(Arrays.stream(b).filter(v -> a.accountId(v).startsWith("wave"))).hasSize(60);
                        assertThat(Arrays.stream(b).filter(v -> flagged[v]).count())
                                .isLessThan(params.follow().minFollowers());
                    });
            List<FarmCohortSignal.Cohort> cohorts = new FarmCohortSignal(params).cohorts(a, finder, flagged, flagged,
                    verdicts, T);
            if (aged) {
                assertThat(cohorts).isEmpty();
                continue;
            }
            assertThat(cohorts).singleElement().satisfies(c -> {
                assertThat(c.source()).isEqualTo(FarmCohortSignal.Source.FARM_WINDOW);
                assertThat(Arrays.stream(c.members()).mapToObj(a::accountId)).containsExactlyInAnyOrder(
                        "mate0", "mate1", "mate2", "mate3", "mate4", "mate5", "mate6", "mate7");
                assertThat(c.cluster()).isZero();
                assertThat(Arrays.stream(c.targets()).mapToObj(a::accountId)).containsExactly("client");
                // the window: the look-alikes, the newcomers and the ordinary accounts of its days
                assertThat(c.free()).isBetween(18, 30);
                // around it: the wave and the other ordinary accounts, none marked
                assertThat(c.background()).isGreaterThanOrEqualTo(c.free());
                assertThat(c.backgroundMarked()).isZero();
                assertThat(c.pValue()).isLessThan(1e-6);
            });
        }
    }

    /**
     * Phase, the farm's creation window over the longest run of its creations: one flagged account created a month
     * after the batch stretches the farm's span over a sign-up wave, and that window, denser than the weeks around it,
     * is not read; the window over the batch's run (creations at most a week apart) is, under its own conditions (at
     * most half of the archive, marks lifted beyond the background's rate), and takes the look-alikes, not the wave.
     */
    @Test
    void aStrayCreationDoesNotStretchTheFarmsWindowOverAWave() {
        Activity a = windowWorld(false, true);
        boolean[] flagged = new boolean[a.accountCount()];
        AccountVerdict[] verdicts = flaggedCluster(a, "core", flagged);
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        CoordinationParams params = CoordinationParams.defaults();
        FarmCohortSignal signal = new FarmCohortSignal(params);
        int[] farm = IntStream.range(0, a.accountCount()).filter(v -> flagged[v]).toArray();
        long day = 86_400L, t0 = 1_600_000_000L;
        assertThat(FarmCohortSignal.longestRun(a, farm, params.follow().creationBurst()))
                .as("days 0-10, twelve accounts; the stray is a run of one")
                .containsExactly(t0, t0 + 10 * day, 12L);
        assertThat(FarmCohortSignal.creationSpan(a, farm)).containsExactly(t0, t0 + 40 * day);
        List<FarmCohortSignal.Cohort> cohorts = signal.cohorts(a, finder, flagged, flagged, verdicts, T);
        assertThat(cohorts).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(FarmCohortSignal.Source.FARM_WINDOW);
            assertThat(Arrays.stream(c.members()).mapToObj(a::accountId)).containsExactlyInAnyOrder(
                    "mate0", "mate1", "mate2", "mate3", "mate4", "mate5", "mate6", "mate7");
            assertThat(c.free()).as("the run's window holds no wave account").isLessThan(40);
            assertThat(signal.lifted(c)).isTrue();
            assertThat(c.pValue()).isLessThan(1e-6);
        });
    }

    /**
     * A farm of 12 flagged accounts created on days 0–3, each following the client, six top accounts and the next two
     * farm accounts; its left-outs, followed by farm accounts only and following six top accounts and a farm account,
     * not the client: 6 created on day 2 and 3 on day 30; a friend of the farm created on day 2 that an ordinary
     * account follows too; a stray created on day 2 that nobody follows, following the six top accounts and one farm
     * account; 40 ordinary accounts created over sixteen weeks, following each other and the top accounts.
     * With {@code honest}, the flagged cluster is 12 of the ordinary accounts instead, which their community follows.
     */
    private static Activity audienceWorld(Timeline t, boolean honest) {
        long t0 = 1_600_000_000L, day = 86_400L;
        t.b.account("client", "client", t0 - 3000 * day, 0);
        for (int k = 0; k < 6; k++) {
            t.b.account("top" + k, "top" + k, t0 - 3000 * day, 0);
        }
        ordinaryAccounts(t, t0, day);
        String farm = honest ? "o" : "core";
        for (int i = 0; i < 12 && !honest; i++) {
            t.b.account("core" + i, "core" + i, t0 + (i % 4) * day, 0);
            t.b.addFollow("core" + i, "client");
            for (int k = 0; k < 6; k++) {
                t.b.addFollow("core" + i, "top" + k);
            }
            t.b.addFollow("core" + i, "core" + ((i + 1) % 12));
            t.b.addFollow("core" + i, "core" + ((i + 2) % 12));
        }
        String[] groups = {"mate", "late", "friend"};
        int[] sizes = {6, 3, 1};
        long[] created = {t0 + 2 * day, t0 + 30 * day, t0 + 2 * day};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                String id = groups[g] + i;
                t.b.account(id, id, honest ? t0 - 20 * day : created[g], 0);
                for (int k = 0; k < 6; k++) {
                    t.b.addFollow(id, "top" + k);
                }
                t.b.addFollow(id, farm + i);
                t.b.addFollow(farm + (i + 3), id);
            }
        }
        t.b.addFollow("o39", "friend0");
        t.b.account("stray", "stray", honest ? t0 - 20 * day : t0 + 2 * day, 0);
        for (int k = 0; k < 6; k++) {
            t.b.addFollow("stray", "top" + k);
        }
        t.b.addFollow("stray", farm + 5);
        return t.build();
    }

    private static AccountVerdict[] flaggedCluster(Activity a, String prefix, boolean[] flagged) {
        AccountVerdict[] verdicts = new AccountVerdict[a.accountCount()];
        for (int v = 0; v < a.accountCount(); v++) {
            String id = a.accountId(v);
            flagged[v] = id.startsWith(prefix) && (!prefix.equals("o") || Integer.parseInt(id.substring(1)) < 12);
            verdicts[v] = new AccountVerdict(v, flagged[v] ? 0.8 : 0, flagged[v], flagged[v] ? 0 : -1,
                    flagged[v] ? List.of("lockstep-follow") : List.of());
        }
        return verdicts;
    }

    /**
     * Phase, the farm's own audience: the inner circle is the accounts followed by the farm only (the friend an
     * ordinary account follows is not in it), and its members those created within the farm's span that the farm
     * follows back (not the stray).
     */
    @Test
    void theFarmsOwnAudienceCreatedInItsSpanJoinsItAndTheFriendOfTheCommunityDoesNot() {
        Activity a = audienceWorld(new Timeline(), false);
        boolean[] flagged = new boolean[a.accountCount()];
        AccountVerdict[] verdicts = flaggedCluster(a, "core", flagged);
        FarmCohortSignal s = new FarmCohortSignal(CoordinationParams.defaults());
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        assertThat(s.cohorts(a, finder, flagged, flagged, verdicts, T)).as("no left-out follows the client: the burst marks nobody")
                .isEmpty();
        List<FarmCohortSignal.Cohort> cohorts = s.audiences(a, finder, flagged, flagged, verdicts, T);
        assertThat(cohorts).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(FarmCohortSignal.Source.FARM_AUDIENCE);
            assertThat(Arrays.stream(c.members()).mapToObj(a::accountId))
                    .containsExactlyInAnyOrder("mate0", "mate1", "mate2", "mate3", "mate4", "mate5");
            assertThat(c.free()).as("the inner circle: the mates, the late ones and the stray").isEqualTo(10);
            assertThat(c.cluster()).isZero();
            assertThat(Arrays.stream(c.targets()).mapToObj(a::accountId)).containsExactly("client");
            assertThat(c.pValue()).isNaN();
        });
        // an account taken already (by a burst) is no candidate
        boolean[] taken = flagged.clone();
        for (int v = 0; v < a.accountCount(); v++) {
            taken[v] |= a.accountId(v).equals("mate0");
        }
        assertThat(s.audiences(a, finder, taken, flagged, verdicts, T)).singleElement().satisfies(c ->
                assertThat(Arrays.stream(c.members()).mapToObj(a::accountId)).doesNotContain("mate0").hasSize(5));
        // nor is an account of another cluster, suspicious or not: it stays where its own evidence put it
        AccountVerdict[] elsewhere = verdicts.clone();
        for (int v = 0; v < a.accountCount(); v++) {
            if (a.accountId(v).equals("mate1")) {
                elsewhere[v] = new AccountVerdict(v, 0.1, false, 1, List.of("co-retweet"));
            }
        }
        assertThat(s.audiences(a, finder, flagged, flagged, elsewhere, T)).singleElement().satisfies(c ->
                assertThat(Arrays.stream(c.members()).mapToObj(a::accountId)).doesNotContain("mate1").hasSize(5));
    }

    /**
     * Phase, the farm's downstream circle: the accounts the farm gives followers to and nobody else follows. In the
     * world above, with more accounts created on day 1: fed0–fed3, each followed by two farm accounts, following the
     * six top accounts only; fed4, followed by fed0 only; a lurker a farm account and an ordinary account follow; a
     * thin account a farm account follows that follows three top accounts; an old account, created before the farm,
     * that a farm account follows. The fed accounts join, reached through one another; the lurker (followed from
     * outside), the thin one (too few follows in common) and the old one (outside the farm's span) do not.
     */
    @Test
    void theAccountsOnlyTheFarmFollowsJoinItAndTheLurkerItsCommunityFollowsDoesNot() {
        long t0 = 1_600_000_000L, day = 86_400L;
        Timeline t = new Timeline();
        for (int i = 0; i < 5; i++) {
            t.b.account("fed" + i, "fed" + i, t0 + day, 0);
            for (int k = 0; k < 6; k++) {
                t.b.addFollow("fed" + i, "top" + k);
            }
            if (i < 4) {
                t.b.addFollow("core" + i, "fed" + i);
                t.b.addFollow("core" + (i + 6), "fed" + i);
            }
        }
        t.b.addFollow("fed0", "fed4");
        String[] others = {"lurker", "thin", "old"};
        for (int g = 0; g < 3; g++) {
            t.b.account(others[g], others[g], g == 2 ? t0 - 100 * day : t0 + day, 0);
            for (int k = 0; k < (g == 1 ? 3 : 6); k++) {
                t.b.addFollow(others[g], "top" + k);
            }
            t.b.addFollow("core" + (g + 1), others[g]);
        }
        t.b.addFollow("o5", "lurker");
        Activity a = audienceWorld(t, false);
        boolean[] flagged = new boolean[a.accountCount()];
        AccountVerdict[] verdicts = flaggedCluster(a, "core", flagged);
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        int[] accounts = IntStream.range(0, n).filter(v -> flagged[v]).toArray();
        boolean[] inFarm = new boolean[n];
        boolean[] inner = new boolean[n];
        boolean[] below = new boolean[n];
        FarmCohortSignal.innerCircle(finder, accounts, flagged, inFarm, inner);
        long[] span = FarmCohortSignal.creationSpan(a, accounts);
        int[] downstream = FarmCohortSignal.downstreamCircle(a, finder, accounts, flagged, flagged, inFarm, inner,
                below, span[0], span[1]);
        assertThat(Arrays.stream(downstream).mapToObj(a::accountId))
                .containsExactlyInAnyOrder("fed0", "fed1", "fed2", "fed3", "fed4", "thin");
        List<FarmCohortSignal.Cohort> cohorts = new FarmCohortSignal(CoordinationParams.defaults())
                .audiences(a, finder, flagged, flagged, verdicts, T);
        assertThat(cohorts).singleElement().satisfies(c -> assertThat(Arrays.stream(c.members())
                .mapToObj(a::accountId)).containsExactlyInAnyOrder("mate0", "mate1", "mate2", "mate3", "mate4",
                "mate5", "fed0", "fed1", "fed2", "fed3", "fed4"));
    }

    /** Phase, the majority rule: an honest cluster flagged by mistake is followed by its community, and gains nobody. */
    @Test
    void anHonestClusterFollowedByItsCommunityHasNoAudienceMembers() {
        Activity a = audienceWorld(new Timeline(), true);
        boolean[] flagged = new boolean[a.accountCount()];
        AccountVerdict[] verdicts = flaggedCluster(a, "o", flagged);
        FarmCohortSignal s = new FarmCohortSignal(CoordinationParams.defaults());
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        int n = a.accountCount();
        int[] accounts = IntStream.range(0, n).filter(v -> flagged[v]).toArray();
        boolean[] inFarm = new boolean[n];
        boolean[] inner = new boolean[n];
        // the lurkers that follow the cluster and whom only it follows are its inner circle ...
        assertThat(Arrays.stream(FarmCohortSignal.innerCircle(finder, accounts, flagged, inFarm, inner))
                .mapToObj(a::accountId)).contains("mate0", "mate5", "late0");
        // ... but the cluster's accounts are followed by the rest of their community: no member
        assertThat(s.audiences(a, finder, flagged, flagged, verdicts, T)).isEmpty();
    }

    /**
     * 40 ordinary accounts o0.. created three days apart over sixteen weeks around {@code t0}, each following the next
     * six and the top accounts top0..top5 (which must exist).
     */
    private static void ordinaryAccounts(Timeline t, long t0, long day) {
        for (int i = 0; i < 40; i++) {
            t.b.account("o" + i, "o" + i, t0 - 56 * day + i * 3 * day + day / 2, 0);
        }
        for (int i = 0; i < 40; i++) {
            for (int k = 1; k <= 6; k++) {
                t.b.addFollow("o" + i, "o" + ((i + k) % 40));
                t.b.addFollow("o" + i, "top" + (k - 1));
            }
        }
    }

    private static DenseBlockFinder finder(int n, int[][] pairs) {
        int[][] sorted = pairs.clone();
        Arrays.sort(sorted, (x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        int[] from = new int[sorted.length];
        int[] to = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            from[i] = sorted[i][0];
            to[i] = sorted[i][1];
        }
        return new DenseBlockFinder(n, from, to);
    }
}
