package io.lockstep.store.load.bench;

import io.lockstep.store.load.ArchiveImporter;
import io.lockstep.store.GraphExport;
import io.lockstep.store.load.ImportOptions;
import io.lockstep.store.load.ImportOptions.Switch;
import io.lockstep.store.load.ImportReport;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Imports a CooRTweet file ({@code object_id,account_id,content_id,timestamp_share}) into a fresh embedded store
 * (bulk, or transactions with {@code transactional}), exports it back with {@code export --format coortweet}'s
 * code and compares the rows. Prints the row counts, the distinct rows of each side and whether they are equal.
 *
 * <p>Usage: {@code CoorTweetRoundTrip FILE WORKDIR [bulk|transactional]}.
 */
public final class CoorTweetRoundTrip {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        boolean bulk = args.length < 3 || !args[2].equals("transactional");
        TreeSet<String> in = rows(input);
        long lines = count(input);
        try (GraphStore store = GraphStore.embedded(Files.createTempDirectory(work, "store-"))) {
            long t0 = System.nanoTime();
            ImportReport report = new ArchiveImporter().importFiles(store, List.of(input),
                    ImportOptions.defaults().with(Switch.BULK, bulk), ProgressListener.NONE);
            long t1 = System.nanoTime();
            Path out = work.resolve("export.csv");
            GraphExport.ExportStats stats = GraphExport.export(store, GraphExport.ExportFormat.COORTWEET, false, out);
            long t2 = System.nanoTime();
            TreeSet<String> back = rows(out);
            System.out.printf("input: %,d rows (%,d distinct); imported %,d rows, %,d rejects (%s) in %.1f s%n",
                    lines, in.size(), report.rows(), report.rejects(), bulk ? "bulk" : "transactions",
                    (t1 - t0) / 1e9);
            System.out.printf("export: %,d rows by %,d accounts in %.1f s; same rows as the input: %s%n",
                    stats.edges(), stats.nodes(), (t2 - t1) / 1e9, back.equals(in));
        }
    }

    private static long count(Path file) throws Exception {
        try (BufferedReader r = reader(file)) {
            return r.lines().count() - 1;
        }
    }

    private static TreeSet<String> rows(Path file) throws Exception {
        try (BufferedReader r = reader(file)) {
            TreeSet<String> out = new TreeSet<>(r.lines().skip(1).toList());
            return out;
        }
    }

    private static BufferedReader reader(Path file) throws Exception {
        var in = Files.newInputStream(file);
        return new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz") ? new GZIPInputStream(in)
                : in, StandardCharsets.UTF_8));
    }

    private CoorTweetRoundTrip() {
    }
}
