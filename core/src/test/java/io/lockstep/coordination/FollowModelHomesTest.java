package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The model's leave-the-targets-out homes ({@link FollowNullModel#placeByFollowsOutside}) on a hand-built graph with a
 * given partition: community 0 holds an ordinary account 0 (following ten of its community) and its 30 readers;
 * community 1 holds 400 accounts following five of one another. A farm of 20 that the partition placed in community 0
 * follows account 0 and five accounts of community 1; newcomers of community 0 follow account 0 and four of their
 * community.
 */
class FollowModelHomesTest {
    private static final int CLIENT = 0;
    private static final int B = 40;
    private static final int B_SIZE = 400;
    private static final int[] FARM = IntStream.range(B + B_SIZE, B + B_SIZE + 20).toArray();
    private static final int HOMELESS = B + B_SIZE + 20;
    private static final int[] NEWCOMERS = IntStream.range(HOMELESS + 1, HOMELESS + 21).toArray();
    private static final int N = HOMELESS + 21;

    private final IntArrayList from = new IntArrayList();
    private final IntArrayList to = new IntArrayList();

    private void follow(int a, int b) {
        from.add(a);
        to.add(b);
    }

    private FollowNullModel model() {
        for (int v = 1; v <= 10; v++) {
            follow(CLIENT, v);
        }
        for (int v = 1; v <= 30; v++) {
            follow(v, CLIENT);
            follow(v, 1 + v % 30);
            follow(v, 1 + (v + 7) % 30);
        }
        for (int v = B; v < B + B_SIZE; v++) {
            for (int k = 1; k <= 5; k++) {
                follow(v, B + (v - B + 7 * k) % B_SIZE);
            }
        }
        for (int f : FARM) {
            follow(f, CLIENT);
            for (int k = 0; k < 5; k++) {
                follow(f, B + (f + 31 * k) % B_SIZE);
            }
        }
        follow(HOMELESS, CLIENT);
        for (int f : NEWCOMERS) {
            follow(f, CLIENT);
            for (int k = 0; k < 4; k++) {
                follow(f, 11 + (f + 5 * k) % 20);
            }
        }
        int[] community = new int[N];
        for (int v = B; v < B + B_SIZE; v++) {
            community[v] = 1;
        }
        return new FollowNullModel(new DenseBlockFinder(N, from.toIntArray(), to.toIntArray()), community);
    }

    private static double expectedOfClient(FollowNullModel m, int[] block, boolean placed) {
        m.placeByFollowsOutside(placed ? new int[] {CLIENT} : null);
        m.setBlock(block, block, null);
        m.placeByFollowsOutside(null);
        return m.expected(CLIENT);
    }

    /**
     * Placed by the partition, the farm is community 0's and the client's readers there explain much of it (the
     * client is rooted in community 0, so the block's own follows count too); placed by its follows outside the
     * client, it is community 1's, which never follows the client: its expectation falls to global popularity.
     */
    @Test
    void aFarmPlacedWithItsClientIsJudgedWhereItsOtherFollowsGo() {
        FollowNullModel m = model();
        double byPartition = expectedOfClient(m, FARM, false);
        double byHome = expectedOfClient(m, FARM, true);
        assertThat(byPartition).isGreaterThan(4.0);
        assertThat(byHome).isLessThan(byPartition / 10);
        // community 1's rate: no follower of the client there, shrunk to π = (30 readers, the homeless account and
        // 20 newcomers) over the follows made outside the block; the farm's 120 follows against κ_1 = 2,000 + α
        long follows = from.size();
        double pi = 51.0 / (follows - 120);
        double alpha = FollowNullModel.PSEUDO_FOLLOWS;
        assertThat(byHome).isCloseTo(120 * alpha * pi / (5 * B_SIZE + alpha), within(1e-9));
    }

    /**
     * Newcomers of community 0 who follow four of its accounts besides the client are placed in it either way, and
     * judged alike.
     */
    @Test
    void newcomersWhoseOtherFollowsGoToTheClientsCommunityStayInIt() {
        FollowNullModel m = model();
        double byPartition = expectedOfClient(m, NEWCOMERS, false);
        double byHome = expectedOfClient(m, NEWCOMERS, true);
        // the same community, the same rule for its own members: the same expectation
        assertThat(byHome).isGreaterThan(4.0);
        assertThat(byHome).isCloseTo(byPartition, within(1e-12));
    }

    /** A member that follows nothing but the targets has no home: its follows are expected at global popularity. */
    @Test
    void aMemberFollowingOnlyTheTargetsIsJudgedByGlobalPopularity() {
        FollowNullModel m = model();
        double byHome = expectedOfClient(m, new int[] {HOMELESS}, true);
        // π: the client's 70 followers outside the block (readers, farm, newcomers) over the follows made outside it
        long follows = from.size();
        assertThat(byHome).isCloseTo(70.0 / (follows - 1), within(1e-12));
    }

    /**
     * The member test ({@link FollowNullModel.Audience#test(int, boolean, boolean)}) of a farm member outside the
     * block, on the client and one account of community 1 the member follows: placed by the partition with the
     * client's readers, it is expected to follow the client (λ ≥ 1/2, left out of the test) and only the other
     * target counts; placed by its follows outside the targets (community 1, where nobody follows the client), both
     * follows are tested and the client's at the shrunk rate of a community that never follows it.
     */
    @Test
    void theMemberTestJudgesAFarmMemberWhereItsOtherFollowsGo() {
        FollowNullModel m = model();
        int member = FARM[0];
        int other = B + (member + 31) % B_SIZE;
        int[] targets = {CLIENT, other};
        int[] block = java.util.Arrays.copyOfRange(FARM, 1, FARM.length);
        m.setBlock(block, block, null);
        FollowNullModel.Audience a = m.audience(targets);
        double[] byPartition = a.test(member, false, false);
        double[] byHome = a.test(member, false, true);
        assertThat(byPartition[0]).isEqualTo(1.0);
        assertThat(byHome[0]).isEqualTo(2.0);
        assertThat(byHome[1]).isLessThan(1.0);
        assertThat(a.test(member, false)).containsExactly(byPartition);
    }

    /** Newcomers of community 0 are placed in it by their other follows too: their member test is unchanged. */
    @Test
    void theMemberTestOfANewcomerIsTheSameEitherWay() {
        FollowNullModel m = model();
        int[] block = java.util.Arrays.copyOfRange(NEWCOMERS, 1, NEWCOMERS.length);
        m.setBlock(block, block, null);
        FollowNullModel.Audience a = m.audience(new int[] {CLIENT, 11 + (NEWCOMERS[0] % 20)});
        assertThat(a.test(NEWCOMERS[0], false, true)).containsExactly(a.test(NEWCOMERS[0], false, false));
    }

    /** Placement is per block: after a placed block, the next block set without it is placed by the partition. */
    @Test
    void placementLastsForOneBlock() {
        FollowNullModel m = model();
        double before = expectedOfClient(m, FARM, false);
        expectedOfClient(m, FARM, true);
        assertThat(expectedOfClient(m, FARM, false)).isEqualTo(before);
    }
}
