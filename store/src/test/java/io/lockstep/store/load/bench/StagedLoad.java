package io.lockstep.store.load.bench;

import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.load.ArchiveImporter;
import io.lockstep.store.load.ImportOptions;
import io.lockstep.store.load.ImportOptions.Switch;
import io.lockstep.store.load.StepTimes;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One bulk load in a JVM of its own, as {@code lockstep import --store NEW} runs it: prints its time, CPU-seconds and
 * collector time, in all and after staging, and its phases ({@code load seconds=… cpu=… gc=…}).
 *
 * <p>Usage: {@code StagedLoad STORE_DIR ARCHIVE csv|binary WARM_UP [KEPT_DIR ARGUMENTS_FILE]}: with the last two
 * (CSV staging only) the staged files are kept in KEPT_DIR and the importer's file arguments written to
 * ARGUMENTS_FILE, so that Neo4j's importer can run alone on them ({@link ImporterAlone}).
 */
public final class StagedLoad {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path archive = Path.of(args[1]);
        if (!args[2].equals("csv") && !args[2].equals("binary")) {
            throw new IllegalArgumentException("staging must be csv or binary, was " + args[2]);
        }
        boolean csv = args[2].equals("csv");
        boolean warmUp = Boolean.parseBoolean(args[3]);
        List<String> arguments = new ArrayList<>();
        KeptStaging keep = args.length > 5 ? new KeptStaging(Path.of(args[4]), arguments) : null;
        if (keep != null && !csv) {
            throw new IllegalArgumentException("only CSV staging can be kept for the importer alone");
        }
        Map<String, Long> steps = new TreeMap<>();
        long[] atStaged = new long[3];
        StepTimes record = new StepTimes() {
            @Override
            public void add(String step, long nanos) {
                steps.merge(step, nanos, Long::sum);
            }

            @Override
            public void staged(Path directory, List<String> importerFileArguments) {
                atStaged[0] = System.nanoTime();
                atStaged[1] = ImportBenchmark.processCpuNanos();
                atStaged[2] = gcMillis();
                if (keep != null) {
                    keep.staged(directory, importerFileArguments);
                }
            }
        };
        long cpu0 = ImportBenchmark.processCpuNanos();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        long t1;
        long cpu1;
        try (GraphStore store = GraphStore.embedded(dir)) {
            new ArchiveImporter(record).importFiles(store, List.of(archive),
                    ImportOptions.defaults().with(Switch.WARM_UP, warmUp).with(Switch.CSV_STAGING, csv),
                    ProgressListener.NONE);
            t1 = System.nanoTime(); // the load's return, as ImportBenchmark's end to end
            cpu1 = ImportBenchmark.processCpuNanos();
        }
        System.out.printf("load seconds=%.2f cpu=%.2f gc=%.2f afterStaging=%.2f afterStagingCpu=%.2f "
                        + "afterStagingGc=%.2f (%s staging, warm-up %s)%n", (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9,
                (gcMillis() - gc0) / 1e3, (t1 - atStaged[0]) / 1e9, (cpu1 - atStaged[1]) / 1e9,
                (gcMillis() - atStaged[2]) / 1e3, args[2], warmUp ? "on" : "off");
        steps.forEach((step, nanos) -> System.out.printf("  %8.1f s  %s%n", nanos / 1e9, step));
        if (keep != null) {
            Files.write(Path.of(args[5]), arguments);
        }
    }

    static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private StagedLoad() {
    }
}
