package io.lockstep.coordination;

import io.lockstep.activity.Urls;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OtherSignalsTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;

    private static String edges(SignalGraph g, Activity a) {
        StringBuilder s = new StringBuilder();
        for (CoordinationEdge e : g.edges()) {
            s.append(a.accountId(e.source())).append('-').append(a.accountId(e.target())).append(':')
                    .append(e.count()).append(' ');
        }
        return s.toString().trim();
    }

    /** The graph {@code signal} finds in {@code t}'s activity, once its edges are checked to read {@code edges}. */
    private static SignalGraph graph(CoordinationSignal signal, Timeline t, String edges) {
        Activity a = t.build();
        SignalGraph g = signal.graph(a, P, T);
        assertThat(edges(g, a)).isEqualTo(edges);
        return g;
    }

    @Test
    void coHashtagPairsAccountsUsingTheSameHashtagsWithinTheWindow() {
        // a and b use #x1..#x3 100 s apart; c uses them 400 s after a (300 s after b... 300 = window: included)
        Timeline t = new Timeline().accounts("a", "b", "c");
        for (int i = 1; i <= 3; i++) {
            long t0 = 10_000L * i;
            t.tweet("a" + i, "a", t0, "text", List.of("X" + i), List.of());
            t.tweet("b" + i, "b", t0 + 100, "text", List.of("x" + i, "X" + i), List.of());
            t.tweet("c" + i, "c", t0 + 400, "text", List.of("x" + i), List.of());
        }
        CoordinationParams p = CoordinationParams.defaults().withCoHashtag(Timeline.scanOnly(300, 3));
        SignalGraph g = graph(new CoHashtagSignal(p), t, "a-b:3 b-c:3");
        assertThat(g.edges().get(0).evidence().get(0)).isEqualTo(new Evidence("#x1", 10_000, 10_100));
        assertThat(g.actions()).isEqualTo(9); // the repeated #x in b's posts counts once
    }

    @Test
    void hashtagSequenceNeedsTheSameOrder() {
        Timeline t = new Timeline().accounts("a", "b", "c");
        for (int i = 1; i <= 2; i++) {
            long t0 = 100_000L * i;
            t.tweet("a" + i, "a", t0, "t", List.of("p" + i, "q", "r"), List.of());
            t.tweet("b" + i, "b", t0 + 600, "t", List.of("P" + i, "Q", "R"), List.of());
            t.tweet("c" + i, "c", t0 + 300, "t", List.of("q", "p" + i, "r"), List.of());
        }
        CoordinationParams p = CoordinationParams.defaults().withSequence(Timeline.scanOnly(3600, 2));
        SignalGraph g = graph(new HashtagSequenceSignal(p), t, "a-b:2");
        assertThat(g.edges().get(0).evidence()).containsExactly(new Evidence("#p1 #q #r", 100_000, 100_600),
                new Evidence("#p2 #q #r", 200_000, 200_600));
    }

    @Test
    void urlsAreNormalised() {
        assertThat(Urls.shareKey("https://www.Example.com/a/?utm_source=x&id=3#frag"))
                .isEqualTo("example.com/a?id=3");
        assertThat(Urls.shareKey("http://example.com/a")).isEqualTo("example.com/a");
        assertThat(Urls.shareKey("example.com/a/?utm_medium=m&utm_campaign=c"))
                .isEqualTo("example.com/a");
        assertThat(Urls.shareKey("https://example.com/A?b=1&utm_x=2&c=3")).isEqualTo("example.com/A?b=1&c=3");
    }

    @Test
    void coLinkMatchesNormalisedUrlsWithinTheWindow() {
        Timeline t = new Timeline().accounts("a", "b", "c");
        for (int i = 1; i <= 3; i++) {
            long t0 = 10_000L * i;
            t.tweet("a" + i, "a", t0, "see", List.of(), List.of("https://www.news.example/story" + i + "/"));
            t.tweet("b" + i, "b", t0 + 20, "see", List.of(),
                    List.of("http://news.example/story" + i + "?utm_source=tw"));
            t.tweet("c" + i, "c", t0 + 61 + 20, "see", List.of(), List.of("news.example/story" + i));
        }
        CoordinationParams p = CoordinationParams.defaults().withCoLink(Timeline.scanOnly(60, 3));
        SignalGraph g = graph(new CoLinkSignal(p), t, "a-b:3");
        assertThat(g.edges().get(0).evidence().get(2)).isEqualTo(new Evidence("news.example/story3", 30_000, 30_020));
    }

    @Test
    void coTextFindsNearDuplicatesNotOnlyExactCopies() {
        String[] scripts = {
                "The election was stolen and the media will not tell you the truth about the ballots",
                "Vaccines are being pushed by the same people who profit from every single dose sold",
        };
        Timeline t = new Timeline().accounts("a", "b", "c", "d");
        for (int i = 0; i < 2; i++) {
            long t0 = 100_000L * (i + 1);
            t.tweet("a" + i, "a", t0, scripts[i], List.of(), List.of());
            // near-duplicate: a mention, a URL, one word changed and different case
            t.tweet("b" + i, "b", t0 + 600, "@someone " + scripts[i].toUpperCase().replace("THE TRUTH", "THE FACTS")
                    .replace("EVERY SINGLE", "EACH SINGLE") + " https://t.co/xyz", List.of(), List.of());
            // unrelated text at the same time
            t.tweet("c" + i, "c", t0 + 10, i == 0 ? "I had a lovely walk in the park with my dog this morning"
                    : "Looking forward to the football match tonight with friends and family", List.of(), List.of());
            // the same text but 2 hours later: outside the 1 h window
            t.tweet("d" + i, "d", t0 + 7200, scripts[i], List.of(), List.of());
        }
        CoordinationParams p = CoordinationParams.defaults().withCoText(Timeline.scanOnly(3600, 2));
        Activity a = t.build();
        CoTextSignal signal = new CoTextSignal(p);
        int[] clusters = signal.textClusters(a, T);
        assertThat(clusters[a.postCount() - 8]).isEqualTo(clusters[a.postCount() - 7]); // a0 ~ b0
        assertThat(clusters[0]).isEqualTo(0).isEqualTo(clusters[1]).isEqualTo(clusters[3]); // a0 ~ b0 ~ d0
        assertThat(clusters[2]).isEqualTo(2); // c0 is unique: ids 0, 1 for the two scripts, then c0, c1
        assertThat(clusters[6]).isEqualTo(3);
        SignalGraph g = signal.graph(a, P, T);
        assertThat(edges(g, a)).isEqualTo("a-b:2");
        assertThat(g.edges().get(0).evidence().get(0)).isEqualTo(new Evidence("a0~b0", 100_000, 100_600));
    }

    @Test
    void minHashJaccardAndShinglesAreExact() {
        MinHasher h = new MinHasher(2, 4, 2, 1);
        long[] x = h.shingles(MinHasher.wordHashes("RT @bob one two three four"));
        long[] y = h.shingles(MinHasher.wordHashes("one two three five"));
        assertThat(x).hasSize(3); // "rt" and the mention are dropped: one-two, two-three, three-four
        assertThat(MinHasher.jaccard(x, y)).isEqualTo(2.0 / 4.0);
    }

    @Test
    void coReplyPairsRepliesToTheSamePosts() {
        Timeline t = new Timeline().accounts("target", "a", "b", "c");
        for (int i = 1; i <= 3; i++) {
            long t0 = 10_000L * i;
            t.tweet("p" + i, "target", t0);
            t.reply("a", t0 + 10, "p" + i).reply("b", t0 + 40, "p" + i).reply("c", t0 + 200, "p" + i);
        }
        CoordinationParams p = CoordinationParams.defaults().withCoReply(Timeline.scanOnly(60, 3));
        SignalGraph g = graph(new CoReplySignal(p), t, "a-b:3");
        assertThat(g.edges().get(0).evidence().get(0)).isEqualTo(new Evidence("p1", 10_010, 10_040));
    }

    @Test
    void fastRetweetNeedsConsistentlyFastRetweetsOfOneSource() {
        Timeline t = new Timeline().accounts("star", "bot", "fan", "slow");
        for (int i = 0; i < 5; i++) {
            long t0 = 10_000L * (i + 1);
            t.tweet("s" + i, "star", t0);
            t.retweet("bot", t0 + 3, "s" + i); // 5 of 5 within 10 s
            t.retweet("fan", t0 + (i < 3 ? 5 : 600), "s" + i); // 3 of 5 fast: 60% < 80%
            t.retweet("slow", t0 + 900, "s" + i);
        }
        SignalGraph g = graph(new FastRetweetSignal(CoordinationParams.defaults()), t, "star-bot:5");
        CoordinationEdge e = g.edges().get(0);
        assertThat(e.weight()).isEqualTo(1.0);
        assertThat(e.evidence().get(0)).isEqualTo(new Evidence("s0", 10_000, 10_003));
    }

    /**
     * An idol whose audience retweets slowly, one of its fans always within seconds; a seed whose five bots retweet it
     * within seconds; an ordinary source retweeted fast 5 % of the time. The quick fan passes the consistency rule, but
     * its idol's audience is no faster than the rest of the archive (4 of 394 fast against 35 of 225 elsewhere): no
     * edge. The seed's audience is (25 of 25 against 14 of 594): one edge per bot. Without the audience test
     * (maxPValue 1) the fan is linked to its idol as well.
     */
    @Test
    void fastRetweetNeedsASourceWhoseAudienceIsFasterThanTheArchives() {
        Timeline t = new Timeline().accounts("idol", "seed", "other", "quick", "bot0", "bot1", "bot2", "bot3", "bot4");
        for (int f = 0; f < 39; f++) {
            t.accounts("fan" + f);
        }
        for (int o = 0; o < 20; o++) {
            t.accounts("o" + o);
        }
        for (int i = 0; i < 10; i++) {
            long t0 = 100_000L * (i + 1);
            t.tweet("i" + i, "idol", t0);
            for (int f = 0; f < 39; f++) {
                t.retweet("fan" + f, t0 + 300 + f, "i" + i);
            }
            if (i < 4) {
                t.retweet("quick", t0 + 5, "i" + i); // 4 of 4 within 10 s
            }
            t.tweet("x" + i, "other", t0 + 50_000);
            for (int o = 0; o < 20; o++) {
                t.retweet("o" + o, t0 + 50_000 + (o == i ? 4 : 600 + o), "x" + i); // 10 of 200 fast
            }
        }
        for (int i = 0; i < 5; i++) {
            long t0 = 2_000_000L + 10_000L * i;
            t.tweet("s" + i, "seed", t0);
            for (int b = 0; b < 5; b++) {
                t.retweet("bot" + b, t0 + 2 + b, "s" + i);
            }
        }
        graph(new FastRetweetSignal(CoordinationParams.defaults()), t,
                "seed-bot0:5 seed-bot1:5 seed-bot2:5 seed-bot3:5 seed-bot4:5");
        CoordinationParams.FastRetweetParams d = CoordinationParams.defaults().fastRetweet();
        graph(new FastRetweetSignal(CoordinationParams.defaults().withFastRetweet(
                        new CoordinationParams.FastRetweetParams(d.maxDelay(), d.minCount(), d.minShare(), 1.0))), t,
                "idol-quick:4 seed-bot0:5 seed-bot1:5 seed-bot2:5 seed-bot3:5 seed-bot4:5");
    }
}
