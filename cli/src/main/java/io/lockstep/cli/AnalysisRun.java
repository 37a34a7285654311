package io.lockstep.cli;

import io.lockstep.analysis.AnalysisPipeline;
import io.lockstep.analysis.CoordinationEngine;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.DirectoryLock;
import io.lockstep.store.GraphStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What {@code analyze} and {@code detect} share: the store, the analysis settings, the output directory, quiet. */
public final class AnalysisRun {
    @Mixin
    StoreOptions storeOptions;

    @Mixin
    AnalysisOptions analysisOptions;

    @Mixin
    OutDirOption out = new OutDirOption("lockstep-out");

    @Mixin
    QuietOption quiet;

    /** Runs the pipeline on the store (after importing {@code files}) and prints its summary line on stdout. */
    int run(CommandSpec spec, List<Path> files, boolean pictures) throws IOException {
        return run(spec, files, pictures, CoordinationEngine.SINGLE);
    }

    /** As {@link #run(CommandSpec, List, boolean)}, with coordination detection on {@code engine}. */
    int run(CommandSpec spec, List<Path> files, boolean pictures, CoordinationEngine engine) throws IOException {
        return run(spec, files, pictures, engine, true);
    }

    /**
     * As above; {@code loadArchive} false reads the files without loading them into the store, which then receives
     * the results only.
     */
    int run(CommandSpec spec, List<Path> files, boolean pictures, CoordinationEngine engine, boolean loadArchive)
            throws IOException {
        try (DirectoryLock outLock = lockOut(spec)) {
            return runLocked(spec, files, pictures, engine, loadArchive);
        }
    }

    /**
     * The lock of {@code --out} for the run ({@link DirectoryLock}): two runs writing one directory would interleave
     * their files (one run's accounts beside another's clusters, with no error). Null when {@code --out} is the
     * embedded store's own directory, which the store's lock holds. A directory in use is refused before anything
     * is read, naming the option.
     */
    private DirectoryLock lockOut(CommandSpec spec) {
        Path dir = out.out();
        if (storeOptions.neo4j == null && dir.toAbsolutePath().normalize()
                .equals(storeOptions.store.store().toAbsolutePath().normalize())) {
            return null;
        }
        return Checks.lockedDirectory(spec, "--out", dir, "another run");
    }

    private int runLocked(CommandSpec spec, List<Path> files, boolean pictures, CoordinationEngine engine,
                          boolean loadArchive) throws IOException {
        // the summary's seconds count from the open store to the results written; these two lines time the rest
        ProgressListener times = AnalysisPipeline.phaseTimes(spec.commandLine().getErr(), quiet.quiet());
        times.begin("Opening the store", -1);
        GraphStore store = storeOptions.open();
        AnalysisPipeline.Summary summary;
        try {
            times.end();
            summary = new AnalysisPipeline(analysisOptions.params(), quiet.quiet(),
                    spec.commandLine().getErr(), engine, loadArchive).run(store, files, out.out(), pictures);
            times.begin("Closing the store", -1);
        } finally {
            store.close();
        }
        times.end();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summary.line());
        stdout.flush();
        return 0;
    }
}
