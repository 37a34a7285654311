package io.lockstep.cli;

import io.lockstep.analysis.ConsoleProgress;
import io.lockstep.store.load.ArchiveImporter;
import io.lockstep.importer.Format;
import io.lockstep.store.load.ImportOptions;
import io.lockstep.store.load.ImportOptions.Switch;
import io.lockstep.store.load.ImportReport;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code lockstep import FILE...}: loads archives into the graph store. Formats are detected per file (or forced
 * with {@code --format}); a completed file is skipped, an interrupted one resumes; malformed rows go to
 * {@code <name>.rejects.csv}. Ctrl-C stops after the batch in flight, so the store holds committed batches only.
 * An empty embedded store is bulk-loaded (all files at once, all or nothing) unless {@code --no-bulk} is given.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import archives into the graph store.",
                "Formats (detected from the header or first JSON line; `lockstep formats` shows what each maps "
                        + "to): infoops-tweets, infoops-users (Twitter information-operations archives), twarc-csv "
                        + "(twarc2 csv), twitter-json (twarc2 pages, twarc2 flatten, streaming, v1.1 JSON lines, "
                        + "user lookups), follower-csv, snap, edges, coortweet (CooRTweet "
                        + "object_id,account_id,content_id,timestamp_share), coornet (CooRnet/CrowdTangle shares); "
                        + "any of them gzipped. Re-importing a file changes nothing; an interrupted import resumes "
                        + "where it stopped."})
public final class ImportCommand extends StoreCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Archive files to import.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read every FILE as this format instead of detecting it: infoops-tweets, infoops-users, "
                    + "twarc-csv, twitter-json, follower-csv, snap, edges, coortweet, coornet.")
    String format;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "" + ImportOptions.BATCH_SIZE_DEFAULT,
            description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    @Range(min = 1)
    int batchSize;

    @Option(names = "--again", description = "Import files even if the store records them as imported.")
    boolean again;

    @Option(names = "--no-bulk", negatable = false,
            description = "Write through transactions even into an empty embedded store (by default an empty "
                    + "embedded store is loaded at once by Neo4j's bulk importer, several times faster).")
    boolean noBulk;

    @Option(names = "--keep-going",
            description = "When a file fails as a whole (unreadable, truncated gzip, unknown format), import the "
                    + "other files and exit 0; without it the import stops at that file with exit code 4 (the files "
                    + "before it, and the rows of that file read before the failure, stay loaded).")
    boolean keepGoing;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        for (Path f : files) {
            if (!Files.isRegularFile(f) && !keepGoing) {
                throw new InputException("no such file: " + f);
            }
        }
        ImportOptions options = ImportOptions.defaults().withBatchSize(batchSize).with(Switch.REIMPORT, again)
                .with(Switch.BULK, !noBulk).with(Switch.KEEP_GOING, keepGoing);
        if (format != null) {
            options = options.withFormat(Format.byId(format));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            running.set(false);
            try {
                finished.await(60, TimeUnit.SECONDS); // let the batch in flight commit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lockstep-import-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        ProgressListener progress = quiet.quiet() ? ProgressListener.NONE : new ConsoleProgress(System.err);
        PrintWriter out = stdout();
        try (GraphStore store = storeOptions.open()) {
            ImportReport report = new ArchiveImporter().importFiles(store, files,
                    options.withTermination(running::get), progress);
            if (!quiet.quiet()) {
                for (ImportReport.FileResult r : report.files()) {
                    if (r.status() == ImportReport.Status.FAILED && r.format() == null) {
                        out.printf("%s: failed%n", r.file());
                        continue;
                    }
                    out.printf("%s: %s, %s, %,d rows, %,d rejects, %,d skipped%s%n", r.file(), r.format().id(),
                            r.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.rows(),
                            r.rejects(), r.skipped(),
                            r.rejectsFile() == null ? "" : " (rejects listed in " + r.rejectsFile() + ")");
                }
                out.printf("imported %,d rows from %d file(s) in %.1f s, %,d rejects, %,d skipped (not tweets or "
                                + "accounts), %d failed file(s)%n", report.rows(), report.files().size(),
                        report.elapsed().toMillis() / 1000.0, report.rejects(), report.skipped(),
                        report.failures().size());
            }
            for (ImportReport.FileResult r : report.failures()) {
                stderr().println("import: " + r.failure());
            }
            out.flush();
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waited for us
            }
        }
    }
}
