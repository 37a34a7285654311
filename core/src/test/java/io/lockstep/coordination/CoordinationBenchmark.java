package io.lockstep.coordination;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark (a main, not a test; keep it off CI): generates a seeded synthetic archive of {@code posts} posts by
 * {@code accounts} accounts over 30 days — 40% tweets (12-word texts from a 50k-word vocabulary, 25% with 1–3
 * Zipf-distributed hashtags of 100k, 15% with one of 500k URLs), 50% retweets and 10% replies of Zipf-popular
 * originals, plus a planted 1,000-account botnet and a 500-account copypasta ring — then times each signal and the
 * whole detector, with the peak heap of each step.
 *
 * <pre>
 * mvn -B -q -o -pl core test-compile
 * java -Xmx8g -cp core/target/classes:core/target/test-classes:$HOME/.m2/repository/it/unimi/dsi/fastutil/8.5.15/fastutil-8.5.15.jar \
 *     io.lockstep.coordination.CoordinationBenchmark 10000000 1000000
 * </pre>
 */
public final class CoordinationBenchmark {
    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long t0 = System.nanoTime();
        Activity a = generate(posts, accounts, 42);
        System.out.printf(Locale.ROOT, "%d processors, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "generated %s in %.1f s; heap used after GC: %d MB%n", a,
                (System.nanoTime() - t0) / 1e9, usedAfterGc() / (1 << 20));
        CoordinationParams params = CoordinationParams.defaults();
        List<CoordinationEdge> all = new ArrayList<>();
        double coActionSeconds = 0;
        double coActionCpu = 0;
        double allSeconds = 0;
        double allCpu = 0;
        for (String name : CoordinationParams.ALL_SIGNALS) {
            if (name.equals(CoordinationSignal.LOCKSTEP_FOLLOW) || Signal.of(name).afterVerdicts()) {
                continue; // no follows in this archive; amplified-seed runs in assemble
            }
            CoordinationSignal s = CoordinationDetector.create(name, params);
            long base = usedAfterGc();
            resetPeaks();
            long start = System.nanoTime();
            long cpu0 = cpu();
            SignalGraph g = s.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            double sec = (System.nanoTime() - start) / 1e9;
            double cpuSec = (cpu() - cpu0) / 1e9;
            if (!name.equals(CoordinationSignal.CO_TEXT)) {
                coActionSeconds += sec;
                coActionCpu += cpuSec;
            }
            allSeconds += sec;
            allCpu += cpuSec;
            all.addAll(g.edges());
            System.out.printf(Locale.ROOT, "%-17s %7.2f s wall %7.2f s process CPU  actions %,11d  candidate pairs %,12d  edges %,9d  "
                            + "peak heap %,6d MB (+%,d MB over the archive)%n", name, sec, cpuSec, g.actions(),
                    g.candidatePairs(), g.edges().size(), peak() / (1 << 20), (peak() - base) / (1 << 20));
        }
        System.out.printf(Locale.ROOT, "co-action signals (all but co-text): %.2f s wall, %.2f s process CPU%n",
                coActionSeconds, coActionCpu);
        System.out.printf(Locale.ROOT, "all co-action signals one after another: %.2f s wall, %.2f s process CPU%n",
                allSeconds, allCpu);
        int threads = Runtime.getRuntime().availableProcessors();
        long sideStart = System.nanoTime();
        long sideCpu = cpu();
        List<SignalGraph> side = new CoordinationDetector(params, threads).graphs(a, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        int sideEdges = side.stream().mapToInt(g -> g.edges().size()).sum();
        System.out.printf(Locale.ROOT, "all co-action signals side by side on %d threads: %.2f s wall, %.2f s process "
                + "CPU, edges %,d (one after another: %,d)%n", threads, (System.nanoTime() - sideStart) / 1e9,
                (cpu() - sideCpu) / 1e9, sideEdges, all.size());
        side = null;
        resetPeaks();
        long start = System.nanoTime();
        long cpu0 = cpu();
        CoordinationResult r = new CoordinationDetector(params).assemble(a, all, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        System.out.printf(Locale.ROOT, "combine+Leiden+score+campaigns %.2f s wall, %.2f s CPU, clusters %d, suspicious %d, "
                        + "campaigns %d, peak heap %,d MB%n", (System.nanoTime() - start) / 1e9, (cpu() - cpu0) / 1e9,
                r.clusters().size(),
                r.suspiciousAccounts().length, r.campaigns().size(), peak() / (1 << 20));
    }

    static Activity generate(int posts, int accounts, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ActivityBuilder b = new ActivityBuilder();
        long base = 1_700_000_000L, span = 30 * 86_400L;
        for (int i = 0; i < accounts; i++) {
            b.account(Integer.toString(i), null, base - r.nextLong(10 * 365 * 86_400L), -1);
        }
        String[] vocab = new String[50_000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = Integer.toString(i * 7919 + 100_000, 36);
        }
        int tweets = (int) (posts * 0.4);
        long[] tweetTime = new long[tweets];
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < tweets; p++) {
            long t = base + r.nextLong(span);
            tweetTime[p] = t;
            sb.setLength(0);
            for (int w = 0; w < 12; w++) {
                sb.append(w == 0 ? "" : " ").append(vocab[zipf(r, vocab.length)]);
            }
            List<String> tags = List.of();
            if (r.nextDouble() < 0.25) {
                int k = 1 + r.nextInt(3);
                String[] t3 = new String[k];
                for (int j = 0; j < k; j++) {
                    t3[j] = "h" + zipf(r, 100_000);
                }
                tags = List.of(t3);
            }
            List<String> urls = r.nextDouble() < 0.15 ? List.of("https://site" + r.nextInt(5000) + ".example/"
                    + r.nextInt(100)) : List.of();
            b.addPost("t" + p, Integer.toString(r.nextInt(accounts)), t, PostKind.TWEET, null, null, sb.toString(),
                    tags, urls, List.of());
        }
        // planted: 1,000 bots retweet 200 seed posts within 2-20 s; 500 copypasta accounts post 20 scripts
        int botBase = accounts - 1500;
        int done = tweets;
        for (int s = 0; s < 200; s++) {
            int original = r.nextInt(tweets);
            for (int k = 0; k < 1000 && done < posts; k++) {
                if (r.nextDouble() < 0.8) {
                    b.addPost("b" + done++, Integer.toString(botBase + k), tweetTime[original] + 2 + r.nextInt(18),
                            PostKind.RETWEET, "t" + original, null, null, List.of(), List.of(), List.of());
                }
            }
        }
        for (int s = 0; s < 20; s++) {
            long t = base + r.nextLong(span);
            StringBuilder script = new StringBuilder();
            for (int w = 0; w < 14; w++) {
                script.append(w == 0 ? "" : " ").append(vocab[r.nextInt(vocab.length)]);
            }
            for (int k = 0; k < 500 && done < posts; k++) {
                if (r.nextDouble() < 0.8) {
                    b.addPost("c" + done++, Integer.toString(botBase + 1000 + k), t + r.nextInt(1800),
                            PostKind.TWEET, null, null, "@x" + k + " " + script + " " + vocab[r.nextInt(50)],
                            List.of(), List.of(), List.of());
                }
            }
        }
        int replies = (int) (posts * 0.1);
        int retweets = posts - done - replies;
        for (int i = 0; i < retweets + replies; i++) {
            int original = zipf(r, tweets);
            boolean reply = i >= retweets;
            long delay = (long) (-3600 * Math.log(1 - r.nextDouble()));
            b.addPost("r" + i, Integer.toString(r.nextInt(accounts)), tweetTime[original] + 1 + delay,
                    reply ? PostKind.REPLY : PostKind.RETWEET, "t" + original, null,
                    reply ? "reply " + vocab[r.nextInt(vocab.length)] : null, List.of(), List.of(), List.of());
        }
        return b.build();
    }

    /** Zipf-like index in [0, n): heavy head, long tail. */
    private static int zipf(SplittableRandom r, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1.0, r.nextDouble())) - 1);
    }

    /** Process CPU time in ns (all threads, GC included). */
    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
