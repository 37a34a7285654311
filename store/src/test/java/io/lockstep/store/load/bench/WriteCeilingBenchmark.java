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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
 * Each is run three times (rounds), since the first round pays the JIT. Between 2 and 3, whole tweet rows
 * ({@link #tweetRows}) through the driver, three rounds.
 *
 * <p>Usage: {@code WriteCeilingBenchmark WORKDIR [posts per round=100000] [batch=20000] [all|tweet]}: {@code tweet}
 * runs the tweet rows alone (their first round then pays the JIT, as an import's first rows do).
 */
public final class WriteCeilingBenchmark {
    private static final Label POST = Label.label("Post");
    private static final Label ACCOUNT = Label.label("Account");
    private static final RelationshipType POSTED = RelationshipType.withName("POSTED");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        String what = args.length > 3 ? args[3] : "all";
        if (!what.equals("all") && !what.equals("tweet")) {
            throw new IllegalArgumentException("what must be all or tweet, was " + what);
        }
        if (what.equals("tweet")) { // tweet rows alone, in a fresh JVM (the first round pays the JIT)
            try (GraphStore store = GraphStore.embedded(work)) {
                try (Session s = store.session()) {
                    s.run("UNWIND range(0, 999) AS i CREATE (:Account {id: 'a' + i})").consume();
                }
            }
            tweetRows(work, n, batch);
            return;
        }
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
                    for (int b = 0; b * batch < n; b++) { // the last batch takes the rest: n rows in all
                        List<Map<String, Object>> rows = new ArrayList<>(batch);
                        for (int i = 0; i < Math.min(batch, n - b * batch); i++) {
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
        tweetRows(work, n, batch);
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
                            for (int b = first; b * batch < n; b += threads) {
                                try (Transaction tx = db.beginTx()) {
                                    for (int i = 0; i < Math.min(batch, n - b * batch); i++) {
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

    /**
     * The ceiling for a whole tweet row, the unit of the incremental import: the post with its properties and
     * {@code POSTED} (the 1,000 authors in turn, as above), and the relationships a row of
     * {@code ArchiveGenerator}'s archive carries on average (3.5 in all): 0–3 {@code TAGS} to 5,000 hashtags
     * (skewed), a new {@code Url} node with its {@code LINKS} in 20 % of rows, a {@code MENTIONS} of a random
     * account in 30 %, a {@code RETWEETS} (40 %) or {@code REPLIES_TO} (10 %) of an earlier post. Every end node is
     * given by node id: nothing is looked up or merged, nothing parsed. One transaction per batch, one statement
     * per kind of write (the importer's own shape).
     */
    private static void tweetRows(Path work, int n, int batch) {
        try (GraphStore store = GraphStore.embedded(work)) {
            List<Long> accounts = new ArrayList<>();
            List<Long> hashtags = new ArrayList<>();
            List<Long> earlier = new ArrayList<>();
            try (Session s = store.session()) {
                s.run("UNWIND range(0, 4999) AS i CREATE (:Hashtag {name: 'tag' + i})").consume();
                s.run("MATCH (a:Account) RETURN id(a) AS node").forEachRemaining(r -> accounts.add(r.get(0).asLong()));
                s.run("MATCH (h:Hashtag) RETURN id(h) AS node").forEachRemaining(r -> hashtags.add(r.get(0).asLong()));
                s.run("MATCH (p:Post) RETURN id(p) AS node LIMIT 100000")
                        .forEachRemaining(r -> earlier.add(r.get(0).asLong()));
            }
            SplittableRandom rnd = new SplittableRandom(7);
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                long relationships = 0;
                for (int b = 0; b * batch < n; b++) {
                    List<Map<String, Object>> posts = new ArrayList<>(batch);
                    for (int i = 0; i < Math.min(batch, n - b * batch); i++) {
                        int k = b * batch + i;
                        posts.add(Map.of("author", accounts.get(k % accounts.size()),
                                "props", properties("t" + round + "-" + k, k)));
                    }
                    List<List<Object>> tags = new ArrayList<>();
                    List<List<Object>> links = new ArrayList<>();
                    Map<String, List<List<Object>>> between = new LinkedHashMap<>();
                    List<Long> created = new ArrayList<>(batch);
                    long[] rels = {posts.size()};
                    try (Session s = store.session()) {
                        s.executeWriteWithoutResult(tx -> {
                            tx.run(TWEET_POSTS, Map.of("rows", posts))
                                    .forEachRemaining(r -> created.add(r.get(0).asLong()));
                            for (long post : created) {
                                int nTags = rnd.nextInt(4);
                                for (int t = 0; t < nTags; t++) {
                                    tags.add(List.of(post, hashtags.get(ArchiveGenerator.skewed(rnd, hashtags.size())), t));
                                }
                                if (rnd.nextInt(5) == 0) {
                                    links.add(List.of(post, "https://example.org/" + post));
                                }
                                if (rnd.nextInt(10) < 3) {
                                    between.computeIfAbsent("MENTIONS", x -> new ArrayList<>()).add(List.of(post,
                                            accounts.get(rnd.nextInt(accounts.size()))));
                                }
                                double kind = rnd.nextDouble();
                                if (kind < 0.5 && !earlier.isEmpty()) {
                                    between.computeIfAbsent(kind < 0.4 ? "RETWEETS" : "REPLIES_TO",
                                            x -> new ArrayList<>()).add(List.of(post,
                                            earlier.get(rnd.nextInt(earlier.size()))));
                                }
                            }
                            tx.run(TWEET_TAGS, Map.of("rows", tags)).consume();
                            tx.run(TWEET_LINKS, Map.of("rows", links)).consume();
                            between.forEach((type, pairs) -> tx.run(TWEET_BETWEEN.formatted(type),
                                    Map.of("rows", pairs)).consume());
                            rels[0] += tags.size() + links.size()
                                    + between.values().stream().mapToInt(List::size).sum();
                        });
                    }
                    relationships += rels[0];
                    earlier.addAll(created);
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d  %-58s %,9d rows in %5.2f s: %,7.0f rows/s (%,.0f relationships/s)%n",
                        round, "driver + Cypher, tweet row (post and 3.5 relationships)", n, sec, n / sec,
                        relationships / sec);
            }
        }
    }

    private static final String TWEET_POSTS = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r.author
            CREATE (a)-[:POSTED]->(p:Post)
            SET p = r.props
            RETURN id(p) AS node""";
    private static final String TWEET_TAGS = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r[0]
            MATCH (b) WHERE id(b) = r[1]
            CREATE (a)-[:TAGS {position: r[2]}]->(b)""";
    private static final String TWEET_LINKS = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r[0]
            CREATE (a)-[:LINKS]->(:Url {url: r[1]})""";
    private static final String TWEET_BETWEEN = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r[0]
            MATCH (b) WHERE id(b) = r[1]
            CREATE (a)-[:%s]->(b)""";

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
