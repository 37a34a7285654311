package io.lockstep.coordination;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StarterLists} phase by phase on a 12-account graph: the members' other follows inside their communities
 * against their communities' habits, whether the partitions gather the block's members in one community, and the
 * test that combines them with captured-ness; and the lower Poisson tail it uses ({@link PoissonTail#lower}).
 */
class StarterListsTest {

    /**
     * Community 0 = accounts 0..5, community 1 = 6..11; the block's members 4, 5 (community 0) and 10 (community 1),
     * its one target 11. Community 0's other accounts make 4 follows inside it (0→1, 1→2, 2→3, 3→0), one outside
     * (0→6) and one of the target (1→11, not counted): a habit of 4/5 inside. Member 4 follows 0 (inside) and 7,
     * member 5 follows 8 and 9, both follow the target. Community 1's other accounts follow nobody: member 10's
     * follow of 0 is judged by no habit.
     */
    private static DenseBlockFinder graph() {
        long[] pairs = {edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 0), edge(0, 6), edge(1, 11), edge(4, 0),
                edge(4, 7), edge(4, 11), edge(5, 8), edge(5, 9), edge(5, 11), edge(10, 0), edge(10, 11)};
        Arrays.sort(pairs);
        return DenseBlockFinder.ofPairs(12, pairs);
    }

    private static final int[] TWO_COMMUNITIES = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    private static final int[] BLOCK = {4, 5, 10};
    private static final int[] TARGETS = {11};

    private static long edge(int from, int to) {
        return (long) from << 32 | to;
    }

    /** Observed 1 (4→0) of the members' 4 other follows judged; expected 4 · 4/5. */
    @Test
    void homeFollowsCountTheMembersOtherFollowsAgainstTheirCommunitysHabit() {
        double[] oe = StarterLists.homeFollows(graph(), TWO_COMMUNITIES, BLOCK, TARGETS);
        assertThat(oe[0]).isEqualTo(1.0);
        assertThat(oe[1]).isCloseTo(3.2, Offset.offset(1e-12));
    }

    /**
     * The habit leaves the block out: with 0 and 1 in the block too, community 0's habit is its remaining follows
     * (2→3, 3→0 inside; none outside) and the members' other follows are 0→1, 0→6, 1→2, 4→0, 4→7, 5→8, 5→9.
     */
    @Test
    void theHabitLeavesTheBlockOut() {
        double[] oe = StarterLists.homeFollows(graph(), TWO_COMMUNITIES, new int[] {0, 1, 4, 5}, TARGETS);
        assertThat(oe[0]).isEqualTo(3.0);
        assertThat(oe[1]).isCloseTo(7.0, Offset.offset(1e-12));
    }

    /**
     * Community 0 = accounts 0..4, community 1 = 6..11, account 5 alone in community 2: the block's three members in
     * three communities. Member 4's other follows: 4→0 inside, 4→7 outside, against community 0's habit of 4/5
     * (O 1, E 1.6); members 5 and 10 are judged by no habit. P(Poisson(1.6) ≤ 1) = 2.6 e^−1.6 = 0.5249.
     */
    private static final int[] SPREAD = {0, 0, 0, 0, 0, 2, 1, 1, 1, 1, 1, 1};

    /** Gathered: more than half of the block's followers in one community of the partition. */
    @Test
    void gatheredIsMoreThanHalfOfTheBlockInOneCommunity() {
        assertThat(StarterLists.gathered(TWO_COMMUNITIES, BLOCK)).isTrue(); // 4 and 5 of 3
        assertThat(StarterLists.gathered(SPREAD, BLOCK)).isFalse();
        // half is not more than half
        assertThat(StarterLists.gathered(TWO_COMMUNITIES, new int[] {4, 10})).isFalse();
        assertThat(StarterLists.gathered(TWO_COMMUNITIES, new int[] {4, 5})).isTrue();
    }

    /**
     * The block's own communities: of 12 accounts in communities {0..3}, {4, 5}, {6, 7, 8}, {9, 10, 11}, the block
     * {0, 4, 5, 6, 7} has 4 and 5 (two of two) and 6 and 7 (two of three) in communities it is more than half of: four
     * of its five members, though no community holds more than half of them (a farm cut into pieces).
     */
    private static final int[] PIECES = {0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3};

    @Test
    void aBlockCutIntoPiecesOfItsOwnIsGathered() {
        int[] cut = {0, 4, 5, 6, 7};
        assertThat(FollowNullModel.majority(PIECES, cut)).isNegative();
        assertThat(StarterLists.inOwnCommunities(PIECES, cut)).isTrue();
        assertThat(StarterLists.gathered(PIECES, cut)).isTrue();
        // 4 is one of two in its community (half is not more), 9 one of three: only 6 and 7 of five
        int[] few = {0, 4, 6, 7, 9};
        assertThat(StarterLists.inOwnCommunities(PIECES, few)).isFalse();
        assertThat(StarterLists.gathered(PIECES, few)).isFalse();
        // two of four members in own communities: half is not more than half
        assertThat(StarterLists.inOwnCommunities(PIECES, new int[] {0, 4, 5, 9})).isFalse();
        // one community holding most of the block, but the block a minority in it: gathered by the majority alone
        assertThat(StarterLists.inOwnCommunities(TWO_COMMUNITIES, BLOCK)).isFalse();
        assertThat(StarterLists.gathered(TWO_COMMUNITIES, BLOCK)).isTrue();
        // SPREAD: 5 alone in its community is one of three
        assertThat(StarterLists.inOwnCommunities(SPREAD, BLOCK)).isFalse();
    }

    /**
     * A finest partition that puts each of the block's three members alone in a community of its own (a small
     * archive's farm cut into pieces) gathers it: no starter list explains it, though no community holds two of them
     * and their other follows are judged by no habit (O 0, E 0).
     */
    @Test
    void aBlockTheFinestPartitionCutsIntoPiecesOfItsOwnIsNoStarterLists() {
        int[] alone = {0, 0, 0, 0, 3, 2, 1, 1, 1, 1, 4, 1};
        DenseBlockFinder g = graph();
        assertThat(FollowNullModel.majority(alone, BLOCK)).isNegative();
        assertThat(StarterLists.homeFollows(g, alone, BLOCK, TARGETS)).containsExactly(0.0, 0.0);
        assertThat(StarterLists.explains(g, List.of(alone), BLOCK, TARGETS, new int[] {0}, 1, 1e-3)).isFalse();
        // the same block with the finest partition spreading it is explained, a coarser one cutting it changes nothing
        assertThat(StarterLists.explains(g, List.of(alone, SPREAD), BLOCK, TARGETS, new int[] {0}, 2, 1e-3)).isTrue();
    }

    /**
     * A list explains the block when no target is captured by it, the finest partition (the last) spreads its
     * members over their communities, and no partition shows their other follows significantly outside their
     * communities.
     */
    @Test
    void aListExplainsABlockOfOrdinaryFollowersNoneCapturedSpreadOverCommunities() {
        DenseBlockFinder g = graph();
        List<int[]> spread = List.of(SPREAD);
        assertThat(StarterLists.explains(g, spread, BLOCK, TARGETS, new int[] {0}, 1, 1e-3)).isTrue();
        // a captured target: a farm's
        assertThat(StarterLists.explains(g, spread, BLOCK, TARGETS, new int[] {1}, 1, 1e-3)).isFalse();
        // significance: 0.5249 is evidence at 0.53, not at 0.52
        assertThat(StarterLists.explains(g, spread, BLOCK, TARGETS, new int[] {0}, 1, 0.52)).isTrue();
        assertThat(StarterLists.explains(g, spread, BLOCK, TARGETS, new int[] {0}, 1, 0.53)).isFalse();
        // gathered by the finest partition: a farm's, whatever the follows say (P(Poisson(3.2) ≤ 1) = 0.1712 in
        // TWO_COMMUNITIES is no evidence at 10⁻³)
        assertThat(StarterLists.explains(g, List.of(TWO_COMMUNITIES), BLOCK, TARGETS, new int[] {0}, 1, 1e-3))
                .isFalse();
        assertThat(StarterLists.explains(g, List.of(SPREAD, TWO_COMMUNITIES), BLOCK, TARGETS, new int[] {0}, 2, 1e-3))
                .isFalse();
        // a coarser partition that gathers it (a language) does not; Bonferroni over the partitions, so
        // TWO_COMMUNITIES' 0.1712 is evidence at 0.35 (0.175 each) and not at 0.34 (0.17 each)
        List<int[]> two = List.of(TWO_COMMUNITIES, SPREAD);
        assertThat(StarterLists.explains(g, two, BLOCK, TARGETS, new int[] {0}, 2, 1e-3)).isTrue();
        assertThat(StarterLists.explains(g, two, BLOCK, TARGETS, new int[] {0}, 2, 0.34)).isTrue();
        assertThat(StarterLists.explains(g, two, BLOCK, TARGETS, new int[] {0}, 2, 0.35)).isFalse();
    }

    /** The members' other follows against the habit in the spread partition: O 1, E 1.6. */
    @Test
    void homeFollowsInTheSpreadPartition() {
        double[] oe = StarterLists.homeFollows(graph(), SPREAD, BLOCK, TARGETS);
        assertThat(oe[0]).isEqualTo(1.0);
        assertThat(oe[1]).isCloseTo(1.6, Offset.offset(1e-12));
        assertThat(PoissonTail.lower(1, 1.6)).isCloseTo(2.6 * Math.exp(-1.6), Offset.offset(1e-15));
    }

    /**
     * Away from home takes a deficit beyond chance and of a third or more: a wave of a few hundred newcomers whose
     * 1,689 expected home follows come out at 1,486 (0.88, P ≈ 10⁻⁷) follows like its communities; bought accounts
     * keeping 41 of 126 (0.33) or 200 of 420 (0.48) do not.
     */
    @Test
    void awayFromHomeTakesADeficitOfAThirdBeyondChance() {
        assertThat(PoissonTail.lower(1486, 1689.0)).isLessThan(1e-5);
        assertThat(StarterLists.awayFromHome(1486, 1689.0, 1e-4)).isFalse();
        assertThat(StarterLists.awayFromHome(41, 126.0, 1e-4)).isTrue();
        assertThat(StarterLists.awayFromHome(200, 420.0, 1e-4)).isTrue();
        // either side of the line, two thirds of 600
        assertThat(StarterLists.awayFromHome(399, 600.0, 1e-4)).isTrue();
        assertThat(StarterLists.awayFromHome(401, 600.0, 1e-4)).isFalse();
        // a deficit of that size that chance explains is no evidence either: 2 of 6
        assertThat(StarterLists.awayFromHome(2, 6.0, 1e-4)).isFalse();
    }

    /** Mostly uncaptured: fewer than half of the targets captured by the block in most partitions. */
    @Test
    void aListIsMostlyUncaptured() {
        assertThat(StarterLists.mostlyUncaptured(new int[] {0, 0, 1}, 2)).isTrue();
        assertThat(StarterLists.mostlyUncaptured(new int[] {3, 0, 0, 0, 1}, 2)).isTrue(); // one of five
        assertThat(StarterLists.mostlyUncaptured(new int[] {3, 2, 0, 0, 1}, 2)).isTrue(); // two of five
        assertThat(StarterLists.mostlyUncaptured(new int[] {3, 2, 0, 1}, 2)).isFalse(); // half is not fewer
        assertThat(StarterLists.mostlyUncaptured(new int[] {3, 2, 2, 1}, 2)).isFalse();
        // a block capturing a minority of its targets is judged by the other tests: SPREAD explains it
        DenseBlockFinder g = graph();
        assertThat(StarterLists.explains(g, List.of(SPREAD), BLOCK, new int[] {11, 0, 1}, new int[] {1, 0, 0}, 1,
                1e-3)).isTrue();
        assertThat(StarterLists.explains(g, List.of(SPREAD), BLOCK, new int[] {11, 0}, new int[] {1, 0}, 1, 1e-3))
                .isFalse();
    }

    @Test
    void theTestLevelIsChecked() {
        assertThatThrownBy(() -> StarterLists.explains(graph(), List.of(TWO_COMMUNITIES), BLOCK, TARGETS,
                new int[] {0}, 1, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPValue");
    }

    /** The lower tail against closed forms and the upper tail. */
    @Test
    void theLowerPoissonTail() {
        assertThat(PoissonTail.lower(1, 3.2)).isCloseTo(Math.exp(-3.2) * 4.2, Offset.offset(1e-15));
        assertThat(PoissonTail.lower(0, 2.0)).isCloseTo(Math.exp(-2.0), Offset.offset(1e-15));
        assertThat(PoissonTail.lower(5, 2.0)).isCloseTo(1 - PoissonTail.upper(6, 2.0), Offset.offset(1e-15));
        assertThat(PoissonTail.lower(-1, 2.0)).isZero();
        assertThat(PoissonTail.lower(3, 0.0)).isEqualTo(1.0);
        // far in the tail: positive, tiny, increasing in k
        double a = PoissonTail.lower(41, 125.9);
        double b = PoissonTail.lower(45, 125.9);
        assertThat(a).isPositive().isLessThan(1e-15).isLessThan(b);
    }
}
