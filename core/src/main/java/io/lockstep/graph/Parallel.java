package io.lockstep.graph;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a loop over {@code [0, n)} split into {@code concurrency} contiguous ranges, one task per range, and waits for
 * all of them. The split depends only on {@code n} and {@code concurrency}, so a caller that combines per-range
 * results in range order gets the same answer on every run.
 */
public final class Parallel {
    /** Body of a range loop: handles {@code [from, to)} as range number {@code part}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int part, int from, int to);
    }

    /**
     * Shared daemon workers, created when a loop is first split (the holder class is initialised then, not when
     * {@link #parts} is first called, so runs on small graphs never create the pool) and reused (a pool per call would
     * cost a thread start per loop). Tasks never wait on other tasks, so a bounded pool cannot deadlock; extra parts
     * simply queue.
     */
    private static final class Workers {
        static final ExecutorService POOL = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "lockstep-worker");
                    t.setDaemon(true);
                    return t;
                });
    }

    private Parallel() {
    }

    /** Number of ranges {@link #forRanges} will use: {@code concurrency}, but 1 below {@code minPerPart} items each. */
    public static int parts(int n, int concurrency, int minPerPart) {
        if (concurrency <= 1 || n < 2L * minPerPart) {
            return 1;
        }
        return (int) Math.max(1, Math.min(concurrency, n / (long) minPerPart));
    }

    /** Runs {@code task} on {@code parts} contiguous ranges of {@code [0, n)}; range 0 runs on the calling thread, the others on a shared pool. */
    public static void forRanges(int n, int parts, RangeTask task) {
        if (parts <= 1) {
            task.run(0, 0, n);
            return;
        }
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 1; p < parts; p++) {
                int part = p;
                futures.add(Workers.POOL.submit(() -> task.run(part, from(n, parts, part), from(n, parts, part + 1))));
            }
            task.run(0, 0, from(n, parts, 1));
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    /**
     * What a task's failure {@code cause} is rethrown as by the thread that waited for it: a runtime exception as it
     * is, an error thrown from here, anything else wrapped in an {@link IllegalStateException}.
     */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    /** First index of range {@code part} when {@code [0, n)} is cut into {@code parts} ranges. */
    public static int from(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }
}
