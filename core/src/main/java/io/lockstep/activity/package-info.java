/**
 * The in-memory archive: {@link io.lockstep.activity.Activity} (accounts, posts, follows on dense int ids, built by
 * {@link io.lockstep.activity.ActivityBuilder}) and its account-to-account projections
 * ({@link io.lockstep.activity.ActivityGraphs}), the one road from an archive to the graphs every algorithm runs on.
 * Knows nothing of files, Neo4j or pictures; depends only on {@code io.lockstep.graph}.
 */
package io.lockstep.activity;
