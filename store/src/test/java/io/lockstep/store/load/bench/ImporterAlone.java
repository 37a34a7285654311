package io.lockstep.store.load.bench;

import io.lockstep.store.load.Neo4jBulkImport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Neo4j's bulk importer alone, as {@code neo4j-admin database import full} runs it: its own JVM, nothing else in
 * it, the invocation {@code BulkLoader} uses ({@link Neo4jBulkImport}) on files a load staged.
 *
 * <p>Usage: {@code ImporterAlone HOME REPORT_DIR ARGUMENTS_FILE} (one importer file argument a line); prints the
 * seconds and CPU-seconds of the import itself ({@code importer seconds=… cpu=…}); the caller times the whole process.
 */
public final class ImporterAlone {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path report = Path.of(args[1]);
        List<String> arguments = Files.readAllLines(Path.of(args[2]));
        long cpu0 = ImportBenchmark.processCpuNanos();
        long t0 = System.nanoTime();
        Neo4jBulkImport.run(home, "neo4j", report, arguments);
        System.out.printf("importer seconds=%.2f cpu=%.2f%n", (System.nanoTime() - t0) / 1e9,
                (ImportBenchmark.processCpuNanos() - cpu0) / 1e9);
    }

    private ImporterAlone() {
    }
}
