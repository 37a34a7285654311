package io.lockstep.store;

import com.sun.management.OperatingSystemMXBean;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.io.fs.FileUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times, in a JVM of its own, the parts of a bulk-loaded store's first start that follow Neo4j's importer: (b) the
 * DBMS's first start on the imported database (system database, password, Bolt) and the driver's connection, then
 * (c) creating and populating Lockstep's constraints and indexes ({@link GraphSchema#STATEMENTS}, each timed, then
 * {@code db.awaitIndexes}). With {@code warm}, a throwaway empty store goes through the same start and schema first
 * in this JVM (what the load's warm-up does beside the importer), so the figures are those of a warm JVM.
 *
 * <p>Usage: {@code FirstStartProbe HOME cold|warm}; prints {@code probe start=… driver=… schema=… await=… cpu=…}
 * (seconds) and the time of each statement.
 */
public final class FirstStartProbe {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        if (!args[1].equals("cold") && !args[1].equals("warm")) {
            throw new IllegalArgumentException("mode must be cold or warm, was " + args[1]);
        }
        if (args[1].equals("warm")) {
            Path scratch = Files.createTempDirectory(home.getParent(), "probe-warm-up-");
            long w0 = System.nanoTime();
            try (GraphStore throwaway = GraphStore.embedded(scratch)) {
                throwaway.driver();
            }
            FileUtils.deleteDirectory(scratch);
            System.out.printf("warm-up (throwaway store's start and schema) %.2f s%n", (System.nanoTime() - w0) / 1e9);
        }
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, false);
        long t1 = System.nanoTime();
        Config config = Config.builder().withoutEncryption().withLogging(Logging.none()).build();
        try (neo4j; Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken(), config)) {
            driver.verifyConnectivity();
            long t2 = System.nanoTime();
            StringBuilder each = new StringBuilder();
            try (Session session = driver.session()) {
                for (String statement : GraphSchema.STATEMENTS) {
                    long s0 = System.nanoTime();
                    session.run(statement).consume();
                    each.append(String.format("  %6.2f s  %s%n", (System.nanoTime() - s0) / 1e9, statement));
                }
                long t3 = System.nanoTime();
                session.run("CALL db.awaitIndexes(300)").consume();
                long t4 = System.nanoTime();
                System.out.printf("probe start=%.2f driver=%.2f schema=%.2f await=%.2f cpu=%.2f%n", (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (cpu() - cpu0) / 1e9);
                System.out.print(each);
            }
        }
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private FirstStartProbe() {
    }
}
