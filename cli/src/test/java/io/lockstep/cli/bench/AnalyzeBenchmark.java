package io.lockstep.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.cli.Lockstep;
import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The phase table of {@code lockstep analyze} at archive scale: simulates the {@code mixed} scenario with N
 * accounts (seed 5; skipped when WORKDIR/sim-N already holds it), then runs {@code analyze} on its users, tweets and
 * follows into a fresh embedded store, in this JVM, and prints each phase's wall and CPU time, the total, the peak
 * heap and the load average before and after.
 *
 * <p>Usage: {@code AnalyzeBenchmark WORKDIR [accounts=100000 ...]}, one run per account count (100000 gives the
 * 1.2M-post archive of issue #13, 1000000 the 10M-post one). Run with the heap the CLI gets, e.g.
 * {@code -XX:MaxRAMPercentage=60 -XX:+UseParallelGC}, and {@code nice} on a shared machine. The store and outputs
 * are left under WORKDIR (the caller deletes them).
 */
public final class AnalyzeBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AnalyzeBenchmark WORKDIR [accounts ...]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes.add(100_000);
        }
        for (int accounts : sizes) {
            run(work, accounts);
        }
    }

    private static void run(Path work, int accounts) throws Exception {
        Path sim = work.resolve("sim-" + accounts);
        if (!Files.exists(sim.resolve("follows.csv"))) {
            long t0 = System.nanoTime();
            new Simulator(ScenarioConfig.preset("mixed", accounts, 14, 5L)).write(sim, ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "simulated %d accounts in %.1f s%n", accounts, (System.nanoTime() - t0) / 1e9);
        }
        Path store = work.resolve("store-" + accounts + "-" + System.currentTimeMillis());
        Path out = work.resolve("out-" + accounts);
        String before = load();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        StringWriter err = new StringWriter();
        StringWriter stdout = new StringWriter();
        CommandLine cmd = Lockstep.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(stdout, true));
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        int exit = cmd.execute("analyze", "--store", store.toString(), "--out", out.toString(),
                sim.resolve("users.csv").toString(), sim.resolve("tweets.csv").toString(),
                sim.resolve("follows.csv").toString());
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (cpu() - cpu0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%n== analyze, %d accounts (exit %d) ==%n", accounts, exit);
        for (String line : err.toString().split("\r|\n")) {
            // the phase lines: the import's progress bars are redrawn in place and left out
            if (line.matches("^\\S.*\\s\\d+\\.\\d\\d s.*") || line.startsWith("imported ")) {
                System.out.println(line);
            }
        }
        System.out.print(stdout);
        System.out.printf(Locale.ROOT, "total wall %.1f s, cpu %.1f s, peak heap %.2f GB (sum of pool peaks), "
                        + "graph.graphml %.1f MB%n", wall, cpuSeconds, peak / 1e9,
                Files.exists(out.resolve("graph.graphml")) ? Files.size(out.resolve("graph.graphml")) / 1e6 : 0.0);
        System.out.println("load average before: " + before + "; after: " + load());
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
