package io.lockstep.evaluate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The naive detector the simulator must defeat: flags an account when at least {@code minFast} of its retweets, and
 * at least {@code minShare} of them, came within {@code fastSeconds} of the original. It reads
 * {@code tweets-twarc2.csv} (second precision). Fans and news readers retweet fast too, so it pays in false positives
 * on the hard negatives; camouflage and slower bots make it miss. {@code O(posts)} time and memory.
 *
 * @param fastSeconds a retweet within this many seconds of its original is fast
 * @param minFast     fast retweets needed
 * @param minShare    share of the account's retweets that must be fast
 */
public record FastRetweetBaseline(long fastSeconds, int minFast, double minShare) implements ArchiveDetector {
    /** 120 s, 3 retweets, half of them. */
    public static final FastRetweetBaseline DEFAULT = new FastRetweetBaseline(120, 3, 0.5);

    @Override
    public void writeVerdicts(Path archiveDir, Path accountsCsv) throws IOException {
        Path tweets = archiveDir.resolve("tweets-twarc2.csv");
        Map<String, Long> time = new HashMap<>();
        CSVFormat in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(tweets, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, in)) {
            for (CSVRecord rec : p) {
                time.put(rec.get("id"), Instant.parse(rec.get("created_at")).getEpochSecond());
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        try (Reader r = Files.newBufferedReader(tweets, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, in)) {
            for (CSVRecord rec : p) {
                String author = rec.get("author_id");
                names.putIfAbsent(author, rec.get("author.username"));
                int[] c = counts.computeIfAbsent(author, k -> new int[2]);
                Long original = time.get(rec.get("referenced_tweets.retweeted.id"));
                if (original == null) {
                    continue;
                }
                c[0]++;
                if (Instant.parse(rec.get("created_at")).getEpochSecond() - original <= fastSeconds) {
                    c[1]++;
                }
            }
        }
        CSVFormat out = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader("account_id", "screen_name", "community", "cluster", "score", "suspicious", "signals")
                .get();
        try (Writer w = Files.newBufferedWriter(accountsCsv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, out)) {
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int retweets = e.getValue()[0];
                int fast = e.getValue()[1];
                double share = retweets == 0 ? 0 : fast / (double) retweets;
                boolean flagged = fast >= minFast && share >= minShare;
                printer.printRecord(e.getKey(), names.get(e.getKey()), "", "", String.format(Locale.ROOT, "%.3f", share),
                        flagged, flagged ? "fast-retweets" : "");
            }
        }
    }
}
