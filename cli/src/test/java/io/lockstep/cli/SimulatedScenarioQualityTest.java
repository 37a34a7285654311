package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import io.lockstep.analysis.LockstepDetector;
import io.lockstep.evaluate.Evaluation;
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
 * scored against its truth. Holds the quality numbers of the coordination issue: precision and recall at least 0.9
 * for every planted operation, at most 5 % of fandom and news accounts flagged, at most 1 % of ordinary ones.
 */
class SimulatedScenarioQualityTest {
    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"mixed, 7", "farm, 11", "botnet, 42", "demo, 0"})
    void plantedOperationsAreFoundAndHardNegativesAreNot(String scenario, long seed, @TempDir Path dir)
            throws Exception {
        ScenarioConfig config = scenario.equals("demo") ? ScenarioConfig.demo() // the archive of `lockstep demo`
                : ScenarioConfig.preset(scenario, 3000, 7, seed);
        new Simulator(config).write(dir, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        AnalyzeCommand analyze = new AnalyzeCommand();
        new CommandLine(analyze).parseArgs(); // the documented defaults of analyze
        assertThat(analyze.run.analysisOptions.params()).isEqualTo(AnalysisParams.defaults());
        Path accounts = dir.resolve("accounts.csv");
        new LockstepDetector(analyze.run.analysisOptions.params()).writeVerdicts(dir, accounts);

        EvaluationResult result = Evaluation.evaluate(dir.resolve("truth.csv"), accounts);
        assertThat(result.groups()).anyMatch(GroupScore::positive);
        for (GroupScore g : result.groups()) {
            if (g.positive()) {
                assertThat(g.precision()).as(g.group() + " precision").isGreaterThanOrEqualTo(0.9);
                assertThat(g.recall()).as(g.group() + " recall").isGreaterThanOrEqualTo(0.9);
            } else if (g.label().equals("organic")) {
                assertThat(g.falsePositiveRate()).as(g.group() + " false-positive rate").isLessThanOrEqualTo(0.01);
            } else {
                assertThat(g.falsePositiveRate()).as(g.group() + " false-positive rate").isLessThanOrEqualTo(0.05);
            }
        }
    }
}
