package io.lockstep.progress;

/**
 * Receives progress from long-running work. Injected, never looked up, so that tests pass {@link #NONE} and the
 * CLI passes a progress bar. Every method does nothing unless overridden: a listener implements what it shows.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Starts a task; {@code totalUnits} is -1 when unknown. */
    default void begin(String task, long totalUnits) {
    }

    /** Reports {@code units} more done in the current task. */
    default void advance(long units) {
    }

    /** Ends the current task. */
    default void end() {
    }
}
