package io.lockstep.importer;

import io.lockstep.activity.Activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.List;

/**
 * Edge lists: follower CSVs with a header ({@code follower_userid,followee_userid}, {@code follower,followee},
 * {@code source,target}), generic interaction CSVs ({@code source,target[,type][,timestamp][,weight]}) and SNAP
 * whitespace edge lists ({@code twitter_combined.txt} style, {@code #} comments, optional third column as weight).
 */
final class EdgeListParser implements RecordParser {
    static final List<String> FOLLOWER_COLUMNS = List.of("follower_userid", "follower", "source");
    static final List<String> FOLLOWEE_COLUMNS = List.of("followee_userid", "followee", "target");

    private final Format format;

    EdgeListParser(Format format) {
        if (!format.isEdgeList()) {
            throw new IllegalArgumentException("not an edge-list format: " + format);
        }
        this.format = format;
    }

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        switch (format) {
            case SNAP_EDGES -> snap(in, sink);
            case FOLLOWER_CSV -> followerCsv(in, sink);
            default -> genericCsv(in, sink);
        }
    }

    private static void followerCsv(Reader in, RowSink sink) throws IOException {
        CsvTable.read(in, List.of(), sink, (row, out) -> {
            String follower = first(row, FOLLOWER_COLUMNS);
            String followee = first(row, FOLLOWEE_COLUMNS);
            if (follower == null || followee == null) {
                throw new CsvTable.RowException("empty follower or followee id");
            }
            out.edge(EdgeRow.follow(follower, followee));
        });
    }

    private static String first(CsvTable.Row row, List<String> names) throws CsvTable.RowException {
        for (String n : names) {
            if (row.has(n)) {
                return Cells.text(row.get(n));
            }
        }
        throw new CsvTable.RowException("no column among " + names);
    }

    private static void genericCsv(Reader in, RowSink sink) throws IOException {
        CsvTable.read(in, List.of("source", "target"), sink, (row, out) -> {
            String source = Cells.text(row.get("source"));
            String target = Cells.text(row.get("target"));
            if (source == null || target == null) {
                throw new CsvTable.RowException("empty source or target id");
            }
            String type = Cells.text(row.get("type"));
            String ts = Cells.text(row.has("timestamp") ? row.get("timestamp") : row.get("time"));
            long time = Activity.NO_TIME;
            if (ts != null) {
                try {
                    time = Times.parse(ts);
                } catch (DateTimeException e) {
                    throw new CsvTable.RowException("unparseable timestamp '" + ts + "'");
                }
            }
            double weight = weight(Cells.text(row.get("weight")));
            out.edge(new EdgeRow(source, target, false, type, time, weight));
        });
    }

    private static double weight(String w) throws CsvTable.RowException {
        if (w == null) {
            return 1.0;
        }
        try {
            double d = Double.parseDouble(w);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CsvTable.RowException("unparseable weight '" + w + "'");
        }
    }

    private static void snap(Reader in, RowSink sink) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        String line;
        long lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("%")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length < 2 || parts.length > 3) {
                sink.reject(lineNo, "expected 2 or 3 whitespace-separated fields, found " + parts.length, line);
                continue;
            }
            EdgeRow edge;
            try {
                edge = parts.length == 3
                        ? new EdgeRow(parts[0], parts[1], true, null, Activity.NO_TIME, weight(parts[2]))
                        : EdgeRow.follow(parts[0], parts[1]);
            } catch (CsvTable.RowException e) {
                sink.reject(lineNo, e.getMessage(), line);
                continue;
            }
            sink.edge(edge);
            sink.endRecord();
        }
    }
}
