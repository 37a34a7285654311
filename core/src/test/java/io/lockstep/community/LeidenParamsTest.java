package io.lockstep.community;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeidenParamsTest {
    /** Every component set away from its default and from each other, so a wither writing the wrong one shows. */
    private static final LeidenParams SET = new LeidenParams(QualityFunction.CPM, 0.3, 7L, 5, 2, 0.25, 3);

    @Test
    void eachWitherChangesItsComponentAlone() {
        assertThat(SET.withQuality(QualityFunction.MODULARITY))
                .isEqualTo(new LeidenParams(QualityFunction.MODULARITY, 0.3, 7L, 5, 2, 0.25, 3));
        assertThat(SET.withResolution(0.9)).isEqualTo(new LeidenParams(QualityFunction.CPM, 0.9, 7L, 5, 2, 0.25, 3));
        assertThat(SET.withSeed(11L)).isEqualTo(new LeidenParams(QualityFunction.CPM, 0.3, 11L, 5, 2, 0.25, 3));
        assertThat(SET.withMaxLevels(9)).isEqualTo(new LeidenParams(QualityFunction.CPM, 0.3, 7L, 9, 2, 0.25, 3));
        assertThat(SET.withIterations(4)).isEqualTo(new LeidenParams(QualityFunction.CPM, 0.3, 7L, 5, 4, 0.25, 3));
        assertThat(SET.withRandomness(0.0)).isEqualTo(new LeidenParams(QualityFunction.CPM, 0.3, 7L, 5, 2, 0.0, 3));
        assertThat(SET.withConcurrency(1)).isEqualTo(new LeidenParams(QualityFunction.CPM, 0.3, 7L, 5, 2, 0.25, 1));
    }

    @Test
    void aWitherChecksItsValueAsTheConstructorDoes() {
        assertThatThrownBy(() -> SET.withIterations(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iterations must be >= 1, was 0");
        assertThatThrownBy(() -> SET.withResolution(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resolution");
    }
}
