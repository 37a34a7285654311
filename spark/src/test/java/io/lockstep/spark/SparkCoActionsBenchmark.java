package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.activity.Urls;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.DetectionParams;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

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
        } else {
            System.err.println("usage: single POSTS ACCOUNTS DIR | spark MASTER DIR");
            System.exit(2);
        }
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
        DetectionParams params = DetectionParams.defaults();
        double wall = 0;
        double cpuSeconds = 0;
        Map<String, Integer> edges = new TreeMap<>();
        for (String name : ActionSignals.CO_ACTIONS) {
            long start = System.nanoTime();
            long c0 = cpu();
            SignalGraph g = CoordinationDetector.create(name, params).detect(a, ProgressListener.NONE,
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
        SparkSession spark = SparkEngine.session(master, Map.of("spark.sql.shuffle.partitions",
                master.equals("local[1]") ? "4" : "8"));
        spark.sparkContext().setLogLevel("WARN");
        AtomicLong shuffleWrite = new AtomicLong();
        AtomicLong shuffleRead = new AtomicLong();
        AtomicLong peakTaskMemory = new AtomicLong();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    shuffleWrite.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                    shuffleRead.addAndGet(end.taskMetrics().shuffleReadMetrics().totalBytesRead());
                    peakTaskMemory.accumulateAndGet(end.taskMetrics().peakExecutionMemory(), Math::max);
                }
            }
        });
        Dataset<Row> actions = ArchiveActions.readParquet(spark, dir.resolve("actions.parquet").toString());
        double loadBefore = load();
        long start = System.nanoTime();
        long c0 = cpu();
        Dictionaries dictionaries = Dictionaries.fromActions(spark, actions);
        SparkCoActions.Result r = SparkCoActions.detect(spark, actions, dictionaries,
                SparkCoActions.Plan.of(DetectionParams.defaults().withSignals(Set.copyOf(ActionSignals.CO_ACTIONS))), false);
        double sec = (System.nanoTime() - start) / 1e9;
        double cpuSec = (cpu() - c0) / 1e9;
        Thread.sleep(2000); // the listener bus delivers the last task ends asynchronously
        Map<String, Integer> edges = new TreeMap<>();
        for (String s : ActionSignals.CO_ACTIONS) {
            edges.put(s, 0);
        }
        for (CoordinationEdge e : r.edges()) {
            edges.merge(e.signal(), 1, Integer::sum);
        }
        long actionCount = r.actions().values().stream().mapToLong(Long::longValue).sum();
        long pairRows = r.pairRows().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "spark %s: five co-action signals %.2f s wall, %.2f s driver-JVM CPU, load "
                        + "average %.1f -> %.1f%n", master, sec, cpuSec, loadBefore, load());
        System.out.printf(Locale.ROOT, "  actions %,d, pair rows %,d, edges %s%n", actionCount, pairRows, edges);
        System.out.printf(Locale.ROOT, "  shuffle written %,d B (%.1f B per action), read %,d B; peak task execution "
                        + "memory %,d B%n", shuffleWrite.get(), (double) shuffleWrite.get() / actionCount,
                shuffleRead.get(), peakTaskMemory.get());
        Path single = dir.resolve("single-edges.txt");
        if (Files.exists(single)) {
            String expected = Files.readString(single).strip();
            System.out.println("  edges per signal " + (expected.equals(edges.toString()) ? "EQUAL to" : "DIFFER from")
                    + " the single-JVM run: " + expected);
        }
        spark.stop();
    }
}
