/**
 * The Neo4j store, reached only through the Neo4j Java Driver: {@link io.lockstep.store.GraphStore} (embedded with
 * a per-store secret, {@link io.lockstep.store.StoreSecret}, or a remote server), the schema, the reader of the
 * activity ({@link io.lockstep.store.ActivityReader}), the projections, the write-back of results
 * ({@link io.lockstep.store.ResultWriter}) and the queries behind the pictures ({@link io.lockstep.store.SceneQueries}).
 * Every Cypher string of the project lives in this module, parameterised.
 */
package io.lockstep.store;
