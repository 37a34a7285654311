package io.lockstep.store.load;

import java.io.IOException;
import java.util.Objects;

/**
 * A file failed as a whole (unreadable, truncated gzip, not in the format asked for) and the import was not told
 * to keep going: the import stopped at that file. The files before it stay loaded, and so do the rows of the
 * failed file read before the failure (the store records that file as unfinished); {@link #report()} says which.
 * The message is one line naming the file and the cause.
 */
public final class ImportFailedException extends IOException {
    private final transient ImportReport report;

    ImportFailedException(ImportReport report) {
        super(message(report));
        this.report = Objects.requireNonNull(report, "report");
    }

    private static String message(ImportReport report) {
        ImportReport.FileResult failed = report.failures().get(0);
        long loaded = report.files().stream().filter(f -> f.status() != ImportReport.Status.FAILED
                && f.status() != ImportReport.Status.NOT_READ).count();
        long notRead = report.files().stream().filter(f -> f.status() == ImportReport.Status.NOT_READ).count();
        return failed.failure() + "; " + loaded + " file(s) before it loaded, " + notRead
                + " not read (--keep-going reads them)";
    }

    /** What was loaded before the failure, the failed file and the files not read. */
    public ImportReport report() {
        return report;
    }
}
