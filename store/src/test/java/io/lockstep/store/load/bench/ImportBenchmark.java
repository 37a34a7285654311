package io.lockstep.store.load.bench;

import io.lockstep.importer.ArchiveParsing;
import io.lockstep.importer.RowSink;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreStatistics;
import io.lockstep.store.load.ArchiveImporter;
import io.lockstep.store.load.ImportOptions;
import io.lockstep.store.load.ImportReport;
import org.neo4j.driver.Session;

import java.io.IOException;
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
 * <p>Usage: {@code ImportBenchmark WORKDIR [posts=1000000] [incrementalPosts=100000] [batch=5000]
 * [bulk|transactional|plain|follows]}: the fresh load goes through {@code BulkLoader} unless {@code transactional}
 * is given; {@code follows} loads a generated follower graph of POSTS edges instead (see {@link #follows});
 * {@code plain} instead runs the reference loop (one {@code UNWIND … MERGE … MERGE … CREATE} per batch, posts
 * and authors only) over the same file into a fresh store.
 * The store and the generated files are written under WORKDIR (deleted by the caller).
 */
public final class ImportBenchmark {
    public static void main(String[] args) throws Exception {
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
        try (GraphStore store = GraphStore.embedded(work.resolve("store"))) {
            ImportOptions options = ImportOptions.defaults().withBatchSize(batch).withBulk(bulk);
            measure(bulk ? "fresh (bulk loader)" : "fresh (transactions)", store, fresh, options);
            measure("incremental", store, incremental, options);
            System.out.println(StoreStatistics.read(store));
        }
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
            measure("fresh follows (bulk loader)", store, fresh, options);
            measure("incremental follows", store, incremental, options);
            System.out.println(StoreStatistics.read(store));
        }
    }

    private static void measure(String label, GraphStore store, Path file, ImportOptions options) throws Exception {
        long rels0 = relationships(store);
        Map<String, Long> steps = new TreeMap<>();
        long t0 = System.nanoTime();
        ImportReport report = new ArchiveImporter((step, nanos) -> steps.merge(step, nanos, Long::sum))
                .importFiles(store, List.of(file), options, new Pace(t0));
        double s = (System.nanoTime() - t0) / 1e9;
        long rels = relationships(store) - rels0;
        System.out.printf("%s: %,d rows, %,d relationships in %.1f s: %,.0f rows/s, %,.0f relationships/s%n",
                label, report.rows(), rels, s, report.rows() / s, rels / s);
        steps.forEach((step, nanos) -> System.out.printf("  %8.1f s  %s%n", nanos / 1e9, step));
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
        ArchiveParsing.parse(file, ArchiveParsing.detect(file), RowSink.posts(post -> {
            rows.add(Map.of("id", post.id(), "author", post.authorId()));
            if (rows.size() >= batch) {
                flush.run();
            }
        }));
        flush.run();
        return total[0];
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
