package io.lockstep.store.load;

import io.lockstep.importer.AccountRow;
import io.lockstep.importer.ArchiveParsing;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.PostRow;
import io.lockstep.importer.RowSink;
import io.lockstep.store.GraphStore;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    public static long plainMergeLoop(GraphStore store, Path file, int batch) throws IOException {
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
        ArchiveParsing.parse(file, ArchiveParsing.detect(file), new RowSink() {
            @Override
            public void account(AccountRow account) {
            }

            @Override
            public void post(PostRow post) {
                rows.add(Map.of("id", post.id(), "author", post.authorId()));
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
        flush.run();
        return total[0];
    }
}
