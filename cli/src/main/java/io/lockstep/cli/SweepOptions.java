package io.lockstep.cli;

import io.lockstep.evaluate.DifficultySweep;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code evaluate --sweep}'s options: how large each simulated archive is, how many levels, along which axes. */
public final class SweepOptions {
    @Option(names = "--sweep-accounts", paramLabel = "N", defaultValue = "3000",
            description = "Sweep: accounts per simulated archive (default: ${DEFAULT-VALUE}).")
    @Range(min = ScenarioOptions.MIN_ACCOUNTS, max = ScenarioOptions.MAX_ACCOUNTS)
    int accounts;

    @Option(names = "--levels", paramLabel = "K", defaultValue = "5",
            description = "Sweep: difficulty levels from 0 to 1 (default: ${DEFAULT-VALUE}).")
    @Range(min = 2)
    int levels;

    @Option(names = "--axes", paramLabel = "AXIS", split = ",", defaultValue = "all",
            description = "Sweep: all, participation, delay, camouflage (comma-separated; default: ${DEFAULT-VALUE}).")
    List<DifficultySweep.Axis> axes;

    /** The axes to sweep, as given. */
    List<DifficultySweep.Axis> axes() {
        return List.copyOf(axes);
    }
}
