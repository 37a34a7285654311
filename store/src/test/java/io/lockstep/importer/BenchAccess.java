package io.lockstep.importer;

/** Lets the benchmark print the writer's per-statement timing. */
public final class BenchAccess {
    private BenchAccess() {
    }

    public static void printTiming() {
        if (Neo4jWriter.TIMING != null) {
            Neo4jWriter.TIMING.forEach((k, v) -> System.out.printf("  %8.1f s  %s%n", v / 1e9, k));
            Neo4jWriter.TIMING.clear();
        }
    }

    /**
     * The reference loop of the import issue: one {@code UNWIND $rows MERGE (a:Account) MERGE (p:Post)
     * CREATE (a)-[:POSTED]->(p)} per batch, in its own transaction, for every post of {@code file}. Returns the rows.
     */
    public static long plainMergeLoop(io.lockstep.store.GraphStore store, java.nio.file.Path file, int batch)
            throws java.io.IOException {
        String cypher = "UNWIND $rows AS r MERGE (a:Account {id: r.author}) MERGE (p:Post {id: r.id}) "
                + "CREATE (a)-[:POSTED]->(p)";
        java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        long[] total = new long[1];
        Runnable flush = () -> {
            if (!rows.isEmpty()) {
                try (org.neo4j.driver.Session s = store.session()) {
                    s.executeWriteWithoutResult(tx -> tx.run(cypher, java.util.Map.of("rows", rows)).consume());
                }
                total[0] += rows.size();
                rows.clear();
            }
        };
        try (var in = InputFiles.reader(file, new java.util.concurrent.atomic.AtomicLong())) {
            FormatDetector.detect(file).parser().parse(in, new RowSink() {
                @Override
                public void account(AccountRow account) {
                }

                @Override
                public void post(PostRow post) {
                    rows.add(java.util.Map.of("id", post.id(), "author", post.authorId()));
                    if (rows.size() >= batch) {
                        flush.run();
                    }
                }

                @Override
                public void edge(EdgeRow edge) {
                }

                @Override
                public void reject(long line, String reason, String raw) {
                }

                @Override
                public void endRecord() {
                }
            });
        }
        flush.run();
        return total[0];
    }
}
