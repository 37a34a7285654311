package io.lockstep.cli;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityGraphs;
import io.lockstep.community.CommunityResult;
import io.lockstep.community.Leiden;
import io.lockstep.coordination.DetectionResult;
import io.lockstep.graph.CompactGraph;
import io.lockstep.importer.ArchiveImporter;
import io.lockstep.importer.ConsoleProgress;
import io.lockstep.importer.GraphExport;
import io.lockstep.influence.Coreness;
import io.lockstep.influence.PageRank;
import io.lockstep.importer.ImportOptions;
import io.lockstep.importer.ImportReport;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.ActivityReader;
import io.lockstep.store.GraphStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code analyze} job, step by step: import the files, read the graph back, find communities and influence,
 * detect coordination and campaigns, write the files, render the pictures and the report, write results back to
 * the store.
 */
final class AnalysisPipeline {
    static final String GRAPHML = "graph.graphml";

    private final AnalysisOptions options;
    private final boolean quiet;
    private final PrintWriter err;
    private final DetectionEngine engine;

    AnalysisPipeline(AnalysisOptions options, boolean quiet, PrintWriter err) {
        this(options, quiet, err, DetectionEngine.SINGLE);
    }

    AnalysisPipeline(AnalysisOptions options, boolean quiet, PrintWriter err, DetectionEngine engine) {
        this.options = options;
        this.quiet = quiet;
        this.err = err;
        this.engine = engine;
    }

    /** The one summary line {@code analyze} ends with; other tools parse it. */
    record Summary(int accounts, int posts, int follows, int clusters, int suspicious, double seconds, Path out) {
        String line() {
            return String.format(Locale.ROOT, "accounts=%d posts=%d follows=%d clusters=%d suspicious=%d seconds=%.1f",
                    accounts, posts, follows, clusters, suspicious, seconds);
        }
    }

    Summary run(GraphStore store, List<Path> files, Path out) throws IOException {
        return run(store, files, out, true);
    }

    /**
     * Runs the job; {@code pictures} false skips overview, cluster pictures, report and GraphML ({@code detect}).
     */
    Summary run(GraphStore store, List<Path> files, Path out, boolean pictures) throws IOException {
        long started = System.nanoTime();
        ProgressListener progress = new PhaseTimes(err, quiet);
        try (CtrlC termination = new CtrlC()) {
            if (!files.isEmpty()) {
                ImportReport report = new ArchiveImporter().importFiles(store, files,
                        ImportOptions.defaults().withTermination(termination),
                        quiet ? ProgressListener.NONE : new ConsoleProgress(System.err));
                printImport(report);
            }
            Activity activity = ActivityReader.read(store, progress, termination);
            Analysis analysis = analyse(activity, files, progress, termination);
            progress.begin("Writing outputs", -1);
            AnalysisFiles.write(analysis, out);
            progress.end();
            if (pictures) {
                progress.begin("Rendering pictures", -1);
                AnalysisVisuals.render(analysis, options.detectionParams(), source(files), out);
                progress.end();
            }
            progress.begin("Writing results to the store", -1);
            AnalysisWriteBack.write(store, analysis);
            // graph.graphml comes from the store once the results are in it: one GraphML exporter for analyze
            // and export alike
            if (pictures) {
                GraphExport.export(store, GraphExport.ExportFormat.GRAPHML, false, out.resolve(GRAPHML));
            }
            progress.end();
            int suspicious = 0;
            for (var v : analysis.detection().accounts()) {
                suspicious += v.suspicious() ? 1 : 0;
            }
            return new Summary(activity.accountCount(), countPosts(activity), activity.followCount(),
                    analysis.detection().clusters().size(), suspicious, (System.nanoTime() - started) / 1e9, out);
        }
    }

    Analysis analyse(Activity activity, ProgressListener progress, TerminationFlag termination) {
        return analyse(activity, List.of(), progress, termination);
    }

    Analysis analyse(Activity activity, List<Path> files, ProgressListener progress, TerminationFlag termination) {
        progress.begin("Communities (Leiden)", -1);
        CompactGraph interactions = ActivityGraphs.interactions(activity, true);
        CommunityResult communities = new Leiden(options.leidenParams(), ProgressListener.NONE, termination)
                .detect(interactions);
        progress.end();
        progress.begin("Influence (PageRank, k-core)", -1);
        double[] pagerank = new PageRank().scores(ActivityGraphs.endorsements(activity));
        int[] coreness = Coreness.compute(interactions);
        progress.end();
        DetectionResult detection = engine.detect(activity, files, options.detectionParams(), progress,
                termination);
        int[] community = communities.membership().clone();
        for (int a = 0; a < community.length; a++) {
            if (interactions.degree(a) == 0) {
                community[a] = -1; // an isolated account is not a community of one
            }
        }
        return new Analysis(activity, community, communities.modularity(), pagerank, coreness, detection);
    }

    private void printImport(ImportReport report) {
        if (quiet) {
            return;
        }
        for (ImportReport.FileResult f : report.files()) {
            err.printf(Locale.ROOT, "imported %s (%s): %,d rows, %,d rejects%s%s%n", f.file(), f.format(), f.rows(),
                    f.rejects(), f.rejectsFile() == null ? "" : " -> " + f.rejectsFile(),
                    f.status() == ImportReport.Status.IMPORTED ? "" : " [" + f.status().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + "]");
        }
        err.flush();
    }

    private static String source(List<Path> files) {
        if (files.isEmpty()) {
            return "the store";
        }
        Path parent = files.get(0).toAbsolutePath().getParent();
        String names = String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
        return parent == null ? names : names + " (" + parent.getFileName() + ")";
    }

    private static int countPosts(Activity activity) {
        int n = 0;
        for (int p = 0; p < activity.postCount(); p++) {
            n += activity.kind(p) == io.lockstep.activity.PostKind.PLACEHOLDER ? 0 : 1;
        }
        return n;
    }
}
