package io.lockstep.analysis;

import io.lockstep.progress.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Timing of the phases of a command on stderr: one line per finished phase with its duration and rate. Files
 * being imported get a live progress bar from the importers; this reports the analysis phases around them.
 */
final class PhaseTimes implements ProgressListener {
    private final PrintWriter err;
    private final boolean quiet;
    private String task;
    private long total;
    private long done;
    private long started;

    PhaseTimes(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void begin(String task, long totalUnits) {
        this.task = task;
        this.total = totalUnits;
        this.done = 0;
        this.started = System.nanoTime();
    }

    @Override
    public void advance(long units) {
        done += units;
    }

    @Override
    public void end() {
        if (quiet || task == null) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long units = Math.max(done, total);
        if (units > 0) {
            err.printf(Locale.ROOT, "%-28s %8.2f s  %,d (%,.0f/s)%n", task, seconds, units, units / Math.max(seconds, 1e-3));
        } else {
            err.printf(Locale.ROOT, "%-28s %8.2f s%n", task, seconds);
        }
        err.flush();
        task = null;
    }
}
