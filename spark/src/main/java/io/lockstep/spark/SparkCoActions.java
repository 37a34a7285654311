package io.lockstep.spark;

import io.lockstep.coordination.CoActionKernel;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.Evidence;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.apache.spark.api.java.JavaSparkContext;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

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
 *   <li>Aggregate pairs (count, fixed-point Σw²) and accounts (volume, norm; collected to the driver, dense per
 *       signal); the data-wide chance per signal; the counted pairs become per-partition blocks of primitive arrays
 *       ({@link PairBlocks}), over which the strength model's background is iterated as core iterates it (one pass
 *       over the blocks per round, the round's strengths broadcast) and the pairs are selected with the kernel's
 *       thresholds and null model (the accounts' volumes and norms broadcast).</li>
 *   <li>Evidence: the selected pairs are broadcast, the cached sorted partitions rescanned for each pair's first
 *       window instance per item, and the {@code evidenceCap} instances with the lowest item keys kept.</li>
 * </ol>
 * Shuffles: the actions once (one row per action), the pair and account statistics once (combined inside each scan
 * partition first: one row per pair or account and partition), per background round the strength sums (one entry
 * per signal, account and partition); the accounts' statistics, the round's strengths and the selected pairs are
 * broadcast (cost model: docs/scale-out.md). Edges equal core's for the same numbering (sums of squared weights are
 * fixed-point; account norms may differ in the last bits of a double).
 */
public final class SparkCoActions {
    private static final StructType SCAN = new StructType()
            .add("kind", DataTypes.IntegerType, false) // 0: pair, 1: account, 2: a partition's pair rows
            .add("signal", DataTypes.IntegerType, false)
            .add("a", DataTypes.LongType, false)       // pair key, or account id, or a partition's pair rows
            .add("b", DataTypes.LongType, false)       // a pair's fixed-point sum of w² over its items, an account's pair rows
            .add("n", DataTypes.LongType, false)       // a pair's shared items, an account's items
            .add("w2", DataTypes.DoubleType, false)    // an account's sum of w² (its norm squared)
            .add("x", DataTypes.LongType, false);      // what an account's or a partition's pair rows stand for
    // kind 3: an account's pair rows on items split by b bits (a: account, b: bits, x: what they stand for)
    private static final StructType EVIDENCE = new StructType()
            .add("signal", DataTypes.IntegerType, false)
            .add("pair", DataTypes.LongType, false)
            .add("item", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, true)     // co-text's two posts; the others' label is the item's
            .add("source_time", DataTypes.LongType, false)
            .add("target_time", DataTypes.LongType, false);
    private static final StructType OVERLAP = new StructType()
            .add("signal", DataTypes.IntegerType, false)
            .add("pair", DataTypes.LongType, false)
            .add("units", DataTypes.LongType, false);

    /** Partition-level pair statistics packing, as core's scanner packs them: count above, Σw² units below. */
    private static final int COUNT_SHIFT = 40;
    private static final long UNITS_MASK = (1L << COUNT_SHIFT) - 1;

    private SparkCoActions() {
    }

    /** A signal's thresholds in a form tasks can carry. */
    public record Thresholds(long window, int minShared, double minSimilarity, double maxPValue) implements Serializable {
        static Thresholds of(CoordinationParams.CoAction p) {
            return new Thresholds(p.window(), p.minShared(), p.minSimilarity(), p.maxPValue());
        }

        CoordinationParams.CoAction coAction() {
            return new CoordinationParams.CoAction(window, minShared, minSimilarity, maxPValue);
        }
    }

    /**
     * What the distributed signals need from {@link CoordinationParams}, in a form tasks and a submitted driver carry:
     * thresholds indexed by signal code (null for signals not run), the neighbour cap and the evidence cap.
     */
    public record Plan(Thresholds[] thresholds, int maxNeighbours, int evidenceCap, SparkCoText.TextPlan text)
            implements Serializable {
        public static Plan of(CoordinationParams params) {
            Thresholds[] t = new Thresholds[CoordinationParams.ALL_SIGNALS.size()];
            for (String s : ActionSignals.enabled(params)) {
                t[ActionSignals.code(s)] = SparkCoActions.thresholds(params, s);
            }
            CoordinationParams.TextParams p = params.text();
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

    static Thresholds thresholds(CoordinationParams params, String signal) {
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
    public static Result pairs(SparkSession spark, Dataset<Row> actions, Dictionaries dictionaries, Plan plan,
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
        String callersDescription = spark.sparkContext().getLocalProperty(JOB_DESCRIPTION);
        try {
            return run(spark, actions, dictionaries, plan, broadcastAccounts, wanted, codes, maxNeighbours);
        } finally {
            spark.sparkContext().setLocalProperty(JOB_DESCRIPTION, callersDescription);
        }
    }

    /**
     * Accounts per range of the background's strength sums ({@link PairBlocks}): each round shuffles its sums to one
     * reduce task per range, so ranges of many accounts keep the rounds' task count (and the driver's scheduling)
     * from growing with the shuffle partitions. Results do not depend on it.
     */
    public static final String RANGE_ACCOUNTS = "spark.lockstep.rangeAccounts";
    static final int DEFAULT_RANGE_ACCOUNTS = 1 << 16;

    /** The range size {@link #RANGE_ACCOUNTS} sets in {@code spark}'s configuration, else the default. */
    static int rangeAccounts(SparkSession spark) {
        String value = spark.conf().get(RANGE_ACCOUNTS, String.valueOf(DEFAULT_RANGE_ACCOUNTS));
        try {
            int accounts = Integer.parseInt(value.trim());
            if (accounts > 0) {
                return accounts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(RANGE_ACCOUNTS + " must be a positive number of accounts, got '" + value
                + "'");
    }

    /** Spark's job description property, set per phase of {@link #pairs} (the UI's and listeners' grouping). */
    static final String JOB_DESCRIPTION = "spark.job.description";

    /** Names the jobs that follow in this thread after a phase of the signals, for Spark's UI and listeners. */
    static void phase(SparkSession spark, String name) {
        spark.sparkContext().setLocalProperty(JOB_DESCRIPTION, "co-actions: " + name);
    }

    /** The rows of {@code entries}, each made by {@code row} as it is consumed (a map's entries, possibly reused). */
    private static <E> Iterator<Row> rows(Iterator<E> entries, Function<E, Row> row) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Row next() {
                return row.apply(entries.next());
            }
        };
    }

    private static Result run(SparkSession spark, Dataset<Row> actions, Dictionaries dictionaries, Plan plan,
                              boolean broadcastAccounts, List<Integer> wanted, int codes, int maxNeighbours) {
        Thresholds[] thresholds = plan.thresholds();
        Dataset<Row> accountsDict = broadcastAccounts ? broadcast(dictionaries.accounts()) : dictionaries.accounts();
        Dataset<Row> encoded = actions.filter(col("signal").isin(wanted.toArray()))
                .join(accountsDict, "account")
                .select(col("signal"), col("item"), col("id").as("account"), col("post"), col("time"));

        Dataset<Row> sorted = encoded.repartition(col("signal"), col("item"))
                .sortWithinPartitions("signal", "item", "time", "account", "post")
                .persist(StorageLevel.MEMORY_AND_DISK());
        // per signal: distinct accounts A and action counts (this job parses the archives, shuffles the actions by
        // item and caches the sorted partitions the scan reads)
        int[] active = new int[codes];
        Map<String, Long> actionCounts = new HashMap<>();
        phase(spark, "1 parse, encode, shuffle by item, sort");
        for (Row r : sorted.groupBy("signal").agg(countDistinct("account"), count(lit(1))).collectAsList()) {
            active[r.getInt(0)] = (int) r.getLong(1);
            actionCounts.put(ActionSignals.name(r.getInt(0)), r.getLong(2));
        }
        Dataset<Row> scanned = sorted.mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> new ItemGroups(rows) {
                    // combined inside the partition before the shuffle: a pair shares many items of a partition
                    // (a botnet's originals), and one map probe per pair event is what core's scanner pays too
                    private final Long2LongOpenHashMap[] pairStats = new Long2LongOpenHashMap[codes];
                    private final Long2IntOpenHashMap[] volume = new Long2IntOpenHashMap[codes];
                    private final Long2DoubleOpenHashMap[] norm = new Long2DoubleOpenHashMap[codes];
                    private final long[] pairRows = new long[codes];
                    private final long[] expandedRows = new long[codes];
                    private final Long2LongOpenHashMap[] events = new Long2LongOpenHashMap[codes];
                    private final Long2LongOpenHashMap[] expanded = new Long2LongOpenHashMap[codes];
                    // per (account << 6 | bits) of a split item: what the account's events there stand for
                    private final Long2LongOpenHashMap[] byClass = new Long2LongOpenHashMap[codes];
                    private final LongArrayList pairs = new LongArrayList();

                    @Override
                    protected void item(int signal, String item, int n) {
                        if (pairStats[signal] == null) {
                            pairStats[signal] = new Long2LongOpenHashMap();
                            volume[signal] = new Long2IntOpenHashMap();
                            norm[signal] = new Long2DoubleOpenHashMap();
                            events[signal] = new Long2LongOpenHashMap();
                            expanded[signal] = new Long2LongOpenHashMap();
                            byClass[signal] = new Long2LongOpenHashMap();
                        }
                        int m = distinctAccounts(n);
                        double w = CoActionKernel.idf(active[signal], m);
                        boolean inNorm = CoActionKernel.inNorm(m);
                        for (int i = 0; i < m; i++) {
                            volume[signal].addTo(distinct[i], 1);
                            if (inNorm) {
                                norm[signal].addTo(distinct[i], w * w);
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
                            long standsFor = CoActionKernel.standsFor(m);
                            int bits = CoActionKernel.splitBits(m);
                            for (int i = 0; i < np; i++) {
                                if (i == 0 || p[i] != p[i - 1]) {
                                    pairStats[signal].addTo(p[i], increment);
                                    pairRows[signal]++;
                                    expandedRows[signal] += standsFor;
                                    long u = p[i] >>> 32, v = (int) p[i];
                                    events[signal].addTo(u, 1);
                                    events[signal].addTo(v, 1);
                                    expanded[signal].addTo(u, standsFor);
                                    expanded[signal].addTo(v, standsFor);
                                    if (bits > 0) {
                                        byClass[signal].addTo((u << 6) | bits, standsFor);
                                        byClass[signal].addTo((v << 6) | bits, standsFor);
                                    }
                                }
                            }
                        }
                    }

                    @Override
                    protected Iterator<Row> endRows() {
                        // the partition's pairs and accounts, a row made as each is consumed
                        List<Iterator<Row>> parts = new ArrayList<>();
                        for (int s = 0; s < codes; s++) {
                            if (pairStats[s] == null) {
                                continue;
                            }
                            int signal = s;
                            parts.add(rows(pairStats[s].long2LongEntrySet().fastIterator(),
                                    e -> RowFactory.create(0, signal, e.getLongKey(), e.getLongValue() & UNITS_MASK,
                                            e.getLongValue() >>> COUNT_SHIFT, 0.0, 0L)));
                            Long2DoubleOpenHashMap normOf = norm[s];
                            Long2LongOpenHashMap eventsOf = events[s];
                            Long2LongOpenHashMap expandedOf = expanded[s];
                            parts.add(rows(volume[s].long2IntEntrySet().fastIterator(),
                                    e -> RowFactory.create(1, signal, e.getLongKey(), eventsOf.get(e.getLongKey()),
                                            (long) e.getIntValue(), normOf.get(e.getLongKey()),
                                            expandedOf.get(e.getLongKey()))));
                            parts.add(List.of(RowFactory.create(2, s, pairRows[s], 0L, 0L, 0.0, expandedRows[s]))
                                    .iterator());
                            parts.add(rows(byClass[s].long2LongEntrySet().fastIterator(),
                                    e -> RowFactory.create(3, signal, e.getLongKey() >>> 6, e.getLongKey() & 63, 0L, 0.0,
                                            e.getLongValue())));
                            pairStats[s] = null; // each map lives as long as its iterator
                            volume[s] = null;
                            norm[s] = null;
                            events[s] = null;
                            expanded[s] = null;
                            byClass[s] = null;
                        }
                        return new Iterator<>() {
                            private int k;

                            @Override
                            public boolean hasNext() {
                                while (k < parts.size() && !parts.get(k).hasNext()) {
                                    parts.set(k++, null); // its map can go
                                }
                                return k < parts.size();
                            }

                            @Override
                            public Row next() {
                                if (!hasNext()) {
                                    throw new NoSuchElementException();
                                }
                                return parts.get(k).next();
                            }
                        };
                    }
                }, Encoders.row(SCAN)).persist(StorageLevel.MEMORY_AND_DISK());

        Dataset<Row> accountStats = scanned.filter(col("kind").equalTo(1)).groupBy(col("signal"), col("a"))
                .agg(sum("n").as("volume"), sum("w2").as("norm"), sum("b").as("events"), sum("x").as("expanded"));
        Dataset<Row> pairStats = scanned.filter(col("kind").equalTo(0)).groupBy(col("signal"), col("a"))
                .agg(sum("n").as("count"), sum("b").as("units"));
        long[] coOccurrences = new long[codes];
        long[] expandedCoOccurrences = new long[codes];
        Map<String, Long> pairRows = new HashMap<>();
        phase(spark, "2 scan");
        for (Row r : scanned.filter(col("kind").equalTo(2)).groupBy("signal").agg(sum("a"), sum("x"))
                .collectAsList()) {
            coOccurrences[r.getInt(0)] = r.getLong(1);
            expandedCoOccurrences[r.getInt(0)] = r.getLong(2);
            pairRows.put(ActionSignals.name(r.getInt(0)), r.getLong(1));
        }
        // the accounts' volumes and norms, dense per signal on the driver (broadcast to the blocks' passes)
        phase(spark, "3 account statistics");
        List<Row> stats = accountStats.collectAsList();
        int accounts = 0;
        for (Row r : stats) {
            accounts = Math.max(accounts, (int) r.getLong(1) + 1);
        }
        int[][] volumes = new int[codes][];
        double[][] norms = new double[codes][];
        long[][] events = new long[codes][];
        long[][] expanded = new long[codes][];
        for (int s : wanted) {
            volumes[s] = new int[accounts];
            norms[s] = new double[accounts];
            events[s] = new long[accounts];
            expanded[s] = new long[accounts];
        }
        for (Row r : stats) {
            volumes[r.getInt(0)][(int) r.getLong(1)] = (int) r.getLong(2);
            norms[r.getInt(0)][(int) r.getLong(1)] = r.getDouble(3);
            events[r.getInt(0)][(int) r.getLong(1)] = r.getLong(4);
            expanded[r.getInt(0)][(int) r.getLong(1)] = r.getLong(5);
        }
        stats = null;
        // what each signal's pair rows stand for (items paired inside account groups), as core's pair counting sums it
        @SuppressWarnings("unchecked")
        Int2ObjectOpenHashMap<long[]>[] byClass = new Int2ObjectOpenHashMap[codes];
        for (int s : wanted) {
            byClass[s] = new Int2ObjectOpenHashMap<>();
        }
        for (Row r : scanned.filter(col("kind").equalTo(3)).groupBy(col("signal"), col("a"), col("b"))
                .agg(sum("x")).collectAsList()) {
            CoActionKernel.Expansion.addByClass(byClass[r.getInt(0)], (int) r.getLong(1), (int) r.getLong(2),
                    r.getLong(3));
        }
        CoActionKernel.Expansion[] expansion = new CoActionKernel.Expansion[codes];
        for (int s : wanted) {
            expansion[s] = CoActionKernel.Expansion.of(events[s], expanded[s], byClass[s], coOccurrences[s],
                    expandedCoOccurrences[s]);
        }
        events = null;
        expanded = null;
        double[] chance = new double[codes];
        double[] maxPValue = new double[codes];
        for (int s : wanted) {
            // summed in account order, as core sums its volume array
            double volumeSum = 0, volumeSquareSum = 0;
            for (int vol : volumes[s]) {
                volumeSum += vol;
                volumeSquareSum += (double) vol * vol;
            }
            chance[s] = CoActionKernel.chance(expansion[s].coOccurrences(), volumeSum, volumeSquareSum);
            maxPValue[s] = thresholds[s].maxPValue();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<int[][]> volume = jsc.broadcast(volumes);
        int ranges = PairBlocks.ranges(accounts, Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions",
                "200")), rangeAccounts(spark));
        phase(spark, "4 pair statistics, blocks, background round 0");
        Broadcast<CoActionKernel.Expansion[]> expansions = jsc.broadcast(expansion);
        PairBlocks.Background bg = PairBlocks.background(spark, jsc, pairStats.toJavaRDD(), volume, expansions, wanted,
                codes,
                accounts, chance, maxPValue, ranges);
        lastBackground = bg.changesPerRound();
        phase(spark, "6 selection");
        List<PairBlocks.Selected> selected = PairBlocks.select(jsc, bg, volume, expansions, norms, chance, active,
                thresholds);
        bg.release();
        phase(spark, "6 item overlap");
        selected = withOverlaps(spark, sorted, selected, volumes, norms, chance, expansion, active, thresholds);
        scanned.unpersist();
        volume.destroy();
        expansions.destroy();

        phase(spark, "7 evidence");
        Long2ObjectOpenHashMap<List<Evidence>>[] evidence = evidence(spark, sorted, dictionaries, selected, thresholds,
                maxNeighbours, plan.evidenceCap());
        sorted.unpersist();
        List<CoordinationEdge> edges = new ArrayList<>();
        for (PairBlocks.Selected b : selected) {
            int s = b.signal();
            for (int i = 0; i < b.pairs().length; i++) {
                long pair = b.pairs()[i];
                edges.add(new CoordinationEdge((int) (pair >>> 32), (int) pair, ActionSignals.name(s),
                        b.weights()[i], b.counts()[i],
                        evidence[s] == null ? List.of() : evidence[s].getOrDefault(pair, List.of()), b.expected()[i]));
            }
        }
        edges.sort(Comparator.comparingInt((CoordinationEdge e) -> CoordinationParams.ALL_SIGNALS.indexOf(e.signal()))
                .thenComparingLong(CoordinationEdge::pairKey));
        return new Result(edges, actionCounts, pairRows);
    }


    /**
     * The background iteration's changes of the last {@link #pairs} in this JVM, per round (round 0 first): the
     * flags changed, and the flags that differ from those two rounds before (0 with changes: a two-round cycle).
     * For the benchmark's report.
     */
    static volatile List<long[]> lastBackground = List.of();

    /**
     * The distributed signals of {@code plan} on {@code files}: parsed in tasks, co-text's texts clustered
     * ({@link SparkCoText}), then every co-action signal scanned ({@link #pairs}). Used by the in-process engine and
     * by the submitted driver ({@link SparkJob}), which must not need the CLI's classes.
     */
    public static List<CoordinationEdge> fromArchive(SparkSession spark, List<Path> files, Dictionaries dictionaries,
                                              Plan plan, boolean broadcastAccounts)
            throws IOException {
        Dataset<Row> parsed = ArchiveActions.read(spark, files, ArchiveActions.splitBytes(spark));
        if (plan.text() == null) {
            return pairs(spark, parsed, dictionaries, plan, broadcastAccounts).edges();
        }
        parsed = parsed.persist(StorageLevel.MEMORY_AND_DISK()); // read once for co-text's clustering and the scan
        try {
            SparkCoText.Clustered texts = SparkCoText.cluster(spark, parsed, dictionaries, plan.text());
            return pairs(spark, texts.actions(), texts.dictionaries(), plan, broadcastAccounts)
                    .edges();
        } finally {
            parsed.unpersist();
        }
    }

    /**
     * Finishes the selection of the pairs whose item overlap decides ({@link PairBlocks.Selected#pending}): their
     * partners broadcast per signal, the cached sorted partitions rescanned for each item's contribution to their
     * overlap ({@link CoActionKernel#overlapPairs}), the contributions summed per pair and collected, and each pair
     * selected again with its overlap ({@link CoActionKernel#select}), as core's selection does.
     */
    @SuppressWarnings("unchecked")
    private static List<PairBlocks.Selected> withOverlaps(SparkSession spark, Dataset<Row> sorted,
                                                          List<PairBlocks.Selected> selected, int[][] volumes,
                                                          double[][] norms, double[] chance,
                                                          CoActionKernel.Expansion[] expansion, int[] active,
                                                          Thresholds[] thresholds) {
        int codes = thresholds.length;
        Int2ObjectOpenHashMap<IntArrayList>[] lists = new Int2ObjectOpenHashMap[codes];
        boolean any = false;
        for (PairBlocks.Selected b : selected) {
            for (long pair : b.pending()) {
                if (lists[b.signal()] == null) {
                    lists[b.signal()] = new Int2ObjectOpenHashMap<>();
                }
                lists[b.signal()].computeIfAbsent((int) (pair >>> 32), k -> new IntArrayList()).add((int) pair);
                any = true;
            }
        }
        if (!any) {
            return selected;
        }
        Int2ObjectOpenHashMap<int[]>[] partners = new Int2ObjectOpenHashMap[codes];
        for (int s = 0; s < codes; s++) {
            if (lists[s] != null) {
                partners[s] = new Int2ObjectOpenHashMap<>();
                for (var e : lists[s].int2ObjectEntrySet()) {
                    int[] ps = e.getValue().toIntArray();
                    IntArrays.quickSort(ps);
                    partners[s].put(e.getIntKey(), ps);
                }
            }
        }
        lists = null;
        Broadcast<Int2ObjectOpenHashMap<int[]>[]> wanted = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(partners);
        int[] activeAccounts = active.clone();
        Dataset<Row> contributions = sorted.mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
                new ItemGroups(rows) {
                    @Override
                    protected void item(int signal, String item, int n) {
                        Int2ObjectOpenHashMap<int[]> ps = wanted.value()[signal];
                        if (ps == null) {
                            return;
                        }
                        int m = distinctAccounts(n);
                        if (!CoActionKernel.paired(m)) {
                            return;
                        }
                        long units = CoActionKernel.weightUnits(CoActionKernel.idf(activeAccounts[signal], m));
                        CoActionKernel.overlapPairs(distinct, m, ps::get,
                                pair -> emitted.add(RowFactory.create(signal, pair, units)));
                    }
                }, Encoders.row(OVERLAP));
        Long2LongOpenHashMap[] overlap = new Long2LongOpenHashMap[codes];
        for (Row r : contributions.groupBy("signal", "pair").agg(sum("units")).collectAsList()) {
            int s = r.getInt(0);
            if (overlap[s] == null) {
                overlap[s] = new Long2LongOpenHashMap();
            }
            overlap[s].put(r.getLong(1), r.getLong(2));
        }
        wanted.destroy();
        List<PairBlocks.Selected> out = new ArrayList<>(selected.size());
        for (PairBlocks.Selected b : selected) {
            int s = b.signal();
            if (b.pending().length == 0) {
                out.add(b);
                continue;
            }
            LongArrayList pairs = LongArrayList.wrap(b.pairs().clone());
            IntArrayList counts = IntArrayList.wrap(b.counts().clone());
            DoubleArrayList weights = DoubleArrayList.wrap(b.weights().clone());
            DoubleArrayList expected = DoubleArrayList.wrap(b.expected().clone());
            CoordinationParams.CoAction p = thresholds[s].coAction();
            CoActionKernel.TailTest test = new CoActionKernel.TailTest(p.maxPValue());
            for (int i = 0; i < b.pending().length; i++) {
                long pair = b.pending()[i];
                int u = (int) (pair >>> 32), v = (int) pair;
                long units = overlap[s] == null ? 0 : overlap[s].get(pair);
                double pairChance = expansion[s].pairChance(chance[s], u, v);
                double w = CoActionKernel.select(b.pendingCounts()[i], b.pendingUnits()[i], units, volumes[s][u],
                        norms[s][u], volumes[s][v], norms[s][v], pairChance, b.pendingStrength()[i], active[s], p,
                        test);
                if (!Double.isNaN(w)) {
                    pairs.add(pair);
                    counts.add(b.pendingCounts()[i]);
                    weights.add(w);
                    expected.add(CoActionKernel.expected(volumes[s][u], volumes[s][v], pairChance,
                            b.pendingStrength()[i]));
                }
            }
            out.add(new PairBlocks.Selected(s, pairs.toLongArray(), counts.toIntArray(), weights.toDoubleArray(),
                    expected.toDoubleArray(), new long[0], new int[0], new long[0], new double[0]));
        }
        return out;
    }

    /** Evidence per signal code and pair (fastutil's maps mix the key bits: pairs of a clique share their xor). */
    @SuppressWarnings("unchecked")
    private static Long2ObjectOpenHashMap<List<Evidence>>[] evidence(SparkSession spark, Dataset<Row> sorted,
                                                      Dictionaries dictionaries, List<PairBlocks.Selected> selected,
                                                      Thresholds[] thresholds, int maxNeighbours, int cap) {
        Long2ObjectOpenHashMap<List<Evidence>>[] out = new Long2ObjectOpenHashMap[thresholds.length];
        if (selected.isEmpty() || cap == 0) {
            return out;
        }
        LongOpenHashSet[] bySignal = new LongOpenHashSet[thresholds.length];
        for (PairBlocks.Selected b : selected) {
            int s = b.signal();
            if (bySignal[s] == null) {
                bySignal[s] = new LongOpenHashSet();
            }
            bySignal[s].addAll(LongArrayList.wrap(b.pairs()));
        }
        Broadcast<LongOpenHashSet[]> pairs = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(bySignal);
        Dataset<Row> instances = sorted.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new ItemGroups(rows) {
            private final LongOpenHashSet seen = new LongOpenHashSet();
            private final IntArrayList windowed = new IntArrayList();

            @Override
            protected void item(int signal, String item, int n) {
                LongOpenHashSet wanted = pairs.value()[signal];
                if (wanted == null) {
                    return;
                }
                int m = distinctAccounts(n);
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
                        // core's labels: co-text names the two posts, the others the item (labelled on the driver,
                        // so that the item's name is not shuffled twice)
                        String label = signal == ActionSignals.CO_TEXT ? posts[src] + "~" + posts[dst] : null;
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
                .select("signal", "pair", "label", "source_time", "target_time", "rank", "item")
                .collectAsList();
        List<Row> ordered = new ArrayList<>(kept);
        ordered.sort(Comparator.comparingInt((Row r) -> r.getInt(5)));
        for (Row r : ordered) {
            int s = r.getInt(0);
            if (out[s] == null) {
                out[s] = new Long2ObjectOpenHashMap<>();
            }
            String label = s == ActionSignals.CO_TEXT ? r.getString(2) : ActionSignals.label(s, r.getString(6));
            out[s].computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Evidence(label, r.getLong(3),
                    r.getLong(4)));
        }
        pairs.destroy();
        return out;
    }
}
