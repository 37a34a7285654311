package io.lockstep.importer;

import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.SimulationSummary;
import io.lockstep.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's files are read by the importers' own parsers without a single reject (the format contract). */
class SimulatedArchiveParseTest {
    @TempDir
    Path dir;

    /** {accounts, posts, edges, rejects, records, retweets}. */
    static long[] parse(Path file, Format expected) throws IOException {
        assertThat(FormatDetector.formatOf(file)).isEqualTo(expected);
        long[] c = new long[6];
        try (Reader in = Files.newBufferedReader(file)) {
            expected.parser().parse(in, new RowSink() {
                @Override
                public void account(AccountRow account) {
                    c[0]++;
                }

                @Override
                public void post(PostRow post) {
                    c[1]++;
                    if (post.retweetOf() != null && !post.retweetOf().isEmpty()) {
                        c[5]++;
                    }
                }

                @Override
                public void edge(EdgeRow edge) {
                    c[2]++;
                }

                @Override
                public void reject(long line, String reason, String raw) {
                    c[3]++;
                }

                @Override
                public void endRecord() {
                    c[4]++;
                }
            });
        }
        return c;
    }

    /** {@link #parse}'s counts on a post file: {@code posts} posts, {@code retweets} of them retweets, no reject. */
    static void assertEveryPostAndRetweetRead(long[] counts, long posts, long retweets) {
        assertThat(counts[1]).isEqualTo(posts);
        assertThat(counts[5]).isEqualTo(retweets);
        assertThat(counts[3]).isZero();
    }

    @Test
    void everyFormatParsesWithoutRejects() throws IOException {
        SimulationSummary s = new Simulator(ScenarioConfig.preset("mixed", 1000, 2, 9L)).write(dir,
                ProgressListener.NONE);
        long retweets = s.postsByKind().get("retweet");
        long quotes = s.postsByKind().get("quote");
        long[] users = parse(dir.resolve("users.csv"), Format.INFO_OPS_USERS);
        assertThat(users[0]).isEqualTo(1000);
        assertThat(users[3]).isZero();
        assertEveryPostAndRetweetRead(parse(dir.resolve("tweets.csv"), Format.INFO_OPS_TWEETS), s.posts(), retweets);
        long[] follows = parse(dir.resolve("follows.csv"), Format.FOLLOWER_CSV);
        assertThat(follows[2]).isEqualTo(s.follows());
        assertThat(follows[3]).isZero();
        assertEveryPostAndRetweetRead(parse(dir.resolve("tweets-twarc2.csv"), Format.TWARC_CSV), s.posts(), retweets);
        long[] json = parse(dir.resolve("tweets.jsonl"), Format.TWITTER_JSON);
        assertThat(json[3]).isZero();
        assertThat(json[4]).isEqualTo(s.posts());
        // Each retweet and quote also carries its original, as the API nests it.
        assertThat(json[1]).isEqualTo(s.posts() + retweets + quotes);
        assertThat(json[5]).isEqualTo(retweets);
    }
}
