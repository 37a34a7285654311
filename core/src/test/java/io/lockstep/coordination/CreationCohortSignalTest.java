package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts of a flagged cluster's batch of sign-ups that nobody outside the batch follows
 * ({@link CreationCohortSignal}): the batches, the test against the accounts created around the batch, the batch not
 * read when most of its sign-ups are not the cluster's, and the members joining with their edges.
 */
class CreationCohortSignalTest {
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    private static final long T0 = 1_600_000_000L;
    private static final long DAY = 86_400L;

    /**
     * 20 flagged accounts of cluster 0 ("core"), four a day on days 0–4, following one another in a ring; 5 accounts
     * created in the same days that nobody follows ("idle": the batch's accounts that never acted), each following
     * two top accounts; {@code newcomers} honest accounts created in the same days, each followed by an ordinary
     * account; 40 ordinary accounts over the sixteen weeks around (one every three days), each following six others
     * and the top accounts; with {@code followerless}, every third ordinary account followed by nobody.
     */
    private static Activity world(int newcomers, boolean followerless) {
        return world(newcomers, followerless, 0);
    }

    /** As {@link #world(int, boolean)}, with {@code lurkers} accounts created years before, followed by nobody. */
    private static Activity world(int newcomers, boolean followerless, int lurkers) {
        return world(newcomers, followerless, lurkers, null);
    }

    /**
     * As {@link #world(int, boolean, int)}, with each idle account following {@code backer}, created years before
     * and followed by 12 ordinary accounts, and followed by it in return; {@code everyone}: the backer follows back all
     * its followers (a follow-back account), else only the idle accounts and half of the others.
     */
    private static Activity world(int newcomers, boolean followerless, int lurkers, Boolean everyone) {
        Timeline t = new Timeline();
        for (int i = 0; i < lurkers; i++) {
            t.b.account("lurker" + i, "lurker" + i, T0 - (1000 + i) * DAY, 0);
            t.b.addFollow("lurker" + i, "top0");
        }
        for (int k = 0; k < 2; k++) {
            t.b.account("top" + k, "top" + k, T0 - 3000 * DAY, 0);
        }
        for (int i = 0; i < 40; i++) {
            t.b.account("o" + i, "o" + i, T0 - 56 * DAY + i * 3 * DAY + DAY / 2, 0);
        }
        for (int i = 0; i < 40; i++) {
            for (int k = 1; k <= 6; k++) {
                int to = (i + k) % 40;
                if (!followerless || to % 3 != 0) {
                    t.b.addFollow("o" + i, "o" + to);
                }
            }
            t.b.addFollow("o" + i, "top0");
            t.b.addFollow("o" + i, "top1");
        }
        for (int i = 0; i < 20; i++) {
            t.b.account("core" + i, "core" + i, T0 + (i / 4) * DAY, 0);
        }
        for (int i = 0; i < 20; i++) {
            t.b.addFollow("core" + i, "core" + ((i + 1) % 20));
            t.b.addFollow("core" + i, "top0");
        }
        for (int i = 0; i < 5; i++) {
            t.b.account("idle" + i, "idle" + i, T0 + i * DAY + (i < 4 ? 3600 : 0), 0);
            t.b.addFollow("idle" + i, "top0");
            t.b.addFollow("idle" + i, "top1");
        }
        for (int i = 0; i < newcomers; i++) {
            t.b.account("new" + i, "new" + i, T0 + (i % 4) * DAY + 7200, 0);
            t.b.addFollow("new" + i, "top1");
            t.b.addFollow("o" + (i % 40), "new" + i);
        }
        if (everyone != null) {
            t.b.account("backer", "backer", T0 - 2000 * DAY, 0);
            for (int i = 0; i < 12; i++) {
                t.b.addFollow("o" + i, "backer");
                if (everyone || i % 2 == 0) {
                    t.b.addFollow("backer", "o" + i);
                }
            }
            for (int i = 0; i < 5; i++) {
                t.b.addFollow("idle" + i, "backer");
                t.b.addFollow("backer", "idle" + i);
            }
        }
        return t.build();
    }

    /** Cluster 0 holds the accounts whose id starts with {@code prefix}, flagged; everyone else is in none. */
    private static AccountVerdict[] verdicts(Activity a, String prefix) {
        AccountVerdict[] verdicts = new AccountVerdict[a.accountCount()];
        for (int v = 0; v < a.accountCount(); v++) {
            boolean in = a.accountId(v).startsWith(prefix);
            verdicts[v] = new AccountVerdict(v, in ? 0.8 : 0, in, in ? 0 : -1, in ? List.of("co-hashtag") : List.of());
        }
        return verdicts;
    }

    private static boolean[] flagged(AccountVerdict[] verdicts) {
        boolean[] flagged = new boolean[verdicts.length];
        for (AccountVerdict v : verdicts) {
            flagged[v.account()] = v.suspicious();
        }
        return flagged;
    }

    private static List<String> ids(Activity a, int[] accounts) {
        return Arrays.stream(accounts).mapToObj(a::accountId).toList();
    }

    /**
     * Phase, the batches: a cluster's runs of creations no more than the span apart, holding at least the least block
     * of the follow parameters; runs of fewer accounts (a stray, a pair) are no batch; largest first.
     */
    @Test
    void theBatchesAreTheClustersRunsOfCreationsOfAtLeastTenAccountsLargestFirst() {
        Timeline t = new Timeline();
        for (int i = 0; i < 12; i++) {
            t.b.account("a" + i, "a" + i, T0 + i * 12 * 3600, 0);
        }
        for (int i = 0; i < 15; i++) {
            // two days apart each: one run of 28 days, every gap under the 7-day span
            t.b.account("b" + i, "b" + i, T0 + 100 * DAY + i * 2 * DAY, 0);
        }
        for (int i = 0; i < 3; i++) {
            t.b.account("c" + i, "c" + i, T0 + 400 * DAY + i * 60 * DAY, 0);
        }
        for (int i = 0; i < 9; i++) {
            t.b.account("d" + i, "d" + i, T0 + 700 * DAY + i * DAY, 0);
        }
        t.b.account("none");
        Activity a = t.build();
        AccountVerdict[] verdicts = verdicts(a, "");
        for (int v = 0; v < a.accountCount(); v++) {
            verdicts[v] = new AccountVerdict(v, 0.8, true, 0, List.of("co-retweet"));
        }
        CreationCohortSignal s = new CreationCohortSignal(CoordinationParams.defaults());
        List<CreationCohortSignal.Batch> batches = s.batches(a, verdicts, flagged(verdicts));
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).satisfies(b -> {
            assertThat(ids(a, b.accounts())).hasSize(15).allSatisfy(id -> assertThat(id).startsWith("b"));
            assertThat(b.first()).isEqualTo(T0 + 100 * DAY);
            assertThat(b.last()).isEqualTo(T0 + 128 * DAY);
        });
        assertThat(ids(a, batches.get(1).accounts())).hasSize(12).allSatisfy(id -> assertThat(id).startsWith("a"));
    }

    /**
     * Phase, the test: the batch's accounts that nobody outside it follows are beyond the accounts created around it
     * (followed by the people they know); the honest newcomers of the batch's days are followed, free and not marked.
     */
    @Test
    void theBatchsUnfollowedAccountsPassAgainstTheFollowedAccountsAroundItAndTheNewcomersAreNotMarked() {
        Activity a = world(3, false);
        AccountVerdict[] verdicts = verdicts(a, "core");
        CreationCohortSignal s = new CreationCohortSignal(CoordinationParams.defaults());
        List<CreationCohortSignal.Batch> batches = s.batches(a, verdicts, flagged(verdicts));
        List<CreationCohortSignal.Cohort> cohorts = s.cohorts(a, flagged(verdicts), batches, T);
        assertThat(cohorts).singleElement().satisfies(c -> {
            assertThat(c.passed()).isTrue();
            assertThat(ids(a, c.members())).containsExactlyInAnyOrder("idle0", "idle1", "idle2", "idle3", "idle4");
            // the idle accounts, the newcomers and the ordinary account created on day 2 (o19)
            assertThat(c.free()).isEqualTo(9);
            assertThat(c.background()).isBetween(30, 40);
            assertThat(c.backgroundMarked()).isZero();
            assertThat(c.pValue()).isLessThan(1e-6);
        });
    }

    /**
     * A batch is not read when most of its days' sign-ups are not the cluster's: 25 newcomers beside 20 flagged
     * accounts. Nor does it pass where accounts commonly have no followers in the archive: with every third ordinary
     * account followed by nobody, the idle accounts are no outliers against the background.
     */
    @Test
    void aBatchOfOrdinarySignUpsIsNotReadAndUnfollowedAccountsAroundItExplainItsOwn() {
        CreationCohortSignal s = new CreationCohortSignal(CoordinationParams.defaults());
        Activity crowded = world(25, false);
        AccountVerdict[] verdicts = verdicts(crowded, "core");
        assertThat(s.cohorts(crowded, flagged(verdicts),
                s.batches(crowded, verdicts, flagged(verdicts)), T)).singleElement().satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.free()).isGreaterThan(20);
                    assertThat(c.members()).isEmpty();
                });
        Activity followerless = world(0, true);
        verdicts = verdicts(followerless, "core");
        assertThat(s.cohorts(followerless, flagged(verdicts),
                s.batches(followerless, verdicts, flagged(verdicts)), T)).singleElement().satisfies(c -> {
                    assertThat(c.members()).hasSize(5);
                    assertThat(c.backgroundMarked()).isGreaterThanOrEqualTo(10);
                    assertThat(c.passed()).isFalse();
                });
    }

    /**
     * Phase, the lift over the archive: where a third of the archive's accounts are followed by nobody (lurkers created
     * years before), a batch whose free accounts are all unfollowed is significant against the few followed accounts
     * created around it, but its marked share is under 4 times the archive's, and it does not pass; without the
     * lurkers the same batch passes.
     */
    @Test
    void aBatchMarkedAtFewTimesTheArchivesRateDoesNotPassHoweverQuietItsBackground() {
        CreationCohortSignal s = new CreationCohortSignal(CoordinationParams.defaults());
        Activity a = world(0, false, 30);
        AccountVerdict[] verdicts = verdicts(a, "core");
        assertThat(s.cohorts(a, flagged(verdicts), s.batches(a, verdicts, flagged(verdicts)), T)).singleElement()
                .satisfies(c -> {
                    assertThat(c.members()).hasSize(5);
                    assertThat(c.backgroundMarked()).isZero();
                    assertThat(c.prior()).isBetween(0.3, 0.5);
                    assertThat(c.pValue()).isLessThan(1e-3);
                    assertThat(c.passed()).isFalse();
                });
        Activity quiet = world(0, false);
        verdicts = verdicts(quiet, "core");
        assertThat(s.cohorts(quiet, flagged(verdicts), s.batches(quiet, verdicts, flagged(verdicts)), T))
                .singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
    }

    /**
     * Phase, the marks' audience: the idle accounts followed back by a follow-back account (it follows back all 17 of
     * its followers) are still followed by nobody who chose them, and the batch passes; followed back by an account
     * that follows back only some of its followers, they have an audience, and nothing is marked.
     */
    @Test
    void aFollowBackAccountsFollowLeavesTheIdleAccountsMarkedAndAFriendsDoesNot() {
        CreationCohortSignal s = new CreationCohortSignal(CoordinationParams.defaults());
        Activity tool = world(0, false, 0, true);
        AccountVerdict[] verdicts = verdicts(tool, "core");
        assertThat(s.cohorts(tool, flagged(verdicts), s.batches(tool, verdicts, flagged(verdicts)), T))
                .singleElement().satisfies(c -> {
                    assertThat(ids(tool, c.members())).containsExactlyInAnyOrder("idle0", "idle1", "idle2", "idle3",
                            "idle4");
                    assertThat(c.passed()).isTrue();
                });
        Activity friend = world(0, false, 0, false);
        verdicts = verdicts(friend, "core");
        assertThat(s.cohorts(friend, flagged(verdicts), s.batches(friend, verdicts, flagged(verdicts)), T))
                .singleElement().satisfies(c -> {
                    assertThat(c.members()).isEmpty();
                    assertThat(c.passed()).isFalse();
                });
    }

    /**
     * End to end: the members join the cluster, take its score and verdict, and carry edges to the batch's accounts
     * created nearest them, with the batch's window as evidence; the cluster's signals end with the signal. An archive
     * without follows marks everyone, and nobody joins.
     */
    @Test
    void endToEndTheMembersJoinTheClusterWithEdgesToTheBatchAndAnArchiveWithoutFollowsGivesNone() {
        Activity a = world(3, false);
        AccountVerdict[] verdicts = verdicts(a, "core");
        int[] core = Arrays.stream(verdicts).filter(AccountVerdict::suspicious).mapToInt(AccountVerdict::account)
                .toArray();
        List<Cluster> clusters = List.of(new Cluster(0, "botnet", core, 0.8, List.of("co-hashtag"), List.of(),
                Activity.NO_TIME, Activity.NO_TIME));
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int i = 0; i + 1 < core.length; i++) {
            edges.add(new CoordinationEdge(core[i], core[i + 1], "co-hashtag", 0.9, 3, List.of()));
        }
        CreationCohortSignal s = new CreationCohortSignal(CoordinationParams.defaults());
        Joined j = s.run(a, edges, clusters, verdicts, 0.5, T);
        assertThat(ids(a, j.accounts())).containsExactly("idle0", "idle1", "idle2", "idle3", "idle4");
        assertThat(j.clusters().get(0).signals()).endsWith("creation-cohort");
        assertThat(j.clusters().get(0).members()).hasSize(25);
        for (int m : j.accounts()) {
            AccountVerdict v = j.verdicts()[m];
            assertThat(v.suspicious()).isTrue();
            assertThat(v.cluster()).isZero();
            assertThat(v.signals()).contains("creation-cohort");
            List<CoordinationEdge> mine = j.edges().stream().filter(e -> e.source() == m || e.target() == m).toList();
            assertThat(mine).hasSize(10).allSatisfy(e -> {
                int other = e.source() == m ? e.target() : e.source();
                assertThat(a.accountId(other)).startsWith("core");
                assertThat(Math.abs(a.accountCreated(other) - a.accountCreated(m))).isLessThanOrEqualTo(2 * DAY);
                assertThat(e.signal()).isEqualTo("creation-cohort");
                assertThat(e.weight()).isEqualTo(5.0 / 9);
                assertThat(e.count()).isEqualTo(20);
                assertThat(e.expected()).isNaN();
                assertThat(e.evidence()).singleElement().satisfies(x -> {
                    assertThat(x.item()).isEqualTo("2020-09-13/2020-09-17");
                    assertThat(x.sourceTime()).isEqualTo(a.accountCreated(e.source()));
                    assertThat(x.targetTime()).isEqualTo(a.accountCreated(e.target()));
                });
            });
        }
        Timeline bare = new Timeline();
        for (int i = 0; i < 20; i++) {
            bare.b.account("core" + i, "core" + i, T0 + (i / 4) * DAY, 0);
            bare.b.account("idle" + i, "idle" + i, T0 + (i / 4) * DAY, 0);
        }
        Activity noFollows = bare.build();
        AccountVerdict[] bareVerdicts = verdicts(noFollows, "core");
        int[] bareCore = Arrays.stream(bareVerdicts).filter(AccountVerdict::suspicious)
                .mapToInt(AccountVerdict::account).toArray();
        Joined none = s.run(noFollows, List.of(), List.of(new Cluster(0, "botnet", bareCore, 0.8,
                List.of("co-hashtag"), List.of(), Activity.NO_TIME, Activity.NO_TIME)), bareVerdicts, 0.5, T);
        assertThat(none.accounts()).isEmpty();
    }
}
