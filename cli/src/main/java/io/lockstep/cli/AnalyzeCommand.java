package io.lockstep.cli;

import io.lockstep.analysis.DetectionEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "single",
            description = "Where coordination detection runs: single (this JVM, default) or spark (needs the "
                    + "lockstep-spark module; see --master).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "With --engine spark: local[*] (in-process), spark://HOST:7077, yarn or k8s://... "
                    + "(default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--spark-conf", paramLabel = "K=V", description = "With --engine spark: a Spark setting (repeatable).")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--load-archive", description = "With --engine spark: also load the archive into the store, as "
            + "the default engine always does (by default the spark engine reads the files itself and the store "
            + "receives the results only, with the accounts they name).")
    boolean loadArchive;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Archive files to import first.")
    List<Path> files = List.of();

    @Override
    public Integer call() throws Exception {
        DetectionEngine detection;
        try {
            detection = DetectionEngine.named(engine, master, sparkConf);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        if (detection != DetectionEngine.SINGLE && files.isEmpty()) {
            throw new InputException("--engine " + engine + " reads the archive FILEs themselves: give at least one");
        }
        if (loadArchive && detection == DetectionEngine.SINGLE) {
            throw new InputException("--load-archive: the single engine always loads the archive; the option is for "
                    + "--engine spark");
        }
        return run.run(spec, files, true, detection, detection == DetectionEngine.SINGLE || loadArchive);
    }
}
