package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a table of shares, one row per (post, shared object) as the coordination tools write them (CooRTweet's
 * {@code object_id, account_id, content_id, timestamp_share}; CooRnet's CrowdTangle link shares, unnested to one
 * row per link), and gives one post per content id with all its objects. The rows of one post need not be
 * adjacent, so the table is held in memory until its end (about 200 bytes a row). Each post is one record with its
 * rows, followed by one empty record per further row of the same post, so that the record count is the row count.
 */
final class SharesTable {
    /** One post's rows gathered so far. */
    static final class Share {
        final String post;
        final String account;
        final long time;
        final long line;
        final List<String> objects = new ArrayList<>(1);
        AccountRow profile;
        String text;
        String client;
        long likes = -1;
        long shares = -1;
        int rows;

        Share(String post, String account, long time, long line) {
            this.post = post;
            this.account = account;
            this.time = time;
            this.line = line;
        }
    }

    /** Reads one row into a share: the post id, account, time and object, or a {@link CsvTable.RowException}. */
    @FunctionalInterface
    interface RowReader {
        /** The row as a share of its objects (with its profile and text when the table gives them). */
        Share read(CsvTable.Row row, long line) throws CsvTable.RowException;
    }

    /** Turns a gathered share into its rows. */
    @FunctionalInterface
    interface Emitter {
        void emit(Share share, RowConsumer out);
    }

    private SharesTable() {
    }

    /**
     * Reads the table; a row adding a distinct object beyond {@code maxObjects} to a post is rejected, and so is a
     * row giving a post another account or time than its first row.
     */
    static void read(Reader in, List<String> required, int maxObjects, RowSink sink, RowReader reader,
                     Emitter emitter) throws IOException {
        Map<String, Share> shares = new LinkedHashMap<>();
        long[] line = {0};
        // the handler below gives no rows; the records of gathered rows are ended when their posts are given
        RowSink gather = new RowSink.Ignoring() {
            @Override
            public void reject(long l, String reason, String raw) {
                sink.reject(l, reason, raw);
            }
        };
        CsvTable.read(in, required, gather, (row, out) -> {
            line[0]++;
            Share s = reader.read(row, line[0]);
            Share known = shares.get(s.post);
            if (known == null) {
                s.rows = 1;
                shares.put(s.post, s);
                return;
            }
            if (!known.account.equals(s.account) || known.time != s.time) {
                throw new CsvTable.RowException("post " + s.post + " is shared by account " + known.account
                        + " at " + known.time + " (line " + known.line + "), here by " + s.account + " at " + s.time);
            }
            for (String o : s.objects) {
                if (!known.objects.contains(o)) {
                    if (known.objects.size() >= maxObjects) {
                        throw new CsvTable.RowException("post " + s.post + " already shares " + known.objects
                                + "; a post links at most " + maxObjects + " shared objects here");
                    }
                    known.objects.add(o);
                }
            }
            known.rows++;
        });
        for (Share s : shares.values()) {
            emitter.emit(s, sink);
            sink.endRecord();
            for (int i = 1; i < s.rows; i++) {
                sink.endRecord();
            }
        }
    }

    /** The time of a share, or a row exception naming the column. */
    static long time(String text, String column) throws CsvTable.RowException {
        String t = Cells.text(text);
        if (t == null) {
            throw new CsvTable.RowException("empty " + column);
        }
        try {
            return Times.parse(t);
        } catch (DateTimeException | ArithmeticException e) {
            throw new CsvTable.RowException("unparseable " + column + " '" + t + "'");
        }
    }

    static String required(CsvTable.Row row, String column) throws CsvTable.RowException {
        String v = Cells.text(row.get(column));
        if (v == null) {
            throw new CsvTable.RowException("empty " + column);
        }
        return v;
    }
}
