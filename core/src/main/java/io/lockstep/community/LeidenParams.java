package io.lockstep.community;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * Parameters of {@link Leiden}.
 *
 * @param quality     quality function to optimise
 * @param resolution  resolution γ &gt; 0 (modularity: 1 is classic modularity; CPM: density threshold)
 * @param seed        seed of the pseudo-random generator; equal seeds give equal results
 * @param maxLevels   cap on aggregation levels per iteration (&ge; 1)
 * @param iterations  how many times the whole algorithm is repeated, each starting from the previous partition
 *                    (&ge; 1; it stops earlier when an iteration changes nothing)
 * @param randomness  θ of the refinement phase: a vertex joins a sub-community with probability ∝ exp(ΔH/θ);
 *                    0 means always the best one
 * @param concurrency threads for the parallel parts (aggregation, modularity); results do not depend on it
 *
 * <p>Its withers ({@code withSeed}, {@code withResolution}, one per component) come from
 * {@link LeidenParamsBuilder.With}, generated at compile time by RecordBuilder: each makes a copy with one component
 * changed through the canonical constructor, so a copy is checked as any new record.
 */
@RecordBuilder
@RecordBuilder.Options(enableWither = true)
public record LeidenParams(QualityFunction quality, double resolution, long seed, int maxLevels, int iterations,
                           double randomness, int concurrency) implements LeidenParamsBuilder.With {
    public static final double RESOLUTION_DEFAULT = 1.0;
    public static final long SEED_DEFAULT = 42L;
    public static final int MAX_LEVELS_DEFAULT = 20;
    public static final int ITERATIONS_DEFAULT = 3;
    public static final double RANDOMNESS_DEFAULT = 0.01;

    public LeidenParams {
        if (quality == null) {
            throw new IllegalArgumentException("quality must not be null");
        }
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be positive and finite, was " + resolution);
        }
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be >= 1, was " + maxLevels);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
        }
        if (!(randomness >= 0) || Double.isInfinite(randomness)) {
            throw new IllegalArgumentException("randomness must be >= 0 and finite, was " + randomness);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
    }

    /** Modularity, resolution 1, seed 42, 20 levels, 3 iterations, θ = 0.01, all available processors. */
    public static LeidenParams defaults() {
        return new LeidenParams(QualityFunction.MODULARITY, RESOLUTION_DEFAULT, SEED_DEFAULT, MAX_LEVELS_DEFAULT,
                ITERATIONS_DEFAULT, RANDOMNESS_DEFAULT, Runtime.getRuntime().availableProcessors());
    }
}
