package io.lockstep.analysis;

import io.lockstep.community.LeidenParams;
import io.lockstep.coordination.CoordinationParams;

import java.util.Objects;

/**
 * Everything that steers one analysis: the Leiden run for the account communities and the coordination, cluster
 * and campaign detection. Commands build it from their options; the pipeline reads nothing else.
 *
 * @param leiden    the account communities
 * @param detection coordination signals, clusters and campaigns
 */
public record AnalysisParams(LeidenParams leiden, CoordinationParams detection) {
    /** The seed of {@link #defaults()}. */
    public static final long DEFAULT_SEED = 42;

    public AnalysisParams {
        Objects.requireNonNull(leiden, "leiden");
        Objects.requireNonNull(detection, "detection");
    }

    /** Leiden and detection defaults, both seeded with {@link #DEFAULT_SEED}. */
    public static AnalysisParams defaults() {
        return new AnalysisParams(LeidenParams.defaults(), CoordinationParams.defaults()).withSeed(DEFAULT_SEED);
    }

    /** The same settings with {@code seed} for every random choice. */
    public AnalysisParams withSeed(long seed) {
        return new AnalysisParams(leiden.withSeed(seed), detection.withSeed(seed));
    }
}
