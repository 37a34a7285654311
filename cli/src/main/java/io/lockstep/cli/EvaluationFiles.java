package io.lockstep.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code evaluate}'s files: the truth and the verdicts to score ({@code --truth}, {@code --accounts}) and the file the
 * table goes to ({@code --out FILE}; the sweep, the matrix and {@code --archive} have a default one in their work
 * directory).
 */
public final class EvaluationFiles {
    @Option(names = "--truth", paramLabel = "FILE", description = "truth.csv written by simulate.")
    Path truth;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "accounts.csv with columns account_id and suspicious (true/false).")
    Path accounts;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the table: Markdown if FILE ends in .md, CSV otherwise.")
    Path out;

    /** Whether both files to score were given. */
    boolean scoring() {
        return truth != null && accounts != null;
    }

    /** The table's file: {@code --out}, or {@code byDefault} when it is not given. */
    Path table(Path byDefault) {
        return out != null ? out : byDefault;
    }
}
