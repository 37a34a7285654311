package io.lockstep.evaluate;

import java.io.IOException;
import java.nio.file.Path;

/** Something that reads an archive directory and writes its verdicts as {@code accounts.csv}. */
@FunctionalInterface
public interface ArchiveDetector {
    /**
     * Analyses the archive in {@code archiveDir} (as written by the simulator) and writes {@code accountsCsv} with
     * at least the columns {@code account_id} and {@code suspicious}.
     */
    void writeVerdicts(Path archiveDir, Path accountsCsv) throws IOException;
}
