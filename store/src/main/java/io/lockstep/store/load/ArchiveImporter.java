package io.lockstep.store.load;

import io.lockstep.importer.AccountRow;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.Format;
import io.lockstep.importer.FormatDetector;
import io.lockstep.importer.InputFiles;
import io.lockstep.importer.PostRow;
import io.lockstep.importer.RejectsFile;
import io.lockstep.importer.RowSink;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.load.ImportOptions.Switch;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports archive files into the graph store: detects each file's {@link Format}, parses it into rows, writes them
 * in batches ({@link Neo4jWriter}) and records progress in an {@code (:Import {key})} node in the same transaction
 * as each batch.
 *
 * <p>Idempotent and resumable: the key is the file's SHA-256 plus its format; a completed file is skipped, an
 * interrupted one (killed, cancelled) restarts after its last committed row. Since every write is a MERGE,
 * replaying part of a batch duplicates nothing. Malformed records go to {@code <name>.rejects.csv} beside the
 * input and the import goes on.
 *
 * <p>All files' formats are detected before anything is written, so an unknown file stops the import cleanly.
 *
 * <p>An empty embedded store is loaded by {@link BulkLoader} (Neo4j's bulk importer, all files at once, all or
 * nothing) unless {@link ImportOptions.Switch#BULK} is false; the result is the same graph and the same
 * {@code Import} records.
 */
public final class ArchiveImporter {
    /** Implemented by progress listeners that also show a row count (e.g. rows/s). */
    public interface RowProgress {
        void rows(long rowsDone);
    }

    static final String IMPORT_BEGIN = """
            MERGE (i:Import {key: $key})
            ON CREATE SET i.file = $file, i.sha256 = $sha, i.format = $format, i.rows_done = 0, i.rejects = 0,
                          i.completed = false
            RETURN i.rows_done AS rows, i.rejects AS rejects, coalesce(i.skipped, 0) AS skipped,
                   i.completed AS completed""";
    static final String IMPORT_RESTART = """
            MATCH (i:Import {key: $key})
            SET i.rows_done = 0, i.rejects = 0, i.completed = false""";
    static final String IMPORT_END = """
            MATCH (i:Import {key: $key})
            SET i.rows_done = $rows, i.rejects = $rejects, i.skipped = $skipped, i.completed = true, i.file = $file""";

    private final StepTimes times;

    /** An importer that keeps no step times. */
    public ArchiveImporter() {
        this(StepTimes.NONE);
    }

    /** An importer that hands the time of each of its steps to {@code times} (benchmarks). */
    public ArchiveImporter(StepTimes times) {
        this.times = Objects.requireNonNull(times, "times");
    }

    /**
     * Imports {@code files}. The formats of all files are detected first: a missing, unreadable or unrecognised
     * file stops the import before anything is written ({@link ImportFailedException}), or with
     * {@link ImportOptions.Switch#KEEP_GOING} is reported {@link ImportReport.Status#FAILED} and left out. A file that
     * fails while it is read (a truncated gzip, a read error) keeps the rows read before the failure and is
     * recorded as unfinished; the import then stops with an {@link ImportFailedException} (the files before it stay
     * loaded), or with {@code KEEP_GOING} goes on with the next file.
     *
     * @throws ImportFailedException when a file failed and {@code KEEP_GOING} is off
     */
    public ImportReport importFiles(GraphStore store, List<Path> files, ImportOptions options,
                                    ProgressListener progress) throws IOException {
        return importFiles(store, files, options, progress, null);
    }

    /**
     * As {@link #importFiles(GraphStore, List, ImportOptions, ProgressListener)}; when the files load an empty
     * store, {@code tap} (may be null) also builds their activity and is completed as soon as they are parsed,
     * before the store has them; otherwise it is declined. It fails when the import fails first.
     */
    public ImportReport importFiles(GraphStore store, List<Path> files, ImportOptions options,
                                    ProgressListener progress, ActivityTap tap) throws IOException {
        try {
            return importAll(store, files, options, progress, tap);
        } catch (IOException | RuntimeException | Error e) {
            if (tap != null) {
                tap.fail(e);
            }
            throw e;
        }
    }

    private ImportReport importAll(GraphStore store, List<Path> files, ImportOptions options,
                                   ProgressListener progress, ActivityTap tap) throws IOException {
        long start = System.nanoTime();
        List<Format> formats = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        checkFiles(files, options, formats, failures);
        List<Path> readable = new ArrayList<>();
        List<Format> readableFormats = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (failures.get(i) == null) {
                readable.add(files.get(i));
                readableFormats.add(formats.get(i));
            }
        }
        ImportReport read;
        if (readable.isEmpty()) {
            if (tap != null) {
                tap.decline();
            }
            read = new ImportReport(List.of(), Duration.ZERO);
        } else if (BulkLoader.applies(store, options)) {
            read = new BulkLoader(times).load(store, readable, readableFormats, options, progress, tap);
        } else {
            if (tap != null) {
                tap.decline();
            }
            Neo4jWriter writer = new Neo4jWriter(store, times);
            List<ImportReport.FileResult> results = ImportReport.readEach(readable, readableFormats, null, options,
                    false, (file, format, sha) -> importFile(store, writer, file, format, options, progress));
            read = new ImportReport(results, Duration.ofNanos(System.nanoTime() - start));
        }
        List<ImportReport.FileResult> all = new ArrayList<>();
        for (int i = 0, j = 0; i < files.size(); i++) {
            all.add(failures.get(i) != null ? ImportReport.FileResult.failed(files.get(i), formats.get(i),
                    failures.get(i)) : read.files().get(j++));
        }
        ImportReport report = new ImportReport(all, Duration.ofNanos(System.nanoTime() - start));
        if (!options.has(Switch.KEEP_GOING) && !report.failures().isEmpty()) {
            throw new ImportFailedException(report);
        }
        return report;
    }

    /**
     * Detects each file's format before anything is read: a missing, unreadable or unrecognised file throws, or with
     * {@link ImportOptions.Switch#KEEP_GOING} gets its one-line failure in {@code failures} (null for a good file).
     */
    static void checkFiles(List<Path> files, ImportOptions options, List<Format> formats, List<String> failures)
            throws IOException {
        for (Path file : files) {
            Format format = options.format();
            String failure = null;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString(), null, "no such file");
                }
                if (!Files.isReadable(file)) {
                    throw new IOException(file + ": not readable");
                }
                if (format == null) {
                    format = FormatDetector.formatOf(file);
                }
            } catch (IOException e) {
                if (!options.has(Switch.KEEP_GOING)) {
                    throw e;
                }
                failure = e instanceof NoSuchFileException ? file + ": no such file" : e.getMessage();
            }
            formats.add(format);
            failures.add(failure);
        }
    }

    private ImportReport.FileResult importFile(GraphStore store, Neo4jWriter writer, Path file, Format format,
                                               ImportOptions options, ProgressListener progress) throws IOException {
        String sha = InputFiles.sha256(file);
        String key = sha + ":" + format.id();
        long rowsDone;
        long rejectsDone;
        long skippedDone;
        boolean completed;
        try (Session s = store.session()) {
            Record r = s.executeWrite(tx -> tx.run(IMPORT_BEGIN, Map.of("key", key, "file", file.toString(),
                    "sha", sha, "format", format.id())).single());
            rowsDone = r.get("rows").asLong();
            rejectsDone = r.get("rejects").asLong();
            skippedDone = r.get("skipped").asLong();
            completed = r.get("completed").asBoolean();
        }
        if (completed && !options.has(Switch.REIMPORT)) {
            Path rejectsPath = RejectsFile.pathFor(file);
            return new ImportReport.FileResult(file, format, rowsDone - rejectsDone - skippedDone, rejectsDone,
                    rejectsDone > 0 && Files.exists(rejectsPath) ? rejectsPath : null,
                    ImportReport.Status.ALREADY_IMPORTED, skippedDone, null);
        }
        if (completed) { // --again: start over, and let a kill during the rerun resume it
            rowsDone = 0;
            rejectsDone = 0;
            try (Session s = store.session()) {
                s.executeWriteWithoutResult(tx -> tx.run(IMPORT_RESTART, Map.of("key", key)).consume());
            }
        }
        ImportReport.Status status = rowsDone > 0 ? ImportReport.Status.RESUMED : ImportReport.Status.IMPORTED;
        AtomicLong bytes = new AtomicLong();
        progress.begin(file.getFileName().toString(), Files.size(file));
        try (RejectsFile rejects = new RejectsFile(file, rejectsDone);
             Reader in = InputFiles.reader(file, bytes)) {
            BatchingSink sink = new BatchingSink(writer, key, rowsDone, rejects, options, progress, bytes);
            String failure = null;
            try {
                try {
                    format.parser().parse(in, sink);
                } catch (IOException e) {
                    // the file itself failed: keep what was read before, record the file as unfinished
                    failure = ImportReport.failedWhileReading(file, e, sink.records, "stay loaded");
                }
                sink.flush();
                sink.awaitWritten();
            } finally {
                sink.close(); // a failed or cancelled parse: the batch being written still ends before this returns
            }
            long total = sink.records;
            if (failure != null) {
                return new ImportReport.FileResult(file, format, total - rejects.count() - sink.skipped,
                        rejects.count(), rejects.pathIfWritten(), ImportReport.Status.FAILED, sink.skipped, failure);
            }
            try (Session s = store.session()) {
                s.executeWriteWithoutResult(tx -> tx.run(IMPORT_END, Map.of("key", key, "rows", total,
                        "rejects", rejects.count(), "skipped", sink.skipped, "file", file.toString())).consume());
            }
            return new ImportReport.FileResult(file, format, total - rejects.count() - sink.skipped,
                    rejects.count(), rejects.pathIfWritten(), status, sink.skipped, null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            progress.end();
        }
    }

    /**
     * Groups rows into batches at record boundaries and skips the records an earlier run committed. A full batch is
     * written on a thread of its own while the parser fills the next: one batch in flight at most, committed in
     * the order read, so the store's progress count stays exact.
     */
    private static final class BatchingSink implements RowSink, AutoCloseable {
        private final Neo4jWriter writer;
        private final String key;
        private final long skip;
        private final RejectsFile rejects;
        private final ImportOptions options;
        private final ProgressListener progress;
        private final AtomicLong bytes;
        private long reportedBytes;
        private Neo4jWriter.Batch batch = new Neo4jWriter.Batch();
        /** Writes batches, one at a time. */
        private final ExecutorService writing = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lockstep-import-writer");
            t.setDaemon(true);
            return t;
        });
        private Future<?> inFlight;
        private long inFlightRows;
        private long inFlightBytes;
        /** Records seen so far, rejects included (the resume position). */
        long records;
        /** Records skipped in this run (not tweets or accounts). */
        long skipped;

        BatchingSink(Neo4jWriter writer, String key, long skip, RejectsFile rejects, ImportOptions options,
                     ProgressListener progress, AtomicLong bytes) {
            this.writer = writer;
            this.key = key;
            this.skip = skip;
            this.rejects = rejects;
            this.options = options;
            this.progress = progress;
            this.bytes = bytes;
        }

        private boolean skipping() {
            return records < skip;
        }

        @Override
        public void account(AccountRow account) {
            if (!skipping()) {
                batch.add(account);
            }
        }

        @Override
        public void post(PostRow post) {
            if (!skipping()) {
                batch.add(post);
            }
        }

        @Override
        public void edge(EdgeRow edge) {
            if (!skipping()) {
                batch.add(edge);
            }
        }

        @Override
        public void reject(long line, String reason, String raw) {
            if (!skipping()) {
                rejects.addFromSink(line, reason, raw);
            }
            endOfRecord();
        }

        @Override
        public void endRecord() {
            endOfRecord();
        }

        @Override
        public void skip(long line, String what) {
            if (!skipping()) {
                skipped++;
            }
            endOfRecord();
        }

        private void endOfRecord() {
            boolean skipped = skipping();
            records++;
            if (!skipped && batch.size() >= options.batchSize()) {
                flush();
                if (!options.termination().running()) {
                    throw new CancellationException("import cancelled after " + records + " rows");
                }
            }
        }

        void flush() {
            if (records <= skip) {
                return;
            }
            try {
                rejects.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitWritten();
            Neo4jWriter.Batch full = batch;
            long rowsDone = records;
            long rejectsDone = rejects.count();
            long bytesRead = bytes.get();
            inFlight = writing.submit(() -> writer.write(full, key, rowsDone, rejectsDone));
            inFlightRows = rowsDone;
            inFlightBytes = bytesRead;
            batch = new Neo4jWriter.Batch();
        }

        /** Waits for the batch in flight (rethrowing its failure) and reports its progress. */
        void awaitWritten() {
            if (inFlight == null) {
                return;
            }
            Future<?> f = inFlight;
            inFlight = null;
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while writing a batch");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
            progress.advance(inFlightBytes - reportedBytes);
            reportedBytes = inFlightBytes;
            if (progress instanceof RowProgress rp) {
                rp.rows(inFlightRows);
            }
        }

        /** Lets the batch in flight end (its failure, if any, is left to whoever failed first) and stops the thread. */
        @Override
        public void close() {
            try {
                if (inFlight != null) {
                    try {
                        inFlight.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException e) {
                        // reported by awaitWritten, or superseded by the failure that ends this import
                    }
                }
            } finally {
                writing.shutdownNow();
            }
        }
    }
}
