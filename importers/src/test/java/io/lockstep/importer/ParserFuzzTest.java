package io.lockstep.importer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the parsers: whatever the bytes, a parser either reports a missing header column (an IOException, the
 * file is not in its format) or reads to the end, turning every record into rows or one reject, never throwing
 * anything else. {@link #fuzz} runs its seed corpus in normal test runs (Jazzer's regression mode) and fuzzes with
 * {@code JAZZER_FUZZ=1}; {@link #mutatedSamplesNeverBreakAParser} is a bounded random-input run for every build.
 */
class ParserFuzzTest {
    private static final Format[] FORMATS = Format.values();

    @FuzzTest(maxDuration = "10s")
    void fuzz(FuzzedDataProvider data) {
        Format format = FORMATS[data.consumeInt(0, FORMATS.length - 1)];
        String text = data.consumeRemainingAsString();
        check(format, text);
    }

    @Test
    void mutatedSamplesNeverBreakAParser() throws IOException {
        SplittableRandom rnd = new SplittableRandom(20260123);
        List<String> samples = new ArrayList<>();
        for (String name : List.of("infoops_tweets.csv", "infoops_tweets_dirty.csv", "infoops_users.csv", "twarc.csv",
                "v1_statuses.jsonl", "v2_responses.jsonl", "followers.csv", "edges.csv", "snap_edges.txt")) {
            samples.add(Files.readString(ParsersTest.sample(name), StandardCharsets.UTF_8));
        }
        String noise = "\",\n\r{}[]:#\\ \u00e9\ud83d\ude31\u0000x0123456789-T:Z";
        int parsed = 0;
        for (int i = 0; i < 800; i++) {
            StringBuilder s = new StringBuilder(samples.get(rnd.nextInt(samples.size())));
            int edits = 1 + rnd.nextInt(8);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = rnd.nextInt(s.length());
                switch (rnd.nextInt(4)) {
                    case 0 -> s.insert(at, noise.charAt(rnd.nextInt(noise.length())));
                    case 1 -> s.deleteCharAt(at);
                    case 2 -> s.setLength(at);
                    default -> s.setCharAt(at, noise.charAt(rnd.nextInt(noise.length())));
                }
            }
            if (check(FORMATS[rnd.nextInt(FORMATS.length)], s.toString())) {
                parsed++;
            }
        }
        assertThat(parsed).as("most mutated inputs still get past the header").isGreaterThan(80);
    }

    /** Parses {@code text} as {@code format}; returns false when the header did not match the format. */
    private static boolean check(Format format, String text) {
        CollectingSink sink = new CollectingSink();
        try {
            format.parser().parse(new StringReader(text), sink);
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("CSV header");
            return false;
        }
        for (PostRow p : sink.posts) {
            assertThat(p.id()).isNotBlank();
            assertThat(p.authorId()).isNotBlank();
            assertThat(p.hashtags()).allSatisfy(h -> assertThat(h).isNotBlank().doesNotStartWith("#"));
        }
        for (EdgeRow e : sink.edges) {
            assertThat(e.source()).isNotBlank();
            assertThat(e.target()).isNotBlank();
        }
        String firstLine = text.lines().findFirst().orElse("");
        FormatDetector.fromHeader(firstLine.strip(), "fuzz.csv", false); // must not throw
        return true;
    }
}
