package io.lockstep.progress;

import java.util.concurrent.CancellationException;

/** Polled by long-running work so that it can stop cleanly between units of work. */
@FunctionalInterface
public interface TerminationFlag {
    /** Never asks to stop. */
    TerminationFlag RUNNING_TRUE = () -> true;

    boolean running();

    /** Throws {@link CancellationException} when the work should stop. */
    default void assertRunning() {
        if (!running()) {
            throw new CancellationException("cancelled");
        }
    }
}
