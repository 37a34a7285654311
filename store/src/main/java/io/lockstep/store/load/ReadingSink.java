package io.lockstep.store.load;

import io.lockstep.importer.RejectsFile;
import io.lockstep.importer.RowSink;
import io.lockstep.progress.ProgressListener;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every sink reading one file does besides taking its rows: a rejected record goes to the rejects file, a
 * skipped one is counted, and every {@value #EVERY} records the bytes read so far are reported to the progress
 * listener and the termination flag is checked (a cancelled read throws {@link CancellationException} with
 * {@link #cancelled()}'s message). Subclasses take the rows and count the records.
 */
abstract class ReadingSink implements RowSink {
    /** Records between two progress reports and termination checks. */
    static final int EVERY = 10_000;
    private final AtomicLong bytes;
    private final ImportOptions options;
    private final ProgressListener progress;
    /** Where rejected records go; set before the first record is read. */
    RejectsFile rejects;
    long skipped;
    private long reported;

    ReadingSink(RejectsFile rejects, AtomicLong bytes, ImportOptions options, ProgressListener progress) {
        this.rejects = rejects;
        this.bytes = bytes;
        this.options = options;
        this.progress = progress;
    }

    /** Counts one more record and returns the count so far. */
    abstract long countRecord();

    /** The message of the {@link CancellationException} a cancelled read throws. */
    abstract String cancelled();

    /** Called with the record count at each progress report. */
    void reported(long records, ProgressListener listener) {
    }

    @Override
    public final void reject(long line, String reason, String raw) {
        rejects.addFromSink(line, reason, raw);
        endRecord();
    }

    @Override
    public final void skip(long line, String what) {
        skipped++;
        endRecord();
    }

    @Override
    public final void endRecord() {
        long records = countRecord();
        if (records % EVERY == 0) {
            long b = bytes.get();
            progress.advance(b - reported);
            reported = b;
            reported(records, progress);
            if (!options.termination().running()) {
                throw new CancellationException(cancelled());
            }
        }
    }
}
