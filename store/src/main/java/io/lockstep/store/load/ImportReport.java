package io.lockstep.store.load;

import io.lockstep.importer.Format;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What an import did, per file and in total. */
public record ImportReport(List<FileResult> files, Duration elapsed) {
    public ImportReport {
        files = List.copyOf(files);
    }

    /** How a file's import ended. */
    public enum Status {
        /** Read from the start. */
        IMPORTED,
        /** Continued after the last committed row of an interrupted import. */
        RESUMED,
        /** Skipped: the store records this content (same SHA-256 and format) as completely imported. */
        ALREADY_IMPORTED,
        /**
         * Stopped by a failure of the file itself (unreadable, truncated gzip, unknown format): the rows before the
         * failure are loaded (the store records the file as unfinished), {@code failure} says why.
         */
        FAILED,
        /** Not read: an earlier file failed and the import was not told to keep going. */
        NOT_READ
    }

    /**
     * One file's result.
     *
     * @param rows        records imported (rows of a CSV, lines of JSON or of an edge list), rejects and skipped
     *                    records excluded, over all runs of this file
     * @param rejects     malformed records, over all runs of this file
     * @param rejectsFile where they are listed, or null when there were none
     * @param skipped     well-formed records holding nothing the graph model keeps (tweet counts, lists,
     *                    compliance events), in the run that completed the file
     * @param failure     why the file failed (one line), or null
     */
    public record FileResult(Path file, Format format, long rows, long rejects, Path rejectsFile, Status status,
                             long skipped, String failure) {
        public FileResult(Path file, Format format, long rows, long rejects, Path rejectsFile, Status status) {
            this(file, format, rows, rejects, rejectsFile, status, 0, null);
        }

        static FileResult failed(Path file, Format format, String failure) {
            return new FileResult(file, format, 0, 0, null, Status.FAILED, 0, failure);
        }

        static FileResult notRead(Path file, Format format) {
            return new FileResult(file, format, 0, 0, null, Status.NOT_READ, 0, null);
        }
    }

    public long rows() {
        return files.stream().mapToLong(FileResult::rows).sum();
    }

    public long rejects() {
        return files.stream().mapToLong(FileResult::rejects).sum();
    }

    public long skipped() {
        return files.stream().mapToLong(FileResult::skipped).sum();
    }

    /** The files that failed, in order. */
    public List<FileResult> failures() {
        return files.stream().filter(f -> f.status() == Status.FAILED).toList();
    }
}
