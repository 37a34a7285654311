package io.lockstep.jgrapht;

import io.lockstep.community.CommunityDetection;
import io.lockstep.community.CommunityResult;
import io.lockstep.community.LabelPropagation;
import io.lockstep.community.LabelPropagationParams;
import io.lockstep.community.Leiden;
import io.lockstep.community.LeidenParams;
import io.lockstep.community.Louvain;
import io.lockstep.community.LouvainParams;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lockstep's community detection as a JGraphT {@link ClusteringAlgorithm}, on any JGraphT graph: JGraphT itself has
 * no Leiden or Louvain. The graph is copied once into a compact graph ({@link JGraphTGraphs#fromJGraphT}: direction
 * dropped, parallel and reciprocal edges summed, weights from {@code graph.getEdgeWeight}), the algorithm runs on the
 * copy, and the communities come back as vertex sets, largest first.
 *
 * <pre>{@code
 * Graph<String, DefaultWeightedEdge> g = ...;                       // any JGraphT graph
 * ClusteringAlgorithm.Clustering<String> c = LockstepClustering.leiden(g).getClustering();
 * double q = LockstepClustering.leiden(g).modularity();               // of the same partition
 * }</pre>
 *
 * <p>Cost: the copy, O(n + m log d), plus the algorithm's (see {@link Leiden}, {@link Louvain},
 * {@link LabelPropagation}); the result is computed on the first call and kept. Deterministic for a given seed.
 *
 * @param <V> the vertex type
 */
public final class LockstepClustering<V> implements ClusteringAlgorithm<V> {
    private final Graph<V, ?> graph;
    private final CommunityDetection algorithm;
    private CommunityResult result;
    private List<V> vertices;

    /** Runs {@code algorithm} (a configured {@link Leiden}, {@link Louvain} or {@link LabelPropagation}) on {@code graph}. */
    public LockstepClustering(Graph<V, ?> graph, CommunityDetection algorithm) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /** Leiden on modularity with its defaults (resolution 1, seed 42). */
    public static <V> LockstepClustering<V> leiden(Graph<V, ?> graph) {
        return leiden(graph, LeidenParams.defaults());
    }

    public static <V> LockstepClustering<V> leiden(Graph<V, ?> graph, LeidenParams params) {
        return new LockstepClustering<>(graph, new Leiden(params));
    }

    public static <V> LockstepClustering<V> louvain(Graph<V, ?> graph, LouvainParams params) {
        return new LockstepClustering<>(graph, new Louvain(params));
    }

    public static <V> LockstepClustering<V> labelPropagation(Graph<V, ?> graph, LabelPropagationParams params) {
        return new LockstepClustering<>(graph, new LabelPropagation(params));
    }

    @Override
    public Clustering<V> getClustering() {
        CommunityResult r = result();
        List<Set<V>> clusters = new ArrayList<>(r.communityCount());
        for (int c = 0; c < r.communityCount(); c++) {
            clusters.add(new LinkedHashSet<>());
        }
        for (int v = 0; v < vertices.size(); v++) {
            clusters.get(r.communityOf(v)).add(vertices.get(v));
        }
        return new ClusteringImpl<>(clusters);
    }

    /** The modularity of {@link #getClustering()}'s partition on the copied graph. */
    public double modularity() {
        return result().modularity();
    }

    private CommunityResult result() {
        if (result == null) {
            JGraphTGraphs.Imported<V> imported = JGraphTGraphs.fromJGraphT(graph);
            vertices = imported.vertices();
            result = algorithm.communities(imported.graph());
        }
        return result;
    }
}
