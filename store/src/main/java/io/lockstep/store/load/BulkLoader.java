package io.lockstep.store.load;

import io.lockstep.activity.Activity;
import io.lockstep.importer.AccountRow;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.Format;
import io.lockstep.importer.InputFiles;
import io.lockstep.importer.PostRow;
import io.lockstep.importer.RejectsFile;
import io.lockstep.importer.RowConsumer;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreException;
import io.lockstep.store.load.ImportOptions.Switch;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectLinkedOpenHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.driver.Session;
import org.neo4j.io.fs.FileUtils;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads archives into an <em>empty embedded</em> store with Neo4j's own bulk importer (the engine of
 * {@code neo4j-admin database import full}) instead of transactions; the transactional path
 * ({@link Neo4jWriter}) stays for everything else: a store that already holds data, a remote server.
 *
 * <p>Steps: (1) parse every file with the same parsers into staging files (binary ones that the importer reads
 * through its Input API, {@link BinaryStaging}; or, with {@link ImportOptions.Switch#CSV_STAGING}, CSV files in the
 * bulk importer's header format, as {@code neo4j-admin} reads them), applying the transactional path's MERGE
 * semantics on the way (one node per key, one relationship per (start, type, end) — per (start, end, type, time) for
 * interactions —, placeholders for referenced posts and accounts that no file describes, the profile properties of
 * an account merged over its rows); (2) stop the DBMS,
 * run the bulk importer on the staging files, start the DBMS again (constraints and indexes are then created and
 * populated); (3) record every file as a completed {@code (:Import)}, so that a re-import skips it. The graph is
 * the one the transactional path writes, with two differences: a post that appears twice keeps its first row's
 * properties and author (the transactional path lets the last row win), and a placeholder original gets one
 * {@code POSTED} from the first author any reference names.
 *
 * <p>A file that fails as a whole while it is parsed (a truncated gzip, a read error) keeps the rows staged before
 * the failure and is recorded as an unfinished {@code Import} (a transactional rerun resumes after them); the files
 * after it are staged only when the import keeps going ({@link ImportOptions.Switch#KEEP_GOING}).
 *
 * <p>With binary staging (the default) the DBMS is stopped before the parsing starts ({@link #loadFed}); with CSV
 * staging the store is untouched until every file is parsed. Either way the importer starts once every file is
 * parsed.
 *
 * <p>All or nothing: cancelled or failed during parsing, nothing was written to the new database and the store is
 * as before, empty (a new store stays unstarted); killed during parsing, the bulk importer or before the {@code Import} records commit, the next start discards the new database
 * ({@link GraphStore#replaceEmptyDatabase}), the store is empty again and the next import starts over.
 *
 * <p>Memory: ids of posts, accounts, hashtags and URLs are held in hash maps to their node numbers (one
 * {@code int} each), plus one {@code long} per distinct follow; about 155 bytes per post and 205 per account.
 */
final class BulkLoader {
    /** Progress task names of the phases after parsing (a kill test waits for them). */
    static final String TASK_BULK_IMPORT = "Neo4j bulk importer";
    static final String TASK_RESTART = "Neo4j restart, indexes";
    static final String TASK_RECORD = "import records";
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    /** The node files' headers: the node id Staging gives ({@code --id-type=actual}), then the properties. */
    static final String[] ACCOUNT_HEADER = {":ID", "id", "screen_name", "display_name", "location",
            "description", "profile_url", "followers_count:long", "following_count:long", "created_at:long",
            "language", "placeholder:boolean"};
    static final String[] POST_HEADER = {":ID", "id", "time:long", "kind", "text", "lang", "client",
            "like_count:long", "retweet_count:long", "placeholder:boolean"};
    static final String[] HASHTAG_HEADER = {":ID", "name"};
    static final String[] URL_HEADER = {":ID", "url"};
    private static final String[] ACCOUNT_PROPERTIES = Neo4jWriter.ACCOUNT_PROPERTIES;

    private final StepTimes times;

    /** A loader that hands the time of each of its phases to {@code times}. */
    BulkLoader(StepTimes times) {
        this.times = times;
    }

    /**
     * Whether the bulk path applies: requested, an embedded store, and nothing in it yet (no node at all: not even
     * an {@code Import} record of an earlier run).
     */
    static boolean applies(GraphStore store, ImportOptions options) {
        if (!options.has(Switch.BULK) || !store.isEmbedded()) {
            return false;
        }
        if (store.isUnstarted()) {
            return true; // a new store: empty, and loaded before its DBMS first starts
        }
        try (Session s = store.session()) {
            return s.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong() == 0;
        }
    }

    ImportReport load(GraphStore store, List<Path> files, List<Format> formats, ImportOptions options,
                      ProgressListener progress) throws IOException {
        return load(store, files, formats, options, progress, null);
    }

    /** As above; {@code tap} (may be null) receives every staged row and is completed once all files are parsed. */
    ImportReport load(GraphStore store, List<Path> files, List<Format> formats, ImportOptions options,
                      ProgressListener progress, ActivityTap tap) throws IOException {
        if (!options.has(Switch.CSV_STAGING)) {
            return loadFed(store, files, formats, options, progress, tap);
        }
        long start = System.nanoTime();
        Path staging = Files.createTempDirectory(store.embeddedHome(), "bulk-staging-");
        try {
            Staging rows = new Staging(staging, tap, true);
            List<Map<String, Object>> records = new ArrayList<>();
            List<ImportReport.FileResult> results = parseAll(files, formats, options, progress, tap, rows, records);
            List<String> arguments = rows.importArguments(staging);
            times.staged(staging, arguments);
            long[] at = new long[5]; // staged, stopped, bulk-imported, restarted, recorded
            at[0] = System.nanoTime();
            try {
                boolean firstStart = store.isUnstarted() && options.has(Switch.WARM_UP);
                store.replaceEmptyDatabase((home, database) -> {
                    at[1] = System.nanoTime();
                    long nodeBytes = sizeOf(rows.nodeFiles());
                    long relationshipBytes = sizeOf(rows.relationshipFiles());
                    progress.begin(TASK_BULK_IMPORT, nodeBytes + relationshipBytes);
                    Thread warmUp = firstStart ? warmUp(staging.resolve("warm-up")) : null;
                    try {
                        Neo4jBulkImport.run(home, database, staging, arguments, log -> new BulkImporterProgress(log,
                                progress, rows.nodeCount(), rows.relationshipCount, nodeBytes, relationshipBytes));
                    } finally {
                        progress.end();
                        if (warmUp != null) {
                            warmUp.join();
                        }
                    }
                    at[2] = System.nanoTime();
                    // ended once the DBMS is back with its indexes populated: in `online`, or below on a failure
                    progress.begin(TASK_RESTART, -1);
                }, online -> recordOnline(online, records, progress, at));
            } finally {
                progress.end();
            }
            times.add("bulk 1: parse and stage", at[0] - start);
            times.add("bulk 2: stop the DBMS", at[1] - at[0]);
            times.add("bulk 3: Neo4j bulk importer", at[2] - at[1]);
            times.add("bulk 4: restart, constraints, indexes", at[3] - at[2]);
            times.add("bulk 5: Import records", at[4] - at[3]);
            return new ImportReport(results, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            FileUtils.deleteDirectory(staging);
        }
    }

    /**
     * The load with binary staging: every file is parsed into binary staging files, then Neo4j's importer reads them
     * through its Input API ({@link BinaryStaging#input}). The DBMS is stopped from the start, and on a new store the
     * warm-up ({@link #warmUp}) starts with the parsing. A parsing failure or a cancellation is rethrown as it came;
     * nothing was written to the database then.
     *
     * <p>The importer is not fed while the rows are parsed: its node stage would stay open for the whole parsing.
     * That was measured with the importer's page-cache flusher on, which flushes the whole page cache in a loop for
     * as long as a stage runs and then spent about half a core beside the parsing (docs/benchmarks.md,
     * "Importers"); the import now runs without the flusher ({@link Neo4jBulkImport}), and feeding it during the
     * parse has not been measured since.
     */
    private ImportReport loadFed(GraphStore store, List<Path> files, List<Format> formats, ImportOptions options,
                                 ProgressListener progress, ActivityTap tap) throws IOException {
        long start = System.nanoTime();
        Path staging = Files.createTempDirectory(store.embeddedHome(), "bulk-staging-");
        try {
            Staging rows = new Staging(staging, tap, false);
            Input input = rows.binaryInput(estimates(files));
            List<Map<String, Object>> records = new ArrayList<>();
            List<List<ImportReport.FileResult>> results = new ArrayList<>(1);
            Throwable[] parseFailure = new Throwable[1];
            long[] at = new long[5]; // stopped, parsed, bulk-imported, restarted, recorded
            boolean firstStart = store.isUnstarted() && options.has(Switch.WARM_UP);
            try {
                store.replaceEmptyDatabase((home, database) -> {
                    at[0] = System.nanoTime();
                    // from the start: the DBMS's cold start is mostly one thread, a filler beside the parsing and
                    // the importer's stages, and has then the whole load to finish before the restart needs it
                    Thread warmUp = firstStart ? warmUp(staging.resolve("warm-up")) : null;
                    try {
                        try {
                            results.add(parseAll(files, formats, options, progress, tap, rows, records));
                        } catch (Throwable e) {
                            parseFailure[0] = e;
                            throw new StoreException("the load stopped while parsing: " + e.getMessage(), e);
                        }
                        at[1] = System.nanoTime();
                        times.staged(staging, List.of());
                        long nodes = rows.nodeCount();
                        long relationships = rows.relationshipCount;
                        long nodeBytes = sizeOf(rows.binaryNodeFiles());
                        long relationshipBytes = sizeOf(rows.relationshipFiles());
                        progress.begin(TASK_BULK_IMPORT, nodeBytes + relationshipBytes);
                        try {
                            Neo4jBulkImport.run(home, database, staging, input, log -> new BulkImporterProgress(log,
                                    progress, nodes, relationships, nodeBytes, relationshipBytes));
                        } finally {
                            progress.end();
                        }
                    } finally {
                        if (warmUp != null) {
                            warmUp.join(); // before the restart, and before the staging directory around it goes
                        }
                    }
                    at[2] = System.nanoTime();
                    progress.begin(TASK_RESTART, -1);
                }, online -> recordOnline(online, records, progress, at));
            } catch (StoreException e) {
                Throwable cause = parseFailure[0];
                if (cause instanceof IOException io) {
                    throw io;
                } else if (cause instanceof UncheckedIOException u) {
                    throw u.getCause();
                } else if (cause instanceof RuntimeException r) {
                    throw r;
                } else if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            } finally {
                progress.end();
            }
            times.add("bulk 1: parse and stage", at[1] - at[0]);
            times.add("bulk 2: stop the DBMS", at[0] - start);
            times.add("bulk 3: Neo4j bulk importer", at[2] - at[1]);
            times.add("bulk 4: restart, constraints, indexes", at[3] - at[2]);
            times.add("bulk 5: Import records", at[4] - at[3]);
            return new ImportReport(results.get(0), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            FileUtils.deleteDirectory(staging);
        }
    }

    /** Parses and stages every file into {@code rows} (closed at the end); adds each file's Import record. */
    private static List<ImportReport.FileResult> parseAll(List<Path> files, List<Format> formats,
                                                          ImportOptions options, ProgressListener progress,
                                                          ActivityTap tap, Staging rows,
                                                          List<Map<String, Object>> records) throws IOException {
        List<ImportReport.FileResult> results;
        try (rows) {
            results = ImportReport.readEach(files, formats, null, options, true, (file, format, sha) -> {
                long before = rows.records;
                Staged staged = stage(file, format, rows, options, progress);
                RejectsFile rejects = staged.rejects();
                long total = rows.records - before;
                long rowsLoaded = total - rejects.count() - staged.skipped();
                records.add(Map.of("key", sha + ":" + format.id(), "file", file.toString(), "sha", sha,
                        "format", format.id(), "rows", total, "rejects", rejects.count(),
                        "skipped", staged.skipped(), "completed", staged.failure() == null));
                return new ImportReport.FileResult(file, format, rowsLoaded, rejects.count(),
                        rejects.pathIfWritten(), staged.failure() == null ? ImportReport.Status.IMPORTED
                        : ImportReport.Status.FAILED, staged.skipped(), staged.failure());
            });
            if (tap != null) { // the rows are all in: the analysis builds its activity while this goes on
                tap.complete();
            }
            rows.finish();
        }
        return results;
    }

    /**
     * What the importer plans its memory by before any row is parsed: generous counts from the input files' sizes
     * (a row of an archive takes 100 bytes or more; each gives at most a few nodes and relationships). Its caches
     * are sized by the nodes it actually receives.
     */
    private static Input.Estimates estimates(List<Path> files) throws IOException {
        long bytes = Math.max(1 << 20, sizeOf(files));
        return Input.knownEstimates(bytes / 50, bytes / 25, bytes / 10, bytes / 50, bytes, bytes / 10, bytes / 50);
    }

    /**
     * Starts, on a thread of its own, a throwaway embedded store in {@code directory} (deleted afterwards) through
     * the path the new store's own first start takes after the importer (DBMS and system database, password,
     * Bolt, the driver, the schema statements), then closes it. The first start of a DBMS in a JVM spends most
     * of its time loading classes and compiling Cypher (a JFR profile of that start: Cypher's rewriters, jar
     * lookups); done here, beside the load, it is no longer serial after it. With CSV staging it starts with the
     * importer; with binary staging at the start of the load ({@link #loadFed}), beside the parsing: it is one
     * thread for the most part (about 10 CPU-s, and as much again in the JIT compilations it causes, at any archive
     * size), and starting it late left the restart waiting for it on small archives (docs/benchmarks.md). A failure
     * here changes nothing but the time; a load that fails while parsing waits for it before it cleans up.
     */
    private static Thread warmUp(Path directory) {
        Thread t = new Thread(() -> {
            try (GraphStore scratch = GraphStore.embedded(directory)) {
                scratch.driver();
            } catch (RuntimeException e) {
                // only the restart's speed depends on it
            } finally {
                try {
                    FileUtils.deleteDirectory(directory);
                } catch (IOException e) {
                    // the staging directory around it is deleted at the end of the load
                }
            }
        }, "lockstep-dbms-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** What staging one file gave: its rejects, its skipped records, and why it failed (or null). */
    private record Staged(RejectsFile rejects, long skipped, String failure) {
    }

    /**
     * Parses {@code file} on this thread and writes its rows to the staging files on another
     * ({@link StagingThread}): parsing and writing CSV take about the same time, so the two overlap.
     */
    private static Staged stage(Path file, Format format, Staging rows, ImportOptions options,
                                ProgressListener progress) throws IOException {
        AtomicLong bytes = new AtomicLong();
        progress.begin(file.getFileName().toString(), Files.size(file));
        RejectsFile rejects = new RejectsFile(file, 0);
        StagingThread writer = new StagingThread(rows);
        boolean parsed = false;
        long before = rows.records;
        HandOff sink = null;
        String failure = null;
        try (rejects; Reader in = InputFiles.reader(file, bytes)) {
            sink = new HandOff(writer, rows, rejects, bytes, file, options, progress);
            try {
                format.parser().parse(in, sink);
            } catch (IOException e) {
                // the file itself failed: what was read before stays staged, the file is recorded unfinished
                failure = ImportReport.failedWhileReading(file, e, rows.records - before, "stay loaded");
            }
            sink.handRest();
            parsed = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            try {
                writer.finish(parsed);
            } finally {
                progress.end();
            }
        }
        return new Staged(rejects, sink.skipped, failure);
    }

    /** The parser's sink: rows go to the staging thread in chunks; rejects, progress and cancellation stay here. */
    private static final class HandOff extends ReadingSink {
        private final StagingThread writer;
        private final Staging rows;
        private final Path file;
        private List<Object> chunk = new ArrayList<>(StagingThread.CHUNK);

        HandOff(StagingThread writer, Staging rows, RejectsFile rejects, AtomicLong bytes, Path file,
                ImportOptions options, ProgressListener progress) {
            super(rejects, bytes, options, progress);
            this.writer = writer;
            this.rows = rows;
            this.file = file;
        }

        private void add(Object row) {
            chunk.add(row);
            if (chunk.size() == StagingThread.CHUNK) {
                handRest();
            }
        }

        void handRest() {
            if (!chunk.isEmpty()) {
                writer.hand(chunk);
                chunk = new ArrayList<>(StagingThread.CHUNK);
            }
        }

        @Override
        public void account(AccountRow account) {
            add(account);
        }

        @Override
        public void post(PostRow post) {
            add(post);
        }

        @Override
        public void edge(EdgeRow edge) {
            add(edge);
        }

        @Override
        long countRecord() {
            return ++rows.records;
        }

        @Override
        void reported(long records, ProgressListener listener) {
            if (listener instanceof ArchiveImporter.RowProgress rp) {
                rp.rows(records);
            }
        }

        @Override
        String cancelled() {
            return "import cancelled while reading " + file.getFileName() + " (the store is unchanged)";
        }
    }

    /**
     * Writes parsed rows into {@link Staging} on its own thread, in the order they were parsed. A failure here
     * (a full disk) is rethrown to the parsing thread at its next hand-off or at {@link #finish}.
     */
    private static final class StagingThread {
        static final int CHUNK = 2_048;
        private static final List<Object> END = List.of();
        private final BlockingQueue<List<Object>> queue =
                new ArrayBlockingQueue<>(16);
        private final Thread thread;
        private volatile Throwable failure;

        StagingThread(Staging rows) {
            thread = new Thread(() -> {
                try {
                    for (List<Object> chunk = queue.take(); chunk != END; chunk = queue.take()) {
                        if (failure != null) {
                            continue; // drain, so that the parser never blocks on a full queue
                        }
                        try {
                            rows.takeAll(chunk);
                        } catch (Throwable e) {
                            failure = e;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lockstep-bulk-staging");
            thread.setDaemon(true);
            thread.start();
        }

        void hand(List<Object> chunk) {
            rethrow();
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while staging");
            }
        }

        /** Waits for every handed row to be staged; rethrows a staging failure when {@code check}. */
        void finish(boolean check) throws IOException {
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while staging");
            }
            if (check) {
                rethrow();
            }
        }

        private void rethrow() {
            Throwable e = failure;
            if (e instanceof UncheckedIOException u) {
                throw u;
            } else if (e instanceof RuntimeException r) {
                throw r;
            } else if (e instanceof Error err) {
                throw err;
            } else if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long sizeOf(List<Path> files) throws IOException {
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        return bytes;
    }

    /**
     * Once the DBMS is back with its indexes populated: ends the restart's progress task, then records the import
     * nodes; {@code at[3]} and {@code at[4]} receive the times either side of the recording.
     */
    private static void recordOnline(GraphStore online, List<Map<String, Object>> records, ProgressListener progress,
                                     long[] at) {
        progress.end();
        at[3] = System.nanoTime();
        progress.begin(TASK_RECORD, -1);
        try {
            recordImports(online, records);
        } finally {
            progress.end();
        }
        at[4] = System.nanoTime();
    }

    private static void recordImports(GraphStore store, List<Map<String, Object>> records) {
        try (Session s = store.session()) {
            s.executeWriteWithoutResult(tx -> tx.run("""
                    UNWIND $records AS r
                    MERGE (i:Import {key: r.key})
                    SET i.file = r.file, i.sha256 = r.sha, i.format = r.format, i.rows_done = r.rows,
                        i.rejects = r.rejects, i.skipped = r.skipped, i.completed = r.completed""", Map.of("records", records)).consume());
        }
    }

    /**
     * The staging files, written while parsing; nodes known only at the end are written by {@link #finish}.
     *
     * <p>Every node gets its Neo4j node id here, in the order the rows first name it (an account, a post, a
     * hashtag, a URL: one counter for all), and the staging files carry these numbers ({@code --id-type=actual}):
     * the bulk importer then neither sorts string ids nor looks each relationship's two ends up in them, which was
     * most of its relationship stage. The ids and names stay string properties of their own ({@code id},
     * {@code name}, {@code url}), as the graph model has them. The numbers are dense (0 to nodes - 1): every node
     * that receives one is written once, by its row or at {@link #finish} as a placeholder.
     */
    private static final class Staging implements AutoCloseable, RowConsumer {
        private final Path dir;
        /** CSV files for the importer's CSV reader, or binary ones for its Input API. */
        private final boolean csv;
        private final Map<String, StagedFile> relationships = new LinkedHashMap<>();
        private final Map<String, String[]> relationshipHeaders = new LinkedHashMap<>();
        private final StagedFile posts;
        /** Rows with a line break inside a value: the bulk importer reads only these files in its slow mode. */
        private final StagedFile multilinePosts;
        /*
         * Open-addressing sets and arrays rather than java.util's linked nodes: on 10M posts and 1M accounts these
         * hold tens of millions of entries, and every node is one more object for each full collection to trace.
         * Not final: released by finish(), so that the bulk importer and the analysis beside it do not share the
         * heap with them (several GB on 10M posts).
         */
        /** Account id → its index, in first-seen order; by index: the id, its node, its properties (null: none). */
        private Object2IntOpenHashMap<String> accountIndex = new Object2IntOpenHashMap<>();
        private List<String> accountIds = new ArrayList<>();
        private IntArrayList accountNodes = new IntArrayList();
        private List<Object[]> accountProperties = new ArrayList<>();
        /** Accounts a users row describes (the others are placeholders). */
        private BitSet describedAccounts = new BitSet();
        /** Post id → its node, for the posts a row describes and the posts a reference names. */
        private Object2IntOpenHashMap<String> postNodes = new Object2IntOpenHashMap<>();
        /** Post nodes a row describes (a post's first row wins). */
        private BitSet describedPosts = new BitSet();
        /** Referenced post id → the first author a reference names (or null), for the placeholders. */
        private Object2ObjectLinkedOpenHashMap<String, String> referencedPosts = new Object2ObjectLinkedOpenHashMap<>();
        /** Hashtag name, URL → its node. */
        private Object2IntLinkedOpenHashMap<String> hashtags = new Object2IntLinkedOpenHashMap<>();
        private Object2IntLinkedOpenHashMap<String> urls = new Object2IntLinkedOpenHashMap<>();
        private LongOpenHashSet follows = new LongOpenHashSet();
        /** (source, target, type, time) → the last weight given (the transactional path's SET). */
        private Map<List<Object>, Double> interactions = new LinkedHashMap<>();
        /** The source of the last edge and its account index (a run of one account's follows: one lookup each). */
        private String lastSource;
        private int lastSourceIndex;
        /** The next node id to give. */
        private int nextNode;
        long records;
        /** Relationships written to the staging files. */
        long relationshipCount;
        /** The longest staged value, in chars: the bulk importer's read buffer must hold it whole. */
        int longestValue;

        /** Also receives every row (null: nobody listens). */
        private final ActivityTap tap;

        Staging(Path dir, ActivityTap tap, boolean csv) throws IOException {
            this.dir = dir;
            this.tap = tap;
            this.csv = csv;
            accountIndex.defaultReturnValue(-1);
            postNodes.defaultReturnValue(-1);
            hashtags.defaultReturnValue(-1);
            urls.defaultReturnValue(-1);
            posts = nodeFile("posts", POST_HEADER);
            // binary staging has no multi-line mode to keep apart: one file of posts
            multilinePosts = csv ? nodeFile("posts-multiline", POST_HEADER) : posts;
            relationship("POSTED");
            relationship("RETWEETS");
            relationship("QUOTES");
            relationship("REPLIES_TO");
            relationship("TAGS", "position:int");
            relationship("LINKS");
            relationship("MENTIONS");
            relationship("FOLLOWS");
            relationship("INTERACTS", "type", "time:long", "weight:double");
        }

        /** A new staging file {@code name} (without its extension) with {@code header}. */
        private StagedFile printer(String name, String... header) throws IOException {
            Path file = dir.resolve(name + extension());
            if (!csv) {
                return new BinaryStaging.Writer(file, header);
            }
            Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSV);
            p.printRecord((Object[]) header);
            return new StagedFile.Csv(p);
        }

        private String extension() {
            return csv ? ".csv" : ".bin";
        }

        private StagedFile nodeFile(String name, String[] header) throws IOException {
            return printer(name, header);
        }

        private void relationship(String type, String... properties) throws IOException {
            String[] header = new String[2 + properties.length];
            header[0] = ":START_ID";
            header[1] = ":END_ID";
            System.arraycopy(properties, 0, header, 2, properties.length);
            relationships.put(type, printer(fileOf(type), header));
            relationshipHeaders.put(type, header);
        }

        private int newNode() {
            if (nextNode == Integer.MAX_VALUE) {
                throw new StoreException("the bulk path stages at most " + Integer.MAX_VALUE + " nodes");
            }
            return nextNode++;
        }

        /** A relationship of two nodes and no property: numbers only, written as is. */
        private void write(String type, int start, int end) {
            relationshipCount++;
            relationships.get(type).pair(start, end);
        }

        /** A {@code TAGS} relationship: two nodes and the hashtag's position. */
        private void writeTag(int start, int end, int position) {
            relationshipCount++;
            relationships.get("TAGS").record(start, end, position);
        }

        private int accountIndex(String id) {
            int index = accountIndex.getInt(id);
            if (index < 0) {
                index = accountIndex.size();
                accountIndex.put(id, index);
                accountIds.add(id);
                accountNodes.add(newNode());
                accountProperties.add(null);
            }
            return index;
        }

        private int accountNode(String id) {
            return accountNodes.getInt(accountIndex(id));
        }

        private int postNode(String id) {
            int node = postNodes.getInt(id);
            if (node < 0) {
                node = newNode();
                postNodes.put(id, node);
            }
            return node;
        }

        private static int node(Object2IntLinkedOpenHashMap<String> nodes, String key, Staging staging) {
            int node = nodes.getInt(key);
            if (node < 0) {
                node = staging.newNode();
                nodes.put(key, node);
            }
            return node;
        }

        @Override
        public void account(AccountRow a) {
            if (tap != null) {
                tap.account(a);
            }
            int index = accountIndex(a.id());
            describedAccounts.set(index);
            Object[] given = Neo4jWriter.accountValues(a);
            Object[] props = accountProperties.get(index);
            if (props == null) {
                accountProperties.set(index, given);
                return;
            }
            for (int i = 0; i < ACCOUNT_PROPERTIES.length; i++) { // what the row does not give stays as it was
                if (given[i] != null) {
                    props[i] = given[i];
                }
            }
        }

        @Override
        public void post(PostRow p) {
            if (tap != null) {
                tap.post(p);
            }
            int post = postNode(p.id());
            if (describedPosts.get(post)) {
                return; // a post seen before keeps its first row
            }
            describedPosts.set(post);
            referencedPosts.remove(p.id());
            int author = accountNode(p.authorId());
            Object[] values = Neo4jWriter.postValues(p);
            Object[] row = new Object[POST_HEADER.length];
            row[0] = post;
            row[1] = p.id();
            System.arraycopy(values, 0, row, 2, values.length);
            row[row.length - 1] = Boolean.FALSE;
            (csv && inspect(row) ? multilinePosts : posts).record(row); // binary staging: one stream, no limit
            write("POSTED", author, post);
            for (PostRow.Reference ref : p.references()) {
                reference(ref.type(), post, ref.post(), ref.author());
            }
            List<String> tags = p.hashtags();
            for (int i = 0; i < tags.size(); i++) {
                longestValue = Math.max(longestValue, tags.get(i).length());
                writeTag(post, node(hashtags, tags.get(i), this), i);
            }
            for (String url : new LinkedHashSet<>(p.urls())) {
                longestValue = Math.max(longestValue, url.length());
                write("LINKS", post, node(urls, url, this));
            }
            for (String mention : new LinkedHashSet<>(p.mentions())) {
                write("MENTIONS", post, accountNode(mention));
            }
        }

        private void reference(String type, int post, String ref, String author) {
            int referenced = postNode(ref);
            write(type, post, referenced);
            if (!describedPosts.get(referenced)) {
                String known = referencedPosts.get(ref);
                if (known == null) {
                    referencedPosts.put(ref, author);
                }
            }
        }

        @Override
        public void edge(EdgeRow e) {
            int source;
            if (lastSource != null && lastSource.equals(e.source())) {
                source = lastSourceIndex; // follower files list one account's follows in a row
            } else {
                source = accountIndex(e.source());
                lastSource = e.source();
                lastSourceIndex = source;
            }
            int target = accountIndex(e.target());
            if (tap != null) { // the tap's builder numbers the accounts by these indices, not by their ids again
                tap.edge(e, source, target);
            }
            if (e.follow()) {
                if (follows.add(((long) source << 32) | (target & 0xffffffffL))) {
                    write("FOLLOWS", accountNodes.getInt(source), accountNodes.getInt(target));
                }
            } else {
                String type = e.type() == null ? Neo4jWriter.DEFAULT_INTERACTION : e.type();
                Long time = e.time() == Activity.NO_TIME ? null : e.time();
                List<Object> key = new ArrayList<>(4);
                key.add(e.source());
                key.add(e.target());
                key.add(type);
                key.add(time);
                interactions.put(key, e.weight());
            }
        }

        /** Writes the nodes known only at the end: accounts, placeholder posts, hashtags, URLs, interactions. */
        void finish() throws IOException {
            // the largest sets are done with: released before the rest is written, while the analysis builds
            describedPosts = null;
            follows = null;
            StagedFile interacts = relationships.get("INTERACTS");
            for (Map.Entry<List<Object>, Double> e : interactions.entrySet()) {
                List<Object> k = e.getKey();
                relationshipCount++;
                interacts.record(accountNode((String) k.get(0)), accountNode((String) k.get(1)), k.get(2),
                        k.get(3), e.getValue());
            }
            for (Map.Entry<String, String> ref : referencedPosts.entrySet()) {
                int post = postNodes.getInt(ref.getKey());
                posts.record(post, ref.getKey(), null, null, null, null, null, null, null, Boolean.TRUE);
                if (ref.getValue() != null) {
                    write("POSTED", accountNode(ref.getValue()), post);
                }
            }
            postNodes = null;
            try (StagedFile out = nodeFile("accounts", ACCOUNT_HEADER);
                 StagedFile multilineOut = csv ? nodeFile("accounts-multiline", ACCOUNT_HEADER) : out) {
                Object[] row = new Object[ACCOUNT_HEADER.length];
                for (int a = 0; a < accountIds.size(); a++) {
                    row[0] = accountNodes.getInt(a);
                    row[1] = accountIds.get(a);
                    Object[] props = accountProperties.get(a);
                    for (int i = 0; i < ACCOUNT_PROPERTIES.length; i++) {
                        row[i + 2] = props == null ? null : props[i];
                    }
                    row[row.length - 1] = !describedAccounts.get(a);
                    (csv && inspect(row) ? multilineOut : out).record(row);
                }
            }
            try (StagedFile out = nodeFile("hashtags", HASHTAG_HEADER)) {
                for (Object2IntMap.Entry<String> h : hashtags.object2IntEntrySet()) {
                    out.record(h.getIntValue(), h.getKey());
                }
            }
            try (StagedFile out = nodeFile("urls", URL_HEADER)) {
                for (Object2IntMap.Entry<String> u : urls.object2IntEntrySet()) {
                    out.record(u.getIntValue(), u.getKey());
                }
            }
            if (tap != null) {
                tap.staged(accountIds, accountNodes.toIntArray());
            }
            accountIndex = null;
            accountIds = null;
            accountNodes = null;
            accountProperties = null;
            describedAccounts = null;
            referencedPosts = null;
            hashtags = null;
            urls = null;
            interactions = null;
        }

        /**
         * Notes the row's longest value; true when a value holds a line break (the slow, multi-line files). CSV
         * staging only: binary staging has neither a read buffer to size nor a multi-line mode.
         */
        private boolean inspect(Object[] row) {
            boolean multiline = false;
            for (Object value : row) {
                if (value instanceof String text) {
                    longestValue = Math.max(longestValue, text.length());
                    multiline |= text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
                }
            }
            return multiline;
        }

        /** The bulk importer's {@code --nodes}/{@code --relationships} and multi-line arguments. */
        List<String> importArguments(Path staging) {
            List<String> args = new ArrayList<>();
            // a field must fit in one read buffer (4 MiB by default); a char takes at most 3 bytes in UTF-8
            args.add("--read-buffer-size=" + Math.max(4L << 20, 3L * longestValue + (64 << 10)));
            args.add("--multiline-fields-format=v2");
            args.add("--multiline-fields=" + staging.resolve("accounts-multiline.csv") + ","
                    + staging.resolve("posts-multiline.csv"));
            NODE_FILES.forEach((file, label) -> args.add("--nodes=" + label + "=" + staging.resolve(file + ".csv")));
            for (String type : relationships.keySet()) {
                args.add("--relationships=" + type + "=" + staging.resolve(fileOf(type) + ".csv"));
            }
            return args;
        }

        /**
         * The importer's Input for binary staging, once {@link #finish} and {@link #close} have run: the node files
         * (posts, accounts, hashtags, URLs), then the relationship files.
         */
        Input binaryInput(Input.Estimates estimates) {
            List<Path> files = binaryNodeFiles();
            List<BinaryStaging.Source> nodeSources = List.of(
                    new BinaryStaging.Source(files.get(0), "Post", POST_HEADER),
                    new BinaryStaging.Source(files.get(1), "Account", ACCOUNT_HEADER),
                    new BinaryStaging.Source(files.get(2), "Hashtag", HASHTAG_HEADER),
                    new BinaryStaging.Source(files.get(3), "Url", URL_HEADER));
            List<BinaryStaging.Source> relationshipSources = new ArrayList<>();
            for (Map.Entry<String, String[]> r : relationshipHeaders.entrySet()) {
                relationshipSources.add(new BinaryStaging.Source(dir.resolve(fileOf(r.getKey()) + ".bin"),
                        r.getKey(), r.getValue()));
            }
            return BinaryStaging.input(nodeSources, relationshipSources, estimates);
        }

        /** Node file (without its extension) → label, in the importer's order. */
        private static final Map<String, String> NODE_FILES = new LinkedHashMap<>();

        static {
            NODE_FILES.put("accounts", "Account");
            NODE_FILES.put("accounts-multiline", "Account");
            NODE_FILES.put("posts", "Post");
            NODE_FILES.put("posts-multiline", "Post");
            NODE_FILES.put("hashtags", "Hashtag");
            NODE_FILES.put("urls", "Url");
        }

        private static String fileOf(String relationshipType) {
            return relationshipType.toLowerCase(Locale.ROOT);
        }

        /** The node files of binary staging: posts, accounts, hashtags, URLs. */
        List<Path> binaryNodeFiles() {
            return List.of(dir.resolve("posts.bin"), dir.resolve("accounts.bin"), dir.resolve("hashtags.bin"),
                    dir.resolve("urls.bin"));
        }

        List<Path> nodeFiles() {
            return NODE_FILES.keySet().stream().map(f -> dir.resolve(f + extension())).toList();
        }

        List<Path> relationshipFiles() {
            return relationships.keySet().stream().map(type -> dir.resolve(fileOf(type) + extension())).toList();
        }

        /** Nodes staged (complete once {@link #finish} has run). */
        long nodeCount() {
            return nextNode;
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (StagedFile p : Stream.concat(relationships.values().stream(), Stream.of(multilinePosts, posts))
                    .toList()) {
                try {
                    p.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
