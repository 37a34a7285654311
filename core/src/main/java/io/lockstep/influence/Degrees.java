package io.lockstep.influence;

import io.lockstep.graph.CompactDigraph;
import io.lockstep.graph.CompactGraph;

/** Degree and strength (weighted degree) of every vertex; O(n + m). */
public final class Degrees {
    private Degrees() {
    }

    /** Number of distinct out-neighbours of each vertex. */
    public static int[] outDegrees(CompactDigraph g) {
        int[] d = new int[g.nodeCount()];
        for (int v = 0; v < d.length; v++) {
            d[v] = g.outDegree(v);
        }
        return d;
    }

    /** Number of distinct in-neighbours of each vertex. */
    public static int[] inDegrees(CompactDigraph g) {
        int[] d = new int[g.nodeCount()];
        for (int v = 0; v < d.length; v++) {
            d[v] = g.inDegree(v);
        }
        return d;
    }

    /** Total weight of the arcs leaving each vertex (e.g. how often an account retweeted). */
    public static double[] outStrengths(CompactDigraph g) {
        double[] s = new double[g.nodeCount()];
        for (int v = 0; v < s.length; v++) {
            s[v] = g.outStrength(v);
        }
        return s;
    }

    /** Total weight of the arcs entering each vertex (e.g. how often an account was retweeted). */
    public static double[] inStrengths(CompactDigraph g) {
        double[] s = new double[g.nodeCount()];
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = g.inStart(v); i < g.inEnd(v); i++) {
                s[v] += g.inWeight(i);
            }
        }
        return s;
    }

    /** Number of distinct neighbours of each vertex of an undirected graph (a self-loop counts once). */
    public static int[] degrees(CompactGraph g) {
        int[] d = new int[g.nodeCount()];
        for (int v = 0; v < d.length; v++) {
            d[v] = g.degree(v);
        }
        return d;
    }

    /** Weighted degree of each vertex of an undirected graph (a self-loop counts twice). */
    public static double[] strengths(CompactGraph g) {
        double[] s = new double[g.nodeCount()];
        for (int v = 0; v < s.length; v++) {
            s[v] = g.strength(v);
        }
        return s;
    }
}
