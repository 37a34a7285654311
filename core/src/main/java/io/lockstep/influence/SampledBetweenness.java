package io.lockstep.influence;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.Parallel;
import io.lockstep.progress.TerminationFlag;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Betweenness centrality of an undirected graph (hop counts; weights ignored), exact or estimated from sampled
 * sources.
 *
 * <p>U. Brandes, A faster algorithm for betweenness centrality, J. Math. Sociol. 25 (2001) 163–177,
 * <a href="https://doi.org/10.1080/0022250X.2001.9990249">doi:10.1080/0022250X.2001.9990249</a>; sampling as in
 * U. Brandes and C. Pich, Centrality estimation in large networks, Int. J. Bifurcation and Chaos 17 (2007) 2303–2318,
 * <a href="https://doi.org/10.1142/S0218127407018403">doi:10.1142/S0218127407018403</a>.
 *
 * <p>One breadth-first search and one dependency accumulation per source: O(m) each, so O(k·m) for k sources
 * (k = n gives the exact value, O(n·m), which JGraphT's {@code BetweennessCentrality} also computes but only on
 * small graphs in reasonable time). With k &lt; n sources drawn uniformly without replacement by a seeded generator,
 * the dependencies are scaled by n/k, an unbiased estimate. Like JGraphT for undirected graphs, each unordered pair
 * is counted once (the sum over sources is halved); scores are not normalised.
 *
 * <p>The sources are split over {@code concurrency} threads, each with its own O(n) arrays; partial sums are added
 * in thread order, so a given seed and concurrency always give the same scores.
 */
public final class SampledBetweenness {
    private final int samples;
    private final long seed;
    private final int concurrency;
    private final TerminationFlag termination;

    /**
     * @param samples number of source vertices; {@code >= n} means all of them (exact betweenness)
     */
    public SampledBetweenness(int samples, long seed, int concurrency, TerminationFlag termination) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, was " + samples);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        this.samples = samples;
        this.seed = seed;
        this.concurrency = concurrency;
        this.termination = Objects.requireNonNull(termination, "termination");
    }

    /** Exact betweenness (every vertex a source), single-threaded. */
    public static double[] exact(CompactGraph g) {
        return new SampledBetweenness(Integer.MAX_VALUE, 0, 1, TerminationFlag.RUNNING_TRUE).scores(g);
    }

    public double[] scores(CompactGraph g) {
        Objects.requireNonNull(g, "graph");
        int n = g.nodeCount();
        if (n == 0) {
            return new double[0];
        }
        int k = Math.min(samples, n);
        int[] sources = new int[n];
        for (int v = 0; v < n; v++) {
            sources[v] = v;
        }
        if (k < n) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < k; i++) {
                int j = i + rnd.nextInt(n - i);
                int t = sources[i];
                sources[i] = sources[j];
                sources[j] = t;
            }
        }
        int parts = Parallel.parts(k, concurrency, 1);
        double[][] partial = new double[parts][];
        Parallel.forRanges(k, parts, (part, from, to) -> {
            double[] bc = new double[n];
            int[] dist = new int[n];
            double[] sigma = new double[n];
            double[] delta = new double[n];
            int[] order = new int[n];
            Arrays.fill(dist, -1);
            for (int s = from; s < to; s++) {
                termination.assertRunning();
                int source = sources[s];
                int head = 0, tail = 0;
                order[tail++] = source;
                dist[source] = 0;
                sigma[source] = 1;
                while (head < tail) {
                    int v = order[head++];
                    for (int i = g.start(v), e = g.end(v); i < e; i++) {
                        int w = g.target(i);
                        if (dist[w] < 0) {
                            dist[w] = dist[v] + 1;
                            order[tail++] = w;
                        }
                        if (dist[w] == dist[v] + 1) {
                            sigma[w] += sigma[v];
                        }
                    }
                }
                for (int j = tail - 1; j > 0; j--) {
                    int w = order[j];
                    for (int i = g.start(w), e = g.end(w); i < e; i++) {
                        int v = g.target(i);
                        if (dist[v] == dist[w] - 1) {
                            delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                        }
                    }
                    bc[w] += delta[w];
                }
                for (int j = 0; j < tail; j++) {
                    int v = order[j];
                    dist[v] = -1;
                    sigma[v] = 0;
                    delta[v] = 0;
                }
            }
            partial[part] = bc;
        });
        double[] bc = partial[0];
        for (int p = 1; p < parts; p++) {
            for (int v = 0; v < n; v++) {
                bc[v] += partial[p][v];
            }
        }
        double scale = (double) n / k / 2.0;
        for (int v = 0; v < n; v++) {
            bc[v] *= scale;
        }
        return bc;
    }
}
