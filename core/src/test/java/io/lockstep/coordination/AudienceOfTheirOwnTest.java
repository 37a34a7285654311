package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LockstepFollowSignal#audienceOfTheirOwn} and {@link LockstepFollowSignal#hasAudience}: which followers of a
 * block's member show that someone knows it. A follower counts when it is outside the block and its targets, the
 * member does not follow it, and the two were not created within the span of each other; a follow-back account
 * answering the member's follow, the client following its followers back, a fellow member and a fellow account of
 * the member's batch do not.
 */
class AudienceOfTheirOwnTest {
    /** The block: members 0..3, targets 8 and 9 (each member follows both). */
    private static final int[] MEMBERS = {0, 1, 2, 3};
    private static final int[] TARGETS = {8, 9};
    private static final long DAY = 86_400;
    private static final int N = 12;

    private static long edge(int from, int to) {
        return (long) from << 32 | to;
    }

    private static DenseBlockFinder graph(long... extra) {
        long[] pairs = new long[MEMBERS.length * TARGETS.length + extra.length];
        int k = 0;
        for (int m : MEMBERS) {
            for (int t : TARGETS) {
                pairs[k++] = edge(m, t);
            }
        }
        System.arraycopy(extra, 0, pairs, k, extra.length);
        Arrays.sort(pairs);
        return DenseBlockFinder.ofPairs(N, pairs);
    }

    /** Every account's creation time unknown: no follower is ruled out as the member's batch. */
    private static long[] unknown() {
        long[] created = new long[N];
        Arrays.fill(created, Activity.NO_TIME);
        return created;
    }

    private static boolean most(DenseBlockFinder g, long[] created) {
        return LockstepFollowSignal.audienceOfTheirOwn(g, created, DAY, MEMBERS, TARGETS);
    }

    /**
     * Member 0 is followed by 5, whom it does not follow: a friend. Member 1 follows 6 and 6 follows it back; member 2
     * is followed by its target 8 (the client returning the follow); member 3 by member 1. One of four is known.
     */
    private static final long[] ONE_KNOWN = {edge(5, 0), edge(1, 6), edge(6, 1), edge(8, 2), edge(1, 3)};

    @Test
    void eachMemberIsKnownOnlyByAFollowerItDidNotFollowFirst() {
        DenseBlockFinder g = graph(ONE_KNOWN);
        long[] created = unknown();
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 0, MEMBERS, TARGETS)).isTrue();
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 1, MEMBERS, TARGETS)).as("a follow-back")
                .isFalse();
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 2, MEMBERS, TARGETS)).as("its target")
                .isFalse();
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 3, MEMBERS, TARGETS)).as("a fellow member")
                .isFalse();
        // an account outside the block is judged the same way: 6's one follower is member 1
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 6, MEMBERS, TARGETS)).isFalse();
    }

    @Test
    void aFollowerMadeWithinTheSpanOfTheMemberIsItsBatchNotItsAudience() {
        DenseBlockFinder g = graph(ONE_KNOWN);
        long[] created = unknown();
        created[0] = 1_000 * DAY;
        created[5] = 1_000 * DAY + DAY / 2; // 5 made half a day after 0
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 0, MEMBERS, TARGETS)).isFalse();
        created[5] = 1_000 * DAY + 2 * DAY; // two days apart
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 0, MEMBERS, TARGETS)).isTrue();
        created[5] = Activity.NO_TIME; // unknown on one side: apart
        assertThat(LockstepFollowSignal.hasAudience(g, created, DAY, 0, MEMBERS, TARGETS)).isTrue();
    }

    @Test
    void followBacksTheTargetsAndFellowMembersDoNotCount() {
        assertThat(most(graph(ONE_KNOWN), unknown())).isFalse();
    }

    @Test
    void halfTheMembersKnownIsNotMost() {
        long[] two = Arrays.copyOf(ONE_KNOWN, ONE_KNOWN.length + 1);
        two[ONE_KNOWN.length] = edge(7, 3); // 3 gets a stranger's follow too
        assertThat(most(graph(two), unknown())).isFalse();
    }

    @Test
    void mostMembersFollowedByAccountsTheyDoNotFollowHaveAnAudience() {
        long[] three = Arrays.copyOf(ONE_KNOWN, ONE_KNOWN.length + 2);
        three[ONE_KNOWN.length] = edge(7, 3);
        three[ONE_KNOWN.length + 1] = edge(10, 1); // 1 follows 6 back, not 10
        assertThat(most(graph(three), unknown())).isTrue();
    }

    @Test
    void aBlockNobodyFollowsHasNoAudience() {
        assertThat(most(graph(), unknown())).isFalse();
    }
}
