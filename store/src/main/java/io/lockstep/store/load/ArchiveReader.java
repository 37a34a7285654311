package io.lockstep.store.load;

import io.lockstep.activity.Activity;
import io.lockstep.importer.AccountRow;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.Format;
import io.lockstep.importer.InputFiles;
import io.lockstep.importer.PostRow;
import io.lockstep.importer.RejectsFile;
import io.lockstep.progress.ProgressListener;

import io.lockstep.store.load.ImportOptions.Switch;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads archive files into the {@link Activity} an import into an empty store would give, without the store: the
 * same checks before anything is read ({@link ArchiveImporter#checkFiles}), the same parsers, the same rejects files
 * beside the inputs ({@code <name>.rejects.csv}), the same report, and the activity built with the store's semantics
 * ({@link ActivityTap}). For engines that analyse archives too large to load into Neo4j first
 * ({@code analyze --engine spark}): the store then receives the results only.
 *
 * <p>A file whose content (SHA-256 and format) was already read in this call is read once, as the bulk load does.
 * A file that fails while it is read keeps the rows read before; the read then stops with an
 * {@link ImportFailedException} unless {@link ImportOptions.Switch#KEEP_GOING} is on. Cost: one pass over every
 * file, memory of the activity.
 */
public final class ArchiveReader {
    private ArchiveReader() {
    }

    /** What was read: the report (per file, as an import's) and the activity. */
    public record Read(ImportReport report, Activity activity) {
    }

    /**
     * Reads {@code files}.
     *
     * @throws ImportFailedException when a file failed and {@code KEEP_GOING} is off
     */
    public static Read read(List<Path> files, ImportOptions options, ProgressListener progress) throws IOException {
        long start = System.nanoTime();
        List<Format> formats = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ArchiveImporter.checkFiles(files, options, formats, failures);
        ActivityTap tap = new ActivityTap();
        List<ImportReport.FileResult> results = ImportReport.readEach(files, formats, failures, options, true,
                (file, format, sha) -> readFile(file, format, tap, options, progress));
        tap.complete();
        ImportReport report = new ImportReport(results, Duration.ofNanos(System.nanoTime() - start));
        if (!options.has(Switch.KEEP_GOING) && !report.failures().isEmpty()) {
            throw new ImportFailedException(report);
        }
        return new Read(report, tap.await());
    }

    private static ImportReport.FileResult readFile(Path file, Format format, ActivityTap tap, ImportOptions options,
                                                    ProgressListener progress) throws IOException {
        AtomicLong bytes = new AtomicLong();
        progress.begin(file.getFileName().toString(), Files.size(file));
        TapSink sink = new TapSink(tap, file, bytes, options, progress);
        String failure = null;
        try (RejectsFile rejects = new RejectsFile(file, 0); Reader in = InputFiles.reader(file, bytes)) {
            sink.rejects = rejects;
            try {
                format.parser().parse(in, sink);
            } catch (IOException e) {
                failure = ImportReport.failedWhileReading(file, e, sink.records, "stay read");
            }
            return new ImportReport.FileResult(file, format, sink.records - rejects.count() - sink.skipped,
                    rejects.count(), rejects.pathIfWritten(), failure == null ? ImportReport.Status.IMPORTED
                    : ImportReport.Status.FAILED, sink.skipped, failure);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            progress.end();
        }
    }

    /** Feeds the tap; rejects, progress and cancellation as every {@link ReadingSink}. */
    private static final class TapSink extends ReadingSink {
        private final ActivityTap tap;
        private final Path file;
        long records;

        TapSink(ActivityTap tap, Path file, AtomicLong bytes, ImportOptions options, ProgressListener progress) {
            super(null, bytes, options, progress);
            this.tap = tap;
            this.file = file;
        }

        @Override
        public void account(AccountRow account) {
            tap.account(account);
        }

        @Override
        public void post(PostRow post) {
            tap.post(post);
        }

        @Override
        public void edge(EdgeRow edge) {
            tap.edge(edge);
        }

        @Override
        long countRecord() {
            return ++records;
        }

        @Override
        String cancelled() {
            return "reading cancelled in " + file.getFileName();
        }
    }
}
