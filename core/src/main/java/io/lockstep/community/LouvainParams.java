package io.lockstep.community;

/**
 * Parameters of {@link Louvain}.
 *
 * @param resolution  modularity resolution γ &gt; 0
 * @param seed        seed of the vertex order; equal seeds give equal results
 * @param maxLevels   cap on aggregation levels (&ge; 1)
 * @param concurrency threads for the parallel parts; results do not depend on it
 */
public record LouvainParams(double resolution, long seed, int maxLevels, int concurrency) {
    public LouvainParams {
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be positive and finite, was " + resolution);
        }
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be >= 1, was " + maxLevels);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
    }

    /** Resolution 1, seed 42, 20 levels, all available processors. */
    public static LouvainParams defaults() {
        return new LouvainParams(1.0, 42L, 20, Runtime.getRuntime().availableProcessors());
    }

    public LouvainParams withResolution(double r) {
        return new LouvainParams(r, seed, maxLevels, concurrency);
    }

    public LouvainParams withSeed(long s) {
        return new LouvainParams(resolution, s, maxLevels, concurrency);
    }
}
