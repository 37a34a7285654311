package io.lockstep.store;

import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.kernel.api.exceptions.Status;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries of an in-process write transaction on an embedded store that Neo4j failed transiently (a deadlock between
 * two writers, a lock timeout), as the driver retries its own transactions: at most {@link #ATTEMPTS} attempts, with
 * a backoff of 50 ms × 2^(attempt − 1) (at most 12.8 s), ± 20 % so that two writers part. For every writer of the
 * store that runs {@code Transaction.execute} itself.
 */
public final class TransientRetry {
    /** Attempts at a transaction, the first included. */
    public static final int ATTEMPTS = 10;

    private TransientRetry() {
    }

    /** Whether {@code e} (or a cause) is a failure Neo4j says may pass on a retry. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientFailureException
                    || t instanceof Status.HasStatus h && h.status().code().classification()
                    == Status.Classification.TransientError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits before attempt {@code attempt + 1}.
     *
     * @throws CancellationException if the thread is interrupted while it waits (its interrupt flag set again)
     */
    public static void backOff(int attempt) {
        long millis = 50L << Math.min(attempt - 1, 8);
        try {
            Thread.sleep((long) (millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while retrying a write transaction");
        }
    }
}
