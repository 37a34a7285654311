package io.lockstep.visual.layout;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ForceAtlas2 force-directed layout (Jacomy, Venturini, Heymann and Bastian, "ForceAtlas2, a continuous graph layout
 * algorithm for handy network visualization designed for the Gephi software", PLoS ONE 9(6), 2014,
 * <a href="https://doi.org/10.1371/journal.pone.0098679">doi:10.1371/journal.pone.0098679</a>).
 *
 * <p>Forces, with mass {@code m(n) = deg(n) + 1}: repulsion {@code kr m1 m2 / d} between every pair (approximated
 * with a Barnes–Hut quadtree, opening criterion {@code theta}), attraction {@code w^delta d} (or
 * {@code w^delta log(1 + d)} in LinLog mode) along edges, gravity {@code kg m} towards the origin (or
 * {@code kg m d} in strong-gravity mode). Steps use the paper's adaptive speed: global speed
 * {@code s = tau tra(G) / swg(G)} (rising by at most 50% per iteration), local speed
 * {@code ks s / (1 + s sqrt(swg(n)))}, displacement capped at {@code ksmax}.
 *
 * <p>Cost: O(n log n + m) per iteration; the force pass runs on {@code threads} threads over node ranges. The tree
 * build and the speed update are sequential. Results are deterministic for a given seed <em>and do not depend on
 * the number of threads</em>: each node's force is computed by one thread in a fixed order.
 */
public final class ForceAtlas2 {
    /** Local speed constant {@code ks} from the paper. */
    static final double KS = 0.1;
    /** Maximum displacement per step {@code ksmax} from the paper. */
    static final double KS_MAX = 10;

    /**
     * Parameters.
     *
     * @param iterations          number of steps (> 0)
     * @param scaling             repulsion constant {@code kr} (> 0); larger spreads the graph
     * @param gravity             gravity constant {@code kg} (>= 0); keeps components together
     * @param strongGravity       gravity grows with distance
     * @param linLog              LinLog attraction (tighter clusters)
     * @param edgeWeightInfluence exponent {@code delta} of the edge weight (0 ignores weights)
     * @param theta               Barnes–Hut opening criterion (> 0); 1.2 in the paper's implementation
     * @param jitterTolerance     {@code tau} (> 0); 1 recommended, lower for large graphs gives more precision
     * @param threads             threads for the force pass (>= 1)
     * @param seed                seed of the initial random placement
     */
    public record Params(int iterations, double scaling, double gravity, boolean strongGravity, boolean linLog,
                         double edgeWeightInfluence, double theta, double jitterTolerance, int threads, long seed) {
        public Params {
            if (iterations <= 0) {
                throw new IllegalArgumentException("iterations must be > 0, was " + iterations);
            }
            if (!(scaling > 0)) {
                throw new IllegalArgumentException("scaling must be > 0, was " + scaling);
            }
            if (!(gravity >= 0)) {
                throw new IllegalArgumentException("gravity must be >= 0, was " + gravity);
            }
            if (!(edgeWeightInfluence >= 0)) {
                throw new IllegalArgumentException("edgeWeightInfluence must be >= 0, was " + edgeWeightInfluence);
            }
            if (!(theta > 0)) {
                throw new IllegalArgumentException("theta must be > 0, was " + theta);
            }
            if (!(jitterTolerance > 0)) {
                throw new IllegalArgumentException("jitterTolerance must be > 0, was " + jitterTolerance);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
        }

        /** 300 iterations, scaling 2, gravity 1, weights linear, theta 1.2, tau 1, all cores, seed 42. */
        public static Params defaults() {
            return new Params(300, 2.0, 1.0, false, false, 1.0, 1.2, 1.0,
                    Runtime.getRuntime().availableProcessors(), 42L);
        }

        public Params withIterations(int n) {
            return new Params(n, scaling, gravity, strongGravity, linLog, edgeWeightInfluence, theta, jitterTolerance, threads, seed);
        }

        public Params withThreads(int n) {
            return new Params(iterations, scaling, gravity, strongGravity, linLog, edgeWeightInfluence, theta, jitterTolerance, n, seed);
        }

        public Params withSeed(long s) {
            return new Params(iterations, scaling, gravity, strongGravity, linLog, edgeWeightInfluence, theta, jitterTolerance, threads, s);
        }

        public Params withScaling(double s) {
            return new Params(iterations, s, gravity, strongGravity, linLog, edgeWeightInfluence, theta, jitterTolerance, threads, seed);
        }

        public Params withGravity(double g, boolean strong) {
            return new Params(iterations, scaling, g, strong, linLog, edgeWeightInfluence, theta, jitterTolerance, threads, seed);
        }

        public Params withLinLog(boolean on) {
            return new Params(iterations, scaling, gravity, strongGravity, on, edgeWeightInfluence, theta, jitterTolerance, threads, seed);
        }
    }

    /** Node coordinates; index = vertex of the input graph. */
    public record Positions(double[] x, double[] y) {
        public Positions {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
            }
        }

        public int size() {
            return x.length;
        }
    }

    private final Params params;

    public ForceAtlas2(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** Lays out {@code graph} from a random start (seeded). */
    public Positions layout(CompactGraph graph, ProgressListener progress, TerminationFlag termination) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.nodeCount();
        Random random = new Random(params.seed());
        double side = 10 * Math.sqrt(Math.max(n, 1));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (random.nextDouble() - 0.5) * side;
            y[i] = (random.nextDouble() - 0.5) * side;
        }
        return layout(graph, new Positions(x, y), progress, termination);
    }

    /** Lays out {@code graph} starting from {@code start} (not modified). */
    public Positions layout(CompactGraph graph, Positions start, ProgressListener progress, TerminationFlag termination) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(termination, "termination");
        if (start.size() != graph.nodeCount()) {
            throw new IllegalArgumentException("start has " + start.size() + " positions for " + graph.nodeCount() + " nodes");
        }
        return new Run(graph, start.x().clone(), start.y().clone()).run(progress, termination);
    }

    private final class Run {
        final CompactGraph g;
        final int n;
        final double[] x, y, mass, fx, fy, oldFx, oldFy;
        double speed = 1.0;

        Run(CompactGraph g, double[] x, double[] y) {
            this.g = g;
            this.n = g.nodeCount();
            this.x = x;
            this.y = y;
            mass = new double[n];
            fx = new double[n];
            fy = new double[n];
            oldFx = new double[n];
            oldFy = new double[n];
            for (int i = 0; i < n; i++) {
                mass[i] = g.degree(i) + 1;
            }
        }

        Positions run(ProgressListener progress, TerminationFlag termination) {
            progress.begin("ForceAtlas2 layout", params.iterations());
            int threads = Math.min(params.threads(), Math.max(1, n / 256));
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "forceatlas2");
                t.setDaemon(true);
                return t;
            }) : null;
            try {
                for (int it = 0; it < params.iterations(); it++) {
                    termination.assertRunning();
                    step(pool, threads);
                    progress.advance(1);
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
                progress.end();
            }
            return new Positions(x, y);
        }

        void step(ExecutorService pool, int threads) {
            System.arraycopy(fx, 0, oldFx, 0, n);
            System.arraycopy(fy, 0, oldFy, 0, n);
            BarnesHutTree tree = new BarnesHutTree(x, y, mass, n);
            if (pool == null) {
                forces(tree, 0, n);
            } else {
                List<Callable<Void>> tasks = new ArrayList<>(threads * 4);
                int chunks = threads * 4;
                for (int t = 0; t < chunks; t++) {
                    int from = (int) ((long) n * t / chunks), to = (int) ((long) n * (t + 1) / chunks);
                    tasks.add(() -> {
                        forces(tree, from, to);
                        return null;
                    });
                }
                try {
                    for (Future<Void> f : pool.invokeAll(tasks)) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("layout interrupted");
                } catch (ExecutionException e) {
                    throw new IllegalStateException("layout worker failed", e.getCause());
                }
            }
            move();
        }

        void forces(BarnesHutTree tree, int from, int to) {
            double kr = params.scaling(), kg = params.gravity(), theta = params.theta(), delta = params.edgeWeightInfluence();
            boolean linLog = params.linLog(), strong = params.strongGravity();
            int[] stack = new int[tree.stackSize()];
            double[] out = new double[2];
            for (int i = from; i < to; i++) {
                out[0] = 0;
                out[1] = 0;
                tree.repulsion(i, kr, theta, stack, out);
                double ax = 0, ay = 0, xi = x[i], yi = y[i];
                for (int a = g.start(i), e = g.end(i); a < e; a++) {
                    int j = g.target(a);
                    if (j == i) {
                        continue;
                    }
                    double w = delta == 0 ? 1 : delta == 1 ? g.weight(a) : Math.pow(g.weight(a), delta);
                    double dx = x[j] - xi, dy = y[j] - yi;
                    if (linLog) {
                        double d = Math.sqrt(dx * dx + dy * dy);
                        if (d > 0) {
                            double f = w * Math.log1p(d) / d;
                            ax += dx * f;
                            ay += dy * f;
                        }
                    } else {
                        ax += dx * w;
                        ay += dy * w;
                    }
                }
                double d = Math.sqrt(xi * xi + yi * yi);
                double gx = 0, gy = 0;
                if (d > 0 && kg > 0) {
                    double f = strong ? kg * mass[i] : kg * mass[i] / d;
                    gx = -xi * f;
                    gy = -yi * f;
                }
                fx[i] = out[0] + ax + gx;
                fy[i] = out[1] + ay + gy;
            }
        }

        void move() {
            double swingG = 0, tractionG = 0;
            for (int i = 0; i < n; i++) {
                double sx = fx[i] - oldFx[i], sy = fy[i] - oldFy[i];
                double tx = fx[i] + oldFx[i], ty = fy[i] + oldFy[i];
                swingG += mass[i] * Math.sqrt(sx * sx + sy * sy);
                tractionG += mass[i] * Math.sqrt(tx * tx + ty * ty) / 2;
            }
            double target = swingG > 0 ? params.jitterTolerance() * tractionG / swingG : speed;
            speed = Math.min(target, speed * 1.5);
            if (!(speed > 0) || Double.isInfinite(speed)) {
                speed = 1.0;
            }
            for (int i = 0; i < n; i++) {
                double sx = fx[i] - oldFx[i], sy = fy[i] - oldFy[i];
                double swing = Math.sqrt(sx * sx + sy * sy);
                double local = KS * speed / (1 + speed * Math.sqrt(swing));
                double f = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]);
                if (f > 0 && local * f > KS_MAX) {
                    local = KS_MAX / f;
                }
                x[i] += fx[i] * local;
                y[i] += fy[i] * local;
            }
        }
    }
}
