package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.DetectionParams;
import io.lockstep.coordination.LockstepFollowSignal;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.importer.ArchiveFiles;
import io.lockstep.importer.ArchiveParsing;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The follow graph computed in Spark tasks ({@link SparkFollows}) against the one core derives from the activity,
 * and the follow signal on it against the signal on the activity: a farm archive whose follow file is parsed in
 * many ranges, with duplicate follows, self-follows and follows of accounts the users file does not list added.
 */
class SparkFollowsTest {
    @TempDir
    Path tmp;

    @Test
    void theFollowGraphFromSparkIsCoresAndGivesTheSameBlocks() throws Exception {
        new Simulator(ScenarioConfig.preset("farm", 500, 3, 3)).write(tmp, ProgressListener.NONE);
        Path follows = tmp.resolve("follows.csv");
        List<String> lines = Files.readAllLines(follows, StandardCharsets.UTF_8);
        String[] first = lines.get(1).split(",");
        String[] last = lines.get(lines.size() - 1).split(",");
        // duplicates (of the first and last follows, in other ranges), self-follows, a quoted id, unknown accounts
        Files.writeString(follows, String.join("\n", lines.get(1), lines.get(lines.size() - 1),
                first[0] + "," + first[0], "\"" + last[1] + "\"," + last[1], "ghost-a," + first[1],
                first[0] + ",ghost-b", "ghost-a,ghost-b", lines.get(1)) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        List<Path> files = List.of(tmp.resolve("users.csv"), tmp.resolve("tweets.csv"), follows);
        Activity activity = ArchiveFiles.read(files).activity();
        long[] core = LockstepFollowSignal.distinctFollows(activity);
        assertThat(core.length).as("distinct follows").isBetween(2_000, activity.followCount() - 4);

        SparkSession spark = SharedSpark.get();
        assertThat(FileSplits.plan(follows, ArchiveParsing.detect(follows), 4096)).as("ranges of the follow file")
                .hasSizeGreaterThan(10);
        spark.conf().set(ArchiveActions.SPLIT_BYTES, "4096");
        long[] distributed;
        try {
            distributed = SparkFollows.distinct(spark, files,
                    Dictionaries.fromActivity(spark, activity, ActionSignals.enabled(DetectionParams.defaults()))
                            .accounts());
        } finally {
            spark.conf().unset(ArchiveActions.SPLIT_BYTES);
        }
        assertThat(distributed).isEqualTo(core);

        LockstepFollowSignal signal = new LockstepFollowSignal(DetectionParams.defaults());
        SignalGraph fromActivity = signal.graph(activity, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        SignalGraph fromSpark = signal.graph(activity, distributed, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        assertThat(fromActivity.blocks()).as("the farm's blocks").isNotEmpty();
        assertThat(EngineEquivalenceTest.edges(fromSpark.edges()))
                .isEqualTo(EngineEquivalenceTest.edges(fromActivity.edges()));
        assertThat(fromSpark.blocks()).hasSameSizeAs(fromActivity.blocks());
        for (int i = 0; i < fromSpark.blocks().size(); i++) {
            assertThat(fromSpark.blocks().get(i).followers()).isEqualTo(fromActivity.blocks().get(i).followers());
            assertThat(fromSpark.blocks().get(i).targets()).isEqualTo(fromActivity.blocks().get(i).targets());
        }
        assertThat(fromSpark.edges()).allMatch(e -> e.signal().equals(CoordinationSignal.LOCKSTEP_FOLLOW));
    }

    @Test
    void aFollowGraphThatIsNotTheActivitysIsRejectedByName() throws Exception {
        new Simulator(ScenarioConfig.preset("farm", 400, 3, 7)).write(tmp, ProgressListener.NONE);
        Activity activity = ArchiveFiles.read(List.of(tmp.resolve("users.csv"), tmp.resolve("follows.csv")))
                .activity();
        long[] follows = LockstepFollowSignal.distinctFollows(activity);
        LockstepFollowSignal signal = new LockstepFollowSignal(DetectionParams.defaults());
        long[] unsorted = follows.clone();
        unsorted[0] = follows[1];
        unsorted[1] = follows[0];
        long[] self = {3L << 32 | 3};
        long[] outside = {(long) activity.accountCount() << 32 | 1};
        for (long[] bad : List.of(unsorted, self, outside)) {
            assertThatThrownBy(() -> signal.graph(activity, bad, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("follows[")
                    .hasMessageContaining("distinct follow between two of the activity's");
        }
    }
}
