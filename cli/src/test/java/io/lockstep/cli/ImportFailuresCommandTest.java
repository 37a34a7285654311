package io.lockstep.cli;

import io.lockstep.importer.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static io.lockstep.cli.ImportStatsExportCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A file that fails as a whole: one line on stderr, exit 4, files before it loaded; --keep-going goes on. */
class ImportFailuresCommandTest {

    /** A gzipped info-ops tweets file of 2,000 rows cut in the middle of its compressed bytes. */
    static Path truncatedGzip(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("tweetid,userid,tweet_time,tweet_text\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append(1_000 + i).append(",u").append(i % 37).append(",2020-01-01 10:").append(10 + i % 40)
                    .append(",text number ").append(i * 7919L % 10_007).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        return Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
    }

    @Test
    void aTruncatedGzipIsOneLineAndExitFourUnlessKeepGoing(@TempDir Path dir) throws IOException {
        Path first = Files.writeString(dir.resolve("first.csv"), "follower,followee\nu2,u1\nu3,u1\n");
        Path cut = truncatedGzip(dir);
        Path last = Files.writeString(dir.resolve("last.csv"), "follower,followee\nu4,u1\n");

        var stopped = run(new ImportCommand(), "--store", dir.resolve("a").toString(), "--quiet", "--no-bulk",
                first.toString(), cut.toString(), last.toString());
        assertThat(stopped.exit()).isEqualTo(OneLineErrors.INPUT);
        assertThat(stopped.err()).hasLineCount(1).startsWith("import: cut.csv.gz: truncated or corrupt gzip data")
                .contains("1 file(s) before it loaded, 1 not read");
        var stats = run(new StatsCommand(), "--store", dir.resolve("a").toString());
        assertThat(stats.out().lines()).contains("follows=2", "imports=1", "imports_unfinished=1");

        var going = run(new ImportCommand(), "--store", dir.resolve("b").toString(), "--keep-going",
                first.toString(), cut.toString(), dir.resolve("missing.csv").toString(), last.toString());
        assertThat(going.exit()).as(going.err()).isZero();
        assertThat(going.err().lines().filter(l -> l.startsWith("import: "))).hasSize(2);
        assertThat(going.out()).contains("2 failed file(s)");
        assertThat(run(new StatsCommand(), "--store", dir.resolve("b").toString()).out().lines())
                .contains("follows=3");
    }

    @Test
    void formatsListsEveryFormatWithItsGraphMapping() {
        var formats = run(new FormatsCommand());
        assertThat(formats.exit()).isZero();
        for (Format f : Format.values()) {
            assertThat(formats.out()).contains(f.id() + System.lineSeparator() + "  reads: " + f.description());
        }
        assertThat(formats.out()).contains("RETWEETS Post object_id").contains("user objects -> Account");
    }
}
