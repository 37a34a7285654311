package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The readers of a follow block ({@link LockstepReaders}) and the audience factor they give ({@link ClusterScorer}),
 * on hand-built timelines: a farm of aged accounts that retweet their two clients' posts within the same minute as
 * one another, the same accounts retweeting at their own times (an audience), and the same synchrony among fans who
 * follow one another.
 */
class LockstepReadersTest {
    private static final int FOLLOWERS = 20;
    private static final int POSTS = 6;
    /** Creation times a year apart: no creation burst (aged accounts bought second-hand, not made together). */
    private static final long YEAR = 365L * 86_400;

    enum Timing { LOCKSTEP, OWN_SCHEDULE }

    /**
     * Accounts: clients c0, c1 (ids 0, 1), followers m0..m19 (2..21). Each client posts {@link #POSTS} times a day
     * apart; every follower retweets every client post, either 10 s after the previous follower (LOCKSTEP: each
     * retweet within the co-retweet window of another follower's) or 2 h apart from the next follower (OWN_SCHEDULE).
     * With {@code ties}, each follower follows the next one (a fandom that follows itself).
     */
    static Activity clients(Timing timing, boolean ties) {
        return clientsTimeline(timing, ties).build();
    }

    /** The timeline {@link #clients} builds, for tests that add to it. */
    static Timeline clientsTimeline(Timing timing, boolean ties) {
        Timeline t = new Timeline().accounts("c0", "c1");
        for (int i = 0; i < FOLLOWERS; i++) {
            t.b.account("m" + i, "m" + i, 1_300_000_000L + YEAR * (i % 10), 0);
        }
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < POSTS; k++) {
                long posted = 2_000_000_000L + 86_400L * (2 * k + c);
                t.tweet("p" + c + "_" + k, "c" + c, posted);
                for (int i = 0; i < FOLLOWERS; i++) {
                    long delay = timing == Timing.LOCKSTEP ? 600 + 10L * i : 600 + 7_200L * i;
                    t.retweet("m" + i, posted + delay, "p" + c + "_" + k);
                }
            }
        }
        for (int i = 0; i < FOLLOWERS; i++) {
            t.b.addFollow("m" + i, "c0");
            t.b.addFollow("m" + i, "c1");
            if (ties && i + 1 < FOLLOWERS) {
                t.b.addFollow("m" + i, "m" + (i + 1));
            }
        }
        return t;
    }

    private static int[] followers() {
        int[] f = new int[FOLLOWERS];
        for (int i = 0; i < FOLLOWERS; i++) {
            f[i] = 2 + i;
        }
        return f;
    }

    private static DenseBlock block() {
        return new DenseBlock(followers(), new int[]{0, 1}, 1.0, 2L * FOLLOWERS, 0.5, 1e-12);
    }

    private static LockstepReaders.Counts counts(Activity a) {
        return scorer(a).readersOf(block());
    }

    private static ClusterScorer scorer(Activity a) {
        return new ClusterScorer(a, CoordinationParams.defaults());
    }

    @Test
    void followersRetweetingTheirClientsWithinTheSameMinuteAreNotReaders() {
        LockstepReaders.Counts c = counts(clients(Timing.LOCKSTEP, false));
        assertThat(c.followers()).isEqualTo(FOLLOWERS);
        assertThat(c.posting()).isEqualTo(FOLLOWERS);
        assertThat(c.acting()).isEqualTo(FOLLOWERS);
        assertThat(c.readers()).isZero();
        assertThat(scorer(clients(Timing.LOCKSTEP, false)).audienceShare(block())).isZero();
    }

    @Test
    void followersRetweetingAtTheirOwnTimesAreReaders() {
        LockstepReaders.Counts c = counts(clients(Timing.OWN_SCHEDULE, false));
        assertThat(c.acting()).isEqualTo(FOLLOWERS);
        assertThat(c.readers()).isEqualTo(FOLLOWERS);
        assertThat(scorer(clients(Timing.OWN_SCHEDULE, false)).audienceShare(block())).isEqualTo(1.0);
    }

    @Test
    void followersInLockstepThatFollowOneAnotherAreReaders() {
        // the same synchrony as the farm, among accounts tied to one another (fans of one idol)
        LockstepReaders.Counts c = counts(clients(Timing.LOCKSTEP, true));
        assertThat(c.acting()).isEqualTo(FOLLOWERS);
        assertThat(c.readers()).isEqualTo(FOLLOWERS);
    }

    @Test
    void aClientsBlockIsHiredWhenABlocksWorthOfItsFollowersActOnItsTargetsInLockstepAndPostNothingElse() {
        // the follow signal's reading of a client's block that the interest communities explain
        // (LockstepFollowSignal#hiredBlock), on the readers' own index of posts by author
        Activity farm = clients(Timing.LOCKSTEP, false);
        LockstepReaders r = LockstepReaders.of(farm, 60, 3);
        assertThat(LockstepFollowSignal.hiredBlock(r, block(), FOLLOWERS)).isTrue();
        assertThat(LockstepFollowSignal.hiredBlock(r, block(), FOLLOWERS + 1)).as("one short").isFalse();
        assertThat(LockstepFollowSignal.hiredBlock(LockstepReaders.of(clients(Timing.OWN_SCHEDULE, false), 60, 3),
                block(), 1)).as("an audience at its own times").isFalse();
        // asked to meet on more posts (13) than the clients made (12), no follower is in lockstep
        assertThat(LockstepFollowSignal.hiredBlock(LockstepReaders.of(farm, 60, 2 * POSTS + 1), block(), 1))
                .isFalse();
        // the same synchrony from accounts that also post their own lives: fans, not hired hands
        Timeline t = clientsTimeline(Timing.LOCKSTEP, false);
        for (int i = 0; i < FOLLOWERS; i++) {
            t.tweet("own" + i, "m" + i, 2_100_000_000L + 3_600L * i);
        }
        assertThat(LockstepFollowSignal.hiredBlock(LockstepReaders.of(t.build(), 60, 3), block(), 1)).isFalse();
    }

    @Test
    void lockstepPostsCountsDistinctPostsMetWithinTheWindow() {
        Activity a = clients(Timing.LOCKSTEP, false);
        LockstepReaders r = new LockstepReaders(a, new int[a.accountCount() + 1], new int[0], 60, 3);
        // follower 0 and 1 meet on posts 7 and 9 (10 s apart); follower 2 acts on post 7 two minutes later and
        // twice on post 9 within 5 s of itself only; follower 1's second action on post 9 is counted once
        int[] who = {0, 1, 2, 0, 1, 1, 2, 2};
        int[] post = {7, 7, 7, 9, 9, 9, 11, 11};
        long[] time = {100, 110, 230, 500, 505, 520, 900, 905};
        assertThat(r.lockstepPosts(3, who, post, time)).containsExactly(2, 2, 0);
        // a wider window lets follower 2 meet follower 1 on post 7 (120 s)
        LockstepReaders wide = new LockstepReaders(a, new int[a.accountCount() + 1], new int[0], 120, 3);
        assertThat(wide.lockstepPosts(3, who, post, time)).containsExactly(2, 2, 1);
    }

    @Test
    void tiedFindsFollowsInEitherDirectionInsideTheFollowers() {
        Timeline t = new Timeline().accounts("a", "b", "c", "d", "x");
        t.b.addFollow("a", "b");   // a → b: both tied
        t.b.addFollow("c", "x");   // c follows an outsider only
        t.b.addFollow("x", "d");   // d is followed by an outsider only
        t.b.addFollow("d", "d");   // a self-follow is no tie
        Activity a = t.build();
        LockstepReaders r = new LockstepReaders(a, new int[a.accountCount() + 1], new int[0], 60, 3);
        int[] block = {t.id("a"), t.id("b"), t.id("c"), t.id("d")};
        assertThat(r.tied(block)).containsExactly(true, true, false, false);
    }

    /** Each follower linked to the next by a follow edge without action times, as the follow signal's. */
    private static List<CoordinationEdge> followChain() {
        List<CoordinationEdge> edges = new ArrayList<>();
        int[] m = followers();
        for (int i = 0; i + 1 < m.length; i++) {
            edges.add(new CoordinationEdge(m[i], m[i + 1], CoordinationSignal.LOCKSTEP_FOLLOW, 0.8, 2,
                    List.of(new Evidence("x", Activity.NO_TIME, Activity.NO_TIME))));
        }
        return edges;
    }

    @Test
    void aFarmRetweetingItsClientsInLockstepIsFlaggedAnAudienceIsCleared() {
        double suspicious = CoordinationParams.defaults().cluster().suspiciousScore();
        List<CoordinationEdge> follow = followChain();
        Cluster farm = scorer(clients(Timing.LOCKSTEP, false)).score(0, followers(), follow, follow.size(), block());
        Cluster audience = scorer(clients(Timing.OWN_SCHEDULE, false))
                .score(0, followers(), follow, follow.size(), block());
        Cluster fans = scorer(clients(Timing.LOCKSTEP, true)).score(0, followers(), follow, follow.size(), block());
        assertThat(farm.kind()).isEqualTo(Signal.LOCKSTEP_FOLLOW.kind());
        // significance 1 and density 1 (0.45 + 0.2), no creation burst; the lockstep retweets fall in one-hour bins
        // with every follower, so the burst share adds its part: the farm keeps its whole block score
        assertThat(farm.score()).isGreaterThanOrEqualTo(0.65).isGreaterThanOrEqualTo(suspicious);
        assertThat(audience.score()).isZero();
        assertThat(fans.score()).isZero();
        ClusterScorer unscaled = scorer(clients(Timing.LOCKSTEP, false));
        assertThat(farm.score()).isCloseTo(unscaled.score(0, followers(), chainOf(CoordinationSignal.CO_TEXT),
                follow.size(), block()).score(), within(1e-9));
    }

    private static List<CoordinationEdge> chainOf(String signal) {
        List<CoordinationEdge> edges = new ArrayList<>();
        int[] m = followers();
        for (int i = 0; i + 1 < m.length; i++) {
            edges.add(new CoordinationEdge(m[i], m[i + 1], signal, 0.8, 2,
                    List.of(new Evidence("x", Activity.NO_TIME, Activity.NO_TIME))));
        }
        return edges;
    }
}
