package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The readers of a follow block ({@link LockstepReaders}) and the audience factor they give ({@link ClusterScorer}),
 * on hand-built timelines among {@link #BACKGROUND} silent accounts: a farm of aged accounts that retweet their two
 * clients' posts within the same minute as one another (with pasts of their own: follows of background accounts, and
 * a follow to another member that their degree explains), the same accounts retweeting at their own times (an
 * audience), and the same synchrony among fans who follow one another.
 */
class LockstepReadersTest {
    private static final int FOLLOWERS = 20;
    private static final int POSTS = 6;
    /** Creation times a year apart: no creation burst (aged accounts bought second-hand, not made together). */
    private static final long YEAR = 365L * 86_400;

    /** Silent accounts of the archive, which the followers' pasts follow. */
    private static final int BACKGROUND = 2_000;
    /** Background accounts each follower follows: a past of its own. */
    private static final int PAST = 30;

    enum Timing { LOCKSTEP, OWN_SCHEDULE }

    /** Follows among the followers: none; one each to the next, as chance gives an account of its degree; fans'. */
    enum Ties { NONE, CHANCE, FANS }

    /**
     * Accounts: clients c0, c1 (ids 0, 1), followers m0..m19 (2..21), then {@link #BACKGROUND} silent accounts. Each
     * client posts {@link #POSTS} times a day apart; every follower retweets every client post, either 10 s after the
     * previous follower (LOCKSTEP: each retweet within the co-retweet window of another follower's) or 2 h apart from
     * the next follower (OWN_SCHEDULE). Every follower follows {@link #PAST} background accounts. With Ties.CHANCE
     * each even follower also follows the next one (one tie where its 33 follows predict 0.3 among 19 others of 2,021
     * accounts: chance); with Ties.FANS each follows the next three (a fandom that follows itself: six ties each).
     */
    static Activity clients(Timing timing, Ties ties) {
        return clients(timing, ties, 0);
    }

    /** As above, and {@code audience} background accounts retweet every client post hours after it, at their own times. */
    static Activity clients(Timing timing, Ties ties, int audience) {
        Timeline t = new Timeline().accounts("c0", "c1");
        for (int i = 0; i < FOLLOWERS; i++) {
            t.b.account("m" + i, "m" + i, 1_300_000_000L + YEAR * (i % 10), 0);
        }
        for (int i = 0; i < BACKGROUND; i++) {
            t.b.account("bg" + i);
        }
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < POSTS; k++) {
                long posted = 2_000_000_000L + 86_400L * (2 * k + c);
                t.tweet("p" + c + "_" + k, "c" + c, posted);
                for (int i = 0; i < FOLLOWERS; i++) {
                    long delay = timing == Timing.LOCKSTEP ? 600 + 10L * i : 600 + 7_200L * i;
                    t.retweet("m" + i, posted + delay, "p" + c + "_" + k);
                }
                for (int i = 0; i < audience; i++) {
                    t.retweet("bg" + i, posted + 3_600 + 97L * i, "p" + c + "_" + k);
                }
            }
        }
        for (int i = 0; i < FOLLOWERS; i++) {
            t.b.addFollow("m" + i, "c0");
            t.b.addFollow("m" + i, "c1");
            for (int j = 0; j < PAST; j++) {
                t.b.addFollow("m" + i, "bg" + ((i * PAST + j) % BACKGROUND));
            }
            if (ties == Ties.CHANCE && i % 2 == 0 && i + 1 < FOLLOWERS) {
                t.b.addFollow("m" + i, "m" + (i + 1));
            }
            for (int j = 1; ties == Ties.FANS && j <= 3; j++) {
                t.b.addFollow("m" + i, "m" + ((i + j) % FOLLOWERS));
            }
        }
        return t.build();
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
        LockstepReaders.Counts c = counts(clients(Timing.LOCKSTEP, Ties.NONE));
        assertThat(c.followers()).isEqualTo(FOLLOWERS);
        assertThat(c.posting()).isEqualTo(FOLLOWERS);
        assertThat(c.acting()).isEqualTo(FOLLOWERS);
        assertThat(c.readers()).isZero();
        assertThat(scorer(clients(Timing.LOCKSTEP, Ties.NONE)).audienceShare(block())).isZero();
    }

    @Test
    void followersRetweetingAtTheirOwnTimesAreReaders() {
        LockstepReaders.Counts c = counts(clients(Timing.OWN_SCHEDULE, Ties.NONE));
        assertThat(c.acting()).isEqualTo(FOLLOWERS);
        assertThat(c.readers()).isEqualTo(FOLLOWERS);
        assertThat(scorer(clients(Timing.OWN_SCHEDULE, Ties.NONE)).audienceShare(block())).isEqualTo(1.0);
    }

    @Test
    void followersInLockstepThatFollowOneAnotherAreReaders() {
        // the same synchrony as the farm, among accounts tied to one another (fans of one idol)
        LockstepReaders.Counts c = counts(clients(Timing.LOCKSTEP, Ties.FANS));
        assertThat(c.acting()).isEqualTo(FOLLOWERS);
        assertThat(c.readers()).isEqualTo(FOLLOWERS);
    }

    @Test
    void lockstepPostsCountsDistinctPostsMetWithinTheWindow() {
        Activity a = clients(Timing.LOCKSTEP, Ties.NONE);
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
        Cluster farm = scorer(clients(Timing.LOCKSTEP, Ties.NONE)).score(0, followers(), follow, follow.size(), block());
        Cluster audience = scorer(clients(Timing.OWN_SCHEDULE, Ties.NONE))
                .score(0, followers(), follow, follow.size(), block());
        Cluster fans = scorer(clients(Timing.LOCKSTEP, Ties.FANS)).score(0, followers(), follow, follow.size(), block());
        assertThat(farm.kind()).isEqualTo(Signal.LOCKSTEP_FOLLOW.kind());
        // significance 1, density 1 and acting together 1 (0.45 + 0.2 + 0.2), no creation burst; the lockstep retweets
        // fall in one-hour bins with every follower, so the burst share adds its part: the farm keeps its whole score
        assertThat(farm.score()).isGreaterThanOrEqualTo(0.85).isGreaterThanOrEqualTo(suspicious);
        assertThat(audience.score()).isZero();
        assertThat(fans.score()).isZero();
        ClusterScorer unscaled = scorer(clients(Timing.LOCKSTEP, Ties.NONE));
        assertThat(farm.score()).isCloseTo(unscaled.score(0, followers(), chainOf(CoordinationSignal.CO_TEXT),
                follow.size(), block()).score(), within(1e-9));
    }

    @Test
    void followersInLockstepWithTiesTheirDegreeExplainsAreNotReaders() {
        // aged accounts bought second-hand keep their pasts: half of them follow one other member, as chance gives
        LockstepReaders.Counts c = counts(clients(Timing.LOCKSTEP, Ties.CHANCE));
        assertThat(c.acting()).isEqualTo(FOLLOWERS);
        assertThat(c.readers()).isZero();
        assertThat(c.lockstep()).isEqualTo(FOLLOWERS);
        assertThat(ClusterScorer.lockstepShare(c)).isEqualTo(1.0);
        Activity a = clients(Timing.LOCKSTEP, Ties.CHANCE);
        LockstepReaders r = new LockstepReaders(a, new int[a.accountCount() + 1], new int[0], 60, 3);
        assertThat(r.tied(followers())).contains(true);
        assertThat(r.tiedBeyondChance(followers())).containsOnly(false);
    }

    @Test
    void tiedBeyondChanceWeighsTiesAgainstTheFollowersDegree() {
        Timeline t = new Timeline().accounts("a", "b", "c", "d", "e");
        for (int i = 0; i < BACKGROUND; i++) {
            t.accounts("bg" + i);
        }
        t.b.addFollow("a", "b");   // a: three ties and no other follow: far beyond λ = 3 · 4 / 2,004
        t.b.addFollow("a", "c");
        t.b.addFollow("a", "d");
        t.b.addFollow("e", "b");   // e: one tie among 201 follows, λ = 201 · 4 / 2,004 = 0.40: chance
        for (int i = 0; i < 200; i++) {
            t.b.addFollow("e", "bg" + i);
        }
        Activity a = t.build();
        LockstepReaders r = new LockstepReaders(a, new int[a.accountCount() + 1], new int[0], 60, 3);
        int[] block = {t.id("a"), t.id("b"), t.id("c"), t.id("d"), t.id("e")};
        // b is followed by a and e (degree 2, two ties), c and d by a alone (degree 1, one tie)
        assertThat(r.tiedBeyondChance(block)).containsExactly(true, true, true, true, false);
        assertThat(r.tied(block)).containsExactly(true, true, true, true, true);
    }

    @Test
    void anAgedFarmRetweetingItsClientsInLockstepIsFoundWithoutACreationBurst() {
        double suspicious = CoordinationParams.defaults().cluster().suspiciousScore();
        List<CoordinationEdge> follow = followChain();
        Activity a = clients(Timing.LOCKSTEP, Ties.CHANCE);
        ClusterScorer scorer = scorer(a);
        assertThat(scorer.creationBurst(followers())).isLessThan(0.2);
        Cluster farm = scorer.score(0, followers(), follow, follow.size(), block());
        // significance 1, density 1, acting together 1 (every member in lockstep, none a reader), e = 0
        double burst = scorer.burstShare(followers());
        assertThat(farm.score()).isCloseTo(0.45 + 0.2 + 0.2 + 0.15 * burst, within(1e-9))
                .isGreaterThanOrEqualTo(suspicious);
    }

    @Test
    void aFanClubRetweetingItsIdolWithinSecondsAmongAWideAudienceIsNotFlagged() {
        // the farm's timing, among fans who follow one another, while 200 other accounts retweet the same posts later
        List<CoordinationEdge> follow = followChain();
        Activity a = clients(Timing.LOCKSTEP, Ties.FANS, 200);
        LockstepReaders.Counts c = counts(a);
        assertThat(c.readers()).isEqualTo(FOLLOWERS);
        assertThat(c.lockstep()).isZero();
        Cluster fans = scorer(a).score(0, followers(), follow, follow.size(), block());
        assertThat(fans.score()).isZero();
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
