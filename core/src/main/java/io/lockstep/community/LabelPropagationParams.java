package io.lockstep.community;

/**
 * Parameters of {@link LabelPropagation}.
 *
 * @param seed          seed of the sweep order and of tie breaking; equal seeds give equal results
 * @param maxIterations cap on the work: at most {@code maxIterations × n} vertex visits (&ge; 1)
 * @param concurrency   threads for computing the final modularity; results do not depend on it
 */
public record LabelPropagationParams(long seed, int maxIterations, int concurrency) {
    public LabelPropagationParams {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
    }

    /** Seed 42, at most 100 n visits, all available processors. */
    public static LabelPropagationParams defaults() {
        return new LabelPropagationParams(42L, 100, Runtime.getRuntime().availableProcessors());
    }

    public LabelPropagationParams withSeed(long s) {
        return new LabelPropagationParams(s, maxIterations, concurrency);
    }
}
