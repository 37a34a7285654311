package io.lockstep.importer;

import io.lockstep.progress.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

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
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalUnits)
                .setUnit(" MB", 1L << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

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

    @Override
    public void end() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
