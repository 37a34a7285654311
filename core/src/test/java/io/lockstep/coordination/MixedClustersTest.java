package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Clusters that mix a follow block with co-action ({@link ScorePhase}, {@link ClusterPhase#coActionParts}): a block's
 * cluster is scored whole as {@link ClusterScorer#score} chooses, and its co-action parts also by their own evidence,
 * leaving it when that scores higher, on hand-built archives. Accounts: two targets t0, t1
 * (ids 0, 1), then {@value #FOLLOWERS} followers f0.. (ids 2..), none with a creation time (aged accounts: no
 * creation burst).
 */
class MixedClustersTest {
    private static final int FOLLOWERS = 60;
    private static final int FIRST = 2;
    private static final long DAY = 86_400;

    private static Timeline accounts() {
        Timeline t = new Timeline().accounts("t0", "t1");
        for (int i = 0; i < FOLLOWERS; i++) {
            t.accounts("f" + i);
        }
        for (int p = 0; p < 12; p++) {
            t.tweet("post" + p, "t" + (p % 2), 1_000 + p * DAY);
        }
        return t;
    }

    private static int[] followers() {
        int[] f = new int[FOLLOWERS];
        for (int i = 0; i < FOLLOWERS; i++) {
            f[i] = FIRST + i;
        }
        return f;
    }

    /** All followers follow both targets: p = 1e-12 (significance 1), density 1: block formula 0.45 + 0.2 at least. */
    private static DenseBlock block() {
        return new DenseBlock(followers(), new int[]{0, 1}, 1.0, 2L * FOLLOWERS, 5.0, 1e-12);
    }

    /** The follow signal's edges: each follower linked to its next five, evidence without action times. */
    private static List<CoordinationEdge> followEdges() {
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            for (int d = 1; d <= 5; d++) {
                int u = FIRST + i;
                int v = FIRST + (i + d) % FOLLOWERS;
                edges.add(new CoordinationEdge(Math.min(u, v), Math.max(u, v), CoordinationSignal.LOCKSTEP_FOLLOW,
                        0.1, 2, List.of(new Evidence("follow", Activity.NO_TIME, Activity.NO_TIME))));
            }
        }
        return edges;
    }

    /** Every pair of {@code members} linked by {@code signal}, its evidence {@code gap} seconds apart. */
    private static List<CoordinationEdge> clique(int[] members, String signal, long gap) {
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                edges.add(new CoordinationEdge(members[i], members[j], signal, 0.5, 3,
                        List.of(new Evidence("item" + i + "-" + j, 50_000, 50_000 + gap))));
            }
        }
        return edges;
    }

    /** Followers {@code from} .. {@code to} − 1 read the targets: each replies to two posts, hours apart. */
    private static void readers(Timeline t, int from, int to) {
        for (int i = from; i < to; i++) {
            t.reply("f" + i, 1_000 + (i % 12) * DAY + 3_600 + 977L * i, "post" + (i % 12));
            t.reply("f" + i, 1_000 + ((i + 5) % 12) * DAY + 7_200 + 613L * i, "post" + ((i + 5) % 12));
        }
    }

    private static CoordinationResult assemble(Activity a, List<CoordinationEdge> edges) {
        return new CoordinationDetector(CoordinationParams.defaults().withSeed(42))
                .assemble(a, edges, List.of(block()), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    private static int flagged(CoordinationResult r, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += r.accounts()[FIRST + i].suspicious() ? 1 : 0;
        }
        return n;
    }

    @Test
    void aHandfulOfLockstepRetweetersInsideABlockLeaveItAndTheBlockKeepsItsScore() {
        // four of the block's accounts retweet three of the targets' posts within the minute of one another (no
        // follow tie: acting in lockstep, not reading); the other 56 never post
        Timeline t = accounts();
        int[] co = {FIRST, FIRST + 1, FIRST + 2, FIRST + 3};
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < co.length; i++) {
                t.retweet("f" + i, 1_000 + p * DAY + 600 + 30L * i, "post" + p);
            }
        }
        Activity a = t.build();
        List<CoordinationEdge> edges = new ArrayList<>(followEdges());
        edges.addAll(clique(co, CoordinationSignal.CO_RETWEET, 30));
        // the block's cluster is scored as a whole by the timed formula (timed edges lie inside it): density
        // 306 / 1770, synchrony 0.5
        ClusterScorer scorer = new ClusterScorer(a, CoordinationParams.defaults());
        double whole = scorer.score(0, followers(), edges, edges.size(), block()).score();
        assertThat(whole).isLessThan(0.5);
        CoordinationResult r = assemble(a, edges);
        // the four are a part scoring higher (density 1, synchrony 0.5, all their posts in bursts: 0.7) and leave
        Cluster part = r.clusters().get(r.accounts()[co[0]].cluster());
        assertThat(part.members()).containsExactly(co);
        assertThat(part.score()).isGreaterThan(whole);
        assertThat(flagged(r, 0, co.length)).isEqualTo(co.length);
        // the 56 left keep the whole cluster's score: the part adds a verdict, it takes none away
        Cluster block = r.clusters().get(r.accounts()[FIRST + 10].cluster());
        assertThat(block.size()).isEqualTo(FOLLOWERS - co.length);
        // (the detector counts combined pairs, the estimate above signal edges: close, not equal)
        assertThat(block.score()).isCloseTo(whole, within(0.01));
        assertThat(flagged(r, co.length, FOLLOWERS)).isZero();
        // 55 s apart instead: the part scores (synchrony 1/12) below the whole and stays in it
        Timeline slow = accounts();
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < co.length; i++) {
                slow.retweet("f" + i, 1_000 + p * DAY + 600 + 55L * i, "post" + p);
            }
        }
        Activity slowActivity = slow.build();
        List<CoordinationEdge> slowEdges = new ArrayList<>(followEdges());
        List<CoordinationEdge> slowPart = clique(co, CoordinationSignal.CO_RETWEET, 55);
        slowEdges.addAll(slowPart);
        double partScore = new ClusterScorer(slowActivity, CoordinationParams.defaults())
                .score(0, co, slowPart, slowPart.size()).score();
        double slowWhole = new ClusterScorer(slowActivity, CoordinationParams.defaults())
                .score(0, followers(), slowEdges, slowEdges.size(), block()).score();
        CoordinationResult s = assemble(slowActivity, slowEdges);
        assertThat(s.clusters()).hasSize(partScore > slowWhole ? 2 : 1);
    }

    @Test
    void fansWhoFollowOtherFansAndRetweetTogetherStayJudgedAsTheirBlock() {
        // four lockstep retweeters among 56 readers, in an archive of 4,000 other accounts; each follows one of the
        // readers (supporters of one club who know other supporters: one tie among the 56 followers outside its part,
        // where its degree of 1 predicts 56 / 4,061 = 0.014): their reactions have an explanation in the follow graph,
        // they make no part
        int[] co = {FIRST, FIRST + 1, FIRST + 2, FIRST + 3};
        List<CoordinationEdge> edges = new ArrayList<>(followEdges());
        edges.addAll(clique(co, CoordinationSignal.CO_RETWEET, 10));
        Timeline t = others(lockstepAmongReaders(co.length), 4_000);
        for (int i = 0; i < co.length; i++) {
            t.b.addFollow("f" + i, "f" + (10 + i));
        }
        CoordinationResult r = assemble(t.build(), edges);
        assertThat(flagged(r, 0, FOLLOWERS)).isZero();
        assertThat(r.clusters()).hasSize(1);
        // untied, the same four are a part of their own, flagged (default weights: density 1, synchrony 5/6)
        CoordinationResult untied = assemble(lockstepAmongReaders(co.length).build(), edges);
        assertThat(flagged(untied, 0, 4)).isEqualTo(4);
        assertThat(flagged(untied, 4, FOLLOWERS)).isZero();
        // following one another only (a botnet whose amplifiers follow each other and the seeds): still a part
        Timeline inside = lockstepAmongReaders(co.length);
        for (int i = 0; i < co.length; i++) {
            inside.b.addFollow("f" + i, "f" + ((i + 1) % co.length));
        }
        CoordinationResult ring = assemble(inside.build(), edges);
        assertThat(flagged(ring, 0, 4)).isEqualTo(4);
        assertThat(flagged(ring, 4, FOLLOWERS)).isZero();
    }

    @Test
    void aBotnetThatIsNearlyItsWholeBlockStaysOneFlaggedCluster() {
        // 58 of the 60 followers retweet the targets 10 s after one another, following one another (amplifiers that
        // follow each other and the seeds); two readers: the part would leave fewer than minSize followers behind,
        // so it is the block's cluster, judged whole by the timed formula and flagged
        int k = FOLLOWERS - 2;
        int[] co = new int[k];
        for (int i = 0; i < k; i++) {
            co[i] = FIRST + i;
        }
        Timeline t = lockstepAmongReaders(k);
        for (int i = 0; i < k; i++) {
            t.b.addFollow("f" + i, "f" + ((i + 1) % k));
        }
        List<CoordinationEdge> edges = new ArrayList<>(followEdges());
        List<CoordinationEdge> part = clique(co, CoordinationSignal.CO_RETWEET, 10);
        edges.addAll(part);
        Activity a = t.build();
        ClusterScorer scorer = new ClusterScorer(a, CoordinationParams.defaults());
        assertThat(scorer.score(0, co, part, part.size()).score())
                .isGreaterThan(scorer.score(0, followers(), edges, edges.size(), block()).score());
        CoordinationResult r = assemble(a, edges);
        assertThat(r.clusters()).hasSize(1);
        assertThat(r.clusters().get(0).members()).containsExactly(followers());
        assertThat(flagged(r, 0, k)).isEqualTo(k);
    }

    @Test
    void fansWhoFollowOtherFansAndPostTheSameChantMakeNoPart() {
        // four followers post the same text within the minute three times (a club's chant), each following one of
        // the block's readers: co-text among followers tied to the block's audience carves nothing, whatever the
        // signal (the fourth generator's g2: four sports fans' co-text part scored 0.756 alone)
        CoordinationResult r = assemble(chantersAmongReaders().build(), chantEdges());
        assertThat(r.clusters()).hasSize(1);
        assertThat(flagged(r, 0, FOLLOWERS)).isZero();
    }

    @Test
    void aChurnFarmThatMeetsTheBlockAtItsDegreesRateIsCarved() {
        // the same four post the same text, but each follows 150 other accounts and one reader, who follows it back
        // (a follow-unfollow churn farm harvesting follow-backs): two ties where its degree of 152 predicts
        // 152 · 56 / 4,061 = 2.1; no acquaintance, so the co-text clique is a part of its own, flagged
        Timeline t = chantersAmongReaders();
        for (int i = 0; i < 4; i++) {
            t.b.addFollow("f" + (10 + i), "f" + i);
            for (int o = 0; o < 150; o++) {
                t.b.addFollow("f" + i, "other" + (1_000 * i + o));
            }
        }
        CoordinationResult r = assemble(t.build(), chantEdges());
        assertThat(r.clusters()).hasSize(2);
        assertThat(flagged(r, 0, 4)).isEqualTo(4);
        assertThat(flagged(r, 4, FOLLOWERS)).isZero();
    }

    /**
     * Followers 4 .. 59 read the targets, in an archive of 4,000 other accounts; followers 0 .. 3 each follow one of
     * the readers (f0 → f10, …, f3 → f13).
     */
    private static Timeline chantersAmongReaders() {
        Timeline t = others(accounts(), 4_000);
        readers(t, 4, FOLLOWERS);
        for (int i = 0; i < 4; i++) {
            t.b.addFollow("f" + i, "f" + (10 + i));
        }
        return t;
    }

    /** The block's follow edges and a co-text clique among followers 0 .. 3, posts 10 s apart. */
    private static List<CoordinationEdge> chantEdges() {
        List<CoordinationEdge> edges = new ArrayList<>(followEdges());
        edges.addAll(clique(new int[]{FIRST, FIRST + 1, FIRST + 2, FIRST + 3}, CoordinationSignal.CO_TEXT, 10));
        return edges;
    }

    /** {@code t} with {@code n} more accounts other0 … that neither follow nor post. */
    private static Timeline others(Timeline t, int n) {
        for (int i = 0; i < n; i++) {
            t.accounts("other" + i);
        }
        return t;
    }

    /** Followers 0 .. k − 1 retweet three target posts 10 s after one another; the others read the targets. */
    private static Timeline lockstepAmongReaders(int k) {
        Timeline t = accounts();
        readers(t, k, FOLLOWERS);
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < k; i++) {
                t.retweet("f" + i, 1_000 + p * DAY + 600 + 10L * i, "post" + p);
            }
        }
        return t;
    }

    @Test
    void aRingOfTwentyCoLinkingAccountsInsideASixtyFollowerBlockIsItsOwnFlaggedCluster() {
        // followers 0..39 read the targets (an honest audience: the block is cleared); 40..59 are a link ring that
        // also follows the targets, sharing 10 ring URLs each within an hour of one another
        Timeline t = accounts();
        readers(t, 0, 40);
        int[] ring = new int[20];
        for (int i = 0; i < 20; i++) {
            ring[i] = FIRST + 40 + i;
            for (int u = 0; u < 10; u++) {
                t.tweet("share" + i + "-" + u, "f" + (40 + i), 200_000 + u * DAY + 173L * i, "look",
                        List.of(), List.of("https://ring.example/" + u));
            }
        }
        Activity a = t.build();
        List<CoordinationEdge> edges = new ArrayList<>(followEdges());
        edges.addAll(clique(ring, CoordinationSignal.CO_LINK_SLOW, 600));
        CoordinationResult r = assemble(a, edges);
        assertThat(flagged(r, 40, 60)).isEqualTo(20);
        assertThat(flagged(r, 0, 40)).isZero();
        Cluster ringCluster = r.clusters().get(r.accounts()[ring[0]].cluster());
        assertThat(ringCluster.members()).containsExactly(ring);
        Cluster audience = r.clusters().get(r.accounts()[FIRST].cluster());
        assertThat(audience.size()).isEqualTo(40);
    }

    @Test
    void anHonestCommunityBlockWithThreeCoHashtagEdgesIsNotFlagged() {
        // every follower reads the targets; three of them used the same hashtags within the same second: co-hashtag,
        // which the followers of one club share because they follow it, leaves them with the block
        Timeline t = accounts();
        readers(t, 0, FOLLOWERS);
        Activity a = t.build();
        List<CoordinationEdge> edges = new ArrayList<>(followEdges());
        int[] tagged = {FIRST + 7, FIRST + 20, FIRST + 33};
        edges.addAll(clique(tagged, CoordinationSignal.CO_HASHTAG, 0));
        CoordinationResult r = assemble(a, edges);
        assertThat(flagged(r, 0, FOLLOWERS)).isZero();
        assertThat(r.clusters()).hasSize(1);
        assertThat(r.clusters().get(0).members()).containsExactly(followers());
    }

    @Test
    void coActionPartsAreTheComponentsOfCarvingEdgesInsideABlocksCluster() {
        // group 0: a block's cluster 0..9; group 1: a co-action cluster 10..14
        int[] membership = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, -1};
        DenseBlock b = new DenseBlock(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[]{15}, 1.0, 10, 1.0, 1e-6);
        List<DenseBlock> blocks = new ArrayList<>();
        blocks.add(b);
        blocks.add(null);
        ClusterPhase.Groups groups = new ClusterPhase.Groups(membership, new int[]{0, 1},
                List.of(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[]{10, 11, 12, 13, 14}), blocks);
        List<CoordinationEdge> edges = List.of(
                edge(0, 1, CoordinationSignal.CO_RETWEET), edge(1, 2, CoordinationSignal.CO_TEXT),
                edge(2, 3, CoordinationSignal.CO_LINK_SLOW),
                edge(3, 4, CoordinationSignal.HASHTAG_BURST), // 0–1–2–3–4: one part of five
                edge(5, 6, CoordinationSignal.FAST_RETWEET), edge(6, 7, CoordinationSignal.CO_REPLY),
                edge(7, 8, CoordinationSignal.CO_HASHTAG), // 5–6–7: co-hashtag does not carve 8 in
                edge(8, 9, CoordinationSignal.LOCKSTEP_FOLLOW), edge(4, 9, CoordinationSignal.CO_LINK), // neither
                edge(3, 10, CoordinationSignal.CO_TEXT), // leaves the block: not inside it
                edge(10, 11, CoordinationSignal.CO_RETWEET), edge(11, 12, CoordinationSignal.CO_RETWEET));
        List<ClusterPhase.Part> parts = ClusterPhase.coActionParts(groups, edges, 3);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).group()).isZero();
        assertThat(parts.get(0).members()).containsExactly(0, 1, 2, 3, 4);
        assertThat(parts.get(1).members()).containsExactly(5, 6, 7);
        // a component below the minimum size is no part; a cluster that is no block's has none
        assertThat(ClusterPhase.coActionParts(groups, edges, 6)).isEmpty();
        // a follower tied to the block by a follow carves nothing, whatever the signal (0–1 co-retweet, 5–6
        // fast-retweet and 6–7 co-reply left out; 1–2 co-text, 2–3 co-link-slow and 3–4 hashtag-burst between untied
        // followers carve)
        boolean[] tied = new boolean[16];
        tied[0] = true;
        tied[6] = true;
        List<ClusterPhase.Part> untied = ClusterPhase.coActionParts(groups, edges, 3, tied);
        assertThat(untied).hasSize(1);
        assertThat(untied.get(0).members()).containsExactly(1, 2, 3, 4);
        tied[3] = true; // now 2–3 and 3–4 are left out too: 1–2 is below the minimum size
        assertThat(ClusterPhase.coActionParts(groups, edges, 3, tied)).isEmpty();
        // the components themselves: each account's smallest co-member, itself outside every part
        int[] components = ClusterPhase.coActionComponents(groups, edges, new boolean[16]);
        assertThat(components).containsExactly(0, 0, 0, 0, 0, 5, 5, 5, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void tiesAcrossGroupsCountOnlyFollowsBetweenDifferentGroupsBeyondTheFollowersDegree() {
        Timeline t = others(accounts(), 200);
        t.b.addFollow("f0", "f1"); // same group
        t.b.addFollow("f2", "f3"); // across groups, two accounts that follow nobody else
        // across groups, from an account that follows 150 others (a follow-unfollow churn account): one tie among
        // the 4 followers outside its group is what its degree predicts (λ = 151 · 4 / 261 ≈ 2.3)
        t.b.addFollow("f4", "f0");
        for (int i = 0; i < 150; i++) {
            t.b.addFollow("f4", "other" + i);
        }
        ClusterScorer scorer = new ClusterScorer(t.build(), CoordinationParams.defaults());
        DenseBlock b = new DenseBlock(new int[]{FIRST, FIRST + 1, FIRST + 2, FIRST + 3, FIRST + 4}, new int[]{0},
                1.0, 5, 1.0, 1e-6);
        // f0: followed by f4 across groups, with a degree of 2 (λ ≈ 0.02); f1: its only tie is inside its group;
        // f2 and f3: one tie each across groups with a degree of 1; f4: one tie at its degree's rate
        assertThat(scorer.tiedAcross(b, new int[]{7, 7, 7, 8, 9})).containsExactly(true, false, true, true, false);
        // with every follower in a group of its own, f1 is tied to f0 as well
        assertThat(scorer.tiedAcross(b, new int[]{1, 2, 3, 4, 5})).containsExactly(true, true, true, true, false);
    }

    private static CoordinationEdge edge(int u, int v, String signal) {
        return new CoordinationEdge(u, v, signal, 0.5, 3, List.of(new Evidence("x", 1000, 1000)));
    }
}
