package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The co-action null model that knows events ({@link EventNullModel}): its phases (an item's share of examined pairs,
 * a pair's expectation over its shared items, the edges re-tested), a club's fans using its match tags during the
 * matches (significant under the time-uniform null, explained by the matches), a botnet retweeting its seed within
 * the minute among an audience that retweets over hours (significant under both), and the timed score's lift.
 */
class EventNullModelTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    private static final long START = 1_700_000_000L / 60 * 60;
    private static final long DAY = 86_400L;

    @Test
    void anItemsShareIsItsExaminedPairsOverThePairsItCouldShow() {
        int[] four = {1, 2, 3, 4};
        assertThat(EventNullModel.share(6, four, 4, 0)).isEqualTo(1.0);
        assertThat(EventNullModel.share(3, four, 4, 0)).isEqualTo(0.5);
        assertThat(EventNullModel.share(0, four, 4, 0)).isZero();
        // a split item: the pairs it could show are those inside its account groups
        int m = 1_500;
        int[] many = new int[m];
        for (int i = 0; i < m; i++) {
            many[i] = i;
        }
        int bits = ItemPairs.groupBits(m);
        assertThat(bits).isPositive();
        int[] size = new int[1 << bits];
        for (int a : many) {
            size[ItemPairs.group(a, bits)]++;
        }
        double possible = 0;
        for (int g : size) {
            possible += g * (g - 1) / 2.0;
        }
        assertThat(EventNullModel.share(1_000, many, m, bits)).isCloseTo(1_000 / possible, within(1e-15));
    }

    /**
     * Three items: one whose four accounts act in the same minute (q = 1), one whose four act a day apart each
     * (q = 0), one whose accounts a, b act together and c, d a day later (q = 2 / 6). Every pair acted on all three,
     * whether or not it met on them: λ = 1 + 0 + 1/3 for (a, b), (a, c) and (c, d) alike.
     */
    @Test
    void aPairsExpectationSumsTheSharesOfTheItemsBothActedOn() {
        Timeline t = new Timeline().accounts("src", "a", "b", "c", "d");
        t.tweet("x", "src", START).tweet("y", "src", START).tweet("z", "src", START);
        String[] who = {"a", "b", "c", "d"};
        for (int i = 0; i < 4; i++) {
            t.retweet(who[i], START + 60 + i, "x");
            t.retweet(who[i], START + 60 + i * DAY, "y");
            t.retweet(who[i], START + 60 + (i / 2) * DAY + i, "z");
        }
        Activity a = t.build();
        SortedActions sorted = SortedActions.of(CoordinationSignal.CO_RETWEET,
                EventNullModel.actions(a, CoordinationSignal.CO_RETWEET), a.accountCount());
        long[] pairs = {CoordinationEdge.pairKey(t.id("a"), t.id("b")), CoordinationEdge.pairKey(t.id("a"), t.id("c")),
                CoordinationEdge.pairKey(t.id("c"), t.id("d"))};
        double[] lambda = EventNullModel.expectations(sorted, a.accountCount(), pairs, 60, 50, T);
        assertThat(lambda[0]).isCloseTo(1 + 0 + 2.0 / 6, within(1e-12));
        assertThat(lambda[1]).isCloseTo(1 + 0 + 2.0 / 6, within(1e-12));
        assertThat(lambda[2]).isCloseTo(1 + 0 + 2.0 / 6, within(1e-12));
    }

    @Test
    void theEdgesOfTheSignalsItCoversTakeTheLargerExpectationTheOthersStay() {
        Timeline t = new Timeline().accounts("src", "a", "b");
        for (int i = 0; i < 4; i++) {
            t.tweet("p" + i, "src", START + i * DAY);
            t.retweet("a", START + i * DAY + 60, "p" + i);
            t.retweet("b", START + i * DAY + 61, "p" + i);
        }
        Activity a = t.build();
        int u = t.id("a"), v = t.id("b");
        List<CoordinationEdge> edges = List.of(
                new CoordinationEdge(u, v, CoordinationSignal.CO_RETWEET, 0.5, 4, List.of(), 0.01),
                new CoordinationEdge(u, v, CoordinationSignal.CO_TEXT, 0.5, 4, List.of(), 0.01),
                new CoordinationEdge(u, v, CoordinationSignal.FAST_RETWEET, 1.0, 4, List.of()));
        List<CoordinationEdge> out = EventNullModel.apply(a, CoordinationParams.defaults(), edges, T);
        // the only two retweeters of four originals, a second apart on each: every shared item is a burst (q = 1)
        assertThat(out.get(0).expected()).isCloseTo(4.0, within(1e-12));
        assertThat(out.get(0).pValue()).isGreaterThan(0.5);
        assertThat(out.get(1)).isEqualTo(edges.get(1));
        assertThat(out.get(2)).isEqualTo(edges.get(2));
    }

    /**
     * Eight clubs, each followed by 40 fans, play six matches each on different days, each match with its own tag: the
     * club posts the tag at kick-off, then each of its fans posts it with probability 0.7, two to three times within
     * the 100 minutes of the match; 1,000 ordinary accounts post 12 tweets each over the month, half of them with one
     * of 60 topic tags. Minute times. Under the time-uniform null the fans' co-hashtag pairs are rare events and a
     * third of the fans (0.32) are family-wise significant; the matches explain them: none is.
     */
    @Test
    void aClubsFansUsingItsMatchTagsDuringTheMatchesAreNotSignificant() {
        Random r = new Random(5);
        Timeline t = new Timeline();
        int clubs = 8, fansPerClub = 40;
        for (int c = 0; c < clubs; c++) {
            t.accounts("club" + c);
            for (int f = 0; f < fansPerClub; f++) {
                t.accounts("fan" + c + "-" + f);
            }
        }
        for (int u = 0; u < 1_000; u++) {
            t.accounts("user" + u);
        }
        int post = 0;
        for (int c = 0; c < clubs; c++) {
            for (int match = 0; match < 6; match++) {
                long kickOff = START + (1 + 4 * match + c % 4) * DAY + (12 + c) * 3_600;
                String tag = "club" + c + "match" + match;
                t.tweet("c" + c + "-" + match, "club" + c, kickOff, "kick-off #" + tag, List.of(tag), List.of());
                for (int f = 0; f < fansPerClub; f++) {
                    if (r.nextDouble() < 0.7) {
                        int uses = 2 + r.nextInt(2);
                        for (int k = 0; k < uses; k++) {
                            t.tweet("f" + post++, "fan" + c + "-" + f, ClusterScorerTest.minute(kickOff + 60 + r.nextInt(100 * 60)),
                                    "come on #" + tag, List.of(tag), List.of());
                        }
                    }
                }
            }
        }
        for (int u = 0; u < 1_000; u++) {
            for (int k = 0; k < 12; k++) {
                List<String> tags = r.nextBoolean() ? List.of("topic" + r.nextInt(60)) : List.of();
                t.tweet("u" + post++, "user" + u, ClusterScorerTest.minute(START + r.nextDouble() * 30 * DAY), "post", tags, List.of());
            }
        }
        Activity a = t.build();
        CoordinationParams params = CoordinationParams.defaults().withSignals(Set.of(CoordinationSignal.CO_HASHTAG));
        List<CoordinationEdge> edges = new CoHashtagSignal(params).graph(a, P, T).edges();
        int[] fans = ClusterScorerTest.accountsNamed(a, "fan");
        List<CoordinationEdge> fanEdges = ClusterScorerTest.inside(edges, fans);
        assertThat(fanEdges).as("the fans' co-hashtag edges").hasSizeGreaterThan(100);
        ClusterScorer scorer = new ClusterScorer(a, params);
        assertThat(scorer.significance(fans, fanEdges)).as("under the time-uniform null").isGreaterThan(0.2);
        List<CoordinationEdge> retested = EventNullModel.apply(a, params, edges, T);
        assertThat(scorer.significance(fans, ClusterScorerTest.inside(retested, fans))).as("under the event null").isZero();
    }

    /**
     * A seed posts 60 originals over a month; 40 amplifiers retweet every one within the minute after it; 400
     * followers retweet each with probability 0.3 at any time in its first 12 hours. Minute times. The originals'
     * time profile is the audience's hours, against which the amplifiers' minute is no chance: every amplifier stays
     * significant under the event null, and no follower is.
     */
    @Test
    void aBotnetRetweetingItsSeedWithinTheMinuteAmongASlowerAudienceIsSignificant() {
        Random r = new Random(7);
        Timeline t = new Timeline().accounts("seed");
        for (int b = 0; b < 40; b++) {
            t.accounts("amp" + b);
        }
        for (int f = 0; f < 400; f++) {
            t.accounts("follower" + f);
        }
        for (int i = 0; i < 60; i++) {
            long t0 = ClusterScorerTest.minute(START + r.nextDouble() * 30 * DAY);
            t.tweet("s" + i, "seed", t0);
            for (int b = 0; b < 40; b++) {
                t.retweet("amp" + b, ClusterScorerTest.minute(t0 + 30 + r.nextInt(30)), "s" + i);
            }
            for (int f = 0; f < 400; f++) {
                if (r.nextDouble() < 0.3) {
                    t.retweet("follower" + f, ClusterScorerTest.minute(t0 + r.nextInt(12 * 3_600)), "s" + i);
                }
            }
        }
        Activity a = t.build();
        CoordinationParams params = CoordinationParams.defaults().withSignals(Set.of(CoordinationSignal.CO_RETWEET));
        List<CoordinationEdge> edges = new CoRetweetSignal(params).graph(a, P, T).edges();
        List<CoordinationEdge> retested = EventNullModel.apply(a, params, edges, T);
        ClusterScorer scorer = new ClusterScorer(a, params);
        int[] amplifiers = ClusterScorerTest.accountsNamed(a, "amp");
        assertThat(scorer.significance(amplifiers, ClusterScorerTest.inside(retested, amplifiers))).isEqualTo(1.0);
        int[] followers = ClusterScorerTest.accountsNamed(a, "follower");
        assertThat(scorer.significance(followers, ClusterScorerTest.inside(retested, followers))).isZero();
    }

    /** The timed score's significance lifts a cluster toward its share; a share below the profile leaves it. */
    @Test
    void significanceLiftsTheProfileAndNeverLowersIt() {
        assertThat(ClusterScorer.lifted(0.3, 1.0, 0.45)).isCloseTo(0.55 * 0.3 + 0.45, within(1e-12));
        assertThat(ClusterScorer.lifted(0.3, 0.0, 0.45)).isEqualTo(0.3);
        assertThat(ClusterScorer.lifted(0.3, 0.2, 0.45)).isEqualTo(0.3);
        assertThat(ClusterScorer.lifted(0.3, 1.0, 0.0)).isEqualTo(0.3);
    }
}
