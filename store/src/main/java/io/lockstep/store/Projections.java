package io.lockstep.store;

import io.lockstep.graph.CompactDigraph;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads account-to-account projections of the store into compact graphs for the core algorithms, and writes
 * per-account results (community ids, scores) back as {@code Account} properties (see {@code docs/graph-model.md}).
 *
 * <p>Each projection is one aggregated Cypher query streamed through the driver; account ids are mapped to dense
 * ints once, in order of first appearance. Only accounts that take part in at least one edge of the projection are
 * vertices.
 */
public final class Projections {
    /** Rows per write transaction. */
    static final int BATCH = 10_000;

    /** An account-to-account graph that can be read from the store. */
    public enum Projection {
        /** Retweeter → original author, weighted by the number of retweets (self-retweets dropped). */
        RETWEETS("MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account) WHERE a <> b "
                + "RETURN a.id AS source, b.id AS target, count(*) AS weight"),
        /** Follower → followee, weight 1. */
        FOLLOWS("MATCH (a:Account)-[:FOLLOWS]->(b:Account) WHERE a <> b "
                + "RETURN a.id AS source, b.id AS target, count(*) AS weight"),
        /** Coordinated pairs, weighted by the sum of the signals' weights (1 when a signal has none). */
        COORDINATION("MATCH (a:Account)-[r:COORDINATED_WITH]->(b:Account) WHERE a <> b "
                + "RETURN a.id AS source, b.id AS target, sum(coalesce(r.weight, 1.0)) AS weight"),
        /** Generic interactions from edge-list imports, weighted by their {@code weight} (1 when absent). */
        INTERACTIONS("MATCH (a:Account)-[r:INTERACTS]->(b:Account) WHERE a <> b "
                + "RETURN a.id AS source, b.id AS target, sum(coalesce(r.weight, 1.0)) AS weight");

        final String cypher;

        Projection(String cypher) {
            this.cypher = cypher;
        }

        /** Parses {@code retweets|follows|coordination|interactions}, case-insensitively. */
        public static Projection parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown projection '" + name
                        + "': expected retweets, follows, coordination or interactions", e);
            }
        }
    }

    /**
     * A projection: directed arcs with summed weights; {@link #undirected()} folds direction for community detection.
     *
     * @param accountIds the account id of each vertex
     */
    public record ProjectedGraph(CompactDigraph directed, List<String> accountIds) {
        public ProjectedGraph {
            accountIds = Collections.unmodifiableList(accountIds);
        }

        /** The undirected view: u→v and v→u are folded into one edge whose weight is their sum. */
        public CompactGraph undirected() {
            return directed.toUndirected();
        }

        public int nodeCount() {
            return accountIds.size();
        }
    }

    private Projections() {
    }

    /** Reads {@code projection} from the store. */
    public static ProjectedGraph read(GraphStore store, Projection projection) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(projection, "projection");
        Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
        index.defaultReturnValue(-1);
        List<String> ids = new ArrayList<>();
        IntArrayList src = new IntArrayList();
        IntArrayList dst = new IntArrayList();
        FloatArrayList wt = new FloatArrayList();
        try (Session session = store.session()) {
            session.executeRead(tx -> {
                Result result = tx.run(projection.cypher);
                while (result.hasNext()) {
                    Record r = result.next();
                    src.add(id(r.get("source").asString(), index, ids));
                    dst.add(id(r.get("target").asString(), index, ids));
                    wt.add((float) r.get("weight").asNumber().doubleValue());
                }
                return null;
            });
        }
        CompactDigraph.Builder b = new CompactDigraph.Builder(ids.size());
        for (int i = 0; i < src.size(); i++) {
            b.addArc(src.getInt(i), dst.getInt(i), wt.getFloat(i));
        }
        return new ProjectedGraph(b.build(), ids);
    }

    private static int id(String account, Object2IntOpenHashMap<String> index, List<String> ids) {
        int v = index.getInt(account);
        if (v < 0) {
            v = ids.size();
            index.put(account, v);
            ids.add(account);
        }
        return v;
    }

    /**
     * Replaces {@code Account.community}: removes it from every account, then sets it for the given accounts. Returns
     * the number of accounts written.
     */
    public static long writeCommunities(GraphStore store, List<String> accountIds, int[] membership) {
        if (accountIds.size() != membership.length) {
            throw new IllegalArgumentException(accountIds.size() + " accounts but " + membership.length + " communities");
        }
        clear(store, "community");
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(BATCH, membership.length));
        long written = 0;
        for (int v = 0; v < membership.length; v++) {
            rows.add(Map.of("id", accountIds.get(v), "value", membership[v]));
            if (rows.size() == BATCH) {
                written += set(store, "community", rows);
                rows.clear();
            }
        }
        return written + set(store, "community", rows);
    }

    /**
     * Sets a numeric {@code Account} property (e.g. {@code pagerank}, {@code coreness}) for the given accounts,
     * removing it from all others first. Returns the number of accounts written.
     */
    public static long writeScores(GraphStore store, String property, List<String> accountIds, double[] scores) {
        if (!property.matches("[a-z_]+")) {
            throw new IllegalArgumentException("property must be lower-case letters and '_', was " + property);
        }
        if (accountIds.size() != scores.length) {
            throw new IllegalArgumentException(accountIds.size() + " accounts but " + scores.length + " scores");
        }
        clear(store, property);
        List<Map<String, Object>> rows = new ArrayList<>();
        long written = 0;
        for (int v = 0; v < scores.length; v++) {
            rows.add(Map.of("id", accountIds.get(v), "value", scores[v]));
            if (rows.size() == BATCH) {
                written += set(store, property, rows);
                rows.clear();
            }
        }
        return written + set(store, property, rows);
    }

    /** Reads {@code Account.community} for every account that has one. */
    public static Map<String, Integer> readCommunities(GraphStore store) {
        Map<String, Integer> out = new HashMap<>();
        try (Session session = store.session()) {
            session.executeRead(tx -> {
                Result r = tx.run("MATCH (a:Account) WHERE a.community IS NOT NULL RETURN a.id AS id, a.community AS c");
                while (r.hasNext()) {
                    Record rec = r.next();
                    out.put(rec.get("id").asString(), rec.get("c").asInt());
                }
                return null;
            });
        }
        return out;
    }

    private static void clear(GraphStore store, String property) {
        // property names cannot be parameters; they are checked against [a-z_]+ or fixed by the caller
        try (Session session = store.session()) {
            session.run("MATCH (a:Account) WHERE a." + property + " IS NOT NULL "
                    + "CALL { WITH a REMOVE a." + property + " } IN TRANSACTIONS OF " + BATCH + " ROWS").consume();
        }
    }

    private static long set(GraphStore store, String property, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> batch = List.copyOf(rows);
        try (Session session = store.session()) {
            return session.executeWrite(tx -> tx.run("UNWIND $rows AS row MATCH (a:Account {id: row.id}) "
                    + "SET a." + property + " = row.value RETURN count(a) AS n", Map.of("rows", batch))
                    .single().get("n").asLong());
        }
    }
}
