package io.lockstep.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Opens input files: gzip by magic bytes, UTF-8 with a leading BOM removed, invalid bytes replaced. Public for the
 * store's loaders, which read the files themselves to count bytes for progress.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** The file name without a trailing {@code .gz}, lower-cased (used for extension checks). */
    static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * A reader over the (decompressed) content. {@code rawBytes}, when not null, is advanced by the number of
     * bytes read from the file itself (compressed bytes for .gz), for progress reporting.
     */
    public static Reader reader(Path file, AtomicLong rawBytes) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (rawBytes != null) {
            raw = new Counting(raw, rawBytes);
        }
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (gzip) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new UnreadableInputException(file, "corrupt gzip header", e);
            }
        }
        return utf8(new Guarded(in, file, gzip));
    }

    /**
     * {@code in} read as UTF-8, a leading byte-order mark skipped and malformed bytes replaced (U+FFFD), as every
     * archive file is read.
     */
    public static Reader utf8(InputStream in) throws IOException {
        PushbackInputStream pb = new PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = pb.readNBytes(bom, 0, 3);
        if (!(n == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
            pb.unread(bom, 0, n);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(pb, decoder);
    }

    /** Hex SHA-256 of the file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The file itself could not be read to its end (a truncated or corrupt gzip stream, a disk error): a failure of
     * the whole file, not of one of its records.
     */
    public static final class UnreadableInputException extends IOException {
        UnreadableInputException(Path file, String what, IOException cause) {
            super(file.getFileName() + ": " + what + " (" + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage() + ")", cause);
        }
    }

    /** Turns read failures into {@link UnreadableInputException}, so parsers can tell them from bad content. */
    private static final class Guarded extends FilterInputStream {
        private final Path file;
        private final boolean gzip;

        Guarded(InputStream in, Path file, boolean gzip) {
            super(in);
            this.file = file;
            this.gzip = gzip;
        }

        private IOException fail(IOException e) {
            if (e instanceof UnreadableInputException) {
                return e;
            }
            return new UnreadableInputException(file, gzip ? "truncated or corrupt gzip data" : "read failed", e);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw fail(e);
            }
        }
    }

    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count.addAndGet(r);
            }
            return r;
        }
    }
}
