package io.lockstep.store.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Receives the time each step of an import took, for benchmarks: the bulk loader's phases
 * ({@code "bulk 1: parse and stage"} to {@code "bulk 5: Import records"}), every write transaction of the
 * transactional writer ({@link #WRITE_TRANSACTIONS}) and each of its Cypher statements (named by the statement's
 * first lines). Called by one thread at a time (the transactional writer's from its own thread); {@link #NONE}
 * drops them.
 */
@FunctionalInterface
public interface StepTimes {
    /** Drops every time. */
    StepTimes NONE = (step, nanos) -> {
    };
    /** The step of a whole write transaction of the transactional writer, statements and commit. */
    String WRITE_TRANSACTIONS = "(every write transaction, statements and commit)";

    /** {@code nanos} more were spent in {@code step}. */
    void add(String step, long nanos);

    /**
     * The bulk loader has staged every file in {@code directory} (deleted once the load ends) and is about to run
     * Neo4j's bulk importer on them with {@code importerFileArguments} (absolute paths into {@code directory}), the
     * rest of its options being {@link Neo4jBulkImport}'s. Lets a benchmark keep the files to run the importer
     * alone on them. With binary staging ({@link ImportOptions.Switch#CSV_STAGING} off) the importer, fed through
     * its Input API, is already running when the parsing ends, and {@code importerFileArguments} is empty.
     */
    default void staged(Path directory, List<String> importerFileArguments) {
    }
}
