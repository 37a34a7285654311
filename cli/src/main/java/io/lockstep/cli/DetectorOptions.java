package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import io.lockstep.analysis.AnalysisDetector;
import io.lockstep.evaluate.ArchiveDetector;
import io.lockstep.evaluate.FastRetweetBaseline;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/**
 * {@code --detector} and {@code --analysis-seed}: which detector {@code evaluate} scores on a simulated or labelled
 * archive, and its seed.
 */
public final class DetectorOptions {
    /** The detectors {@code evaluate} can run. */
    enum DetectorName {
        /** The analyze pipeline, archive read in memory. */
        LOCKSTEP,
        /** The naive fast-retweet rule. */
        BASELINE
    }

    @Option(names = "--detector", paramLabel = "NAME", defaultValue = "lockstep",
            description = "Sweep, matrix and --archive: the detector: 'lockstep' (the analyze pipeline, archive read in memory) or 'baseline' (the naive fast-retweet "
                    + "rule) (default: ${DEFAULT-VALUE}).")
    DetectorName name;

    @Option(names = "--analysis-seed", paramLabel = "S",
            description = "Sweep, matrix and --archive: the detector's seed (its Leiden partitions), varied independently "
                    + "of the simulation's --seed (default: the --seed).")
    Long analysisSeed;

    @Option(names = "--analysis-seeds", paramLabel = "S", split = ",",
            description = "--archive: run the detector once per seed (at least two, comma-separated), each run's files "
                    + "in WORK/seed-S, and print how the F1 and each group's flagged count spread over the seeds "
                    + "(also written to WORK/seed-spread.md); instead of --analysis-seed.")
    List<Long> analysisSeeds;

    /** The chosen detector; Lockstep's seeded with {@code --analysis-seed}, else {@code simulationSeed}. */
    ArchiveDetector detector(long simulationSeed) {
        return seeded(analysisSeed != null ? analysisSeed : simulationSeed);
    }

    /** The chosen detector; Lockstep's seeded with {@code seed}. */
    ArchiveDetector seeded(long seed) {
        return switch (name) {
            case BASELINE -> FastRetweetBaseline.DEFAULT;
            case LOCKSTEP -> new AnalysisDetector(AnalysisParams.defaults().withSeed(seed));
        };
    }

    /** The detector's name as the user types it. */
    String label() {
        return name.name().toLowerCase(Locale.ROOT);
    }
}
