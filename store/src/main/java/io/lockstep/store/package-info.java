/**
 * The Neo4j store, reached through the Neo4j Java Driver, and on an embedded store also in-process (Cypher through
 * {@code Transaction.execute}, and the write-back of results through Neo4j's Java and kernel API):
 * {@link io.lockstep.store.GraphStore} (embedded with a per-store secret, {@link io.lockstep.store.StoreSecret}, or
 * a remote server), the schema, the reader of the activity ({@link io.lockstep.store.ActivityReader}), the
 * write-back of results ({@link io.lockstep.store.ResultWriter}), the export for Gephi and the research tools
 * ({@link io.lockstep.store.GraphExport}), the counts of what the store holds
 * ({@link io.lockstep.store.StoreStatistics}) and the queries behind the pictures
 * ({@link io.lockstep.store.SceneQueries}). Loading archives is {@code io.lockstep.store.load}. Every Cypher string
 * of the project lives in this module, parameterised.
 */
package io.lockstep.store;
