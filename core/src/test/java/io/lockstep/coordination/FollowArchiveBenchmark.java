package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.DenseFollows;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (a main, not a test; keep it off CI) of the lockstep-follow signal alone on a simulated archive
 * directory ({@code users.csv} and {@code follows.csv} of {@code lockstep simulate}), with the signal's phase table
 * (follow graph, partitions, surprise, creation bursts, peeling, growth, block test, edges). The files are read once
 * into a binary cache (dense ids, creation times, follows) so that later runs start in seconds; the blocks found are
 * written one a line (followers, targets, density, first follower ids) to compare runs.
 *
 * <pre>
 * mvn -B -q -o -pl core test-compile
 * java -Xmx12g -XX:+UseParallelGC -cp core/target/classes:core/target/test-classes:&lt;fastutil jar&gt; \
 *     io.lockstep.coordination.FollowArchiveBenchmark /work/scratch/sim10m /work/scratch/follow4/sim10m.bin blocks.txt [runs]
 * </pre>
 */
public final class FollowArchiveBenchmark {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        Path blocksOut = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long t0 = System.nanoTime();
        Activity a = Files.exists(cache) ? readCache(cache) : readCsv(dir, cache);
        System.out.printf(Locale.ROOT, "%d processors, load average %.1f; %d accounts, %d follows read in %.1f s%n",
                Runtime.getRuntime().availableProcessors(), load(), a.accountCount(), a.followCount(),
                (System.nanoTime() - t0) / 1e9);
        for (int run = 0; run < runs; run++) {
            LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
            long start = System.nanoTime();
            long cpu0 = FollowBenchmark.cpu();
            SignalGraph g = signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            double sec = (System.nanoTime() - start) / 1e9;
            double cpu = (FollowBenchmark.cpu() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "lockstep-follow %.1f s wall, %.1f s CPU (load %.1f): %d blocks, %d edges,"
                    + " %d rounds%n", sec, cpu, load(), g.blocks().size(), g.edges().size(), signal.rounds);
            ClientSeeds.Stats st = signal.clientStats[0];
            if (st != null) {
                System.out.printf(Locale.ROOT, "  client screen: %d away follows, %d increments (bound %d), %d"
                                + " followers sampled, %d candidates, %d seeds found%n", st.away(), st.wedges(), st.bound(),
                        st.followersSampled(), st.candidates(), st.found());
            }
            FollowBenchmark.printPhases(signal);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(blocksOut))) {
                for (DenseBlock b : g.blocks()) {
                    w.printf(Locale.ROOT, "%d followers, %d targets, density %.4f, observed %d, expected %.2f,"
                                    + " followers hash %d, targets hash %d%n", b.followers().length,
                            b.targets().length, b.density(), b.observed(), b.expected(),
                            Arrays.hashCode(b.followers()), Arrays.hashCode(b.targets()));
                }
                w.printf(Locale.ROOT, "edges %d, hash %d%n", g.edges().size(), g.edges().stream()
                        .mapToLong(e -> e.pairKey() * 31 + Double.hashCode(e.weight())).reduce(17, (x, y) -> 31 * x + y));
            }
        }
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Activity readCsv(Path dir, Path cache) throws IOException {
        Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
        index.defaultReturnValue(-1);
        IntArrayList created = new IntArrayList(); // days since the epoch, or Integer.MIN_VALUE
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("users.csv"), StandardCharsets.UTF_8)) {
            List<String> header = fields(in.readLine());
            int id = header.indexOf("userid"), date = header.indexOf("account_creation_date");
            for (String line; (line = in.readLine()) != null; ) {
                List<String> f = fields(line);
                if (index.getInt(f.get(id)) < 0) {
                    index.put(f.get(id), index.size());
                    String d = f.get(date);
                    created.add(d.isEmpty() ? Integer.MIN_VALUE : (int) LocalDate.parse(d).toEpochDay());
                }
            }
        }
        IntArrayList from = new IntArrayList(), to = new IntArrayList();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("follows.csv"), StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                int comma = line.indexOf(',');
                from.add(id(index, created, line.substring(0, comma)));
                to.add(id(index, created, line.substring(comma + 1)));
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache),
                1 << 20))) {
            out.writeInt(created.size());
            for (int i = 0; i < created.size(); i++) {
                out.writeInt(created.getInt(i));
            }
            out.writeInt(from.size());
            for (int i = 0; i < from.size(); i++) {
                out.writeInt(from.getInt(i));
                out.writeInt(to.getInt(i));
            }
        }
        return build(created.toIntArray(), from.elements(), to.elements(), from.size());
    }

    private static int id(Object2IntOpenHashMap<String> index, IntArrayList created, String account) {
        int v = index.getInt(account);
        if (v < 0) {
            v = index.size();
            index.put(account, v);
            created.add(Integer.MIN_VALUE);
        }
        return v;
    }

    private static Activity readCache(Path cache) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache), 1 << 20))) {
            int[] created = new int[in.readInt()];
            for (int i = 0; i < created.length; i++) {
                created[i] = in.readInt();
            }
            int m = in.readInt();
            int[] from = new int[m], to = new int[m];
            for (int i = 0; i < m; i++) {
                from[i] = in.readInt();
                to[i] = in.readInt();
            }
            return build(created, from, to, m);
        }
    }

    private static Activity build(int[] created, int[] from, int[] to, int m) {
        ActivityBuilder b = new ActivityBuilder();
        for (int i = 0; i < created.length; i++) {
            long t = created[i] == Integer.MIN_VALUE ? Activity.NO_TIME
                    : LocalDate.ofEpochDay(created[i]).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            b.account("a" + i, null, t, -1);
        }
        DenseFollows.add(b, from, to, m);
        return b.build();
    }

    /** The fields of one CSV line (RFC 4180 quotes; no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
