package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LeidenTest {

    static List<Set<Integer>> communities(CommunityResult r) {
        List<Set<Integer>> out = new ArrayList<>();
        for (int c = 0; c < r.communityCount(); c++) {
            out.add(new TreeSet<>());
        }
        for (int v = 0; v < r.membership().length; v++) {
            out.get(r.membership()[v]).add(v);
        }
        return out;
    }

    @Test
    void karateClubReachesTheKnownOptimumAndRespectsTheFactions() {
        CommunityResult r = new Leiden(LeidenParams.defaults().withConcurrency(1)).communities(TestGraphs.karate());
        // the maximum modularity of the karate club is 0.4197896 (Brandes et al. 2008), with these four communities
        assertThat(r.modularity()).isCloseTo(0.4197896, within(1e-6));
        assertThat(communities(r)).containsExactlyInAnyOrder(
                Set.of(0, 1, 2, 3, 7, 11, 12, 13, 17, 19, 21),
                Set.of(4, 5, 6, 10, 16),
                Set.of(8, 9, 14, 15, 18, 20, 22, 26, 29, 30, 32, 33),
                Set.of(23, 24, 25, 27, 28, 31));
        // each community sits inside one faction except member 8 (a Mr. Hi supporter with Officer friends)
        int misplaced = 0;
        for (Set<Integer> c : communities(r)) {
            long hi = c.stream().filter(v -> TestGraphs.KARATE_FACTION[v] == 0).count();
            misplaced += (int) Math.min(hi, c.size() - hi);
        }
        assertThat(misplaced).isEqualTo(1);
        assertThat(r.didConverge()).isTrue();
        assertThat(r.membership()).hasSize(34);
    }

    @Test
    void twoCliquesJoinedByAnEdgeAreTwoCommunities() {
        CommunityResult r = new Leiden(LeidenParams.defaults()).communities(TestGraphs.twoCliques(5));
        assertThat(communities(r)).containsExactlyInAnyOrder(Set.of(0, 1, 2, 3, 4), Set.of(5, 6, 7, 8, 9));
        // by hand: m = 21, each clique has e_c = 10 and K_c = 21: Q = 2 (10/21 - 1/4) = 0.452381
        assertThat(r.modularity()).isCloseTo(2 * (10.0 / 21 - 0.25), within(1e-12));
        assertThat(r.qualityPerLevel()[r.qualityPerLevel().length - 1]).isCloseTo(r.modularity(), within(1e-9));
    }

    @Test
    void plantedPartitionIsRecovered() {
        CompactGraph g = TestGraphs.plantedPartition(10, 100, 0.12, 0.004, 7);
        CommunityResult r = new Leiden(LeidenParams.defaults()).communities(g);
        int[] planted = new int[1000];
        for (int v = 0; v < 1000; v++) {
            planted[v] = v / 100;
        }
        assertThat(PartitionComparison.nmi(r.membership(), planted)).isGreaterThanOrEqualTo(0.99);
        assertThat(r.communityCount()).isEqualTo(10);
        assertThat(r.modularity()).isCloseTo(ModularityComputer.compute(g, planted), within(0.01));
    }

    @Test
    void membershipIsNumberedByDecreasingSize() {
        CommunityResult r = new Leiden(LeidenParams.defaults()).communities(TestGraphs.karate());
        assertThat(r.communitySizes()).containsExactly(12, 11, 6, 5);
    }

    @Test
    void sameSeedSameResultWhateverTheConcurrency() {
        CompactGraph g = TestGraphs.plantedPartition(20, 50, 0.1, 0.01, 3);
        CommunityResult a = new Leiden(LeidenParams.defaults().withSeed(5).withConcurrency(1)).communities(g);
        CommunityResult b = new Leiden(LeidenParams.defaults().withSeed(5).withConcurrency(2)).communities(g);
        CommunityResult c = new Leiden(LeidenParams.defaults().withSeed(5).withConcurrency(1)).communities(g);
        assertThat(b.membership()).isEqualTo(a.membership());
        assertThat(c).isEqualTo(a);
    }

    @Test
    void cpmWithHighResolutionKeepsOnlyDenseGroups() {
        // CPM with γ = 0.5: a 5-clique (density 1) stays together, the bridge (density 1/25) is not worth it
        CommunityResult r = new Leiden(LeidenParams.defaults().withQuality(QualityFunction.CPM).withResolution(0.5))
                .communities(TestGraphs.twoCliques(5));
        assertThat(communities(r)).containsExactlyInAnyOrder(Set.of(0, 1, 2, 3, 4), Set.of(5, 6, 7, 8, 9));
        // CPM quality by hand: 2 × (10 − 0.5 × 10) = 10
        assertThat(r.qualityPerLevel()[r.qualityPerLevel().length - 1]).isCloseTo(10.0, within(1e-9));
        // with γ = 1.1 no pair is dense enough: everything is alone
        CommunityResult alone = new Leiden(LeidenParams.defaults().withQuality(QualityFunction.CPM).withResolution(1.1))
                .communities(TestGraphs.twoCliques(5));
        assertThat(alone.communityCount()).isEqualTo(10);
    }

    @Test
    void edgelessAndEmptyGraphs() {
        CommunityResult empty = new Leiden(LeidenParams.defaults()).communities(new CompactGraphBuilder(0).build());
        assertThat(empty.communityCount()).isZero();
        CommunityResult isolated = new Leiden(LeidenParams.defaults()).communities(new CompactGraphBuilder(3).build());
        assertThat(isolated.membership()).containsExactly(0, 1, 2);
        assertThat(isolated.modularity()).isZero();
    }

    @Test
    void communitiesAreConnected() {
        CompactGraph g = TestGraphs.plantedPartition(8, 60, 0.08, 0.01, 11);
        CommunityResult r = new Leiden(LeidenParams.defaults()).communities(g);
        int[] m = r.membership();
        for (int c = 0; c < r.communityCount(); c++) {
            int start = -1;
            int size = 0;
            for (int v = 0; v < m.length; v++) {
                if (m[v] == c) {
                    size++;
                    start = start < 0 ? v : start;
                }
            }
            boolean[] seen = new boolean[m.length];
            int[] stack = new int[m.length];
            int top = 0, reached = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int v = stack[--top];
                reached++;
                for (int i = g.start(v); i < g.end(v); i++) {
                    int u = g.target(i);
                    if (!seen[u] && m[u] == c) {
                        seen[u] = true;
                        stack[top++] = u;
                    }
                }
            }
            assertThat(reached).as("community %d connected", c).isEqualTo(size);
        }
    }

    @Test
    void cancellationStopsTheRun() {
        Leiden leiden = new Leiden(LeidenParams.defaults(), ProgressListener.NONE, () -> false);
        assertThatThrownBy(() -> leiden.communities(TestGraphs.karate())).isInstanceOf(CancellationException.class);
    }

    @Test
    void badParametersAreRejected() {
        LeidenParams d = LeidenParams.defaults();
        assertThatThrownBy(() -> d.withResolution(0)).hasMessageContaining("resolution");
        assertThatThrownBy(() -> d.withMaxLevels(0)).hasMessageContaining("maxLevels");
        assertThatThrownBy(() -> d.withIterations(0)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> d.withRandomness(-1)).hasMessageContaining("randomness");
        assertThatThrownBy(() -> d.withConcurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> d.withQuality(null)).hasMessageContaining("quality");
        assertThat(Arrays.asList(QualityFunction.values())).containsExactly(QualityFunction.MODULARITY, QualityFunction.CPM);
    }
}
