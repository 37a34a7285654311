package io.lockstep.influence;

import io.lockstep.graph.CompactDigraph;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.Parallel;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Arrays;
import java.util.Objects;

/**
 * Weighted PageRank by power iteration.
 *
 * <p>S. Brin and L. Page, The anatomy of a large-scale hypertextual Web search engine, Computer Networks and ISDN
 * Systems 30 (1998) 107–117, <a href="https://doi.org/10.1016/S0169-7552(98)00110-X">doi:10.1016/S0169-7552(98)00110-X</a>.
 *
 * <p>Each iteration computes, for every vertex v,
 * {@code r'(v) = (1−d)/n + d·D/n + d·Σ_{u→v} r(u)·w(u,v)/W(u)} where W(u) is u's total out-weight and D the
 * total score of dangling vertices (no out-arcs), which is spread evenly: the same formula as JGraphT's
 * {@code PageRank}. It stops when the largest change of
 * a single score is below {@code tolerance}, or after {@code maxIterations}. Scores sum to 1.
 *
 * <p>Cost: O(n + m) per iteration, pulled over in-arcs and split over {@code concurrency} threads; each vertex's
 * sum is computed by one thread in arc order, so results do not depend on the thread count.
 */
public final class PageRank {
    public static final double DAMPING_DEFAULT = 0.85;
    public static final int MAX_ITERATIONS_DEFAULT = 100;
    public static final double TOLERANCE_DEFAULT = 1e-6;

    private final double damping;
    private final int maxIterations;
    private final double tolerance;
    private final int concurrency;
    private final TerminationFlag termination;
    private final ProgressListener progress;

    public PageRank() {
        this(DAMPING_DEFAULT, MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT, Runtime.getRuntime().availableProcessors(),
                TerminationFlag.RUNNING_TRUE);
    }

    public PageRank(double damping, int maxIterations, double tolerance, int concurrency, TerminationFlag termination) {
        this(damping, maxIterations, tolerance, concurrency, ProgressListener.NONE, termination);
    }

    /**
     * @param progress    told of each iteration (out of {@code maxIterations}; convergence ends it earlier)
     * @param termination polled before each iteration
     */
    public PageRank(double damping, int maxIterations, double tolerance, int concurrency, ProgressListener progress,
                    TerminationFlag termination) {
        if (!(damping >= 0 && damping <= 1)) {
            throw new IllegalArgumentException("damping must be in [0, 1], was " + damping);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        this.damping = damping;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.concurrency = concurrency;
        this.termination = Objects.requireNonNull(termination, "termination");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Default damping, iterations, tolerance and all cores, with a progress listener and a termination flag. */
    public static PageRank withDefaults(ProgressListener progress, TerminationFlag termination) {
        return new PageRank(DAMPING_DEFAULT, MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT,
                Runtime.getRuntime().availableProcessors(), progress, termination);
    }

    /** Scores of a directed graph: an arc u→v passes u's score to v (e.g. a retweet edge retweeter→author). */
    public double[] scores(CompactDigraph g) {
        Objects.requireNonNull(g, "graph");
        int n = g.nodeCount();
        double[] outW = new double[n];
        for (int v = 0; v < n; v++) {
            outW[v] = g.outStrength(v);
        }
        return iterate(n, outW, (v, r) -> {
            double s = 0;
            for (int i = g.inStart(v), e = g.inEnd(v); i < e; i++) {
                int u = g.inSource(i);
                s += r[u] * g.inWeight(i) / outW[u];
            }
            return s;
        });
    }

    /** Scores of an undirected graph, each edge passing score both ways (a self-loop passes score to itself once). */
    public double[] scores(CompactGraph g) {
        Objects.requireNonNull(g, "graph");
        int n = g.nodeCount();
        double[] outW = new double[n];
        for (int v = 0; v < n; v++) {
            double s = 0;
            for (int i = g.start(v), e = g.end(v); i < e; i++) {
                s += g.weight(i);
            }
            outW[v] = s;
        }
        return iterate(n, outW, (v, r) -> {
            double s = 0;
            for (int i = g.start(v), e = g.end(v); i < e; i++) {
                int u = g.target(i);
                s += r[u] * g.weight(i) / outW[u];
            }
            return s;
        });
    }

    @FunctionalInterface
    private interface Pull {
        double sum(int v, double[] r);
    }

    private double[] iterate(int n, double[] outW, Pull pull) {
        if (n == 0) {
            return new double[0];
        }
        double[] r = new double[n];
        double[] next = new double[n];
        Arrays.fill(r, 1.0 / n);
        int parts = Parallel.parts(n, concurrency, 20_000);
        double[] maxChange = new double[parts];
        progress.begin("PageRank", maxIterations);
        for (int it = 0; it < maxIterations; it++) {
            termination.assertRunning();
            progress.advance(1);
            double dangling = 0;
            for (int v = 0; v < n; v++) {
                if (outW[v] == 0) {
                    dangling += r[v];
                }
            }
            double base = (1 - damping) / n + damping * dangling / n;
            double[] cur = r;
            double[] nxt = next;
            Parallel.forRanges(n, parts, (part, from, to) -> {
                double change = 0;
                for (int v = from; v < to; v++) {
                    double x = base + damping * pull.sum(v, cur);
                    change = Math.max(change, Math.abs(x - cur[v]));
                    nxt[v] = x;
                }
                maxChange[part] = change;
            });
            next = r;
            r = nxt;
            double change = 0;
            for (double c : maxChange) {
                change = Math.max(change, c);
            }
            if (change < tolerance) {
                break;
            }
        }
        progress.end();
        return r;
    }
}
