package io.lockstep.store.load.bench;

import io.lockstep.store.GraphStore;
import io.lockstep.store.load.Neo4jBulkImport;
import org.neo4j.io.fs.FileUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Neo4j's bulk importer alone, as {@code neo4j-admin database import full} runs it: its own JVM, nothing else in
 * it, the invocation {@code BulkLoader} uses ({@link Neo4jBulkImport}) on files a load staged.
 *
 * <p>Usage: {@code ImporterAlone HOME REPORT_DIR ARGUMENTS_FILE [warm-up]} (one importer file argument a line); prints
 * the seconds and CPU-seconds of the import itself ({@code importer seconds=… cpu=…}); the caller times the whole
 * process. {@code warm-up}: a throwaway store starts on a thread of its own beside the importer, as the load's warm-up
 * of the store's first start does, to measure what that costs the importer.
 */
public final class ImporterAlone {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path report = Path.of(args[1]);
        List<String> arguments = Files.readAllLines(Path.of(args[2]));
        boolean warmUp = args.length > 3 && args[3].equals("warm-up");
        Thread beside = null;
        if (warmUp) {
            Path scratch = Files.createTempDirectory(home.toAbsolutePath().getParent(), "alone-warm-up-");
            beside = new Thread(() -> {
                try (GraphStore throwaway = GraphStore.embedded(scratch)) {
                    throwaway.driver();
                }
            }, "warm-up");
            beside.start();
        }
        long cpu0 = ImportBenchmark.processCpuNanos();
        long t0 = System.nanoTime();
        Neo4jBulkImport.run(home, "neo4j", report, arguments);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (ImportBenchmark.processCpuNanos() - cpu0) / 1e9;
        if (beside != null) {
            beside.join();
        }
        System.out.printf("importer seconds=%.2f cpu=%.2f%n", seconds, cpu);
        // the importer's own account of its stages
        Files.readAllLines(home.resolve("logs").resolve("bulk-import.log")).stream()
                .filter(l -> l.contains("COMPLETED") || l.contains("IMPORT DONE") || l.contains("Peak memory"))
                .forEach(l -> System.out.println("  " + l.substring(l.lastIndexOf('\r') + 1).strip()));
    }

    private ImporterAlone() {
    }
}
