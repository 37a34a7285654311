package io.lockstep.evaluate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The score of a detector on one labelled archive: the {@link EvaluationResult}, the size of the evidence it wrote
 * ({@code coordination-edges.csv} rows per flagged account; the target is at most 20) and, per truth group, how
 * many flagged members each signal named (the {@code signals} column of {@code accounts.csv}, when present), which
 * tells which signal a false positive came from. {@code O(accounts + edge rows)}.
 *
 * @param result           precision, recall and F1, overall and per group
 * @param flagged          accounts predicted suspicious (positives and negatives)
 * @param edgeRows         data rows of {@code coordination-edges.csv}, or -1 when the detector wrote none
 * @param signalsByGroup   group name to (signal to flagged members naming it), groups and signals sorted by name
 */
public record ArchiveScore(EvaluationResult result, long flagged, long edgeRows,
                           Map<String, Map<String, Integer>> signalsByGroup) {
    /** Target: at most this many evidence rows per flagged account. */
    public static final double MAX_EDGE_ROWS_PER_FLAGGED = 20;

    public ArchiveScore {
        Objects.requireNonNull(result, "result");
        signalsByGroup = Map.copyOf(signalsByGroup);
    }

    /** Edge rows per flagged account; 0 when nothing is flagged, NaN when no edge file was written. */
    public double edgeRowsPerFlagged() {
        if (edgeRows < 0) {
            return Double.NaN;
        }
        return flagged == 0 ? 0.0 : edgeRows / (double) flagged;
    }

    /**
     * Scores {@code accountsCsv} against {@code truthCsv}; {@code edgesCsv} may be missing (then {@link #edgeRows} is
     * -1).
     */
    public static ArchiveScore of(Path truthCsv, Path accountsCsv, Path edgesCsv) throws IOException {
        List<Evaluation.TruthRow> truth = Evaluation.readTruth(truthCsv);
        Map<String, Boolean> predicted = Evaluation.readPredictions(accountsCsv);
        EvaluationResult result = Evaluation.evaluate(truth, predicted);
        long flagged = predicted.values().stream().filter(Boolean::booleanValue).count();
        long rows = -1;
        if (edgesCsv != null && Files.isRegularFile(edgesCsv)) {
            rows = 0;
            try (BufferedReader in = Files.newBufferedReader(edgesCsv, StandardCharsets.UTF_8)) {
                boolean header = true;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (header) {
                        header = false;
                    } else if (!line.isEmpty()) {
                        rows++;
                    }
                }
            }
        }
        return new ArchiveScore(result, flagged, rows, signalsByGroup(truth, accountsCsv));
    }

    private static Map<String, Map<String, Integer>> signalsByGroup(List<Evaluation.TruthRow> truth, Path accountsCsv)
            throws IOException {
        Map<String, String> groupOf = new HashMap<>();
        for (Evaluation.TruthRow t : truth) {
            groupOf.put(t.accountId(), t.group());
            if (!t.altId().isEmpty()) {
                groupOf.putIfAbsent(t.altId(), t.group());
            }
        }
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(accountsCsv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, format)) {
            if (!p.getHeaderMap().containsKey("signals")) {
                return out;
            }
            for (CSVRecord r : p) {
                String group = groupOf.get(r.get("account_id"));
                if (group == null || !r.get("suspicious").toLowerCase(Locale.ROOT).equals("true")) {
                    continue;
                }
                Map<String, Integer> bySignal = out.computeIfAbsent(group, k -> new TreeMap<>());
                for (String s : r.get("signals").split(";")) {
                    if (!s.isBlank()) {
                        bySignal.merge(s.trim(), 1, Integer::sum);
                    }
                }
            }
        }
        return out;
    }

    /** The evaluation table followed by the evidence size and the signals behind each group's flags. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder(result.toMarkdown()).append('\n');
        sb.append(String.format(Locale.ROOT, "Flagged accounts: %d; coordination-edges.csv rows: %s%s.%n", flagged,
                edgeRows < 0 ? "none written" : Long.toString(edgeRows),
                edgeRows < 0 ? "" : String.format(Locale.ROOT, " (%.1f per flagged account)", edgeRowsPerFlagged())));
        if (!signalsByGroup.isEmpty()) {
            sb.append("\n| group | flagged members by signal |\n|---|---|\n");
            for (Map.Entry<String, Map<String, Integer>> e : new TreeMap<>(signalsByGroup).entrySet()) {
                StringBuilder cell = new StringBuilder();
                e.getValue().forEach((s, c) -> cell.append(cell.length() == 0 ? "" : ", ").append(s).append(' ')
                        .append(c));
                sb.append("| ").append(e.getKey()).append(" | ").append(cell).append(" |\n");
            }
        }
        return sb.toString();
    }
}
