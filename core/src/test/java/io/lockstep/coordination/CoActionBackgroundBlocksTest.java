package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background iteration over blocks of arrays ({@link CoActionKernel#backgroundRound},
 * {@link CoActionKernel#addBackgroundStrengths}, as an engine that splits the counted pairs into partitions runs it)
 * against {@link CoActionNullModel#background} over the whole map: the same flags, strengths, co-occurrences and
 * rounds.
 */
class CoActionBackgroundBlocksTest {

    /** {@link CoActionPhasesTest#crowd}'s actions, counted. */
    private static PairCounting crowd(long seed) {
        Actions a = CoActionPhasesTest.crowd(seed);
        int crowd = CoActionPhasesTest.CROWD;
        int accounts = crowd + 4;
        return PairCounting.run(SortedActions.of("test", a, accounts), accounts, 60, 200, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
    }

    @Test
    void blocksOfArraysIterateToTheMapsBackground() {
        for (long seed = 3; seed <= 5; seed++) {
            PairCounting c = crowd(seed);
            double chance = CoActionNullModel.chance(c.sampled.coOccurrences(), c.volume);
            CoActionKernel.Expansion expansion = CoActionKernel.Expansion.of(c.sampled);
            double maxPValue = 1e-3;
            CoActionNullModel.Background expected = CoActionNullModel.background(c, chance,
                    new CoActionNullModel.Explains(maxPValue));

            // the map's pairs in its iteration order, cut into three blocks of unequal size
            int n = c.pairs.size();
            long[] pairs = new long[n];
            int[] counts = new int[n];
            int i = 0;
            for (Long2LongMap.Entry e : c.pairs.long2LongEntrySet()) {
                pairs[i] = e.getLongKey();
                counts[i++] = PairCounting.count(e.getLongValue());
            }
            int[] cuts = {0, n / 5, n / 2, n};
            long[][] blockPairs = new long[3][];
            int[][] blockCounts = new int[3][];
            long[][] flags = new long[3][];
            for (int b = 0; b < 3; b++) {
                blockPairs[b] = Arrays.copyOfRange(pairs, cuts[b], cuts[b + 1]);
                blockCounts[b] = Arrays.copyOfRange(counts, cuts[b], cuts[b + 1]);
                flags[b] = new long[(blockPairs[b].length + 63) >>> 6];
            }
            CoActionKernel.TailTest test = new CoActionKernel.TailTest(maxPValue);
            int set = 0;
            for (int b = 0; b < 3; b++) {
                set += CoActionKernel.backgroundRound(blockPairs[b], blockCounts[b], blockPairs[b].length, c.volume,
                        chance, null, null, 0, expansion, test, flags[b]);
            }
            assertThat(set).as("round 0 flags some pairs").isPositive();
            long[] strength = new long[c.volume.length];
            long total = sums(blockPairs, blockCounts, flags, strength);
            int rounds = 0;
            for (int round = 1; round <= CoActionKernel.MAX_BACKGROUND_ROUNDS; round++) {
                long[][] next = new long[3][];
                int changed = 0;
                for (int b = 0; b < 3; b++) {
                    next[b] = new long[flags[b].length];
                    changed += CoActionKernel.backgroundRound(blockPairs[b], blockCounts[b], blockPairs[b].length,
                            c.volume, chance, flags[b], strength, total, expansion, test, next[b]);
                }
                if (changed == 0) {
                    break;
                }
                flags = next;
                strength = new long[c.volume.length];
                total = sums(blockPairs, blockCounts, flags, strength);
                rounds = round;
            }
            assertThat(rounds).as("seed %d: rounds", seed).isEqualTo(expected.rounds()).isPositive();
            assertThat(strength).as("seed %d: strengths", seed).isEqualTo(expected.strength());
            assertThat(total).as("seed %d: co-occurrences", seed).isEqualTo(expected.coOccurrences());
            for (int b = 0; b < 3; b++) {
                for (int k = 0; k < blockPairs[b].length; k++) {
                    boolean flagged = (flags[b][k >>> 6] & (1L << k)) != 0;
                    assertThat(flagged).as("seed %d: pair %d", seed, cuts[b] + k)
                            .isEqualTo(expected.contains(cuts[b] + k));
                }
            }
        }
    }

    private static long sums(long[][] pairs, int[][] counts, long[][] flags, long[] strength) {
        long total = 0;
        for (int b = 0; b < pairs.length; b++) {
            total += CoActionKernel.addBackgroundStrengths(pairs[b], counts[b], pairs[b].length, flags[b], strength);
        }
        return total;
    }
}
