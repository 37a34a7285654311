package io.lockstep.simulate;

import java.util.SplittableRandom;

/**
 * Draws items with probability proportional to fixed weights: cumulative sums and binary search, {@code O(log n)}
 * per draw, {@code O(n)} memory.
 */
final class WeightedSampler {
    private final int[] items;
    private final double[] cumulative;

    WeightedSampler(int[] items, double[] weights) {
        if (items.length != weights.length) {
            throw new IllegalArgumentException("items and weights differ in length");
        }
        this.items = items;
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** True when no draw is possible: no item, or every weight 0. */
    boolean isEmpty() {
        return items.length == 0 || cumulative[cumulative.length - 1] <= 0;
    }

    int size() {
        return items.length;
    }

    int item(int i) {
        return items[i];
    }

    /** One weighted draw; the sampler must not be empty. */
    int sample(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return items[lo];
    }
}
