package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The hired followers of a follow block ({@link LockstepReaders#hired}) and the part they make of its cluster
 * ({@link ScorePhase}, {@link ClusterScorer#scoreHired}), on hand-built archives with a background of
 * {@value #BACKGROUND} silent accounts, so that a follower's ties to the block can be weighed against its degree.
 * Accounts: clients c0, c1 (ids 0, 1), {@value #GROUP} followers g0.. of the kind under test (ids 2..), then
 * {@value #GROUP} honest followers h0.. of the same clients, then the background. Every follower follows both clients
 * and {@value #PAST} background accounts (the follows of its past life) and was created a season after the previous
 * one (no creation burst). The clients post {@value #POSTS} times, a day apart.
 */
class HiredFollowersTest {
    private static final int GROUP = 20;
    private static final int PAST = 30;
    private static final int POSTS = 12;
    private static final int BACKGROUND = 2_000;
    private static final int FIRST = 2;
    private static final long DAY = 86_400;
    private static final long YEAR = 365 * DAY;
    private static final long START = 2_000_000_000L;

    /** What the group under test does beside following the clients. */
    enum Kind {
        /** aged accounts bought second-hand: retweet every client post 10 s after one another and post nothing else;
         * every other one follows the next member (a chance tie: a third of a real aged farm has one) */
        AGED,
        /** the third generator's fans: the same retweets and chance ties, and posts of their own */
        FANS_WITH_A_VOICE,
        /** the fourth generator's fans: the same retweets only, each following five other fans (a community) */
        FANS_WHO_KNOW_ONE_ANOTHER,
        /** giveaway entrants: as AGED, but retweeting only three contest posts of c0, which writes 12 posts */
        ENTRANTS
    }

    private static Timeline archive(Kind kind) {
        return archive(kind, false);
    }

    /**
     * As above; {@code halfOutside}: the odd members of the group follow client c0 only (no block follower), and the
     * chance ties are between two even members (every fourth follows the next even one).
     */
    private static Timeline archive(Kind kind, boolean halfOutside) {
        Timeline t = new Timeline().accounts("c0", "c1");
        for (int i = 0; i < 2 * GROUP; i++) {
            String id = (i < GROUP ? "g" + i : "h" + (i - GROUP));
            t.b.account(id, id, 1_200_000_000L + YEAR / 4 * i, 0); // a season apart
        }
        for (int i = 0; i < BACKGROUND; i++) {
            t.accounts("b" + i);
        }
        for (int i = 0; i < 2 * GROUP; i++) {
            String id = (i < GROUP ? "g" + i : "h" + (i - GROUP));
            t.b.addFollow(id, "c0");
            if (!(halfOutside && i < GROUP && i % 2 == 1)) {
                t.b.addFollow(id, "c1");
            }
            for (int k = 0; k < PAST; k++) {
                t.b.addFollow(id, "b" + ((i * 97 + k * 31) % BACKGROUND));
            }
        }
        for (int p = 0; p < POSTS; p++) {
            long posted = START + p * DAY;
            t.tweet("post" + p, "c" + (p % 2), posted);
            if (kind == Kind.ENTRANTS && p % 4 != 0) {
                continue;
            }
            for (int i = 0; i < GROUP; i++) {
                t.retweet("g" + i, posted + 600 + 10L * i, "post" + p);
            }
        }
        if (kind == Kind.ENTRANTS) {
            for (int p = 0; p < POSTS / 2; p++) {
                t.tweet("more" + p, "c0", START + p * DAY + 30_000);
            }
        }
        for (int i = 0; i < GROUP; i++) {
            if (kind == Kind.FANS_WHO_KNOW_ONE_ANOTHER) {
                for (int d = 1; d <= 5; d++) {
                    t.b.addFollow("g" + i, "g" + ((i + d) % GROUP));
                }
            } else if (halfOutside && i % 4 == 0) {
                t.b.addFollow("g" + i, "g" + (i + 2)); // a chance tie between two of the block's followers
            } else if (!halfOutside && i % 2 == 0) {
                t.b.addFollow("g" + i, "g" + (i + 1));
            }
            if (kind == Kind.FANS_WITH_A_VOICE) {
                for (int k = 0; k < 3; k++) {
                    t.tweet("own" + i + "-" + k, "g" + i, START + k * DAY + 40_000 + 61L * i);
                }
            }
        }
        // the honest followers: half read the clients at their own times, half never post
        for (int i = 0; i < GROUP / 2; i++) {
            t.retweet("h" + i, START + (i % POSTS) * DAY + 7_200 + 977L * i, "post" + (i % POSTS));
            t.retweet("h" + i, START + ((i + 5) % POSTS) * DAY + 20_000 + 613L * i, "post" + ((i + 5) % POSTS));
        }
        return t;
    }

    private static int[] range(int from, int to) {
        int[] ids = new int[to - from];
        for (int i = from; i < to; i++) {
            ids[i - from] = FIRST + i;
        }
        return ids;
    }

    /** The block the follow signal would report: all 40 followers on both clients, p = 1e-12, density 1. */
    private static DenseBlock block() {
        return new DenseBlock(range(0, 2 * GROUP), new int[]{0, 1}, 1.0, 4L * GROUP, 2.0, 1e-12);
    }

    /** The follow signal's edges: each follower linked to its next five, evidence without action times. */
    private static List<CoordinationEdge> followEdges() {
        return followEdges(block().followers());
    }

    /** As above, among {@code followers}. */
    private static List<CoordinationEdge> followEdges(int[] followers) {
        List<CoordinationEdge> edges = new ArrayList<>();
        int n = followers.length;
        for (int i = 0; i < n; i++) {
            for (int d = 1; d <= 5; d++) {
                int u = followers[i];
                int v = followers[(i + d) % n];
                edges.add(new CoordinationEdge(Math.min(u, v), Math.max(u, v), CoordinationSignal.LOCKSTEP_FOLLOW,
                        0.1, 2, List.of(new Evidence("follow", Activity.NO_TIME, Activity.NO_TIME))));
            }
        }
        return edges;
    }

    /**
     * The score phase on the block's cluster ({@link ScorePhase#run}), hired parts carved or not: the clusters, and per
     * account the score of its cluster (0 outside every cluster).
     */
    private static double[] scores(Activity a, boolean hired, List<Cluster> out) {
        return scores(a, block(), hired, out);
    }

    /** As above, on {@code block}'s cluster. */
    private static double[] scores(Activity a, DenseBlock block, boolean hired, List<Cluster> out) {
        List<CoordinationEdge> edges = followEdges(block.followers());
        CompactGraph combined = CombinePhase.run(a.accountCount(), edges, 0.0);
        int[] membership = new int[a.accountCount()];
        Arrays.fill(membership, -1);
        for (int m : block.followers()) {
            membership[m] = 0;
        }
        List<DenseBlock> blocks = new ArrayList<>();
        blocks.add(block);
        ClusterPhase.Groups groups = new ClusterPhase.Groups(membership, new int[]{0}, List.of(block.followers()),
                blocks);
        List<Cluster> clusters = ScorePhase.run(a, CoordinationParams.defaults().withSeed(42), combined, edges,
                groups, TerminationFlag.RUNNING_TRUE, hired);
        out.addAll(clusters);
        double[] score = new double[a.accountCount()];
        for (Cluster c : clusters) {
            for (int m : c.members()) {
                score[m] = c.score();
            }
        }
        return score;
    }

    /** Accounts {@code from} .. {@code to} − 1 of the followers whose cluster reaches the suspicious score. */
    private static int flagged(double[] score, int from, int to) {
        double suspicious = CoordinationParams.defaults().cluster().suspiciousScore();
        int n = 0;
        for (int i = from; i < to; i++) {
            n += score[FIRST + i] >= suspicious ? 1 : 0;
        }
        return n;
    }

    private static ClusterScorer scorer(Activity a) {
        return new ClusterScorer(a, CoordinationParams.defaults());
    }

    @Test
    void anAgedFarmInsideABlockOfHonestFollowersIsHiredAndFlaggedAlone() {
        Activity a = archive(Kind.AGED).build();
        ClusterScorer scorer = scorer(a);
        assertThat(scorer.hired(block())).containsExactly(range(0, GROUP));
        // judged with the block, the farm is cleared: the ten members with a chance tie and the ten honest readers
        // count as readers (e >= 20 / 40), so 0.45 + 0.2 + 0.15 x burst share falls under 0.5
        List<CoordinationEdge> edges = followEdges();
        double whole = scorer.score(0, range(0, 2 * GROUP), edges, edges.size(), block()).score();
        assertThat(whole).isLessThan(0.5);
        // judged on its own evidence (significance 1, its density 1, a creation burst of one account in 20, every post
        // in a burst shared with the others): 0.45 + 0.2 + 0.2 / 20 + 0.15
        Cluster part = scorer.scoreHired(7, range(0, GROUP), block());
        assertThat(part.score()).isCloseTo(0.81, within(1e-9));
        assertThat(part.kind()).isEqualTo(Signal.LOCKSTEP_FOLLOW.kind());
        List<Cluster> clusters = new ArrayList<>();
        double[] score = scores(a, true, clusters);
        assertThat(flagged(score, 0, GROUP)).isEqualTo(GROUP);
        // the honest followers of the same clients keep the block's score: none is flagged
        assertThat(flagged(score, GROUP, 2 * GROUP)).isZero();
        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0).members()).containsExactly(range(0, GROUP));
        assertThat(clusters.get(1).members()).containsExactly(range(GROUP, 2 * GROUP));
        assertThat(clusters.get(1).score()).isCloseTo(whole, within(0.02));
        // with hired parts off (the default): the block's cluster whole, the farm cleared with it
        List<Cluster> off = new ArrayList<>();
        assertThat(flagged(scores(a, false, off), 0, 2 * GROUP)).isZero();
        assertThat(off).hasSize(1);
    }

    @Test
    void agedAccountsAroundTheBlockThatFollowTooFewOfItsTargetsAreHiredWithIt() {
        // the odd members follow c0 only: the follow signal's block holds the even ten and the honest twenty
        Activity a = archive(Kind.AGED, true).build();
        int[] inside = new int[GROUP / 2 + GROUP];
        for (int i = 0; i < GROUP / 2; i++) {
            inside[i] = FIRST + 2 * i;
        }
        System.arraycopy(range(GROUP, 2 * GROUP), 0, inside, GROUP / 2, GROUP);
        Arrays.sort(inside);
        DenseBlock block = new DenseBlock(inside, new int[]{0, 1}, 1.0, 2L * inside.length, 2.0, 1e-12);
        ClusterScorer scorer = scorer(a);
        assertThat(scorer.hired(block)).hasSize(GROUP / 2);
        assertThat(scorer.hiredAround(block)).containsExactly(range(0, GROUP));
        // judged with the block (its ten tied aged members and ten honest readers count as readers), all are cleared
        List<Cluster> off = new ArrayList<>();
        assertThat(flagged(scores(a, block, false, off), 0, 2 * GROUP)).isZero();
        List<Cluster> clusters = new ArrayList<>();
        double[] score = scores(a, block, true, clusters);
        // the ten outside the block's cluster join the part: all twenty flagged, no honest follower
        assertThat(flagged(score, 0, GROUP)).isEqualTo(GROUP);
        assertThat(flagged(score, GROUP, 2 * GROUP)).isZero();
        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0).members()).containsExactly(range(0, GROUP));
        // their density into the targets is 30 of 40 follows: 0.45 + 0.2 x 0.75 + 0.2 / 20 + 0.15
        assertThat(clusters.get(0).score()).isCloseTo(0.76, within(1e-9));
        assertThat(clusters.get(1).members()).containsExactly(range(GROUP, 2 * GROUP));
    }

    @Test
    void agedAccountsWithAFewPostsOfTheirOwnActingWithTheHiredAreHiredWithThem() {
        // every odd member still posts twice of its own (what is left of its past life) beside its twelve retweets
        Timeline t = archive(Kind.AGED);
        for (int i = 1; i < GROUP; i += 2) {
            for (int k = 0; k < 2; k++) {
                t.tweet("own" + i + "-" + k, "g" + i, START + k * DAY + 40_000 + 61L * i);
            }
        }
        // a fan of the clients retweeting each of their posts in the farm's minute, whose own posts are the most
        t.accounts("fan");
        t.b.addFollow("fan", "c0");
        t.b.addFollow("fan", "c1");
        for (int p = 0; p < POSTS; p++) {
            t.retweet("fan", START + p * DAY + 605, "post" + p);
        }
        for (int k = 0; k <= POSTS; k++) {
            t.tweet("fan-own" + k, "fan", START + k * DAY + 50_000);
        }
        Activity a = t.build();
        ClusterScorer scorer = scorer(a);
        int[] even = new int[GROUP / 2];
        for (int i = 0; i < GROUP / 2; i++) {
            even[i] = FIRST + 2 * i;
        }
        assertThat(scorer.hired(block())).containsExactly(even);
        // the ten with a whole life of the job show the job: those in lockstep with them, mostly doing it, join
        assertThat(scorer.hiredAround(block())).containsExactly(range(0, GROUP));
        List<Cluster> clusters = new ArrayList<>();
        double[] score = scores(a, true, clusters);
        assertThat(flagged(score, 0, GROUP)).isEqualTo(GROUP);
        assertThat(flagged(score, GROUP, 2 * GROUP)).isZero();
        assertThat(score[t.id("fan")]).isZero();
        // the same accounts with nobody whose whole life is the job: fans with a voice, nobody hired
        assertThat(scorer(archive(Kind.FANS_WITH_A_VOICE).build()).hiredAround(block())).isEmpty();
    }

    @Test
    void entrantsActingOnAFewOfTheSponsorsPostsAreNotHiredAroundTheBlock() {
        // retweets only, in lockstep, chance ties: hired by the block's followers, but together they act on 3 of the
        // 12 posts of the one target they act on, not on the sponsor's posts as they come
        Activity a = archive(Kind.ENTRANTS).build();
        ClusterScorer scorer = scorer(a);
        assertThat(scorer.hired(block())).containsExactly(range(0, GROUP));
        assertThat(scorer.hiredAround(block())).isEmpty();
        List<Cluster> clusters = new ArrayList<>();
        assertThat(flagged(scores(a, true, clusters), 0, 2 * GROUP)).isZero();
        assertThat(clusters).hasSize(1);
        // the aged farm, the same accounts retweeting all 12 client posts, covers them
        assertThat(scorer(archive(Kind.AGED).build()).hiredAround(block())).containsExactly(range(0, GROUP));
    }

    @Test
    void aStrayActionOnAProlificTargetDoesNotDiluteTheCoverageOfTheClients() {
        // the aged farm retweets all 12 client posts; one member also retweets one of the 60 posts of b0, a third
        // target of the block: one pool of posts would be 13 of 72 (0.18), weighted by the actions it is 240 on fully
        // covered clients and 1 on b0
        Timeline t = archive(Kind.AGED);
        for (int p = 0; p < 5 * POSTS; p++) {
            t.tweet("b0-" + p, "b0", START + p * DAY / 5 + 300);
        }
        t.retweet("g0", START + 4 * DAY, "b0-7");
        Activity a = t.build();
        int b0 = FIRST + 2 * GROUP;
        assertThat(a.accountId(b0)).isEqualTo("b0");
        DenseBlock block = new DenseBlock(range(0, 2 * GROUP), new int[]{0, 1, b0}, 1.0, 4L * GROUP, 2.0, 1e-12);
        ClusterScorer scorer = scorer(a);
        assertThat(scorer.hiredAround(block)).containsExactly(range(0, GROUP));
        int[] farm = range(0, GROUP);
        assertThat(scorer.coverage(farm, block.targets())).isCloseTo((240 + 1.0 / 60) / 241, within(1e-9));
        // the entrants' three contest posts of the sponsor's twelve stay a quarter, strays or not
        assertThat(scorer(archive(Kind.ENTRANTS).build()).coverage(farm, new int[]{0, 1}))
                .isCloseTo(0.25, within(1e-9));
        // the report's method text prints the level and the weighting the hired parts use
        assertThat(CoordinationParams.defaults().describe()).contains(String.format(Locale.ROOT,
                "covering more than %.2f of the posts of the targets they act on, averaged over their actions",
                LockstepReaders.MIN_COVERAGE)).contains(String.format(Locale.ROOT,
                "than their degree explains at %.2f over the accounts so tested", LockstepReaders.TIE_LEVEL));
    }

    @Test
    void aClientTheBlockLeftOutButWhoseAudienceItIsIsPartOfTheJob() {
        // the block keeps c0 only (the model explained c1, followed by the block's batch as much as by the rest of the
        // farm); the aged farm retweets the posts of both, and c1's followers are all around the block
        Activity a = archive(Kind.AGED).build();
        DenseBlock one = new DenseBlock(range(0, 2 * GROUP), new int[]{0}, 1.0, 2L * GROUP, 1.0, 1e-12);
        ClusterScorer scorer = scorer(a);
        LockstepReaders readers = scorer.readers();
        assertThat(readers.job(one, readers.around(one))).containsExactly(0, 1);
        // every member's posts are the job: hired around the block, as with both clients its targets
        assertThat(scorer.hiredAround(one)).containsExactly(range(0, GROUP));
        // the block's own followers, judged on c0 alone, act on c1 too: none is hired by the targets themselves
        assertThat(scorer.hired(one)).isEmpty();

        // c1 with an audience of its own, 60 accounts of the background following it: a star the block shares with
        // the platform, no part of the job, and the farm's retweets of it are a life beside the job
        Timeline t = archive(Kind.AGED);
        for (int i = 0; i < 60; i++) {
            t.b.addFollow("b" + i, "c1");
        }
        Activity shared = t.build();
        ClusterScorer other = scorer(shared);
        assertThat(other.readers().job(one, other.readers().around(one))).containsExactly(0);
        assertThat(other.hiredAround(one)).isEmpty();
        // and an account the block's followers do not mostly follow is no part of its job, whoever its audience
        // is: with 50 silent background accounts among its followers, 40 of 90 follow c1
        int[] wider = new int[2 * GROUP + 50];
        for (int i = 0; i < wider.length; i++) {
            wider[i] = FIRST + i;
        }
        DenseBlock diluted = new DenseBlock(wider, new int[]{0}, 1.0, 2L * GROUP, 1.0, 1e-12);
        assertThat(readers.job(diluted, readers.around(diluted))).containsExactly(0);
    }

    @Test
    void aHiredAccountStaysInAClusterThatScoresHigher() {
        Activity a = archive(Kind.AGED).build();
        ClusterScorer scorer = scorer(a);
        // a botnet's cluster (0.95) holds the first five aged accounts, an honest cluster (0.1) the next five
        List<Cluster> kept = new ArrayList<>();
        kept.add(new Cluster(0, "botnet", range(0, 5), 0.95, List.of(), List.of(), 0, 0));
        kept.add(new Cluster(1, "mixed", range(5, 10), 0.1, List.of(), List.of(), 0, 0));
        ScorePhase.placeHired(kept, List.of(new ScorePhase.Hired(block(), range(0, GROUP))), scorer,
                a.accountCount(), 5);
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).members()).containsExactly(range(0, 5));
        assertThat(kept.get(0).score()).isEqualTo(0.95);
        assertThat(kept.get(1).members()).containsExactly(range(5, GROUP));
        assertThat(kept.get(1).score()).isGreaterThan(0.5);
    }

    @Test
    void aFewChanceTiesBeyondOneAccountsLevelDoNotClearAFarmsMembers() {
        // a directed triangle among g0, g2 and g4 besides the aged farm's chance ties: three ties each on a degree of
        // 35 among 39 other followers of 2,042 accounts (λ 0.67), P(Poisson ≥ 3) = 0.03: beyond chance for one account
        // at 5 %, not for one of twenty accounts tested (0.05 / 20)
        Timeline t = archive(Kind.AGED);
        t.b.addFollow("g0", "g2");
        t.b.addFollow("g2", "g4");
        t.b.addFollow("g4", "g0");
        Activity a = t.build();
        LockstepReaders r = new LockstepReaders(a, new int[a.accountCount() + 1], new int[0], 60, 3);
        boolean[] alone = r.tiedBeyondChance(block().followers());
        for (int i = 0; i < 2 * GROUP; i++) {
            assertThat(alone[i]).as("g" + i).isEqualTo(i == 0 || i == 2 || i == 4);
        }
        assertThat(scorer(a).hired(block())).containsExactly(range(0, GROUP));
        assertThat(scorer(a).hiredAround(block())).containsExactly(range(0, GROUP));
    }

    @Test
    void fansRetweetingWithinTheMinuteWithChanceTiesButAVoiceOfTheirOwnAreNotHired() {
        // the third generator's fandom: the same synchrony and the same chance ties, but each fan also posts
        Activity a = archive(Kind.FANS_WITH_A_VOICE).build();
        assertThat(scorer(a).hired(block())).isEmpty();
        List<Cluster> clusters = new ArrayList<>();
        assertThat(flagged(scores(a, true, clusters), 0, 2 * GROUP)).isZero();
        assertThat(clusters).hasSize(1);
    }

    @Test
    void fansWhoFollowOneAnotherBeyondChanceAreNotHired() {
        // the fourth generator's fandom: retweets only, but five ties to other fans each against a λ of about 0.7
        Activity a = archive(Kind.FANS_WHO_KNOW_ONE_ANOTHER).build();
        assertThat(scorer(a).hired(block())).isEmpty();
        List<Cluster> clusters = new ArrayList<>();
        assertThat(flagged(scores(a, true, clusters), 0, 2 * GROUP)).isZero();
        assertThat(clusters).hasSize(1);
    }

    @Test
    void tiesAreWeighedAgainstTheFollowersDegree() {
        Timeline t = new Timeline().accounts("a", "b", "c", "x");
        for (int i = 0; i < 200; i++) {
            t.accounts("z" + i);
        }
        // a and b follow each other and c, and nothing else: three ties each on a degree of 3 to 4, beyond chance
        t.b.addFollow("a", "b");
        t.b.addFollow("b", "a");
        t.b.addFollow("a", "c");
        t.b.addFollow("b", "c");
        // x follows a once among 200 follows: one tie on a degree of 201 among 3 others of 203 accounts, chance
        t.b.addFollow("x", "a");
        for (int i = 0; i < 200; i++) {
            t.b.addFollow("x", "z" + i);
        }
        Activity a = t.build();
        LockstepReaders r = new LockstepReaders(a, new int[a.accountCount() + 1], new int[0], 60, 3);
        int[] followers = {t.id("a"), t.id("b"), t.id("c"), t.id("x")};
        assertThat(r.tiedBeyondChance(followers)).containsExactly(true, true, true, false);
        assertThat(r.density(new int[]{t.id("a"), t.id("b")}, new int[]{t.id("c"), t.id("x")})).isEqualTo(0.5);
    }
}
