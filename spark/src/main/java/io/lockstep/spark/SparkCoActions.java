package io.lockstep.spark;

import io.lockstep.coordination.CoActionKernel;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.DetectionParams;
import io.lockstep.coordination.Evidence;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

/**
 * The co-action signals distributed: core's sort-and-scan ({@code CoActionScanner}) with the actions partitioned by
 * item instead of radix-sorted in one array, and every per-item step done by {@link CoActionKernel}.
 *
 * <ol>
 *   <li>Encode: accounts to dense ids (a join with the account dictionary).</li>
 *   <li>Per signal: distinct active accounts A (an aggregation).</li>
 *   <li>Partition by (signal, item), sort by time then account inside partitions (one shuffle), and scan each item:
 *       its weight w = idf(A, m), one (account, w²) row per distinct account (volumes and norms) and, for items
 *       of at least 2 accounts, the window pairs with the nearest-first cap (inside the kernel's account-hash
 *       groups above {@link CoActionKernel#MAX_ITEM_ACCOUNTS} accounts), one row per distinct pair and item.</li>
 *   <li>Aggregate pairs (count, fixed-point Σw²) and accounts (volume, norm); the data-wide chance per signal; join
 *       both accounts' statistics to each pair passing {@code minShared}; select with the kernel's thresholds and
 *       null model.</li>
 *   <li>Evidence: the selected pairs are broadcast, the cached sorted partitions rescanned for each pair's first
 *       window instance per item, and the {@code evidenceCap} instances with the lowest item keys kept.</li>
 * </ol>
 * Shuffles: the actions once (one row per action), the pair and account statistics once (combined inside each scan
 * partition first: one row per pair or account and partition), the pairs passing {@code minShared} once more for the
 * join with their accounts' statistics; the selected pairs are broadcast (cost model: docs/scale-out.md). Edges
 * equal core's for the same numbering (sums of squared weights are fixed-point; account norms may differ in the last bits of a double).
 */
public final class SparkCoActions {
    private static final StructType SCAN = new StructType()
            .add("kind", DataTypes.IntegerType, false) // 0: pair, 1: account, 2: a partition's pair rows
            .add("signal", DataTypes.IntegerType, false)
            .add("a", DataTypes.LongType, false)       // pair key, or account id
            .add("b", DataTypes.LongType, false)       // a pair's fixed-point sum of w² over its items
            .add("n", DataTypes.LongType, false)       // a pair's shared items, an account's items
            .add("w2", DataTypes.DoubleType, false);   // an account's sum of w² (its norm squared)
    private static final StructType SELECTED = new StructType()
            .add("signal", DataTypes.IntegerType, false)
            .add("pair", DataTypes.LongType, false)
            .add("count", DataTypes.IntegerType, false)
            .add("weight", DataTypes.DoubleType, false);
    private static final StructType EVIDENCE = new StructType()
            .add("signal", DataTypes.IntegerType, false)
            .add("pair", DataTypes.LongType, false)
            .add("item", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, false)
            .add("source_time", DataTypes.LongType, false)
            .add("target_time", DataTypes.LongType, false);

    /** Partition-level pair statistics packing, as core's scanner packs them: count above, Σw² units below. */
    private static final int COUNT_SHIFT = 40;
    private static final long UNITS_MASK = (1L << COUNT_SHIFT) - 1;

    private SparkCoActions() {
    }

    /** A signal's thresholds in a form tasks can carry. */
    public record Thresholds(long window, int minShared, double minSimilarity, double maxPValue) implements Serializable {
        static Thresholds of(DetectionParams.CoAction p) {
            return new Thresholds(p.window(), p.minShared(), p.minSimilarity(), p.maxPValue());
        }

        DetectionParams.CoAction coAction() {
            return new DetectionParams.CoAction(window, minShared, minSimilarity, maxPValue);
        }
    }

    /**
     * What the distributed signals need from {@link DetectionParams}, in a form tasks and a submitted driver carry:
     * thresholds indexed by signal code (null for signals not run), the neighbour cap and the evidence cap.
     */
    public record Plan(Thresholds[] thresholds, int maxNeighbours, int evidenceCap, SparkCoText.TextPlan text)
            implements Serializable {
        public static Plan of(DetectionParams params) {
            Thresholds[] t = new Thresholds[DetectionParams.ALL_SIGNALS.size()];
            for (String s : ActionSignals.enabled(params)) {
                t[ActionSignals.code(s)] = SparkCoActions.thresholds(params, s);
            }
            DetectionParams.TextParams p = params.text();
            SparkCoText.TextPlan text = t[ActionSignals.CO_TEXT] == null ? null : new SparkCoText.TextPlan(
                    p.shingle(), p.bands(), p.rows(), p.minJaccard(), p.minTokens(), params.seed());
            return new Plan(t, params.maxNeighbours(), params.evidenceCap(), text);
        }

        boolean isEmpty() {
            for (Thresholds t : thresholds) {
                if (t != null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What one run found, with counts for the cost model. */
    public record Result(List<CoordinationEdge> edges, Map<String, Long> actions, Map<String, Long> pairRows) {
    }

    static Thresholds thresholds(DetectionParams params, String signal) {
        return Thresholds.of(switch (signal) {
            case "co-retweet" -> params.coRetweet();
            case "co-reply" -> params.coReply();
            case "co-hashtag" -> params.coHashtag();
            case "hashtag-sequence" -> params.sequence();
            case "co-link" -> params.coLink();
            case "co-text" -> params.coText();
            default -> throw new IllegalArgumentException("not a distributed signal: " + signal);
        });
    }

    /**
     * Runs the distributed signals of {@code plan} on {@code actions} ({@link ArchiveActions#SCHEMA}).
     *
     * @param dictionaries accounts (required) and item keys (null: evidence in item-name order)
     */
    public static Result detect(SparkSession spark, Dataset<Row> actions, Dictionaries dictionaries, Plan plan,
                                boolean broadcastAccounts) {
        Thresholds[] thresholds = plan.thresholds();
        int codes = thresholds.length;
        List<Integer> wanted = new ArrayList<>();
        for (int s = 0; s < codes; s++) {
            if (thresholds[s] != null) {
                wanted.add(s);
            }
        }
        int maxNeighbours = plan.maxNeighbours();
        Dataset<Row> accountsDict = broadcastAccounts ? broadcast(dictionaries.accounts()) : dictionaries.accounts();
        Dataset<Row> encoded = actions.filter(col("signal").isin(wanted.toArray()))
                .join(accountsDict, "account")
                .select(col("signal"), col("item"), col("id").as("account"), col("post"), col("time"));

        // per signal: distinct accounts A and action counts (this job also parses the archives, once: persisted)
        encoded = encoded.persist(StorageLevel.MEMORY_AND_DISK());
        int[] active = new int[codes];
        Map<String, Long> actionCounts = new HashMap<>();
        for (Row r : encoded.groupBy("signal").agg(countDistinct("account"), count(lit(1))).collectAsList()) {
            active[r.getInt(0)] = (int) r.getLong(1);
            actionCounts.put(ActionSignals.name(r.getInt(0)), r.getLong(2));
        }
        Dataset<Row> sorted = encoded.repartition(col("signal"), col("item"))
                .sortWithinPartitions("signal", "item", "time", "account", "post")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> scanned = sorted.mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> new ItemGroups(rows) {
                    // combined inside the partition before the shuffle: a pair shares many items of a partition
                    // (a botnet's originals), and one map probe per pair event is what core's scanner pays too
                    private final Long2LongOpenHashMap[] pairStats = new Long2LongOpenHashMap[codes];
                    private final Long2IntOpenHashMap[] volume = new Long2IntOpenHashMap[codes];
                    private final Long2DoubleOpenHashMap[] norm = new Long2DoubleOpenHashMap[codes];
                    private final long[] pairRows = new long[codes];
                    private final LongArrayList pairs = new LongArrayList();
                    private int[] scratch = new int[16];

                    @Override
                    protected void item(int signal, String item, int n) {
                        if (pairStats[signal] == null) {
                            pairStats[signal] = new Long2LongOpenHashMap();
                            volume[signal] = new Long2IntOpenHashMap();
                            norm[signal] = new Long2DoubleOpenHashMap();
                        }
                        if (scratch.length < n) {
                            scratch = new int[Math.max(n, 2 * scratch.length)];
                        }
                        int m = CoActionKernel.distinctAccounts(accounts, n, scratch);
                        double w = CoActionKernel.idf(active[signal], m);
                        boolean inNorm = CoActionKernel.inNorm(m);
                        for (int i = 0; i < m; i++) {
                            volume[signal].addTo(scratch[i], 1);
                            if (inNorm) {
                                norm[signal].addTo(scratch[i], w * w);
                            }
                        }
                        if (CoActionKernel.paired(m)) {
                            pairs.clear();
                            CoActionKernel.itemPairs(times, accounts, 0, n, m, thresholds[signal].window(),
                                    maxNeighbours, pairs);
                            long[] p = pairs.elements();
                            int np = pairs.size();
                            LongArrays.radixSort(p, 0, np);
                            long increment = (1L << COUNT_SHIFT) | CoActionKernel.weightUnits(w);
                            for (int i = 0; i < np; i++) {
                                if (i == 0 || p[i] != p[i - 1]) {
                                    pairStats[signal].addTo(p[i], increment);
                                    pairRows[signal]++;
                                }
                            }
                        }
                    }

                    @Override
                    protected void end() {
                        for (int s = 0; s < codes; s++) {
                            if (pairStats[s] == null) {
                                continue;
                            }
                            for (var e : pairStats[s].long2LongEntrySet()) {
                                long packed = e.getLongValue();
                                emitted.add(RowFactory.create(0, s, e.getLongKey(), packed & UNITS_MASK,
                                        packed >>> COUNT_SHIFT, 0.0));
                            }
                            for (var e : volume[s].long2IntEntrySet()) {
                                emitted.add(RowFactory.create(1, s, e.getLongKey(), 0L, (long) e.getIntValue(),
                                        norm[s].get(e.getLongKey())));
                            }
                            emitted.add(RowFactory.create(2, s, pairRows[s], 0L, 0L, 0.0));
                            pairStats[s] = null;
                            volume[s] = null;
                            norm[s] = null;
                        }
                    }
                }, Encoders.row(SCAN)).persist(StorageLevel.MEMORY_AND_DISK());

        Dataset<Row> accountStats = scanned.filter(col("kind").equalTo(1)).groupBy(col("signal"), col("a"))
                .agg(sum("n").as("volume"), sum("w2").as("norm")).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> pairStats = scanned.filter(col("kind").equalTo(0)).groupBy(col("signal"), col("a"))
                .agg(sum("n").as("count"), sum("b").as("units"));
        double[] volumeSum = new double[codes];
        double[] volumeSquareSum = new double[codes];
        for (Row r : accountStats.groupBy("signal")
                .agg(sum(col("volume").cast("double")), sum(col("volume").cast("double").multiply(col("volume"))))
                .collectAsList()) {
            volumeSum[r.getInt(0)] = r.getDouble(1);
            volumeSquareSum[r.getInt(0)] = r.getDouble(2);
        }
        encoded.unpersist();
        long[] coOccurrences = new long[codes];
        Map<String, Long> pairRows = new HashMap<>();
        for (Row r : scanned.filter(col("kind").equalTo(2)).groupBy("signal").agg(sum("a")).collectAsList()) {
            coOccurrences[r.getInt(0)] = r.getLong(1);
            pairRows.put(ActionSignals.name(r.getInt(0)), r.getLong(1));
        }
        double[] chance = new double[codes];
        for (int s : wanted) {
            chance[s] = CoActionKernel.chance(coOccurrences[s], volumeSum[s], volumeSquareSum[s]);
        }
        Background bg = background(spark, accountStats, pairStats, wanted, codes, chance, thresholds);
        Column minShared = lit(Integer.MAX_VALUE);
        for (int s : wanted) {
            minShared = org.apache.spark.sql.functions.when(col("signal").equalTo(s), thresholds[s].minShared())
                    .otherwise(minShared);
        }
        Dataset<Row> u = accountStats.toDF("signal", "u", "u_volume", "u_norm");
        Dataset<Row> v = accountStats.toDF("signal", "v", "v_volume", "v_norm");
        Dataset<Row> joined = bg.pairs().filter(col("count").geq(minShared))
                .withColumn("u", org.apache.spark.sql.functions.shiftrightunsigned(col("a"), 32))
                .withColumn("v", col("a").bitwiseAND(lit(0xffffffffL)))
                .join(u, new String[]{"signal", "u"}).join(v, new String[]{"signal", "v"});
        Broadcast<long[][]> strengths = bg.strength();
        long[] bgCoOccurrences = bg.coOccurrences();
        List<Row> selected = joined.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            List<Row> out = new ArrayList<>();
            long[][] strength = strengths.value();
            while (rows.hasNext()) {
                Row r = rows.next();
                int s = r.getInt(r.fieldIndex("signal"));
                int c = (int) r.getLong(r.fieldIndex("count"));
                int pu = (int) r.getLong(r.fieldIndex("u"));
                int pv = (int) r.getLong(r.fieldIndex("v"));
                long own = r.getBoolean(r.fieldIndex("bg")) ? c : 0;
                double lambda = CoActionKernel.strengthExpectation(strength[s][pu] - own, strength[s][pv] - own,
                        bgCoOccurrences[s] - own);
                double weight = CoActionKernel.select(c, r.getLong(r.fieldIndex("units")),
                        (int) r.getLong(r.fieldIndex("u_volume")), r.getDouble(r.fieldIndex("u_norm")),
                        (int) r.getLong(r.fieldIndex("v_volume")), r.getDouble(r.fieldIndex("v_norm")),
                        chance[s], lambda, active[s], thresholds[s].coAction());
                if (!Double.isNaN(weight)) {
                    out.add(RowFactory.create(s, r.getLong(r.fieldIndex("a")), c, weight));
                }
            }
            return out.iterator();
        }, Encoders.row(SELECTED)).collectAsList();
        bg.pairs().unpersist();
        scanned.unpersist();
        accountStats.unpersist();

        Long2ObjectOpenHashMap<List<Evidence>>[] evidence = evidence(spark, sorted, dictionaries, selected, thresholds,
                maxNeighbours, plan.evidenceCap());
        sorted.unpersist();
        List<CoordinationEdge> edges = new ArrayList<>(selected.size());
        for (Row r : selected) {
            int s = r.getInt(0);
            long pair = r.getLong(1);
            edges.add(new CoordinationEdge((int) (pair >>> 32), (int) pair, ActionSignals.name(s), r.getDouble(3),
                    r.getInt(2), evidence[s] == null ? List.of() : evidence[s].getOrDefault(pair, List.of())));
        }
        edges.sort(Comparator.comparingInt((CoordinationEdge e) -> DetectionParams.ALL_SIGNALS.indexOf(e.signal()))
                .thenComparingLong(CoordinationEdge::pairKey));
        return new Result(edges, actionCounts, pairRows);
    }


    /**
     * The strength model's background, as core's {@code CoActionNullModel.background} finds it: every counted pair
     * with a flag {@code bg} (the null model explains it), the accounts' strengths over the flagged pairs per signal
     * (broadcast) and the flagged pairs' co-occurrences per signal.
     */
    private record Background(Dataset<Row> pairs, Broadcast<long[][]> strength, long[] coOccurrences) {
    }

    private static final StructType FLAGGED = new StructType()
            .add("signal", DataTypes.IntegerType, false)
            .add("a", DataTypes.LongType, false)
            .add("count", DataTypes.LongType, false)
            .add("units", DataTypes.LongType, false)
            .add("bg", DataTypes.BooleanType, false);

    /**
     * Round 0 flags the pairs the volume model explains; each round re-estimates the strengths from the flagged
     * pairs (an aggregation collected to the driver, broadcast as one array per signal) and re-flags every pair
     * against the larger of both models' λ, until a round changes no flag or after
     * {@link CoActionKernel#MAX_BACKGROUND_ROUNDS} rounds. Account volumes travel the same way.
     */
    private static Background background(SparkSession spark, Dataset<Row> accountStats, Dataset<Row> pairStats,
                                         List<Integer> wanted, int codes, double[] chance, Thresholds[] thresholds) {
        org.apache.spark.api.java.JavaSparkContext jsc = new org.apache.spark.api.java.JavaSparkContext(
                spark.sparkContext());
        int accounts = 0;
        List<Row> stats = accountStats.select("signal", "a", "volume").collectAsList();
        for (Row r : stats) {
            accounts = Math.max(accounts, (int) r.getLong(1) + 1);
        }
        int[][] volumes = new int[codes][];
        for (int s : wanted) {
            volumes[s] = new int[accounts];
        }
        for (Row r : stats) {
            volumes[r.getInt(0)][(int) r.getLong(1)] = (int) r.getLong(2);
        }
        Broadcast<int[][]> volume = jsc.broadcast(volumes);
        double[] maxPValue = new double[codes];
        for (int s : wanted) {
            maxPValue[s] = thresholds[s].maxPValue();
        }
        Dataset<Row> flagged = pairStats.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            CoActionKernel.TailTest[] tests = new CoActionKernel.TailTest[codes];
            int[][] vol = volume.value();
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                int s = r.getInt(0);
                long pair = r.getLong(1);
                long c = r.getLong(2);
                if (tests[s] == null) {
                    tests[s] = new CoActionKernel.TailTest(maxPValue[s]);
                }
                double lambda = (double) vol[s][(int) (pair >>> 32)] * vol[s][(int) pair] * chance[s];
                out.add(RowFactory.create(s, pair, c, r.getLong(3), tests[s].explains((int) c, lambda)));
            }
            return out.iterator();
        }, Encoders.row(FLAGGED)).persist(StorageLevel.MEMORY_AND_DISK());
        long[][] strength = strengths(flagged, wanted, codes, accounts);
        for (int round = 1; round <= CoActionKernel.MAX_BACKGROUND_ROUNDS; round++) {
            Broadcast<long[][]> current = jsc.broadcast(strength);
            long[] total = strength[codes];
            Dataset<Row> next = flagged.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                CoActionKernel.TailTest[] tests = new CoActionKernel.TailTest[codes];
                int[][] vol = volume.value();
                long[][] st = current.value();
                List<Row> out = new ArrayList<>();
                while (rows.hasNext()) {
                    Row r = rows.next();
                    int s = r.getInt(0);
                    long pair = r.getLong(1);
                    int u = (int) (pair >>> 32), v = (int) pair;
                    long c = r.getLong(2);
                    long own = r.getBoolean(4) ? c : 0;
                    if (tests[s] == null) {
                        tests[s] = new CoActionKernel.TailTest(maxPValue[s]);
                    }
                    double lambda = Math.max((double) vol[s][u] * vol[s][v] * chance[s],
                            CoActionKernel.strengthExpectation(st[s][u] - own, st[s][v] - own, total[s] - own));
                    boolean explained = tests[s].explains((int) c, lambda);
                    // the last column says whether the flag changed this round
                    out.add(RowFactory.create(s, pair, c, r.getLong(3), explained, explained != r.getBoolean(4)));
                }
                return out.iterator();
            }, Encoders.row(FLAGGED.add("changed", DataTypes.BooleanType, false)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            // the broadcast stays alive: the persisted rows may be recomputed from their lineage later
            long changed = next.filter(col("changed")).count();
            if (changed == 0) {
                next.unpersist();
                break;
            }
            flagged.unpersist();
            flagged = next.drop("changed");
            strength = strengths(flagged, wanted, codes, accounts);
        }
        long[] total = strength[codes];
        long[][] perSignal = java.util.Arrays.copyOf(strength, codes);
        return new Background(flagged, jsc.broadcast(perSignal), total);
    }

    /**
     * Per signal, the accounts' summed counts over the flagged pairs; at index {@code codes}, the flagged pairs'
     * co-occurrences per signal.
     */
    private static long[][] strengths(Dataset<Row> flagged, List<Integer> wanted, int codes, int accounts) {
        long[][] strength = new long[codes + 1][];
        for (int s : wanted) {
            strength[s] = new long[accounts];
        }
        strength[codes] = new long[codes];
        Dataset<Row> kept = flagged.filter(col("bg"))
                .withColumn("u", org.apache.spark.sql.functions.shiftrightunsigned(col("a"), 32))
                .withColumn("v", col("a").bitwiseAND(lit(0xffffffffL)));
        for (Row r : kept.select(col("signal"), col("u").as("x"), col("count"))
                .union(kept.select(col("signal"), col("v").as("x"), col("count")))
                .groupBy("signal", "x").agg(sum("count")).collectAsList()) {
            strength[r.getInt(0)][(int) r.getLong(1)] = r.getLong(2);
        }
        for (Row r : kept.groupBy("signal").agg(sum("count")).collectAsList()) {
            strength[codes][r.getInt(0)] = r.getLong(1);
        }
        return strength;
    }

    /**
     * The distributed signals of {@code plan} on {@code files}: parsed in tasks, co-text's texts clustered
     * ({@link SparkCoText}), then every co-action signal scanned ({@link #detect}). Used by the in-process engine and
     * by the submitted driver ({@link SparkJob}), which must not need the CLI's classes.
     */
    public static List<CoordinationEdge> fromArchive(SparkSession spark, List<Path> files, Dictionaries dictionaries,
                                              Plan plan, boolean broadcastAccounts)
            throws IOException {
        Dataset<Row> parsed = ArchiveActions.read(spark, files, ArchiveActions.splitBytes(spark));
        if (plan.text() == null) {
            return detect(spark, parsed, dictionaries, plan, broadcastAccounts).edges();
        }
        parsed = parsed.persist(StorageLevel.MEMORY_AND_DISK()); // read once for co-text's clustering and the scan
        try {
            SparkCoText.Clustered texts = SparkCoText.cluster(spark, parsed, dictionaries, plan.text());
            return detect(spark, texts.actions(), texts.dictionaries(), plan, broadcastAccounts)
                    .edges();
        } finally {
            parsed.unpersist();
        }
    }

    /** Evidence per signal code and pair (fastutil's maps mix the key bits: pairs of a clique share their xor). */
    @SuppressWarnings("unchecked")
    private static Long2ObjectOpenHashMap<List<Evidence>>[] evidence(SparkSession spark, Dataset<Row> sorted,
                                                      Dictionaries dictionaries, List<Row> selected,
                                                      Thresholds[] thresholds, int maxNeighbours, int cap) {
        Long2ObjectOpenHashMap<List<Evidence>>[] out = new Long2ObjectOpenHashMap[thresholds.length];
        if (selected.isEmpty() || cap == 0) {
            return out;
        }
        LongOpenHashSet[] bySignal = new LongOpenHashSet[thresholds.length];
        for (Row r : selected) {
            int s = r.getInt(0);
            if (bySignal[s] == null) {
                bySignal[s] = new LongOpenHashSet();
            }
            bySignal[s].add(r.getLong(1));
        }
        Broadcast<LongOpenHashSet[]> pairs = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
                .broadcast(bySignal);
        Dataset<Row> instances = sorted.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new ItemGroups(rows) {
            private final LongOpenHashSet seen = new LongOpenHashSet();
            private final IntArrayList windowed = new IntArrayList();
            private int[] scratch = new int[16];

            @Override
            protected void item(int signal, String item, int n) {
                LongOpenHashSet wanted = pairs.value()[signal];
                if (wanted == null) {
                    return;
                }
                if (scratch.length < n) {
                    scratch = new int[Math.max(n, 2 * scratch.length)];
                }
                int m = CoActionKernel.distinctAccounts(accounts, n, scratch);
                if (!CoActionKernel.paired(m)) {
                    return;
                }
                seen.clear();
                windowed.clear();
                CoActionKernel.itemPairIndices(times, accounts, 0, n, m, thresholds[signal].window(), maxNeighbours,
                        windowed);
                for (int k = 0; k < windowed.size(); k += 2) {
                    int i = windowed.getInt(k);
                    int j = windowed.getInt(k + 1);
                    long pair = CoActionKernel.pairKey(accounts[i], accounts[j]);
                    if (wanted.contains(pair) && seen.add(pair)) {
                        boolean iFirst = accounts[i] < accounts[j];
                        int src = iFirst ? i : j, dst = iFirst ? j : i;
                        // core's labels: co-text names the two posts, the others the item
                        String label = signal == ActionSignals.CO_TEXT ? posts[src] + "~" + posts[dst]
                                : ActionSignals.label(signal, item);
                        emitted.add(RowFactory.create(signal, pair, item, label, times[src], times[dst]));
                    }
                }
            }
        }, Encoders.row(EVIDENCE));
        Column order;
        if (dictionaries.items() != null) {
            instances = instances.join(dictionaries.items(), new String[]{"signal", "item"});
            order = col("key");
        } else {
            order = col("item");
        }
        List<Row> kept = instances
                .withColumn("rank", row_number().over(Window.partitionBy("signal", "pair").orderBy(order)))
                .filter(col("rank").leq(cap))
                .select("signal", "pair", "label", "source_time", "target_time", "rank")
                .collectAsList();
        List<Row> ordered = new ArrayList<>(kept);
        ordered.sort(Comparator.comparingInt((Row r) -> r.getInt(5)));
        for (Row r : ordered) {
            int s = r.getInt(0);
            if (out[s] == null) {
                out[s] = new Long2ObjectOpenHashMap<>();
            }
            out[s].computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                    .add(new Evidence(r.getString(2), r.getLong(3), r.getLong(4)));
        }
        pairs.destroy();
        return out;
    }
}
