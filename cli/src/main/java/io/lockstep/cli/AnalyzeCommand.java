package io.lockstep.cli;

import io.lockstep.analysis.AnalysisPipeline;
import io.lockstep.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lockstep analyze}: import, detect, write every output, render the overview and the report. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Import archive files (format detected from each header), find communities, influence, "
                + "coordinated clusters and campaigns, and write the outputs:",
                "accounts.csv, clusters.csv, coordination-edges.csv, graph.graphml, overview.png, report.html.",
                "With no FILE, analyses what the store already holds."})
public final class AnalyzeCommand implements Callable<Integer> {
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

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Archive files to import first.")
    List<Path> files = List.of();

    @Override
    public Integer call() throws Exception {
        try (GraphStore store = storeOptions.open()) {
            AnalysisPipeline.Summary summary = new AnalysisPipeline(analysisOptions.params(), quiet,
                    spec.commandLine().getErr()).run(store, files, out);
            spec.commandLine().getOut().println(summary.line());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
