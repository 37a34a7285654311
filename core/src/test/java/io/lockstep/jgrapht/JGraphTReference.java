package io.lockstep.jgrapht;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.alg.scoring.PageRank;

import java.util.Map;

/**
 * JGraphT's own PageRank and k-core decomposition, the reference that Lockstep's {@code io.lockstep.influence}
 * algorithms of the same names are held to in tests (here, so that a test of Lockstep's class does not name
 * JGraphT's twin in full).
 */
public final class JGraphTReference {
    private JGraphTReference() {
    }

    /** JGraphT's PageRank scores of every vertex. */
    public static <V, E> Map<V, Double> pageRank(Graph<V, E> graph, double damping, int maxIterations,
                                                 double tolerance) {
        return new PageRank<>(graph, damping, maxIterations, tolerance).getScores();
    }

    /** JGraphT's core number of every vertex (the graph must be simple). */
    public static <V, E> Map<V, Integer> coreness(Graph<V, E> graph) {
        return new Coreness<>(graph).getScores();
    }
}
