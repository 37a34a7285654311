package io.lockstep.jgrapht;

import io.lockstep.graph.CompactDigraph;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Triple;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultUndirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.opt.graph.sparse.SparseIntUndirectedWeightedGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Converts between Lockstep's compact graphs and JGraphT {@link Graph}s, so that JGraphT's algorithms run on
 * Lockstep's projections and Lockstep's algorithms on any JGraphT graph ({@link LockstepClustering}).
 *
 * <p>From JGraphT, every edge becomes an undirected edge of weight {@code graph.getEdgeWeight(e)}; direction is
 * dropped and parallel or reciprocal edges are summed, as in {@link CompactGraphBuilder}. Vertices are numbered
 * {@code 0..n-1} in the graph's vertex iteration order. Cost O(n + m log d).
 */
public final class JGraphTGraphs {
    /** A compact copy of a JGraphT graph with the vertex behind each int id. */
    public record Imported<V>(CompactGraph graph, List<V> vertices, Object2IntMap<V> index) {
        public Imported {
            vertices = Collections.unmodifiableList(vertices);
        }

        /** The int id of {@code vertex}, or -1 if absent. */
        public int idOf(V vertex) {
            return index.getInt(vertex);
        }
    }

    private JGraphTGraphs() {
    }

    /**
     * A mutable JGraphT copy with vertices {@code 0..n-1} and one weighted edge per compact edge (self-loops kept).
     * Costs about 250 bytes per edge; prefer {@link #toSparse} for large graphs.
     */
    public static Graph<Integer, DefaultWeightedEdge> toJGraphT(CompactGraph g) {
        Objects.requireNonNull(g, "graph");
        Graph<Integer, DefaultWeightedEdge> out = new DefaultUndirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < g.nodeCount(); v++) {
            out.addVertex(v);
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = g.start(v); i < g.end(v); i++) {
                int u = g.target(i);
                if (u >= v) {
                    DefaultWeightedEdge e = out.addEdge(v, u);
                    out.setEdgeWeight(e, g.weight(i));
                }
            }
        }
        return out;
    }

    /**
     * An immutable, memory-efficient JGraphT view ({@code jgrapht-opt}'s {@link SparseIntUndirectedWeightedGraph})
     * with vertices {@code 0..n-1}; about 26 bytes per edge.
     */
    public static Graph<Integer, Integer> toSparse(CompactGraph g) {
        Objects.requireNonNull(g, "graph");
        List<Triple<Integer, Integer, Double>> edges = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, g.edgeCount()));
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = g.start(v); i < g.end(v); i++) {
                int u = g.target(i);
                if (u >= v) {
                    edges.add(Triple.of(v, u, g.weight(i)));
                }
            }
        }
        return new SparseIntUndirectedWeightedGraph(g.nodeCount(), edges);
    }

    /**
     * A mutable directed JGraphT copy of {@code g} with vertices {@code 0..n-1} and one weighted edge per arc, for
     * JGraphT's directed algorithms (PageRank, for one) on a directed projection.
     */
    public static Graph<Integer, DefaultWeightedEdge> toJGraphT(CompactDigraph g) {
        Objects.requireNonNull(g, "graph");
        Graph<Integer, DefaultWeightedEdge> out = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < g.nodeCount(); v++) {
            out.addVertex(v);
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = g.outStart(v); i < g.outEnd(v); i++) {
                DefaultWeightedEdge e = out.addEdge(v, g.outTarget(i));
                out.setEdgeWeight(e, g.outWeight(i));
            }
        }
        return out;
    }

    /** A compact copy of any JGraphT graph (directed or not, weighted or not). */
    public static <V, E> Imported<V> fromJGraphT(Graph<V, E> graph) {
        Objects.requireNonNull(graph, "graph");
        List<V> vertices = new ArrayList<>(graph.vertexSet());
        Object2IntOpenHashMap<V> index = new Object2IntOpenHashMap<>(vertices.size());
        index.defaultReturnValue(-1);
        for (int i = 0; i < vertices.size(); i++) {
            index.put(vertices.get(i), i);
        }
        CompactGraphBuilder b = new CompactGraphBuilder(vertices.size());
        for (E e : graph.edgeSet()) {
            b.addEdge(index.getInt(graph.getEdgeSource(e)), index.getInt(graph.getEdgeTarget(e)), graph.getEdgeWeight(e));
        }
        return new Imported<>(b.build(), vertices, index);
    }
}
