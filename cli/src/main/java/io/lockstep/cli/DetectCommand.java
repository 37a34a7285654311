package io.lockstep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

/**
 * {@code lockstep detect}: the analysis of {@code analyze} on what the store already holds, without pictures — for
 * re-running detection with other windows or thresholds after one import.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run communities, influence, coordination and campaign detection on the store's contents "
                + "and write the results back to it,",
                "plus accounts.csv, clusters.csv and coordination-edges.csv in --out (no pictures; see analyze)."})
public final class DetectCommand extends LockstepCommand {
    @Mixin
    AnalysisRun run;

    @Override
    public Integer call() throws Exception {
        return run.run(spec, List.of(), false);
    }
}
