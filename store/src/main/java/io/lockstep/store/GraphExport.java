package io.lockstep.store;

import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.csv.CSVExporter;
import org.jgrapht.nio.csv.CSVFormat;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Exports the account graph for Gephi and other tools (jgrapht-io): accounts as nodes with their profile and
 * result properties, and one directed weighted edge per account pair and kind: {@code follows},
 * {@code retweets} (weight = number of retweets), {@code mentions}, {@code interacts} (summed weight) and
 * {@code coordinated} (from {@code detect}), among the accounts a {@link Scope} selects.
 */
public final class GraphExport {
    /** The output formats. */
    public enum ExportFormat { GRAPHML, GEXF, CSV, COORTWEET }

    /** The header of {@link ExportFormat#COORTWEET}: CooRTweet's input layout. */
    public static final String[] COORTWEET_HEADER = {"object_id", "account_id", "content_id", "timestamp_share"};

    /**
     * One row per share of an object: a complete post retweeting or quoting another post (the object), with its
     * author and time (Unix seconds); posts without a time are left out.
     */
    private static final String SHARES = """
            MATCH (a:Account)-[:POSTED]->(p:Post)-[:RETWEETS|QUOTES]->(o:Post)
            WHERE p.placeholder = false AND p.time IS NOT NULL AND ($all OR coalesce(a.suspicious, false))
            RETURN o.id AS object_id, a.id AS account_id, p.id AS content_id, p.time AS timestamp_share
            ORDER BY timestamp_share, content_id, object_id""";

    /** Which accounts are exported (with every edge among them). */
    public enum Scope {
        /** Every account. */
        ALL,
        /** Accounts marked suspicious by analyze or detect. */
        SUSPICIOUS,
        /**
         * Accounts that are suspicious or members of a cluster, plus each one's {@value #CONTEXT} strongest
         * neighbours by retweets, mentions and coordination (summed weight, both directions, ties by id); of each
         * kind, an edge is kept when it is among the {@value #STRONGEST} heaviest of that kind at either end
         * (ties by the other end's id, then the source's): a graph that grows with the flagged accounts, not with
         * the archive or with the square of a cluster's size.
         */
        FLAGGED_AND_CONTEXT;

        /** Neighbours kept per flagged account in {@link #FLAGGED_AND_CONTEXT}. */
        public static final int CONTEXT = 5;
        /** Edges of one kind kept per account in {@link #FLAGGED_AND_CONTEXT}. */
        public static final int STRONGEST = 10;
    }

    /** What was written. */
    public record ExportStats(long nodes, long edges) {
    }

    /** An edge of the exported graph. */
    public static final class Edge {
        final String kind;

        Edge(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    /** The edge kinds, in the order an export writes them. */
    public static final List<String> EDGE_KINDS = List.of("follows", "retweets", "mentions", "interacts",
            "coordinated");

    /**
     * The ties that choose a flagged account's context ({@link Scope#FLAGGED_AND_CONTEXT}); a neighbour's weight is
     * the sum of its ties' weights added in this order.
     */
    public enum ContextTie {
        /** Posts of either account retweeting posts of the other (their number). */
        RETWEETS,
        /** Posts of the account mentioning the neighbour (their number). */
        MENTIONS_OUT,
        /** Posts of the neighbour mentioning the account (their number). */
        MENTIONS_IN,
        /** {@code COORDINATED_WITH} either way (the {@linkplain #sum sum} of their weights). */
        COORDINATED
    }

    /**
     * One exported account and its attributes, null where the account has none.
     *
     * @param followers  the follower count the archive gave
     * @param community  community id
     * @param cluster    coordinated cluster id, as text
     * @param suspicious the verdict (false when never analysed)
     */
    public record Account(String id, String screenName, Long followers, Long community, Double pagerank,
                          String cluster, Double score, boolean suspicious) {
        public Account {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * What an export reads: the store ({@link #export(GraphStore, ExportFormat, Scope, Path)}) or an analysis still
     * in memory. The exporter selects, orders, bounds and writes; a source only answers these questions, and two
     * sources holding the same graph give the same file byte for byte.
     */
    public interface Source {
        /**
         * The accounts {@code scope} starts from, in any order: the suspicious ones ({@link Scope#SUSPICIOUS}), or the
         * flagged ones, suspicious or in a cluster ({@link Scope#FLAGGED_AND_CONTEXT}); never asked for
         * {@link Scope#ALL}.
         */
        Collection<String> seeds(Scope scope);

        /**
         * For each account of {@code from}, its tie of kind {@code tie} with each account outside {@code from} that
         * has one: (the account of {@code from}, the other, weight), one row per pair, in any order.
         */
        List<WeightedPair> context(ContextTie tie, Set<String> from);

        /** The accounts of {@code ids} (every account when null), in any order. */
        List<Account> accounts(Set<String> ids);

        /**
         * The edges of {@code kind} (one of {@link #EDGE_KINDS}) among {@code ids} (every account when null), one per
         * ordered pair, in any order: its weight the number of relationships or paths that tie the pair
         * ({@code follows}, {@code retweets}, {@code mentions}), or the {@linkplain #sum sum} of the relationships'
         * {@code weight} (1 when absent: {@code interacts}, {@code coordinated}).
         */
        List<WeightedPair> edges(String kind, Set<String> ids);
    }

    private static final String NODE_FILTER = "($all OR coalesce(a.suspicious, false))";
    private static final String NODES = """
            MATCH (a:Account) WHERE %s
            RETURN a.id AS id, a.screen_name AS screen_name, a.followers_count AS followers,
                   a.community AS community, a.pagerank AS pagerank, a.cluster AS cluster, a.score AS score,
                   coalesce(a.suspicious, false) AS suspicious""".formatted(NODE_FILTER);
    private static final String BOTH = NODE_FILTER + " AND ($all OR coalesce(b.suspicious, false))";
    /* Weights of several relationships are collected, not summed by Cypher: sum() adds them in a canonical order. */
    private static final Map<String, String> EDGES = new LinkedHashMap<>();

    static {
        EDGES.put("follows", "MATCH (a:Account)-[:FOLLOWS]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, count(*) AS w");
        EDGES.put("retweets", "MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account) WHERE "
                + BOTH + " RETURN a.id AS s, b.id AS t, count(*) AS w");
        EDGES.put("mentions", "MATCH (a:Account)-[:POSTED]->(:Post)-[:MENTIONS]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, count(*) AS w");
        EDGES.put("interacts", "MATCH (a:Account)-[e:INTERACTS]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, collect(coalesce(e.weight, 1.0)) AS w");
        EDGES.put("coordinated", "MATCH (a:Account)-[e:COORDINATED_WITH]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, collect(coalesce(e.weight, 1.0)) AS w");
    }

    private static final String INTERACTIONS = "MATCH ()-[r:INTERACTS]->() RETURN count(r)";
    private static final String FLAGGED = """
            MATCH (a:Account) WHERE coalesce(a.suspicious, false) OR a.cluster IS NOT NULL
            RETURN a.id AS id, id(a) AS node""";
    private static final String SUSPICIOUS_IDS = """
            MATCH (a:Account) WHERE coalesce(a.suspicious, false) RETURN a.id AS id, id(a) AS node""";
    /*
     * The selections below address accounts by node id ($nodes) and group the paths by their end nodes before
     * reading any property: an account's id is a long string, read once per pair instead of once per path.
     */
    /** Neighbours of {@code $nodes} outside them, with the weight of each tie, in {@link ContextTie} order. */
    private static final List<String> CONTEXT = List.of("""
            UNWIND $nodes AS n
            MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]-(:Post)<-[:POSTED]-(b:Account) WHERE id(a) = n
            WITH a, b, count(*) AS w WHERE NOT id(b) IN $nodes
            RETURN a.id AS s, b.id AS t, id(b) AS tn, w""", """
            UNWIND $nodes AS n
            MATCH (a:Account)-[:POSTED]->(:Post)-[:MENTIONS]->(b:Account) WHERE id(a) = n
            WITH a, b, count(*) AS w WHERE NOT id(b) IN $nodes
            RETURN a.id AS s, b.id AS t, id(b) AS tn, w""", """
            UNWIND $nodes AS n
            MATCH (a:Account)<-[:MENTIONS]-(:Post)<-[:POSTED]-(b:Account) WHERE id(a) = n
            WITH a, b, count(*) AS w WHERE NOT id(b) IN $nodes
            RETURN a.id AS s, b.id AS t, id(b) AS tn, w""", """
            UNWIND $nodes AS n
            MATCH (a:Account)-[e:COORDINATED_WITH]-(b:Account) WHERE id(a) = n
            WITH a, b, collect(coalesce(e.weight, 1.0)) AS w WHERE NOT id(b) IN $nodes
            RETURN a.id AS s, b.id AS t, id(b) AS tn, w""");
    private static final String NODES_IN = """
            UNWIND $nodes AS n
            MATCH (a:Account) WHERE id(a) = n
            RETURN a.id AS id, a.screen_name AS screen_name, a.followers_count AS followers,
                   a.community AS community, a.pagerank AS pagerank, a.cluster AS cluster, a.score AS score,
                   coalesce(a.suspicious, false) AS suspicious""";
    /** The edges among {@code $nodes}, anchored on them so that a small selection reads a small part of the store. */
    private static final Map<String, String> EDGES_IN = new LinkedHashMap<>();

    static {
        String anchor = "UNWIND $nodes AS n MATCH (a:Account)";
        String among = " WHERE id(a) = n AND id(b) IN $nodes WITH a, b, %s AS w RETURN a.id AS s, b.id AS t, w";
        String count = among.formatted("count(*)");
        String weight = among.formatted("collect(coalesce(e.weight, 1.0))");
        EDGES_IN.put("follows", anchor + "-[:FOLLOWS]->(b:Account)" + count);
        EDGES_IN.put("retweets", anchor + "-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account)" + count);
        EDGES_IN.put("mentions", anchor + "-[:POSTED]->(:Post)-[:MENTIONS]->(b:Account)" + count);
        EDGES_IN.put("interacts", anchor + "-[e:INTERACTS]->(b:Account)" + weight);
        EDGES_IN.put("coordinated", anchor + "-[e:COORDINATED_WITH]->(b:Account)" + weight);
    }

    private GraphExport() {
    }

    /** As {@link #export(GraphStore, ExportFormat, Scope, Path)} with {@link Scope#ALL} or {@link Scope#SUSPICIOUS}. */
    public static ExportStats export(GraphStore store, ExportFormat format, boolean suspiciousOnly, Path out)
            throws IOException {
        if (format == ExportFormat.COORTWEET) {
            return exportShares(store, suspiciousOnly, out);
        }
        return export(store, format, suspiciousOnly ? Scope.SUSPICIOUS : Scope.ALL, out);
    }

    /** Reads the accounts {@code scope} selects and the edges among them from the store, and writes them to {@code out}. */
    public static ExportStats export(GraphStore store, ExportFormat format, Scope scope, Path out)
            throws IOException {
        if (format == ExportFormat.COORTWEET) {
            if (scope == Scope.FLAGGED_AND_CONTEXT) {
                throw new IllegalArgumentException("the coortweet format lists shares, not a graph: export all of "
                        + "them or the suspicious accounts' only");
            }
            return exportShares(store, scope == Scope.SUSPICIOUS, out);
        }
        Selected graph;
        try (Session s = store.session()) {
            graph = s.executeRead(tx -> build(new StoreSource(tx), scope));
        }
        return write(graph, format, out);
    }

    /**
     * Writes the accounts {@code scope} selects from {@code source} and the edges among them to {@code out}: the
     * accounts in id order, the edges kind by kind ({@link #EDGE_KINDS}), each kind's in the order of their ends' ids.
     * {@link ExportFormat#COORTWEET} is the store's only.
     */
    public static ExportStats export(Source source, ExportFormat format, Scope scope, Path out) throws IOException {
        if (format == ExportFormat.COORTWEET) {
            throw new IllegalArgumentException("the coortweet format lists shares: it is exported from the store");
        }
        return write(build(source, scope), format, out);
    }

    /**
     * Whether the store holds {@code INTERACTS} relationships (from edge-list files), which an analysis's activity
     * does not: an export of such a store reads the store.
     */
    public static boolean holdsInteractions(GraphStore store) {
        try (Session s = store.session()) {
            return s.run(INTERACTIONS).single().get(0).asLong() > 0;
        }
    }

    /** The accounts {@code scope} selects from {@code source}, or null for all of them. */
    static Set<String> select(Source source, Scope scope) {
        if (scope == Scope.ALL) {
            return null;
        }
        Set<String> flagged = new HashSet<>(source.seeds(scope));
        if (scope == Scope.SUSPICIOUS) {
            return flagged;
        }
        Set<String> from = Collections.unmodifiableSet(flagged);
        Map<String, Map<String, Double>> pull = new HashMap<>();
        for (ContextTie tie : ContextTie.values()) {
            for (WeightedPair p : source.context(tie, from)) {
                pull.computeIfAbsent(p.source(), k -> new HashMap<>()).merge(p.target(), p.weight(), Double::sum);
            }
        }
        Set<String> keep = new HashSet<>(flagged);
        for (String id : flagged) {
            Map<String, Double> neighbours = pull.get(id);
            if (neighbours != null) {
                neighbours.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(Scope.CONTEXT)
                        .forEach(e -> keep.add(e.getKey()));
            }
        }
        return keep;
    }

    /** The graph to write and its accounts' attributes. */
    private record Selected(Graph<String, Edge> graph, Map<String, Map<String, Attribute>> attributes) {
    }

    private static final Comparator<WeightedPair> BY_ENDS =
            Comparator.comparing(WeightedPair::source).thenComparing(WeightedPair::target);

    private static Selected build(Source source, Scope scope) {
        Set<String> ids = select(source, scope);
        List<Account> accounts = new ArrayList<>(source.accounts(ids == null ? null
                : Collections.unmodifiableSet(ids)));
        accounts.sort(Comparator.comparing(Account::id));
        Graph<String, Edge> graph = new DirectedWeightedPseudograph<>(Edge.class);
        Map<String, Map<String, Attribute>> attributes = new HashMap<>();
        for (Account a : accounts) {
            if (graph.addVertex(a.id())) {
                attributes.put(a.id(), attributes(a));
            }
        }
        Set<String> among = ids == null ? null : Collections.unmodifiableSet(graph.vertexSet());
        for (String kind : EDGE_KINDS) {
            List<WeightedPair> pairs = new ArrayList<>();
            for (WeightedPair p : source.edges(kind, among)) {
                if (graph.containsVertex(p.source()) && graph.containsVertex(p.target())) {
                    pairs.add(p);
                }
            }
            pairs.sort(BY_ENDS);
            for (WeightedPair p : scope == Scope.FLAGGED_AND_CONTEXT ? strongest(pairs, Scope.STRONGEST) : pairs) {
                Edge e = new Edge(kind);
                graph.addEdge(p.source(), p.target(), e);
                graph.setEdgeWeight(e, p.weight());
            }
        }
        return new Selected(graph, attributes);
    }

    private static ExportStats write(Selected selected, ExportFormat format, Path out) throws IOException {
        Graph<String, Edge> graph = selected.graph();
        Map<String, Map<String, Attribute>> nodeAttributes = selected.attributes();
        GraphExporter<String, Edge> exporter = switch (format) {
            case GRAPHML -> {
                GraphMLExporter<String, Edge> x = new GraphMLExporter<>(v -> v);
                x.setExportEdgeWeights(true);
                for (String[] a : NODE_ATTRIBUTES) {
                    x.registerAttribute(a[0], GraphMLExporter.AttributeCategory.NODE, AttributeType.create(a[1]));
                }
                x.registerAttribute("kind", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
                x.setVertexAttributeProvider(nodeAttributes::get);
                x.setEdgeAttributeProvider(e -> Map.of("kind", DefaultAttribute.createAttribute(e.kind)));
                yield x;
            }
            case GEXF -> {
                GEXFExporter<String, Edge> x = new GEXFExporter<>(v -> v, new EdgeIds());
                for (String[] a : NODE_ATTRIBUTES) {
                    x.registerAttribute(a[0], GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.create(a[1]));
                }
                x.registerAttribute("kind", GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.STRING);
                x.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
                x.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_LABELS, true);
                x.setVertexAttributeProvider(v -> {
                    Map<String, Attribute> m = new LinkedHashMap<>(nodeAttributes.get(v));
                    Attribute name = m.get("screen_name");
                    m.put("label", name != null ? name : DefaultAttribute.createAttribute(v));
                    return m;
                });
                x.setEdgeAttributeProvider(e -> Map.of("kind", DefaultAttribute.createAttribute(e.kind),
                        "label", DefaultAttribute.createAttribute(e.kind)));
                yield x;
            }
            case CSV -> {
                CSVExporter<String, Edge> x = new CSVExporter<>(v -> v, CSVFormat.EDGE_LIST, ',');
                x.setParameter(CSVFormat.Parameter.EDGE_WEIGHTS, true);
                yield x;
            }
            case COORTWEET -> throw new IllegalStateException("written by exportShares");
        };
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            exporter.exportGraph(graph, w);
        }
        return new ExportStats(graph.vertexSet().size(), graph.edgeSet().size());
    }

    /**
     * The sum of {@code weights} added in ascending order: the same sum for the same weights in whatever order a
     * source finds them (floating-point addition is not associative).
     */
    public static double sum(double[] weights) {
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double w : sorted) {
            sum += w;
        }
        return sum;
    }

    /** A weighted, directed pair of account ids. */
    public record WeightedPair(String source, String target, double weight) {
        public WeightedPair {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /** The store as a {@link Source}, inside one read transaction; accounts are addressed by node id. */
    private static final class StoreSource implements Source {
        private final TransactionContext tx;
        private final Map<String, Long> nodeOf = new HashMap<>();

        StoreSource(TransactionContext tx) {
            this.tx = tx;
        }

        @Override
        public Collection<String> seeds(Scope scope) {
            List<String> ids = new ArrayList<>();
            tx.run(scope == Scope.SUSPICIOUS ? SUSPICIOUS_IDS : FLAGGED).forEachRemaining(r -> {
                String id = r.get("id").asString();
                nodeOf.put(id, r.get("node").asLong());
                ids.add(id);
            });
            return ids;
        }

        @Override
        public List<WeightedPair> context(ContextTie tie, Set<String> from) {
            List<WeightedPair> rows = new ArrayList<>();
            tx.run(CONTEXT.get(tie.ordinal()), Map.of("nodes", nodes(from))).forEachRemaining(r -> {
                String t = r.get("t").asString();
                nodeOf.put(t, r.get("tn").asLong());
                rows.add(new WeightedPair(r.get("s").asString(), t, weight(r.get("w"))));
            });
            return rows;
        }

        @Override
        public List<Account> accounts(Set<String> ids) {
            List<Account> accounts = new ArrayList<>();
            tx.run(ids == null ? NODES : NODES_IN, parameters(ids)).forEachRemaining(r -> accounts.add(account(r)));
            return accounts;
        }

        @Override
        public List<WeightedPair> edges(String kind, Set<String> ids) {
            List<WeightedPair> pairs = new ArrayList<>();
            tx.run((ids == null ? EDGES : EDGES_IN).get(kind), parameters(ids)).forEachRemaining(r -> pairs.add(
                    new WeightedPair(r.get("s").asString(), r.get("t").asString(), weight(r.get("w")))));
            return pairs;
        }

        private Map<String, Object> parameters(Set<String> ids) {
            return ids == null ? Map.of("all", true) : Map.of("nodes", nodes(ids));
        }

        /** The node ids of {@code ids}: every one of them came from {@link #seeds} or {@link #context}. */
        private List<Long> nodes(Set<String> ids) {
            List<Long> nodes = new ArrayList<>(ids.size());
            for (String id : ids) {
                nodes.add(Objects.requireNonNull(nodeOf.get(id), id));
            }
            return nodes;
        }

        /** A count, or the weights of several relationships summed in their canonical order. */
        private static double weight(Value w) {
            if (w.asObject() instanceof List<?>) {
                return sum(w.asList(v -> v.asNumber().doubleValue()).stream().mapToDouble(Double::doubleValue).toArray());
            }
            return w.asNumber().doubleValue();
        }
    }

    /**
     * The pairs among the {@code perNode} heaviest at their source or at their target (ties by the other end's id,
     * then by the source's id), in their given order: the same pairs kept in whatever order they are given.
     */
    static List<WeightedPair> strongest(List<WeightedPair> pairs, int perNode) {
        Map<String, List<Integer>> incident = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            incident.computeIfAbsent(pairs.get(i).source(), k -> new ArrayList<>()).add(i);
            incident.computeIfAbsent(pairs.get(i).target(), k -> new ArrayList<>()).add(i);
        }
        boolean[] keep = new boolean[pairs.size()];
        for (Map.Entry<String, List<Integer>> node : incident.entrySet()) {
            String self = node.getKey();
            node.getValue().stream()
                    .sorted(Comparator.comparingDouble((Integer i) -> -pairs.get(i).weight())
                            .thenComparing(i -> pairs.get(i).source().equals(self) ? pairs.get(i).target()
                                    : pairs.get(i).source())
                            .thenComparing(i -> pairs.get(i).source()))
                    .limit(perNode)
                    .forEach(i -> keep[i] = true);
        }
        List<WeightedPair> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (keep[i]) {
                out.add(pairs.get(i));
            }
        }
        return out;
    }

    /**
     * Writes CooRTweet's layout ({@link #COORTWEET_HEADER}) from the store's retweets and quotes; the stats are the
     * distinct accounts and the rows written.
     */
    private static ExportStats exportShares(GraphStore store, boolean suspiciousOnly, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Set<String> accounts = new HashSet<>();
        long[] rows = {0};
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             ShareTable table = new ShareTable(w);
             Session s = store.session()) {
            s.executeRead(tx -> {
                tx.run(SHARES, Map.of("all", !suspiciousOnly)).forEachRemaining(r -> {
                    try {
                        table.share(r.get("object_id").asString(), r.get("account_id").asString(),
                                r.get("content_id").asString(), r.get("timestamp_share").asLong());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    accounts.add(r.get("account_id").asString());
                    rows[0]++;
                });
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ExportStats(accounts.size(), rows[0]);
    }

    /** Node attribute names and their jgrapht type names (all are registered; absent values are omitted). */
    private static final List<String[]> NODE_ATTRIBUTES = List.of(
            new String[]{"screen_name", "string"}, new String[]{"followers", "long"},
            new String[]{"community", "long"}, new String[]{"pagerank", "double"},
            new String[]{"cluster", "string"}, new String[]{"score", "double"},
            new String[]{"suspicious", "boolean"});

    /** An account of the store: number-typed properties that hold something else are left out. */
    private static Account account(Record r) {
        return new Account(r.get("id").asString(), r.get("screen_name").isNull() ? null
                : r.get("screen_name").asObject().toString(), longOrNull(r.get("followers")),
                longOrNull(r.get("community")), r.get("pagerank").asObject() instanceof Number n ? n.doubleValue() : null,
                r.get("cluster").isNull() ? null : r.get("cluster").asObject().toString(),
                r.get("score").asObject() instanceof Number n ? n.doubleValue() : null,
                r.get("suspicious").asBoolean());
    }

    private static Long longOrNull(Value v) {
        return v.asObject() instanceof Number n ? n.longValue() : null;
    }

    /** An account's attributes in {@link #NODE_ATTRIBUTES} order; absent ones are omitted. */
    private static Map<String, Attribute> attributes(Account a) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        if (a.screenName() != null) {
            m.put("screen_name", DefaultAttribute.createAttribute(a.screenName()));
        }
        if (a.followers() != null) {
            m.put("followers", DefaultAttribute.createAttribute(a.followers()));
        }
        if (a.community() != null) {
            m.put("community", DefaultAttribute.createAttribute(a.community()));
        }
        if (a.pagerank() != null) {
            m.put("pagerank", DefaultAttribute.createAttribute(a.pagerank()));
        }
        if (a.cluster() != null) {
            m.put("cluster", DefaultAttribute.createAttribute(a.cluster()));
        }
        if (a.score() != null) {
            m.put("score", DefaultAttribute.createAttribute(a.score()));
        }
        m.put("suspicious", DefaultAttribute.createAttribute(a.suspicious()));
        return m;
    }

    /** Sequential edge ids for GEXF, which needs one per edge. */
    private static final class EdgeIds implements Function<Edge, String> {
        private final Map<Edge, String> ids = new IdentityHashMap<>();

        @Override
        public String apply(Edge e) {
            return ids.computeIfAbsent(e, k -> "e" + ids.size());
        }
    }
}
