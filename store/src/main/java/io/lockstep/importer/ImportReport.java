package io.lockstep.importer;

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
        ALREADY_IMPORTED
    }

    /**
     * One file's result.
     *
     * @param rows        records imported (rows of a CSV, lines of JSON or of an edge list), rejects excluded,
     *                    over all runs of this file
     * @param rejects     malformed records, over all runs of this file
     * @param rejectsFile where they are listed, or null when there were none
     */
    public record FileResult(Path file, Format format, long rows, long rejects, Path rejectsFile, Status status) {
    }

    public long rows() {
        return files.stream().mapToLong(FileResult::rows).sum();
    }

    public long rejects() {
        return files.stream().mapToLong(FileResult::rejects).sum();
    }
}
