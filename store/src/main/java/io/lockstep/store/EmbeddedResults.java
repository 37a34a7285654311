package io.lockstep.store;

import io.lockstep.store.ResultWriter.AccountResult;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link ResultWriter}'s writes on an embedded store, through Neo4j's Java API inside explicit transactions: no Cypher
 * statement per batch, so nothing to parse, plan or interpret per row, and no operator code for the JIT to compile in
 * the short-lived command. The store content is the one {@link ResultWriter}'s Cypher writes over Bolt, type for type
 * (integers as {@code long}, floating point as {@code double}, lists of strings as {@code String[]}, a null value as
 * no property); {@code ResultWriterPathsTest} holds that. Every write transaction is retried after a transient
 * failure as the driver retries its own ({@link TransientRetry}).
 *
 * <p>Cost: one node lookup by id per account row (the node's record, no index), the kernel's property writes and
 * their index updates ({@code account_community}, {@code account_cluster}), and the commit; linear in rows written.
 * Deterministic: rows are written in the order given.
 */
final class EmbeddedResults {
    static final Label ACCOUNT = Label.label("Account");
    static final Label CLUSTER = Label.label("Cluster");
    static final Label CAMPAIGN = Label.label("Campaign");
    static final RelationshipType COORDINATED_WITH = RelationshipType.withName("COORDINATED_WITH");
    static final RelationshipType IN_CLUSTER = RelationshipType.withName("IN_CLUSTER");

    private EmbeddedResults() {
    }

    /**
     * Sets the seven result properties of {@code rows}, account {@code rows.get(i)} at node {@code nodes[i]},
     * {@code batch} rows per transaction. A node id that holds no account is skipped (as the Cypher's
     * {@code MATCH (a:Account) WHERE id(a) = ...} skips it).
     */
    static void accounts(GraphDatabaseService db, List<AccountResult> rows, long[] nodes, int batch) {
        for (int from = 0; from < rows.size(); from += batch) {
            int start = from;
            int end = Math.min(rows.size(), from + batch);
            inTransaction(db, tx -> {
                for (int i = start; i < end; i++) {
                    Node a = account(tx, nodes[i]);
                    if (a == null) {
                        continue;
                    }
                    AccountResult r = rows.get(i);
                    setOrRemove(a, "community", r.community() == null ? null : r.community().longValue());
                    a.setProperty("pagerank", r.pagerank());
                    a.setProperty("coreness", (long) r.coreness());
                    setOrRemove(a, "cluster", r.cluster() == null ? null : r.cluster().longValue());
                    a.setProperty("score", r.score());
                    a.setProperty("suspicious", r.suspicious());
                    a.setProperty("signals", strings(r.signals()));
                }
            });
        }
    }

    /**
     * Creates one {@code COORDINATED_WITH} relationship per edge, {@code source[i]} to {@code target[i]} (node ids),
     * {@code batch} per transaction; an edge whose ends are not both accounts is skipped.
     */
    static void coordination(GraphDatabaseService db, List<ResultWriter.CoordinationEdgeResult> edges, long[] source,
                             long[] target, int batch) {
        for (int from = 0; from < edges.size(); from += batch) {
            int start = from;
            int end = Math.min(edges.size(), from + batch);
            inTransaction(db, tx -> {
                for (int i = start; i < end; i++) {
                    Node a = account(tx, source[i]);
                    Node b = account(tx, target[i]);
                    if (a == null || b == null) {
                        continue;
                    }
                    ResultWriter.CoordinationEdgeResult e = edges.get(i);
                    Relationship r = a.createRelationshipTo(b, COORDINATED_WITH);
                    r.setProperty("signal", e.signal());
                    r.setProperty("weight", e.weight());
                    r.setProperty("count", (long) e.count());
                    setOrRemove(r, "evidence", e.evidence());
                }
            });
        }
    }

    /**
     * Creates a node of {@code label} with {@code id} and {@code properties} (a null value: no property), and a
     * relationship of {@code type} from each account of {@code members} (node ids; ids that hold no account are
     * skipped) to it, all in the transaction {@code tx}. Returns the new node's id.
     */
    @SuppressWarnings("deprecation") // node ids are the write-back's addresses; element ids would be parsed back
    static long createWithMembers(Transaction tx, Label label, Object id, Map<String, ?> properties,
                                  RelationshipType type, long[] members) {
        Node n = tx.createNode(label);
        n.setProperty("id", id);
        properties.forEach((k, v) -> setOrRemove(n, k, v));
        for (long m : members) {
            Node a = account(tx, m);
            if (a != null) {
                a.createRelationshipTo(n, type);
            }
        }
        return n.getId();
    }

    /**
     * Creates a relationship of {@code type} from account {@code accounts[i]} to node {@code targets[i]} (node ids),
     * {@code batch} per transaction; a pair whose account is missing or whose target is not a {@code label} node is
     * skipped.
     */
    static void roles(GraphDatabaseService db, Label label, RelationshipType type, long[] accounts, long[] targets,
                      int batch) {
        for (int from = 0; from < accounts.length; from += batch) {
            int start = from;
            int end = Math.min(accounts.length, from + batch);
            inTransaction(db, tx -> {
                for (int i = start; i < end; i++) {
                    Node a = account(tx, accounts[i]);
                    Node c = node(tx, targets[i], label);
                    if (a != null && c != null) {
                        a.createRelationshipTo(c, type);
                    }
                }
            });
        }
    }

    /** Deletes every relationship of {@code type}, {@code batch} per transaction. */
    @SuppressWarnings("deprecation")
    static void deleteRelationships(GraphDatabaseService db, RelationshipType type, int batch) {
        long[] ids;
        try (Transaction tx = db.beginTx(); ResourceIterator<Relationship> all = tx.findRelationships(type)) {
            ids = all.stream().mapToLong(Relationship::getId).toArray();
        }
        for (int from = 0; from < ids.length; from += batch) {
            int start = from;
            int end = Math.min(ids.length, from + batch);
            inTransaction(db, tx -> {
                for (int i = start; i < end; i++) {
                    try {
                        tx.getRelationshipById(ids[i]).delete();
                    } catch (NotFoundException gone) {
                        // deleted meanwhile by another writer: nothing left to do
                    }
                }
            });
        }
    }

    /** Deletes every node of {@code label} with its relationships, {@code batch} nodes per transaction. */
    @SuppressWarnings("deprecation")
    static void detachDeleteNodes(GraphDatabaseService db, Label label, int batch) {
        long[] ids;
        try (Transaction tx = db.beginTx(); ResourceIterator<Node> all = tx.findNodes(label)) {
            ids = all.stream().mapToLong(Node::getId).toArray();
        }
        for (int from = 0; from < ids.length; from += batch) {
            int start = from;
            int end = Math.min(ids.length, from + batch);
            inTransaction(db, tx -> {
                for (int i = start; i < end; i++) {
                    Node n;
                    try {
                        n = tx.getNodeById(ids[i]);
                    } catch (NotFoundException gone) {
                        continue;
                    }
                    n.getRelationships().forEach(Relationship::delete);
                    n.delete();
                }
            });
        }
    }

    /** Runs {@code work} in one write transaction and commits it, retried after a transient failure. */
    static void inTransaction(GraphDatabaseService db, Consumer<Transaction> work) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = db.beginTx()) {
                work.accept(tx);
                tx.commit();
                return;
            } catch (RuntimeException e) {
                if (!TransientRetry.isTransient(e) || attempt >= TransientRetry.ATTEMPTS) {
                    throw e;
                }
                TransientRetry.backOff(attempt);
            }
        }
    }

    /** The account at node {@code id}, or null when there is no node or it is not an account. */
    static Node account(Transaction tx, long id) {
        return node(tx, id, ACCOUNT);
    }

    @SuppressWarnings("deprecation")
    private static Node node(Transaction tx, long id, Label label) {
        Node n;
        try {
            n = tx.getNodeById(id);
        } catch (NotFoundException e) {
            return null;
        }
        return n.hasLabel(label) ? n : null;
    }

    /** Sets {@code key} to {@code value} as Cypher's {@code SET} would: a null value removes the property. */
    private static void setOrRemove(org.neo4j.graphdb.Entity e, String key, Object value) {
        if (value == null) {
            e.removeProperty(key);
        } else {
            e.setProperty(key, stored(value));
        }
    }

    /** A value as the driver's Cypher path stores it ({@link ResultWriter#asBolt}, lists of strings as arrays). */
    private static Object stored(Object value) {
        if (value instanceof List<?> list) {
            return strings(list);
        }
        return ResultWriter.asBolt(value);
    }

    private static String[] strings(List<?> list) {
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (String) list.get(i);
        }
        return out;
    }
}
