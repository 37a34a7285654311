package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CrowdShareTest {
    /**
     * Three fans f0–f2 retweet each of an idol's 5 posts within the same minute as 9 other accounts c0–c8; three bots
     * b0–b2 retweet 5 seed posts that nobody else retweets. Each fan meets 2 fans and 9 others per post, each bot
     * 2 bots and nobody else.
     */
    private static Activity crowdAndBots() {
        Timeline t = new Timeline().accounts("idol", "seed", "f0", "f1", "f2", "b0", "b1", "b2");
        for (int c = 0; c < 9; c++) {
            t.accounts("c" + c);
        }
        for (int p = 0; p < 5; p++) {
            long t0 = 10_000L * p;
            t.tweet("i" + p, "idol", t0).tweet("s" + p, "seed", t0 + 5_000);
            for (int f = 0; f < 3; f++) {
                t.retweet("f" + f, t0 + 10 + f, "i" + p);
            }
            for (int c = 0; c < 9; c++) {
                t.retweet("c" + c, t0 + 15 + c, "i" + p);
            }
            for (int b = 0; b < 3; b++) {
                t.retweet("b" + b, t0 + 5_002 + b, "s" + p);
            }
        }
        return t.build();
    }

    /** The crowd of {@code clusters} (ids in list order) under the default parameters. */
    private static CrowdShare crowd(Activity a, CompactGraph linked, int[]... clusters) {
        int[] groupOf = new int[a.accountCount()];
        Arrays.fill(groupOf, -1);
        for (int g = 0; g < clusters.length; g++) {
            for (int v : clusters[g]) {
                groupOf[v] = g;
            }
        }
        boolean[] all = new boolean[clusters.length];
        Arrays.fill(all, true);
        return CrowdShare.measure(a, CoordinationParams.defaults(), groupOf, all, all, linked,
                TerminationFlag.RUNNING_TRUE);
    }

    private static SortedActions retweets(Activity a) {
        return SortedActions.of("co-retweet", CoRetweetSignal.referencing(a, PostKind.RETWEET), a.accountCount());
    }

    @Test
    void closednessIsTheShareOfCoReactorsInsideTheCluster() {
        Activity a = crowdAndBots();
        int[] fans = {2, 3, 4};
        int[] bots = {5, 6, 7};
        CrowdShare crowd = crowd(a, null, fans, bots);
        // each fan reaction has 2 fans and 9 others within 60 s
        assertThat(crowd.retweet(0)).isCloseTo(2.0 / 11, within(1e-12));
        assertThat(crowd.retweet(1)).isEqualTo(1.0);
        // nobody replied
        assertThat(crowd.reply(0)).isNaN();
        // a window of 0 s leaves no co-reactor
        int[] groupOf = new int[a.accountCount()];
        Arrays.fill(groupOf, -1);
        for (int b : bots) {
            groupOf[b] = 0;
        }
        assertThat(CrowdShare.closedness(retweets(a), 0, 200, groupOf, new boolean[] {true}, null,
                TerminationFlag.RUNNING_TRUE)[0]).isNaN();
    }

    @Test
    void onALargeItemOnlyTheCoActorsOfTheMembersAccountGroupCount() {
        // 1,200 accounts retweet 3 originals within 50 s: each original is split into 16 account groups, and the
        // accounts of one group are compared with each other only
        int n = 1_200;
        Timeline t = new Timeline().accounts("author");
        for (int i = 0; i < n; i++) {
            t.accounts("u" + i);
        }
        for (int p = 0; p < 3; p++) {
            long t0 = 10_000L * p;
            t.tweet("o" + p, "author", t0);
            for (int i = 0; i < n; i++) {
                t.retweet("u" + i, t0 + 1 + i % 50, "o" + p);
            }
        }
        Activity a = t.build();
        int bits = ItemPairs.groupBits(n);
        assertThat(bits).isEqualTo(4);
        int[] groupOf = new int[a.accountCount()];
        Arrays.fill(groupOf, -1);
        int members = 0;
        for (int v = 1; v <= n; v++) {
            if (ItemPairs.group(v, bits) == 5) {
                groupOf[v] = 0;
                members++;
            }
        }
        assertThat(members).isBetween(40, 120);
        double[] closed = CrowdShare.closedness(retweets(a), 60, 200, groupOf, new boolean[] {true}, null,
                TerminationFlag.RUNNING_TRUE);
        // the other 1,100-odd co-retweeters were never compared with the group: they are not a crowd around it
        assertThat(closed[0]).isEqualTo(1.0);
        // half of the group: the other half are co-actors it was compared with, outside the cluster
        int half = 0;
        for (int v = 1; v <= n; v++) {
            if (groupOf[v] == 0 && half++ % 2 == 1) {
                groupOf[v] = -1;
            }
        }
        int kept = (members + 1) / 2;
        double[] halfClosed = CrowdShare.closedness(retweets(a), 60, 200, groupOf, new boolean[] {true}, null,
                TerminationFlag.RUNNING_TRUE);
        // every member met the whole group on every item: (kept - 1) of (members - 1) co-actors inside
        assertThat(halfClosed[0]).isCloseTo((kept - 1.0) / (members - 1.0), within(1e-12));
    }

    @Test
    void crowdFactorScalesOnlyTheCoReactionShareOfTheEvidence() {
        Activity a = crowdAndBots();
        int[] fans = {2, 3, 4};
        int[] bots = {5, 6, 7};
        ClusterScorer scorer = new ClusterScorer(a, CoordinationParams.defaults(), crowd(a, null, fans, bots), null);
        assertThat(scorer.crowdFactor(0, Map.of(CoordinationSignal.CO_RETWEET, 3), 3))
                .isCloseTo(2.0 / 11, within(1e-12));
        // one co-retweet edge of four internal edges: 1 − 1/4 · (1 − 2/11)
        assertThat(scorer.crowdFactor(0, Map.of(CoordinationSignal.CO_RETWEET, 1,
                CoordinationSignal.CO_TEXT, 3), 4)).isCloseTo(1 - 0.25 * 9 / 11, within(1e-12));
        assertThat(scorer.crowdFactor(0, Map.of(CoordinationSignal.CO_TEXT, 3), 3)).isEqualTo(1.0);
        assertThat(scorer.crowdFactor(1, Map.of(CoordinationSignal.CO_RETWEET, 3), 3)).isEqualTo(1.0);
        // the fans' clique scores its timed formula times 2/11: below the suspicious score; the bots' does not drop
        List<CoordinationEdge> fanEdges = List.of(edge(2, 3), edge(2, 4), edge(3, 4));
        List<CoordinationEdge> botEdges = List.of(edge(5, 6), edge(5, 7), edge(6, 7));
        double fanScore = scorer.score(0, fans, fanEdges, 3).score();
        double botScore = scorer.score(1, bots, botEdges, 3).score();
        assertThat(fanScore).isLessThan(CoordinationParams.defaults().cluster().suspiciousScore());
        assertThat(botScore).isGreaterThanOrEqualTo(CoordinationParams.defaults().cluster().suspiciousScore());
        assertThat(fanScore).isCloseTo(botScore * 2 / 11, within(0.1));
        // without crowd measurements the fans keep their timed score, 11/2 of the scaled one
        assertThat(new ClusterScorer(a, CoordinationParams.defaults()).score(0, fans, fanEdges, 3).score() * 2 / 11)
                .isCloseTo(fanScore, within(1e-12));
    }

    @Test
    void coActorsTheCoordinationGraphLinksToAMemberCountAsInside() {
        Activity a = crowdAndBots();
        // modularity cut the botnet b0–b2 into the piece {b0, b1} and b2: alone, the piece meets b2 as an outsider
        int[] piece = {5, 6};
        assertThat(crowd(a, null, piece).retweet(0)).isCloseTo(0.5, within(1e-12));
        // the combined graph links b1 to b2: b2 is coordinated with the piece, not a crowd around it
        CompactGraph linked = new CompactGraphBuilder(a.accountCount()).addEdge(5, 6).addEdge(6, 7).build();
        assertThat(crowd(a, linked, piece).retweet(0)).isEqualTo(1.0);
        // the fans' crowd c0–c8 is linked to no fan: their closedness stays 2/11
        CompactGraph fansLinked = new CompactGraphBuilder(a.accountCount()).addEdge(2, 3).addEdge(3, 4).build();
        assertThat(crowd(a, fansLinked, new int[] {2, 3, 4}).retweet(0)).isCloseTo(2.0 / 11, within(1e-12));
    }

    /** A co-retweet edge of 5 shared originals where the null model expects 0.01 (p ≈ 8 · 10⁻¹³). */
    private static CoordinationEdge edge(int u, int v) {
        return new CoordinationEdge(u, v, CoordinationSignal.CO_RETWEET, 0.3, 5,
                List.of(new Evidence("x", 100, 101)), 0.01);
    }
}
