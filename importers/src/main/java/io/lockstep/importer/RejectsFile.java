package io.lockstep.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;

/**
 * The rejects file beside an input, {@code <name>.rejects.csv} with columns {@code file,line,reason,raw}. Created on
 * the first reject. On a resumed import it keeps exactly the rejects of the committed rows (the first
 * {@code keep} records) so that a rerun does not list a row twice.
 *
 * <p>Inputs that differ only by extension ({@code tweets.csv} and {@code tweets.jsonl}, as {@code simulate} writes
 * them) share one rejects file: each input rewrites only its own records (the {@code file} column), never another
 * input's.
 */
public final class RejectsFile implements Closeable {
    static final String[] HEADER = {"file", "line", "reason", "raw"};
    private static final CSVFormat OUT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final Path path;
    private final String fileName;
    private CSVPrinter printer;
    private long count;

    /** Opens the rejects file of {@code input}, keeping the first {@code keep} of its records from an earlier run. */
    public RejectsFile(Path input, long keep) throws IOException {
        this.path = pathFor(input);
        this.fileName = input.getFileName().toString();
        if (Files.exists(path)) {
            truncate(Math.max(keep, 0));
        }
        // the store's count is the truth: a rejects file deleted by hand must not lower it
        count = Math.max(count, Math.max(keep, 0));
    }

    /** {@code tweets.csv} → {@code tweets.rejects.csv}, {@code edges.txt.gz} → {@code edges.rejects.csv}. */
    public static Path pathFor(Path input) {
        String name = input.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return input.resolveSibling(name + ".rejects.csv");
    }

    /**
     * Keeps the first {@code keep} records of this input and every record of the other inputs that share the file;
     * deletes the file when nothing is left.
     */
    private void truncate(long keep) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        long kept = 0;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get();
             Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, OUT)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (it.hasNext()) {
                p.printRecord((Object[]) it.next().values()); // header
            }
            try {
                while (it.hasNext()) {
                    CSVRecord r = it.next();
                    boolean ours = r.size() > 0 && r.get(0).equals(fileName);
                    if (ours && count >= keep) {
                        continue;
                    }
                    p.printRecord((Object[]) r.values());
                    kept++;
                    if (ours) {
                        count++;
                    }
                }
            } catch (UncheckedIOException e) {
                // a record cut by the kill: the committed ones before it are kept
            }
        }
        if (kept == 0) {
            Files.delete(tmp);
            Files.delete(path);
        } else {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@link #add}, for a parser's {@link RowSink}, whose methods cannot throw {@code IOException}. */
    public void addFromSink(long line, String reason, String raw) {
        try {
            add(line, reason, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one reject of this input (creating the file with its header on the first). */
    public void add(long line, String reason, String raw) throws IOException {
        if (printer == null) {
            boolean exists = Files.exists(path) && Files.size(path) > 0;
            Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            printer = new CSVPrinter(w, OUT);
            if (!exists) {
                printer.printRecord((Object[]) HEADER);
            }
        }
        printer.printRecord(fileName, line, reason, raw);
        count++;
    }

    /** Rejects in the file, those kept from an earlier run included. */
    public long count() {
        return count;
    }

    /** The path when the file exists (there were rejects), else null. */
    public Path pathIfWritten() {
        return count > 0 ? path : null;
    }

    public void flush() throws IOException {
        if (printer != null) {
            printer.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close();
        }
    }
}
