package io.lockstep.evaluate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a detector's verdicts ({@code accounts.csv}, column {@code suspicious}) against a simulated truth
 * ({@code truth.csv}). Positives are the accounts labelled {@code bot}, {@code farm} or {@code linkring}; everything
 * else is negative, and {@code fandom} and {@code news} are the hard negatives whose false-positive rate matters.
 * A truth account is matched by {@code account_id} or, when the truth has it, by {@code twitter_id} (the numeric id
 * that twarc2 and API archives carry for accounts the information-operations files anonymise). {@code O(n)}.
 */
public final class Evaluation {
    /** Labels of planted operations. */
    public static final Set<String> POSITIVE_LABELS = Set.of("bot", "farm", "linkring");
    /** Labels of organic groups built to look coordinated. */
    public static final Set<String> HARD_NEGATIVE_LABELS = Set.of("fandom", "news");

    /**
     * One truth row.
     *
     * @param accountId account id as in the information-operations files
     * @param label     {@code organic}, {@code bot}, {@code farm}, {@code linkring}, {@code fandom} or {@code news}
     * @param group     operation instance, e.g. {@code botnet-1}, or {@code organic}
     * @param altId     another id for the same account ({@code twitter_id}), or empty
     */
    public record TruthRow(String accountId, String label, String group, String altId) {
        public TruthRow {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(group, "group");
            altId = altId == null ? "" : altId;
        }

        public boolean positive() {
            return POSITIVE_LABELS.contains(label);
        }
    }

    private Evaluation() {
    }

    private static CSVFormat headerFormat() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    }

    /** Reads {@code truth.csv} ({@code account_id,label,group[,twitter_id]}). */
    public static List<TruthRow> readTruth(Path file) throws IOException {
        List<TruthRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, headerFormat())) {
            requireColumns(file, p, "account_id", "label", "group");
            boolean alt = p.getHeaderMap().containsKey("twitter_id");
            for (CSVRecord r : p) {
                rows.add(new TruthRow(r.get("account_id"), r.get("label").toLowerCase(Locale.ROOT), r.get("group"),
                        alt ? r.get("twitter_id") : ""));
            }
        }
        return rows;
    }

    /** Reads the verdicts of {@code accounts.csv}: {@code account_id -> suspicious}. */
    public static Map<String, Boolean> readPredictions(Path file) throws IOException {
        Map<String, Boolean> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, headerFormat())) {
            requireColumns(file, p, "account_id", "suspicious");
            for (CSVRecord r : p) {
                String v = r.get("suspicious").toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IOException(file + " line " + p.getCurrentLineNumber()
                            + ": suspicious must be true or false, not '" + r.get("suspicious") + "'");
                }
                out.put(r.get("account_id"), v.equals("true"));
            }
        }
        return out;
    }

    private static void requireColumns(Path file, CSVParser p, String... columns) throws IOException {
        for (String c : columns) {
            if (p.getHeaderMap() == null || !p.getHeaderMap().containsKey(c)) {
                throw new IOException(file + ": missing column " + c);
            }
        }
    }

    /** Reads both files and scores them. */
    public static EvaluationResult evaluate(Path truthFile, Path accountsFile) throws IOException {
        return evaluate(readTruth(truthFile), readPredictions(accountsFile));
    }

    /** Scores {@code predicted} (account id to suspicious) against {@code truth}. */
    public static EvaluationResult evaluate(List<TruthRow> truth, Map<String, Boolean> predicted) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        long missing = 0;
        Set<String> matched = new HashSet<>();
        Map<String, int[]> perGroup = new TreeMap<>();
        Map<String, String> labelOf = new HashMap<>();
        for (TruthRow t : truth) {
            Boolean verdict = predicted.get(t.accountId());
            String key = t.accountId();
            if (verdict == null && !t.altId().isEmpty()) {
                verdict = predicted.get(t.altId());
                key = t.altId();
            }
            if (verdict == null) {
                missing++;
                verdict = false;
            } else {
                matched.add(key);
            }
            String previous = labelOf.putIfAbsent(t.group(), t.label());
            if (previous != null && !previous.equals(t.label())) {
                throw new IllegalArgumentException("group " + t.group() + " mixes labels " + previous + " and "
                        + t.label());
            }
            int[] g = perGroup.computeIfAbsent(t.group(), k -> new int[2]);
            g[0]++;
            if (verdict) {
                g[1]++;
            }
            if (t.positive()) {
                if (verdict) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (verdict) {
                fp++;
            } else {
                tn++;
            }
        }
        long unknown = predicted.keySet().stream().filter(k -> !matched.contains(k)).count();
        List<GroupScore> positives = new ArrayList<>();
        List<GroupScore> negatives = new ArrayList<>();
        for (Map.Entry<String, int[]> e : perGroup.entrySet()) {
            String label = labelOf.get(e.getKey());
            int size = e.getValue()[0];
            int flagged = e.getValue()[1];
            if (POSITIVE_LABELS.contains(label)) {
                double precision = ratio(flagged, flagged + fp);
                double recall = ratio(flagged, size);
                positives.add(new GroupScore(e.getKey(), label, true, size, flagged, precision, recall,
                        f1(precision, recall), Double.NaN));
            } else {
                negatives.add(new GroupScore(e.getKey(), label, false, size, flagged, Double.NaN, Double.NaN,
                        Double.NaN, ratio(flagged, size)));
            }
        }
        positives.addAll(negatives);
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        return new EvaluationResult(tp, fp, fn, tn, precision, recall, f1(precision, recall), positives, missing,
                unknown);
    }

    static double ratio(long a, long b) {
        return b == 0 ? 0.0 : a / (double) b;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
}
