package io.lockstep.analysis;

import io.lockstep.store.load.ArchiveImporter;
import io.lockstep.progress.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar on a terminal stream (stderr in the CLI): bytes of the file read, with ETA, and the rows imported
 * with their rate. Files smaller than {@link #MIN_BYTES} get no bar.
 */
public final class ConsoleProgress implements ProgressListener, ArchiveImporter.RowProgress {
    /** Below this size a file imports in moments and a bar would only flicker. */
    public static final long MIN_BYTES = 4L << 20;

    private final PrintStream out;
    private ProgressBar bar;
    private long startNanos;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin(String task, long totalUnits) {
        end();
        startNanos = System.nanoTime();
        if (totalUnits >= 0 && totalUnits < MIN_BYTES) {
            return;
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalUnits)
                .setUnit(" MB", 1L << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(out));
        if (totalUnits < 0) {
            builder.setRenderer(ConsoleProgress::indefinite);
        }
        bar = builder.build();
    }

    /**
     * A task of unknown length (the restart after a bulk load, the import records): its name, a spinner and the time
     * elapsed, where the library would draw {@code ? % [=] 0/? MB}.
     */
    static String indefinite(ProgressState state, int maxLength) {
        Duration elapsed = state.getTotalElapsed();
        long s = elapsed.getSeconds();
        String extra = state.getExtraMessage();
        String line = String.format(Locale.ROOT, "%s %c %d:%02d:%02d%s", state.getTaskName(),
                SPINNER.charAt((int) (elapsed.toMillis() / 500 % SPINNER.length())), s / 3600, s / 60 % 60, s % 60,
                extra == null || extra.isEmpty() ? "" : " " + extra.strip());
        return maxLength > 0 && line.length() > maxLength ? line.substring(0, maxLength) : line;
    }

    private static final String SPINNER = "|/-\\";

    @Override
    public void advance(long units) {
        if (bar != null) {
            bar.stepBy(units);
        }
    }

    @Override
    public void rows(long rowsDone) {
        if (bar != null) {
            double s = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            bar.setExtraMessage(String.format(" %,d rows, %,.0f rows/s", rowsDone, rowsDone / s));
        }
    }

    /** Draws the task's final state, whatever the refresh interval, and closes its bar. */
    @Override
    public void end() {
        if (bar != null) {
            bar.refresh();
            bar.close();
            bar = null;
        }
    }
}
