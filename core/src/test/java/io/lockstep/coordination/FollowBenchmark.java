package io.lockstep.coordination;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark (a main, not a test; keep it off CI) of the lockstep-follow signal: a {@link FollowGraphs} archive of
 * {@code accounts} ordinary accounts in homophilous communities of 10–5,000 members (lognormal sizes, Zipf
 * popularity inside each, lognormal follow counts of median {@code median}, 85 % inside the community) plus a burst
 * farm of 300 (21 follows each) and an aged farm of 150 (12 each) following a client and a pool of the 4 stars of
 * 8 communities; times the signal and
 * reports its blocks, farm recall and ordinary accounts flagged.
 *
 * <pre>
 * mvn -B -q -o -pl core test-compile
 * java -Xmx12g -cp core/target/classes:core/target/test-classes:$HOME/.m2/repository/it/unimi/dsi/fastutil/8.5.15/fastutil-8.5.15.jar \
 *     io.lockstep.coordination.FollowBenchmark 1000000 14 [runs, default 2]
 * </pre>
 */
public final class FollowBenchmark {
    static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        double median = args.length > 1 ? Double.parseDouble(args[1]) : 14;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long t0 = System.nanoTime();
        FollowGraphs gen = new FollowGraphs(42).lognormalCommunities(accounts, new Random(42));
        gen.follows(median, 1.0, 0.85);
        Set<String> farm = new HashSet<>(gen.farm(300, 4, 21, true, "client0", 8));
        Set<String> aged = new HashSet<>(gen.farm(150, 4, 12, false, "client1", 8));
        Activity a = gen.build();
        System.out.printf(Locale.ROOT, "%d processors, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "generated %d accounts, %d follows in %.1f s%n", a.accountCount(),
                a.followCount(), (System.nanoTime() - t0) / 1e9);
        {
            // the cost of the target-side seed search alone (AudienceSeeds), on the finder the signal builds
            LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
            DenseBlockFinder finder = LockstepFollowSignal.follows(a);
            long start = System.nanoTime();
            long cpu0 = cpu();
            List<int[]> seeds = signal.audienceBursts(a, finder);
            System.out.printf(Locale.ROOT, "audience bursts: %d seeds (sizes %s) in %.2f s wall, %.2f s CPU%n",
                    seeds.size(), seeds.stream().map(x -> x.length).toList(), (System.nanoTime() - start) / 1e9,
                    (cpu() - cpu0) / 1e9);
        }
        {
            // the cost of the client-side seed search alone (ClientSeeds), on the model's partitions
            LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
            DenseBlockFinder finder = LockstepFollowSignal.follows(a);
            List<int[]> weights = LockstepFollowSignal.Models.fit(finder, a.accountCount(),
                    CoordinationParams.defaults().seed()).partitions(a.accountCount());
            long start = System.nanoTime();
            long cpu0 = cpu();
            List<ClientSeeds.Seed> seeds = signal.clientSeeds(finder, a.accountCount(), weights.get(0));
            ClientSeeds.Stats st = signal.clientStats[0];
            System.out.printf(Locale.ROOT, "client seeds: %d seeds (sizes %s) in %.2f s wall, %.2f s CPU; %d away"
                            + " follows, %d increments (bound %d), %d followers sampled, %d candidates, %d found%n",
                    seeds.size(), seeds.stream().map(x -> x.followers().length).toList(),
                    (System.nanoTime() - start) / 1e9, (cpu() - cpu0) / 1e9, st.away(), st.wedges(), st.bound(),
                    st.followersSampled(), st.candidates(), st.found());
        }
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            long cpu0 = cpu();
            LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
            SignalGraph g = signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            double sec = (System.nanoTime() - start) / 1e9;
            double cpuSec = (cpu() - cpu0) / 1e9;
            int farmFound = 0, agedFound = 0, ordinary = 0;
            for (DenseBlock b : g.blocks()) {
                for (int f : b.followers()) {
                    String id = a.accountId(f);
                    if (farm.contains(id)) {
                        farmFound++;
                    } else if (aged.contains(id)) {
                        agedFound++;
                    } else {
                        ordinary++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "lockstep-follow %.1f s wall, %.1f s CPU (load %.1f): %d blocks, %d edges; "
                            + "burst farm %d/300, aged farm %d/150, ordinary accounts in blocks %d%n", sec, cpuSec,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), g.blocks().size(),
                    g.edges().size(), farmFound, agedFound, ordinary);
            printPhases(signal);
            // each block, to compare runs: sizes, density, observed and expected follows, hashes of its members
            for (DenseBlock b : g.blocks()) {
                System.out.printf(Locale.ROOT, "  block %d followers, %d targets, density %.4f, observed %d,"
                                + " expected %.2f, followers hash %d, targets hash %d%n", b.followers().length,
                        b.targets().length, b.density(), b.observed(), b.expected(),
                        Arrays.hashCode(b.followers()), Arrays.hashCode(b.targets()));
            }
            System.out.printf(Locale.ROOT, "  edges hash %d%n", g.edges().stream()
                    .mapToLong(e -> e.pairKey() * 31 + Double.hashCode(e.weight())).reduce(17, (x, y) -> 31 * x + y));
        }
    }

    /** The signal's phase table, its rounds by seed kind and the block test's refits: wall and CPU seconds. */
    static void printPhases(LockstepFollowSignal signal) {
        for (LockstepFollowSignal.Phase p : LockstepFollowSignal.Phase.values()) {
            System.out.printf(Locale.ROOT, "  %-10s %8.1f s wall %8.1f s CPU%n", p,
                    signal.phaseNanos[p.ordinal()] / 1e9, signal.phaseCpuNanos[p.ordinal()] / 1e9);
        }
        for (LockstepFollowSignal.RoundKind k : LockstepFollowSignal.RoundKind.values()) {
            System.out.printf(Locale.ROOT, "  rounds %-9s %4d %8.1f s wall %8.1f s CPU%n", k,
                    signal.roundCounts[k.ordinal()], signal.roundNanos[k.ordinal()] / 1e9,
                    signal.roundCpuNanos[k.ordinal()] / 1e9);
        }
        System.out.printf(Locale.ROOT, "  refits (block test) %d %8.1f s wall %8.1f s CPU%n", signal.refits,
                signal.refitNanos / 1e9, signal.refitCpuNanos / 1e9);
    }
}
