package io.lockstep.store.load.bench;

import io.lockstep.store.GraphStore;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Neo4j's transactional write path can give on this machine, whatever the importer does around it: posts with
 * the graph model's properties (and Lockstep's constraints and indexes) created as fast as Neo4j takes them,
 * with nothing to parse and nothing to look up.
 * <ol>
 *   <li>through the driver, one {@code UNWIND $rows CREATE (p:Post) SET p = r.props} per batch: the floor of any
 *       Cypher import of posts;</li>
 *   <li>the same with each post's {@code POSTED} relationship from one of 1,000 accounts (matched by node id);</li>
 *   <li>in-process with Neo4j's Java core API (no Bolt, no Cypher) on the same store: node, properties and
 *       {@code POSTED}, on 1 and then on 2 threads.</li>
 * </ol>
 * Each is run three times (rounds), since the first round pays the JIT.
 *
 * <p>Usage: {@code WriteCeilingBenchmark WORKDIR [posts per round=100000] [batch=20000]}.
 */
public final class WriteCeilingBenchmark {
    private static final Label POST = Label.label("Post");
    private static final Label ACCOUNT = Label.label("Account");
    private static final RelationshipType POSTED = RelationshipType.withName("POSTED");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        try (GraphStore store = GraphStore.embedded(work)) { // creates Lockstep's schema
            try (Session s = store.session()) {
                s.run("UNWIND range(0, 999) AS i CREATE (:Account {id: 'a' + i})").consume();
            }
            List<Long> accounts = new ArrayList<>();
            try (Session s = store.session()) {
                s.run("MATCH (a:Account) RETURN id(a) AS node").forEachRemaining(r -> accounts.add(r.get(0).asLong()));
            }
            for (int round = 1; round <= 3; round++) {
                for (boolean withAuthor : new boolean[]{false, true}) {
                    String cypher = withAuthor
                            ? "UNWIND $rows AS r MATCH (a) WHERE id(a) = r.author CREATE (a)-[:POSTED]->(p:Post) "
                            + "SET p = r.props"
                            : "UNWIND $rows AS r CREATE (p:Post) SET p = r.props";
                    String prefix = "c" + withAuthor + round + "-";
                    long t0 = System.nanoTime();
                    for (int b = 0; b < n / batch; b++) {
                        List<Map<String, Object>> rows = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            int k = b * batch + i;
                            rows.add(Map.of("author", accounts.get(k % accounts.size()),
                                    "props", properties(prefix + k, k)));
                        }
                        try (Session s = store.session()) {
                            s.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", rows)).consume());
                        }
                    }
                    report(round, withAuthor ? "driver + Cypher, post and POSTED" : "driver + Cypher, post alone",
                            n, t0);
                }
            }
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(work)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 1L << 30).build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            for (int round = 1; round <= 3; round++) {
                for (int threads : new int[]{1, 2}) {
                    String prefix = "k" + threads + round + "-";
                    long t0 = System.nanoTime();
                    List<Thread> workers = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int first = t;
                        Thread worker = new Thread(() -> {
                            for (int b = first; b < n / batch; b += threads) {
                                try (Transaction tx = db.beginTx()) {
                                    for (int i = 0; i < batch; i++) {
                                        int k = b * batch + i;
                                        Node p = tx.createNode(POST);
                                        properties(prefix + k, k).forEach(p::setProperty);
                                        tx.findNode(ACCOUNT, "id", "a" + (k % 1000)).createRelationshipTo(p, POSTED);
                                    }
                                    tx.commit();
                                }
                            }
                        });
                        worker.start();
                        workers.add(worker);
                    }
                    for (Thread w : workers) {
                        w.join();
                    }
                    report(round, "core API in-process, post and POSTED, " + threads + " thread(s)", n, t0);
                }
            }
        } finally {
            dbms.shutdown();
        }
    }

    /** A post's properties as the importer writes them (graph model names; text of a typical length). */
    static Map<String, Object> properties(String id, int k) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("time", 1_500_000_000L + k);
        p.put("kind", "retweet");
        p.put("text", "RT @someone: Les #MacronLeaks sont là, voyez https://t.co/abc" + k + " #Macron #Presidentielle2017");
        p.put("lang", "fr");
        p.put("client", "Twitter for Android");
        p.put("like_count", (long) (k % 50));
        p.put("retweet_count", (long) (k % 30));
        p.put("placeholder", false);
        return p;
    }

    private static void report(int round, String what, int n, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("round %d  %-58s %,9d posts in %5.2f s: %,7.0f posts/s%n", round, what, n, s, n / s);
    }

    private WriteCeilingBenchmark() {
    }
}
