package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import picocli.CommandLine.Option;

/** {@code --seed}, shared by every command with random choices: equal seeds give equal results. */
public final class SeedOption {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + AnalysisParams.DEFAULT_SEED,
            description = "Random seed: equal seeds give equal results (default: ${DEFAULT-VALUE}).")
    long seed;

    public long seed() {
        return seed;
    }
}
