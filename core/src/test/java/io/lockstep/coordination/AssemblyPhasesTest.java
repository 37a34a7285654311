package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each phase of {@link CoordinationDetector#assemble} on its own, on graphs small enough to check by hand. */
class AssemblyPhasesTest {

    /**
     * An edge of 3 shared items; for a signal with a pair null model, 10⁻⁴ of them expected by chance (p ≈ 1.7 ·
     * 10⁻¹³, significant in any family these tests build).
     */
    private static CoordinationEdge edge(int u, int v, String signal, double weight) {
        return new CoordinationEdge(u, v, signal, weight, 3, List.of(new Evidence("x", 1000, 1000)),
                Signal.of(signal).pairNullModel() ? 1e-4 : Double.NaN);
    }

    private static double weight(CompactGraph g, int u, int v) {
        double w = 0;
        for (int i = g.start(u); i < g.end(u); i++) {
            if (g.target(i) == v) {
                w += g.weight(i);
            }
        }
        return w;
    }

    @Test
    void combineSumsEachPairOverSignalsAndDropsLightPairs() {
        List<CoordinationEdge> edges = List.of(edge(0, 1, "co-retweet", 0.3), edge(2, 3, "co-link", 0.1),
                edge(0, 1, "co-hashtag", 0.4), edge(4, 5, "co-text", 0.0));
        CompactGraph all = CombinePhase.run(6, edges, 0.0);
        assertThat(all.nodeCount()).isEqualTo(6);
        assertThat(weight(all, 0, 1)).isCloseTo(0.7, within(1e-6));
        assertThat(weight(all, 1, 0)).isCloseTo(0.7, within(1e-6));
        assertThat(weight(all, 2, 3)).isCloseTo(0.1, within(1e-6));
        assertThat(all.degree(4)).isZero(); // a zero sum is no edge
        CompactGraph heavy = CombinePhase.run(6, edges, 0.5);
        assertThat(weight(heavy, 0, 1)).isCloseTo(0.7, within(1e-6));
        assertThat(heavy.degree(2)).isZero();
    }

    /** Triangles {0,1,2} and {3,4,5} and the pair 6–7, among {@code n} accounts. */
    private static CompactGraph trianglesAndPair(int n) {
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int base : new int[]{0, 3}) {
            edges.add(edge(base, base + 1, "co-retweet", 0.5));
            edges.add(edge(base + 1, base + 2, "co-retweet", 0.5));
            edges.add(edge(base, base + 2, "co-retweet", 0.5));
        }
        edges.add(edge(6, 7, "co-retweet", 0.5));
        return CombinePhase.run(n, edges, 0.0);
    }

    private static ClusterPhase.Groups cluster(CompactGraph g, List<DenseBlock> blocks) {
        return ClusterPhase.run(g, blocks, CoordinationParams.defaults().cluster(), 42, TerminationFlag.RUNNING_TRUE);
    }

    private static DenseBlock block(int... followers) {
        return new DenseBlock(followers, new int[]{99}, 1.0, followers.length, 0.1, 1e-9);
    }

    @Test
    void clusterKeepsConnectedCommunitiesOfMinSize() {
        ClusterPhase.Groups g = cluster(trianglesAndPair(10), List.of());
        assertThat(g.members).containsExactly(new int[]{0, 1, 2}, new int[]{3, 4, 5});
        assertThat(g.blocks).containsExactly(null, null);
        assertThat(g.groupOf(4)).isEqualTo(1);
        assertThat(g.membership[6]).isEqualTo(g.membership[7]).isNotNegative(); // a cluster, too small to keep
        assertThat(g.groupOf(6)).isEqualTo(-1);
        assertThat(g.membership[8]).isEqualTo(-1); // no edge
    }

    @Test
    void aBlockJoinsTheClusterHoldingHalfItsFollowersOrIsAClusterOfItsOwn() {
        DenseBlock joins = block(6, 7, 8); // 6 and 7 share a cluster: 2 of 3
        DenseBlock own = block(9, 10, 11); // none clustered
        ClusterPhase.Groups g = cluster(trianglesAndPair(12), List.of(joins, own));
        assertThat(g.members).containsExactly(new int[]{0, 1, 2}, new int[]{3, 4, 5}, new int[]{6, 7, 8},
                new int[]{9, 10, 11});
        assertThat(g.blocks).containsExactly(null, null, joins, own);
    }

    @Test
    void aBlockTakesItsFollowersOutOfTheirClusters() {
        DenseBlock own = block(2, 9, 10); // only 2 is clustered: 1 of 3
        ClusterPhase.Groups g = cluster(trianglesAndPair(11), List.of(own));
        // {0, 1} is left too small
        assertThat(g.members).containsExactly(new int[]{3, 4, 5}, new int[]{2, 9, 10});
        assertThat(g.groupOf(0)).isEqualTo(-1);
        assertThat(g.groupOf(2)).isEqualTo(1);
    }

    @Test
    void aClusterLeftInPiecesByABlockIsSplitIntoThem() {
        // {0, 1, 2} and {3, 4, 5} joined only through account 6, in one cluster (label 0); a block (label 1) takes 6
        List<CoordinationEdge> edges = List.of(edge(0, 1, "co-text", 0.5), edge(1, 2, "co-text", 0.5),
                edge(3, 4, "co-hashtag", 0.5), edge(4, 5, "co-hashtag", 0.5), edge(2, 6, "lockstep-follow", 0.5),
                edge(3, 6, "lockstep-follow", 0.5));
        CompactGraph g = CombinePhase.run(8, edges, 0.0);
        int[] membership = {0, 0, 0, 0, 0, 0, 1, -1};
        assertThat(ClusterPhase.splitLeftovers(g, membership, 1, 1)).isEqualTo(3);
        // two pieces, then the block's label after them; the unclustered account stays out
        assertThat(membership).containsExactly(0, 0, 0, 1, 1, 1, 2, -1);
        // a cluster still connected without the block's follower is left whole
        int[] bridged = {0, 0, 0, 0, 0, 0, 0, -1};
        assertThat(ClusterPhase.splitLeftovers(g, bridged, 1, 0)).isEqualTo(1);
        assertThat(bridged).containsExactly(0, 0, 0, 0, 0, 0, 0, -1);
    }

    @Test
    void scoreOrdersClustersByScoreAndNumbersThem() {
        // accounts without creation times or posts: profile P = 0.4 density + 0.3 synchrony (evidence 0 s apart: 1),
        // lifted by significance (every member: 1) to 0.55 P + 0.45
        Activity a = new Timeline().accounts("p0", "p1", "p2", "t3", "t4", "t5").build();
        List<CoordinationEdge> edges = List.of(edge(0, 1, "co-retweet", 0.5), edge(1, 2, "co-retweet", 0.5),
                edge(3, 4, "co-retweet", 0.5), edge(4, 5, "co-retweet", 0.5), edge(3, 5, "co-hashtag", 0.5));
        CoordinationParams p = CoordinationParams.defaults();
        CompactGraph g = CombinePhase.run(6, edges, 0.0);
        ClusterPhase.Groups groups = ClusterPhase.run(g, List.of(), p.cluster(), 42, TerminationFlag.RUNNING_TRUE);
        assertThat(groups.members).containsExactly(new int[]{0, 1, 2}, new int[]{3, 4, 5});
        List<Cluster> clusters = ScorePhase.run(a, p, g, edges, groups);
        assertThat(clusters).extracting(Cluster::id).containsExactly(0, 1);
        assertThat(clusters.get(0).members()).containsExactly(3, 4, 5);
        assertThat(clusters.get(0).score()).isCloseTo(0.55 * (0.4 + 0.3) + 0.45, within(1e-12));
        assertThat(clusters.get(0).signals()).containsExactly("co-retweet", "co-hashtag");
        assertThat(clusters.get(0).kind()).isEqualTo("botnet");
        assertThat(clusters.get(1).members()).containsExactly(0, 1, 2);
        assertThat(clusters.get(1).score()).isCloseTo(0.55 * (0.4 * 2 / 3 + 0.3) + 0.45, within(1e-12));
        assertThat(clusters.get(1).firstSeen()).isEqualTo(1000);
    }

    @Test
    void verdictsCarryTheClusterScoreAndTheSignalsInCanonicalOrder() {
        List<Cluster> clusters = List.of(
                new Cluster(0, "botnet", new int[]{3, 4, 5}, 0.7, List.of("co-retweet"), List.of(), 0, 0),
                new Cluster(1, "botnet", new int[]{0, 1, 2}, 0.45, List.of("co-retweet"), List.of(), 0, 0));
        List<CoordinationEdge> edges = List.of(edge(0, 6, "lockstep-follow", 0.5), edge(0, 1, "co-retweet", 0.5),
                edge(3, 4, "co-hashtag", 0.5));
        AccountVerdict[] v = VerdictPhase.run(7, edges, clusters, 0.5);
        assertThat(v).hasSize(7);
        assertThat(v[3]).isEqualTo(new AccountVerdict(3, 0.7, true, 0, List.of("co-hashtag")));
        assertThat(v[0]).isEqualTo(new AccountVerdict(0, 0.45, false, 1, List.of("co-retweet", "lockstep-follow")));
        assertThat(v[5]).isEqualTo(new AccountVerdict(5, 0.7, true, 0, List.of()));
        assertThat(v[6]).isEqualTo(new AccountVerdict(6, 0.0, false, -1, List.of("lockstep-follow")));
        // the threshold is inclusive
        assertThat(VerdictPhase.run(7, edges, clusters, 0.45)[0].suspicious()).isTrue();
    }

    @Test
    void piecesCutBelowTheMinimumSizeRejoinTheCommunityHoldingHalfTheirWeight() {
        // a 4-clique 0–3 (0.3 each); 4 and 5 tied by 1.6 to each other and by 0.5 each to every clique member
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            for (int v = u + 1; v < 4; v++) {
                edges.add(edge(u, v, "co-retweet", 0.3));
            }
            edges.add(edge(u, 4, "co-retweet", 0.5));
            edges.add(edge(u, 5, "co-retweet", 0.5));
        }
        edges.add(edge(4, 5, "fast-retweet", 1.6));
        CompactGraph g = CombinePhase.run(7, edges, 0.0);
        // the pair's strength: 2 · 1.6 inside + 8 · 0.5 = 4 to the clique, at least half of 7.2: it rejoins
        assertThat(ClusterPhase.rejoin(g, new int[] {0, 0, 0, 0, 1, 1, -1}, 3)).containsExactly(0, 0, 0, 0, 0, 0, -1);
        // tied by 0.3 each to two clique members only (1.2 of 4.4): most of its weight is inside, it stays
        List<CoordinationEdge> weak = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            for (int v = u + 1; v < 4; v++) {
                weak.add(edge(u, v, "co-retweet", 0.3));
            }
        }
        weak.add(edge(0, 4, "co-retweet", 0.3));
        weak.add(edge(1, 4, "co-retweet", 0.3));
        weak.add(edge(0, 5, "co-retweet", 0.3));
        weak.add(edge(1, 5, "co-retweet", 0.3));
        weak.add(edge(4, 5, "fast-retweet", 1.6));
        CompactGraph h = CombinePhase.run(7, weak, 0.0);
        assertThat(ClusterPhase.rejoin(h, new int[] {0, 0, 0, 0, 1, 1, -1}, 3)).containsExactly(0, 0, 0, 0, 1, 1, -1);
        // a community that is itself too small attracts nothing
        assertThat(ClusterPhase.rejoin(g, new int[] {0, 0, 2, 2, 1, 1, -1}, 3)).containsExactly(0, 0, 2, 2, 1, 1, -1);
    }
    /**
     * A ten-account link ring 0–9 (co-text on every pair, 0.6–0.8, co-link on some), four outsiders hanging on it by
     * one weak co-retweet edge each (10 on 3, 11 on 7, 12 on 0 and 13 on 12: a chain), and a botnet 20–27
     * (co-retweet, 0.3 each pair) whose seed 28 is tied to it by one fast-retweet edge of 0.9 only.
     */
    private static List<CoordinationEdge> ringWithOutsiders() {
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            for (int v = u + 1; v < 10; v++) {
                edges.add(edge(u, v, "co-text", 0.6 + 0.2 * ((u + v) % 3) / 2));
                if ((u + v) % 4 == 0) {
                    edges.add(edge(u, v, "co-link", 0.2));
                }
            }
        }
        edges.add(edge(3, 10, "co-retweet", 0.078));
        edges.add(edge(7, 11, "co-retweet", 0.091));
        edges.add(edge(0, 12, "co-retweet", 0.061));
        edges.add(edge(12, 13, "co-retweet", 0.110));
        for (int u = 20; u < 28; u++) {
            for (int v = u + 1; v < 28; v++) {
                edges.add(edge(u, v, "co-retweet", 0.3));
            }
        }
        edges.add(edge(20, 28, "fast-retweet", 0.9));
        return edges;
    }

    @Test
    void modularityPutsEachWeakPendantWithItsOnlyNeighbour() {
        CompactGraph g = CombinePhase.run(30, ringWithOutsiders(), 0.0);
        int[] leiden = ClusterRefiner.cluster(g, true, 42);
        assertThat(leiden[10]).isEqualTo(leiden[3]);
        assertThat(leiden[11]).isEqualTo(leiden[7]);
        assertThat(leiden[28]).isEqualTo(leiden[20]);
    }

    @Test
    void membersTiedMoreWeaklyThanATypicalPairAreSplitOffTheirCluster() {
        CompactGraph g = CombinePhase.run(30, ringWithOutsiders(), 0.0);
        int[] one = new int[30];
        Arrays.fill(one, -1);
        for (int v = 0; v < 14; v++) {
            one[v] = 0; // the ring and its outsiders given as one cluster
        }
        for (int v = 20; v < 29; v++) {
            one[v] = 1;
        }
        int[] out = ClusterRefiner.detachWeak(g, one);
        for (int v = 1; v < 10; v++) {
            assertThat(out[v]).isEqualTo(out[0]);
        }
        assertThat(out[10]).isNotEqualTo(out[3]).isNotEqualTo(out[11]);
        assertThat(out[11]).isNotEqualTo(out[7]);
        // split off together, the chain 12–13 stays one piece of its own
        assertThat(out[12]).isNotEqualTo(out[0]).isEqualTo(out[13]);
        // the seed's one edge (0.9) is stronger than the botnet's typical pair (0.3): it stays
        for (int v = 21; v < 29; v++) {
            assertThat(out[v]).isEqualTo(out[20]);
        }
        assertThat(out[29]).isEqualTo(-1);
    }

    @Test
    void structuresOfEqualWeightsAreNeverSplit() {
        List<CoordinationEdge> star = new ArrayList<>();
        for (int v = 1; v < 6; v++) {
            star.add(edge(0, v, "co-retweet", 0.2));
        }
        star.add(edge(6, 7, "co-link", 0.05));
        CompactGraph g = CombinePhase.run(8, star, 0.0);
        int[] labels = {0, 0, 0, 0, 0, 0, 1, 1};
        assertThat(ClusterRefiner.detachWeak(g, labels)).containsExactly(0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(ClusterRefiner.detachWeak(trianglesAndPair(9), new int[] {0, 0, 0, 1, 1, 1, 2, 2, -1}))
                .containsExactly(0, 0, 0, 1, 1, 1, 2, 2, -1);
    }

    @Test
    void theRingIsASuspiciousClusterAndItsWeakOutsidersAreNotFlagged() {
        String[] ids = new String[30];
        for (int v = 0; v < 30; v++) {
            ids[v] = "a" + v;
        }
        Activity a = new Timeline().accounts(ids).build();
        List<CoordinationEdge> edges = ringWithOutsiders();
        CoordinationParams p = CoordinationParams.defaults();
        CompactGraph g = CombinePhase.run(30, edges, 0.0);
        ClusterPhase.Groups groups = ClusterPhase.run(g, List.of(), p.cluster(), 42, TerminationFlag.RUNNING_TRUE);
        assertThat(groups.members).containsExactlyInAnyOrder(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                new int[] {20, 21, 22, 23, 24, 25, 26, 27, 28});
        List<Cluster> clusters = ScorePhase.run(a, p, g, edges, groups);
        AccountVerdict[] v = VerdictPhase.run(30, edges, clusters, p.cluster().suspiciousScore());
        for (int m = 0; m < 10; m++) {
            assertThat(v[m].suspicious()).as("ring member %d", m).isTrue();
        }
        // density 1 and synchrony 1 (profile 0.7), significance 1: 0.55 · 0.7 + 0.45
        assertThat(v[0].score()).isCloseTo(0.835, within(1e-9));
        for (int m = 10; m < 14; m++) {
            assertThat(v[m].suspicious()).as("outsider %d", m).isFalse();
            assertThat(v[m].cluster()).isEqualTo(-1);
        }
        assertThat(v[28].suspicious()).isTrue();
    }

    @Test
    void followersHeldByCoReactionStayInTheClusterTheBlockWouldJoin() {
        // a botnet 0–7 (co-retweet clique) whose members follow its seeds, as do 8 readers 8–15: one follow block
        // of 16 followers, every pair of them a follow edge; modularity keeps the botnet and its readers together
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int u = 0; u < 16; u++) {
            for (int v = u + 1; v < 16; v++) {
                if (v < 8) {
                    edges.add(edge(u, v, "co-retweet", 0.5));
                }
                edges.add(edge(u, v, "lockstep-follow", 0.1));
            }
        }
        int[] followers = new int[16];
        for (int f = 0; f < 16; f++) {
            followers[f] = f;
        }
        DenseBlock block = new DenseBlock(followers, new int[]{99}, 1.0, 16, 0.1, 1e-9);
        CompactGraph g = CombinePhase.run(20, edges, 0.0);
        // without the signal edges nobody is held: the block is one cluster of its 16 followers
        ClusterPhase.Groups plain = ClusterPhase.run(g, List.of(block), CoordinationParams.defaults().cluster(), 42,
                TerminationFlag.RUNNING_TRUE);
        assertThat(plain.members).containsExactly(followers);
        // with them the amplifiers stay together and the readers are the block's cluster
        ClusterPhase.Groups held = ClusterPhase.run(g, edges, List.of(block), CoordinationParams.defaults().cluster(),
                42, TerminationFlag.RUNNING_TRUE);
        assertThat(held.members).containsExactly(new int[]{0, 1, 2, 3, 4, 5, 6, 7},
                new int[]{8, 9, 10, 11, 12, 13, 14, 15});
        assertThat(held.blocks).containsExactly(null, block);
        // follow edges and other signals than reactions hold nobody
        assertThat(ClusterPhase.heldByCoAction(new int[]{0, 0, 0, 1}, 2, List.of(edge(0, 1, "co-text", 1),
                edge(1, 2, "lockstep-follow", 1), edge(2, 3, "co-retweet", 1)), 3)).containsOnly(false);
        assertThat(ClusterPhase.heldByCoAction(new int[]{0, 0, 0, 1}, 2, List.of(edge(0, 1, "fast-retweet", 1),
                edge(1, 2, "co-reply", 1)), 3)).containsExactly(true, true, true, false);
        // nor in a cluster below the minimum size
        assertThat(ClusterPhase.heldByCoAction(new int[]{0, 0, 1, 1}, 2, List.of(edge(0, 1, "co-retweet", 1)), 3))
                .containsOnly(false);
    }

    @Test
    void accountsTiedOutOfTheirClusterJoinTheSuspiciousClusterTheirCarvingEdgesName() {
        // a ring 0–5 (co-text clique, scored 0.8) and an honest follow cluster 6–15 (0.2) that holds some ring members
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int u = 0; u < 6; u++) {
            for (int v = u + 1; v < 6; v++) {
                edges.add(edge(u, v, "co-text", 0.8));
            }
        }
        for (int u = 6; u < 16; u++) {
            for (int v = u + 1; v < 16; v++) {
                edges.add(edge(u, v, "lockstep-follow", 0.1));
            }
        }
        edges.add(edge(0, 6, "co-text", 0.7)); // 6: both of its carving partners in the ring, once by two signals
        edges.add(edge(1, 6, "co-text", 0.7));
        edges.add(edge(1, 6, "co-link-slow", 0.5));
        edges.add(edge(0, 7, "co-text", 0.7)); // 7: two of five partners in the ring
        edges.add(edge(1, 7, "co-text", 0.7));
        for (int v = 8; v < 11; v++) {
            edges.add(edge(7, v, "co-retweet", 0.3));
        }
        for (int u = 0; u < 3; u++) {
            edges.add(edge(u, 12, "co-hashtag", 0.9)); // 12: no carving edge (co-hashtag carves nothing)
        }
        edges.add(edge(0, 13, "co-text", 0.7)); // 13: one partner, under the minimum
        edges.add(edge(3, 16, "co-link-slow", 0.5)); // 16: outside every cluster, two partners, both in the ring
        edges.add(edge(4, 16, "hashtag-burst", 0.5));
        edges.add(edge(6, 17, "co-text", 0.6)); // 17: tied to 6 and 16 alone, who join first: it joins a pass later
        edges.add(edge(16, 17, "co-text", 0.6));
        List<Cluster> kept = new ArrayList<>(List.of(
                new Cluster(0, "link-ring", new int[]{0, 1, 2, 3, 4, 5}, 0.8, List.of("co-text"), List.of(), 0, 0),
                new Cluster(1, "follower-farm", new int[]{6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 0.2,
                        List.of("lockstep-follow"), List.of(), 0, 0)));
        ScorePhase.joinTiedOut(kept, edges, 20, 0.5);
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).members()).containsExactly(0, 1, 2, 3, 4, 5, 6, 16, 17);
        assertThat(kept.get(0).score()).isEqualTo(0.8);
        assertThat(kept.get(1).members()).containsExactly(7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(kept.get(1).score()).isEqualTo(0.2);

        // a ring that the clustering left in two suspicious pieces (18–20 and 21–23): an account with its partners
        // spread over both joins the piece holding most of them when the pieces hold more than half of its partners
        List<CoordinationEdge> split = new ArrayList<>();
        for (int u = 18; u < 24; u++) {
            for (int v = u + 1; v < 24; v++) {
                split.add(edge(u, v, "co-text", 0.8));
            }
        }
        split.add(edge(18, 24, "co-text", 0.7)); // 24: 2 + 1 of 5 partners in the pieces, 2 honest
        split.add(edge(19, 24, "co-text", 0.7));
        split.add(edge(21, 24, "co-text", 0.7));
        split.add(edge(24, 26, "co-retweet", 0.3));
        split.add(edge(24, 27, "co-retweet", 0.3));
        split.add(edge(18, 25, "co-text", 0.7)); // 25: 1 + 1 of 4: no piece holds two
        split.add(edge(21, 25, "co-text", 0.7));
        split.add(edge(25, 26, "co-retweet", 0.3));
        split.add(edge(25, 27, "co-retweet", 0.3));
        List<Cluster> pieces = new ArrayList<>(List.of(
                new Cluster(0, "copypasta", new int[]{18, 19, 20}, 0.8, List.of("co-text"), List.of(), 0, 0),
                new Cluster(1, "copypasta", new int[]{21, 22, 23}, 0.7, List.of("co-text"), List.of(), 0, 0),
                new Cluster(2, "follower-farm", new int[]{24, 25, 26, 27, 28}, 0.2, List.of("lockstep-follow"),
                        List.of(), 0, 0)));
        ScorePhase.joinTiedOut(pieces, split, 30, 0.5);
        assertThat(pieces.get(0).members()).containsExactly(18, 19, 20, 24);
        assertThat(pieces.get(1).members()).containsExactly(21, 22, 23);
        assertThat(pieces.get(2).members()).containsExactly(25, 26, 27, 28);

        // with no suspicious cluster nobody moves
        List<Cluster> quiet = new ArrayList<>(List.of(
                new Cluster(0, "link-ring", new int[]{0, 1, 2, 3, 4, 5}, 0.45, List.of("co-text"), List.of(), 0, 0)));
        ScorePhase.joinTiedOut(quiet, edges, 20, 0.5);
        assertThat(quiet.get(0).members()).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
