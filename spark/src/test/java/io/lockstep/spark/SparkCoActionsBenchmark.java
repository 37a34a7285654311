package io.lockstep.spark;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.activity.Urls;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.LockstepFollowSignal;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.load.ArchiveReader;
import io.lockstep.store.load.ImportOptions;
import io.lockstep.progress.TerminationFlag;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Benchmark (a main, not a test): the distributed co-action signals against the single-JVM ones on core's benchmark
 * archive ({@code CoordinationBenchmark.generate}: seeded, Zipf items, a planted botnet and copypasta ring).
 *
 * <ul>
 *   <li>{@code single POSTS ACCOUNTS DIR}: generates the archive, times core's five co-action signals (co-retweet,
 *       co-reply, co-hashtag, hashtag-sequence, co-link), and writes the actions table to {@code DIR/actions.parquet}
 *       (Spark local, untimed) with the edge counts per signal in {@code DIR/single-edges.txt}.</li>
 *   <li>{@code spark MASTER DIR}: reads the Parquet actions table and times {@link SparkCoActions} on
 *       {@code MASTER} (accounts numbered distributed, no driver-side activity), with the shuffle bytes written and
 *       the peak execution memory of the tasks; edge counts per signal must equal the single run's.</li>
 * </ul>
 * Core's generator lives in core's test classes: put {@code core/target/test-classes} on the classpath (see
 * docs/scale-out.md for the commands).
 */
public final class SparkCoActionsBenchmark {
    private SparkCoActionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("single")) {
            single(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        } else if (args.length >= 3 && args[0].equals("spark")) {
            spark(args[1], Path.of(args[2]));
        } else if (args.length >= 2 && args[0].equals("compare")) {
            compare(Path.of(args[1]), args.length > 2 ? List.of(args).subList(2, args.length)
                    : List.of("single", "local[1]", "local[2]"));
        } else {
            System.err.println("usage: single POSTS ACCOUNTS DIR | spark MASTER DIR | compare ARCHIVE_DIR [RUN...]");
            System.exit(2);
        }
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One run of the side-by-side comparison. */
    record Run(String engine, double parse, double signals, double cpu, Map<String, Integer> edges, long shuffleWrite,
               long shuffleRead, long peakTaskMemory, long spilled, long actions, long pairRows, double loadBefore,
               double loadAfter) {
        double total() {
            return parse + signals;
        }
    }

    /**
     * {@code compare DIR [single] [local[1]] [local[2]]}: the five co-action signals on {@code DIR/tweets.csv} (a
     * {@code lockstep simulate} archive), side by side: the single-JVM engine (the files read into an activity, as
     * {@code analyze} reads them, then core's signals) and Spark on each local master (the files parsed in tasks,
     * accounts numbered as the activity numbers them, the same output), each from the files, in one JVM one after
     * the other. Prints one line per run, the ratios to the single-JVM engine, and Spark's metrics (shuffle bytes
     * written and read, the tasks' peak execution memory, bytes spilled) per post, per action and per pair row.
     * {@code -Dpartitions=S} sets the Spark runs' shuffle partitions, {@code -DsplitBytes=N} the size of the ranges
     * the file is parsed in ({@link FileSplits#DEFAULT_TARGET_BYTES} by default).
     */
    static void compare(Path dir, List<String> runs) throws Exception {
        List<Path> files = List.of(dir.resolve("tweets.csv"));
        CoordinationParams params = CoordinationParams.defaults().withSignals(Set.copyOf(ActionSignals.CO_ACTIONS));
        Activity activity = null;
        double parse = 0;
        long posts = Long.getLong("posts", 0);
        if (!Boolean.getBoolean("sparkNumbering") || runs.contains("single")) {
            long t0 = System.nanoTime();
            long readCpu0 = cpu();
            SparkMetrics.JvmCpu readJvm0 = SparkMetrics.JvmCpu.now();
            double load0 = load();
            // with -Dfollows the activity holds the users and follows too (the numbering the follow graph needs)
            List<Path> read = Boolean.getBoolean("follows") ? List.of(dir.resolve("users.csv"), files.get(0),
                    dir.resolve("follows.csv")) : files;
            activity = ArchiveReader.read(read, ImportOptions.defaults(), ProgressListener.NONE).activity();
            parse = (System.nanoTime() - t0) / 1e9;
            double readCpu = (cpu() - readCpu0) / 1e9;
            posts = 0;
            for (int p = 0; p < activity.postCount(); p++) {
                posts += activity.kind(p) == PostKind.PLACEHOLDER ? 0 : 1;
            }
            System.out.printf(Locale.ROOT, "archive %s: %s, %,d posts; read in %.1f s, %.1f CPU-s (load average "
                    + "%.1f)%n", dir, activity, posts, parse, readCpu, load0);
            System.out.printf(Locale.ROOT, "  the read's CPU by thread: %s%n",
                    SparkMetrics.JvmCpu.now().minus(readJvm0));
        } else {
            // -DsparkNumbering=true: no driver-side activity; accounts numbered in Spark (id order), evidence in
            // item-name order: the same edges per signal, the distributed part alone; -Dposts=N for the per-post
            // figures
            System.out.printf(Locale.ROOT, "archive %s: no activity read (accounts numbered in Spark), %,d posts "
                    + "(-Dposts); load average %.1f%n", dir, posts, load());
        }
        List<Run> done = new ArrayList<>();
        for (String engine : runs) {
            double loadBefore = load();
            if (engine.equals("single")) {
                long start = System.nanoTime();
                long c0 = cpu();
                SparkMetrics.JvmCpu jvm0 = SparkMetrics.JvmCpu.now();
                Map<String, Integer> edges = new TreeMap<>();
                long actions = 0;
                long pairs = 0;
                for (String name : ActionSignals.CO_ACTIONS) {
                    SignalGraph g = CoordinationDetector.create(name, params).graph(activity, ProgressListener.NONE,
                            TerminationFlag.RUNNING_TRUE);
                    edges.put(name, g.edges().size());
                    actions += g.actions();
                    pairs += g.candidatePairs();
                }
                done.add(new Run(engine, parse, (System.nanoTime() - start) / 1e9, (cpu() - c0) / 1e9, edges, 0, 0,
                        0, 0, actions, pairs, loadBefore, load()));
                System.out.printf(Locale.ROOT, "  the single-JVM signals' CPU by thread: %s%n",
                        SparkMetrics.JvmCpu.now().minus(jvm0));
            } else {
                done.add(sparkRun(engine, spark -> ArchiveActions.read(spark, files, Long.getLong("splitBytes",
                        FileSplits.DEFAULT_TARGET_BYTES)), files, activity, params, loadBefore));
            }
            Run r = done.get(done.size() - 1);
            System.out.printf(Locale.ROOT, "%-9s read %6.1f s + signals %7.1f s = %7.1f s; %.1f CPU-s in this JVM; "
                    + "load average %.1f -> %.1f; edges %s%n", r.engine(), r.parse(), r.signals(), r.total(), r.cpu(),
                    r.loadBefore(), r.loadAfter(), r.edges());
            if (!engine.equals("single")) {
                System.out.printf(Locale.ROOT, "          shuffle written %,d B (%.1f B per post, %.1f B per action, "
                                + "%.1f B per pair row), read %,d B; peak task execution memory %,d B; spilled %,d B; "
                                + "actions %,d, pair rows %,d%n", r.shuffleWrite(), (double) r.shuffleWrite() / posts,
                        (double) r.shuffleWrite() / r.actions(), (double) r.shuffleWrite() / Math.max(1, r.pairRows()),
                        r.shuffleRead(), r.peakTaskMemory(), r.spilled(), r.actions(), r.pairRows());
            }
        }
        Run single = done.stream().filter(r -> r.engine().equals("single")).findFirst().orElse(null);
        if (single != null) {
            for (Run r : done) {
                if (r != single) {
                    System.out.printf(Locale.ROOT, "%s / single: %.2fx end to end (read + signals), %.2fx signals "
                                    + "alone (Spark's include parsing); edges %s%n", r.engine(),
                            r.total() / single.total(), r.signals() / single.signals(),
                            r.edges().equals(single.edges()) ? "EQUAL" : "DIFFER");
                }
            }
        }
    }

    /** The actions table a Spark run reads: parsed from the files, or Parquet. */
    interface Source {
        Dataset<Row> actions(SparkSession spark) throws IOException;
    }

    /**
     * One Spark run on {@code master}: the actions of {@code source}, accounts numbered as {@code activity} numbers
     * them (or in Spark without one), {@link SparkCoActions}, and with {@code -Dfollows} the follow graph of the
     * {@code follows.csv} beside {@code files}; prints each stage as it completes and the stage table at the end.
     */
    private static Run sparkRun(String master, Source source, List<Path> files, Activity activity,
                                CoordinationParams params, double loadBefore) throws Exception {
        String partitions = System.getProperty("partitions", master.equals("local[1]") ? "4" : "8");
        SparkSession spark = SparkEngine.session(master, Map.of("spark.sql.shuffle.partitions", partitions,
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1"));
        spark.sparkContext().setLogLevel("WARN");
        SparkMetrics metrics = new SparkMetrics(System.out);
        spark.sparkContext().addSparkListener(metrics);
        SparkMetrics.JvmCpu jvm0 = SparkMetrics.JvmCpu.now();
        long start = System.nanoTime();
        long c0 = cpu();
        Dataset<Row> parsed = source.actions(spark);
        Dictionaries dictionaries = activity != null
                ? Dictionaries.fromActivity(spark, activity, ActionSignals.enabled(params))
                : Dictionaries.fromActions(spark, parsed);
        SparkCoActions.Result r = SparkCoActions.pairs(spark, parsed, dictionaries,
                SparkCoActions.Plan.of(params), activity != null);
        double sec = (System.nanoTime() - start) / 1e9;
        double cpuSec = (cpu() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "  %s co-actions: %.1f s, %.1f CPU-s in the JVM, load average %.1f%n", master,
                sec, cpuSec, load());
        System.out.printf(Locale.ROOT, "  %s co-actions' CPU by thread: %s%n", master,
                SparkMetrics.JvmCpu.now().minus(jvm0));
        StringBuilder rounds = new StringBuilder();
        for (long[] round : SparkCoActions.lastBackground) {
            rounds.append(String.format(Locale.ROOT, " %d/%d", round[0], round[1]));
        }
        System.out.printf(Locale.ROOT, "  %s background rounds (round 0 first; flags changed / flags differing from "
                + "two rounds before):%s%n", master, rounds);
        if (activity != null && Boolean.getBoolean("follows")) {
            // -Dfollows=true: lockstep-follow's follow graph from DIR/follows.csv in Spark tasks (SparkFollows)
            long f0 = System.nanoTime();
            long fc0 = cpu();
            Dataset<Row> packed = SparkFollows.packed(spark, List.of(files.get(0).resolveSibling("follows.csv")),
                    dictionaries.accounts()).persist(StorageLevel.DISK_ONLY());
            long[] follows = SparkFollows.collect(packed);
            System.out.printf(Locale.ROOT, "  %s follow graph: %,d distinct follows of %,d in %.1f s, %.1f CPU-s in "
                            + "the JVM, load average %.1f; equal to core's: %s%n", master, follows.length,
                    activity.followCount(), (System.nanoTime() - f0) / 1e9, (cpu() - fc0) / 1e9, load(),
                    Arrays.equals(follows, LockstepFollowSignal.distinctFollows(activity)));
            if (Boolean.getBoolean("followSignal")) {
                // -DfollowSignal=true: the signal on that graph, its peeling weights from Spark (SparkFollowSurprise)
                // once its partitions are fitted, timed against core's computation of the same weights
                SparkFollowSurprise inSpark = new SparkFollowSurprise(packed, follows);
                long s0 = System.nanoTime();
                long sc0 = cpu();
                SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults()).graph(activity, follows,
                        fitted -> {
                            long w0 = System.nanoTime();
                            long wc0 = cpu();
                            double[] w = inSpark.surprise(fitted);
                            double sparkSec = (System.nanoTime() - w0) / 1e9;
                            double sparkCpu = (cpu() - wc0) / 1e9;
                            long c1 = System.nanoTime();
                            long cc1 = cpu();
                            double[] core = LockstepFollowSignal.surprise(activity.accountCount(), follows,
                                    fitted);
                            System.out.printf(Locale.ROOT, "  %s peeling weights of %,d follows (%d partitions): "
                                            + "Spark %.1f s, %.1f CPU-s in the JVM; core on the driver %.1f s, %.1f "
                                            + "CPU-s; equal: %s; load average %.1f%n", master, w.length,
                                    fitted.size(), sparkSec, sparkCpu, (System.nanoTime() - c1) / 1e9,
                                    (cpu() - cc1) / 1e9, Arrays.equals(w, core), load());
                            return w;
                        }, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
                System.out.printf(Locale.ROOT, "  %s lockstep-follow with the weights from Spark: %d blocks, %,d "
                                + "edges in %.1f s, %.1f CPU-s (the core check included), load average %.1f%n", master,
                        g.blocks().size(), g.edges().size(), (System.nanoTime() - s0) / 1e9, (cpu() - sc0) / 1e9,
                        load());
            }
            packed.unpersist();
        }
        Thread.sleep(2000); // the listener bus delivers the last task ends asynchronously
        Map<String, Integer> edges = edgesPerSignal(r);
        long actions = r.actions().values().stream().mapToLong(Long::longValue).sum();
        long pairRows = r.pairRows().values().stream().mapToLong(Long::longValue).sum();
        spark.stop();
        metrics.print(master, sec);
        return new Run(master, 0, sec, cpuSec, edges, metrics.shuffleWritten(), metrics.shuffleRead(),
                metrics.peakTaskMemory.get(), metrics.spilled(), actions, pairRows, loadBefore, load());
    }

    static void single(int posts, int accounts, Path dir) throws Exception {
        Files.createDirectories(dir);
        Method generate = Class.forName("io.lockstep.coordination.CoordinationBenchmark")
                .getDeclaredMethod("generate", int.class, int.class, long.class);
        generate.setAccessible(true);
        long t0 = System.nanoTime();
        Activity a = (Activity) generate.invoke(null, posts, accounts, 42L);
        System.out.printf(Locale.ROOT, "generated %s in %.1f s, load average %.1f%n", a, (System.nanoTime() - t0) / 1e9,
                load());
        CoordinationParams params = CoordinationParams.defaults();
        double wall = 0;
        double cpuSeconds = 0;
        Map<String, Integer> edges = new TreeMap<>();
        for (String name : ActionSignals.CO_ACTIONS) {
            long start = System.nanoTime();
            long c0 = cpu();
            SignalGraph g = CoordinationDetector.create(name, params).graph(a, ProgressListener.NONE,
                    TerminationFlag.RUNNING_TRUE);
            double sec = (System.nanoTime() - start) / 1e9;
            wall += sec;
            cpuSeconds += (cpu() - c0) / 1e9;
            edges.put(name, g.edges().size());
            System.out.printf(Locale.ROOT, "single %-17s %7.2f s  actions %,11d  candidate pairs %,12d  edges %,9d%n",
                    name, sec, g.actions(), g.candidatePairs(), g.edges().size());
        }
        System.out.printf(Locale.ROOT, "single: five co-action signals %.2f s wall, %.2f s CPU, load average %.1f%n",
                wall, cpuSeconds, load());
        Files.writeString(dir.resolve("single-edges.txt"), edges.toString() + "\n");
        Path tsv = dir.resolve("actions.tsv");
        long rows = writeActions(a, tsv);
        a = null;
        SparkSession spark = SparkEngine.session("local[2]", Map.of("spark.sql.shuffle.partitions", "8"));
        spark.read().schema(ArchiveActions.SCHEMA).option("sep", "\t").option("quote", "\u0000").csv(tsv.toString())
                .write().mode("overwrite").parquet(dir.resolve("actions.parquet").toString());
        spark.stop();
        Files.delete(tsv);
        System.out.printf(Locale.ROOT, "wrote %,d actions to %s%n", rows, dir.resolve("actions.parquet"));
    }

    /** The actions of the five distributed signals, by the rules of {@link ActionSignals}, as TSV. */
    static long writeActions(Activity a, Path tsv) throws IOException {
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
            List<String> tags = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (int p = 0; p < a.postCount(); p++) {
                long t = a.time(p);
                if (t == Activity.NO_TIME || a.author(p) == Activity.NONE) {
                    continue;
                }
                String author = a.accountId(a.author(p));
                String post = a.postId(p);
                int ref = a.referencedPost(p);
                PostKind kind = a.kind(p);
                if (ref != Activity.NONE && (kind == PostKind.RETWEET || kind == PostKind.REPLY)) {
                    rows += row(w, kind == PostKind.RETWEET ? ActionSignals.CO_RETWEET : ActionSignals.CO_REPLY,
                            a.postId(ref), author, post, t);
                }
                if (!ActionSignals.authored(a, p)) {
                    continue;
                }
                tags.clear();
                seen.clear();
                for (int i = 0; i < a.hashtagCount(p); i++) {
                    String h = a.hashtag(a.hashtagOf(p, i));
                    tags.add(h);
                    if (seen.add(h)) {
                        rows += row(w, ActionSignals.CO_HASHTAG, h, author, post, t);
                    }
                }
                if (tags.size() >= 2) {
                    rows += row(w, ActionSignals.HASHTAG_SEQUENCE, ActionSignals.sequenceLabel(tags), author, post,
                            t);
                }
                seen.clear();
                for (int i = 0; i < a.urlCount(p); i++) {
                    String key = Urls.shareKey(a.url(a.urlOf(p, i)));
                    if (seen.add(key)) {
                        rows += row(w, ActionSignals.CO_LINK, key, author, post, t);
                    }
                }
            }
        }
        return rows;
    }

    private static int row(BufferedWriter w, int signal, String item, String account, String post, long time)
            throws IOException {
        w.write(Integer.toString(signal));
        w.write('\t');
        w.write(item);
        w.write('\t');
        w.write(account);
        w.write('\t');
        w.write(post);
        w.write('\t');
        w.write(Long.toString(time));
        w.write('\n');
        return 1;
    }

    static void spark(String master, Path dir) throws Exception {
        CoordinationParams params = CoordinationParams.defaults().withSignals(Set.copyOf(ActionSignals.CO_ACTIONS));
        Run r = sparkRun(master, spark -> ArchiveActions.readParquet(spark, dir.resolve("actions.parquet").toString()),
                List.of(), null, params, load());
        System.out.printf(Locale.ROOT, "spark %s: five co-action signals %.2f s wall, %.2f s driver-JVM CPU, load "
                        + "average %.1f -> %.1f%n", master, r.signals(), r.cpu(), r.loadBefore(), r.loadAfter());
        System.out.printf(Locale.ROOT, "  actions %,d, pair rows %,d, edges %s%n", r.actions(), r.pairRows(),
                r.edges());
        System.out.printf(Locale.ROOT, "  shuffle written %,d B (%.1f B per action), read %,d B; peak task execution "
                        + "memory %,d B%n", r.shuffleWrite(), (double) r.shuffleWrite() / r.actions(),
                r.shuffleRead(), r.peakTaskMemory());
        Path single = dir.resolve("single-edges.txt");
        if (Files.exists(single)) {
            String expected = Files.readString(single).strip();
            System.out.println("  edges per signal " + (expected.equals(r.edges().toString()) ? "EQUAL to"
                    : "DIFFER from") + " the single-JVM run: " + expected);
        }
    }

    /** The run's edges counted per co-action signal (0 for a signal without any). */
    private static Map<String, Integer> edgesPerSignal(SparkCoActions.Result r) {
        Map<String, Integer> edges = new TreeMap<>();
        for (String s : ActionSignals.CO_ACTIONS) {
            edges.put(s, 0);
        }
        for (CoordinationEdge e : r.edges()) {
            edges.merge(e.signal(), 1, Integer::sum);
        }
        return edges;
    }
}
