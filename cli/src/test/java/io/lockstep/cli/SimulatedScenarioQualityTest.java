package io.lockstep.cli;

import io.lockstep.analysis.AnalysisFiles;
import io.lockstep.analysis.AnalysisParams;
import io.lockstep.analysis.AnalysisDetector;
import io.lockstep.evaluate.ArchiveScore;
import io.lockstep.evaluate.EvaluationResult;
import io.lockstep.evaluate.GroupScore;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the simulator's scenarios: an archive with planted operations and hard negatives is written to
 * files, read by the importers' parsers, analysed with the default options exactly as {@code analyze} does, and
 * scored against its truth. Holds the quality numbers of issue #12: F1 at least 0.95, recall at least 0.9 for every
 * planted operation, at most 2 % of fandom and news accounts flagged, at most 0.5 % of ordinary ones, at most 20
 * coordination-edge rows per flagged account. (Per-operation precision is one-vs-all-negatives and falls below 0.9
 * for a 20-account botnet with 3 ordinary accounts flagged out of 2,830, so the false-positive rates bound it
 * instead.) The simulated ordinary accounts follow tens to hundreds of accounts, mostly the stars of their own
 * community, so a follow signal that mistakes communities for farms fails here.
 */
class SimulatedScenarioQualityTest {
    /** Every number of issue #12 on each scenario, the demo archive included. */
    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"mixed, 7", "farm, 11", "botnet, 42", "demo, 0"})
    void theTargetsOfIssue12Hold(String scenario, long seed, @TempDir Path dir) throws Exception {
        ArchiveScore score = score(scenario, seed, dir);
        EvaluationResult result = score.result();
        String table = score.toMarkdown();
        assertThat(result.groups()).anyMatch(GroupScore::positive);
        for (GroupScore g : result.groups()) {
            if (g.positive()) {
                assertThat(g.recall()).as(g.group() + " recall\n" + table).isGreaterThanOrEqualTo(0.9);
            } else if (g.label().equals("organic")) {
                assertThat(g.falsePositiveRate()).as(g.group() + " false-positive rate\n" + table)
                        .isLessThanOrEqualTo(0.005);
            } else {
                assertThat(g.falsePositiveRate()).as(g.group() + " false-positive rate\n" + table)
                        .isLessThanOrEqualTo(0.02);
            }
        }
        assertThat(result.f1()).as("F1\n" + table).isGreaterThanOrEqualTo(0.95);
        assertThat(score.edgeRowsPerFlagged()).as("coordination-edges rows per flagged account\n" + table)
                .isLessThanOrEqualTo(ArchiveScore.MAX_EDGE_ROWS_PER_FLAGGED);
    }

    private static ArchiveScore score(String scenario, long seed, Path dir) throws Exception {
        ScenarioConfig config = scenario.equals("demo") ? ScenarioConfig.demo() // the archive of `lockstep demo`
                : ScenarioConfig.preset(scenario, 3000, 7, seed);
        new Simulator(config).write(dir, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        AnalyzeCommand analyze = new AnalyzeCommand();
        new CommandLine(analyze).parseArgs(); // the documented defaults of analyze
        assertThat(analyze.run.analysisOptions.params()).isEqualTo(AnalysisParams.defaults());
        Path accounts = dir.resolve("accounts.csv");
        new AnalysisDetector(analyze.run.analysisOptions.params()).writeVerdicts(dir, accounts);
        return ArchiveScore.of(dir.resolve("truth.csv"), accounts, dir.resolve(AnalysisFiles.EDGES));
    }
}
