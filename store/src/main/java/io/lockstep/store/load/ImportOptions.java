package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.progress.TerminationFlag;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link ArchiveImporter} reads and writes.
 *
 * @param format      the format of every file, or null to detect each file's format
 * @param batchSize   rows per transaction (a batch ends at a record boundary once it holds this many rows)
 * @param termination polled between batches; when it stops, the import ends after the last committed batch
 * @param switches    the {@link Switch}es that are on (an unmodifiable copy)
 */
public record ImportOptions(Format format, int batchSize, TerminationFlag termination, Set<Switch> switches) {
    public static final int BATCH_SIZE_DEFAULT = 20_000;

    /**
     * The ways of importing that are on or off: {@link ImportOptions#defaults()} turns on {@link #BULK} and
     * {@link #WARM_UP}.
     */
    public enum Switch {
        /**
         * Import files even when the store records them as completed (writes are MERGEs, so this changes nothing for
         * an unchanged file; useful after deleting data by hand).
         */
        REIMPORT,
        /**
         * Load an empty embedded store with Neo4j's bulk importer ({@link BulkLoader}); off, the import writes
         * through transactions whatever the store holds.
         */
        BULK,
        /**
         * After a file fails as a whole (unreadable, truncated gzip, unknown format), import the other files and
         * report the failure instead of stopping with an {@link ImportFailedException}.
         */
        KEEP_GOING,
        /**
         * On a bulk load into a new store, start a throwaway DBMS beside the load (the parsing and Neo4j's importer
         * with binary staging, the importer with CSV staging) so that the store's own first start after it is warm
         * ({@link BulkLoader}); worth it when the caller waits for the load, not when the load runs beside other work
         * (`analyze`), whose CPU it would take.
         */
        WARM_UP,
        /**
         * On a bulk load, stage CSV files for Neo4j's importer to read as {@code neo4j-admin database import} does,
         * instead of binary files read through its Input API ({@link BinaryStaging}); the same graph either way.
         */
        CSV_STAGING
    }

    public ImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(termination, "termination");
        Set<Switch> on = EnumSet.noneOf(Switch.class);
        on.addAll(Objects.requireNonNull(switches, "switches"));
        switches = Collections.unmodifiableSet(on);
    }

    /** Every format detected, batches of {@value #BATCH_SIZE_DEFAULT} rows, never stopped, bulk load warmed up. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, BATCH_SIZE_DEFAULT, TerminationFlag.RUNNING_TRUE,
                EnumSet.of(Switch.BULK, Switch.WARM_UP));
    }

    /** Whether {@code s} is on. */
    public boolean has(Switch s) {
        return switches.contains(s);
    }

    /** These options with {@code s} turned on or off. */
    public ImportOptions with(Switch s, boolean on) {
        Set<Switch> changed = EnumSet.noneOf(Switch.class);
        changed.addAll(switches);
        if (on) {
            changed.add(s);
        } else {
            changed.remove(s);
        }
        return new ImportOptions(format, batchSize, termination, changed);
    }

    public ImportOptions withFormat(Format f) {
        return new ImportOptions(f, batchSize, termination, switches);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(format, size, termination, switches);
    }

    public ImportOptions withTermination(TerminationFlag flag) {
        return new ImportOptions(format, batchSize, flag, switches);
    }
}
