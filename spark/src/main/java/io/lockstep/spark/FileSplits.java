package io.lockstep.spark;

import io.lockstep.importer.Format;
import io.lockstep.importer.InputFiles;
import io.lockstep.importer.RowSink;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one large archive file into byte ranges that parse on their own, so several tasks parse one file: each range
 * starts at a record boundary, and parsing the ranges one after the other gives exactly the rows, rejects and
 * reject line numbers that parsing the whole file gives.
 *
 * <p>The boundaries come from one sequential pass over the bytes on the driver ({@link #plan}), far cheaper than
 * parsing: JSON lines split after any line feed; CSV (the information-operations tweets format and the follower
 * CSV of follow lists, both read by the project's {@code CsvTable} with Commons CSV) splits only after
 * a line feed that ends a record, found by a byte-level copy of the CSV reader's quoting rules (Commons CSV's
 * {@code DEFAULT}: a quote opens a quoted field only as the field's first character, a doubled quote inside is one
 * quote, a closing quote is followed by a delimiter, a line end, or whitespace). Where the reader would fail (a
 * closing quote followed by anything else, non-ASCII included since Commons skips any Unicode whitespace there), the
 * file is not cut: the reader's message ("rest of file skipped") names the position in the whole file. Each CSV range is parsed behind the file's header bytes, and the
 * parser's line numbers are shifted by the line breaks between the header and the range (line breaks are counted
 * as both parsers count them: CR, LF and CRLF once each). Gzip files, files with CR-only line ends and formats whose
 * parsers keep state across records are not cut (one range: the whole file).
 *
 * <p>Cost: one read of the file's bytes on the driver, O(bytes) with a small constant; memory O(number of ranges).
 * Deterministic: the ranges depend only on the bytes and {@code targetBytes}.
 */
public final class FileSplits {
    /** The default size of a range (64 MiB: the common block size of distributed file systems). */
    public static final long DEFAULT_TARGET_BYTES = 64L << 20;

    private FileSplits() {
    }

    /**
     * One range of a file: bytes {@code [start, end)} parsed behind the header bytes {@code [0, headerEnd)};
     * {@code lineShift} is added to the parser's line numbers. {@code end < 0} means to the end of the file.
     */
    public record Split(Format format, String file, long headerEnd, long start, long end, long lineShift)
            implements Serializable {
        /** Whether this range is the whole file (read as {@code ArchiveParsing.parse} reads it). */
        public boolean whole() {
            return start == 0 && end < 0 && headerEnd == 0;
        }
    }

    /** Whether files of {@code format} may be cut: parsers with no state across records. */
    static boolean splittable(Format format) {
        return format == Format.INFO_OPS_TWEETS || format == Format.FOLLOWER_CSV || format == Format.TWITTER_JSON;
    }

    /**
     * The ranges of {@code file}, each about {@code targetBytes} long (cut at the first record boundary past the
     * target).
     */
    public static List<Split> plan(Path file, Format format, long targetBytes) throws IOException {
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("targetBytes must be positive, got " + targetBytes);
        }
        String name = file.toAbsolutePath().toString();
        List<Split> whole = List.of(new Split(format, name, 0, 0, -1, 0));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (!splittable(format) || size <= targetBytes) {
                return whole;
            }
            ByteBuffer head = ByteBuffer.allocate(2);
            ch.read(head, 0);
            if (head.position() == 2 && (head.get(0) & 0xff) == 0x1f && (head.get(1) & 0xff) == 0x8b) {
                return whole; // gzip: no random access
            }
            Scanner scanner = new Scanner(format != Format.TWITTER_JSON, targetBytes);
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            long pos = 0;
            while (!scanner.stopped) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                buf.flip();
                for (int i = 0; i < n && !scanner.stopped; i++) {
                    scanner.next(buf.get(i), pos + i);
                }
                pos += n;
            }
            if (scanner.stopped || (scanner.headerEnd < 0 && scanner.csv)) {
                return whole; // the reader fails somewhere (its message names the whole file's line and position),
                // or no header ended by a line feed: not cut
            }
            List<Split> out = new ArrayList<>();
            long headerEnd = scanner.csv ? scanner.headerEnd : 0;
            long headerLines = scanner.csv ? scanner.headerLines : 0;
            long start = headerEnd;
            long startLines = headerLines;
            for (int i = 0; i < scanner.cuts.size(); i += 2) {
                long cut = scanner.cuts.get(i);
                out.add(new Split(format, name, headerEnd, start, cut, startLines - headerLines));
                start = cut;
                startLines = scanner.cuts.get(i + 1);
            }
            out.add(new Split(format, name, headerEnd, start, -1, startLines - headerLines));
            return out;
        }
    }

    /** The byte-level pass: record boundaries after line feeds, line breaks counted as the parsers count them. */
    private static final class Scanner {
        private static final int FIELD = 0;
        private static final int SIMPLE = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE = 3;
        private static final int CLOSED = 4;

        final boolean csv;
        final long target;
        /** Flat pairs: a cut offset, then the line breaks before it. */
        final List<Long> cuts = new ArrayList<>();
        long headerEnd = -1;
        long headerLines;
        boolean stopped;
        private int state = FIELD;
        private boolean content;
        private long records;
        private long lines;
        private byte prev;
        private long last;

        Scanner(boolean csv, long target) {
            this.csv = csv;
            this.target = target;
        }

        void next(byte b, long at) {
            if (b == '\r' || (b == '\n' && prev != '\r')) {
                lines++;
            }
            prev = b;
            if (!csv) {
                if (b == '\n') {
                    boundary(at + 1);
                }
                return;
            }
            switch (state) {
                case FIELD, SIMPLE -> {
                    if (b == '\r' || b == '\n') {
                        endOfLine(b, at);
                    } else if (b == ',') {
                        state = FIELD;
                        content = true;
                    } else if (b == '"' && state == FIELD) {
                        state = QUOTED;
                        content = true;
                    } else {
                        state = SIMPLE;
                        content = true;
                    }
                }
                case QUOTED -> {
                    if (b == '"') {
                        state = QUOTE;
                    }
                }
                case QUOTE, CLOSED -> {
                    if (b == '"' && state == QUOTE) {
                        state = QUOTED; // a doubled quote
                    } else if (b == ',') {
                        state = FIELD;
                    } else if (b == '\r' || b == '\n') {
                        endOfLine(b, at);
                    } else if (b == ' ' || b == '\t' || (b >= 0x0b && b <= 0x0c) || (b >= 0x1c && b <= 0x1f)) {
                        state = CLOSED; // whitespace the reader skips after a closing quote
                    } else {
                        stopped = true; // the reader may fail here: the file is read whole
                    }
                }
                default -> throw new IllegalStateException("state " + state);
            }
        }

        private void endOfLine(byte b, long at) {
            if (content) {
                records++;
                content = false;
            }
            state = FIELD;
            if (b == '\n') {
                if (headerEnd < 0) {
                    if (records != 1) {
                        stopped = true; // the header did not end with a line feed of its own
                        return;
                    }
                    headerEnd = at + 1;
                    headerLines = lines;
                    last = headerEnd;
                    return;
                }
                boundary(at + 1);
            }
        }

        private void boundary(long after) {
            if (after - last >= target) {
                cuts.add(after);
                cuts.add(lines);
                last = after;
            }
        }
    }

    /** Parses {@code split} into {@code sink} with the whole file's line numbers. */
    public static void parse(Split split, RowSink sink) throws IOException {
        try (Reader in = reader(split)) {
            split.format().parser().parse(in, split.lineShift() == 0 ? sink : new Shifted(sink, split.lineShift()));
        }
    }

    private static Reader reader(Split split) throws IOException {
        if (split.whole()) {
            return InputFiles.reader(Path.of(split.file()), null);
        }
        FileChannel ch = FileChannel.open(Path.of(split.file()), StandardOpenOption.READ);
        InputStream in;
        try {
            byte[] header = new byte[(int) split.headerEnd()];
            ByteBuffer hb = ByteBuffer.wrap(header);
            while (hb.hasRemaining() && ch.read(hb, hb.position()) > 0) {
                // fills the header bytes
            }
            ch.position(split.start());
            InputStream range = Channels.newInputStream(ch);
            if (split.end() >= 0) {
                range = new Bounded(range, split.end() - split.start());
            }
            in = new SequenceInputStream(new ByteArrayInputStream(header), range);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return InputFiles.utf8(new BufferedInputStream(in, 1 << 16));
    }

    /** At most {@code remaining} bytes of the underlying stream. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = super.read(b, off, (int) Math.min(len, remaining));
            if (r > 0) {
                remaining -= r;
            }
            return r;
        }
    }

    /** Forwards to a sink with line numbers shifted to the whole file's. */
    private static final class Shifted extends RowSink.Forwarding {
        private final RowSink sink;
        private final long shift;

        Shifted(RowSink sink, long shift) {
            super(sink);
            this.sink = sink;
            this.shift = shift;
        }

        @Override
        public void reject(long line, String reason, String raw) {
            sink.reject(line + shift, reason, raw);
        }

        @Override
        public void endRecord() {
            sink.endRecord();
        }

        @Override
        public void skip(long line, String what) {
            sink.skip(line + shift, what);
        }
    }

    /** Wraps an I/O failure of a task's parse. */
    static UncheckedIOException failure(Split split, IOException e) {
        return new UncheckedIOException("reading " + split.file() + " from byte " + split.start(), e);
    }
}
