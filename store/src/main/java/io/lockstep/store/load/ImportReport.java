package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.importer.InputFiles;

import io.lockstep.store.load.ImportOptions.Switch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** Reads one file of an import and says how it ended. */
    @FunctionalInterface
    interface FileReading {
        /** {@code sha} is the file's SHA-256 when {@link #readEach} reads each content once, else null. */
        FileResult read(Path file, Format format, String sha) throws IOException;
    }

    /**
     * Reads {@code files} in order, as every import does: a file whose {@code failures} entry (a null list: none) is
     * not null {@linkplain FileResult#failed failed} its checks and is not read; with {@code oncePerContent}, a file
     * whose content (SHA-256 and format) was read before in this call is {@link Status#ALREADY_IMPORTED}; after a
     * file {@link Status#FAILED}, the rest are {@link Status#NOT_READ} unless {@link ImportOptions.Switch#KEEP_GOING}.
     */
    static List<FileResult> readEach(List<Path> files, List<Format> formats, List<String> failures,
                                     ImportOptions options, boolean oncePerContent, FileReading reading)
            throws IOException {
        List<FileResult> results = new ArrayList<>();
        Set<String> contents = new HashSet<>();
        boolean stopped = false;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Format format = formats.get(i);
            if (failures != null && failures.get(i) != null) {
                results.add(FileResult.failed(file, format, failures.get(i)));
                continue;
            }
            String sha = null;
            if (oncePerContent) {
                sha = InputFiles.sha256(file);
                if (!contents.add(sha + ":" + format.id())) {
                    results.add(new FileResult(file, format, 0, 0, null, Status.ALREADY_IMPORTED));
                    continue;
                }
            }
            if (stopped) {
                results.add(FileResult.notRead(file, format));
                continue;
            }
            FileResult r = reading.read(file, format, sha);
            results.add(r);
            stopped = r.status() == Status.FAILED && !options.has(Switch.KEEP_GOING);
        }
        return results;
    }

    /**
     * The one-line failure of a file that failed while it was read (a truncated gzip, a read error) after
     * {@code records} records, which {@code stay} ("stay loaded").
     */
    static String failedWhileReading(Path file, IOException e, long records, String stay) {
        return (e instanceof InputFiles.UnreadableInputException ? e.getMessage()
                : file.getFileName() + ": " + e.getMessage()) + " (after " + records + " records, which " + stay + ")";
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
