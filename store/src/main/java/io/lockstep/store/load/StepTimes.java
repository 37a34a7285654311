package io.lockstep.store.load;

/**
 * Receives the time each step of an import took, for benchmarks: the bulk loader's phases
 * ({@code "bulk 1: parse and stage"} to {@code "bulk 5: Import records"}), every write transaction of the
 * transactional writer ({@link #WRITE_TRANSACTIONS}) and each of its Cypher statements (named by the statement's
 * first lines). Called on the importing thread; {@link #NONE} drops them.
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
}
