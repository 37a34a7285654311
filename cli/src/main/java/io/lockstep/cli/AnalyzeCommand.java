package io.lockstep.cli;

import io.lockstep.analysis.CoordinationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** {@code lockstep analyze}: import, detect, write every output, render the overview and the report. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Import archive files (format detected from each header), find communities, influence, "
                + "coordinated clusters and campaigns, and write the outputs:",
                "accounts.csv, clusters.csv, coordination-edges.csv, graph.graphml, overview.png, report.html.",
                "With no FILE, analyses what the store already holds."})
public final class AnalyzeCommand extends LockstepCommand {
    @Mixin
    AnalysisRun run;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Archive files to import first.")
    List<Path> files = List.of();

    @Override
    public Integer call() throws Exception {
        CoordinationEngine detection = engine.engine(files);
        return run.run(spec, files, true, detection, engine.loadsArchive(detection));
    }
}
