package io.lockstep.cli;

import io.lockstep.analysis.AnalysisPipeline;
import io.lockstep.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lockstep detect}: the analysis of {@code analyze} on what the store already holds, without pictures — for
 * re-running detection with other windows or thresholds after one import.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run communities, influence, coordination and campaign detection on the store's contents "
                + "and write the results back to it,",
                "plus accounts.csv, clusters.csv and coordination-edges.csv in --out (no pictures; see analyze)."})
public final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    AnalysisOptions analysisOptions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "lockstep-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; only the summary line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        try (GraphStore store = storeOptions.open()) {
            AnalysisPipeline.Summary summary = new AnalysisPipeline(analysisOptions.params(), quiet,
                    spec.commandLine().getErr()).run(store, List.of(), out, false);
            spec.commandLine().getOut().println(summary.line());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
