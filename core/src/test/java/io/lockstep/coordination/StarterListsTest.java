package io.lockstep.coordination;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StarterLists} phase by phase on a 12-account graph: followers counted without the block, heads per
 * community, "some partition", and the test that combines heads with captured-ness.
 */
class StarterListsTest {

    /**
     * Community 0 = accounts 0..5, community 1 = 6..11. Account 0 is followed by 6, 7, 8; account 1 by 6, 7; account
     * 3 (no target) by 6, 7; account 2 (a client) by 9 and by the block's members 10 and 11, who follow 0, 1 and 2.
     */
    private static DenseBlockFinder graph() {
        long[] pairs = {edge(6, 0), edge(6, 1), edge(6, 3), edge(7, 0), edge(7, 1), edge(7, 3), edge(8, 0),
                edge(9, 2), edge(10, 0), edge(10, 1), edge(10, 2), edge(11, 0), edge(11, 1), edge(11, 2)};
        java.util.Arrays.sort(pairs);
        return DenseBlockFinder.ofPairs(12, pairs);
    }

    private static final int[] TWO_COMMUNITIES = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    /** The client and its one outside follower in a community of their own. */
    private static final int[] CLIENT_APART = {0, 0, 2, 0, 0, 0, 1, 1, 1, 2, 1, 1};
    private static final int[] BLOCK = {10, 11};
    private static final int[] TARGETS = {0, 1, 2};

    /**
     * A test level at which any fewer followers is significantly fewer on this graph's counts (P(Binomial(3, 1/2) ≥ 2)
     * = 0.5), so that the structure is tested apart from the significance ({@link #fewerIsSignificantOnlyBeyondNoise}).
     */
    private static final double STRICT = 0.99;

    private static long edge(int from, int to) {
        return (long) from << 32 | to;
    }

    /**
     * A target is a head when no account of its community outside the targets has more followers: 0 (three) is;
     * 1 (two, tied with the non-target 3) is; the client 2 has one follower without the block, fewer than 3's two,
     * although the block's two follows would make it the most followed of its community.
     */
    @Test
    void headsCountFollowersWithoutTheBlock() {
        assertThat(StarterLists.heads(graph(), List.of(TWO_COMMUNITIES), BLOCK, TARGETS, STRICT))
                .containsExactly(true, true, false);
        // counted with nobody held out, the client's three followers make it a head
        assertThat(StarterLists.heads(graph(), List.of(TWO_COMMUNITIES), new int[0], TARGETS, STRICT))
                .containsExactly(true, true, true);
    }

    /** A target behind another target of its community is a head: the list takes a community's top accounts. */
    @Test
    void aTargetBehindAnotherTargetIsAHead() {
        // 1 has two followers, 0 three: with 3 among the targets too, 1 is behind targets only
        assertThat(StarterLists.heads(graph(), List.of(TWO_COMMUNITIES), BLOCK, new int[] {0, 1, 3}, STRICT))
                .containsExactly(true, true, true);
        // alone, 1 is behind 0, which is not a target
        assertThat(StarterLists.heads(graph(), List.of(TWO_COMMUNITIES), BLOCK, new int[] {1}, STRICT))
                .containsExactly(false);
    }

    /** A head in one partition is a head: the client heads the community it makes with its one follower. */
    @Test
    void aHeadInSomePartitionIsAHead() {
        assertThat(StarterLists.heads(graph(), List.of(TWO_COMMUNITIES, CLIENT_APART), BLOCK, TARGETS, STRICT))
                .containsExactly(true, true, true);
        assertThat(StarterLists.heads(graph(), List.of(), BLOCK, TARGETS, STRICT)).containsExactly(false, false, false);
    }

    @Test
    void aPartitionOfAnotherSizeIsRejected() {
        assertThatThrownBy(() -> StarterLists.heads(graph(), List.of(TWO_COMMUNITIES, new int[5]), BLOCK, TARGETS, STRICT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 accounts");
    }

    /**
     * A list explains the block when no target is captured by it in most partitions and every target is a head:
     * not with the client (no head), not with a captured target, yes without the client.
     */
    @Test
    void aListExplainsHeadsNoneCaptured() {
        DenseBlockFinder g = graph();
        List<int[]> one = List.of(TWO_COMMUNITIES);
        assertThat(StarterLists.explains(g, one, BLOCK, TARGETS, new int[] {0, 0, 0}, 1, STRICT)).isFalse();
        assertThat(StarterLists.explains(g, one, BLOCK, new int[] {0, 1}, new int[] {0, 0}, 1, STRICT)).isTrue();
        assertThat(StarterLists.explains(g, one, BLOCK, new int[] {0, 1}, new int[] {0, 1}, 1, STRICT)).isFalse();
    }

    /**
     * Not significantly fewer: equal rates of two Poisson counts tested conditionally on their sum. The simulator's
     * farm client (29 followers without the farm against its community's top account's 228) is fewer; a wave's list
     * account second of its community (176 against 200) is not, at the signal's 10⁻³.
     */
    @Test
    void fewerIsSignificantOnlyBeyondNoise() {
        assertThat(StarterLists.notFewer(29, 228, 1e-3)).isFalse();
        assertThat(StarterLists.notFewer(176, 200, 1e-3)).isTrue();
        assertThat(StarterLists.notFewer(200, 176, 1e-3)).isTrue();
        assertThat(StarterLists.notFewer(0, 12, 1e-3)).isFalse(); // 2^-12 < 10^-3
        assertThat(StarterLists.notFewer(0, 9, 1e-3)).isTrue(); // 2^-9 > 10^-3
        // the tail itself: P(Bin(4, 1/2) >= 3) = 5/16, P(Bin(10, 1/2) >= 0) = 1
        assertThat(StarterLists.binomialHalfUpper(3, 4)).isCloseTo(5.0 / 16, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(StarterLists.binomialHalfUpper(0, 10)).isEqualTo(1.0);
        assertThat(StarterLists.binomialHalfUpper(10, 10)).isCloseTo(Math.pow(0.5, 10),
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void theTestLevelIsChecked() {
        assertThatThrownBy(() -> StarterLists.heads(graph(), List.of(TWO_COMMUNITIES), BLOCK, TARGETS, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPValue");
    }
}
