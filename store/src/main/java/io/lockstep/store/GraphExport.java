package io.lockstep.store;

import org.apache.commons.csv.CSVPrinter;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
         * (ties by the other end's id): a graph that grows with the flagged accounts, not with the archive or
         * with the square of a cluster's size.
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

    private static final String NODE_FILTER = "($all OR coalesce(a.suspicious, false))";
    private static final String NODES = """
            MATCH (a:Account) WHERE %s
            RETURN a.id AS id, a.screen_name AS screen_name, a.followers_count AS followers,
                   a.community AS community, a.pagerank AS pagerank, a.cluster AS cluster, a.score AS score,
                   coalesce(a.suspicious, false) AS suspicious""".formatted(NODE_FILTER);
    private static final String BOTH = NODE_FILTER + " AND ($all OR coalesce(b.suspicious, false))";
    private static final Map<String, String> EDGES = new LinkedHashMap<>();

    static {
        EDGES.put("follows", "MATCH (a:Account)-[:FOLLOWS]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, count(*) AS w");
        EDGES.put("retweets", "MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account) WHERE "
                + BOTH + " RETURN a.id AS s, b.id AS t, count(*) AS w");
        EDGES.put("mentions", "MATCH (a:Account)-[:POSTED]->(:Post)-[:MENTIONS]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, count(*) AS w");
        EDGES.put("interacts", "MATCH (a:Account)-[e:INTERACTS]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, sum(coalesce(e.weight, 1.0)) AS w");
        EDGES.put("coordinated", "MATCH (a:Account)-[e:COORDINATED_WITH]->(b:Account) WHERE " + BOTH
                + " RETURN a.id AS s, b.id AS t, sum(coalesce(e.weight, 1.0)) AS w");
    }

    private static final String FLAGGED = """
            MATCH (a:Account) WHERE coalesce(a.suspicious, false) OR a.cluster IS NOT NULL
            RETURN a.id AS id, id(a) AS node""";
    private static final String SUSPICIOUS_IDS = """
            MATCH (a:Account) WHERE coalesce(a.suspicious, false) RETURN a.id AS id, id(a) AS node""";
    /*
     * The selections below address accounts by node id ($nodes) and group the paths by their end nodes before
     * reading any property: an account's id is a long string, read once per pair instead of once per path.
     */
    /** Neighbours of the flagged accounts outside them, with the weight of each tie ({@code $nodes}: flagged). */
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
            WITH a, b, sum(coalesce(e.weight, 1.0)) AS w WHERE NOT id(b) IN $nodes
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
        String weight = among.formatted("sum(coalesce(e.weight, 1.0))");
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

    /** The accounts {@code scope} selects, or null for all of them. */
    static List<String> select(TransactionContext tx, Scope scope) {
        Map<String, Long> selected = selectNodes(tx, scope);
        return selected == null ? null : List.copyOf(selected.keySet());
    }

    /** The accounts {@code scope} selects, id to node id in the order of {@link #select}, or null for all. */
    private static Map<String, Long> selectNodes(TransactionContext tx, Scope scope) {
        if (scope == Scope.ALL) {
            return null;
        }
        Map<String, Long> flagged = new LinkedHashMap<>();
        tx.run(scope == Scope.SUSPICIOUS ? SUSPICIOUS_IDS : FLAGGED).forEachRemaining(r -> flagged.put(
                r.get("id").asString(), r.get("node").asLong()));
        if (scope == Scope.SUSPICIOUS) {
            return flagged;
        }
        List<Long> nodes = List.copyOf(flagged.values());
        Map<String, Map<String, Double>> pull = new HashMap<>();
        Map<String, Long> nodeOf = new HashMap<>();
        for (String q : CONTEXT) {
            tx.run(q, Map.of("nodes", nodes)).forEachRemaining(r -> {
                String t = r.get("t").asString();
                nodeOf.put(t, r.get("tn").asLong());
                pull.computeIfAbsent(r.get("s").asString(), k -> new HashMap<>())
                        .merge(t, r.get("w").asNumber().doubleValue(), Double::sum);
            });
        }
        Map<String, Long> keep = new LinkedHashMap<>(flagged);
        for (String id : flagged.keySet()) {
            Map<String, Double> neighbours = pull.get(id);
            if (neighbours != null) {
                neighbours.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(Scope.CONTEXT)
                        .forEach(e -> keep.putIfAbsent(e.getKey(), nodeOf.get(e.getKey())));
            }
        }
        return keep;
    }

    /** Reads the accounts {@code scope} selects and the edges among them, and writes them to {@code out}. */
    public static ExportStats export(GraphStore store, ExportFormat format, Scope scope, Path out)
            throws IOException {
        if (format == ExportFormat.COORTWEET) {
            if (scope == Scope.FLAGGED_AND_CONTEXT) {
                throw new IllegalArgumentException("the coortweet format lists shares, not a graph: export all of "
                        + "them or the suspicious accounts' only");
            }
            return exportShares(store, scope == Scope.SUSPICIOUS, out);
        }
        Graph<String, Edge> graph = new DirectedWeightedPseudograph<>(Edge.class);
        Map<String, Map<String, Attribute>> nodeAttributes = new HashMap<>();
        try (Session s = store.session()) {
            s.executeRead(tx -> {
                Map<String, Long> ids = selectNodes(tx, scope);
                Map<String, Object> params = ids == null ? Map.of("all", true)
                        : Map.of("nodes", List.copyOf(ids.values()));
                tx.run(ids == null ? NODES : NODES_IN, params).forEachRemaining(r -> {
                    String id = r.get("id").asString();
                    graph.addVertex(id);
                    nodeAttributes.put(id, attributes(r));
                });
                for (Map.Entry<String, String> q : (ids == null ? EDGES : EDGES_IN).entrySet()) {
                    List<WeightedPair> pairs = new ArrayList<>();
                    tx.run(q.getValue(), params).forEachRemaining(r -> {
                        String a = r.get("s").asString();
                        String b = r.get("t").asString();
                        if (graph.containsVertex(a) && graph.containsVertex(b)) {
                            pairs.add(new WeightedPair(a, b, r.get("w").asNumber().doubleValue()));
                        }
                    });
                    for (WeightedPair p : scope == Scope.FLAGGED_AND_CONTEXT ? strongest(pairs, Scope.STRONGEST) : pairs) {
                        Edge e = new Edge(q.getKey());
                        graph.addEdge(p.source(), p.target(), e);
                        graph.setEdgeWeight(e, p.weight());
                    }
                }
                return null;
            });
        }
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

    record WeightedPair(String source, String target, double weight) {
    }

    /**
     * The pairs among the {@code perNode} heaviest at their source or at their target (ties by the other end's id),
     * in their given order.
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
                                    : pairs.get(i).source()))
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
             CSVPrinter p = new CSVPrinter(w,
                     org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
             Session s = store.session()) {
            p.printRecord((Object[]) COORTWEET_HEADER);
            s.executeRead(tx -> {
                tx.run(SHARES, Map.of("all", !suspiciousOnly)).forEachRemaining(r -> {
                    try {
                        p.printRecord(r.get("object_id").asString(), r.get("account_id").asString(),
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

    private static Map<String, Attribute> attributes(Record r) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        for (String[] a : NODE_ATTRIBUTES) {
            Value v = r.get(a[0]);
            if (v.isNull() || ((a[1].equals("long") || a[1].equals("double")) && !(v.asObject() instanceof Number))) {
                continue;
            }
            Attribute attr = switch (a[1]) {
                case "long" -> DefaultAttribute.createAttribute(v.asNumber().longValue());
                case "double" -> DefaultAttribute.createAttribute(v.asNumber().doubleValue());
                case "boolean" -> DefaultAttribute.createAttribute(v.asBoolean());
                default -> DefaultAttribute.createAttribute(v.asObject().toString());
            };
            m.put(a[0], attr);
        }
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
