package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads one archive format into the common row model. Implementations never throw on bad content: a malformed
 * record goes to {@link RowSink#reject}; only I/O failures of the reader propagate.
 */
public interface RecordParser {
    /** Parses {@code in} (BOM already removed) to the end, calling {@code sink} per record. */
    void parse(Reader in, RowSink sink) throws IOException;
}
