package io.lockstep.store.load;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One file {@link BulkLoader} stages for Neo4j's bulk importer: CSV in the importer's header format
 * ({@link Csv}, what {@code neo4j-admin database import} reads) or binary ({@link BinaryStaging.Writer}, read
 * through the importer's Input API). A row holds the node number(s) first, then the property values of the file's
 * header, nulls for absent ones. Not thread-safe; write failures are {@link UncheckedIOException}s.
 */
interface StagedFile extends AutoCloseable {
    /** One row of the header's columns. */
    void record(Object... row);

    /** A relationship of two nodes and no property. */
    void pair(int start, int end);

    /** Rows written. */
    long records();

    /** Values written, nulls left out (an estimate for the importer's memory planning). */
    long properties();

    @Override
    void close() throws IOException;

    /** A CSV staging file. */
    final class Csv implements StagedFile {
        private final CSVPrinter printer;
        private final StringBuilder line = new StringBuilder(32);
        private long records;
        private long properties;

        Csv(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void record(Object... row) {
            records++;
            for (Object v : row) {
                properties += v == null ? 0 : 1;
            }
            try {
                printer.printRecord(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void pair(int start, int end) {
            records++;
            line.setLength(0);
            line.append(start).append(',').append(end).append('\n');
            try {
                printer.getOut().append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long records() {
            return records;
        }

        @Override
        public long properties() {
            return properties;
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }
}
