package io.lockstep.spark;

import io.lockstep.importer.AccountRow;
import io.lockstep.importer.ArchiveParsing;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.Format;
import io.lockstep.importer.PostRow;
import io.lockstep.importer.RowSink;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a file in ranges ({@link FileSplits}) against reading it whole ({@link ArchiveParsing#parse}): the same
 * rows, rejects (reason, raw text and line) and skips, in the same order, on randomised CSV files whose quoted texts
 * hold commas, doubled quotes, line breaks (LF and CRLF) and whole fake rows, with broken rows at known lines; and
 * through Spark, the same actions table and rejects table.
 */
class FileSplitsTest {
    private static final String HEADER = "tweetid,userid,tweet_text,tweet_time,is_retweet,retweet_userid,"
            + "retweet_tweetid,in_reply_to_tweetid,hashtags,urls";

    @TempDir
    Path tmp;

    /** A generated file and the lines (1-based, as the parsers count) of the rows it broke on purpose. */
    private record Generated(Path file, List<Long> brokenLines) {
    }

    private Generated csv(String name, long seed, int rows, String eol, String poison) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("\uFEFF").append(HEADER).append(eol);
        long line = 2;
        List<Long> broken = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String text = switch (rnd.nextInt(6)) {
                case 0 -> "plain words " + i;
                case 1 -> "\"with, a comma and \"\"quotes\"\" " + i + "\"";
                case 2 -> "\"two\nlines " + i + "\"";
                case 3 -> "\"a fake row\r\n9" + i + ",u1,x,2019-03-08 13:01,False,,,,,\r\nend\"";
                case 4 -> "\"ends in a quote \"\"\"";
                default -> "\"\"";
            };
            long lines = text.chars().filter(c -> c == '\n').count();
            String time = "2019-03-08 13:" + String.format("%02d", rnd.nextInt(60));
            int kind = rnd.nextInt(14);
            String row;
            if (kind == 0) {
                row = "1" + i + ",u" + rnd.nextInt(20) + "," + text + "," + time; // too few columns
                broken.add(line);
            } else if (kind == 1) {
                row = "1" + i + ",u" + rnd.nextInt(20) + "," + text + ",3/8/2019 13:05,False,,,,,";
                broken.add(line);
            } else if (kind < 7) {
                row = "1" + i + ",u" + rnd.nextInt(20) + "," + text + "," + time + ",True,u" + rnd.nextInt(20)
                        + "," + (1000 + rnd.nextInt(15)) + ",,,";
            } else {
                row = "1" + i + ",u" + rnd.nextInt(20) + "," + text + "," + time + ",False,,,"
                        + (rnd.nextBoolean() ? "" : String.valueOf(2000 + rnd.nextInt(10))) + ","
                        + "\"[tag" + rnd.nextInt(4) + ", tag" + rnd.nextInt(4) + "]\","
                        + (rnd.nextBoolean() ? "" : "[https://example.org/" + rnd.nextInt(5) + "]");
            }
            if (kind > 1 && i > 0 && rnd.nextInt(9) == 0) {
                b.append(eol); // an empty line before a good row, skipped by the reader
                line++;
            }
            if (poison != null && i == rows * 2 / 3) {
                row = "1" + i + ",u1,\"closed\"" + poison + "," + time + ",False,,,,,";
            }
            b.append(row).append(eol);
            line += 1 + lines;
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return new Generated(file, broken);
    }

    private Path jsonl(long seed, int rows) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                b.append("{\"id\": \"9").append(i).append("\", \"text\": broken\n");
            } else if (kind == 1) {
                b.append("\r\n");
            } else {
                b.append("{\"id\":\"5").append(i).append("\",\"author_id\":\"u").append(rnd.nextInt(20))
                        .append("\",\"created_at\":\"2019-03-08T13:").append(String.format("%02d", rnd.nextInt(60)))
                        .append(":00.000Z\",\"text\":\"#tag").append(rnd.nextInt(3)).append(" words ").append(i)
                        .append("\",\"entities\":{\"hashtags\":[{\"tag\":\"tag").append(rnd.nextInt(3))
                        .append("\"}]}}").append(rnd.nextBoolean() ? "\n" : "\r\n");
            }
        }
        Path file = tmp.resolve("tweets.jsonl");
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }

    /** Everything a parser reports, as text, in order. */
    private static final class Recording implements RowSink {
        final List<String> events = new ArrayList<>();
        final List<Long> rejectLines = new ArrayList<>();

        @Override
        public void account(AccountRow account) {
            events.add("account " + account);
        }

        @Override
        public void post(PostRow post) {
            events.add("post " + post);
        }

        @Override
        public void edge(EdgeRow edge) {
            events.add("edge " + edge);
        }

        @Override
        public void reject(long line, String reason, String raw) {
            events.add("reject " + line + " " + reason + " | " + raw);
            rejectLines.add(line);
        }

        @Override
        public void endRecord() {
            events.add("end");
        }

        @Override
        public void skip(long line, String what) {
            events.add("skip " + line + " " + what);
        }
    }

    private static Recording whole(Path file) throws IOException {
        Recording r = new Recording();
        ArchiveParsing.parse(file, ArchiveParsing.formatOf(file), r);
        return r;
    }

    private static Recording split(Path file, long target, int minSplits) throws IOException {
        List<FileSplits.Split> splits = FileSplits.plan(file, ArchiveParsing.formatOf(file), target);
        assertThat(splits.size()).as("ranges of " + file.getFileName()).isGreaterThanOrEqualTo(minSplits);
        Recording r = new Recording();
        for (FileSplits.Split s : splits) {
            FileSplits.parse(s, r);
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void csvInRangesReadsAsTheWholeFile(String eol) throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            Generated g = csv("tweets-" + seed + ".csv", seed, 600, eol, null);
            Recording whole = whole(g.file());
            assertThat(whole.rejectLines).as("the broken rows' lines").isEqualTo(g.brokenLines());
            assertThat(whole.events.stream().filter(e -> e.startsWith("post")).count()).isGreaterThan(400);
            for (long target : new long[] {1, 97, 1000, 7000}) {
                Recording split = split(g.file(), target, target == 7000 ? 5 : 20);
                assertThat(split.events).as("seed " + seed + ", ranges of " + target + " B").isEqualTo(whole.events);
            }
        }
    }

    @Test
    void aQuoteTheReaderCannotCloseEndsTheCutting() throws IOException {
        for (String poison : new String[] {"x", "\u3000", " y"}) {
            Generated g = csv("poisoned.csv", 9, 600, "\n", poison);
            Recording whole = whole(g.file());
            assertThat(FileSplits.plan(g.file(), Format.INFO_OPS_TWEETS, 100)).hasSize(1);
            Recording split = split(g.file(), 100, 1);
            assertThat(split.events).as("poison '" + poison + "'").isEqualTo(whole.events);
        }
        Recording whole = whole(csv("poisoned.csv", 9, 600, "\n", "x").file());
        assertThat(whole.events.get(whole.events.size() - 1)).contains("rest of file skipped");
    }

    @Test
    void jsonLinesInRangesReadAsTheWholeFile() throws IOException {
        Path file = jsonl(4, 500);
        Recording whole = whole(file);
        assertThat(whole.rejectLines).isNotEmpty();
        assertThat(whole.events.stream().filter(e -> e.startsWith("post")).count()).isGreaterThan(300);
        for (long target : new long[] {1, 500, 5000}) {
            assertThat(split(file, target, 5).events).as("ranges of " + target + " B").isEqualTo(whole.events);
        }
    }

    @Test
    void sparkReadsTheSameActionsAndRejectsInRanges() throws IOException {
        Generated a = csv("a.csv", 11, 800, "\n", null);
        Generated b = csv("b.csv", 12, 500, "\r\n", null);
        Path c = jsonl(13, 400);
        List<Path> files = List.of(a.file(), b.file(), c);
        var spark = SharedSpark.get();
        List<String> whole = sorted(ArchiveActions.read(spark, files, Long.MAX_VALUE).collectAsList());
        List<String> split = sorted(ArchiveActions.read(spark, files, 2000).collectAsList());
        assertThat(whole.size()).isGreaterThan(1000);
        assertThat(split).isEqualTo(whole);
        List<String> rejects = sorted(ArchiveActions.rejects(spark, files, 2000).collectAsList());
        List<String> expected = new ArrayList<>();
        for (Generated g : List.of(a, b)) {
            for (long line : g.brokenLines()) {
                expected.add(g.file().toAbsolutePath() + "," + line);
            }
        }
        for (long line : whole(c).rejectLines) {
            expected.add(c.toAbsolutePath() + "," + line);
        }
        assertThat(rejects.stream().map(r -> r.substring(0, r.indexOf(',', r.indexOf(".csv,") < 0
                        ? r.indexOf(".jsonl,") + 7 : r.indexOf(".csv,") + 5))).sorted().toList())
                .isEqualTo(expected.stream().sorted().toList());
        assertThat(sorted(ArchiveActions.rejects(spark, files, Long.MAX_VALUE).collectAsList())).isEqualTo(rejects);
    }

    @Test
    void targetMustBePositive() {
        assertThatThrownBy(() -> FileSplits.plan(tmp, Format.TWITTER_JSON, 0))
                .hasMessageContaining("targetBytes");
    }

    private static List<String> sorted(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                s.append(i == 0 ? "" : ",").append(r.get(i));
            }
            out.add(s.toString());
        }
        out.sort(null);
        return out;
    }
}
