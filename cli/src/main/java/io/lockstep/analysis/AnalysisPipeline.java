package io.lockstep.analysis;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityGraphs;
import io.lockstep.activity.PostKind;
import io.lockstep.community.CommunityResult;
import io.lockstep.community.Leiden;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.graph.CompactGraph;
import io.lockstep.store.load.ActivityTap;
import io.lockstep.store.load.ArchiveImporter;
import io.lockstep.store.load.ArchiveReader;
import io.lockstep.store.GraphExport;
import io.lockstep.influence.Coreness;
import io.lockstep.influence.PageRank;
import io.lockstep.store.load.ImportOptions;
import io.lockstep.store.load.ImportOptions.Switch;
import io.lockstep.store.load.ImportReport;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.ActivityReader;
import io.lockstep.store.GraphStore;
import io.lockstep.store.ResultWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The {@code analyze} job, step by step: import the files, read the graph back, find communities and influence,
 * detect coordination and campaigns, write the files, render the pictures and the report, write results back to
 * the store.
 */
public final class AnalysisPipeline {
    public static final String GRAPHML = "graph.graphml";

    private final AnalysisParams params;
    private final boolean quiet;
    private final PrintWriter err;
    private final CoordinationEngine engine;
    private final boolean loadArchive;
    private List<Path> files = List.of();

    public AnalysisPipeline(AnalysisParams params, boolean quiet, PrintWriter err) {
        this(params, quiet, err, CoordinationEngine.SINGLE);
    }

    /** A pipeline whose coordination detection runs on {@code engine} (given the run's files). */
    public AnalysisPipeline(AnalysisParams params, boolean quiet, PrintWriter err, CoordinationEngine engine) {
        this(params, quiet, err, engine, true);
    }

    /**
     * As above; {@code loadArchive} false reads the files without loading them into the store
     * ({@link ArchiveReader}: the same checks, parsers, rejects files and activity), and the store then receives
     * the results only, with the accounts they name. For archives too large to load into Neo4j first.
     */
    public AnalysisPipeline(AnalysisParams params, boolean quiet, PrintWriter err, CoordinationEngine engine,
                            boolean loadArchive) {
        this.params = params;
        this.quiet = quiet;
        this.err = err;
        this.engine = engine;
        this.loadArchive = loadArchive;
    }

    /** The one summary line {@code analyze} ends with; other tools parse it. */
    public record Summary(int accounts, int posts, int follows, int clusters, int suspicious, double seconds, Path out) {
        public String line() {
            return String.format(Locale.ROOT, "accounts=%d posts=%d follows=%d clusters=%d suspicious=%d seconds=%.1f",
                    accounts, posts, follows, clusters, suspicious, seconds);
        }
    }

    /**
     * The phase timer {@code analyze} prints with (one line per phase on {@code err}, nothing when {@code quiet}),
     * for the steps around a run: opening and closing the store.
     */
    public static ProgressListener phaseTimes(PrintWriter err, boolean quiet) {
        return new PhaseTimes(err, quiet);
    }

    public Summary run(GraphStore store, List<Path> files, Path out) throws IOException {
        return run(store, files, out, true);
    }

    /**
     * Runs the job; {@code pictures} false skips overview, cluster pictures, report and GraphML ({@code detect}).
     */
    public Summary run(GraphStore store, List<Path> files, Path out, boolean pictures) throws IOException {
        long started = System.nanoTime();
        this.files = List.copyOf(files);
        PhaseTimes progress = new PhaseTimes(err, quiet);
        try (CtrlC termination = new CtrlC()) {
            // Files loading an empty store: the parsed rows build the activity while Neo4j loads them, and the
            // analysis starts as soon as the files are parsed; the write-back waits for the load.
            CompletableFuture<ImportReport> imported = null;
            Activity activity = null;
            ActivityTap tap = null;
            if (!files.isEmpty() && !loadArchive) {
                ArchiveReader.Read read = ArchiveReader.read(files, ImportOptions.defaults()
                        .withTermination(termination), quiet ? ProgressListener.NONE : new ConsoleProgress(System.err));
                printImport(read.report(), "read");
                activity = read.activity();
            } else if (!files.isEmpty()) {
                tap = new ActivityTap();
                ActivityTap rows = tap;
                imported = CompletableFuture.supplyAsync(() -> {
                    try {
                        // no warm-up of the store's first start: it would take the analysis's CPU, and the
                        // start after the importer already runs beside the analysis
                        return new ArchiveImporter().importFiles(store, files,
                                ImportOptions.defaults().withTermination(termination).with(Switch.WARM_UP, false),
                                quiet ? ProgressListener.NONE : new ConsoleProgress(System.err), rows);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, IMPORT);
                try {
                    activity = tap.await(progress); // after the parse: building it, timed as two phases
                } catch (CancellationException e) {
                    await(imported); // throws the import's own failure
                    throw e;
                }
                if (activity == null) {
                    printImport(await(imported), "imported");
                    imported = null;
                }
            }
            try {
                return analyseAndWrite(store, files, out, pictures, activity, tap, imported, progress, termination,
                        started);
            } finally {
                if (imported != null && !imported.isDone()) {
                    try {
                        imported.join();
                    } catch (RuntimeException ignored) {
                        // the analysis failed first: its failure is the one reported
                    }
                }
            }
        }
    }

    private Summary analyseAndWrite(GraphStore store, List<Path> files, Path out, boolean pictures,
                                    Activity tapped, ActivityTap tap, CompletableFuture<ImportReport> imported,
                                    PhaseTimes progress, TerminationFlag termination, long started)
            throws IOException {
        List<CompletableFuture<InfluenceWrite>> early = new ArrayList<>();
        try {
            return analyseAndWrite(store, files, out, pictures, tapped, tap, imported, progress, termination, started,
                    early);
        } finally {
            for (CompletableFuture<InfluenceWrite> w : early) {
                if (!w.isDone()) {
                    try {
                        w.join(); // a write under way finishes before the store closes
                    } catch (RuntimeException ignored) {
                        // the run failed first: its failure is the one reported
                    }
                }
            }
        }
    }

    private Summary analyseAndWrite(GraphStore store, List<Path> files, Path out, boolean pictures,
                                    Activity tapped, ActivityTap tap, CompletableFuture<ImportReport> imported,
                                    PhaseTimes progress, TerminationFlag termination, long started,
                                    List<CompletableFuture<InfluenceWrite>> early)
            throws IOException {
        Activity activity = tapped != null ? tapped : ActivityReader.read(store, progress, termination);
        boolean resultsOnly = !files.isEmpty() && !loadArchive;
        // A store that holds the whole archive gets the accounts' influence (community, PageRank, coreness) as soon
        // as it exists and the load is done, on a thread of its own beside detection; the verdicts follow after it.
        // On an embedded store only (the case measured); over Bolt the accounts' results stay one round of statements.
        // (embeddedHome, not embeddedDatabase: that one starts the DBMS, which the bulk load may have stopped)
        boolean splitWrite = !resultsOnly && store.embeddedHome() != null;
        Analysis analysis = analyse(activity, progress, termination, (community, pagerank, coreness) -> {
            if (splitWrite) {
                early.add(CompletableFuture.supplyAsync(() -> {
                    if (imported != null) {
                        try {
                            await(imported);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return InfluenceWrite.run(() -> {
                        ResultWriter.AccountNodes nodes = AnalysisWriteBack.accountNodes(store,
                                imported != null ? tap.accountNodes() : null);
                        AnalysisWriteBack.writeInfluence(store, activity, community, pagerank, coreness, nodes);
                        return nodes;
                    });
                }, INFLUENCE_WRITER));
            }
        });
        progress.begin("Writing outputs", -1);
        AnalysisFiles.write(analysis, out);
        progress.end();
        // The pictures need only the analysis, the write-back only the store: they run side by side, and each
        // phase below times what the main thread waits for.
        CompletableFuture<PhaseTimes.Side> drawn = !pictures
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> PhaseTimes.Side.time(() -> {
                    try {
                        AnalysisVisuals.render(analysis, params.detection(), source(files), out, PICTURE_THREADS);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }), PICTURES);
        try {
            if (imported != null) {
                progress.begin("Waiting for the Neo4j load", -1);
                ImportReport report = await(imported);
                progress.end();
                printImport(report, "imported");
            }
            // graph.graphml (one GraphML exporter for analyze and export alike; by default the flagged accounts and
            // their context, the whole graph is `export`): from the analysis in memory, beside the whole write-back,
            // unless the store holds interactions (edge lists), which the activity lacks: then from the store once
            // the account results and coordination edges are in it, beside the clusters and campaigns
            boolean graphFromStore = pictures && !resultsOnly && GraphExport.holdsInteractions(store);
            CompletableFuture<PhaseTimes.Side> graphml = !pictures || graphFromStore
                    ? CompletableFuture.completedFuture(null)
                    : graphml(() -> GraphExport.export(new AnalysisGraph(analysis), GraphExport.ExportFormat.GRAPHML,
                            GraphExport.Scope.FLAGGED_AND_CONTEXT, out.resolve(GRAPHML)));
            // after a bulk load the accounts' node ids are the ones its staging gave (checked on a sample)
            ResultWriter.AccountNodes nodes;
            if (early.isEmpty()) {
                nodes = AnalysisWriteBack.writeAccounts(store, analysis, resultsOnly,
                        imported != null ? tap.accountNodes() : null, progress);
            } else {
                progress.begin("Writing account influence (what is left)", -1);
                InfluenceWrite written = await(early.get(0));
                progress.end();
                progress.beside("Writing account influence", written.side());
                nodes = written.nodes();
                AnalysisWriteBack.writeVerdicts(store, analysis, nodes, progress);
            }
            if (graphFromStore) {
                graphml = graphml(() -> GraphExport.export(store, GraphExport.ExportFormat.GRAPHML,
                        GraphExport.Scope.FLAGGED_AND_CONTEXT, out.resolve(GRAPHML)));
            }
            try {
                AnalysisWriteBack.writeGroups(store, analysis, nodes, progress);
            } finally {
                if (pictures) {
                    progress.begin("Writing " + GRAPHML + " (what is left)", -1);
                    PhaseTimes.Side side = await(graphml);
                    progress.end();
                    progress.beside("Writing " + GRAPHML, side);
                }
            }
        } finally {
            if (pictures) {
                progress.begin("Rendering pictures (what is left)", -1);
                PhaseTimes.Side side = await(drawn);
                progress.end();
                progress.beside("Rendering pictures and the report", side);
            }
        }
        int suspicious = 0;
        for (var v : analysis.detection().accounts()) {
            suspicious += v.suspicious() ? 1 : 0;
        }
        return new Summary(activity.accountCount(), countPosts(activity), activity.followCount(),
                analysis.detection().clusters().size(), suspicious, (System.nanoTime() - started) / 1e9, out);
    }

    public Analysis analyse(Activity activity, ProgressListener progress, TerminationFlag termination) {
        return analyse(activity, progress, termination, (community, pagerank, coreness) -> {
        });
    }

    /**
     * As above; {@code influence} is called on this thread with the communities (-1 for an isolated account),
     * PageRank and coreness as soon as they exist, before coordination detection starts (the write-back starts
     * writing them beside detection). It must not modify the arrays, which the returned {@link Analysis} holds.
     */
    Analysis analyse(Activity activity, ProgressListener progress, TerminationFlag termination, Influence influence) {
        progress.begin("Communities (Leiden)", -1);
        CompactGraph interactions = ActivityGraphs.interactions(activity, true);
        CommunityResult communities = new Leiden(params.leiden(), ProgressListener.NONE, termination)
                .communities(interactions);
        progress.end();
        progress.begin("Influence (PageRank, k-core)", -1);
        double[] pagerank = PageRank.withDefaults(ProgressListener.NONE, termination)
                .scores(ActivityGraphs.endorsements(activity));
        int[] coreness = Coreness.compute(interactions, ProgressListener.NONE, termination);
        progress.end();
        int[] community = communities.membership().clone();
        for (int a = 0; a < community.length; a++) {
            if (interactions.degree(a) == 0) {
                community[a] = -1; // an isolated account is not a community of one
            }
        }
        influence.found(community, pagerank, coreness);
        CoordinationResult detection = engine.run(activity, files, params.detection(), progress, termination);
        return new Analysis(activity, community, communities.modularity(), pagerank, coreness, detection);
    }

    /** Receives the communities, PageRank and coreness of every account before detection ({@link #analyse}). */
    interface Influence {
        void found(int[] community, double[] pagerank, int[] coreness);
    }

    /**
     * The accounts' node ids an influence write used, and its wall and own-thread CPU time from the end of the load
     * (it writes on its own thread: {@link AnalysisWriteBack#writeInfluence}).
     */
    private record InfluenceWrite(ResultWriter.AccountNodes nodes, PhaseTimes.Side side) {
        static InfluenceWrite run(Supplier<ResultWriter.AccountNodes> write) {
            ResultWriter.AccountNodes[] nodes = new ResultWriter.AccountNodes[1];
            PhaseTimes.Side side = PhaseTimes.Side.time(() -> nodes[0] = write.get());
            return new InfluenceWrite(nodes[0], side);
        }
    }

    /**
     * The accounts' influence is written on a thread of its own beside detection (non-daemon, as the import: a
     * write under way is never cut short; the pipeline waits for it before it returns or fails).
     */
    private static final Executor INFLUENCE_WRITER = r -> new Thread(r, "lockstep-write-influence").start();

    /** The import runs on its own thread while the analysis goes on (non-daemon: a load is never cut short). */
    private static final Executor IMPORT = r -> new Thread(r, "lockstep-import").start();

    /** The result of {@code task}, with its own exception (an {@code IOException} unwrapped) if it failed. */
    private static <T> T await(CompletableFuture<T> task) throws IOException {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Writes graph.graphml on its own thread; the future holds the task's wall and CPU time. */
    private static CompletableFuture<PhaseTimes.Side> graphml(IoTask task) {
        return CompletableFuture.supplyAsync(() -> PhaseTimes.Side.time(() -> {
            try {
                task.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), GRAPHML_WRITER);
    }

    private interface IoTask {
        void run() throws IOException;
    }

    /** graph.graphml is written on its own thread beside the write-back (daemon, as the pictures). */
    private static final Executor GRAPHML_WRITER = r -> {
        Thread t = new Thread(r, "lockstep-graphml");
        t.setDaemon(true);
        t.start();
    };

    /**
     * Threads that draw the pictures (the pictures' own thread gathers the report's facts meanwhile): one per core,
     * so that the pictures left to draw when the write-back ends take every core.
     */
    private static final int PICTURE_THREADS = Runtime.getRuntime().availableProcessors();

    /** One daemon thread for the pictures, so that a failed run never waits for it at exit. */
    private static final Executor PICTURES = r -> {
        Thread t = new Thread(r, "lockstep-pictures");
        t.setDaemon(true);
        t.start();
    };

    private void printImport(ImportReport report, String verb) {
        if (quiet) {
            return;
        }
        for (ImportReport.FileResult f : report.files()) {
            err.printf(Locale.ROOT, verb + " %s (%s): %,d rows, %,d rejects%s%s%n", f.file(), f.format(), f.rows(),
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
            n += activity.kind(p) == PostKind.PLACEHOLDER ? 0 : 1;
        }
        return n;
    }
}
