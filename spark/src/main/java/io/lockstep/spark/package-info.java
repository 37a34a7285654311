/**
 * The distributed engine of {@code analyze --engine spark}: {@link io.lockstep.spark.SparkEngine}, registered as a
 * {@link io.lockstep.analysis.CoordinationEngine.Provider} through a service file, runs the co-action signals
 * ({@link io.lockstep.spark.SparkCoActions}, {@link io.lockstep.spark.SparkCoText}) and the follow graph
 * ({@link io.lockstep.spark.SparkFollows}) on Spark from the archive files themselves, cut at record boundaries
 * ({@link io.lockstep.spark.FileSplits}) and parsed inside tasks by the importers' parsers
 * ({@link io.lockstep.spark.ArchiveActions}); the follow model, combining, clustering, scoring and verdicts run in
 * the driver with core's code. {@code local[...]} runs in the caller's JVM, any other master through
 * {@link io.lockstep.spark.ClusterSubmit} and {@link io.lockstep.spark.SparkJob}. Uses core, the importers' formats
 * and the application layer's {@link io.lockstep.analysis.CoordinationEngine}; no Neo4j, Cypher or picocli, and no
 * other module uses this one.
 */
package io.lockstep.spark;
