package io.lockstep.importer;

/** Lets the benchmark print the writer's per-statement timing. */
public final class BenchAccess {
    private BenchAccess() {
    }

    public static void printTiming() {
        if (Neo4jWriter.TIMING != null) {
            Neo4jWriter.TIMING.forEach((k, v) -> System.out.printf("  %8.1f s  %s%n", v / 1e9, k));
            Neo4jWriter.TIMING.clear();
        }
    }
}
