package io.lockstep.store;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes analysis results back into the store in large batches. Each {@code replace*} method first removes the
 * previous results of its kind, so re-running an analysis never duplicates anything. Accounts are addressed by node
 * id ({@link AccountNodes}, read once per write-back), not through the {@code Account.id} index,
 * {@value #COLUMN_BATCH} rows per transaction. On an embedded store the account results, coordination edges, clusters
 * and campaigns go through Neo4j's Java API ({@link EmbeddedResults}: no Cypher to parse, plan and interpret per
 * batch, which was a third of the write-back threads' CPU and much of the JIT's work while they ran); on a remote
 * store through parameterised Cypher over the driver, accounts and coordination edges column by column (one
 * parameter list per property, cheap to encode and to read). Both leave the same store content
 * ({@code ResultWriterPathsTest}). The other writes run their Cypher in-process on an embedded store
 * ({@code Transaction.execute}) and through the driver on a remote one.
 */
public final class ResultWriter {
    /** Rows per transaction for accounts and coordination edges. */
    static final int COLUMN_BATCH = 20_000;

    static final String SET_ACCOUNT_RESULTS = """
            UNWIND range(0, size($node) - 1) AS i
            MATCH (a:Account) WHERE id(a) = $node[i]
            SET a.community = $community[i], a.pagerank = $pagerank[i], a.coreness = $coreness[i],
                a.cluster = $cluster[i], a.score = $score[i], a.suspicious = $suspicious[i],
                a.signals = $signals[i]""";
    static final String SET_ACCOUNT_INFLUENCE = """
            UNWIND range(0, size($node) - 1) AS i
            MATCH (a:Account) WHERE id(a) = $node[i]
            SET a.community = $community[i], a.pagerank = $pagerank[i], a.coreness = $coreness[i]""";
    static final String SET_ACCOUNT_VERDICTS = """
            UNWIND range(0, size($node) - 1) AS i
            MATCH (a:Account) WHERE id(a) = $node[i]
            SET a.cluster = $cluster[i], a.score = $score[i], a.suspicious = $suspicious[i],
                a.signals = $signals[i]""";
    static final String ACCOUNT_NODES = "MATCH (a:Account) RETURN a.id AS id, id(a) AS node";
    /** The id of the account at each node id given, in order (null where no account is). */
    static final String CHECK_ACCOUNT_NODES = """
            UNWIND $nodes AS n
            OPTIONAL MATCH (a:Account) WHERE id(a) = n
            RETURN a.id AS id""";
    static final String MERGE_ACCOUNTS = """
            UNWIND range(0, size($id) - 1) AS i
            MERGE (a:Account {id: $id[i]})
            ON CREATE SET a.screen_name = $screen_name[i]""";
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
            UNWIND range(0, size($source) - 1) AS i
            MATCH (a:Account) WHERE id(a) = $source[i]
            MATCH (b:Account) WHERE id(b) = $target[i]
            CREATE (a)-[:COORDINATED_WITH {signal: $signal[i], weight: $weight[i], count: $count[i],
                                           evidence: $evidence[i]}]->(b)""";
    /** Removes every node of the label filled in, with its relationships, 1,000 nodes per transaction. */
    private static final String DELETE_ALL = """
            MATCH (c:%s)
            CALL { WITH c DETACH DELETE c } IN TRANSACTIONS OF 1000 ROWS""";
    static final String DELETE_CLUSTERS = DELETE_ALL.formatted("Cluster");
    static final String CREATE_CLUSTERS = """
            UNWIND $rows AS row
            CREATE (c:Cluster {id: row.id})
            SET c += row.props
            WITH c, row
            UNWIND row.members AS member
            MATCH (a:Account) WHERE id(a) = member
            CREATE (a)-[:IN_CLUSTER]->(c)""";
    static final String DELETE_CAMPAIGNS = DELETE_ALL.formatted("Campaign");
    /** Creates the campaigns and returns each one's node id (for its roles). */
    static final String CREATE_CAMPAIGNS = """
            UNWIND $rows AS row
            CREATE (c:Campaign {id: row.id})
            SET c += row.props
            RETURN row.id AS id, id(c) AS node""";
    /**
     * One role per row: {@code $campaign[i]} a campaign's node id, {@code $account[i]} an account's node id (both
     * addressed by node id: a campaign index seek per role was most of this statement's time).
     */
    private static final String CREATE_CAMPAIGN_ROLES = """
            UNWIND range(0, size($campaign) - 1) AS i
            MATCH (c:Campaign) WHERE id(c) = $campaign[i]
            MATCH (a:Account) WHERE id(a) = $account[i]
            CREATE (a)-[:%s]->(c)""";
    static final String CREATE_SEEDED = CREATE_CAMPAIGN_ROLES.formatted("SEEDED");
    static final String CREATE_AMPLIFIED = CREATE_CAMPAIGN_ROLES.formatted("AMPLIFIED");


    /**
     * One account's results (docs/graph-model.md, "Results").
     *
     * @param id         the account id
     * @param community  community id, or null for an account without one
     * @param pagerank   PageRank
     * @param coreness   k-core number
     * @param cluster    coordinated cluster id, or null
     * @param score      coordination score in [0, 1]
     * @param suspicious the verdict
     * @param signals    names of the signals that flagged it
     */
    public record AccountResult(String id, Integer community, double pagerank, int coreness, Integer cluster,
                                double score, boolean suspicious, List<String> signals) {
        public AccountResult {
            Objects.requireNonNull(id, "id");
            signals = List.copyOf(signals);
        }
    }

    /**
     * One {@code COORDINATED_WITH} relationship.
     *
     * @param source   account id (the lower of the pair)
     * @param target   account id
     * @param signal   signal name
     * @param weight   edge weight
     * @param count    number of shared items
     * @param evidence items shared and their times, as a JSON string
     */
    public record CoordinationEdgeResult(String source, String target, String signal, double weight, int count,
                                     String evidence) {
        public CoordinationEdgeResult {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(signal, "signal");
        }
    }

    /**
     * One coordinated cluster and its members.
     *
     * @param firstSeen epoch seconds, or null when unknown
     * @param lastSeen  epoch seconds, or null when unknown
     * @param members   account ids
     */
    public record ClusterResult(int id, String kind, int size, double score, List<String> signals,
                                List<String> topHashtags, Long firstSeen, Long lastSeen, List<String> members) {
        public ClusterResult {
            signals = List.copyOf(signals);
            topHashtags = List.copyOf(topHashtags);
            members = List.copyOf(members);
        }
    }

    /**
     * One hashtag campaign.
     *
     * @param id         unique key (hashtag and start)
     * @param seeds      account ids of the first posters
     * @param amplifiers account ids of the amplifiers
     */
    public record CampaignResult(String id, String hashtag, long start, long end, double volumeShare,
                                 List<String> seeds, List<String> amplifiers) {
        public CampaignResult {
            Objects.requireNonNull(id, "id");
            seeds = List.copyOf(seeds);
            amplifiers = List.copyOf(amplifiers);
        }
    }

    private ResultWriter() {
    }

    /**
     * The store's accounts by id, as node ids: read once (one label scan) and then used to address accounts by node
     * id instead of looking each one up in the {@code Account.id} index (on a store just bulk-loaded, the index seeks
     * were most of the write-back's time). Valid while no account is deleted, i.e. for one write-back.
     */
    public static final class AccountNodes {
        private final Object2LongOpenHashMap<String> nodes;

        private AccountNodes(Object2LongOpenHashMap<String> nodes) {
            this.nodes = nodes;
            nodes.defaultReturnValue(-1);
        }

        /** Account {@code ids.get(i)} is node {@code nodes[i]} (as a bulk load numbered them). */
        public static AccountNodes of(List<String> ids, int[] nodes) {
            if (ids.size() != nodes.length) {
                throw new IllegalArgumentException("ids and nodes must be as many, were " + ids.size() + " and "
                        + nodes.length);
            }
            Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>(nodes.length);
            for (int i = 0; i < nodes.length; i++) {
                map.put(ids.get(i), nodes[i]);
            }
            return new AccountNodes(map);
        }

        /**
         * Whether {@code store} holds these accounts at these node ids, checked on up to {@code sample} of them spread
         * evenly (all of them when fewer), and holds no other account.
         */
        public boolean agreesWith(GraphStore store, int sample) {
            List<String> ids = new ArrayList<>(nodes.keySet());
            int step = Math.max(1, ids.size() / Math.max(1, sample));
            List<Long> checked = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += step) {
                checked.add(nodes.getLong(ids.get(i)));
                expected.add(ids.get(i));
            }
            try (Session session = store.session()) {
                List<String> found = session.run(CHECK_ACCOUNT_NODES, Map.of("nodes", checked))
                        .list(r -> r.get(0).isNull() ? null : r.get(0).asString());
                long accounts = session.run("MATCH (a:Account) RETURN count(a)").single().get(0).asLong();
                return found.equals(expected) && accounts == ids.size();
            }
        }

        /** Reads every account's node id from {@code store}. */
        public static AccountNodes read(GraphStore store) {
            Object2LongOpenHashMap<String> nodes = new Object2LongOpenHashMap<>();
            try (Session session = store.session()) {
                session.run(ACCOUNT_NODES).forEachRemaining(r -> {
                    Value id = r.get(0);
                    if (!id.isNull()) {
                        nodes.put(id.asString(), r.get(1).asLong());
                    }
                });
            }
            return new AccountNodes(nodes);
        }

        /** The node id of account {@code id}, or -1 when the store holds no such account. */
        public long node(String id) {
            return nodes.getLong(id);
        }

        /** The node ids of those of {@code ids} the store holds, in order. */
        List<Long> nodes(List<String> ids) {
            List<Long> out = new ArrayList<>(ids.size());
            for (String id : ids) {
                long n = node(id);
                if (n >= 0) {
                    out.add(n);
                }
            }
            return out;
        }
    }

    /** Sets the result properties of the given accounts (a null community or cluster removes the property). */
    public static void writeAccountResults(GraphStore store, List<AccountResult> accounts) {
        writeAccountResults(store, accounts, AccountNodes.read(store));
    }

    /**
     * As above, with the accounts' node ids read before; accounts the store does not hold are skipped. In node id
     * order, {@value #ACCOUNT_STREAMS} streams of transactions at once, each on its own range of node ids (no two
     * transactions touch the same node, so none waits for another's locks).
     */
    public static void writeAccountResults(GraphStore store, List<AccountResult> accounts, AccountNodes nodes) {
        writeAccountResults(store, accounts, nodes, true, COLUMN_BATCH, ACCOUNT_STREAMS);
    }

    /** Concurrent streams of transactions writing account results. */
    public static final int ACCOUNT_STREAMS = 2;

    /**
     * The two halves of an account's results: what communities and influence give ({@code community},
     * {@code pagerank}, {@code coreness}), known before coordination detection ends, and the verdict
     * ({@code cluster}, {@code score}, {@code suspicious}, {@code signals}). Written together, or one after the other
     * in either order: the store then holds the same properties with the same values and types.
     */
    public enum AccountPart {
        INFLUENCE, VERDICT
    }

    /**
     * As {@link #writeAccountResults(GraphStore, List, AccountNodes)}, only the properties of {@code part}, in
     * {@code streams} streams of transactions (1: all on the calling thread); the values of the other part in
     * {@code accounts} are not read (a caller that writes the influence before the verdict exists may give any
     * verdict there).
     */
    public static void writeAccountResults(GraphStore store, List<AccountResult> accounts, AccountNodes nodes,
                                           AccountPart part, int streams) {
        writeAccountResults(store, accounts, nodes, EnumSet.of(part), true, COLUMN_BATCH, streams);
    }

    /** As above, the properties of every part of {@code parts} (at least one). */
    public static void writeAccountResults(GraphStore store, List<AccountResult> accounts, AccountNodes nodes,
                                           Set<AccountPart> parts, int streams) {
        writeAccountResults(store, accounts, nodes, parts, true, COLUMN_BATCH, streams);
    }

    /**
     * As above, both parts; {@code byNode}: in node id order (the records' order in the store's files) rather than
     * the given order, {@code batch} rows per transaction, {@code streams} transactions at once (each stream a
     * contiguous part of that order, on its own thread and session). {@link ResultWriterBenchmark} compares the
     * shapes.
     */
    static void writeAccountResults(GraphStore store, List<AccountResult> accounts, AccountNodes nodes,
                                    boolean byNode, int batch, int streams) {
        writeAccountResults(store, accounts, nodes, EnumSet.allOf(AccountPart.class), byNode, batch, streams);
    }

    /** As above, the properties of {@code parts} only. */
    static void writeAccountResults(GraphStore store, List<AccountResult> accounts, AccountNodes nodes,
                                    Set<AccountPart> parts, boolean byNode, int batch, int streams) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts must name at least one part of the account results");
        }
        if (streams < 1) {
            throw new IllegalArgumentException("streams must be at least 1, was " + streams);
        }
        List<AccountResult> held = accounts.stream().filter(a -> nodes.node(a.id()) >= 0).toList();
        if (byNode) {
            held = new ArrayList<>(held);
            held.sort(Comparator.comparingLong(a -> nodes.node(a.id())));
        }
        boolean influence = parts.contains(AccountPart.INFLUENCE);
        boolean verdict = parts.contains(AccountPart.VERDICT);
        Map<String, Function<AccountResult, ?>> columns = new HashMap<>();
        columns.put("node", a -> nodes.node(a.id()));
        if (influence) {
            columns.put("community", AccountResult::community);
            columns.put("pagerank", AccountResult::pagerank);
            columns.put("coreness", AccountResult::coreness);
        }
        if (verdict) {
            columns.put("cluster", AccountResult::cluster);
            columns.put("score", AccountResult::score);
            columns.put("suspicious", AccountResult::suspicious);
            columns.put("signals", AccountResult::signals);
        }
        String cypher = !verdict ? SET_ACCOUNT_INFLUENCE : !influence ? SET_ACCOUNT_VERDICTS : SET_ACCOUNT_RESULTS;
        Set<AccountPart> written = Set.copyOf(parts);
        GraphDatabaseService db = store.embeddedDatabase();
        Consumer<List<AccountResult>> writer = db == null
                ? part -> inColumns(store, cypher, part, batch, columns)
                : part -> EmbeddedResults.accounts(db, part, part.stream().mapToLong(a -> nodes.node(a.id()))
                        .toArray(), written, batch);
        int ranges = Math.max(1, Math.min(streams, held.size() / batch));
        if (ranges == 1) {
            writer.accept(held);
            return;
        }
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < ranges; k++) {
            List<AccountResult> part = held.subList(held.size() * k / ranges, held.size() * (k + 1) / ranges);
            Thread t = new Thread(() -> {
                try {
                    writer.accept(part);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "lockstep-write-back-" + k);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while writing account results", e);
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error err) {
                throw err;
            }
            throw new StoreException("writing account results failed", first);
        }
    }

    /** An account node for results written without the archive: its id and screen name (may be null). */
    public record AccountNode(String id, String screenName) {
        public AccountNode {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Creates the accounts that are missing (id and screen name), for results written to a store that does not hold
     * the archive; existing accounts are left as they are.
     */
    public static void mergeAccounts(GraphStore store, List<AccountNode> accounts) {
        inColumns(store, MERGE_ACCOUNTS, accounts, Map.of("id", AccountNode::id, "screen_name",
                AccountNode::screenName));
    }

    /** Removes a result property from every account (before writing a fresh set). */
    public static void clearAccountProperty(GraphStore store, String key) {
        try (Session session = store.session()) {
            session.run(CLEAR_ACCOUNT_PROPERTIES, Map.of("key", key)).consume();
        }
    }

    /** Replaces all {@code COORDINATED_WITH} relationships by {@code edges} (one relationship each). */
    public static void replaceCoordination(GraphStore store, List<CoordinationEdgeResult> edges) {
        replaceCoordination(store, edges, AccountNodes.read(store));
    }

    /** As above, with the accounts' node ids read before; an edge to an account the store lacks is skipped. */
    public static void replaceCoordination(GraphStore store, List<CoordinationEdgeResult> edges, AccountNodes nodes) {
        List<CoordinationEdgeResult> held = edges.stream()
                .filter(e -> nodes.node(e.source()) >= 0 && nodes.node(e.target()) >= 0).toList();
        GraphDatabaseService db = store.embeddedDatabase();
        if (db != null) {
            EmbeddedResults.deleteRelationships(db, EmbeddedResults.COORDINATED_WITH, DELETE_BATCH);
            EmbeddedResults.coordination(db, held, held.stream().mapToLong(e -> nodes.node(e.source())).toArray(),
                    held.stream().mapToLong(e -> nodes.node(e.target())).toArray(), COLUMN_BATCH);
            return;
        }
        run(store, DELETE_COORDINATION);
        inColumns(store, CREATE_COORDINATION, held, Map.of("source", e -> nodes.node(e.source()),
                "target", e -> nodes.node(e.target()), "signal", CoordinationEdgeResult::signal,
                "weight", CoordinationEdgeResult::weight, "count", CoordinationEdgeResult::count,
                "evidence", CoordinationEdgeResult::evidence));
    }

    /** Replaces all clusters and their {@code IN_CLUSTER} memberships. */
    public static void replaceClusters(GraphStore store, List<ClusterResult> clusters) {
        replaceClusters(store, clusters, AccountNodes.read(store));
    }

    /** As above, with the accounts' node ids read before; members the store lacks are left out. */
    public static void replaceClusters(GraphStore store, List<ClusterResult> clusters, AccountNodes nodes) {
        GraphDatabaseService db = deleteAll(store, EmbeddedResults.CLUSTER, DELETE_CLUSTERS);
        if (db != null) {
            for (int from = 0; from < clusters.size(); from += CLUSTER_BATCH) {
                List<ClusterResult> slice = clusters.subList(from, Math.min(clusters.size(), from + CLUSTER_BATCH));
                EmbeddedResults.inKernel(db, k -> {
                    for (ClusterResult c : slice) {
                        EmbeddedResults.createWithMembers(k, EmbeddedResults.CLUSTER, c.id(), clusterProperties(c),
                                EmbeddedResults.IN_CLUSTER, nodes.nodes(c.members()).stream().mapToLong(Long::longValue)
                                        .toArray());
                    }
                });
            }
            return;
        }
        inBatches(store, CREATE_CLUSTERS, clusters.stream().map(c -> Map.of("id", c.id(),
                "members", nodes.nodes(c.members()), "props", clusterProperties(c))).toList(), CLUSTER_BATCH);
    }

    /**
     * Deletes every node of {@code label} with its relationships, 1,000 nodes per transaction: in the kernel of an
     * embedded store, else through {@code cypher} ({@link #DELETE_ALL} filled in with the label). Returns the
     * embedded database, null for a server.
     */
    private static GraphDatabaseService deleteAll(GraphStore store, Label label, String cypher) {
        GraphDatabaseService db = store.embeddedDatabase();
        if (db != null) {
            EmbeddedResults.detachDeleteNodes(db, label, 1_000);
        } else {
            run(store, cypher);
        }
        return db;
    }

    /** Clusters per transaction. */
    private static final int CLUSTER_BATCH = 200;
    /** Relationships deleted per transaction when results are replaced. */
    private static final int DELETE_BATCH = 10_000;

    private static Map<String, Object> clusterProperties(ClusterResult c) {
        return properties("kind", c.kind(), "size", c.size(), "score", c.score(), "signals", c.signals(),
                "top_hashtags", c.topHashtags(), "first_seen", c.firstSeen(), "last_seen", c.lastSeen());
    }

    /**
     * Replaces all campaigns and their {@code SEEDED} and {@code AMPLIFIED} roles. Campaigns sharing an id are one
     * node (the last one's properties, the union of the roles), and an account holds a role at most once.
     */
    public static void replaceCampaigns(GraphStore store, List<CampaignResult> campaigns) {
        replaceCampaigns(store, campaigns, AccountNodes.read(store));
    }

    /** As above, with the accounts' node ids read before; roles of accounts the store lacks are left out. */
    public static void replaceCampaigns(GraphStore store, List<CampaignResult> campaigns, AccountNodes nodes) {
        GraphDatabaseService db = deleteAll(store, EmbeddedResults.CAMPAIGN, DELETE_CAMPAIGNS);
        Map<String, CampaignResult> byId = new LinkedHashMap<>();
        Map<String, Set<String>> seeds = new HashMap<>();
        Map<String, Set<String>> amplifiers = new HashMap<>();
        for (CampaignResult c : campaigns) {
            byId.put(c.id(), c);
            seeds.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).addAll(c.seeds());
            amplifiers.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).addAll(c.amplifiers());
        }
        List<Map<String, Object>> rows = byId.values().stream().map(c -> Map.<String, Object>of("id", c.id(),
                "props", properties("hashtag", c.hashtag(), "start", c.start(), "end", c.end(),
                        "volume_share", c.volumeShare()))).toList();
        Object2LongOpenHashMap<String> campaignNodes = new Object2LongOpenHashMap<>();
        for (int from = 0; from < rows.size(); from += COLUMN_BATCH) {
            List<Map<String, Object>> slice = rows.subList(from, Math.min(rows.size(), from + COLUMN_BATCH));
            Map<String, Long> created = new HashMap<>();
            if (db != null) {
                EmbeddedResults.inKernel(db, k -> {
                    created.clear(); // a retried transaction starts again
                    for (Map<String, Object> row : slice) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> props = (Map<String, Object>) row.get("props");
                        created.put((String) row.get("id"), EmbeddedResults.createWithMembers(k,
                                EmbeddedResults.CAMPAIGN, row.get("id"), props, null, new long[0]));
                    }
                });
            } else {
                write(store, CREATE_CAMPAIGNS, Map.of("rows", slice), (id, node) -> created.put((String) id, node));
            }
            campaignNodes.putAll(created);
        }
        List<CampaignRole> seeded = new ArrayList<>();
        List<CampaignRole> amplified = new ArrayList<>();
        byId.keySet().forEach(id -> {
            long campaign = campaignNodes.getLong(id);
            nodes.nodes(List.copyOf(seeds.get(id))).forEach(a -> seeded.add(new CampaignRole(campaign, a)));
            nodes.nodes(List.copyOf(amplifiers.get(id))).forEach(a -> amplified.add(new CampaignRole(campaign, a)));
        });
        // in account order: each role's writes then go to the account records one page after the other
        seeded.sort(CampaignRole.BY_ACCOUNT);
        amplified.sort(CampaignRole.BY_ACCOUNT);
        if (db != null) {
            for (var roles : List.of(Map.entry("SEEDED", seeded), Map.entry("AMPLIFIED", amplified))) {
                EmbeddedResults.roles(db, EmbeddedResults.CAMPAIGN, RelationshipType.withName(roles.getKey()),
                        roles.getValue().stream().mapToLong(CampaignRole::account).toArray(),
                        roles.getValue().stream().mapToLong(CampaignRole::campaign).toArray(), COLUMN_BATCH);
            }
            return;
        }
        Map<String, Function<CampaignRole, ?>> columns = Map.of("campaign", CampaignRole::campaign,
                "account", CampaignRole::account);
        inColumns(store, CREATE_SEEDED, seeded, columns);
        inColumns(store, CREATE_AMPLIFIED, amplified, columns);
    }

    /** A campaign's and an account's node ids. */
    private record CampaignRole(long campaign, long account) {
        static final Comparator<CampaignRole> BY_ACCOUNT =
                Comparator.comparingLong(CampaignRole::account).thenComparingLong(CampaignRole::campaign);
    }

    /** Runs a statement in an implicit transaction (its {@code CALL ... IN TRANSACTIONS} needs one): over Bolt. */
    private static void run(GraphStore store, String cypher) {
        try (Session session = store.session()) {
            session.run(cypher).consume();
        }
    }

    /**
     * Runs {@code cypher} with {@code params} in one write transaction: in-process on an embedded store, retried
     * after a transient failure as the driver's {@code executeWrite} does, or through the driver. {@code rows}, when
     * not null, receives each result row's first two columns (a string and an integer).
     */
    private static void write(GraphStore store, String cypher, Map<String, Object> params,
                              RowSink rows) {
        GraphDatabaseService db = store.embeddedDatabase();
        if (db == null) {
            try (Session session = store.session()) {
                session.executeWriteWithoutResult(tx -> {
                    var result = tx.run(cypher, params);
                    if (rows == null) {
                        result.consume();
                    } else {
                        result.forEachRemaining(r -> rows.accept(r.get(0).asObject(), r.get(1).asLong()));
                    }
                });
            }
            return;
        }
        Map<String, Object> inProcess = asBolt(params);
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = db.beginTx(); Result result = tx.execute(cypher, inProcess)) {
                List<Object[]> read = new ArrayList<>();
                if (rows != null) {
                    List<String> names = result.columns();
                    result.forEachRemaining(r -> read.add(new Object[] {r.get(names.get(0)),
                            ((Number) r.get(names.get(1))).longValue()}));
                } else {
                    result.accept(r -> true);
                }
                tx.commit();
                if (rows != null) {
                    read.forEach(r -> rows.accept(r[0], (Long) r[1]));
                }
                return;
            } catch (RuntimeException e) {
                if (!TransientRetry.isTransient(e) || attempt >= TransientRetry.ATTEMPTS) {
                    throw e;
                }
                TransientRetry.backOff(attempt);
            }
        }
    }

    /** A result row of {@link #write}: its first column and its second (an integer). */
    private interface RowSink {
        void accept(Object first, long second);
    }

    /**
     * {@code value} as the driver would hand it to Neo4j: Bolt has 64-bit integers and floats only, so an
     * {@code Integer} is stored as a {@code Long} and a {@code Float} as a {@code Double}, in lists and maps too.
     * In-process parameters are converted the same way, so both paths store the same property types.
     */
    @SuppressWarnings("unchecked")
    static <T> T asBolt(T value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return (T) Long.valueOf(((Number) value).longValue());
        }
        if (value instanceof Float f) {
            return (T) Double.valueOf(f);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(asBolt(o));
            }
            return (T) out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new HashMap<>(map.size() * 2);
            map.forEach((k, v) -> out.put(k, asBolt(v)));
            return (T) out;
        }
        return value;
    }

    /** A property map from alternating names and values; unlike {@link Map#of} it takes null values. */
    private static Map<String, Object> properties(Object... namesAndValues) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    /** Runs {@code cypher} once per batch of rows, each column a list parameter named after it. */
    private static <T> void inColumns(GraphStore store, String cypher, List<T> rows,
                                      Map<String, Function<T, ?>> columns) {
        inColumns(store, cypher, rows, COLUMN_BATCH, columns);
    }

    private static <T> void inColumns(GraphStore store, String cypher, List<T> rows, int batch,
                                      Map<String, Function<T, ?>> columns) {
        for (int from = 0; from < rows.size(); from += batch) {
            List<T> slice = rows.subList(from, Math.min(rows.size(), from + batch));
            Map<String, Object> params = new HashMap<>();
            columns.forEach((name, column) -> {
                List<Object> values = new ArrayList<>(slice.size());
                for (T row : slice) {
                    values.add(column.apply(row));
                }
                params.put(name, values);
            });
            write(store, cypher, params, null);
        }
    }

    private static void inBatches(GraphStore store, String cypher, List<Map<String, Object>> rows) {
        inBatches(store, cypher, rows, 5_000);
    }

    private static void inBatches(GraphStore store, String cypher, List<? extends Map<String, ?>> rows, int batch) {
        for (int from = 0; from < rows.size(); from += batch) {
            List<? extends Map<String, ?>> slice = rows.subList(from, Math.min(rows.size(), from + batch));
            write(store, cypher, Map.of("rows", slice), null);
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
