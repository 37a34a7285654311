package io.lockstep.importer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a file's {@link Format} from its extension and first line: a JSON object (or {@code .json},
 * {@code .jsonl}, {@code .ndjson}) is Twitter JSON; a CSV header is matched by its column names; a whitespace
 * edge list (or a {@code #} comment first) is SNAP. Gzip is looked through.
 */
public final class FormatDetector {
    private static final Set<String> EDGE_EXTRAS = Set.of("type", "timestamp", "time", "weight");

    private FormatDetector() {
    }

    /**
     * The format of {@code file}.
     *
     * @throws UnknownFormatException naming the known formats and the header found
     */
    public static Format formatOf(Path file) throws IOException {
        String name = InputFiles.baseName(file);
        String first = null;
        boolean comment = false;
        try (BufferedReader r = new BufferedReader(InputFiles.reader(file, null))) {
            String line;
            int scanned = 0;
            while ((line = r.readLine()) != null && scanned++ < 1000) {
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("#") || t.startsWith("%")) {
                    comment = true;
                    continue;
                }
                first = t;
                break;
            }
        }
        if (first == null) {
            if (comment) {
                return Format.SNAP_EDGES;
            }
            if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return Format.TWITTER_JSON; // an empty capture (twarc writes one when a search finds nothing)
            }
            throw new UnknownFormatException(file + ": empty file, no header to recognise; known formats: "
                    + Format.ids());
        }
        Format f = fromHeader(first, name, comment);
        if (f == null) {
            String shown = first.length() > 200 ? first.substring(0, 200) + "..." : first;
            StringBuilder known = new StringBuilder();
            for (Format k : Format.values()) {
                known.append(known.length() == 0 ? "" : "; ").append(k.id()).append(" = ").append(k.description());
            }
            throw new UnknownFormatException(file + ": unknown format, header found: '" + shown
                    + "'. Known formats: " + known + ". Use --format to force one.");
        }
        return f;
    }

    /** The format a first non-comment line implies, or null. */
    static Format fromHeader(String first, String name, boolean hadComment) {
        if (first.startsWith("{") || name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return first.startsWith("{") ? Format.TWITTER_JSON : null;
        }
        if (first.indexOf(',') >= 0) {
            List<String> cols = header(first);
            if (cols == null) {
                return null;
            }
            Set<String> set = new HashSet<>(cols);
            if (set.containsAll(CoorTweetParser.REQUIRED)) {
                return Format.COORTWEET;
            }
            if (set.containsAll(CoorNetParser.REQUIRED)) {
                return Format.COORNET;
            }
            if (set.containsAll(InfoOpsTweetsParser.REQUIRED)) {
                return Format.INFO_OPS_TWEETS;
            }
            if (set.containsAll(TwarcCsvParser.REQUIRED)) {
                return Format.TWARC_CSV;
            }
            if (set.contains("userid") && (set.contains("user_screen_name") || set.contains("user_display_name"))) {
                return Format.INFO_OPS_USERS;
            }
            if (cols.size() == 2) {
                int follower = EdgeListParser.FOLLOWER_COLUMNS.indexOf(cols.get(0));
                int followee = EdgeListParser.FOLLOWEE_COLUMNS.indexOf(cols.get(1));
                if (follower >= 0 && follower == followee) {
                    return Format.FOLLOWER_CSV;
                }
            }
            if (set.contains("source") && set.contains("target")) {
                Set<String> rest = new HashSet<>(set);
                rest.remove("source");
                rest.remove("target");
                if (EDGE_EXTRAS.containsAll(rest)) {
                    return Format.GENERIC_EDGES;
                }
            }
            return null;
        }
        String[] parts = first.split("\\s+");
        if ((parts.length == 2 || parts.length == 3) && !name.endsWith(".csv")) {
            return Format.SNAP_EDGES;
        }
        return hadComment ? Format.SNAP_EDGES : null;
    }

    private static List<String> header(String line) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(line)).setFormat(CsvTable.FORMAT).get()) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                return null;
            }
            List<String> cols = new ArrayList<>();
            for (String v : it.next().values()) {
                cols.add(v.strip().toLowerCase(Locale.ROOT));
            }
            return cols;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
