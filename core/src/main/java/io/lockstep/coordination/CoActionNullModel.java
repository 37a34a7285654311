package io.lockstep.coordination;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;

/**
 * The selection phase of {@link CoActionScanner}: which counted pairs ({@link PairCounting}) become edges, and with
 * what weight. A pair sharing {@code count} items passes when
 * <ol>
 *   <li>{@code count ≥ minShared};</li>
 *   <li>its cosine {@code Σ_shared w² / (‖a‖ ‖b‖)} (capped at 1) is at least {@code minSimilarity};</li>
 *   <li>the volume null model cannot explain it: under random placement of each account's n_a items, two given
 *       actions coincide with the data-wide probability P = co-occurrences / cross-account action pairs
 *       ({@link #chance}), the pair's expected count is λ = n_a n_b P, and P(Poisson(λ) ≥ count) must be at most
 *       {@code maxPValue} ({@link PoissonTail}).</li>
 * </ol>
 * A passing pair weighs its cosine times the rarity of its shared items: their root-mean-square w over the largest
 * possible w (an item of two accounts), capped at 1, so that two accounts sharing only viral items weigh little even
 * when their vectors coincide.
 *
 * <p>Cost: O(accounts + counted pairs) time, O(selected pairs) memory, plus O(count) per Poisson tail.
 * Deterministic: a pure function of the counts; the selected pairs come out in ascending pair-key order.
 */
final class CoActionNullModel {
    /** The pairs that passed, ascending by pair key, with their counts and weights at the same index. */
    static final class Selected {
        final long[] pairs;
        final int[] counts;
        final double[] weights;
        private final Long2IntOpenHashMap index;

        Selected(long[] pairs, int[] counts, double[] weights) {
            this.pairs = pairs;
            this.counts = counts;
            this.weights = weights;
            index = new Long2IntOpenHashMap(pairs.length);
            index.defaultReturnValue(-1);
            for (int i = 0; i < pairs.length; i++) {
                index.put(pairs[i], i);
            }
        }

        int size() {
            return pairs.length;
        }

        /** The index of {@code pair}, or -1 when it was not selected (one hash probe per window pair). */
        int indexOf(long pair) {
            return index.get(pair);
        }
    }

    private CoActionNullModel() {
    }

    /** The data-wide chance of a co-occurrence from the account volumes' sum and sum of squares. */
    static double chance(long coOccurrences, double volumeSum, double volumeSquareSum) {
        double crossPairs = (volumeSum * volumeSum - volumeSquareSum) / 2.0;
        return crossPairs > 0 ? coOccurrences / crossPairs : 1.0;
    }

    /** {@link #chance(long, double, double)} over per-account volumes. */
    static double chance(long coOccurrences, int[] volume) {
        double sum = 0, sumSq = 0;
        for (int v : volume) {
            sum += v;
            sumSq += (double) v * v;
        }
        return chance(coOccurrences, sum, sumSq);
    }

    /**
     * The edge weight of a pair that shares {@code count} items with fixed-point squared-weight sum
     * {@code sharedUnits}, or {@code NaN} when it fails the thresholds or the null model.
     *
     * @param volumeU items of one account in the signal; {@code normSqU} its summed squared item weights
     * @param chance  the data-wide co-occurrence probability ({@link #chance})
     */
    static double weight(int count, long sharedUnits, int volumeU, double normSqU, int volumeV, double normSqV,
                         double chance, int activeAccounts, DetectionParams.CoAction p) {
        if (count < p.minShared()) {
            return Double.NaN;
        }
        double sharedWeight = sharedUnits / PairCounting.WEIGHT_SCALE;
        double cosine = Math.min(1.0, sharedWeight / Math.sqrt(normSqU * normSqV));
        if (cosine < p.minSimilarity()) {
            return Double.NaN;
        }
        double lambda = (double) volumeU * volumeV * chance;
        if (PoissonTail.upper(count, lambda) > p.maxPValue()) {
            return Double.NaN;
        }
        double rarity = Math.min(1.0, Math.sqrt(sharedWeight / count) / PairCounting.idf(activeAccounts, 2));
        return cosine * rarity;
    }

    /** The counted pairs that pass {@code p} and the null model. */
    static Selected select(PairCounting counts, int activeAccounts, DetectionParams.CoAction p) {
        double chance = chance(counts.coOccurrences, counts.volume);
        int k = 0;
        long[] pairs = new long[16];
        int[] cs = new int[16];
        double[] ws = new double[16];
        for (Long2LongMap.Entry entry : counts.pairs.long2LongEntrySet()) {
            long pair = entry.getLongKey();
            long packed = entry.getLongValue();
            int u = (int) (pair >>> 32), v = (int) pair;
            int c = PairCounting.count(packed);
            double w = weight(c, PairCounting.units(packed), counts.volume[u], counts.normSq[u], counts.volume[v],
                    counts.normSq[v], chance, activeAccounts, p);
            if (Double.isNaN(w)) {
                continue;
            }
            if (k == pairs.length) {
                pairs = Arrays.copyOf(pairs, 2 * k);
                cs = Arrays.copyOf(cs, 2 * k);
                ws = Arrays.copyOf(ws, 2 * k);
            }
            pairs[k] = pair;
            cs[k] = c;
            ws[k] = w;
            k++;
        }
        // ascending pair keys: sort indices by pair, then permute
        long[] order = new long[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        long[] sortedPairs = Arrays.copyOf(pairs, k);
        LongArrays.radixSort(sortedPairs, order);
        int[] sortedCounts = new int[k];
        double[] sortedWeights = new double[k];
        for (int i = 0; i < k; i++) {
            sortedCounts[i] = cs[(int) order[i]];
            sortedWeights[i] = ws[(int) order[i]];
        }
        return new Selected(sortedPairs, sortedCounts, sortedWeights);
    }
}
