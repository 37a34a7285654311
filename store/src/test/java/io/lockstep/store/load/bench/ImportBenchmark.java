package io.lockstep.store.load.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.importer.ArchiveParsing;
import io.lockstep.importer.RowSink;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreStatistics;
import io.lockstep.store.load.ArchiveImporter;
import io.lockstep.store.load.ImportOptions;
import io.lockstep.store.load.ImportOptions.Switch;
import io.lockstep.store.load.ImportReport;
import io.lockstep.store.load.Neo4jBulkImport;
import io.lockstep.store.load.StepTimes;
import org.neo4j.io.fs.FileUtils;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures import speed: a generated info-ops tweets CSV of N posts into a fresh embedded store, then M more posts
 * into the now non-empty store (incremental). Prints rows/s, relationships/s and the time of each
 * step ({@code StepTimes}: the bulk phases, each write transaction and Cypher statement).
 *
 * <p>Usage: {@code ImportBenchmark WORKDIR [posts=1000000] [incrementalPosts=100000] [batch=20000]
 * [bulk|transactional|plain|follows] [rounds=1] [--warm-up=true|false]}: the fresh load goes through {@code BulkLoader} unless
 * {@code transactional} is given, into a new store that nothing opens before (as {@code lockstep import --store NEW});
 * after each bulk load, Neo4j's bulk importer runs alone on the files the load staged, with the load's options,
 * once in a JVM of its own (as {@code neo4j-admin} runs it) and once in this one, and the ratio is printed; with
 * ROUNDS above 1 the fresh load is repeated into new stores (a warm JVM), the last one going on incrementally; {@code follows} loads a generated follower graph of POSTS edges instead (see {@link #follows});
 * {@code plain} instead runs the reference loop (one {@code UNWIND … MERGE … MERGE … CREATE} per batch, posts
 * and authors only) over the same file into a fresh store.
 * {@code --staging=csv} (anywhere among the arguments) stages CSV files for the importer instead of feeding it binary
 * ones through its Input API ({@link ImportOptions#csvStaging}); with binary staging, a CSV-staged load runs too, in a
 * JVM of its own ({@link StagedLoad}), to give the importer alone its files, and both ratios are printed.
 * {@code --warm-up=false} turns off the warm-up of the new store's first start beside
 * the importer ({@link ImportOptions#warmUp}), for A/B runs.
 * The store and the generated files are written under WORKDIR (deleted by the caller).
 */
public final class ImportBenchmark {
    public static void main(String[] arguments) throws Exception {
        boolean warmUp = true;
        boolean csv = false;
        List<String> positional = new ArrayList<>();
        for (String a : arguments) {
            if (a.startsWith("--staging=")) {
                String value = a.substring("--staging=".length());
                if (!value.equals("csv") && !value.equals("binary")) {
                    throw new IllegalArgumentException("--staging must be csv or binary, was " + value);
                }
                csv = value.equals("csv");
            } else if (a.startsWith("--warm-up=")) {
                String value = a.substring("--warm-up=".length());
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("--warm-up must be true or false, was " + value);
                }
                warmUp = Boolean.parseBoolean(value);
            } else {
                positional.add(a);
            }
        }
        String[] args = positional.toArray(String[]::new);
        Path work = Path.of(args[0]);
        int posts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int more = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : ImportOptions.BATCH_SIZE_DEFAULT;
        boolean bulk = args.length <= 4 || !args[4].equals("transactional");
        Files.createDirectories(work);
        if (args.length > 4 && args[4].equals("follows")) {
            follows(work, posts, more);
            return;
        }
        Path fresh = work.resolve("bench_tweets.csv");
        Path incremental = work.resolve("bench_tweets_more.csv");
        long g0 = System.nanoTime();
        ArchiveGenerator.write(fresh, 42, posts, 1_000_000_000L);
        ArchiveGenerator.write(incremental, 43, more, 2_000_000_000L);
        System.out.printf("generated %,d + %,d rows (%.1f MB) in %.1f s%n", posts, more,
                Files.size(fresh) / 1e6, (System.nanoTime() - g0) / 1e9);
        if (args.length > 4 && args[4].equals("plain")) {
            try (GraphStore store = GraphStore.embedded(work.resolve("plain-store"))) {
                long t0 = System.nanoTime();
                long rows = plainMergeLoop(store, fresh, batch);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("plain UNWIND-MERGE loop: %,d rows (%,d relationships) in %.1f s: %,.0f rows/s%n",
                        rows, relationships(store), s, rows / s);
            }
            return;
        }
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        ImportOptions options = ImportOptions.defaults().withBatchSize(batch).with(Switch.BULK, bulk)
                .with(Switch.WARM_UP, warmUp).with(Switch.CSV_STAGING, csv);
        for (int round = 1; round < rounds; round++) { // fresh loads only; the last round goes on incrementally
            try (GraphStore store = GraphStore.embedded(work.resolve("store-" + round))) {
                fresh(work, round, store, fresh, options, bulk);
            }
        }
        try (GraphStore store = GraphStore.embedded(work.resolve("store"))) {
            fresh(work, rounds, store, fresh, options, bulk);
            measure("incremental", store, incremental, options, null);
            System.out.println(StoreStatistics.read(store));
        }
    }

    /**
     * Loads {@code file} into the new store {@code store} as {@code lockstep import --store NEW} does (nothing opens
     * the store before the load), then, for the bulk path, runs Neo4j's bulk importer alone on the files the load
     * staged, with the same options, into a new directory, and prints both rates side by side.
     */
    private static void fresh(Path work, int round, GraphStore store, Path file, ImportOptions options, boolean bulk)
            throws Exception {
        if (!store.isUnstarted()) {
            throw new IllegalStateException(work + " holds a store already: give an empty work directory");
        }
        Path kept = work.resolve("staged-" + round);
        List<String> arguments = new ArrayList<>();
        String staging = options.has(Switch.CSV_STAGING) ? "CSV staging" : "binary staging, Input API";
        double e2e = measure(bulk ? "fresh (bulk loader, " + staging + "), round " + round : "fresh (transactions)",
                store, file, options, options.has(Switch.CSV_STAGING) ? new KeptStaging(kept, arguments) : null);
        if (!bulk) {
            return;
        }
        long rels = relationships(store);
        double e2eCpu = lastCpu;
        double csvE2e = e2e;
        if (!options.has(Switch.CSV_STAGING)) { // the CSV files for the importer alone, from a CSV-staged load
            Path csvArguments = work.resolve("csv-arguments-" + round + ".txt");
            List<String> lines = ImportFloorBenchmark.child(StagedLoad.class, work.resolve("csv-store-" + round)
                    .toString(), file.toString(), "csv", Boolean.toString(options.has(Switch.WARM_UP)), kept.toString(),
                    csvArguments.toString());
            System.out.println("the same load with CSV staging, in a JVM of its own:");
            lines.forEach(l -> System.out.println("    " + l));
            String[] figures = lines.get(0).split(" ");
            csvE2e = Double.parseDouble(figures[1].substring("seconds=".length()));
            arguments.addAll(Files.readAllLines(csvArguments));
            FileUtils.deleteDirectory(work.resolve("csv-store-" + round));
        }
        // as a user runs neo4j-admin: a JVM of its own (start, class loading and JIT included), same heap
        Path fresh = work.resolve("alone-jvm-" + round);
        Path argumentFile = work.resolve("arguments-" + round + ".txt");
        Files.write(argumentFile, arguments);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:+Use")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ImporterAlone.class.getName(),
                fresh.toString(), kept.toString(), argumentFile.toString()));
        long t0 = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes());
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the importer alone failed: " + out);
        }
        double jvm = (System.nanoTime() - t0) / 1e9;
        String[] figures = out.lines().filter(l -> l.startsWith("importer seconds=")).findFirst().orElseThrow()
                .split(" ");
        double inJvm = Double.parseDouble(figures[1].substring("seconds=".length()));
        double aloneCpu = Double.parseDouble(figures[2].substring("cpu=".length()));
        // and in this JVM, warm from the load (its importer ran here a moment ago)
        Path home = work.resolve("alone-" + round);
        t0 = System.nanoTime();
        Neo4jBulkImport.run(home, "neo4j", kept, arguments);
        double warm = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Neo4j's bulk importer alone on the same staged files, same options, round %d:%n", round);
        System.out.printf("    its own JVM (as neo4j-admin runs): %.1f s in the import (%.1f s for the process), "
                + "%.1f CPU-s: %,.0f relationships/s%n", inJvm, jvm, aloneCpu, rels / inJvm);
        System.out.printf("    in this JVM after the load (warm):  %.1f s: %,.0f relationships/s%n", warm, rels / warm);
        // like with like: the load ran in a JVM that had done nothing of it yet, so does the importer in its own
        System.out.printf("ratio, round %d: end to end %,.0f relationships/s / importer alone in its own JVM %,.0f = "
                + "%.2fx (/ importer alone warm %,.0f = %.2fx)%n", round, rels / e2e, rels / inJvm, inJvm / e2e,
                rels / warm, warm / e2e);
        System.out.printf("CPU-seconds, round %d: end to end %.1f, importer alone in its own JVM %.1f: %.2fx%n", round,
                e2eCpu, aloneCpu, aloneCpu / e2eCpu);
        if (!options.has(Switch.CSV_STAGING)) {
            System.out.printf("ratio, round %d, CSV staging (its own JVM): %.1f s end to end / importer alone %.1f s "
                    + "= %.2fx%n", round, csvE2e, inJvm, inJvm / csvE2e);
        }
        FileUtils.deleteDirectory(fresh);
        FileUtils.deleteDirectory(home);
        FileUtils.deleteDirectory(kept);
    }

    /**
     * The follower-graph shape of the issue's {@code neo4j-admin} reference (few properties, many relationships):
     * EDGES follows among EDGES/10 accounts, loaded fresh (bulk), then INCREMENTAL more through transactions.
     */
    private static void follows(Path work, long edges, long more) throws Exception {
        Path fresh = work.resolve("follows.txt");
        Path incremental = work.resolve("follows_more.txt");
        int accounts = (int) Math.max(10, edges / 10);
        long g0 = System.nanoTime();
        ArchiveGenerator.writeFollows(fresh, 42, accounts, edges);
        ArchiveGenerator.writeFollows(incremental, 43, accounts, more);
        System.out.printf("generated %,d + %,d follows among %,d accounts (%.1f MB) in %.1f s%n", edges, more,
                accounts, Files.size(fresh) / 1e6, (System.nanoTime() - g0) / 1e9);
        try (GraphStore store = GraphStore.embedded(work.resolve("store"))) {
            ImportOptions options = ImportOptions.defaults();
            measure("fresh follows (bulk loader)", store, fresh, options, null);
            measure("incremental follows", store, incremental, options, null);
            System.out.println(StoreStatistics.read(store));
        }
    }

    /**
     * Imports {@code file}, prints its rates and step times, returns its seconds. A new store is not opened before
     * (its relationships before are none). {@code keep} (may be null) keeps the bulk loader's staged files.
     */
    private static double measure(String label, GraphStore store, Path file, ImportOptions options,
                                  KeptStaging keep) throws Exception {
        long rels0 = store.isUnstarted() ? 0 : relationships(store);
        Map<String, Long> steps = new TreeMap<>();
        StepTimes times = keep == null ? (step, nanos) -> steps.merge(step, nanos, Long::sum)
                : keep.andTimes((step, nanos) -> steps.merge(step, nanos, Long::sum));
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ImportReport report = new ArchiveImporter(times).importFiles(store, List.of(file), options, new Pace(t0));
        double s = (System.nanoTime() - t0) / 1e9;
        lastCpu = (processCpuNanos() - cpu0) / 1e9;
        long rels = relationships(store) - rels0;
        System.out.printf("%s: %,d rows, %,d relationships in %.1f s (%.1f CPU-s): %,.0f rows/s, "
                + "%,.0f relationships/s%n", label, report.rows(), rels, s, lastCpu, report.rows() / s, rels / s);
        steps.forEach((step, nanos) -> System.out.printf("  %8.1f s  %s%n", nanos / 1e9, step));
        return s;
    }

    /**
     * The reference loop of the import issue: one {@code UNWIND $rows MERGE (a:Account) MERGE (p:Post)
     * CREATE (a)-[:POSTED]->(p)} per batch, in its own transaction, for every post of {@code file}. Returns the rows.
     */
    static long plainMergeLoop(GraphStore store, Path file, int batch) throws IOException {
        String cypher = "UNWIND $rows AS r MERGE (a:Account {id: r.author}) MERGE (p:Post {id: r.id}) "
                + "CREATE (a)-[:POSTED]->(p)";
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] total = new long[1];
        Runnable flush = () -> {
            if (!rows.isEmpty()) {
                try (Session s = store.session()) {
                    s.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", rows)).consume());
                }
                total[0] += rows.size();
                rows.clear();
            }
        };
        ArchiveParsing.parse(file, ArchiveParsing.formatOf(file), RowSink.posts(post -> {
            rows.add(Map.of("id", post.id(), "author", post.authorId()));
            if (rows.size() >= batch) {
                flush.run();
            }
        }));
        flush.run();
        return total[0];
    }

    /** The CPU-seconds of the last {@link #measure}, every thread of this process. */
    private static double lastCpu;

    /** CPU time of this whole process (all threads, the JIT and the collector included). */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long relationships(GraphStore store) {
        try (Session session = store.session()) {
            return session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
        }
    }

    private ImportBenchmark() {
    }

    /** Prints the rate of every 100,000 rows, to show the warm-up (JIT, caches) of a fresh JVM. */
    private static final class Pace implements ProgressListener, ArchiveImporter.RowProgress {
        private final long start;
        private long lastRows;
        private long lastTime;

        Pace(long start) {
            this.start = start;
            this.lastTime = start;
        }

        @Override
        public void rows(long rowsDone) {
            if (rowsDone - lastRows >= 100_000) {
                long now = System.nanoTime();
                System.out.printf("    %,9d rows at %6.1f s: %,7.0f rows/s since the last line%n", rowsDone,
                        (now - start) / 1e9, (rowsDone - lastRows) / ((now - lastTime) / 1e9));
                lastRows = rowsDone;
                lastTime = now;
            }
        }
    }

}
