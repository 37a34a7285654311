package io.lockstep.store.load;

import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Staging files in a compact binary layout, and the {@link Input} through which Neo4j's bulk importer reads them
 * (its Input API: the importer's own stages, without its CSV reader): what {@link BulkLoader} hands the importer
 * unless CSV staging is asked for ({@link ImportOptions.Switch#CSV_STAGING}).
 *
 * <p>A file holds records of one label (nodes) or one relationship type, in the columns of the CSV header the CSV
 * staging would write ({@code :ID} or {@code :START_ID}/{@code :END_ID}, then properties such as {@code time:long}).
 * Records are grouped in blocks ({@code int} bytes, {@code int} records, then the records), so that the importer's
 * reader threads can take whole blocks and decode them in parallel. A record: its node number(s) as {@code int}s,
 * then for every property column a presence byte and, when present, its value ({@code long}, {@code int},
 * {@code double}, a byte for a boolean, a length-prefixed UTF-8 string). A null or an empty string is absent, as
 * in the CSV staging (the importer reads an unquoted empty field as no property).
 *
 * <p>The importer reads the relationship files twice (degrees, then the import itself): each {@link InputIterable}
 * opens its files again.
 */
final class BinaryStaging {
    /** Bytes of records gathered before a block is written. */
    private static final int BLOCK = 256 << 10;

    private BinaryStaging() {
    }

    /** A column's value kind. */
    private enum Kind { STRING, LONG, INT, DOUBLE, BOOLEAN }

    /** The property columns of a CSV staging header (the id columns left out): keys and kinds. */
    private record Columns(String[] keys, Kind[] kinds, int ids) {
        static Columns of(String[] header) {
            List<String> keys = new ArrayList<>();
            List<Kind> kinds = new ArrayList<>();
            int ids = 0;
            for (String h : header) {
                if (h.startsWith(":")) {
                    ids++;
                    continue;
                }
                int colon = h.indexOf(':');
                keys.add(colon < 0 ? h : h.substring(0, colon));
                String type = colon < 0 ? "string" : h.substring(colon + 1);
                kinds.add(switch (type) {
                    case "string" -> Kind.STRING;
                    case "long" -> Kind.LONG;
                    case "int" -> Kind.INT;
                    case "double" -> Kind.DOUBLE;
                    case "boolean" -> Kind.BOOLEAN;
                    default -> throw new IllegalArgumentException("no binary staging for column type " + type);
                });
            }
            return new Columns(keys.toArray(String[]::new), kinds.toArray(Kind[]::new), ids);
        }
    }

    /**
     * One binary staging file being written: {@link #record} takes the values of a CSV staging row (the ids first,
     * as numbers). Not thread-safe.
     *
     * <p>Records are encoded straight into the block's array (big-endian, as {@link ByteBuffer} reads them back), and
     * ASCII strings without a detour through {@link String#getBytes}: this runs for every post, account and
     * relationship the parsers give, on the staging thread beside the parsing.
     */
    static final class Writer implements StagedFile {
        private final DataOutputStream out;
        private boolean closed;
        private final Columns columns;
        private byte[] block = new byte[BLOCK + (BLOCK >> 2)];
        private int size;
        private int blockRecords;

        Writer(Path file, String... header) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            this.columns = Columns.of(header);
        }

        /** A row: {@code columns.ids} node numbers, then one value (or null) per property column. */
        @Override
        public void record(Object... row) {
            for (int i = 0; i < columns.ids; i++) {
                putInt(((Number) row[i]).intValue());
            }
            for (int c = 0; c < columns.kinds.length; c++) {
                Object v = row[columns.ids + c];
                if (v == null || (v instanceof String s && s.isEmpty())) {
                    putByte(0);
                    continue;
                }
                putByte(1);
                switch (columns.kinds[c]) {
                    case STRING -> putString(v.toString());
                    case LONG -> putLong(((Number) v).longValue());
                    case INT -> putInt(((Number) v).intValue());
                    case DOUBLE -> putLong(Double.doubleToLongBits(((Number) v).doubleValue()));
                    case BOOLEAN -> putByte((Boolean) v ? 1 : 0);
                    default -> throw new IllegalStateException();
                }
            }
            endRecord();
        }

        /** Two node numbers and nothing else (a relationship without properties): the common case, kept short. */
        @Override
        public void pair(int start, int end) {
            putInt(start);
            putInt(end);
            for (int c = 0; c < columns.kinds.length; c++) {
                putByte(0); // a property column of the file: absent
            }
            endRecord();
        }

        /** Room for {@code bytes} more in the block (a block holds whole records, however long). */
        private void room(int bytes) {
            if (size + bytes > block.length) {
                block = Arrays.copyOf(block, Math.max(block.length * 2, size + bytes));
            }
        }

        private void putByte(int v) {
            room(1);
            block[size++] = (byte) v;
        }

        private void putInt(int v) {
            room(4);
            byte[] b = block;
            int at = size;
            b[at] = (byte) (v >>> 24);
            b[at + 1] = (byte) (v >>> 16);
            b[at + 2] = (byte) (v >>> 8);
            b[at + 3] = (byte) v;
            size = at + 4;
        }

        private void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        /** Its UTF-8 length, then its UTF-8 bytes. */
        private void putString(String s) {
            int n = s.length();
            room(4 + n);
            byte[] b = block;
            int at = size + 4;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) { // not ASCII: the JDK's encoder, for the whole string
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    putInt(bytes.length);
                    room(bytes.length);
                    System.arraycopy(bytes, 0, block, size, bytes.length);
                    size += bytes.length;
                    return;
                }
                b[at + i] = (byte) c;
            }
            putInt(n);
            size += n;
        }

        /** A record is in the block: the block is written once full. */
        private void endRecord() {
            blockRecords++;
            if (size >= BLOCK) {
                try {
                    flushBlock();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private void flushBlock() throws IOException {
            if (blockRecords == 0) {
                return;
            }
            out.writeInt(size);
            out.writeInt(blockRecords);
            out.write(block, 0, size);
            size = 0;
            blockRecords = 0;
        }

        /** Idempotent. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (out) {
                flushBlock();
            }
        }
    }

    /** A staged file as the importer reads it: its path, its label or relationship type, and its CSV header. */
    record Source(Path file, String labelOrType, String[] header) {
    }

    /**
     * The importer's input: the node files, then the relationship files, numbers as node ids
     * ({@link IdType#ACTUAL}). {@code estimates} are the counts the staging knows.
     */
    static Input input(List<Source> nodes, List<Source> relationships, Input.Estimates estimates) {
        return new Input() {
            @Override
            public InputIterable nodes(Collector badCollector) {
                return () -> new Reader(nodes, true);
            }

            @Override
            public InputIterable relationships(Collector badCollector) {
                return () -> new Reader(relationships, false);
            }

            @Override
            public IdType idType() {
                return IdType.ACTUAL;
            }

            @Override
            public ReadableGroups groups() {
                return ReadableGroups.EMPTY;
            }

            @Override
            public Estimates validateAndEstimate(PropertySizeCalculator valueSizeCalculator) {
                return estimates;
            }
        };
    }

    /** Hands out the blocks of its files, one after the other, to the importer's reader threads. */
    private static final class Reader implements InputIterator {
        private final List<Source> sources;
        private final boolean nodes;
        private int next;
        private Source current;
        private Columns columns;
        private String[] labels;
        private DataInputStream in;

        Reader(List<Source> sources, boolean nodes) {
            this.sources = sources;
            this.nodes = nodes;
        }

        @Override
        public InputChunk newChunk() {
            return new Chunk(nodes);
        }

        @Override
        public synchronized boolean next(InputChunk chunk) throws IOException {
            while (true) {
                if (in == null) {
                    if (next == sources.size()) {
                        return false;
                    }
                    current = sources.get(next++);
                    columns = Columns.of(current.header());
                    labels = new String[] {current.labelOrType()};
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(current.file()),
                            1 << 16));
                }
                int bytes;
                try {
                    bytes = in.readInt();
                } catch (EOFException end) {
                    in.close();
                    in = null;
                    continue;
                }
                int records = in.readInt();
                Chunk c = (Chunk) chunk;
                c.fill(in, bytes, records, columns, labels);
                return true;
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (in != null) {
                in.close();
                in = null;
            }
        }
    }

    /** One block of records, decoded on the importer's thread that visits it. */
    private static final class Chunk implements InputChunk {
        private final boolean nodes;
        private byte[] bytes = new byte[0];
        private ByteBuffer buffer;
        private int remaining;
        private Columns columns;
        private String[] labels;

        Chunk(boolean nodes) {
            this.nodes = nodes;
        }

        void fill(DataInputStream in, int size, int records, Columns columns, String[] labels) throws IOException {
            if (bytes.length < size) {
                bytes = new byte[Math.max(size, BLOCK + (BLOCK >> 2))];
            }
            in.readFully(bytes, 0, size);
            buffer = ByteBuffer.wrap(bytes, 0, size);
            remaining = records;
            this.columns = columns;
            this.labels = labels;
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            if (remaining == 0) {
                return false;
            }
            remaining--;
            ByteBuffer b = buffer;
            if (nodes) {
                visitor.id(b.getInt());
                visitor.labels(labels);
            } else {
                visitor.startId(b.getInt());
                visitor.endId(b.getInt());
                visitor.type(labels[0]);
            }
            String[] keys = columns.keys;
            Kind[] kinds = columns.kinds;
            for (int c = 0; c < kinds.length; c++) {
                if (b.get() == 0) {
                    continue;
                }
                Object value = switch (kinds[c]) {
                    case STRING -> {
                        int length = b.getInt();
                        String s = new String(bytes, b.position(), length, StandardCharsets.UTF_8);
                        b.position(b.position() + length);
                        yield s;
                    }
                    case LONG -> b.getLong();
                    case INT -> b.getInt();
                    case DOUBLE -> b.getDouble();
                    case BOOLEAN -> b.get() != 0;
                };
                visitor.property(keys[c], value);
            }
            visitor.endOfEntity();
            return true;
        }

        @Override
        public void close() {
        }
    }
}
