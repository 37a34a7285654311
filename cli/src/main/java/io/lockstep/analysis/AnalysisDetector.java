package io.lockstep.analysis;

import io.lockstep.evaluate.ArchiveDetector;
import io.lockstep.importer.ArchiveFiles;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ArchiveFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code analyze} detector for {@code evaluate --sweep}: reads a simulated archive straight into memory
 * ({@link ArchiveFiles}, the importers' parsers without the store) and runs the same analysis as {@code analyze},
 * writing {@code accounts.csv} and, next to it, {@code clusters.csv} and {@code coordination-edges.csv} (the
 * evaluation counts the evidence rows per flagged account). Skipping Neo4j keeps a sweep of dozens of archives to minutes; the store path is
 * covered by the analyze tests.
 */
public final class AnalysisDetector implements ArchiveDetector {
    private final AnalysisParams params;

    public AnalysisDetector(AnalysisParams params) {
        this.params = params;
    }

    @Override
    public void writeVerdicts(Path archiveDir, Path accountsCsv) throws IOException {
        ArchiveFiles.Result read = ArchiveFiles.read(ArchiveFile.analysed(archiveDir));
        AnalysisPipeline pipeline = new AnalysisPipeline(params, true, new PrintWriter(new StringWriter()));
        Analysis analysis = pipeline.analyse(read.activity(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Path dir = accountsCsv.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        AnalysisFiles.writeAccounts(analysis, accountsCsv);
        Path siblings = dir != null ? dir : Path.of(".");
        AnalysisFiles.writeClusters(analysis, siblings.resolve(AnalysisFiles.CLUSTERS));
        AnalysisFiles.writeEdges(analysis, siblings.resolve(AnalysisFiles.EDGES));
    }
}
