package io.lockstep.cli;

import io.lockstep.analysis.AnalysisFiles;
import io.lockstep.analysis.AnalysisParams;
import io.lockstep.analysis.AnalysisPipeline;
import io.lockstep.analysis.AnalysisVisuals;
import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ArchiveFile;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.SimulationSummary;
import io.lockstep.simulate.Simulator;
import io.lockstep.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code lockstep demo}: generates the demo archive with a fixed seed (organic background, a hashtag-boosting
 * botnet, a follower farm, a link ring, a fandom and a news burst) and runs {@code analyze} on it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a small archive with planted influence operations (fixed seed) and analyse it "
                + "in the embedded store.", "The archive goes to OUT/archive. Prints where the report is."})
public final class DemoCommand extends LockstepCommand {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "lockstep-demo-store",
            description = "Embedded store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Mixin
    OutDirOption outDir = new OutDirOption("lockstep-demo");

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = stderr();
        PrintWriter stdout = stdout();
        Path out = outDir.out();
        Path archive = out.resolve("archive");
        ScenarioConfig config = ScenarioConfig.demo();
        SimulationSummary sim = new Simulator(config).write(archive, ProgressListener.NONE);
        if (!quiet.quiet()) {
            err.println("demo archive: " + archive + " (" + sim.accounts() + " accounts, " + sim.posts() + " posts, " + sim.follows() + " follows)");
            err.flush();
        }
        List<Path> files = ArchiveFile.analysed(archive);
        AnalysisParams params = AnalysisParams.defaults().withSeed(config.seed());
        try (GraphStore graph = GraphStore.embedded(store)) {
            AnalysisPipeline.Summary summary = new AnalysisPipeline(params, quiet.quiet(), err).run(graph, files, out);
            stdout.println("report: " + out.resolve(AnalysisVisuals.REPORT).toAbsolutePath());
            stdout.println("truth:  " + ArchiveFile.TRUTH.in(archive).toAbsolutePath()
                    + "  (compare: lockstep evaluate --truth " + ArchiveFile.TRUTH.in(archive) + " --accounts "
                    + out.resolve(AnalysisFiles.ACCOUNTS) + ")");
            stdout.println(summary.line());
            stdout.flush();
        }
        return 0;
    }
}
