package io.lockstep.store;

import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes analysis results back into the store in batches, with parameterised Cypher only. Each {@code replace*}
 * method first removes the previous results of its kind, so re-running an analysis never duplicates anything.
 */
public final class ResultWriter {
    static final int BATCH = 5_000;

    static final String SET_ACCOUNT_PROPERTIES = """
            UNWIND $rows AS row
            MATCH (a:Account {id: row.id})
            SET a += row.props""";
    static final String CLEAR_ACCOUNT_PROPERTIES = """
            MATCH (a:Account) WHERE a[$key] IS NOT NULL
            CALL { WITH a SET a[$key] = null } IN TRANSACTIONS OF 10000 ROWS""";
    static final String CLEAR_PROPERTIES = """
            MATCH (a:Account) WHERE any(key IN $keys WHERE a[key] IS NOT NULL)
            CALL { WITH a SET a += $nulls } IN TRANSACTIONS OF 10000 ROWS""";
    static final String DELETE_COORDINATION = """
            MATCH ()-[c:COORDINATED_WITH]->()
            CALL { WITH c DELETE c } IN TRANSACTIONS OF 10000 ROWS""";
    static final String CREATE_COORDINATION = """
            UNWIND $rows AS row
            MATCH (a:Account {id: row.source}), (b:Account {id: row.target})
            MERGE (a)-[c:COORDINATED_WITH {signal: row.signal}]->(b)
            SET c.weight = row.weight, c.count = row.count, c.evidence = row.evidence""";
    static final String DELETE_CLUSTERS = """
            MATCH (c:Cluster)
            CALL { WITH c DETACH DELETE c } IN TRANSACTIONS OF 1000 ROWS""";
    static final String CREATE_CLUSTERS = """
            UNWIND $rows AS row
            MERGE (c:Cluster {id: row.id})
            SET c += row.props
            WITH c, row
            UNWIND row.members AS member
            MATCH (a:Account {id: member})
            MERGE (a)-[:IN_CLUSTER]->(c)""";
    static final String DELETE_CAMPAIGNS = """
            MATCH (c:Campaign)
            CALL { WITH c DETACH DELETE c } IN TRANSACTIONS OF 1000 ROWS""";
    static final String CREATE_CAMPAIGNS = """
            UNWIND $rows AS row
            MERGE (c:Campaign {id: row.id})
            SET c += row.props
            WITH c, row
            CALL {
              WITH c, row
              UNWIND row.seeds AS seed
              MATCH (a:Account {id: seed})
              MERGE (a)-[:SEEDED]->(c)
            }
            CALL {
              WITH c, row
              UNWIND row.amplifiers AS amplifier
              MATCH (a:Account {id: amplifier})
              MERGE (a)-[:AMPLIFIED]->(c)
            }""";

    private ResultWriter() {
    }

    /**
     * Sets properties on accounts. Each row is {@code {id: accountId, props: {name: value, ...}}}; a property set to
     * null is removed.
     */
    public static void setAccountProperties(GraphStore store, List<Map<String, Object>> rows) {
        inBatches(store, SET_ACCOUNT_PROPERTIES, rows);
    }

    /** Removes a result property from every account (before writing a fresh set). */
    public static void clearAccountProperty(GraphStore store, String key) {
        try (Session session = store.session()) {
            session.run(CLEAR_ACCOUNT_PROPERTIES, Map.of("key", key)).consume();
        }
    }

    /**
     * Replaces all {@code COORDINATED_WITH} relationships. Rows: {@code {source, target, signal, weight, count,
     * evidence}} with account ids and evidence as a JSON string.
     */
    public static void replaceCoordination(GraphStore store, List<Map<String, Object>> rows) {
        try (Session session = store.session()) {
            session.run(DELETE_COORDINATION).consume();
        }
        inBatches(store, CREATE_COORDINATION, rows);
    }

    /** Replaces all clusters. Rows: {@code {id, props: {...}, members: [accountId...]}}. */
    public static void replaceClusters(GraphStore store, List<Map<String, Object>> rows) {
        try (Session session = store.session()) {
            session.run(DELETE_CLUSTERS).consume();
        }
        inBatches(store, CREATE_CLUSTERS, rows, 200);
    }

    /** Replaces all campaigns. Rows: {@code {id, props: {...}, seeds: [...], amplifiers: [...]}}. */
    public static void replaceCampaigns(GraphStore store, List<Map<String, Object>> rows) {
        try (Session session = store.session()) {
            session.run(DELETE_CAMPAIGNS).consume();
        }
        inBatches(store, CREATE_CAMPAIGNS, rows, 100);
    }

    private static void inBatches(GraphStore store, String cypher, List<Map<String, Object>> rows) {
        inBatches(store, cypher, rows, BATCH);
    }

    private static void inBatches(GraphStore store, String cypher, List<Map<String, Object>> rows, int batch) {
        try (Session session = store.session()) {
            for (int from = 0; from < rows.size(); from += batch) {
                List<Map<String, Object>> slice = rows.subList(from, Math.min(rows.size(), from + batch));
                session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", slice)).consume());
            }
        }
    }

    /**
     * Per-account results of one community run on one projection, written as {@code Account} properties named after
     * the projection ({@code retweets_community}, {@code retweets_pagerank}, ...), so that values computed on different
     * graphs never share a name with each other or with {@code analyze}'s {@code community}, {@code pagerank} and
     * {@code coreness}.
     *
     * @param projection  the projection's lower-case name, the property prefix
     * @param accountIds  the account of each index
     * @param community   community of each account
     * @param pagerank    PageRank on the projection, or null when not computed
     * @param coreness    k-core number on the projection, or null when not computed
     * @param betweenness (sampled) betweenness on the projection, or null when not computed
     */
    public record ProjectionResults(String projection, List<String> accountIds, int[] community, double[] pagerank,
                                    int[] coreness, double[] betweenness) {
        public ProjectionResults {
            if (projection == null || !projection.matches("[a-z]+")) {
                throw new IllegalArgumentException("projection must be lower-case letters, got " + projection);
            }
            accountIds = List.copyOf(accountIds);
            int n = accountIds.size();
            if (community == null || community.length != n || (pagerank != null && pagerank.length != n)
                    || (coreness != null && coreness.length != n) || (betweenness != null && betweenness.length != n)) {
                throw new IllegalArgumentException("every result array must hold one value per account (" + n + ")");
            }
        }

        /** The property names this run writes; the ones whose array is null are removed. */
        public List<String> properties() {
            return List.of(projection + "_community", projection + "_pagerank", projection + "_coreness",
                    projection + "_betweenness");
        }
    }

    /**
     * Replaces the properties of {@code results}' projection on every account: all of them are removed first, then
     * set for the accounts of {@code results}. Returns the number of accounts written.
     */
    public static long writeProjectionResults(GraphStore store, ProjectionResults results) {
        List<String> names = results.properties();
        Map<String, Object> nulls = new HashMap<>();
        names.forEach(k -> nulls.put(k, null));
        Map<String, Object> params = new HashMap<>();
        params.put("keys", names);
        params.put("nulls", nulls);
        try (Session session = store.session()) {
            session.run(CLEAR_PROPERTIES, params).consume();
        }
        List<Map<String, Object>> rows = new ArrayList<>(results.accountIds().size());
        for (int i = 0; i < results.accountIds().size(); i++) {
            Map<String, Object> props = new HashMap<>();
            props.put(names.get(0), results.community()[i]);
            if (results.pagerank() != null) {
                props.put(names.get(1), results.pagerank()[i]);
            }
            if (results.coreness() != null) {
                props.put(names.get(2), results.coreness()[i]);
            }
            if (results.betweenness() != null) {
                props.put(names.get(3), results.betweenness()[i]);
            }
            rows.add(Map.of("id", results.accountIds().get(i), "props", props));
        }
        inBatches(store, SET_ACCOUNT_PROPERTIES, rows);
        return rows.size();
    }
}
