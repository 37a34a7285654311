package io.lockstep.spark;

import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * The one Spark session of a test JVM: local[2], UI off, few shuffle partitions, small strength ranges; stopped when
 * the JVM exits.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkEngine.session("local[2]", Map.of("spark.sql.shuffle.partitions", "4",
                    "spark.default.parallelism", "4", "spark.sql.adaptive.enabled", "false",
                    "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                    // several strength ranges on the tests' few hundred accounts (the default is 65,536 a range)
                    SparkCoActions.RANGE_ACCOUNTS, "97"));
            session.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
