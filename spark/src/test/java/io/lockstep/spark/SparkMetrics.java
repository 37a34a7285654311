package io.lockstep.spark;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Spark's own metrics of one benchmark run, for "what the overhead is made of": every task's metrics summed per
 * stage (run time, CPU, GC, deserialisation, result serialisation, scheduler delay, shuffle bytes written and read,
 * shuffle write and fetch-wait time, result bytes, spills, peak execution memory), the stages grouped by the job
 * description the engine sets per phase ({@link SparkCoActions#pairs}), and the JVM's CPU split by thread kind
 * (task threads, the driver's thread, the collector's and the JIT's threads, Spark's other threads) from
 * {@code /proc/self/task} (Linux; other systems print the JVM's total only).
 */
final class SparkMetrics extends SparkListener {
    /** Per-stage sums; index names in {@link #COLUMNS}. */
    static final String[] COLUMNS = {"run s", "task CPU s", "GC s", "deser s", "deser CPU s", "result ser s",
        "sched delay s", "shuffle write s", "fetch wait s", "shuffle written B", "shuffle read B", "result B",
        "spilled B", "tasks", "records written", "records read"};
    private static final int RUN = 0, CPU = 1, GC = 2, DESER = 3, DESER_CPU = 4, RESULT_SER = 5, SCHED = 6,
            WRITE_TIME = 7, FETCH_WAIT = 8, WRITTEN = 9, READ = 10, RESULT = 11, SPILLED = 12, TASKS = 13,
            RECORDS_WRITTEN = 14, RECORDS_READ = 15;

    final AtomicLong peakTaskMemory = new AtomicLong();
    private final Map<Integer, double[]> stages = new ConcurrentHashMap<>();
    private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();
    private final Map<Integer, Double> stageWall = new ConcurrentHashMap<>();
    private final Map<Integer, String> stagePhase = new ConcurrentHashMap<>();
    private final Map<Integer, String> jobPhase = new ConcurrentHashMap<>();
    /** Per phase: first job start, last job end (ms), jobs. */
    private final Map<String, long[]> phaseSpan = new ConcurrentHashMap<>();
    private final PrintStream out;

    SparkMetrics(PrintStream out) {
        this.out = out;
    }

    static String phaseOf(Properties p) {
        String d = p == null ? null : p.getProperty(SparkCoActions.JOB_DESCRIPTION);
        return d == null ? "(no phase)" : d;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String phase = phaseOf(start.properties());
        jobPhase.put(start.jobId(), phase);
        start.stageIds().foreach(id -> stagePhase.putIfAbsent((Integer) id, phase));
        phaseSpan.compute(phase, (k, v) -> v == null ? new long[]{start.time(), start.time(), 1}
                : new long[]{Math.min(v[0], start.time()), v[1], v[2] + 1});
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        String phase = jobPhase.get(end.jobId());
        if (phase != null) {
            phaseSpan.computeIfPresent(phase, (k, v) -> new long[]{v[0], Math.max(v[1], end.time()), v[2]});
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        TaskInfo info = end.taskInfo();
        if (m == null) {
            return;
        }
        peakTaskMemory.accumulateAndGet(m.peakExecutionMemory(), Math::max);
        long duration = info == null ? 0 : info.finishTime() - info.launchTime();
        long gettingResult = info == null || info.gettingResultTime() == 0 ? 0
                : info.finishTime() - info.gettingResultTime();
        double sched = Math.max(0, duration - m.executorRunTime() - m.executorDeserializeTime()
                - m.resultSerializationTime() - gettingResult) / 1e3;
        double[] v = stages.computeIfAbsent(end.stageId(), k -> new double[COLUMNS.length]);
        synchronized (v) {
            v[RUN] += m.executorRunTime() / 1e3;
            v[CPU] += m.executorCpuTime() / 1e9;
            v[GC] += m.jvmGCTime() / 1e3;
            v[DESER] += m.executorDeserializeTime() / 1e3;
            v[DESER_CPU] += m.executorDeserializeCpuTime() / 1e9;
            v[RESULT_SER] += m.resultSerializationTime() / 1e3;
            v[SCHED] += sched;
            v[WRITE_TIME] += m.shuffleWriteMetrics().writeTime() / 1e9;
            v[FETCH_WAIT] += m.shuffleReadMetrics().fetchWaitTime() / 1e3;
            v[WRITTEN] += m.shuffleWriteMetrics().bytesWritten();
            v[READ] += m.shuffleReadMetrics().totalBytesRead();
            v[RESULT] += m.resultSize();
            v[SPILLED] += m.diskBytesSpilled();
            v[TASKS] += 1;
            v[RECORDS_WRITTEN] += m.shuffleWriteMetrics().recordsWritten();
            v[RECORDS_READ] += m.shuffleReadMetrics().recordsRead();
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        StageInfo info = completed.stageInfo();
        double wall = info.submissionTime().isDefined() && info.completionTime().isDefined()
                ? ((Long) info.completionTime().get() - (Long) info.submissionTime().get()) / 1e3 : 0;
        stageWall.put(info.stageId(), wall);
        stageNames.put(info.stageId(), info.name().replaceAll(" at [A-Za-z]+\\.java:\\d+", ""));
        TaskMetrics m = info.taskMetrics();
        // printed at once, so that a run stopped by a time limit leaves its finished stages
        out.printf(Locale.ROOT, "  stage done %03d %-28s %-26s %7.1f s wall, %7.1f task CPU-s, %5.1f GC s, "
                        + "%,13d B written, %4d tasks; peak task memory so far %,d B, load %.1f%n", info.stageId(),
                cut(stagePhase.getOrDefault(info.stageId(), "(no phase)"), 28), cut(stageNames.get(info.stageId()),
                        26), wall, m == null ? 0 : m.executorCpuTime() / 1e9, m == null ? 0 : m.jvmGCTime() / 1e3,
                m == null ? 0 : m.shuffleWriteMetrics().bytesWritten(), info.numTasks(), peakTaskMemory.get(),
                SparkCoActionsBenchmark.load());
        out.flush();
    }

    private static String cut(String s, int n) {
        return s.length() > n ? s.substring(0, n) : s;
    }

    /** The sums over all stages. */
    double[] total() {
        double[] t = new double[COLUMNS.length];
        for (double[] v : stages.values()) {
            for (int i = 0; i < t.length; i++) {
                t[i] += v[i];
            }
        }
        return t;
    }

    long shuffleWritten() {
        return (long) total()[WRITTEN];
    }

    long shuffleRead() {
        return (long) total()[READ];
    }

    long spilled() {
        return (long) total()[SPILLED];
    }

    /** Prints the per-stage table, the per-phase table and the run's totals. */
    void print(String master, double runWall) {
        out.printf(Locale.ROOT, "  %s stages (phase, stage; wall s, then %s):%n", master, String.join(", ", COLUMNS));
        new TreeMap<>(stages).forEach((id, v) -> out.printf(Locale.ROOT, "    %03d %-28s %-26s %7.1f %s%n",
                id, cut(stagePhase.getOrDefault(id, "(no phase)"), 28), cut(stageNames.getOrDefault(id, "?"), 26),
                stageWall.getOrDefault(id, 0.0), row(v)));
        Map<String, double[]> phases = new LinkedHashMap<>();
        Map<String, Integer> stageCount = new HashMap<>();
        new TreeMap<>(stages).forEach((id, v) -> {
            String p = stagePhase.getOrDefault(id, "(no phase)");
            double[] acc = phases.computeIfAbsent(p, k -> new double[COLUMNS.length]);
            for (int i = 0; i < acc.length; i++) {
                acc[i] += v[i];
            }
            stageCount.merge(p, 1, Integer::sum);
        });
        out.printf(Locale.ROOT, "  %s phases (phase; jobs, stages, span s from first job start to last job end, "
                + "then %s):%n", master, String.join(", ", COLUMNS));
        double spans = 0;
        for (var e : phases.entrySet()) {
            long[] span = phaseSpan.getOrDefault(e.getKey(), new long[3]);
            spans += (span[1] - span[0]) / 1e3;
            out.printf(Locale.ROOT, "    %-40s %4d %4d %7.1f %s%n", e.getKey(), span[2], stageCount.get(e.getKey()),
                    (span[1] - span[0]) / 1e3, row(e.getValue()));
        }
        out.printf(Locale.ROOT, "    %-40s %4s %4d %7.1f %s%n", "sum", "", stages.size(), spans, row(total()));
        out.printf(Locale.ROOT, "  %s wall %.1f s: %.1f s inside the phases' jobs, %.1f s between them (the "
                + "driver's own passes)%n", master, runWall, spans, runWall - spans);
    }

    private static String row(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == WRITTEN || i == READ || i == RESULT || i == SPILLED || i >= TASKS
                    ? String.format(Locale.ROOT, " %,14d", (long) v[i]) : String.format(Locale.ROOT, " %7.1f", v[i]));
        }
        return b.toString();
    }

    /** One thread's name and CPU seconds (user + system) so far. */
    record ThreadCpu(String comm, double seconds) {
    }

    /**
     * The JVM's CPU per thread from {@code /proc/self/task/TID/stat} (user + system ticks), with the process total,
     * the collectors' pause time and the JIT's compile time from the management beans; {@link #minus} gives a run's
     * share by thread kind.
     */
    record JvmCpu(Map<Long, ThreadCpu> threads, double process, double gcPause, double jit) {
        static final List<String[]> KINDS = List.of(
                new String[]{"tasks", "Executor task l"},
                new String[]{"driver thread"},
                new String[]{"collector", "GC Thread", "G1 ", "VM Thread", "VM Periodic", "ParGC"},
                new String[]{"JIT", "C1 CompilerThre", "C2 CompilerThre"});
        static final String OTHER = "Spark's other threads";

        static JvmCpu now() {
            Map<Long, ThreadCpu> threads = new HashMap<>();
            Path tasks = Path.of("/proc/self/task");
            if (Files.isDirectory(tasks)) {
                try (Stream<Path> s = Files.list(tasks)) {
                    for (Path t : (Iterable<Path>) s::iterator) {
                        try {
                            String stat = Files.readString(t.resolve("stat"));
                            int close = stat.lastIndexOf(')');
                            String comm = stat.substring(stat.indexOf('(') + 1, close);
                            String[] f = stat.substring(close + 2).split(" ");
                            // after the comm: the state is f[0], utime f[11], stime f[12] (stat fields 14 and 15)
                            threads.put(Long.parseLong(t.getFileName().toString()), new ThreadCpu(comm,
                                    (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0));
                        } catch (IOException | RuntimeException gone) {
                            // the thread ended while listed
                        }
                    }
                } catch (IOException e) {
                    // not Linux: the totals only
                }
            }
            double gc = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime()) / 1e3;
            }
            var jitBean = ManagementFactory.getCompilationMXBean();
            double jit = jitBean != null && jitBean.isCompilationTimeMonitoringSupported()
                    ? jitBean.getTotalCompilationTime() / 1e3 : 0;
            return new JvmCpu(threads, SparkCoActionsBenchmark.cpu() / 1e9, gc, jit);
        }

        static String kind(String comm) {
            if (comm.equals("java") || comm.equals("main")) {
                return "driver thread"; // the launcher's thread that runs main() keeps the process's name
            }
            for (String[] k : KINDS) {
                for (int i = 1; i < k.length; i++) {
                    if (comm.startsWith(k[i])) {
                        return k[0];
                    }
                }
            }
            return OTHER;
        }

        /**
         * The CPU since {@code before}, by thread kind: threads alive at both ends by their difference, threads
         * born since in full, and the threads that ended in between (the process total minus the rest) on their
         * own; then the collectors' pauses and the JIT's compile time.
         */
        String minus(JvmCpu before) {
            Map<String, Double> delta = new LinkedHashMap<>();
            for (String[] k : KINDS) {
                delta.put(k[0], 0.0);
            }
            delta.put(OTHER, 0.0);
            double accounted = 0;
            for (var e : threads.entrySet()) {
                ThreadCpu was = before.threads.get(e.getKey());
                double sec = e.getValue().seconds() - (was != null && was.comm().equals(e.getValue().comm())
                        ? was.seconds() : 0);
                delta.merge(kind(e.getValue().comm()), sec, Double::sum);
                accounted += sec;
            }
            double process = this.process - before.process;
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.1f CPU-s in the JVM:", process));
            delta.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.1f,", k, v)));
            b.append(String.format(Locale.ROOT, " threads ended during the run %.1f; collectors' pauses %.1f s, JIT "
                    + "compile time %.1f s", process - accounted, gcPause - before.gcPause, jit - before.jit));
            return b.toString();
        }
    }
}
