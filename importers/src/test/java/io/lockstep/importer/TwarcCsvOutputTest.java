package io.lockstep.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real output of {@code twarc2 csv} (twarc-csv d77da93 run on three of its own test captures, see
 * {@code twarc-csv/csv/README.md}) against the JSON lines it was made from: every tweet the CSV holds reads as the
 * same post through either parser — author, time, references, hashtags, URLs, language, text and counts — and the
 * mentions the CSV can name (by username only) are a subset of the JSON's.
 */
class TwarcCsvOutputTest {
    private static final Path DIR = Path.of("src/test/resources/twarc-csv");

    @ParameterizedTest
    @ValueSource(strings = {"noflat", "brexit", "kpop"})
    void everyTweetOfTheCsvIsTheSamePostAsInTheJsonItWasMadeFrom(String capture) throws IOException {
        Path csv = DIR.resolve("csv").resolve(capture + ".csv.gz");
        assertThat(FormatDetector.formatOf(csv)).isEqualTo(Format.TWARC_CSV);
        CollectingSink fromCsv = CollectingSink.parse(Format.TWARC_CSV, csv);
        CollectingSink fromJson = CollectingSink.parse(Format.TWITTER_JSON, DIR.resolve(capture + ".jsonl.gz"));
        assertThat(fromCsv.rejects).isEmpty();
        assertThat(fromCsv.posts).hasSize(100);
        Map<String, PostRow> json = fromJson.posts.stream()
                .collect(Collectors.toMap(PostRow::id, Function.identity(), (a, b) -> a));
        for (PostRow c : fromCsv.posts) {
            PostRow j = json.get(c.id());
            assertThat(j).as("tweet %s of %s in the JSON", c.id(), capture).isNotNull();
            assertThat(c).as("tweet %s of %s", c.id(), capture).usingRecursiveComparison()
                    .ignoringFields("text", "urls", "mentions", "likeCount").isEqualTo(j);
            assertThat(c.text()).as("text of %s", c.id()).isEqualTo(j.text().replace("\r", ""));
            assertThat(c.likeCount()).as("likes of %s", c.id()).isEqualTo(c.retweetOf() != null ? -1 : j.likeCount());
            assertThat(j.mentions()).as("mentions of %s", c.id()).containsAll(c.mentions());
            // twarc-csv keeps a link's expanded_url; the JSON parser prefers the API's unwound_url when given, and a
            // retweet whose own entity was unwound and whose original's was not holds that link in both forms
            assertThat(c.urls().size()).as("links of %s", c.id()).isBetween(Math.min(1, j.urls().size()), j.urls().size());
        }
        Set<String> authors = new HashSet<>();
        fromCsv.posts.forEach(p -> authors.add(p.authorId()));
        assertThat(fromCsv.accounts.stream().map(AccountRow::id).collect(Collectors.toSet())).containsAll(authors);
    }
}
