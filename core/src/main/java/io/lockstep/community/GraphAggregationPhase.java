package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.Parallel;

import java.util.Arrays;

/**
 * Builds the aggregate graph of a partition: one vertex per community, an edge between two communities weighted by
 * the total weight between them, and a self-loop carrying the weight inside each community (so strengths, total
 * weight and modularity are preserved). Vertex volumes are summed.
 *
 * <p>Cost: O(n + m) with a counting sort of vertices by community and a sparse accumulator per community; the
 * communities are split into {@code concurrency} contiguous ranges built in parallel and concatenated in order, so
 * the result does not depend on the thread count.
 */
final class GraphAggregationPhase {
    /** The aggregate graph and the volume of each of its vertices. */
    record Aggregate(CompactGraph graph, double[] volume) {
    }

    private GraphAggregationPhase() {
    }

    /**
     * @param group community of each vertex, compact values {@code 0..k-1}
     * @param k     number of communities
     */
    static Aggregate run(CompactGraph g, double[] vol, int[] group, int k, int concurrency) {
        int n = g.nodeCount();
        // counting sort of vertices by group
        int[] groupStart = new int[k + 1];
        for (int v = 0; v < n; v++) {
            groupStart[group[v] + 1]++;
        }
        for (int c = 0; c < k; c++) {
            groupStart[c + 1] += groupStart[c];
        }
        int[] members = new int[n];
        int[] at = Arrays.copyOf(groupStart, k);
        double[] volume = new double[k];
        for (int v = 0; v < n; v++) {
            members[at[group[v]]++] = v;
            volume[group[v]] += vol[v];
        }
        int parts = Parallel.parts(k, concurrency, 20_000);
        int[][] partTargets = new int[parts][];
        float[][] partWeights = new float[parts][];
        int[] degree = new int[k];
        // one range runs here without a lambda: a first small graph in a fresh JVM then links no lambda and touches
        // no thread pool
        if (parts == 1) {
            aggregateRange(g, group, k, groupStart, members, degree, partTargets, partWeights, 0, 0, k);
        } else {
            Parallel.forRanges(k, parts, (part, from, to) -> aggregateRange(g, group, k, groupStart, members, degree,
                    partTargets, partWeights, part, from, to));
        }
        int[] offsets = new int[k + 1];
        for (int c = 0; c < k; c++) {
            offsets[c + 1] = offsets[c] + degree[c];
        }
        int arcs = offsets[k];
        int[] targets = new int[arcs];
        float[] weights = new float[arcs];
        for (int p = 0; p < parts; p++) {
            int from = Parallel.from(k, parts, p), to = Parallel.from(k, parts, p + 1);
            int len = offsets[to] - offsets[from];
            System.arraycopy(partTargets[p], 0, targets, offsets[from], len);
            System.arraycopy(partWeights[p], 0, weights, offsets[from], len);
        }
        return new Aggregate(CompactGraph.fromCsr(offsets, targets, weights), volume);
    }

    /** Builds the aggregate's arcs of communities {@code [from, to)} into {@code partTargets[part]}, {@code partWeights[part]}. */
    private static void aggregateRange(CompactGraph g, int[] group, int k, int[] groupStart, int[] members,
                                       int[] degree, int[][] partTargets, float[][] partWeights, int part, int from,
                                       int to) {
        double[] acc = new double[k];
        int[] touched = new int[k];
        int cap = 1024;
        int[] targets = new int[cap];
        float[] weights = new float[cap];
        int out = 0;
        for (int c = from; c < to; c++) {
            int touchedCount = 0;
            double loop = 0;
            for (int j = groupStart[c]; j < groupStart[c + 1]; j++) {
                int v = members[j];
                for (int i = g.start(v), e = g.end(v); i < e; i++) {
                    int u = g.target(i);
                    int d = group[u];
                    if (d == c) {
                        loop += u == v ? g.weight(i) : g.weight(i) / 2.0;
                    } else {
                        if (acc[d] == 0) {
                            touched[touchedCount++] = d;
                        }
                        acc[d] += g.weight(i);
                    }
                }
            }
            int need = out + touchedCount + 1;
            if (need > cap) {
                cap = Math.max(need, cap * 2);
                targets = Arrays.copyOf(targets, cap);
                weights = Arrays.copyOf(weights, cap);
            }
            int before = out;
            if (loop > 0) {
                targets[out] = c;
                weights[out++] = (float) loop;
            }
            for (int t = 0; t < touchedCount; t++) {
                int d = touched[t];
                targets[out] = d;
                weights[out++] = (float) acc[d];
                acc[d] = 0;
            }
            degree[c] = out - before;
        }
        partTargets[part] = targets;
        partWeights[part] = weights;
    }
}
