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
    /** The phase under way, null between phases. */
    private Phase phase;
    private long done;

    /** A phase begun at {@code started} (nanoTime) with {@code cpuStarted} of process CPU time (-1: unknown). */
    private record Phase(String task, long total, long started, long cpuStarted) {
    }

    PhaseTimes(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void begin(String task, long totalUnits) {
        phase = new Phase(task, totalUnits, System.nanoTime(), processCpuNanos());
        done = 0;
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
        if (quiet || phase == null) {
            return;
        }
        double seconds = (System.nanoTime() - phase.started()) / 1e9;
        long cpu = processCpuNanos();
        String cpuText = cpu < 0 || phase.cpuStarted() < 0 ? ""
                : String.format(Locale.ROOT, "  cpu %7.2f s", (cpu - phase.cpuStarted()) / 1e9);
        long units = Math.max(done, phase.total());
        if (units > 0) {
            err.printf(Locale.ROOT, "%-34s %8.2f s%s  %,d (%,.0f/s)%n", phase.task(), seconds, cpuText, units,
                    units / Math.max(seconds, 1e-3));
        } else {
            err.printf(Locale.ROOT, "%-34s %8.2f s%s%n", phase.task(), seconds, cpuText);
        }
        err.flush();
        phase = null;
    }
}
