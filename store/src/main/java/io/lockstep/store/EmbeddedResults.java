package io.lockstep.store;

import io.lockstep.store.ResultWriter.AccountResult;
import org.eclipse.collections.api.map.primitive.MutableIntObjectMap;
import org.eclipse.collections.impl.factory.primitive.IntSets;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.neo4j.exceptions.KernelException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.TokenWrite;
import org.neo4j.internal.kernel.api.Write;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ResultWriter}'s writes on an embedded store, inside explicit transactions of Neo4j's Java API and, for the
 * rows, through the transaction's kernel ({@link Kernel}: Neo4j's internal write API, bound to the pinned 5.26 like
 * the bulk importer's Input API): no Cypher statement per batch, so nothing to parse, plan or interpret per row and
 * no operator code for the JIT to compile in the short-lived command. An account's properties go in one
 * {@code nodeApplyChanges} (one lock, one read of the property chain, one schema check per node, as Cypher's
 * {@code SET} of several properties does); {@code Node.setProperty} per property repeats all three per property
 * and was no cheaper than the Cypher it replaced. The store content is the one {@link ResultWriter}'s Cypher
 * writes over Bolt, type for type (integers as {@code long}, floating point as {@code double}, lists of strings as
 * {@code String[]}, a null value as no property); {@code ResultWriterPathsTest} holds that. Every write transaction is retried after a transient
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
     * Sets the result properties of {@code rows} that {@code parts} names ({@link ResultWriter.AccountPart}: the
     * influence's {@code community}, {@code pagerank}, {@code coreness}; the verdict's {@code cluster},
     * {@code score}, {@code suspicious}, {@code signals}), account {@code rows.get(i)} at node {@code nodes[i]},
     * {@code batch} rows per transaction, all of a node's properties in one kernel call (as Cypher's {@code SET} of
     * several properties does). A node id that holds no account is skipped (as the Cypher's
     * {@code MATCH (a:Account) WHERE id(a) = ...} skips it).
     */
    static void accounts(GraphDatabaseService db, List<AccountResult> rows, long[] nodes,
                         Set<ResultWriter.AccountPart> parts, int batch) {
        boolean influence = parts.contains(ResultWriter.AccountPart.INFLUENCE);
        boolean verdict = parts.contains(ResultWriter.AccountPart.VERDICT);
        for (int from = 0; from < rows.size(); from += batch) {
            int start = from;
            int end = Math.min(rows.size(), from + batch);
            inKernel(db, k -> {
                int community = k.key("community");
                int pagerank = k.key("pagerank");
                int coreness = k.key("coreness");
                int cluster = k.key("cluster");
                int score = k.key("score");
                int suspicious = k.key("suspicious");
                int signals = k.key("signals");
                MutableIntObjectMap<Value> changes = new IntObjectHashMap<>(16);
                for (int i = start; i < end; i++) {
                    if (!k.isAccount(nodes[i])) {
                        continue;
                    }
                    AccountResult r = rows.get(i);
                    changes.clear();
                    if (influence) {
                        changes.put(community, r.community() == null ? Values.NO_VALUE
                                : Values.longValue(r.community()));
                        changes.put(pagerank, Values.doubleValue(r.pagerank()));
                        changes.put(coreness, Values.longValue(r.coreness()));
                    }
                    if (verdict) {
                        changes.put(cluster, r.cluster() == null ? Values.NO_VALUE : Values.longValue(r.cluster()));
                        changes.put(score, Values.doubleValue(r.score()));
                        changes.put(suspicious, Values.booleanValue(r.suspicious()));
                        changes.put(signals, Values.stringArray(strings(r.signals())));
                    }
                    k.write.nodeApplyChanges(nodes[i], IntSets.immutable.empty(), IntSets.immutable.empty(), changes);
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
            inKernel(db, k -> {
                int type = k.type(COORDINATED_WITH.name());
                int signal = k.key("signal");
                int weight = k.key("weight");
                int count = k.key("count");
                int evidence = k.key("evidence");
                MutableIntObjectMap<Value> properties = new IntObjectHashMap<>(8);
                for (int i = start; i < end; i++) {
                    if (!k.isAccount(source[i]) || !k.isAccount(target[i])) {
                        continue;
                    }
                    ResultWriter.CoordinationEdgeResult e = edges.get(i);
                    long r = k.write.relationshipCreate(source[i], type, target[i]);
                    properties.clear();
                    properties.put(signal, Values.stringValue(e.signal()));
                    properties.put(weight, Values.doubleValue(e.weight()));
                    properties.put(count, Values.longValue(e.count()));
                    if (e.evidence() != null) {
                        properties.put(evidence, Values.stringValue(e.evidence()));
                    }
                    k.write.relationshipApplyChanges(r, properties);
                }
            });
        }
    }

    /**
     * Creates a node of {@code label} with {@code id} and {@code properties} (a null value: no property), and a
     * relationship of {@code type} from each account of {@code members} (node ids; ids that hold no account are
     * skipped) to it, in the transaction of {@code k}. Returns the new node's id.
     */
    static long createWithMembers(Kernel k, Label label, Object id, Map<String, ?> properties,
                                  RelationshipType type, long[] members) throws KernelException {
        long n = k.write.nodeCreateWithLabels(new int[] {k.label(label.name())});
        MutableIntObjectMap<Value> values = new IntObjectHashMap<>(properties.size() * 2 + 2);
        values.put(k.key("id"), stored(id));
        for (Map.Entry<String, ?> p : properties.entrySet()) {
            if (p.getValue() != null) {
                values.put(k.key(p.getKey()), stored(p.getValue()));
            }
        }
        k.write.nodeApplyChanges(n, IntSets.immutable.empty(), IntSets.immutable.empty(), values);
        if (members.length > 0) {
            int t = k.type(type.name());
            for (long m : members) {
                if (k.isAccount(m)) {
                    k.write.relationshipCreate(m, t, n);
                }
            }
        }
        return n;
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
            inKernel(db, k -> {
                int t = k.type(type.name());
                int l = k.label(label.name());
                for (int i = start; i < end; i++) {
                    if (k.isAccount(accounts[i]) && k.has(targets[i], l)) {
                        k.write.relationshipCreate(accounts[i], t, targets[i]);
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

    /**
     * One write transaction at the kernel's level (Neo4j's internal API, version-bound like the bulk importer's use):
     * its writer, a node cursor to check labels with, and the tokens by name, each resolved once.
     */
    static final class Kernel {
        final Write write;
        private final Read read;
        private final TokenWrite tokens;
        private final NodeCursor cursor;
        private final int account;
        private final Map<String, Integer> keys = new HashMap<>();

        private Kernel(Transaction tx) throws KernelException {
            KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
            write = ktx.dataWrite();
            read = ktx.dataRead();
            tokens = ktx.tokenWrite();
            cursor = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
            account = label(ACCOUNT.name());
        }

        int key(String name) throws KernelException {
            Integer id = keys.get(name);
            if (id == null) {
                id = tokens.propertyKeyGetOrCreateForName(name);
                keys.put(name, id);
            }
            return id;
        }

        int label(String name) throws KernelException {
            return tokens.labelGetOrCreateForName(name);
        }

        int type(String name) throws KernelException {
            return tokens.relationshipTypeGetOrCreateForName(name);
        }

        /** Whether node {@code id} exists and is an account. */
        boolean isAccount(long id) {
            return has(id, account);
        }

        /** Whether node {@code id} exists and carries label {@code label}. */
        boolean has(long id, int label) {
            read.singleNode(id, cursor);
            return cursor.next() && cursor.hasLabel(label);
        }
    }

    /** Work in a {@link Kernel} transaction. */
    interface KernelWork {
        void run(Kernel k) throws KernelException;
    }

    /** Runs {@code work} in one write transaction and commits it, retried after a transient failure. */
    static void inKernel(GraphDatabaseService db, KernelWork work) {
        inTransaction(db, tx -> {
            try {
                Kernel k = new Kernel(tx);
                try {
                    work.run(k);
                } finally {
                    k.cursor.close();
                }
            } catch (KernelException e) {
                throw new StoreException("writing results failed: " + e.getMessage(), e);
            }
        });
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

    /** A value as the driver's Cypher path stores it ({@link ResultWriter#asBolt}, lists of strings as arrays). */
    private static Value stored(Object value) {
        if (value instanceof List<?> list) {
            return Values.stringArray(strings(list));
        }
        return Values.of(ResultWriter.asBolt(value));
    }

    private static String[] strings(List<?> list) {
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (String) list.get(i);
        }
        return out;
    }
}
