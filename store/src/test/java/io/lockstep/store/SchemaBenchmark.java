package io.lockstep.store;

import com.sun.management.OperatingSystemMXBean;
import org.neo4j.driver.Session;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Times {@link GraphSchema}'s statements on a store that already holds data, as after a bulk load: drops Lockstep's
 * constraints and indexes, then creates them again in the given order ({@code constraintsFirst} or
 * {@code indexesFirst}, the order {@link GraphSchema#STATEMENTS} uses; {@code oneTransaction}: that order, every
 * statement in one transaction) and waits for every index to be online; {@code each}: every statement alone, each
 * index populated before the next is created, so that each one's population has its own seconds and CPU-seconds
 * (the process's: Neo4j's population threads run in it).
 * Each order is run twice in one process (the second with a warm page cache).
 *
 * <p>Usage: {@code SchemaBenchmark STORE_DIR ORDER...}, e.g. a store left by {@code ImportBenchmark}.
 */
public final class SchemaBenchmark {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        for (int a = 1; a < args.length; a++) {
            List<String> statements = new ArrayList<>(GraphSchema.STATEMENTS);
            Comparator<String> constraintsFirst = Comparator.comparing(s -> s.startsWith("CREATE CONSTRAINT") ? 0 : 1);
            statements.sort(args[a].equals("constraintsFirst") ? constraintsFirst : constraintsFirst.reversed());
            for (int round = 1; round <= 2; round++) {
                try (GraphStore store = GraphStore.embedded(dir); Session s = store.session()) {
                    for (String statement : GraphSchema.STATEMENTS) {
                        // "CREATE CONSTRAINT name IF NOT EXISTS ..." -> "DROP CONSTRAINT name IF EXISTS"
                        String[] words = statement.split(" ");
                        s.run("DROP " + words[1] + " " + words[2] + " IF EXISTS").consume();
                    }
                    long t0 = System.nanoTime();
                    long cpu0 = cpu();
                    if (args[a].equals("each")) {
                        for (String statement : GraphSchema.STATEMENTS) {
                            long s0 = System.nanoTime();
                            long c0 = cpu();
                            s.run(statement).consume();
                            s.run("CALL db.awaitIndexes(300)").consume();
                            System.out.printf("each round %d: %6.2f s %6.2f CPU-s  %s%n", round,
                                    (System.nanoTime() - s0) / 1e9, (cpu() - c0) / 1e9, statement);
                        }
                    } else if (args[a].equals("oneTransaction")) {
                        s.executeWriteWithoutResult(tx -> GraphSchema.STATEMENTS.forEach(st -> tx.run(st).consume()));
                    } else {
                        for (String statement : statements) {
                            s.run(statement).consume();
                        }
                    }
                    s.run("CALL db.awaitIndexes(300)").consume();
                    System.out.printf("%-16s round %d: constraints and indexes online in %.1f s, %.1f CPU-s%n", args[a],
                            round, (System.nanoTime() - t0) / 1e9, (cpu() - cpu0) / 1e9);
                }
            }
        }
    }

    /** CPU time of this whole process: the population runs on Neo4j's threads in it. */
    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private SchemaBenchmark() {
    }
}
