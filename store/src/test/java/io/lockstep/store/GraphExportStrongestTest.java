package io.lockstep.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GraphExportStrongestTest {
    @Test
    void keepsAnEdgeWhenItIsAmongTheHeaviestAtEitherEnd() {
        // a hub h with 5 edges of weights 1..5, and a leaf x whose only edge is h's lightest
        List<GraphExport.WeightedPair> pairs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            pairs.add(new GraphExport.WeightedPair("h", "n" + i, i + 1));
        }
        pairs.add(new GraphExport.WeightedPair("x", "h", 1));
        List<GraphExport.WeightedPair> kept = GraphExport.strongest(pairs, 2);
        // h keeps n4 and n3 (weights 5 and 4); every leaf keeps its only edge, so all 5 survive
        assertThat(kept).hasSize(5);

        // among 4 nodes fully connected with distinct weights, at most 2 per node survive
        List<GraphExport.WeightedPair> clique = new ArrayList<>();
        String[] v = {"a", "b", "c", "d"};
        double w = 1;
        for (int i = 0; i < v.length; i++) {
            for (int j = i + 1; j < v.length; j++) {
                clique.add(new GraphExport.WeightedPair(v[i], v[j], w++));
            }
        }
        List<GraphExport.WeightedPair> top = GraphExport.strongest(clique, 1);
        // each node's heaviest: a-d (3), b-d (5), c-d (6), d-c (6): three distinct edges, in input order
        assertThat(top).extracting(p -> p.source() + p.target()).containsExactly("ad", "bd", "cd");
    }

    @Test
    void keepsTheSamePairsInWhateverOrderTheyCome() {
        // reciprocal pairs of equal weight tie at both ends on the other end's id: the source's id decides
        List<GraphExport.WeightedPair> pairs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pairs.add(new GraphExport.WeightedPair("h", "n" + i, 1));
            pairs.add(new GraphExport.WeightedPair("n" + i, "h", 1));
        }
        List<GraphExport.WeightedPair> reversed = new ArrayList<>(pairs);
        Collections.reverse(reversed);
        List<GraphExport.WeightedPair> kept = GraphExport.strongest(pairs, 2);
        // h keeps h->n0 and h->n1 (n0 and n1 first, then "h" < "n0" as a source); every n_i keeps both of its pairs
        assertThat(kept).hasSize(12);
        List<GraphExport.WeightedPair> one = GraphExport.strongest(pairs, 1);
        assertThat(one).extracting(p -> p.source() + ">" + p.target())
                .containsExactlyInAnyOrder("h>n0", "h>n1", "h>n2", "h>n3", "h>n4", "h>n5");
        assertThat(GraphExport.strongest(reversed, 1)).containsExactlyInAnyOrderElementsOf(one);
    }
}
