package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The model's suspects ({@link FollowNullModel#setBlock(int[], int[], boolean[], boolean)}) on a hand-built graph
 * with a given partition. Community 0 holds a star (account 0, following ten of its members: rooted there), 40
 * ordinary members each following the next (the first ten also follow the star), 100 suspects and a block of 20, each
 * of the last two following the star and one ordinary member; community 1 holds 200 accounts each following the next.
 * The community's follows: 10 by the star, 50 by the ordinary members, 200 by the suspects, 40 by the block.
 */
class FollowModelSuspectsTest {
    private static final int STAR = 0;
    private static final int[] SUSPECTS = IntStream.range(41, 141).toArray();
    private static final int[] BLOCK = IntStream.range(141, 161).toArray();
    private static final int N = 361;

    private static FollowNullModel model() {
        IntArrayList from = new IntArrayList();
        IntArrayList to = new IntArrayList();
        for (int v = 1; v <= 10; v++) {
            from.add(STAR);
            to.add(v);
            from.add(v);
            to.add(STAR);
        }
        for (int v = 1; v <= 40; v++) {
            from.add(v);
            to.add(1 + v % 40);
        }
        for (int v = 41; v < 161; v++) {
            from.add(v);
            to.add(STAR);
            from.add(v);
            to.add(1 + v % 40);
        }
        for (int v = 161; v < N; v++) {
            from.add(v);
            to.add(161 + (v - 160) % 200);
        }
        int[] community = new int[N];
        for (int v = 161; v < N; v++) {
            community[v] = 1;
        }
        return new FollowNullModel(new DenseBlockFinder(N, from.toIntArray(), to.toIntArray()), community);
    }

    private static boolean[] suspectMask() {
        boolean[] held = new boolean[N];
        for (int f : SUSPECTS) {
            held[f] = true;
        }
        return held;
    }

    /**
     * The block's candidates (the suspects, followers of its target) make most of community 0 and are held out either
     * way; the star is rooted there, so it is expected from its popularity in the whole community, block included.
     * Held as ordinary candidates, the suspects count in that popularity: 130 of the star's followers in the
     * community's 300 follows. Held as suspects, they leave it, followers and follows: 30 (the ten readers and the
     * block) in 100. π, the star's popularity outside the held-out accounts, is 10 readers in 260 follows either way.
     */
    @Test
    void suspectsLeaveTheRootedStarsPopularityAndTheBlockStays() {
        FollowNullModel m = model();
        double alpha = FollowNullModel.PSEUDO_FOLLOWS;
        double pi = 10.0 / 260;
        m.setBlock(BLOCK, SUSPECTS, suspectMask(), false);
        assertThat(m.expected(STAR)).isCloseTo(40 * (130 + alpha * pi) / (300 + alpha), within(1e-9));
        m.setBlock(BLOCK, SUSPECTS, suspectMask(), true);
        assertThat(m.expected(STAR)).isCloseTo(40 * (30 + alpha * pi) / (100 + alpha), within(1e-9));
        // without a held mask there are no suspects, whatever the flag says
        m.setBlock(BLOCK, SUSPECTS, null, true);
        assertThat(m.expected(STAR)).isCloseTo(40 * (130 + alpha * pi) / (300 + alpha), within(1e-9));
    }

    /**
     * The member test of a block member (two follows, one of them the star): with the suspects in the star's
     * popularity the member is expected to follow it (λ = 2 · (129 + απ) / 398 ≥ 1/2, left out of the test); without
     * them λ = 2 · (29 + απ) / 198 and the follow is tested.
     */
    @Test
    void theMemberTestJudgesTheStarWithoutTheSuspects() {
        FollowNullModel m = model();
        double alpha = FollowNullModel.PSEUDO_FOLLOWS;
        double pi = 10.0 / 260;
        int member = BLOCK[0];
        m.setBlock(BLOCK, SUSPECTS, suspectMask(), false);
        double[] withSuspects = m.audience(new int[] {STAR}).test(member, false);
        assertThat(withSuspects).containsExactly(0.0, 0.0);
        m.setBlock(BLOCK, SUSPECTS, suspectMask(), true);
        double[] without = m.audience(new int[] {STAR}).test(member, false);
        assertThat(without[0]).isEqualTo(1.0);
        assertThat(without[1]).isCloseTo(2 * (29 + alpha * pi) / (198), within(1e-9));
    }
}
