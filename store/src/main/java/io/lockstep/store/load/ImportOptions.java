package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * How {@link ArchiveImporter} reads and writes.
 *
 * @param format      the format of every file, or null to detect each file's format
 * @param batchSize   rows per transaction (a batch ends at a record boundary once it holds this many rows)
 * @param termination polled between batches; when it stops, the import ends after the last committed batch
 * @param reimport    import files even when the store records them as completed (writes are MERGEs, so this
 *                    changes nothing for an unchanged file; useful after deleting data by hand)
 * @param bulk        load an empty embedded store with Neo4j's bulk importer ({@link BulkLoader}); false writes
 *                    through transactions whatever the store holds
 * @param keepGoing   after a file fails as a whole (unreadable, truncated gzip, unknown format), import the other
 *                    files and report the failure instead of stopping with an {@link ImportFailedException}
 */
public record ImportOptions(Format format, int batchSize, TerminationFlag termination, boolean reimport,
                            boolean bulk, boolean keepGoing) {
    public static final int BATCH_SIZE_DEFAULT = 20_000;

    public ImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(termination, "termination");
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, BATCH_SIZE_DEFAULT, TerminationFlag.RUNNING_TRUE, false, true, false);
    }

    // One wither per component, each a copy that changes that component alone: Java 17 records have no `with`
    // expression, so each repeats the canonical constructor's argument list (as LeidenParams' withers do).

    public ImportOptions withFormat(Format f) {
        return new ImportOptions(f, batchSize, termination, reimport, bulk, keepGoing);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(format, size, termination, reimport, bulk, keepGoing);
    }

    public ImportOptions withTermination(TerminationFlag flag) {
        return new ImportOptions(format, batchSize, flag, reimport, bulk, keepGoing);
    }

    public ImportOptions withReimport(boolean again) {
        return new ImportOptions(format, batchSize, termination, again, bulk, keepGoing);
    }

    public ImportOptions withBulk(boolean useBulkLoader) {
        return new ImportOptions(format, batchSize, termination, reimport, useBulkLoader, keepGoing);
    }

    public ImportOptions withKeepGoing(boolean keepGoingAfterAFailedFile) {
        return new ImportOptions(format, batchSize, termination, reimport, bulk, keepGoingAfterAFailedFile);
    }
}
