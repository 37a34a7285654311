package io.lockstep.cli;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityGraphs;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.graph.CompactGraph;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code graph.graphml} for Gephi: accounts with their results as node attributes, the folded interaction graph
 * ({@code kind=interaction}) and every coordination edge ({@code kind=coordination}, with its signal) as edges.
 * Written with jgrapht-io's GraphML exporter.
 */
final class AnalysisGraphMl {
    static final String FILE = "graph.graphml";

    /** An edge of the exported multigraph. Identity equality: two edges with equal attributes stay two edges. */
    static final class Edge {
        final String kind;
        final String signal;
        final int count;

        Edge(String kind, String signal, int count) {
            this.kind = kind;
            this.signal = signal;
            this.count = count;
        }
    }

    private AnalysisGraphMl() {
    }

    static void write(Analysis analysis, Path file) throws IOException {
        Activity act = analysis.activity();
        Graph<Integer, Edge> g = new DirectedWeightedMultigraph<>(null, null);
        for (int a = 0; a < act.accountCount(); a++) {
            g.addVertex(a);
        }
        CompactGraph interactions = ActivityGraphs.interactions(act, true);
        for (int u = 0; u < interactions.nodeCount(); u++) {
            for (int i = interactions.start(u); i < interactions.end(u); i++) {
                int v = interactions.target(i);
                if (u <= v) {
                    Edge e = new Edge("interaction", "", 0);
                    g.addEdge(u, v, e);
                    g.setEdgeWeight(e, interactions.weight(i));
                }
            }
        }
        for (CoordinationEdge e : analysis.detection().edges()) {
            Edge edge = new Edge("coordination", e.signal(), e.count());
            g.addEdge(e.source(), e.target(), edge);
            g.setEdgeWeight(edge, e.weight());
        }

        AccountVerdict[] verdicts = analysis.detection().accounts();
        GraphMLExporter<Integer, Edge> exporter = new GraphMLExporter<>(a -> act.accountId(a));
        exporter.setExportEdgeWeights(true);
        exporter.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("community", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
        exporter.registerAttribute("cluster", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
        exporter.registerAttribute("score", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("suspicious", GraphMLExporter.AttributeCategory.NODE, AttributeType.BOOLEAN);
        exporter.registerAttribute("signals", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("pagerank", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("coreness", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
        exporter.registerAttribute("kind", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        exporter.registerAttribute("signal", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        exporter.registerAttribute("count", GraphMLExporter.AttributeCategory.EDGE, AttributeType.INT);
        exporter.setVertexAttributeProvider(a -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            String name = act.screenName(a);
            m.put("label", DefaultAttribute.createAttribute(name != null ? name : act.accountId(a)));
            m.put("community", DefaultAttribute.createAttribute(analysis.community()[a]));
            m.put("cluster", DefaultAttribute.createAttribute(verdicts[a].cluster()));
            m.put("score", DefaultAttribute.createAttribute(verdicts[a].score()));
            m.put("suspicious", DefaultAttribute.createAttribute(verdicts[a].suspicious()));
            m.put("signals", DefaultAttribute.createAttribute(String.join(";", verdicts[a].signals())));
            m.put("pagerank", DefaultAttribute.createAttribute(analysis.pagerank()[a]));
            m.put("coreness", DefaultAttribute.createAttribute(analysis.coreness()[a]));
            return m;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("kind", DefaultAttribute.createAttribute(e.kind));
            m.put("signal", DefaultAttribute.createAttribute(e.signal));
            m.put("count", DefaultAttribute.createAttribute(e.count));
            return m;
        });
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            exporter.exportGraph(g, w);
        }
    }
}
