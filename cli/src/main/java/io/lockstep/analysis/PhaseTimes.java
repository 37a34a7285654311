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

    /**
     * One line for work that ran on a thread of its own beside the phases (pictures, graph.graphml): its wall time and
     * that thread's own CPU time, so that what the phase lines hide behind another phase is counted too.
     */
    void beside(String task, Side side) {
        if (quiet || side == null) {
            return;
        }
        err.printf(Locale.ROOT, "%-34s %8.2f s  cpu %7.2f s (its thread, beside the phases)%n", task,
                side.seconds(), side.cpuSeconds());
        err.flush();
    }

    /** Wall and own-thread CPU seconds of a task run beside the phases. */
    record Side(double seconds, double cpuSeconds) {
        /** Runs {@code task} on the calling thread and returns its wall and this thread's CPU time. */
        static Side time(Runnable task) {
            var threads = ManagementFactory.getThreadMXBean();
            boolean cpu = threads.isCurrentThreadCpuTimeSupported();
            long wall = System.nanoTime();
            long own = cpu ? threads.getCurrentThreadCpuTime() : 0;
            task.run();
            return new Side((System.nanoTime() - wall) / 1e9,
                    cpu ? (threads.getCurrentThreadCpuTime() - own) / 1e9 : Double.NaN);
        }
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
