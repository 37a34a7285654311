package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import org.junit.jupiter.api.Test;

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

    @Test
    void closednessIsTheShareOfCoReactorsInsideTheCluster() {
        Activity a = crowdAndBots();
        CrowdShare crowd = new CrowdShare(a, PostKind.RETWEET, 60);
        int[] fans = {2, 3, 4};
        int[] bots = {5, 6, 7};
        boolean[] member = new boolean[a.accountCount()];
        for (int f : fans) {
            member[f] = true;
        }
        // each fan reaction has 2 fans and 9 others within 60 s
        assertThat(crowd.closedness(fans, member)).isCloseTo(2.0 / 11, within(1e-12));
        member = new boolean[a.accountCount()];
        for (int b : bots) {
            member[b] = true;
        }
        assertThat(crowd.closedness(bots, member)).isEqualTo(1.0);
        // a window of 0 s leaves no co-reactor
        assertThat(new CrowdShare(a, PostKind.RETWEET, 0).closedness(bots, member)).isNaN();
    }

    @Test
    void crowdFactorScalesOnlyTheCoReactionShareOfTheEvidence() {
        Activity a = crowdAndBots();
        ClusterScorer scorer = new ClusterScorer(a, DetectionParams.defaults());
        int[] fans = {2, 3, 4};
        assertThat(scorer.crowdFactor(fans, Map.of(CoordinationSignal.CO_RETWEET, 3), 3))
                .isCloseTo(2.0 / 11, within(1e-12));
        // one co-retweet edge of four internal edges: 1 − 1/4 · (1 − 2/11)
        assertThat(scorer.crowdFactor(fans, Map.of(CoordinationSignal.CO_RETWEET, 1,
                CoordinationSignal.CO_TEXT, 3), 4)).isCloseTo(1 - 0.25 * 9 / 11, within(1e-12));
        assertThat(scorer.crowdFactor(fans, Map.of(CoordinationSignal.CO_TEXT, 3), 3)).isEqualTo(1.0);
        assertThat(scorer.crowdFactor(new int[] {5, 6, 7}, Map.of(CoordinationSignal.CO_RETWEET, 3), 3))
                .isEqualTo(1.0);
        // the fans' clique scores its timed formula times 2/11: below the suspicious score; the bots' does not drop
        List<CoordinationEdge> fanEdges = List.of(edge(2, 3), edge(2, 4), edge(3, 4));
        List<CoordinationEdge> botEdges = List.of(edge(5, 6), edge(5, 7), edge(6, 7));
        double fanScore = scorer.score(0, fans, fanEdges, 3).score();
        double botScore = scorer.score(1, new int[] {5, 6, 7}, botEdges, 3).score();
        assertThat(fanScore).isLessThan(DetectionParams.defaults().cluster().suspiciousScore());
        assertThat(botScore).isGreaterThanOrEqualTo(DetectionParams.defaults().cluster().suspiciousScore());
        assertThat(fanScore).isCloseTo(botScore * 2 / 11, within(0.1));
    }

    @Test
    void coActorsTheCoordinationGraphLinksToAMemberCountAsInside() {
        Activity a = crowdAndBots();
        // modularity cut the botnet b0–b2 into the piece {b0, b1} and b2: alone, each piece meets b2 as an outsider
        int[] piece = {5, 6};
        Map<String, Integer> retweetEdges = Map.of(CoordinationSignal.CO_RETWEET, 1);
        assertThat(new ClusterScorer(a, DetectionParams.defaults()).crowdFactor(piece, retweetEdges, 1))
                .isCloseTo(0.5, within(1e-12));
        // the combined graph links b1 to b2: b2 is coordinated with the piece, not a crowd around it
        CompactGraph linked = new CompactGraphBuilder(a.accountCount()).addEdge(5, 6).addEdge(6, 7).build();
        assertThat(new ClusterScorer(a, DetectionParams.defaults(), linked).crowdFactor(piece, retweetEdges, 1))
                .isEqualTo(1.0);
        // the fans' crowd c0–c8 is linked to no fan: their factor stays 2/11
        CompactGraph fansLinked = new CompactGraphBuilder(a.accountCount()).addEdge(2, 3).addEdge(3, 4).build();
        assertThat(new ClusterScorer(a, DetectionParams.defaults(), fansLinked)
                .crowdFactor(new int[] {2, 3, 4}, retweetEdges, 1)).isCloseTo(2.0 / 11, within(1e-12));
    }

    private static CoordinationEdge edge(int u, int v) {
        return new CoordinationEdge(u, v, CoordinationSignal.CO_RETWEET, 0.3, 5,
                List.of(new Evidence("x", 100, 101)));
    }
}
