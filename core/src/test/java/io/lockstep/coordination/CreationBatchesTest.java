package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CreationBatches} on hand-built archives: 3,000 accounts created at random over ten years, beside an operation
 * of 80 accounts registered in eight batches of ten (two days each, months apart), a crowd of 80 drawn from the
 * archive itself, and one wave of newcomers.
 */
class CreationBatchesTest {
    private static final long DAY = 86_400L;
    private static final long WEEK = 7 * DAY;
    private static final long T0 = 1_300_000_000L;
    private static final int BACKGROUND = 3_000;
    private static final int OPERATION = 80;

    /**
     * Accounts 0..2999 created uniformly over ten years; 3000..3079 in eight batches of ten, each within two days, the
     * batches 200 days apart; 3080..3109 in one wave of 30 within five days; 3110..3112 without a creation time.
     */
    private static Activity archive() {
        ActivityBuilder b = new ActivityBuilder();
        Random r = new Random(7);
        for (int i = 0; i < BACKGROUND; i++) {
            b.account("a" + i, null, T0 + (long) (r.nextDouble() * 3_650 * DAY), -1);
        }
        for (int i = 0; i < OPERATION; i++) {
            long batch = T0 + 300 * DAY + (i / 10) * 200 * DAY;
            b.account("op" + i, null, batch + (long) (r.nextDouble() * 2 * DAY), -1);
        }
        for (int i = 0; i < 30; i++) {
            b.account("wave" + i, null, T0 + 1_000 * DAY + (long) (r.nextDouble() * 5 * DAY), -1);
        }
        for (int i = 0; i < 3; i++) {
            b.account("unknown" + i);
        }
        return b.build();
    }

    private static int[] range(int from, int to) {
        int[] m = new int[to - from];
        Arrays.setAll(m, i -> from + i);
        return m;
    }

    @Test
    void anOperationMadeInEightBatchesIsWhollyInBatchesWhileItsLargestBurstHoldsOneEighth() {
        Activity a = archive();
        int[] op = range(BACKGROUND, BACKGROUND + OPERATION);
        assertThat(new CreationBatches(a, WEEK).share(op)).isEqualTo(1.0);
        ClusterScorer scorer = new ClusterScorer(a, CoordinationParams.defaults());
        assertThat(scorer.largestCreationBurst(op)).isEqualTo(10.0 / OPERATION);
        assertThat(scorer.creationBurst(op)).as("the creation term takes the larger").isEqualTo(1.0);
    }

    @Test
    void aCrowdDrawnFromTheArchiveHasNoBatchBeyondItsRate() {
        Activity a = archive();
        Random r = new Random(11);
        int[] crowd = r.ints(0, BACKGROUND).distinct().limit(OPERATION).sorted().toArray();
        assertThat(new CreationBatches(a, WEEK).inBatches(crowd)).isEmpty();
        // a crowd of the archive's first 1,000 accounts: some fall within a week of two others by chance, none beyond it
        assertThat(new CreationBatches(a, WEEK).inBatches(range(0, 1_000))).isEmpty();
    }

    @Test
    void oneWaveIsABatchAndTheMembersOutsideItAreNot() {
        Activity a = archive();
        int[] waveAndCrowd = new int[60];
        for (int i = 0; i < 30; i++) {
            waveAndCrowd[i] = i * 50;
            waveAndCrowd[30 + i] = BACKGROUND + OPERATION + i;
        }
        Arrays.sort(waveAndCrowd);
        assertThat(new CreationBatches(a, WEEK).inBatches(waveAndCrowd))
                .containsExactlyInAnyOrder(range(BACKGROUND + OPERATION, BACKGROUND + OPERATION + 30));
    }

    @Test
    void membersWithoutACreationTimeCountInTheShareButAreNeverInABatch() {
        Activity a = archive();
        int first = BACKGROUND + OPERATION + 30;
        int[] tenAndUnknown = new int[13];
        for (int i = 0; i < 10; i++) {
            tenAndUnknown[i] = BACKGROUND + i;
        }
        for (int i = 0; i < 3; i++) {
            tenAndUnknown[10 + i] = first + i;
        }
        CreationBatches batches = new CreationBatches(a, WEEK);
        assertThat(batches.inBatches(tenAndUnknown)).containsExactlyInAnyOrder(Arrays.copyOf(tenAndUnknown, 10));
        assertThat(batches.share(tenAndUnknown)).isEqualTo(10.0 / 13);
        assertThat(batches.share(range(first, first + 3))).isZero();
        assertThat(batches.share(new int[0])).isZero();
    }

    @Test
    void twoAccountsAreNoBatch() {
        Activity a = archive();
        assertThat(new CreationBatches(a, WEEK).inBatches(new int[]{BACKGROUND, BACKGROUND + 1})).isEmpty();
    }

    @Test
    void theSpanIsChecked() {
        assertThatThrownBy(() -> new CreationBatches(archive(), 0)).hasMessageContaining("span");
    }
}
