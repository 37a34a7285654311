package io.lockstep.evaluate;

import io.lockstep.simulate.ScenarioConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The matrix's verdict checks every number of issue #12 per cell, F1 over all planted accounts included: a cell whose
 * aged farm goes unfound reads "missed" through F1 even when every other target holds.
 */
class RobustnessMatrixVerdictTest {
    private static final RobustnessMatrix.Cell CELL = new RobustnessMatrix.Cell("n3000-default",
            ScenarioConfig.preset("mixed", 3000, 7, 42).withAgedFarms(1));

    /** 50 bots and 30 burst-farm members all flagged, {@code agedFlagged} of 30 aged-farm members, no negative. */
    private static RobustnessMatrix.Result cell(int agedFlagged, int organicFlagged) {
        List<Evaluation.TruthRow> truth = new ArrayList<>();
        Map<String, Boolean> predicted = new HashMap<>();
        add(truth, predicted, "bot", "botnet-1", 50, 50);
        add(truth, predicted, "farm", "farm-1", 30, 30);
        add(truth, predicted, "farm", "aged-farm-1", 30, agedFlagged);
        add(truth, predicted, "fandom", "fandom-1", 40, 0);
        add(truth, predicted, "organic", "organic", 2800, organicFlagged);
        EvaluationResult r = Evaluation.evaluate(truth, predicted);
        long flagged = predicted.values().stream().filter(Boolean::booleanValue).count();
        return RobustnessMatrix.result(CELL, new ArchiveScore(r, flagged, 5 * flagged, Map.of()), 1.0);
    }

    private static void add(List<Evaluation.TruthRow> truth, Map<String, Boolean> predicted, String label,
                            String group, int size, int flagged) {
        for (int i = 0; i < size; i++) {
            String id = group + "-" + i;
            truth.add(new Evaluation.TruthRow(id, label, group, ""));
            predicted.put(id, i < flagged);
        }
    }

    @Test
    void anUnfoundAgedFarmMissesThroughF1() {
        RobustnessMatrix.Result r = cell(0, 0);
        assertThat(r.organicFpr()).isZero();
        assertThat(r.minRecall()).isEqualTo(1.0);
        assertThat(r.agedFarmRecall()).isZero();
        // 80 of 110 planted accounts, no false positive: 2 * 80 / (160 + 30)
        assertThat(r.f1()).isCloseTo(160.0 / 190, within(1e-9));
        assertThat(r.f1WithoutAgedFarm()).isEqualTo(1.0);
        assertThat(r.meetsTargets()).isFalse();
        assertThat(r.misses()).isEqualTo("F1 0.842 < 0.95 (aged farm recall 0.000; F1 without it 1.000)");
        assertThat(RobustnessMatrix.toMarkdown(List.of(r))).contains("| 0.842 | 1.000 |").contains("**missed**")
                .contains("Targets met in 0 of 1 cells.");
        assertThat(RobustnessMatrix.toCsv(List.of(r)).lines().skip(1).findFirst().orElseThrow())
                .contains(",0.0000,0.8421,1.0000,80,400,false,");
    }

    @Test
    void anAgedFarmFoundWellEnoughMeetsF1() {
        RobustnessMatrix.Result r = cell(25, 0);
        // 105 of 110 planted: 210 / (210 + 5)
        assertThat(r.f1()).isCloseTo(210.0 / 215, within(1e-9));
        assertThat(r.misses()).isEmpty();
        assertThat(r.meetsTargets()).isTrue();
    }

    @Test
    void falsePositivesLowerBothF1s() {
        RobustnessMatrix.Result r = cell(30, 20);
        // 110 of 110 planted and 20 ordinary accounts: 220 / 240; without the aged farm 160 / 180
        assertThat(r.f1()).isCloseTo(220.0 / 240, within(1e-9));
        assertThat(r.f1WithoutAgedFarm()).isCloseTo(160.0 / 180, within(1e-9));
        assertThat(r.misses()).startsWith("organic FPR 0.0071 > 0.005; F1 0.917 < 0.95");
    }
}
