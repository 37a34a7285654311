package io.lockstep.cli;

import io.lockstep.community.BestOfSeeds;
import io.lockstep.community.LabelPropagation;
import io.lockstep.community.LabelPropagationParams;
import io.lockstep.community.Leiden;
import io.lockstep.community.LeidenParams;
import io.lockstep.community.Louvain;
import io.lockstep.community.LouvainParams;
import io.lockstep.community.QualityFunction;
import io.lockstep.community.TestGraphs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code communities}' parameter table: each option given reaches the detection, the others keep Leiden's defaults. */
class CommunityParametersTest {
    private static CommunityParameters parsed(String... args) {
        CommunitiesCommand command = new CommunitiesCommand();
        Lockstep.configured(command).parseArgs(args);
        return command.parameters;
    }

    @Test
    void withoutOptionsTheDetectionIsLeidenWithItsDefaults() {
        CommunityParameters p = parsed();
        assertThat(p.detection(9)).isInstanceOf(Leiden.class);
        assertThat(((Leiden) p.detection(9)).params())
                .isEqualTo(LeidenParams.defaults().withSeed(9).withConcurrency(p.threads()));
        assertThat(p.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void leidensOptionsReachItsParameters() {
        CommunityParameters p = parsed("--quality", "cpm", "--resolution", "0.05", "--iterations", "5",
                "--concurrency", "2");
        assertThat(((Leiden) p.detection(4)).params()).isEqualTo(new LeidenParams(QualityFunction.CPM, 0.05, 4,
                LeidenParams.MAX_LEVELS_DEFAULT, 5, LeidenParams.RANDOMNESS_DEFAULT, 2));
        assertThat(p.threads()).isEqualTo(2);
    }

    @Test
    void louvainGetsTheResolutionAndSeedAndLabelPropagationTheSeed() {
        assertThat(((Louvain) parsed("--algorithm", "louvain", "--resolution", "0.5").detection(3)).params())
                .isEqualTo(LouvainParams.defaults().withResolution(0.5).withSeed(3));
        assertThat(((LabelPropagation) parsed("--algorithm", "LPA").detection(3)).params())
                .isEqualTo(LabelPropagationParams.defaults().withSeed(3));
    }

    @Test
    void theAlgorithmAndRestartsChooseTheDetection() {
        assertThat(parsed("--algorithm", "louvain").detection(1)).isInstanceOf(Louvain.class);
        assertThat(parsed("--algorithm", "LPA").detection(1)).isInstanceOf(LabelPropagation.class);
        CommunityParameters best = parsed("--restarts", "3");
        assertThat(best.detection(1)).isInstanceOf(BestOfSeeds.class);
        // the best of seeds 1, 2, 3 is at least as good as seed 1 alone
        assertThat(best.detection(1).communities(TestGraphs.karate()).modularity())
                .isGreaterThanOrEqualTo(parsed().detection(1).communities(TestGraphs.karate()).modularity());
    }
}
