package io.lockstep.importer;

/**
 * Receives what a {@link RecordParser} reads. Each input record (a CSV row, a JSON line, an edge line) produces
 * zero or more rows and then exactly one {@link #endRecord()}, or one {@link #reject} or {@link #skip} instead of
 * its rows.
 */
public interface RowSink {
    void account(AccountRow account);

    void post(PostRow post);

    void edge(EdgeRow edge);

    /**
     * The record starting at physical line {@code line} (1-based) is malformed; {@code raw} is its text as far as
     * it could be recovered. Counts as the record's end: no {@link #endRecord()} follows.
     */
    void reject(long line, String reason, String raw);

    /** The current record is complete. */
    void endRecord();

    /**
     * The record starting at physical line {@code line} is well-formed but holds nothing the graph model keeps
     * (tweet counts, a list, a compliance event); {@code what} says what it was. Counts as the record's end: no
     * {@link #endRecord()} follows. By default the same as {@link #endRecord()}.
     */
    default void skip(long line, String what) {
        endRecord();
    }
}
