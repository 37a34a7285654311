package io.lockstep.importer;

import io.lockstep.store.GraphStore;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.csv.CSVExporter;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exports the account graph for Gephi and other tools (jgrapht-io): accounts as nodes with their profile and
 * result properties, and one directed weighted edge per account pair and kind: {@code follows},
 * {@code retweets} (weight = number of retweets), {@code mentions}, {@code interacts} (summed weight) and
 * {@code coordinated} (from {@code detect}). With {@code suspiciousOnly}, only accounts with
 * {@code suspicious = true} and the edges among them.
 */
public final class GraphExport {
    /** The output formats. */
    public enum ExportFormat { GRAPHML, GEXF, CSV }

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

    private GraphExport() {
    }

    /** Reads the account graph from {@code store} and writes it to {@code out} in {@code format}. */
    public static ExportStats export(GraphStore store, ExportFormat format, boolean suspiciousOnly, Path out)
            throws IOException {
        Graph<String, Edge> graph = new DirectedWeightedPseudograph<>(Edge.class);
        Map<String, Map<String, Attribute>> nodeAttributes = new HashMap<>();
        Map<String, Object> params = Map.of("all", !suspiciousOnly);
        try (Session s = store.session()) {
            s.executeRead(tx -> {
                tx.run(NODES, params).forEachRemaining(r -> {
                    String id = r.get("id").asString();
                    graph.addVertex(id);
                    nodeAttributes.put(id, attributes(r));
                });
                for (Map.Entry<String, String> q : EDGES.entrySet()) {
                    tx.run(q.getValue(), params).forEachRemaining(r -> {
                        String a = r.get("s").asString();
                        String b = r.get("t").asString();
                        if (graph.containsVertex(a) && graph.containsVertex(b)) {
                            Edge e = new Edge(q.getKey());
                            graph.addEdge(a, b, e);
                            graph.setEdgeWeight(e, r.get("w").asNumber().doubleValue());
                        }
                    });
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
                CSVExporter<String, Edge> x = new CSVExporter<>(v -> v, org.jgrapht.nio.csv.CSVFormat.EDGE_LIST, ',');
                x.setParameter(org.jgrapht.nio.csv.CSVFormat.Parameter.EDGE_WEIGHTS, true);
                yield x;
            }
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
    private static final class EdgeIds implements java.util.function.Function<Edge, String> {
        private final Map<Edge, String> ids = new java.util.IdentityHashMap<>();

        @Override
        public String apply(Edge e) {
            return ids.computeIfAbsent(e, k -> "e" + ids.size());
        }
    }

    /** Parses {@code graphml}, {@code gexf} or {@code csv}. */
    public static ExportFormat format(String name) {
        try {
            return ExportFormat.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + name + "'; known: graphml, gexf, csv");
        }
    }
}
