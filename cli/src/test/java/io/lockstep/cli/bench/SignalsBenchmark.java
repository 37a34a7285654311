package io.lockstep.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.activity.Activity;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.coordination.Joined;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.Signal;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.load.ArchiveReader;
import io.lockstep.store.load.ImportOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Coordination signals one at a time on an archive directory ({@code users.csv}, {@code tweets.csv},
 * {@code follows.csv} of {@code lockstep simulate}), read from its files into the activity (no store), each signal run
 * {@code runs} times in this JVM with the default parameters: wall seconds, the main thread's CPU seconds, the
 * process's CPU seconds (a signal with worker threads, and the collector, show there), edges, counted pairs and a hash
 * of the edges (pairs, weights, counts, evidence) that two builds must share when their output is the same. The
 * first run of a JVM includes its compilation; compare the later ones. A signal read after the verdicts
 * (amplified-seed, hashtag-push, farm-cohort, creation-cohort) is timed on the verdicts, clusters and reported edges of
 * one run of the detector without it (not timed): wall and CPU seconds, the accounts it joins and its edges.
 *
 * <p>Usage: {@code SignalsBenchmark DIR [runs=3] [signals=co-retweet,...|all]} ({@code all}: those that read the
 * activity only), e.g. with the command's classpath:
 * <pre>
 * java -Xmx6g -XX:+UseParallelGC -cp "cli/target/test-classes:cli/target/lockstep.jar:cli/target/lib/*" \
 *     io.lockstep.cli.bench.SignalsBenchmark /work/scratch/data/sim1m2 3 co-retweet
 * </pre>
 */
public final class SignalsBenchmark {
    private SignalsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SignalsBenchmark DIR [runs] [signal,signal,...|all]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> names = args.length < 3 || args[2].equals("all")
                ? CoordinationParams.ALL_SIGNALS.stream().filter(s -> !Signal.of(s).afterVerdicts()).toList()
                : Arrays.asList(args[2].split(","));
        long t0 = System.nanoTime();
        Activity activity = ArchiveReader.read(List.of(dir.resolve("users.csv"), dir.resolve("tweets.csv"),
                dir.resolve("follows.csv")), ImportOptions.defaults(), ProgressListener.NONE).activity();
        System.out.printf(Locale.ROOT, "%d accounts, %d posts, %d follows read in %.1f s (load average %.2f)%n",
                activity.accountCount(), activity.postCount(), activity.followCount(), (System.nanoTime() - t0) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        CoordinationParams params = CoordinationParams.defaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, CoordinationResult> before = new HashMap<>();
        for (int run = 0; run < runs; run++) {
            for (String name : names) {
                if (Signal.of(name).afterVerdicts()) {
                    CoordinationResult base = before.computeIfAbsent(name, n -> new CoordinationDetector(
                            params.withSignals(new LinkedHashSet<>(params.signals().stream()
                                    .filter(s -> !s.equals(n)).toList())))
                            .run(activity, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE));
                    long wall = System.nanoTime();
                    long thread = threads.getCurrentThreadCpuTime();
                    long process = processCpu();
                    Joined j = Signal.of(name).joining(params).run(activity, base.edges(), base.clusters(),
                            base.accounts(), params.cluster().suspiciousScore(), TerminationFlag.RUNNING_TRUE);
                    System.out.printf(Locale.ROOT, "run %d %-16s %7.2f s wall %7.2f s main-thread CPU %7.2f s "
                                    + "process CPU  %d accounts joined, %d edges, hash %016x%n", run, name,
                            (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - thread) / 1e9,
                            (processCpu() - process) / 1e9, j.accounts().length, j.edges().size(), hash(j.edges()));
                    continue;
                }
                CoordinationSignal signal = CoordinationDetector.create(name, params);
                long wall = System.nanoTime();
                long thread = threads.getCurrentThreadCpuTime();
                long process = processCpu();
                SignalGraph g = signal.graph(activity, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
                System.out.printf(Locale.ROOT, "run %d %-16s %7.2f s wall %7.2f s main-thread CPU %7.2f s process CPU"
                                + "  %d edges, %d counted pairs, hash %016x%n", run, name,
                        (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - thread) / 1e9,
                        (processCpu() - process) / 1e9, g.edges().size(), g.candidatePairs(), hash(g.edges()));
            }
        }
    }

    private static long hash(List<CoordinationEdge> edges) {
        long h = 17;
        for (CoordinationEdge e : edges) {
            h = 31 * h + e.pairKey();
            h = 31 * h + Double.hashCode(e.weight());
            h = 31 * h + e.count();
            h = 31 * h + e.evidence().hashCode();
        }
        return h;
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
