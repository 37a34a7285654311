package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BestOfSeedsTest {
    /** A sparse planted partition with weak groups: seeds end in different local optima there. */
    private static final CompactGraph FUZZY = TestGraphs.plantedPartition(12, 40, 0.12, 0.02, 3);
    private static final LongFunction<CommunityDetection> LEIDEN =
            s -> new Leiden(LeidenParams.defaults().withSeed(s).withConcurrency(1));

    @Test
    void keepsTheHighestModularityOfItsSeedsAndTheFirstOnTies() {
        double best = Double.NEGATIVE_INFINITY;
        long bestSeed = -1;
        Set<Double> distinct = new HashSet<>();
        for (long s = 100; s < 108; s++) {
            double q = LEIDEN.apply(s).communities(FUZZY).modularity();
            distinct.add(q);
            if (q > best) {
                best = q;
                bestSeed = s;
            }
        }
        assertThat(distinct).as("the seeds must disagree for this test to mean anything").hasSizeGreaterThan(1);
        CommunityResult r = new BestOfSeeds(LEIDEN, 100, 8).communities(FUZZY);
        assertThat(r.modularity()).isEqualTo(best);
        assertThat(r).isEqualTo(LEIDEN.apply(bestSeed).communities(FUZZY));
        assertThat(new BestOfSeeds(LEIDEN, 100, 1).communities(FUZZY)).isEqualTo(LEIDEN.apply(100).communities(FUZZY));
    }

    @Test
    void runsMustBePositive() {
        assertThatThrownBy(() -> new BestOfSeeds(LEIDEN, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs must be >= 1, was 0");
    }
}
