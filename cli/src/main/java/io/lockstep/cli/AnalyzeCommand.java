package io.lockstep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    AnalysisRun run;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Archive files to import first.")
    List<Path> files = List.of();

    @Override
    public Integer call() throws Exception {
        return run.run(spec, files, true);
    }
}
