package io.lockstep.store;

import org.neo4j.driver.Session;

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
}
