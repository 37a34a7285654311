package io.lockstep.cli;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.DenseBlock;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.LockstepFollowSignal;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.evaluate.RobustnessMatrix;
import io.lockstep.importer.ArchiveFiles;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow signal's verdict on an account must not depend on the order its search meets seeds. Matrix cell
 * n3000-c20 (3,000 accounts, 20 communities; as {@code RobustnessMatrixBenchmark} builds it):
 * its burst farm and its aged farm each have 30 members, and the peeling hands many of them out, a few at a time,
 * inside seeds of ordinary readers that the model rejects. When a rejected seed retired its members from growth,
 * the farm's block grew later without them. With that rule (main de71c18) the signal alone kept, at simulation
 * seed 44, 26 of the burst farm and 24 of the aged farm, and at simulation seed 42 under analysis seed 43, 17 of
 * the aged farm. A rejected seed is no verdict on its members: they stay free for growth, and only a kept block
 * takes its members out. About 30 s (two archives simulated).
 */
class FollowSearchOrderTest {

    @Test
    void farmMembersMetFirstInRejectedSeedsStillJoinTheirFarmsBlock(@TempDir Path dir) throws Exception {
        Counts s44 = signalAlone(dir.resolve("s44"), 44, 42);
        assertThat(s44.burstFarm).as("burst farm, simulation seed 44").isEqualTo(30);
        assertThat(s44.agedFarm).as("aged farm, simulation seed 44").isEqualTo(30);
        assertThat(s44.ordinary).as("ordinary accounts in blocks, simulation seed 44").isZero();
        Counts s42 = signalAlone(dir.resolve("s42"), 42, 43);
        assertThat(s42.burstFarm).as("burst farm, simulation seed 42, analysis seed 43").isEqualTo(30);
        assertThat(s42.agedFarm).as("aged farm, simulation seed 42, analysis seed 43").isEqualTo(30);
        assertThat(s42.ordinary).as("ordinary accounts in blocks, simulation seed 42, analysis seed 43").isZero();
    }

    record Counts(int burstFarm, int agedFarm, int ordinary) {
    }

    private static Counts signalAlone(Path dir, long simulationSeed, long analysisSeed) throws Exception {
        RobustnessMatrix.Cell cell = RobustnessMatrix.grid(3000, 7, ScenarioConfig.POSTS_PER_ACCOUNT_DEFAULT,
                simulationSeed).stream().filter(c -> c.name().equals("n3000-c20")).findFirst().orElseThrow();
        new Simulator(cell.config()).write(dir, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Activity a = ArchiveFiles.read(List.of(dir.resolve("users.csv"), dir.resolve("follows.csv"))).activity();
        Map<String, String> group = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("truth.csv"))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(",");
                group.put(f[0], f[2]);
            }
        }
        SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults().withSeed(analysisSeed))
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        int burst = 0, aged = 0, ordinary = 0;
        for (DenseBlock b : g.blocks()) {
            for (int f : b.followers()) {
                String gr = group.getOrDefault(a.accountId(f), "organic");
                burst += gr.startsWith("farm-") ? 1 : 0;
                aged += gr.startsWith("aged-farm-") ? 1 : 0;
                ordinary += gr.equals("organic") ? 1 : 0;
            }
        }
        return new Counts(burst, aged, ordinary);
    }
}
