package io.lockstep.progress;

/**
 * Receives progress from long-running work. Injected, never looked up, so that tests pass {@link #NONE} and the
 * CLI passes a progress bar.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void begin(String task, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void end() {
        }
    };

    /** Starts a task; {@code totalUnits} is -1 when unknown. */
    void begin(String task, long totalUnits);

    /** Reports {@code units} more done in the current task. */
    void advance(long units);

    /** Ends the current task. */
    void end();
}
