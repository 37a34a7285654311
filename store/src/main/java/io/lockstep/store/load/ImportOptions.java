package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;
import java.util.function.Consumer;

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
 * @param warmUp      on a bulk load into a new store, start a throwaway DBMS beside the load (the parsing and Neo4j's
 *                    importer with binary staging, the importer with CSV staging) so that the
 *                    store's own first start after it is warm ({@link BulkLoader}); worth it when the caller waits
 *                    for the load, not when the load runs beside other work (`analyze`), whose CPU it would take
 * @param csvStaging  on a bulk load, stage CSV files for Neo4j's importer to read as {@code neo4j-admin database
 *                    import} does, instead of binary files read through its Input API ({@link BinaryStaging});
 *                    the same graph either way
 */
public record ImportOptions(Format format, int batchSize, TerminationFlag termination, boolean reimport,
                            boolean bulk, boolean keepGoing, boolean warmUp,
                            boolean csvStaging) {
    public static final int BATCH_SIZE_DEFAULT = 20_000;

    public ImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(termination, "termination");
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, BATCH_SIZE_DEFAULT, TerminationFlag.RUNNING_TRUE, false, true, false, true,
                false);
    }

    // One wither per component: a copy with that component changed, made through one Draft of every component.

    public ImportOptions withFormat(Format f) {
        return with(d -> d.format = f);
    }

    public ImportOptions withBatchSize(int size) {
        return with(d -> d.batchSize = size);
    }

    public ImportOptions withTermination(TerminationFlag flag) {
        return with(d -> d.termination = flag);
    }

    public ImportOptions withReimport(boolean again) {
        return with(d -> d.reimport = again);
    }

    public ImportOptions withBulk(boolean useBulkLoader) {
        return with(d -> d.bulk = useBulkLoader);
    }

    public ImportOptions withKeepGoing(boolean keepGoingAfterAFailedFile) {
        return with(d -> d.keepGoing = keepGoingAfterAFailedFile);
    }

    public ImportOptions withWarmUp(boolean warmUpTheFirstStart) {
        return with(d -> d.warmUp = warmUpTheFirstStart);
    }

    public ImportOptions withCsvStaging(boolean stageCsvFiles) {
        return with(d -> d.csvStaging = stageCsvFiles);
    }

    /** These options with {@code change} applied to a draft of their components, checked as any new ones. */
    private ImportOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new ImportOptions(d.format, d.batchSize, d.termination, d.reimport, d.bulk, d.keepGoing, d.warmUp,
                d.csvStaging);
    }

    /** The components of the options being copied, each open to change. */
    private static final class Draft {
        Format format;
        int batchSize;
        TerminationFlag termination;
        boolean reimport;
        boolean bulk;
        boolean keepGoing;
        boolean warmUp;
        boolean csvStaging;

        Draft(ImportOptions o) {
            format = o.format;
            batchSize = o.batchSize;
            termination = o.termination;
            reimport = o.reimport;
            bulk = o.bulk;
            keepGoing = o.keepGoing;
            warmUp = o.warmUp;
            csvStaging = o.csvStaging;
        }
    }
}
