package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LouvainAndLabelPropagationTest {
    @Test
    void everyDetectionRefusesNoGraphByName() {
        for (CommunityDetection d : new CommunityDetection[]{new Leiden(LeidenParams.defaults()),
                new Louvain(LouvainParams.defaults()), new LabelPropagation(LabelPropagationParams.defaults())}) {
            assertThatThrownBy(() -> d.communities(null)).isInstanceOf(NullPointerException.class).hasMessage("graph");
        }
    }

    @Test
    void louvainOnKarateReachesHighModularity() {
        CommunityResult r = new Louvain(LouvainParams.defaults()).communities(TestGraphs.karate());
        // Louvain reaches 0.415-0.420 on the karate club depending on the order (the optimum is 0.4198)
        assertThat(r.modularity()).isBetween(0.415, 0.4198);
        assertThat(r.modularity()).isCloseTo(ModularityComputer.compute(TestGraphs.karate(), r.membership()), within(1e-12));
    }

    @Test
    void louvainSplitsTwoCliques() {
        CommunityResult r = new Louvain(LouvainParams.defaults()).communities(TestGraphs.twoCliques(5));
        assertThat(LeidenTest.communities(r)).containsExactlyInAnyOrder(Set.of(0, 1, 2, 3, 4), Set.of(5, 6, 7, 8, 9));
        assertThat(r.didConverge()).isTrue();
    }

    /**
     * NMI between the planted partition of ten groups of 100 vertices (edge probability {@code pIn} inside a group,
     * {@code pOut} across, seed 7) and what {@code detection} finds on it.
     */
    static double plantedNmi(CommunityDetection detection, double pIn, double pOut) {
        CompactGraph g = TestGraphs.plantedPartition(10, 100, pIn, pOut, 7);
        int[] planted = new int[1000];
        for (int v = 0; v < 1000; v++) {
            planted[v] = v / 100;
        }
        return PartitionComparison.nmi(detection.communities(g).membership(), planted);
    }

    @Test
    void louvainRecoversAPlantedPartition() {
        assertThat(plantedNmi(new Louvain(LouvainParams.defaults()), 0.12, 0.004)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void labelPropagationSplitsTwoCliques() {
        CommunityResult r = new LabelPropagation(LabelPropagationParams.defaults()).communities(TestGraphs.twoCliques(6));
        assertThat(LeidenTest.communities(r)).containsExactlyInAnyOrder(Set.of(0, 1, 2, 3, 4, 5), Set.of(6, 7, 8, 9, 10, 11));
        assertThat(r.didConverge()).isTrue();
    }

    @Test
    void labelPropagationRecoversAPlantedPartition() {
        assertThat(plantedNmi(new LabelPropagation(LabelPropagationParams.defaults()), 0.15, 0.002))
                .isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void sameSeedSameResult() {
        CompactGraph g = TestGraphs.plantedPartition(20, 50, 0.1, 0.01, 3);
        assertThat(new Louvain(LouvainParams.defaults().withSeed(9)).communities(g))
                .isEqualTo(new Louvain(LouvainParams.defaults().withSeed(9)).communities(g));
        assertThat(new LabelPropagation(LabelPropagationParams.defaults().withSeed(9)).communities(g))
                .isEqualTo(new LabelPropagation(LabelPropagationParams.defaults().withSeed(9)).communities(g));
    }

    @Test
    void nmiByHand() {
        assertThat(PartitionComparison.nmi(new int[]{0, 0, 1, 1}, new int[]{5, 5, 7, 7})).isCloseTo(1.0, within(1e-12));
        assertThat(PartitionComparison.nmi(new int[]{0, 0, 1, 1}, new int[]{0, 1, 0, 1})).isCloseTo(0.0, within(1e-12));
        // {0,0,1,1} vs {0,0,0,1}: H(A)=ln2, H(B)=−(3/4 ln 3/4 + 1/4 ln 1/4), I = H(B) − H(B|A) = H(B) − ln2/2
        double hb = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        double expected = 2 * (hb - Math.log(2) / 2) / (Math.log(2) + hb);
        assertThat(PartitionComparison.nmi(new int[]{0, 0, 1, 1}, new int[]{0, 0, 0, 1})).isCloseTo(expected, within(1e-12));
    }
}
