package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoRetweetSignalTest {

    private static String edges(SignalGraph g, Timeline t) {
        StringBuilder s = new StringBuilder();
        for (CoordinationEdge e : g.edges()) {
            s.append(t.b.build().accountId(e.source())).append('-').append(t.b.build().accountId(e.target()))
                    .append(':').append(e.count()).append(' ');
        }
        return s.toString().trim();
    }

    /**
     * Four originals at t = 1000, 2000, 3000, 4000. a retweets each at +5 s, b at +30 s, e at +64 s, c at +100 s,
     * f only the first two at +6 s. With a 60 s window: a–b (25 s) on 4 originals, a–e (59 s) and b–e (34 s) on 4,
     * c is 36 s after e: c–e on 4 too, c–a (95 s) and c–b (70 s) never; f–a and f–b on only 2 originals (< 3).
     * a (+5) and e (+64) straddle the edge of a fixed 60 s bin starting at each original: a sliding window keeps them.
     */
    private static Timeline fourOriginals() {
        Timeline t = new Timeline().accounts("src", "a", "b", "c", "e", "f");
        for (int i = 1; i <= 4; i++) {
            long t0 = 1000L * i;
            t.tweet("o" + i, "src", t0);
            t.retweet("a", t0 + 5, "o" + i).retweet("b", t0 + 30, "o" + i).retweet("e", t0 + 64, "o" + i)
                    .retweet("c", t0 + 100, "o" + i);
            if (i <= 2) {
                t.retweet("f", t0 + 6, "o" + i);
            }
        }
        return t;
    }

    @Test
    void slidingWindowFindsExactlyTheExpectedPairs() {
        Timeline t = fourOriginals();
        CoordinationParams p = CoordinationParams.defaults().withCoRetweet(Timeline.scanOnly(60, 3));
        SignalGraph g = new CoRetweetSignal(p).graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);

        assertThat(edges(g, t)).isEqualTo("a-b:4 a-e:4 b-e:4 c-e:4");
        CoordinationEdge ab = g.edges().get(0);
        assertThat(ab.signal()).isEqualTo("co-retweet");
        assertThat(ab.evidence()).hasSize(4);
        assertThat(ab.evidence().get(0)).isEqualTo(new Evidence("o1", 1005, 1030));
        assertThat(g.actions()).isEqualTo(18);
        // f pairs with a and b on 2 originals each (a–f 1 s, b–f 24 s), e–f 58 s: 3 candidate pairs below k
        assertThat(g.candidatePairs()).isEqualTo(4 + 3);
    }

    @Test
    void windowAndThresholdAreConfigurable() {
        Timeline t = fourOriginals();
        SignalGraph wide = new CoRetweetSignal(CoordinationParams.defaults().withCoRetweet(Timeline.scanOnly(100, 2)))
                .graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(edges(wide, t)).isEqualTo("a-b:4 a-c:4 a-e:4 a-f:2 b-c:4 b-e:4 b-f:2 c-e:4 c-f:2 e-f:2");
        SignalGraph narrow = new CoRetweetSignal(CoordinationParams.defaults().withCoRetweet(Timeline.scanOnly(30, 3)))
                .graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(edges(narrow, t)).isEqualTo("a-b:4");
    }

    @Test
    void viralOriginalsWeighLessThanObscureOnes() {
        // x and y share 3 obscure originals; u and v share 3 originals that 40 other accounts also retweet
        Timeline t = new Timeline().accounts("src", "x", "y", "u", "v");
        for (int i = 0; i < 3; i++) {
            long t0 = 10_000L * (i + 1);
            t.tweet("obscure" + i, "src", t0).retweet("x", t0 + 1, "obscure" + i).retweet("y", t0 + 2, "obscure" + i);
            t.tweet("viral" + i, "src", t0 + 5000).retweet("u", t0 + 5001, "viral" + i)
                    .retweet("v", t0 + 5002, "viral" + i);
            for (int k = 0; k < 40; k++) {
                t.retweet("fan" + k, t0 + 5100 + 100 * k, "viral" + i);
            }
            // every account also retweets one original of its own, so that the norms are not the shared items only
            t.tweet("own" + i, "src", t0 + 9000);
        }
        for (String acc : List.of("x", "y", "u", "v")) {
            for (int i = 0; i < 3; i++) {
                t.retweet(acc, 10_000L * (i + 1) + 9000 + acc.charAt(0), "own" + i);
            }
        }
        SignalGraph g = new CoRetweetSignal(CoordinationParams.defaults().withCoRetweet(Timeline.scanOnly(60, 3)))
                .graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        CoordinationEdge xy = find(g, t.id("x"), t.id("y"));
        CoordinationEdge uv = find(g, t.id("u"), t.id("v"));
        // all four retweet own0..2 within 60 s of each other too: 6 shared for each pair
        assertThat(xy.count()).isEqualTo(6);
        assertThat(uv.count()).isEqualTo(6);
        assertThat(xy.weight()).isGreaterThan(uv.weight());
    }

    @Test
    void heavyPosterIsExplainedByVolumeButABotPairIsNot() {
        Random random = new Random(7);
        Timeline t = new Timeline().accounts("src", "heavy", "bot1", "bot2");
        for (int i = 0; i < 200; i++) {
            t.tweet("o" + i, "src", 100_000L * (i + 1));
            t.retweet("heavy", 100_000L * (i + 1) + 1, "o" + i);
        }
        for (int a = 0; a < 50; a++) {
            for (int j = 0; j < 4; j++) {
                int i = random.nextInt(200);
                t.retweet("user" + a, 100_000L * (i + 1) + 2 + random.nextInt(20), "o" + i);
            }
        }
        for (int j = 0; j < 5; j++) {
            long t0 = 50_000_000L + 1000L * j;
            t.tweet("seed" + j, "src", t0).retweet("bot1", t0 + 3, "seed" + j).retweet("bot2", t0 + 4, "seed" + j);
        }
        SignalGraph g = new CoRetweetSignal(CoordinationParams.defaults())
                .graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(g.edges()).extracting(e -> t.b.build().accountId(e.source()) + "-"
                + t.b.build().accountId(e.target())).containsExactly("bot1-bot2");
        // without the null model and the cosine, the heavy poster pairs with every user sharing 3+ originals
        SignalGraph raw = new CoRetweetSignal(CoordinationParams.defaults().withCoRetweet(Timeline.scanOnly(60, 3)))
                .graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(raw.edges()).anyMatch(e -> e.source() == t.id("heavy") || e.target() == t.id("heavy"));
    }

    /**
     * x and y retweet 3 originals 2 s apart; besides, each retweets 60 originals of its own. When nobody else
     * retweets those 60 (a sparse sample: most of an account's items are its alone), they cannot be shared and stay
     * out of the norm: the cosine is 1 and the pair is an edge. When a third account also retweets each of them, hours
     * later, they could have been shared: they enter the norm, the cosine is 3/63 and the pair is dropped. 100
     * background accounts with 10 retweets each, all 2 h apart, give the null model a realistic coincidence rate.
     */
    @Test
    void itemsNoOtherAccountActedOnDoNotDiluteTheCosine() {
        for (boolean othersShareable : new boolean[] {false, true}) {
            Timeline t = new Timeline().accounts("src", "x", "y", "z");
            for (int a = 0; a < 100; a++) {
                for (int i = 0; i < 10; i++) {
                    String o = "bg" + a + "-" + i;
                    long t0 = 5_000_000L + 7200L * (10 * a + i);
                    t.tweet(o, "src", t0).retweet("b" + a, t0 + 1, o);
                }
            }
            for (int i = 0; i < 3; i++) {
                long t0 = 10_000L * (i + 1);
                t.tweet("both" + i, "src", t0).retweet("x", t0 + 1, "both" + i).retweet("y", t0 + 3, "both" + i);
            }
            for (int i = 0; i < 60; i++) {
                long t0 = 1_000_000L + 10_000L * i;
                t.tweet("xo" + i, "src", t0).retweet("x", t0 + 1, "xo" + i);
                t.tweet("yo" + i, "src", t0 + 5000).retweet("y", t0 + 5001, "yo" + i);
                if (othersShareable) {
                    t.retweet("z", t0 + 3 * 3600, "xo" + i).retweet("z", t0 + 4 * 3600, "yo" + i);
                }
            }
            SignalGraph g = new CoRetweetSignal(CoordinationParams.defaults())
                    .graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            assertThat(edges(g, t)).as("others shareable: " + othersShareable)
                    .isEqualTo(othersShareable ? "" : "x-y:3");
        }
    }

    @Test
    void maxNeighboursBoundsPairsPerAction() {
        Timeline t = new Timeline().accounts("src");
        for (int i = 0; i < 3; i++) {
            t.tweet("o" + i, "src", 1000L * (i + 1));
            for (int a = 0; a < 5; a++) {
                t.retweet("acc" + a, 1000L * (i + 1) + a, "o" + i);
            }
        }
        CoordinationParams p = CoordinationParams.defaults().withCoRetweet(Timeline.scanOnly(60, 3)).withMaxNeighbours(1);
        SignalGraph g = new CoRetweetSignal(p).graph(t.build(), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        // each retweet pairs only with the next one: acc0-acc1, acc1-acc2, acc2-acc3, acc3-acc4
        assertThat(edges(g, t)).isEqualTo("acc0-acc1:3 acc1-acc2:3 acc2-acc3:3 acc3-acc4:3");
    }

    @Test
    void stopsWhenTerminated() {
        Activity a = fourOriginals().build();
        Timeline many = new Timeline().accounts("src");
        for (int i = 0; i < 5000; i++) {
            many.tweet("o" + i, "src", i * 1000L).retweet("x" + (i % 7), i * 1000L + 1, "o" + i);
        }
        assertThatThrownBy(() -> new CoRetweetSignal(CoordinationParams.defaults())
                .graph(many.build(), ProgressListener.NONE, () -> false))
                .isInstanceOf(CancellationException.class);
        assertThat(a.accountCount()).isEqualTo(6);
    }

    static CoordinationEdge find(SignalGraph g, int u, int v) {
        int lo = Math.min(u, v), hi = Math.max(u, v);
        return g.edges().stream().filter(e -> e.source() == lo && e.target() == hi).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + lo + "-" + hi + " in " + g.edges()));
    }
}
