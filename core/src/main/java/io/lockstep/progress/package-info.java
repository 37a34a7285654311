/**
 * The two hooks every long step takes: a {@link io.lockstep.progress.ProgressListener} for progress and a
 * {@link io.lockstep.progress.TerminationFlag} for cancellation. Depends on nothing.
 */
package io.lockstep.progress;
