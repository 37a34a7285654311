package io.lockstep.evaluate;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DifficultySweepTest {
    @TempDir
    Path dir;

    @Test
    void theNaiveBaselineLosesF1WithDifficultyAndFlagsTheFandom() throws Exception {
        ScenarioConfig base = ScenarioConfig.preset("mixed", 1500, 4, 5L);
        List<DifficultySweep.Point> points = new DifficultySweep(base, FastRetweetBaseline.DEFAULT, dir)
                .run(List.of(DifficultySweep.Axis.ALL), 2, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(points).hasSize(2);
        DifficultySweep.Point easy = points.get(0);
        DifficultySweep.Point hard = points.get(1);
        assertThat(easy.participation()).isEqualTo(0.9);
        assertThat(hard.participation()).isEqualTo(0.3, Offset.offset(1e-12));
        assertThat(hard.delayScale()).isEqualTo(20.0);
        assertThat(easy.result().group("botnet-1").recall()).isGreaterThan(0.8);
        assertThat(hard.result().group("botnet-1").recall()).isLessThan(easy.result().group("botnet-1").recall());
        assertThat(hard.result().f1()).isLessThan(easy.result().f1());
        // The hard negative: fans retweet idols within minutes, and the naive rule flags many of them.
        assertThat(easy.result().group("fandom-1").falsePositiveRate()).isGreaterThan(0.2);
        assertThat(Files.exists(dir.resolve("all-00").resolve("accounts.csv"))).isTrue();

        Path md = dir.resolve("sweep.md");
        DifficultySweep.writeTable(points, md);
        List<String> lines = Files.readAllLines(md);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("| all | 0.00 | 0.90 | 30 | 0.10 |");
        assertThat(lines.get(3)).startsWith("| all | 1.00 | 0.30 | 600 | 0.70 |");
    }
}
