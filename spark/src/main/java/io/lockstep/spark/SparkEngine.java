package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.analysis.CoordinationEngine;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.DenseBlock;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.coordination.LockstepFollowSignal;
import io.lockstep.coordination.Signal;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code analyze --engine spark}: the co-action signals (co-retweet, co-reply, co-hashtag, hashtag-sequence,
 * co-link, and co-text with its near-duplicate clustering) run on Spark from the archive files, and so does the
 * lockstep-follow signal's follow graph (the edge lists parsed, encoded and deduplicated in tasks:
 * {@link SparkFollows}); the rest runs in this JVM with the code the single-JVM engine uses: the follow signal's
 * null model, seeds, growth and block test on that graph ({@link LockstepFollowSignal#graph(Activity, long[],
 * LockstepFollowSignal.SurpriseSource, ProgressListener, TerminationFlag)}; with {@link #FOLLOW_WEIGHTS}
 * {@code spark} on a local master the peeling weights, a function of the follows and the model's partitions, come
 * from Spark: {@link SparkFollowSurprise}),
 * fast-retweet on the activity, then combining, Leiden, scoring, verdicts and campaigns
 * ({@link CoordinationDetector#assemble}).
 *
 * <p>{@code local[...]} runs Spark in this process (an active session, e.g. a test's, is reused and left open);
 * any other master is reached by {@link ClusterSubmit}, which starts Spark's {@code SparkSubmit} with the module's
 * classes as the application jar and the Java 17 {@code --add-opens} options Spark's launcher defines.
 */
public final class SparkEngine implements CoordinationEngine {
    /**
     * Where lockstep-follow's peeling weights are computed on a local master: {@code driver} (the default: one
     * O(m) pass per partition, 1.4 CPU-s for 6.6M follows) or {@code spark} ({@link SparkFollowSurprise}: the same
     * weights from tasks, 54 CPU-s for 6.6M follows on {@code local[2]}; the piece a distributed fit of the model
     * would feed). On a cluster master they are computed in this JVM, and {@code spark} is rejected.
     */
    public static final String FOLLOW_WEIGHTS = "spark.lockstep.followWeights";
    private final String master;
    private final Map<String, String> conf;
    private final boolean weightsInSpark;

    public SparkEngine(String master, Map<String, String> conf) {
        this.master = Objects.requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("--master must not be empty");
        }
        this.conf = new LinkedHashMap<>(conf);
        String weights = this.conf.getOrDefault(FOLLOW_WEIGHTS, "driver");
        if (!weights.equals("driver") && !weights.equals("spark")) {
            throw new IllegalArgumentException(FOLLOW_WEIGHTS + " must be driver or spark, got " + weights);
        }
        this.weightsInSpark = weights.equals("spark");
        if (weightsInSpark && !isLocal()) {
            // the submitted job ends before the signal runs here, so no session is left to compute them in
            throw new IllegalArgumentException(FOLLOW_WEIGHTS + "=spark needs a local master, got " + master);
        }
    }

    /** Registers the engine as {@code spark} for {@link CoordinationEngine#named}. */
    public static final class Provider implements CoordinationEngine.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public CoordinationEngine create(String master, Map<String, String> conf) {
            return new SparkEngine(master, conf);
        }
    }

    /**
     * What the Spark job returns: the co-action edges of the distributed signals, and the distinct follows of the
     * archive's edge lists in the activity's numbering ({@link SparkFollows}; null when lockstep-follow is off), or,
     * on a local master, the follow signal computed already (its peeling weights in Spark,
     * {@link SparkFollowSurprise}; null otherwise).
     */
    record Distributed(List<CoordinationEdge> edges, long[] follows, SignalGraph followSignal) {
        Distributed(List<CoordinationEdge> edges, long[] follows) {
            this(edges, follows, null);
        }
    }

    @Override
    public CoordinationResult run(Activity activity, List<Path> files, CoordinationParams params,
                                  ProgressListener progress, TerminationFlag termination) {
        SparkCoActions.Plan plan = SparkCoActions.Plan.of(params);
        Set<String> distributed = ActionSignals.enabled(params);
        boolean follows = params.enabled(CoordinationSignal.LOCKSTEP_FOLLOW);
        Distributed fromSpark = new Distributed(List.of(), null);
        if (!distributed.isEmpty() || follows) {
            progress.begin("co-action signals and the follow graph on Spark (" + master + ")", -1);
            try {
                fromSpark = isLocal() ? runLocal(activity, files, plan, distributed, follows, weightsInSpark ? params
                        : null, progress, termination)
                        : new ClusterSubmit(master, conf).run(activity, files, plan, distributed, follows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.end();
        }
        List<CoordinationEdge> edges = new ArrayList<>();
        List<DenseBlock> blocks = new ArrayList<>();
        for (String name : CoordinationParams.ALL_SIGNALS) {
            if (!params.enabled(name) || Signal.of(name).afterVerdicts()) {
                continue; // amplified-seed reads the verdicts: assemble runs it
            }
            termination.assertRunning();
            if (distributed.contains(name)) {
                for (CoordinationEdge e : fromSpark.edges()) {
                    if (e.signal().equals(name)) {
                        edges.add(e);
                    }
                }
            } else {
                // lockstep-follow: the follow graph from Spark, the model and the blocks here (core's block code)
                SignalGraph g = !name.equals(CoordinationSignal.LOCKSTEP_FOLLOW)
                        ? CoordinationDetector.create(name, params).graph(activity, progress, termination)
                        : fromSpark.followSignal() != null ? fromSpark.followSignal()
                        : new LockstepFollowSignal(params).graph(activity, fromSpark.follows(), progress, termination);
                edges.addAll(g.edges());
                blocks.addAll(g.blocks());
            }
        }
        return new CoordinationDetector(params).assemble(activity, edges, blocks, progress, termination);
    }

    boolean isLocal() {
        return master.equals("local") || master.startsWith("local[");
    }

    /**
     * The distributed signals in this process, with {@code follows} the follow graph, and with {@code follow} (null:
     * the caller runs the signal) the follow signal on that graph too, its peeling weights computed in Spark while
     * the session is open.
     */
    private Distributed runLocal(Activity activity, List<Path> files, SparkCoActions.Plan plan, Set<String> signals,
                                 boolean follows, CoordinationParams follow, ProgressListener progress,
                                 TerminationFlag termination) throws IOException {
        boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession spark = session(master, conf);
        try {
            Dictionaries dictionaries = Dictionaries.fromActivity(spark, activity, signals);
            List<CoordinationEdge> edges = signals.isEmpty() ? List.of()
                    : SparkCoActions.fromArchive(spark, files, dictionaries, plan, true);
            if (!follows || follow == null) {
                return new Distributed(edges, follows ? SparkFollows.distinct(spark, files, dictionaries.accounts())
                        : null);
            }
            // kept on disk for the weights' job, so that the follow files are not parsed twice
            Dataset<Row> packed = SparkFollows.packed(spark, files, dictionaries.accounts())
                    .persist(StorageLevel.DISK_ONLY());
            try {
                long[] graph = SparkFollows.collect(packed);
                return new Distributed(edges, graph, new LockstepFollowSignal(follow).graph(activity, graph,
                        new SparkFollowSurprise(packed, graph), progress, termination));
            } finally {
                packed.unpersist();
            }
        } finally {
            if (!existing) {
                spark.stop();
            }
        }
    }

    /** A session on {@code master} with the UI off and the given settings (an active one is reused). */
    static SparkSession session(String master, Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName("lockstep analyze")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", "true");
        for (Map.Entry<String, String> e : conf.entrySet()) {
            b = b.config(e.getKey(), e.getValue());
        }
        return b.getOrCreate();
    }
}
