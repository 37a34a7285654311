package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end quality on a planted scenario: the numbers of issue 7. */
class PlantedScenarioQualityTest {
    static PlantedScenario scenario;
    static CoordinationResult result;
    static QualityEvaluation quality;

    @BeforeAll
    static void run() {
        scenario = new PlantedScenario(2026, 1.0, 0.8);
        result = new CoordinationDetector(CoordinationParams.defaults())
                .run(scenario.activity, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        quality = new QualityEvaluation(scenario, result);
        System.out.println(scenario.activity + "\n" + quality);
        for (Cluster c : result.clusters()) {
            System.out.println(c.id() + " " + c.kind() + " size=" + c.size() + " score=" + c.score() + " " + c.signals()
                    + " first=" + scenario.activity.accountId(c.members()[0]));
        }
    }

    @Test
    void everyPlantedOperationHasPrecisionAndRecallOfAtLeast90Percent() {
        for (String op : PlantedScenario.OPS) {
            double[] x = quality.byOp.get(op);
            assertThat(x[0]).as(op + " precision; " + quality).isGreaterThanOrEqualTo(0.9);
            assertThat(x[1]).as(op + " recall; " + quality).isGreaterThanOrEqualTo(0.9);
        }
    }

    /**
     * The seed (Leiden's node order and MinHash's functions) must not decide who is flagged: a different but
     * equivalent shuffle once made a farm's cluster miss. Two other seeds flag exactly the same accounts.
     */
    @Test
    void theFlaggedAccountsDoNotDependOnTheSeed() {
        for (long seed : new long[] {1, 7}) {
            CoordinationResult other = new CoordinationDetector(CoordinationParams.defaults().withSeed(seed))
                    .run(scenario.activity, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            assertThat(other.suspiciousAccounts()).as("seed %d", seed).containsExactly(result.suspiciousAccounts());
        }
    }

    @Test
    void hardNegativesScoreLow() {
        assertThat(quality.fpr.get("fandom")).as(quality.toString()).isLessThanOrEqualTo(0.05);
        assertThat(quality.fpr.get("news")).as(quality.toString()).isLessThanOrEqualTo(0.05);
        assertThat(quality.fpr.get("ordinary")).as(quality.toString()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void theReportedEdgesStayLinearInTheFlaggedAccounts() {
        int flagged = result.suspiciousAccounts().length;
        assertThat(flagged).isGreaterThan(0);
        assertThat(result.edges().size()).as("edges %d, flagged %d", result.edges().size(), flagged)
                .isLessThanOrEqualTo(20 * flagged);
        for (String signal : CoordinationParams.ALL_SIGNALS) {
            int[] degree = new int[scenario.activity.accountCount()];
            for (CoordinationEdge e : result.edges()) {
                if (e.signal().equals(signal)) {
                    degree[e.source()]++;
                    degree[e.target()]++;
                }
            }
            // an account may be kept by many partners, but its own ten strongest are all there is per signal
            int max = Arrays.stream(degree).max().orElse(0);
            assertThat(max).as(signal).isLessThanOrEqualTo(200);
        }
    }

    @Test
    void clustersGetTheirKind() {
        assertThat(result.clusters()).filteredOn(c -> c.score() >= 0.5).extracting(Cluster::kind)
                .contains("botnet", "follower-farm", "link-ring", "copypasta");
    }

    @Test
    void theBoostCampaignIsFoundAndTheNewsBurstIsNot() {
        assertThat(result.campaigns()).extracting(c -> c.hashtag()).contains("boostme").doesNotContain("breaking");
        var boost = result.campaigns().stream().filter(c -> c.hashtag().equals("boostme")).findFirst().orElseThrow();
        assertThat(boost.seeds()).hasSize(5);
        for (int s : boost.seeds()) {
            assertThat(scenario.activity.accountId(s)).startsWith("seed");
        }
        assertThat(boost.amplifiers().length).isGreaterThanOrEqualTo(36);
        assertThat(boost.volumeShare()).isGreaterThan(0.9);
    }
}
