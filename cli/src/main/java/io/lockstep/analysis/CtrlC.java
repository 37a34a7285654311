package io.lockstep.analysis;

import io.lockstep.progress.TerminationFlag;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT/SIGTERM) into a {@link TerminationFlag}: the JVM's shutdown hook asks the work to stop and
 * waits up to {@link #GRACE_SECONDS} for it to finish its current batch and close the store, so an interrupted import
 * leaves only committed batches behind and can be resumed.
 */
final class CtrlC implements TerminationFlag, AutoCloseable {
    static final int GRACE_SECONDS = 30;

    private volatile boolean running = true;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CtrlC() {
        hook = new Thread(() -> {
            running = false;
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lockstep-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean running() {
        return running;
    }

    /** Marks the work finished; the JVM may exit now. */
    @Override
    public void close() {
        finished.countDown();
        if (running) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running and will see the latch
            }
        }
    }
}
