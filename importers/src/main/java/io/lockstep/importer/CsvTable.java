package io.lockstep.importer;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
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
        private final Columns columns;
        private final CsvRecords record;

        Row(Columns columns, CsvRecords record) {
            this.columns = columns;
            this.record = record;
        }

        /** The cell of {@code column}, or null when the file has no such column. */
        String get(String column) {
            int i = columns.index(column);
            return i < 0 ? null : record.get(i);
        }

        boolean has(String column) {
            return columns.index(column) >= 0;
        }
    }

    /**
     * Column name → index. The parsers ask for a row's cells by name, a few dozen times a row, always with the same
     * string constants: a small table compared by identity answers those, and the name map the rest (then remembered
     * there too).
     */
    static final class Columns {
        private final Map<String, Integer> byName;
        private String[] seen = new String[64];
        private int[] seenIndex = new int[64];

        Columns(Map<String, Integer> byName) {
            this.byName = byName;
        }

        /** The index of {@code column} (lower-case), or -1 when the file has no such column. */
        int index(String column) {
            int mask = seen.length - 1;
            int slot = System.identityHashCode(column) & mask;
            for (int probe = 0; probe < seen.length; probe++) {
                String s = seen[slot];
                if (s == column) {
                    return seenIndex[slot];
                }
                if (s == null) {
                    Integer i = byName.get(column);
                    int index = i == null ? -1 : i;
                    if (probe < 8) { // a table that fills up (names built per call) stops remembering
                        seen[slot] = column;
                        seenIndex[slot] = index;
                    }
                    return index;
                }
                slot = (slot + 1) & mask;
            }
            Integer i = byName.get(column);
            return i == null ? -1 : i;
        }

        boolean contains(String column) {
            return byName.containsKey(column);
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

    /** The header names, trimmed and lower-cased (the first of two equal names wins). */
    static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(Cells.lower(header[i]), i);
        }
        return columns;
    }

    /**
     * Reads the header, checks {@code required} columns, then hands each row to {@code handler}.
     *
     * @throws IOException when the header lacks a required column (the file is not in this format)
     */
    static void read(Reader in, List<String> required, RowSink sink, RowHandler handler) throws IOException {
        CsvRecords records = new CsvRecords(in);
        String[] header;
        try {
            if (!records.next()) {
                return;
            }
            header = records.values();
        } catch (CsvRecords.Malformed e) {
            throw new IOException("unreadable CSV header: " + e.getMessage(), e);
        }
        Map<String, Integer> names = columns(header);
        for (String r : required) {
            if (!names.containsKey(r)) {
                throw new IOException("CSV header lacks column '" + r + "'; found: " + String.join(",", header));
            }
        }
        Columns columns = new Columns(names);
        Row row = new Row(columns, records);
        int width = header.length;
        // the handler's rows, in parse order, held until it returns (see RowHandler)
        List<Object> held = new ArrayList<>(2);
        RowConsumer out = new RowSink.Forwarding(held::add, held::add, held::add);
        long nextLine = records.lineNumber() + 1;
        while (true) {
            try {
                if (!records.next()) {
                    break;
                }
            } catch (CsvRecords.Malformed e) {
                sink.reject(nextLine, "malformed CSV (" + e.getMessage() + "); rest of file skipped", "");
                return;
            }
            long line = nextLine;
            nextLine = records.lineNumber() + 1;
            if (records.size() != width) {
                sink.reject(line, "expected " + width + " columns, found " + records.size(), rawText(records));
                continue;
            }
            try {
                handler.row(row, out);
            } catch (RowException e) {
                held.clear();
                sink.reject(line, e.getMessage(), rawText(records));
                continue;
            } catch (RuntimeException e) {
                held.clear();
                sink.reject(line, "unreadable row (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                        rawText(records));
                continue;
            }
            sink.takeAll(held);
            held.clear();
            sink.endRecord();
        }
    }

    /** The record as CSV text again (for the rejects file). */
    static String rawText(CsvRecords record) {
        return FORMAT.format((Object[]) record.values());
    }
}
