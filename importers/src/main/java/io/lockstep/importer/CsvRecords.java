package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads CSV records exactly as Commons CSV reads them with {@link CsvTable#FORMAT} ({@code CSVFormat.DEFAULT},
 * empty lines ignored): comma-separated, a field that starts with {@code "} is quoted (a doubled {@code ""} inside
 * stands for one quote, line breaks inside are kept, whitespace between the closing quote and the next comma or
 * line break is dropped), any other field runs to the next comma or line break with every character kept; a
 * record ends at {@code \n}, {@code \r} or {@code \r\n}; lines holding nothing are skipped; a comma before the end
 * of the input gives one more empty field. Line numbers count line breaks the same way ({@code \r\n} is one).
 *
 * <p>Why not Commons CSV itself: its lexer reads the input one character at a time through several layers and was
 * half of the time spent parsing an information-operations archive (JFR); this one scans a block of characters for
 * the four that matter and cuts fields out of it. {@code CsvRecordsTest} holds the two to the same records, line
 * numbers and failures on crafted and generated inputs.
 *
 * <p>A malformed record (a character after a closing quote, the input ending inside a quoted field) throws
 * {@link Malformed}; the reader cannot resynchronise after it. An {@link IOException} of the underlying reader is
 * thrown as it came. Not thread-safe.
 */
final class CsvRecords {
    private static final int BUFFER = 1 << 16;
    private final Reader in;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** Line breaks consumed so far. */
    private long lines;
    /** Characters consumed before {@code buf[0]} (the position in a failure's message). */
    private long consumedBefore;
    private String[] values = new String[32];
    private int size;
    /** The part of a field read before a refill, and quoted fields' contents. */
    private final StringBuilder field = new StringBuilder();

    /** A record that is not CSV; nothing after it can be read. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** Line breaks consumed so far: after a record ended by a line break, the number of its last line. */
    long lineNumber() {
        return lines;
    }

    /** Fields of the last record read. */
    int size() {
        return size;
    }

    /** Field {@code i} of the last record read. */
    String get(int i) {
        return values[i];
    }

    /** The fields of the last record read, in a new array. */
    String[] values() {
        return Arrays.copyOf(values, size);
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input (no record)
     * @throws Malformed when the record is not CSV
     */
    boolean next() throws IOException {
        size = 0;
        while (true) { // lines holding nothing before the record
            if (pos == limit && !fill()) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                lines++;
            } else if (c == '\r') {
                pos++;
                lines++;
                skipLineFeed();
            } else {
                break;
            }
        }
        while (true) {
            if (pos == limit && !fill()) {
                add(""); // a comma at the end of the input: one more, empty field
                return true;
            }
            boolean more = buf[pos] == '"' ? quoted() : simple();
            if (!more) {
                return true;
            }
        }
    }

    /** An unquoted field at {@code pos}; returns whether a comma followed it (else the record ended). */
    private boolean simple() throws IOException {
        field.setLength(0);
        boolean partial = false;
        while (true) {
            int start = pos;
            int i = start;
            int end = limit;
            char[] b = buf;
            while (i < end) {
                char c = b[i];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < end) {
                char c = b[i];
                if (partial) {
                    field.append(b, start, i - start);
                    add(field.toString());
                } else {
                    add(new String(b, start, i - start));
                }
                pos = i + 1;
                if (c == ',') {
                    return true;
                }
                lines++;
                if (c == '\r') {
                    skipLineFeed();
                }
                return false;
            }
            field.append(b, start, i - start);
            partial = true;
            pos = i;
            if (!fill()) {
                add(field.toString());
                return false;
            }
        }
    }

    /** A quoted field, its opening quote at {@code pos}; returns whether a comma followed it. */
    private boolean quoted() throws IOException {
        long startLine = lines + 1;
        field.setLength(0);
        pos++;
        boolean afterCr = false;
        while (true) {
            if (pos == limit && !fill()) {
                throw new Malformed(String.format("(startline %,d) EOF reached before encapsulated token finished",
                        startLine));
            }
            int start = pos;
            int i = start;
            int end = limit;
            char[] b = buf;
            while (i < end) { // runs of ordinary characters are copied at once
                char c = b[i];
                if (c == '"') {
                    break;
                }
                if (c == '\r') {
                    lines++;
                } else if (c == '\n' && !(i > start ? b[i - 1] == '\r' : afterCr)) {
                    lines++;
                }
                i++;
            }
            field.append(b, start, i - start);
            if (i > start) {
                afterCr = b[i - 1] == '\r';
            }
            pos = i;
            if (i == end) {
                continue; // refill at the loop's top
            }
            pos++; // the quote
            if (peek() == '"') {
                pos++;
                field.append('"');
                afterCr = false;
                continue;
            }
            add(field.toString());
            return afterClosingQuote();
        }
    }

    /** After a closing quote: whitespace up to a comma (true), a line break or the end of the input (false). */
    private boolean afterClosingQuote() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return false;
            }
            char c = buf[pos++];
            if (c == ',') {
                return true;
            }
            if (c == '\n' || c == '\r') {
                lines++;
                if (c == '\r') {
                    skipLineFeed();
                }
                return false;
            }
            if (!Character.isWhitespace(c)) {
                throw new Malformed(String.format("Invalid character between encapsulated token and delimiter at "
                        + "line: %,d, position: %,d", lines + 1, consumedBefore + pos));
            }
        }
    }

    /** After a {@code \r}: a {@code \n} right after it belongs to the same line break. */
    private void skipLineFeed() throws IOException {
        if (peek() == '\n') {
            pos++;
        }
    }

    /** The next character without consuming it, or -1 at the end of the input. */
    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    /** Reads the next block once {@code buf} is consumed; false at the end of the input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        consumedBefore += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    private void add(String value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }
}
