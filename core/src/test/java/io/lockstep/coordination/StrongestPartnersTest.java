package io.lockstep.coordination;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrongestPartnersTest {

    static CoordinationEdge edge(int a, int b, String signal, double w, int count) {
        return new CoordinationEdge(Math.min(a, b), Math.max(a, b), signal, w, count, List.of());
    }

    /**
     * Account 0 with co-text partners 1..{@code n} (weights 0.99, 0.98, … and 2 shared items each) and one weaker
     * co-link partner n + 1 (weight 0.1, 3 items); a list the test may add to.
     */
    static List<CoordinationEdge> coTextPartnersAndOneCoLink(int n) {
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int b = 1; b <= n; b++) {
            edges.add(edge(0, b, "co-text", 1.0 - b / 100.0, 2));
        }
        edges.add(edge(0, n + 1, "co-link", 0.1, 3));
        return edges;
    }

    @Test
    void aCliqueOf100KeepsAtMostTenRowsPerAccount() {
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int a = 0; a < 100; a++) {
            for (int b = a + 1; b < 100; b++) {
                edges.add(edge(a, b, CoordinationSignal.CO_RETWEET, 1.0 / (1 + Math.abs(a - b)), 3));
            }
        }
        List<CoordinationEdge> kept = StrongestPartners.keep(edges, 10, 100);
        assertThat(edges).hasSize(4950);
        // the strongest partners are the 5 nearest ids on each side: pairs at distance <= 5, plus the ends'
        // farther partners
        assertThat(kept.size()).isLessThanOrEqualTo(1000).isGreaterThanOrEqualTo(500);
        for (CoordinationEdge e : kept) {
            assertThat(e.target() - e.source()).isLessThanOrEqualTo(10);
        }
        assertThat(kept).filteredOn(e -> e.target() - e.source() <= 5).hasSize(99 + 98 + 97 + 96 + 95);
    }

    @Test
    void anEdgeKeptByEitherEndStaysAndTiesBreakByCountThenPartner() {
        // account 0 has four partners; with k = 2 it keeps 1 (weight 0.9) and 3 (weight 0.5, count 4) over 2
        // (weight 0.5, count 2); account 4 keeps its only edge, to 0
        List<CoordinationEdge> edges = List.of(edge(0, 1, "co-retweet", 0.9, 1), edge(0, 2, "co-retweet", 0.5, 2),
                edge(0, 3, "co-retweet", 0.5, 4), edge(0, 4, "co-retweet", 0.1, 1));
        List<CoordinationEdge> kept = StrongestPartners.keep(edges, 2, 5);
        assertThat(kept).extracting(CoordinationEdge::target).containsExactly(1, 2, 3, 4);
        List<CoordinationEdge> more = new ArrayList<>(edges);
        more.add(edge(2, 3, "co-retweet", 0.95, 1));
        more.add(edge(2, 4, "co-retweet", 0.95, 1));
        more.add(edge(4, 1, "co-retweet", 0.95, 1));
        // now 2 keeps 3 and 4, 4 keeps 1 and 2: only 0's own choices keep (0,1) and (0,3)
        assertThat(StrongestPartners.keep(more, 2, 5)).extracting(e -> e.source() + "-" + e.target())
                .containsExactly("0-1", "0-3", "2-3", "2-4", "1-4");
    }

    @Test
    void everySignalOfAnAccountStaysVisible() {
        // account 0: five strong co-text partners and one weak co-link partner; k = 2 over two signals keeps the
        // two strongest of each (at least two per signal); partners 3..5 prefer two stronger partners of their own
        List<CoordinationEdge> edges = coTextPartnersAndOneCoLink(5);
        for (int b = 3; b <= 5; b++) {
            edges.add(edge(b, 10 + 2 * b, "co-text", 1.0, 2));
            edges.add(edge(b, 11 + 2 * b, "co-text", 1.0, 2));
        }
        List<CoordinationEdge> kept = StrongestPartners.keep(edges, 2, 30);
        assertThat(kept).filteredOn(e -> e.source() == 0).extracting(e -> e.signal() + ":" + e.target())
                .containsExactly("co-text:1", "co-text:2", "co-link:6");
        assertThat(kept).hasSize(3 + 6);
    }

    @Test
    void flaggedAccountsChooseTheirStrongestAndOrdinaryPairsShareABudgetOfTheSameSize() {
        // a clique of 30 where only accounts 0..2 are flagged, plus 100 disjoint ordinary pairs 100+2i - 101+2i
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int a = 0; a < 30; a++) {
            for (int b = a + 1; b < 30; b++) {
                edges.add(edge(a, b, "co-retweet", 1.0 / (1 + b - a), 3));
            }
        }
        for (int i = 0; i < 100; i++) {
            edges.add(edge(100 + 2 * i, 101 + 2 * i, "co-retweet", 0.001 * (i + 1), 3));
        }
        boolean[] flagged = new boolean[300];
        flagged[0] = flagged[1] = flagged[2] = true;
        List<CoordinationEdge> kept = StrongestPartners.report(edges, 10, flagged);
        List<CoordinationEdge> byFlagged = kept.stream().filter(e -> e.source() <= 2).toList();
        // each flagged account its 10 nearest ids (0-1 and 1-2 chosen by both ends)
        assertThat(byFlagged).hasSizeLessThanOrEqualTo(30);
        assertThat(byFlagged).extracting(e -> e.source() + "-" + e.target()).contains("0-1", "0-10", "0-2", "2-10")
                .doesNotContain("0-11", "2-11");
        // ordinary rows: the 30 strongest (3 flagged x 10) of the clique's unflagged pairs and the lone pairs; the
        // clique's unflagged pairs 3..29 are stronger than any lone pair
        List<CoordinationEdge> ordinary = kept.stream().filter(e -> e.source() > 2).toList();
        assertThat(ordinary).hasSize(30).allMatch(e -> e.source() < 30);
        assertThat(kept.size()).isLessThanOrEqualTo(20 * 3);
    }

    @Test
    void withNoAccountFlaggedTheStrongestOrdinaryPairsAreStillReported() {
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            edges.add(edge(2 * i, 2 * i + 1, "co-retweet", 0.001 * (i + 1), 3));
        }
        List<CoordinationEdge> kept = StrongestPartners.report(edges, 10, new boolean[200]);
        assertThat(kept).hasSize(10).extracting(CoordinationEdge::source).containsExactly(180, 182, 184, 186, 188,
                190, 192, 194, 196, 198);
    }

    @Test
    void aFlaggedAccountShowsEachOfItsSignalsBeforeMorePartnersOfOne() {
        // account 0 (flagged): twelve strong co-text partners and one weak co-link partner; k = 10 keeps the co-link
        // edge and the nine strongest co-text ones
        List<CoordinationEdge> edges = coTextPartnersAndOneCoLink(12);
        boolean[] flagged = new boolean[14];
        flagged[0] = true;
        List<CoordinationEdge> kept = StrongestPartners.report(edges, 10, flagged);
        assertThat(kept).extracting(e -> e.signal() + ":" + e.target()).containsExactly("co-text:1", "co-text:2",
                "co-text:3", "co-text:4", "co-text:5", "co-text:6", "co-text:7", "co-text:8", "co-text:9",
                "co-link:13");
    }

    @Test
    void kMustBePositive() {
        assertThatThrownBy(() -> StrongestPartners.keep(List.of(), 0, 1)).hasMessageContaining("k must be >= 1");
        assertThatThrownBy(() -> StrongestPartners.report(List.of(), 0, new boolean[1]))
                .hasMessageContaining("k must be >= 1");
    }
}
