/**
 * Coordination detection: signals that each build a weighted account–account graph by sorting and scanning
 * time-ordered action keys ({@link io.lockstep.coordination.CoordinationSignal}), and the
 * {@link io.lockstep.coordination.CoordinationDetector} that combines them, clusters and scores the clusters, then
 * asks {@code io.lockstep.campaign} for the campaigns their accounts amplified. Works on an in-memory
 * {@code Activity}; knows nothing of files, Neo4j or pictures.
 */
package io.lockstep.coordination;
