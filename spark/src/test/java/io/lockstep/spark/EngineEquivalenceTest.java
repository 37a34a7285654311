package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.Cluster;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.importer.ArchiveFiles;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark engine against the single-JVM engine on simulated archives (every preset, several seeds): the same
 * activity numbering on both sides, and every edge, cluster and verdict equal (weights and scores to the fourth
 * decimal, the precision the CSV outputs print). Lockstep-follow is in the comparison with its follow graph built on
 * Spark; the farm archive has its blocks.
 */
class EngineEquivalenceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"mixed,600,1,true", "botnet,500,2,true", "farm,500,3,true", "linkring,500,4,true",
            "fandom,400,5,false", "news,400,6,false"})
    void sparkEngineEqualsTheSingleJvmEngine(String preset, int accounts, long seed, boolean operations)
            throws Exception {
        new Simulator(ScenarioConfig.preset(preset, accounts, 3, seed)).write(tmp, ProgressListener.NONE);
        List<Path> files = List.of(tmp.resolve("users.csv"), tmp.resolve("tweets.csv"), tmp.resolve("follows.csv"));
        Activity activity = ArchiveFiles.read(files).activity();
        CoordinationParams params = CoordinationParams.defaults();
        CoordinationResult single = new CoordinationDetector(params).run(activity, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        SharedSpark.get();
        // mixed, farm and fandom: lockstep-follow's peeling weights from Spark too (SparkFollowSurprise)
        CoordinationResult spark = new SparkEngine("local[2]", seed % 2 == 1 ? Map.of(SparkEngine.FOLLOW_WEIGHTS, "spark")
                : Map.of()).run(activity, files, params, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);

        // an archive with planted operations has edges; fandom and news have ordinary activity only, which the
        // co-action null model explains
        assertThat(single.edges().isEmpty()).as("edges found").isEqualTo(!operations);
        if (preset.equals("farm")) { // the follow signal's graph comes from Spark (SparkFollows)
            assertThat(single.edges()).as("lockstep-follow edges")
                    .anyMatch(e -> e.signal().equals(CoordinationSignal.LOCKSTEP_FOLLOW));
        }
        assertThat(edges(spark)).isEqualTo(edges(single));
        assertThat(clusters(spark)).isEqualTo(clusters(single));
        assertThat(verdicts(spark)).isEqualTo(verdicts(single));
    }

    /**
     * Items above {@code CoActionKernel.MAX_ITEM_ACCOUNTS}, paired inside account-hash groups: three originals
     * retweeted by 1,200 accounts each over 30 minutes (20 of them on all three within the same minute), every
     * window pair kept as an edge (minShared 1, no cosine, no null model), so that both engines must find the same
     * grouped pairs, counts and evidence.
     */
    @Test
    void itemsAboveTheThresholdArePairedAlikeInsideTheirAccountGroups() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("object_id,account_id,content_id,timestamp_share\n");
        long t0 = 1_600_000_000L;
        int post = 0;
        for (int item = 0; item < 3; item++) {
            for (int v = 0; v < 1_200; v++) {
                boolean bot = v < 20;
                String account = bot ? "bot" + v : "acc" + (item * 1_200 + v);
                long time = t0 + item * 86_400L + (bot ? 600 + rng.nextInt(60) : rng.nextInt(1_800));
                csv.append("o").append(item).append(',').append(account).append(",c").append(post++).append(',')
                        .append(time).append('\n');
            }
        }
        Path file = tmp.resolve("shares.csv");
        Files.writeString(file, csv);
        List<Path> files = List.of(file);
        Activity activity = ArchiveFiles.read(files).activity();
        // the timed score without its significance term (these pairs are kept with no null model, p up to 1), so that
        // the crowds' clusters are flagged and the reported edges are the grouped pairs the engines must agree on
        CoordinationParams defaults = CoordinationParams.defaults();
        CoordinationParams params = defaults
                .withSignals(Set.of("co-retweet"))
                .withCoRetweet(new CoordinationParams.CoAction(60, 1, 0.0, 1.0))
                .withCluster(defaults.cluster().withWeights(new CoordinationParams.ScoreWeights(
                        new CoordinationParams.TimedWeights(0, 0.4, 0.3, 0.15, 0.15),
                        CoordinationParams.ScoreWeights.defaults().block())));
        CoordinationResult single = new CoordinationDetector(params).run(activity, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        SharedSpark.get();
        CoordinationResult spark = new SparkEngine("local[2]", Map.of()).run(activity, files, params,
                ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        // grouped pairs only (16 groups an item): about 9,000 of the ~144,000 window pairs of the three whole crowds,
        // and the bot pairs of one group (about 190 / 16) counted on all three originals
        assertThat(single.edges().size()).isBetween(5_000, 15_000);
        assertThat(single.edges().stream().filter(e -> e.count() == 3).count()).isBetween(3L, 40L);
        assertThat(edges(spark)).isEqualTo(edges(single));

        // with the null model on, each pair's expectation reads what its events on the split items stand for
        // (SampledCoOccurrences): both engines must expand alike, to the expected count of every edge
        // (clusters of two reported, as one group holds one or two of the 20 bots)
        CoordinationParams.ClusterParams c = params.cluster();
        CoordinationParams tested = params.withCoRetweet(new CoordinationParams.CoAction(60, 2, 0.0, 0.01))
                .withCluster(new CoordinationParams.ClusterParams(c.minEdgeWeight(), 2, c.suspiciousScore(),
                        c.creationBurst(), c.burstBin(), c.leiden(), c.partners(), c.weights()));
        CoordinationResult singleTested = new CoordinationDetector(tested).run(activity, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        CoordinationResult sparkTested = new SparkEngine("local[2]", Map.of()).run(activity, files, tested,
                ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        // the bots' pairs of one group, on all three originals within the minute, and next to none of the crowd's
        assertThat(singleTested.edges()).isNotEmpty()
                .allMatch(e -> activity.accountId(e.source()).startsWith("bot")
                        && activity.accountId(e.target()).startsWith("bot"));
        assertThat(expected(sparkTested)).isEqualTo(expected(singleTested));
    }

    /** Each edge with the count its null model expected of it, to six significant digits. */
    static List<String> expected(CoordinationResult r) {
        List<String> out = new ArrayList<>();
        for (CoordinationEdge e : r.edges()) {
            out.add(String.format(Locale.ROOT, "%d %d %s %d %.6g", e.source(), e.target(), e.signal(), e.count(),
                    e.expected()));
        }
        return out;
    }

    static List<String> edges(CoordinationResult r) {
        return edges(r.edges());
    }

    static List<String> edges(List<CoordinationEdge> edges) {
        List<String> out = new ArrayList<>();
        for (CoordinationEdge e : edges) {
            out.add(String.format(Locale.ROOT, "%d %d %s %.4f %d %s", e.source(), e.target(), e.signal(), e.weight(),
                    e.count(), e.evidence()));
        }
        return out;
    }

    static List<String> clusters(CoordinationResult r) {
        List<String> out = new ArrayList<>();
        for (Cluster c : r.clusters()) {
            out.add(String.format(Locale.ROOT, "%d %s %s %.4f %s %s %d %d", c.id(), c.kind(),
                    Arrays.toString(c.members()), c.score(), c.signals(), c.topHashtags(), c.firstSeen(),
                    c.lastSeen()));
        }
        return out;
    }

    static List<String> verdicts(CoordinationResult r) {
        List<String> out = new ArrayList<>();
        for (AccountVerdict v : r.accounts()) {
            out.add(String.format(Locale.ROOT, "%d %.4f %s %d %s", v.account(), v.score(), v.suspicious(),
                    v.cluster(), v.signals()));
        }
        return out;
    }
}
