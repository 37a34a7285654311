package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.LockstepFollowSignal;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.importer.ArchiveFiles;
import io.lockstep.importer.ArchiveParsing;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
        List<String> added = List.of(lines.get(1), lines.get(lines.size() - 1), first[0] + "," + first[0],
                "\"" + last[1] + "\"," + last[1], "ghost-a," + first[1], first[0] + ",ghost-b", "ghost-a,ghost-b",
                lines.get(1));
        Files.writeString(follows, String.join("\n", added) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        int followRows = lines.size() - 1 + added.size();
        List<Path> files = List.of(tmp.resolve("users.csv"), tmp.resolve("tweets.csv"), follows);
        Activity activity = ArchiveFiles.read(files).activity();
        long[] core = LockstepFollowSignal.distinctFollows(activity);
        // the reader already drops repeated follows; the self-follows go with the follow graph
        assertThat(activity.followCount()).as("follows read").isLessThanOrEqualTo(followRows - 3);
        assertThat(core.length).as("distinct follows").isBetween(2_000, activity.followCount() - 2);

        SparkSession spark = SharedSpark.get();
        assertThat(FileSplits.plan(follows, ArchiveParsing.formatOf(follows), 4096)).as("ranges of the follow file")
                .hasSizeGreaterThan(10);
        spark.conf().set(ArchiveActions.SPLIT_BYTES, "4096");
        long[] distributed;
        Dataset<Row> packed;
        try {
            packed = SparkFollows.packed(spark, files,
                    Dictionaries.fromActivity(spark, activity, ActionSignals.enabled(CoordinationParams.defaults()))
                            .accounts()).persist(StorageLevel.DISK_ONLY());
            distributed = SparkFollows.collect(packed);
        } finally {
            spark.conf().unset(ArchiveActions.SPLIT_BYTES);
        }
        assertThat(distributed).isEqualTo(core);

        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        SignalGraph fromActivity = signal.graph(activity, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        SignalGraph fromSpark = signal.graph(activity, distributed, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        // the peeling weights from Spark, checked against core's for the partitions the model fitted
        List<List<int[]>> fitted = new ArrayList<>();
        SparkFollowSurprise inSpark = new SparkFollowSurprise(packed, distributed);
        SignalGraph weightedInSpark;
        try {
            weightedInSpark = signal.graph(activity, distributed, partitions -> {
                fitted.add(partitions);
                double[] w = inSpark.surprise(partitions);
                assertThat(w).isEqualTo(LockstepFollowSignal.surprise(activity.accountCount(), distributed,
                        partitions));
                return w;
            }, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        } finally {
            packed.unpersist();
        }
        assertThat(fitted).as("the weights are asked for once, with the model's partitions").hasSize(1);
        assertThat(fitted.get(0)).isNotEmpty().allMatch(p -> p.length == activity.accountCount());
        assertThat(fromActivity.blocks()).as("the farm's blocks").isNotEmpty();
        for (SignalGraph g : List.of(fromSpark, weightedInSpark)) {
            assertThat(EngineEquivalenceTest.edges(g.edges()))
                    .isEqualTo(EngineEquivalenceTest.edges(fromActivity.edges()));
            assertThat(g.blocks()).hasSameSizeAs(fromActivity.blocks());
            for (int i = 0; i < g.blocks().size(); i++) {
                assertThat(g.blocks().get(i).followers()).isEqualTo(fromActivity.blocks().get(i).followers());
                assertThat(g.blocks().get(i).targets()).isEqualTo(fromActivity.blocks().get(i).targets());
                assertThat(g.blocks().get(i).expected()).isEqualTo(fromActivity.blocks().get(i).expected());
            }
            assertThat(g.edges()).allMatch(e -> e.signal().equals(CoordinationSignal.LOCKSTEP_FOLLOW));
        }
    }

    @Test
    void thePeelingWeightsFromSparkAreCoresForAnyPartition() throws Exception {
        new Simulator(ScenarioConfig.preset("mixed", 500, 3, 11)).write(tmp, ProgressListener.NONE);
        List<Path> files = List.of(tmp.resolve("users.csv"), tmp.resolve("follows.csv"));
        Activity activity = ArchiveFiles.read(files).activity();
        int n = activity.accountCount();
        SparkSession spark = SharedSpark.get();
        Dataset<Row> packed = SparkFollows.packed(spark, files,
                Dictionaries.fromActivity(spark, activity, ActionSignals.enabled(CoordinationParams.defaults()))
                        .accounts()).persist(StorageLevel.DISK_ONLY());
        try {
            long[] follows = SparkFollows.collect(packed);
            assertThat(follows.length).as("follows").isGreaterThan(5_000);
            Random random = new Random(11);
            for (int communities : new int[] {1, 2, 7, n}) {
                List<int[]> partitions = new ArrayList<>();
                for (int p = 0; p < 1 + random.nextInt(3); p++) {
                    int[] c = new int[n];
                    for (int v = 0; v < n; v++) {
                        c[v] = random.nextInt(communities);
                    }
                    partitions.add(c);
                }
                double[] expected = LockstepFollowSignal.surprise(n, follows, partitions);
                assertThat(new SparkFollowSurprise(packed, follows).surprise(partitions))
                        .as("%d communities, %d partitions", communities, partitions.size()).isEqualTo(expected);
                // the weights tell the partitions apart (not all at the floor or at 1)
                assertThat(Arrays.stream(expected).distinct().count()).isGreaterThan(communities == 1 ? 0 : 2);
            }
            assertThatThrownBy(() -> new SparkFollowSurprise(packed, follows).surprise(List.of(new int[1])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("partitions must each give the community of all");
            long[] other = follows.clone();
            other[other.length / 2]++;
            assertThatThrownBy(() -> new SparkFollowSurprise(packed, other).surprise(List.of(new int[n])))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("at position " + other.length / 2);
        } finally {
            packed.unpersist();
        }
        assertThatThrownBy(() -> LockstepFollowSignal.surprise(3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sameCommunity in [1, followers]");
        assertThat(LockstepFollowSignal.surprise(1, 1)).isEqualTo(0.2);
        assertThat(LockstepFollowSignal.surprise(3, 3)).isEqualTo(0.2);
        assertThat(LockstepFollowSignal.surprise(1, 5)).isCloseTo(1.0, within(1e-12));
    }

    /** An activity and its distinct follows ({@link LockstepFollowSignal#distinctFollows}). */
    private record FarmFollows(Activity activity, long[] follows) {
    }

    /** A simulated 400-account farm archive (seed 7) in {@link #tmp}, read from its users and follows files. */
    private FarmFollows farmFollows() throws Exception {
        new Simulator(ScenarioConfig.preset("farm", 400, 3, 7)).write(tmp, ProgressListener.NONE);
        Activity activity = ArchiveFiles.read(List.of(tmp.resolve("users.csv"), tmp.resolve("follows.csv")))
                .activity();
        return new FarmFollows(activity, LockstepFollowSignal.distinctFollows(activity));
    }

    @Test
    void aSurpriseSourceOfTheWrongLengthIsRejected() throws Exception {
        FarmFollows farm = farmFollows();
        long[] follows = farm.follows();
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        assertThatThrownBy(() -> signal.graph(farm.activity(), follows, partitions -> new double[follows.length - 1],
                ProgressListener.NONE, TerminationFlag.RUNNING_TRUE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one weight per follow (" + follows.length + "), returned "
                        + (follows.length - 1));
        assertThatThrownBy(() -> new SparkEngine("local[2]", Map.of(SparkEngine.FOLLOW_WEIGHTS, "gpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spark.lockstep.followWeights must be driver or spark, got gpu");
        assertThatThrownBy(() -> new SparkEngine("spark://127.0.0.1:7077",
                Map.of(SparkEngine.FOLLOW_WEIGHTS, "spark"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spark.lockstep.followWeights=spark needs a local master, got spark://127.0.0.1:7077");
    }

    @Test
    void aFollowGraphThatIsNotTheActivitysIsRejectedByName() throws Exception {
        FarmFollows farm = farmFollows();
        long[] follows = farm.follows();
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        long[] unsorted = follows.clone();
        unsorted[0] = follows[1];
        unsorted[1] = follows[0];
        long[] self = {3L << 32 | 3};
        long[] outside = {(long) farm.activity().accountCount() << 32 | 1};
        for (long[] bad : List.of(unsorted, self, outside)) {
            assertThatThrownBy(() -> signal.graph(farm.activity(), bad, ProgressListener.NONE,
                    TerminationFlag.RUNNING_TRUE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("follows[")
                    .hasMessageContaining("distinct follow between two of the activity's");
        }
    }
}
