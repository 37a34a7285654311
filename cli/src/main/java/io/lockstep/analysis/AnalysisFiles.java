package io.lockstep.analysis;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.Cluster;
import io.lockstep.coordination.CoordinationEdge;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Writes the CSV part of the {@code analyze} output contract. File names and headers are public: other tools read
 * them, so they never change without a version note in the README.
 */
public final class AnalysisFiles {
    public static final String ACCOUNTS = "accounts.csv";
    public static final String CLUSTERS = "clusters.csv";
    public static final String EDGES = "coordination-edges.csv";
    static final String[] ACCOUNTS_HEADER = {"account_id", "screen_name", "community", "cluster", "score",
            "suspicious", "signals"};
    static final String[] CLUSTERS_HEADER = {"cluster", "kind", "size", "score", "signals", "top_hashtags",
            "first_seen", "last_seen"};
    static final String[] EDGES_HEADER = {"source", "target", "signal", "weight", "count"};

    private AnalysisFiles() {
    }

    public static void write(Analysis analysis, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        writeAccounts(analysis, outDir.resolve(ACCOUNTS));
        writeClusters(analysis, outDir.resolve(CLUSTERS));
        writeEdges(analysis, outDir.resolve(EDGES));
    }

    /** One row per account, most suspicious first (then by account id, so the order is stable). */
    static void writeAccounts(Analysis analysis, Path file) throws IOException {
        Activity act = analysis.activity();
        AccountVerdict[] verdicts = analysis.detection().accounts();
        Integer[] order = new Integer[act.accountCount()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(a -> -verdicts[a].score())
                .thenComparing(act::accountId));
        try (CSVPrinter csv = printer(file, ACCOUNTS_HEADER)) {
            for (int a : order) {
                AccountVerdict v = verdicts[a];
                csv.printRecord(act.accountId(a), nullToEmpty(act.screenName(a)),
                        analysis.community()[a] < 0 ? "" : Integer.toString(analysis.community()[a]),
                        v.cluster() < 0 ? "" : Integer.toString(v.cluster()),
                        decimal(v.score()), Boolean.toString(v.suspicious()), String.join(";", v.signals()));
            }
        }
    }

    static void writeClusters(Analysis analysis, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, CLUSTERS_HEADER)) {
            for (Cluster c : analysis.detection().clusters()) {
                csv.printRecord(c.id(), c.kind(), c.members().length, decimal(c.score()),
                        String.join(";", c.signals()), String.join(";", c.topHashtags()),
                        time(c.firstSeen()), time(c.lastSeen()));
            }
        }
    }

    static void writeEdges(Analysis analysis, Path file) throws IOException {
        Activity act = analysis.activity();
        try (CSVPrinter csv = printer(file, EDGES_HEADER)) {
            for (CoordinationEdge e : analysis.detection().edges()) {
                csv.printRecord(act.accountId(e.source()), act.accountId(e.target()), e.signal(),
                        decimal(e.weight()), e.count());
            }
        }
    }

    static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
    }

    /** ISO-8601 UTC, or empty for an unknown time. */
    static String time(long epochSeconds) {
        return epochSeconds == Activity.NO_TIME ? "" : Instant.ofEpochSecond(epochSeconds).toString();
    }

    /**
     * {@code v} with four decimals, as {@code String.format(Locale.ROOT, "%.4f", v)} writes it (half up on the
     * shortest decimal that reads back as {@code v}), at a third of its cost: the accounts and edges files format
     * one number per row.
     */
    static String decimal(double v) {
        boolean plain = v > 0 && !Double.isInfinite(v) || Double.doubleToRawLongBits(v) == 0L; // not -0.0
        if (!plain) {
            return String.format(Locale.ROOT, "%.4f", v); // negative (a -0.0000 kept), NaN, infinite
        }
        return new BigDecimal(Double.toString(v)).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
