package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cohort judged as a whole ({@code LockstepFollowSignal#cohortCoFollowers}): a fresh farm whose members each follow
 * one or two of its vendor's two clients, too few follows for the member test of one account, is found from the
 * cohort's co-followers of its own unexplained targets; a sign-up cohort on a short starter list of top accounts
 * (fewer than {@code minTargets}, none captured) is not.
 */
class CohortCoFollowersTest {

    /** The signal with cohorts judged whole ({@code LockstepFollowSignal#cohortsWhole}), the onboarding test off. */
    private static SignalGraph follow(Activity a) {
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        signal.cohortsWhole = true;
        return signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    /** The eight homophilous communities with 20 platform-top accounts followed by 65–45 % of everyone. */
    private static FollowGraphs platform(List<String> tops, long seed) {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(seed);
        tops.addAll(gen.celebrities(20, 0.65, 0.45));
        return gen;
    }

    /** Phase: the cohort's members following at least the floor of its own targets, none below minFollowers. */
    @Test
    void theCoFollowersAreTheCohortsMembersFollowingTheFloorOfItsTargets() {
        // accounts 0..11 a cohort; targets 20 and 21; 0..9 follow both, 10 one, 11 none
        int[][] follows = new int[21][];
        int k = 0;
        for (int f = 0; f < 10; f++) {
            follows[k++] = new int[] {f, 20};
            follows[k++] = new int[] {f, 21};
        }
        follows[k] = new int[] {10, 20};
        int[] from = new int[follows.length];
        int[] to = new int[follows.length];
        for (int i = 0; i < follows.length; i++) {
            from[i] = follows[i][0];
            to[i] = follows[i][1];
        }
        DenseBlockFinder finder = new DenseBlockFinder(22, from, to);
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        int[] cohort = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertThat(signal.cohortCoFollowers(finder, cohort, new int[] {20, 21}, 2))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // a floor of one admits the member following one target
        assertThat(signal.cohortCoFollowers(finder, cohort, new int[] {20, 21}, 1))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // fewer than minFollowers (10) co-followers: none
        assertThat(signal.cohortCoFollowers(finder, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11},
                new int[] {20, 21}, 2)).isEmpty();
        // one own target is no co-following
        assertThat(signal.cohortCoFollowers(finder, cohort, new int[] {20}, 1)).isEmpty();
    }

    /**
     * Phase: a target is owned by the cohort when the block and the cohort together follow it at least
     * {@code minLift} (4) times as many times as everyone else, whatever the block alone holds; otherwise the
     * block's own counts stay.
     */
    @Test
    void aTargetIsCapturedWhenTheCohortOwnsItsAudience() {
        // cohort 0..9 follows 20; 10 and 11 (not in the cohort) follow 20; 12, 13, 14 follow 21 with 0..9
        int[] from = new int[25];
        int[] to = new int[25];
        int k = 0;
        for (int f = 0; f < 10; f++) {
            from[k] = f;
            to[k++] = 20;
            from[k] = f;
            to[k++] = 21;
        }
        from[k] = 10;
        to[k++] = 20;
        from[k] = 11;
        to[k++] = 20;
        for (int f = 12; f < 15; f++) {
            from[k] = f;
            to[k++] = 21;
        }
        DenseBlockFinder finder = new DenseBlockFinder(22, from, to);
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        int[][] homes = new int[3][22];
        int[] block = {0, 1};
        int[] cohort = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        // 20: 10 in the cohort against 2 others (10 >= 4 * 2): owned in every partition; 21: 10 against 3: not
        assertThat(signal.cohortOwned(finder, homes, block, cohort, new int[] {20, 21}, new int[] {0, 1}))
                .containsExactly(3, 1);
        // the block alone owns neither
        assertThat(CapturedTargetSeeds.owns(finder, block, 20, 4.0)).isFalse();
        assertThat(CapturedTargetSeeds.owns(finder, cohort, 20, 4.0)).isTrue();
        assertThat(CapturedTargetSeeds.owns(finder, cohort, 21, 4.0)).isFalse();
    }

    /**
     * The whole signal: a fresh farm of 150 created over four days, following its vendor's two clients with
     * probabilities 0.8 and 0.45 (as the fourth generator's g3 farm does), top accounts with probability 0.5 and
     * random camouflage, hidden in the homophilous communities: found, and only farm accounts are flagged. The
     * block of the members following both clients holds 60 of each client's ~130 and ~75 followers, short of
     * owning either; the cohort, created in the same days, owns both ({@code LockstepFollowSignal#cohortOwned}).
     * Without that the block of two targets was held to the floor of {@code minTargets} and nothing was found.
     */
    @Test
    void aFreshFarmOfTwoClientsFollowedAtUnequalSharesIsFound() {
        List<String> tops = new ArrayList<>();
        FollowGraphs gen = platform(tops, 21);
        List<String> farm = gen.fewClientFarm(150, new double[] {0.8, 0.45}, 4, 8, tops, 0.5);
        Activity a = gen.build();
        SignalGraph g = follow(a);
        Set<String> flagged = FollowNullModelTest.flagged(a, g);
        String why = FollowNullModelTest.describe(a, g);
        assertThat(farm).as(why).containsAll(flagged);
        assertThat(flagged.size()).as(why).isGreaterThanOrEqualTo(40);
        // with the cohort judged member by member (the default), the same farm is not found
        assertThat(FollowNullModelTest.flagged(a, new LockstepFollowSignal(CoordinationParams.defaults())
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE))).doesNotContainAnyElementsOf(farm);
    }

    /**
     * The whole signal: a sign-up cohort of 150 created in two days that accepted a starter list of three of the
     * platform's top accounts (fewer than {@code minTargets}; their audience is the whole platform's, so none is
     * captured by the cohort) is no block: the cohort's co-followers are judged, but the block test keeps the
     * floor of {@code minTargets} for a block without a captured target.
     */
    @Test
    void aSignUpCohortOnAShortStarterListIsNoBlock() {
        List<String> tops = new ArrayList<>();
        FollowGraphs gen = platform(tops, 22);
        List<String> wave = gen.starterListWave(150, tops.subList(0, 3));
        Activity a = gen.build();
        SignalGraph g = follow(a);
        assertThat(FollowNullModelTest.flagged(a, g)).as(FollowNullModelTest.describe(a, g))
                .doesNotContainAnyElementsOf(wave);
    }
}
