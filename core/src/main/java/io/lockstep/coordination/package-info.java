/**
 * Coordination detection: signals that each build a weighted account–account graph by sorting and scanning
 * time-ordered action keys ({@link io.lockstep.coordination.CoordinationSignal}), and the
 * {@link io.lockstep.coordination.CoordinationDetector} that combines them, clusters and scores the clusters.
 */
package io.lockstep.coordination;
