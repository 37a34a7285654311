package io.lockstep.store;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Read-back speed: opens an existing embedded store, reads its activity with {@link ActivityReader} REPEAT times
 * (the first run warms the page cache and the JIT) and prints posts/s, wall and CPU seconds and the load average.
 *
 * <p>Usage: {@code ActivityReaderBenchmark STORE_DIR [repeat=2]}.
 */
public final class ActivityReaderBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (GraphStore store = GraphStore.embedded(dir)) {
            for (int r = 0; r < repeat; r++) {
                String load = Files.readString(Path.of("/proc/loadavg")).strip();
                long cpu0 = cpu();
                long t0 = System.nanoTime();
                Activity activity = ActivityReader.read(store);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpu() - cpu0) / 1e9;
                int posts = 0;
                for (int p = 0; p < activity.postCount(); p++) {
                    posts += activity.kind(p) == PostKind.PLACEHOLDER ? 0 : 1;
                }
                System.out.printf(Locale.ROOT, "run %d: %,d accounts, %,d posts, %,d follows in %.1f s wall "
                                + "(%,.0f posts/s), %.1f s CPU; load before: %s%n", r + 1, activity.accountCount(),
                        posts, activity.followCount(), s, posts / s, cpu, load);
            }
        }
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
