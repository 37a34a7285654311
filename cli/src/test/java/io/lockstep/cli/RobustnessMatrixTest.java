package io.lockstep.cli;

import io.lockstep.analysis.AnalysisDetector;
import io.lockstep.evaluate.ArchiveScore;
import io.lockstep.evaluate.RobustnessMatrix;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robustness matrix of issue #12 at small size, with the detector and defaults of {@code analyze}: in every
 * cell at most 0.5 % of ordinary accounts and 2 % of the fandom flagged, recall at least 0.9 on every planted
 * operation but the aged farm, at most 20 coordination-edge rows per flagged account, F1 at least 0.95 without the
 * aged farm; F1 over every planted account (the target, the aged farm included) is asserted to be what the
 * verdict reads: a cell whose F1 is below 0.95 is not "met". Since the follow signal's client-side seeds
 * (ClientSeeds) every cell here reads "met" (F1 0.962-0.995, the aged farm's recall 0.733-1.000; before them
 * "missed" on F1 alone, 0.82-0.84); the test holds the other numbers and the verdict's agreement with F1, not the aged
 * farm's recall, which is an aim. The full matrix (20 cells of 3,000 and 9,000 accounts) is
 * {@code lockstep evaluate --matrix}, its table in {@code docs/quality.md}.
 */
class RobustnessMatrixTest {
    /** One cell per axis end: the default graph, homophily 0.5 and 0.95, exponent 1.1, and both corners. */
    static final Set<String> SMALL = Set.of("default", "h0.5", "h0.95", "pop1.1", "c4-h0.95-pop1.1",
            "c8-h0.5-pop1.8");

    @Test
    void theGridSpansSizeCommunitiesHomophilyAndPopularity() {
        List<RobustnessMatrix.Cell> grid = RobustnessMatrix.grid(3000, 7, 10, 42);
        assertThat(grid).hasSizeGreaterThanOrEqualTo(20);
        assertThat(grid.stream().map(c -> c.config().accounts()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(3000, 9000);
        assertThat(grid.stream().map(c -> c.config().background().homophily()).collect(Collectors.toSet()))
                .contains(0.5, 0.95);
        assertThat(grid.stream().map(c -> c.config().background().popularityExponent())
                .collect(Collectors.toSet())).contains(1.1, 1.8);
        assertThat(grid.stream().map(c -> c.config().background().communityCount(c.config().accounts()))
                .collect(Collectors.toSet())).contains(4, 20, 60);
        assertThat(grid).allMatch(c -> c.config().agedFarms() == 1 && c.config().farms() == 1
                && c.config().botnets() == 2 && c.config().linkRings() == 1 && c.config().fandoms() == 1);
    }

    /**
     * Every target of issue #12 but F1 in every small cell: ordinary FPR at most 0.5 %, fandom at most 2 %, recall at
     * least 0.9 on every planted operation but the aged farm (burst farm included), at most 20 coordination-edge rows
     * per flagged account; F1 without the aged farm at least 0.95; and the verdict met exactly when F1 over all
     * planted accounts, the aged farm's included, is at least 0.95 too.
     */
    @Test
    void everySmallCellMeetsTheTargetsButTheAgedFarmsShareOfF1(@TempDir Path dir) throws Exception {
        List<RobustnessMatrix.Result> results = smallCells(dir);
        String table = RobustnessMatrix.toMarkdown(results);
        System.out.print(table);
        for (RobustnessMatrix.Result r : results) {
            String cell = r.cell().name() + ": " + r.misses() + "\n" + table;
            assertThat(r.missesOtherThanF1()).as(cell).isEmpty();
            assertThat(r.f1WithoutAgedFarm()).as(cell).isGreaterThanOrEqualTo(RobustnessMatrix.MIN_F1);
            assertThat(r.meetsTargets()).as(cell).isEqualTo(r.f1() >= RobustnessMatrix.MIN_F1);
            assertThat(table).contains(String.format(Locale.ROOT, "| %.3f | %.3f |", r.f1(),
                    r.f1WithoutAgedFarm()));
        }
    }

    private static List<RobustnessMatrix.Result> smallCells(Path dir) throws Exception {
        AnalysisOptions defaults = new AnalysisOptions();
        new CommandLine(defaults).parseArgs(); // the documented defaults of analyze
        RobustnessMatrix matrix = new RobustnessMatrix(new AnalysisDetector(defaults.params()), dir);
        List<RobustnessMatrix.Result> results = new ArrayList<>();
        for (RobustnessMatrix.Cell c : RobustnessMatrix.grid(1200, 5, 6, 42)) {
            if (c.config().accounts() == 1200 && SMALL.contains(c.name().substring("n1200-".length()))) {
                results.add(matrix.runCell(c, TerminationFlag.RUNNING_TRUE));
            }
        }
        assertThat(results).hasSize(SMALL.size());
        return results;
    }
}
