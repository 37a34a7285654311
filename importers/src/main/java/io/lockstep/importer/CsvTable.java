package io.lockstep.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV file with a header row, looking columns up by (trimmed, lower-cased) name. Rows with the wrong
 * number of columns are rejected; a quoting error that the CSV reader cannot recover from rejects the rest of
 * the file as one record (the reader cannot resynchronise inside an open quote).
 */
final class CsvTable {
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /** One data row with name-based access. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final CSVRecord record;

        Row(Map<String, Integer> columns, CSVRecord record) {
            this.columns = columns;
            this.record = record;
        }

        /** The cell of {@code column}, or null when the file has no such column. */
        String get(String column) {
            Integer i = columns.get(column);
            return i == null ? null : record.get(i);
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    /**
     * Handles one row, giving its rows to {@code out}; returns normally or throws {@link RowException} to reject
     * it. Rows reach the real sink only once the handler returns, so a row that fails half-way leaves nothing.
     */
    @FunctionalInterface
    interface RowHandler {
        void row(Row row, RowConsumer out) throws RowException;
    }

    /** Thrown by a row handler to reject the current row with a reason. */
    static final class RowException extends Exception {
        RowException(String reason) {
            super(reason, null, false, false);
        }
    }

    private CsvTable() {
    }

    /** The header names of a parsed header record, trimmed and lower-cased. */
    static Map<String, Integer> columns(CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(Cells.lower(header.get(i)), i);
        }
        return columns;
    }

    /**
     * Reads the header, checks {@code required} columns, then hands each row to {@code handler}.
     *
     * @throws IOException when the header lacks a required column (the file is not in this format)
     */
    static void read(Reader in, List<String> required, RowSink sink, RowHandler handler) throws IOException {
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        Iterator<CSVRecord> it = parser.iterator();
        CSVRecord header;
        try {
            if (!it.hasNext()) {
                return;
            }
            header = it.next();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof InputFiles.UnreadableInputException u) {
                throw u;
            }
            throw new IOException("unreadable CSV header: " + e.getCause().getMessage(), e);
        }
        Map<String, Integer> columns = columns(header);
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw new IOException("CSV header lacks column '" + r + "'; found: " + String.join(",", header.values()));
            }
        }
        int width = header.size();
        // the handler's rows, in parse order, held until it returns (see RowHandler)
        List<Object> held = new ArrayList<>(2);
        RowConsumer out = new RowSink.Forwarding(held::add, held::add, held::add);
        long nextLine = parser.getCurrentLineNumber() + 1;
        while (true) {
            CSVRecord record;
            try {
                if (!it.hasNext()) {
                    break;
                }
                record = it.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof InputFiles.UnreadableInputException u) {
                    throw u; // the file itself, not its CSV: a file-level failure
                }
                sink.reject(nextLine, "malformed CSV (" + e.getCause().getMessage() + "); rest of file skipped", "");
                return;
            }
            long line = nextLine;
            nextLine = parser.getCurrentLineNumber() + 1;
            if (record.size() != width) {
                sink.reject(line, "expected " + width + " columns, found " + record.size(), rawText(record));
                continue;
            }
            try {
                handler.row(new Row(columns, record), out);
            } catch (RowException e) {
                held.clear();
                sink.reject(line, e.getMessage(), rawText(record));
                continue;
            } catch (RuntimeException e) {
                held.clear();
                sink.reject(line, "unreadable row (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                        rawText(record));
                continue;
            }
            sink.takeAll(held);
            held.clear();
            sink.endRecord();
        }
    }

    static String rawText(CSVRecord record) {
        return FORMAT.format((Object[]) record.values());
    }
}
