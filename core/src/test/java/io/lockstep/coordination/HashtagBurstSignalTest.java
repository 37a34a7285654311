package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hashtag-burst on hand-built archives: a push of fresh accounts posting new hashtags in bursts of two hours (found),
 * a fandom's hashtag projects copied from a fanbase's posted template and a club's match-day crowds (not), and the
 * phases of {@link HashtagSources} (routes, sources, the filter's verdict).
 */
class HashtagBurstSignalTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    static final long START = 1_700_000_000L;
    static final long DAY = 86_400L;
    static final long HOUR = 3_600L;

    /**
     * A month of ordinary hashtag use: 1,000 old accounts each post 12 tweets at random times, each with one of 60
     * topic hashtags (Zipf-like: topic i drawn with weight 1 / (i + 1)) half of the time. With {@code push}, 40
     * accounts created within two days of each other a month earlier post two new hashtags, each in a burst of two
     * hours, one to three posts each, every post a varied slogan (one of 20, with random words added). With
     * {@code fandom}, a fanbase account posts four hashtag projects, each a "HASHTAG PROJECT" announcement with the new
     * hashtag and a template text an hour before the start; 300 fans (70 % follow the fanbase) take part with
     * probability 0.6 each time: they retweet the announcement and post the template (some with emoji) within 90
     * minutes of the start. With {@code sports}, a club followed by its 500 fans plays four matches, each with a new
     * match hashtag: half of the fans post it one to three times within two hours of kick-off and the club posts it
     * with each of its goals; the first match is the one-tag crowd of 500 fans within minutes of kick-off.
     */
    static Timeline world(boolean push, boolean fandom, boolean sports, long seed) {
        Random r = new Random(seed);
        Timeline t = new Timeline();
        ordinaryMonth(t, r, q -> zipf(q, 60));
        if (push) {
            List<String> slogans = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                slogans.add("slogan " + i + " demands justice for the people now");
            }
            pushAccounts(t, r, 40, 3);
            for (int burst = 0; burst < 2; burst++) {
                String tag = "NewTag" + burst + "Now";
                long t0 = START + (5 + 12 * burst) * DAY + 14 * HOUR;
                for (int m = 0; m < 40; m++) {
                    int posts = 1 + r.nextInt(3);
                    for (int j = 0; j < posts; j++) {
                        String text = slogans.get(r.nextInt(20)) + " " + Long.toString(r.nextLong(), 36);
                        t.tweet("p" + burst + "-" + m + "-" + j, "push" + m, t0 + (long) (r.nextDouble() * 2 * HOUR),
                                text, List.of(tag), List.of());
                    }
                }
            }
        }
        if (fandom) {
            t.b.account("fanbase", "fanbase", START - 900 * DAY, 90_000);
            for (int f = 0; f < 300; f++) {
                String u = "fan" + f;
                t.b.account(u, u, START - (long) (r.nextDouble() * 2000) * DAY, 150);
                if (r.nextDouble() < 0.7) {
                    t.b.addFollow(u, "fanbase");
                }
            }
            for (int project = 0; project < 4; project++) {
                String tag = "IdolProject" + project;
                long t0 = START + (3 + 6 * project) * DAY + 11 * HOUR;
                String template = "we love you forever our idol project " + project + " stream the song";
                String ann = "ann" + project;
                t.tweet(ann, "fanbase", t0 - HOUR, "HASHTAG PROJECT " + template + " #" + tag, List.of(tag),
                        List.of());
                for (int f = 0; f < 300; f++) {
                    if (r.nextDouble() < 0.6) {
                        String u = "fan" + f;
                        t.b.addPost("rt-" + ann + "-" + f, u, t0 - HOUR + 60 + r.nextInt(3000), PostKind.RETWEET, ann,
                                null, null, List.of(), List.of(), List.of());
                        for (int j = 0; j <= r.nextInt(3); j++) {
                            long when = t0 + Math.min(89 * 60, (long) (480 * Math.exp(r.nextGaussian())));
                            t.tweet("fp" + project + "-" + f + "-" + j, u, when,
                                    template + (r.nextBoolean() ? " 💜💜" : ""), List.of(tag), List.of());
                        }
                    }
                }
            }
        }
        if (sports) {
            club(t, r, 500);
            for (int match = 0; match < 4; match++) {
                String tag = "ClubVsRival" + match;
                long kick = START + (2 + 7 * match) * DAY + 18 * HOUR;
                for (int f = 0; f < 500; f++) {
                    if (match == 0) {
                        t.tweet("kick-" + f, "supporter" + f, kick + r.nextInt(300), "here we go " + f,
                                List.of(tag), List.of());
                    } else if (r.nextBoolean()) {
                        for (int j = 0; j <= r.nextInt(3); j++) {
                            t.tweet("s" + match + "-" + f + "-" + j, "supporter" + f,
                                    kick + r.nextInt((int) (2 * HOUR)), "come on lads " + r.nextInt(1000),
                                    List.of(tag), List.of());
                        }
                    }
                }
                goals(t, r, match, tag, kick);
            }
        }
        return t;
    }

    /**
     * A month of ordinary use: 1,000 old accounts each post 12 tweets at random times, half of them with a topic
     * hashtag whose number {@code topic} draws.
     */
    static void ordinaryMonth(Timeline t, Random r, ToIntFunction<Random> topic) {
        for (int a = 0; a < 1000; a++) {
            String u = "user" + a;
            t.b.account(u, u, START - (long) (r.nextDouble() * 4000) * DAY, 200);
            for (int j = 0; j < 12; j++) {
                List<String> tags = r.nextBoolean() ? List.of("topic" + topic.applyAsInt(r)) : List.of();
                t.tweet(u + "-" + j, u, START + (long) (r.nextDouble() * 30 * DAY), "words of " + u + " " + j, tags,
                        List.of());
            }
        }
    }

    /** {@code n} accounts ("push0", ...) created within two days a month before the archive's start. */
    static void pushAccounts(Timeline t, Random r, int n, int followers) {
        for (int m = 0; m < n; m++) {
            t.b.account("push" + m, "push" + m, START - 30 * DAY + (long) (r.nextDouble() * 2 * DAY), followers);
        }
    }

    /** A club of 500,000 followers, of whom the archive holds {@code fans} old accounts ("supporter0", ...). */
    static void club(Timeline t, Random r, int fans) {
        t.b.account("club", "club", START - 3000 * DAY, 500_000);
        for (int f = 0; f < fans; f++) {
            String u = "supporter" + f;
            t.b.account(u, u, START - (long) (r.nextDouble() * 3000) * DAY, 300);
            t.b.addFollow(u, "club");
        }
    }

    /** The club's one to three goal posts of one match, each with the match's hashtag, within the match. */
    static void goals(Timeline t, Random r, int match, String tag, long kick) {
        for (int g = 0; g < 1 + r.nextInt(3); g++) {
            t.tweet("goal" + match + "-" + g, "club", kick + 600 + r.nextInt(6000), "GOAL! #" + tag, List.of(tag),
                    List.of());
        }
    }

    private static int zipf(Random r, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / (i + 1);
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            x -= 1.0 / (i + 1);
            if (x <= 0) {
                return i;
            }
        }
        return n - 1;
    }

    @Test
    void aPushOfFreshAccountsPostingTwoNewHashtagsInTwoBurstsIsFoundWhereCoHashtagSeesLittle() {
        Activity a = world(true, false, false, 3).build();
        CoordinationParams p = CoordinationParams.defaults();
        SignalGraph burst = new HashtagBurstSignal(p).graph(a, P, T);
        SignalGraph fast = new CoHashtagSignal(p).graph(a, P, T);
        // two hashtags only: co-hashtag's three shared hashtags cannot be met
        assertThat(PrefixEdges.among(fast, a, "push")).isZero();
        // 780 push pairs, each sharing both hashtags within two hours on nearly every draw
        assertThat(PrefixEdges.among(burst, a, "push")).isGreaterThan(600);
        assertThat(burst.edges().size()).isEqualTo(PrefixEdges.among(burst, a, "push"));
        CoordinationEdge e = burst.edges().get(0);
        assertThat(e.signal()).isEqualTo("hashtag-burst");
        assertThat(e.evidence()).isNotEmpty().allMatch(ev -> ev.item().toLowerCase(Locale.ROOT).startsWith("#newtag"));
    }

    @Test
    void aFandomsHashtagProjectsCopiedFromAPostedTemplateAreNotLinked() {
        Activity a = world(false, true, false, 4).build();
        SignalGraph burst = new HashtagBurstSignal(CoordinationParams.defaults()).graph(a, P, T);
        assertThat(PrefixEdges.touching(burst, a, "fan")).isZero();
        assertThat(burst.edges()).isEmpty();
    }

    @Test
    void aClubsMatchDayCrowdsAreNotLinked() {
        Activity a = world(false, false, true, 5).build();
        SignalGraph burst = new HashtagBurstSignal(CoordinationParams.defaults()).graph(a, P, T);
        assertThat(PrefixEdges.touching(burst, a, "supporter")).isZero();
        assertThat(PrefixEdges.touching(burst, a, "club")).isZero();
    }

    @Test
    void endToEndThePushIsOneSuspiciousClusterAndTheCrowdsAreNotFlagged() {
        Activity a = world(true, true, true, 6).build();
        CoordinationParams p = CoordinationParams.defaults()
                .withSignals(Set.of("co-hashtag", "hashtag-burst", "co-retweet"));
        CoordinationResult r = new CoordinationDetector(p).run(a, P, T);
        int[] flagged = PrefixEdges.accounts(r.suspiciousAccounts(), a, "push");
        assertThat(flagged[0]).isEqualTo(40);
        assertThat(flagged[1]).isZero();
        Cluster c = r.clusters().stream().filter(x -> x.score() >= 0.5).findFirst().orElseThrow();
        assertThat(c.kind()).isEqualTo("botnet");
        assertThat(c.signals()).containsExactly("hashtag-burst");
    }

    @Test
    void aSourceIsAnAccountHalfOfTheHashtagsOtherUsersFollowOrRetweetedOnIt() {
        // hashtag h used by s (first), a, b, c, d; a and b follow s, c retweeted s's post with h, d has no route;
        // hashtag k used by a, b, c: a follows b only, so k has no source (1 of 2 others)
        Timeline t = new Timeline();
        t.accounts("s", "a", "b", "c", "d");
        t.b.addFollow("a", "s");
        t.b.addFollow("b", "s");
        t.b.addFollow("a", "b");
        t.tweet("s1", "s", 1000, "x", List.of("h"), List.of());
        t.b.addPost("c-rt", "c", 1010, PostKind.RETWEET, "s1", null, null, List.of(), List.of(), List.of());
        t.tweet("a1", "a", 1100, "x", List.of("h"), List.of());
        t.tweet("b1", "b", 1200, "x", List.of("h"), List.of());
        t.tweet("c1", "c", 1300, "x", List.of("h"), List.of());
        t.tweet("d1", "d", 1400, "x", List.of("h"), List.of());
        t.tweet("a2", "a", 2000, "x", List.of("k"), List.of());
        t.tweet("b2", "b", 2100, "x", List.of("k"), List.of());
        t.tweet("c2", "c", 2200, "x", List.of("k"), List.of());
        // hashtag z: a, then b and c days later: not ephemeral (2 of 3 uses more than the window after the first)
        t.tweet("a3", "a", 3000, "x", List.of("z"), List.of());
        t.tweet("b3", "b", 3000 + 3 * DAY, "x", List.of("z"), List.of());
        t.tweet("c3", "c", 3000 + 5 * DAY, "x", List.of("z"), List.of());
        Activity act = t.build();
        SortedActions sorted = SortedActions.of("test", CoHashtagSignal.actions(act), act.accountCount());
        HashtagSources sources = new HashtagSources(sorted, act, 7200);
        int s = t.id("s"), a = t.id("a"), b = t.id("b"), c = t.id("c"), d = t.id("d");
        int hEnd = sorted.itemEnd(0); // the hashtags sort as h, k
        assertThat(hEnd).isEqualTo(5);
        assertThat(sources.sources(0, hEnd)).containsExactly(s);
        assertThat(sources.routes(a, s)).isTrue();
        assertThat(sources.routes(c, s)).isTrue();
        assertThat(sources.routes(d, s)).isFalse();
        assertThat(sources.routes(s, s)).isTrue();
        // explained: both read s, or one of them is s; counted: d has no route to s
        assertThat(sources.counts(0, hEnd, CoordinationEdge.pairKey(a, b))).isFalse();
        assertThat(sources.counts(0, hEnd, CoordinationEdge.pairKey(a, c))).isFalse();
        assertThat(sources.counts(0, hEnd, CoordinationEdge.pairKey(s, b))).isFalse();
        assertThat(sources.counts(0, hEnd, CoordinationEdge.pairKey(a, d))).isTrue();
        // k: b is followed by a only (1 of the 2 others): no source, every pair counts
        assertThat(sources.sources(hEnd, sorted.itemEnd(hEnd))).isEmpty();
        assertThat(sources.counts(hEnd, sorted.itemEnd(hEnd), CoordinationEdge.pairKey(a, b))).isTrue();
        int zStart = sorted.itemEnd(hEnd);
        int zEnd = sorted.itemEnd(zStart);
        assertThat(sources.ephemeral(0, hEnd)).isTrue();
        assertThat(sources.ephemeral(zStart, zEnd)).isFalse();
        assertThat(sources.counts(zStart, zEnd, CoordinationEdge.pairKey(b, c))).isFalse();
        assertThat(sources.pairs(CoActionScanner.MAX_ITEM_ACCOUNTS)).isTrue();
        assertThat(sources.pairs(CoActionScanner.MAX_ITEM_ACCOUNTS + 1)).isFalse();
    }
    @Test
    void theActionsAreOnePerDistinctHashtagOfEachAuthoredPost() {
        Timeline t = new Timeline();
        t.accounts("a", "b");
        t.tweet("t1", "a", 100, "x", List.of("h", "k", "h"), List.of());
        t.b.addPost("rt1", "b", 200, PostKind.RETWEET, "t1", null, null, List.of("h"), List.of(), List.of());
        t.b.addPost("q1", "b", 300, PostKind.QUOTE, "t1", null, "y", List.of("k"), List.of(), List.of());
        Activity act = t.build();
        Actions actions = CoHashtagSignal.actions(act);
        // t1: h and k once each; the retweet none; the quote k
        assertThat(actions.size()).isEqualTo(3);
    }
}
