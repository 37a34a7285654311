package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.lockstep.coordination.HashtagBurstSignalTest.DAY;
import static io.lockstep.coordination.HashtagBurstSignalTest.HOUR;
import static io.lockstep.coordination.HashtagBurstSignalTest.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A hashtag push beside a club's match-day crowd, end to end and phase by phase: hashtag-burst's volume-only test
 * ({@link CoActionScanner.NullTest#VOLUME}) and its member test ({@link BurstRecurrence}).
 */
class HashtagPushTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;

    /**
     * 1,000 ordinary accounts tweeting a month of 40 long-lived topic hashtags (and each retweeting a few of the
     * others' posts); 60 idle accounts created within two days a month earlier, each posting nothing but a push: three
     * new hashtags on three days, each posted within 90 minutes by every push account with probability 0.7, one or
     * two slogans each; a club followed by its 300 fans playing four matches, each with a new match tag that 70 % of
     * the fans post one to three times within two hours of kick-off while the club posts it with each goal.
     */
    static Timeline world(long seed) {
        Random r = new Random(seed);
        Timeline t = new Timeline();
        HashtagBurstSignalTest.ordinaryMonth(t, r, q -> q.nextInt(40));
        for (int a = 0; a < 1000; a++) {
            for (int j = 0; j < 3; j++) {
                int o = r.nextInt(1000);
                if (o != a) {
                    t.retweet("user" + a, START + 31 * DAY + r.nextInt((int) DAY), "user" + o + "-" + r.nextInt(12));
                }
            }
        }
        HashtagBurstSignalTest.pushAccounts(t, r, 60, 2);
        for (int burst = 0; burst < 3; burst++) {
            String tag = "PushTag" + burst + "Now";
            long t0 = START + (4 + 9 * burst) * DAY + 13 * HOUR;
            for (int m = 0; m < 60; m++) {
                if (r.nextDouble() < 0.7) {
                    for (int j = 0; j <= r.nextInt(2); j++) {
                        t.tweet("p" + burst + "-" + m + "-" + j, "push" + m, t0 + r.nextInt(90 * 60),
                                "slogan " + r.nextInt(30) + " now " + Long.toString(r.nextLong(), 36), List.of(tag),
                                List.of());
                    }
                }
            }
        }
        HashtagBurstSignalTest.club(t, r, 300);
        for (int match = 0; match < 4; match++) {
            String tag = "ClubVsRival" + match;
            long kick = START + (2 + 7 * match) * DAY + 18 * HOUR;
            for (int f = 0; f < 300; f++) {
                if (r.nextDouble() < 0.7) {
                    for (int j = 0; j <= r.nextInt(3); j++) {
                        t.tweet("s" + match + "-" + f + "-" + j, "supporter" + f, kick + r.nextInt((int) (2 * HOUR)),
                                "come on lads " + r.nextInt(1000), List.of(tag), List.of());
                    }
                }
            }
            HashtagBurstSignalTest.goals(t, r, match, tag, kick);
        }
        return t;
    }

    @Test
    void endToEndThePushIsFlaggedAndTheMatchCrowdIsNot() {
        Timeline t = world(11);
        Activity a = t.build();
        CoordinationResult r = new CoordinationDetector(CoordinationParams.defaults()).run(a, P, T);
        int[] flagged = PrefixEdges.accounts(r.suspiciousAccounts(), a, "push");
        // about 47 of the 60 post two or more of the three hashtags; those that post one have no pair to show
        assertThat(flagged[0]).isGreaterThanOrEqualTo(45);
        assertThat(flagged[1]).as("accounts flagged outside the push").isZero();
    }

    @Test
    void thePushsPairsAndOnlyTheyAreLinked() {
        Activity a = world(12).build();
        CoordinationParams p = CoordinationParams.defaults();
        SignalGraph burst = new HashtagBurstSignal(p).graph(a, P, T);
        // about half of the 1,770 push pairs share two of the three hashtags; the supporters are explained by the club
        // they follow, the ordinary accounts' topics are not short-lived
        assertThat(PrefixEdges.among(burst, a, "push")).isGreaterThan(700);
        assertThat(burst.edges().size()).isEqualTo(PrefixEdges.among(burst, a, "push"));
    }

    @Test
    void withoutTheStrengthModelTheSelectionIsTheVolumeModelsAlone() {
        // CoActionPhasesTest's crowd: the strength model explains most crowd pairs the volume model flags; without it
        // every one of them is kept, each expecting n_a n_b P
        Actions a = CoActionPhasesTest.crowd(3);
        int accounts = CoActionPhasesTest.CROWD + 4;
        SortedActions sorted = SortedActions.of("test", a, accounts);
        PairCounting c = PairCounting.run(sorted, accounts, 60, 200, P, T);
        CoordinationParams.CoAction p = new CoordinationParams.CoAction(60, 3, 0.0, 1e-3);
        double chance = CoActionNullModel.chance(c.sampled.coOccurrences(), c.volume);
        int volumeSignificant = CoActionPhasesTest.volumeSignificant(c, p, accounts);
        CoActionNullModel.Selected volume = CoActionNullModel.select(c, sorted.activeAccounts(), p, null, false);
        CoActionNullModel.Selected both = CoActionNullModel.select(c, sorted.activeAccounts(), p, null, true);
        assertThat(volume.size()).isEqualTo(volumeSignificant);
        assertThat(both.size()).isLessThan(volumeSignificant / 2);
        for (int i = 0; i < volume.size(); i++) {
            int u = (int) (volume.pairs[i] >>> 32), v = (int) volume.pairs[i];
            assertThat(volume.expected[i]).isCloseTo((double) c.volume[u] * c.volume[v] * chance, within(1e-12));
        }
    }

    @Test
    void thePushsMembersMeetTheSamePartnersBeyondIndependentBurstsAndTheSupportersHaveNoEdgeToCount() {
        Activity a = world(13).build();
        CoordinationParams p = CoordinationParams.defaults();
        SignalGraph burst = new HashtagBurstSignal(p).graph(a, P, T);
        boolean[] recurring = BurstRecurrence.significant(a, p, burst.edges());
        assertThat(recurring).isNotNull();
        int[] members = PrefixEdges.accounts(PrefixEdges.marked(recurring), a, "push");
        assertThat(members[0]).isGreaterThanOrEqualTo(40);
        assertThat(members[1]).isZero();
        assertThat(BurstRecurrence.significant(a, p, List.of())).isNull();
    }

    @Test
    void theExpectationIsTheDegreeCorrectedUnionBoundOverEachPairOfAnAccountsShortLivedHashtags() {
        // A: u1, u2, u3 within the hour; B: u1, u2 within the hour; C: u3, u4, u2 days apart (not born in a burst);
        // D: u1 alone (one account: not paired)
        Timeline t = new Timeline();
        t.accounts("u1", "u2", "u3", "u4");
        Object[][] posts = {
                {"a1", "u1", 1000L, "A"}, {"a2", "u2", 1100L, "A"}, {"a3", "u3", 1200L, "A"},
                {"b1", "u1", 5000L, "B"}, {"b2", "u2", 5100L, "B"},
                {"c3", "u3", 9000L, "C"}, {"c4", "u4", 9000L + 3 * DAY, "C"}, {"c2", "u2", 9000L + 4 * DAY, "C"},
                {"d1", "u1", 9500L, "D"}};
        for (Object[] q : posts) {
            t.tweet((String) q[0], (String) q[1], (Long) q[2], "x", List.of((String) q[3]), List.of());
        }
        Activity act = t.build();
        SortedActions sorted = SortedActions.of("test", CoHashtagSignal.actions(act), act.accountCount());
        BurstRecurrence.Expectations x = BurstRecurrence.expectations(sorted, act.accountCount(), 7200);
        // U = 3 + 2 = 5; degrees u1 2, u2 2, u3 1: Σ d² = 9, c = 9 / 25
        double c = 9.0 / 25;
        assertThat(x.tested()).isEqualTo(2);
        assertThat(x.partners()[t.id("u1")]).isCloseTo(c * 3 * 2, within(1e-12));
        assertThat(x.partners()[t.id("u2")]).isCloseTo(c * 3 * 2, within(1e-12));
        assertThat(x.partners()[t.id("u3")]).isZero();
        assertThat(x.partners()[t.id("u4")]).isZero();
    }
}
