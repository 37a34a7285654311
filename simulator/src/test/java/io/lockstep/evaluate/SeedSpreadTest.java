package io.lockstep.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedSpreadTest {
    private static EvaluationResult result(double f1, int farmFlagged, int organicFlagged) {
        return new EvaluationResult(farmFlagged, organicFlagged, 10 - farmFlagged, 90 - organicFlagged, 0.5, 0.5, f1,
                List.of(new GroupScore("farm-1", "farm", true, 10, farmFlagged, 0.5, farmFlagged / 10.0, f1, Double.NaN),
                        new GroupScore("organic", "organic", false, 90, organicFlagged, Double.NaN, Double.NaN,
                                Double.NaN, organicFlagged / 90.0)),
                0, 0);
    }

    @Test
    void rowsHoldEachGroupsFlaggedCountPerSeedAndTheGroupsThatMove() {
        SeedSpread s = new SeedSpread(List.of(1L, 2L, 3L), List.of(result(0.9, 10, 2), result(0.0, 0, 2),
                result(0.8, 9, 2)));

        assertThat(s.rows()).hasSize(2);
        SeedSpread.Row farm = s.rows().get(0);
        assertThat(farm.flagged()).containsExactly(10, 0, 9);
        assertThat(farm.min()).isZero();
        assertThat(farm.max()).isEqualTo(10);
        assertThat(s.unstable()).extracting(SeedSpread.Row::group).containsExactly("farm-1");
        assertThat(s.f1()).containsExactly(0.9, 0.0, 0.8);
        assertThat(s.toMarkdown()).isEqualTo("""
                | group | label | accounts | seed 1 | seed 2 | seed 3 | min | max |
                |---|---|---:|---:|---:|---:|---:|---:|
                | **F1, all operations** | | | 0.900 | 0.000 | 0.800 | 0.000 | 0.900 |
                | farm-1 | farm | 10 | 10 | 0 | 9 | 0 | 10 |
                | organic | organic | 90 | 2 | 2 | 2 | 2 | 2 |
                """);
        assertThat(s.toText()).contains("over seeds 1 2 3:", "  F1 0.900 0.000 0.800",
                "1 of 2 groups change with the seed").containsPattern("\\* farm-1 +farm +10 accounts, flagged +10 +0 +9");
    }

    @Test
    void seedsAndResultsMustPairUpOverTheSameGroups() {
        assertThatThrownBy(() -> new SeedSpread(List.of(1L), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must pair up");
        assertThatThrownBy(() -> new SeedSpread(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seeds must not be empty");
        EvaluationResult other = new EvaluationResult(0, 0, 0, 1, 0, 0, 0,
                List.of(new GroupScore("organic", "organic", false, 1, 0, Double.NaN, Double.NaN, Double.NaN, 0)), 0, 0);
        assertThatThrownBy(() -> new SeedSpread(List.of(1L, 2L), List.of(result(0.5, 5, 0), other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the same groups");
    }
}
