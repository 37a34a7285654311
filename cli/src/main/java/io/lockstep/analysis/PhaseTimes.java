package io.lockstep.analysis;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.progress.ProgressListener;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Timing of the phases of a command on stderr: one line per finished phase with its wall time, the CPU time the
 * whole process spent meanwhile (all threads; on a shared machine the honest figure) and its rate. Files
 * being imported get a live progress bar from the importers; this reports the analysis phases around them.
 */
final class PhaseTimes implements ProgressListener {
    private final PrintWriter err;
    private final boolean quiet;
    private String task;
    private long total;
    private long done;
    private long started;
    private long cpuStarted;

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
        this.cpuStarted = processCpuNanos();
    }

    /** CPU time of this process so far, or -1 where the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
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
        long cpu = processCpuNanos();
        String cpuText = cpu < 0 || cpuStarted < 0 ? "" : String.format(Locale.ROOT, "  cpu %7.2f s", (cpu - cpuStarted) / 1e9);
        long units = Math.max(done, total);
        if (units > 0) {
            err.printf(Locale.ROOT, "%-34s %8.2f s%s  %,d (%,.0f/s)%n", task, seconds, cpuText, units,
                    units / Math.max(seconds, 1e-3));
        } else {
            err.printf(Locale.ROOT, "%-34s %8.2f s%s%n", task, seconds, cpuText);
        }
        err.flush();
        task = null;
    }
}
