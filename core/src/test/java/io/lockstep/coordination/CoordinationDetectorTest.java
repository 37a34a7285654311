package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CoordinationDetectorTest {

    /** Six bots retweet ten seed posts within 2–7 s; 60 ordinary accounts retweet 200 originals at random. */
    static Timeline botnet() {
        Random random = new Random(11);
        Timeline t = new Timeline().accounts("src", "seeder");
        for (int b = 0; b < 6; b++) {
            t.b.account("bot" + b, "bot" + b, 1_600_000_000L + 3600L * b, 3);
        }
        for (int i = 0; i < 200; i++) {
            t.tweet("o" + i, "src", 1_700_000_000L + 5000L * i);
        }
        for (int a = 0; a < 60; a++) {
            t.b.account("user" + a, "user" + a, 1_300_000_000L + 10_000_000L * a, 100);
            for (int j = 0; j < 8; j++) {
                int i = random.nextInt(200);
                t.retweet("user" + a, 1_700_000_000L + 5000L * i + random.nextInt(3000), "o" + i);
            }
        }
        for (int s = 0; s < 10; s++) {
            long t0 = 1_700_000_000L + 5000L * (20 * s) + 2500;
            t.tweet("seed" + s, "seeder", t0);
            for (int b = 0; b < 6; b++) {
                t.retweet("bot" + b, t0 + 2 + b, "seed" + s);
            }
        }
        return t;
    }

    @Test
    void signalsSideBySideGiveWhatTheyGiveOneAfterAnother() {
        // every planted operation and hard negative of the quality test, every signal
        Activity a = new PlantedScenario(2026, 1.0, 0.8).activity;
        CoordinationParams p = CoordinationParams.defaults();
        CoordinationResult one = new CoordinationDetector(p).run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        List<String> steps = new ArrayList<>();
        ProgressListener recording = new ProgressListener() {
            @Override
            public void begin(String task, long totalUnits) {
                steps.add(task + " " + totalUnits);
            }

            @Override
            public void advance(long units) {
                steps.add("+" + units);
            }
        };
        CoordinationResult four = new CoordinationDetector(p, 4).run(a, recording, TerminationFlag.RUNNING_TRUE);
        assertThat(one.suspiciousAccounts()).isNotEmpty();
        assertThat(four.edges()).isEqualTo(one.edges());
        assertThat(four.clusters()).usingRecursiveComparison().isEqualTo(one.clusters());
        assertThat(four.accounts()).containsExactly(one.accounts());
        int signals = new CoordinationDetector(p).signals().size();
        assertThat(steps.subList(0, signals + 1)).containsExactlyElementsOf(concat("coordination signals " + signals,
                Collections.nCopies(signals, "+1")));
        assertThatThrownBy(() -> new CoordinationDetector(p, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency");
    }

    @Test
    void aStopReachesEverySignalRunningSideBySide() {
        Activity a = botnet().build();
        AtomicInteger polls = new AtomicInteger();
        TerminationFlag stopSoon = () -> polls.incrementAndGet() < 3;
        assertThatThrownBy(() -> new CoordinationDetector(CoordinationParams.defaults(), 3)
                .run(a, ProgressListener.NONE, stopSoon)).isInstanceOf(CancellationException.class);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    @Test
    void aCampaignsAmplifiersAreTheSuspiciousAndTheAccountsOnARetweetSignalsEdge() {
        Activity a = botnet().b.build();
        int n = a.accountCount();
        AccountVerdict[] verdicts = new AccountVerdict[n];
        for (int v = 0; v < n; v++) {
            verdicts[v] = new AccountVerdict(v, v == 0 ? 0.9 : 0, v == 0, v == 0 ? 0 : -1, List.of());
        }
        List<CoordinationEdge> edges = List.of(
                new CoordinationEdge(1, 2, CoordinationSignal.DEVOTED_RETWEET, 0.9, 5, List.of()),
                new CoordinationEdge(3, 4, CoordinationSignal.CO_RETWEET, 0.5, 3, List.of()),
                new CoordinationEdge(5, 6, CoordinationSignal.CO_TEXT, 0.5, 3, List.of()));
        boolean[] amplifiers = CoordinationDetector.amplifiers(a, edges, verdicts);
        boolean[] expected = new boolean[n];
        for (int v : new int[]{0, 1, 2, 3, 4}) {
            expected[v] = true;
        }
        assertThat(amplifiers).containsExactly(expected);
    }

    @Test
    void coRetweetEndToEndFindsTheBotnetOnly() {
        Timeline t = botnet();
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet"));
        CoordinationResult r = new CoordinationDetector(p).run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);

        int[] bots = new int[6];
        for (int b = 0; b < 6; b++) {
            bots[b] = t.id("bot" + b);
        }
        Arrays.sort(bots);
        assertThat(r.suspiciousAccounts()).containsExactly(bots);
        assertThat(r.clusters()).hasSize(1);
        Cluster c = r.clusters().get(0);
        assertThat(c.members()).containsExactly(bots);
        assertThat(c.kind()).isEqualTo("botnet");
        assertThat(c.signals()).containsExactly("co-retweet");
        assertThat(c.firstSeen()).isEqualTo(1_700_000_000L + 2500 + 2);
        assertThat(r.edges()).hasSize(15).allMatch(e -> e.signal().equals("co-retweet") && e.count() == 10);
        AccountVerdict v = r.accounts()[bots[0]];
        assertThat(v.cluster()).isEqualTo(0);
        assertThat(v.signals()).containsExactly("co-retweet");
        assertThat(v.score()).isEqualTo(c.score()).isGreaterThanOrEqualTo(0.5);
        assertThat(r.accounts()[t.id("user0")].suspicious()).isFalse();
        assertThat(r.accounts()[t.id("user0")].cluster()).isEqualTo(-1);
        assertThat(p.describe()).contains("co-retweet: retweets of the same original within 60 s, at least 3");
        assertThat(p.describe()).contains("0.45 significance (min(1", "max(P, (1 - 0.45) P + 0.45 significance)",
                "P = 0.40 density + 0.30 synchrony + 0.15 creation (the largest share of members created within 7 days, "
                        + "or, when larger, the share created in batches");
        // the follow signal's last pass, with its spans as the code scans them
        assertThat(CoordinationParams.defaults().describe()).contains("bought audiences: an account's followers "
                + "created within one window of 7, 28, 182 days", "the block formula also for a bought block",
                "one of the rounds most of whose followers are unknown, also takes the free unknown accounts that "
                        + "follow a quarter (and at least 2) of its clients");
    }

    /**
     * The botnet's seeder is retweeted by its six bots and nobody else, ten posts each within 2-7 s: its whole audience
     * is the flagged network, P(Poisson(6 f) >= 6) with f = 6 / 66 is about 2e-5 against 0.05 / 2 accounts tested, so
     * amplified-seed flags it with the bots, each bot an edge; src, retweeted by the 60 ordinary accounts, is not.
     */
    @Test
    void withAmplifiedSeedTheSeederJoinsItsBotsWithAnEdgeToEach() {
        Timeline t = botnet();
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet", "amplified-seed"));
        CoordinationResult r = new CoordinationDetector(p).run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        int seeder = t.id("seeder");
        int[] expected = new int[7];
        for (int b = 0; b < 6; b++) {
            expected[b] = t.id("bot" + b);
        }
        expected[6] = seeder;
        Arrays.sort(expected);
        assertThat(r.suspiciousAccounts()).containsExactly(expected);
        assertThat(r.clusters()).hasSize(1);
        assertThat(r.clusters().get(0).members()).containsExactly(expected);
        assertThat(r.accounts()[seeder].signals()).containsExactly("amplified-seed");
        assertThat(r.accounts()[t.id("bot0")].signals()).containsExactly("co-retweet", "amplified-seed");
        assertThat(r.edges()).filteredOn(e -> e.signal().equals("amplified-seed")).hasSize(6)
                .allMatch(e -> (e.source() == seeder || e.target() == seeder) && e.count() == 10 && e.weight() == 1.0);
        assertThat(r.accounts()[t.id("src")].suspicious()).isFalse();
    }

    @Test
    void theMethodTextPrintsTheScoreWeightsOfTheParameterRecord() {
        CoordinationParams p = CoordinationParams.defaults();
        CoordinationParams.ClusterParams c = p.cluster();
        CoordinationParams changed = p.withCluster(c.withWeights(new CoordinationParams.ScoreWeights(
                new CoordinationParams.TimedWeights(0.3, 0.5, 0.2, 0.15, 0.15),
                new CoordinationParams.BlockWeights(0.6, 0.05, 0.2, 0.15))));
        assertThat(changed.describe()).contains(
                "max(P, (1 - 0.30) P + 0.30 significance)", "P = 0.50 density + 0.20 synchrony + 0.15 creation",
                "0.60 significance (min(1, -log10(p) / 10)) + 0.05 block density + 0.20 creation")
                .doesNotContain("P = 0.40 density", "0.45 significance (min(1");
        assertThat(p.describe()).isNotEqualTo(changed.describe());
    }

    @Test
    void scoreWeightsAreCheckedByName() {
        assertThatThrownBy(() -> new CoordinationParams.TimedWeights(0, 1.2, 0.3, 0.15, 0.15))
                .hasMessage("score weight timed.density must be in [0, 1], was 1.2");
        assertThatThrownBy(() -> new CoordinationParams.BlockWeights(0.45, -0.1, 0.2, 0.15))
                .hasMessage("score weight block.density must be in [0, 1], was -0.1");
        assertThatThrownBy(() -> new CoordinationParams.TimedWeights(0, 0.4, 0.3, 0.15, 0.25))
                .hasMessageStartingWith("score weights timed.density + timed.synchrony + timed.creationBurst + "
                        + "timed.burstShare must sum to 1, were 1.1");
    }

    @Test
    void theScorerUsesTheWeightsOfTheParameterRecord() {
        // the botnet's six bots retweet each seed 2 + b seconds after it: a full clique (density 1) with
        // synchrony mean(1 - |b - b'| / 60) over the 15 pairs = 1 - 35 / 900
        Activity a = botnet().build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet"));
        assertThat(scoreWith(a, p, new CoordinationParams.TimedWeights(0, 1, 0, 0, 0))).isCloseTo(1.0, within(1e-12));
        assertThat(scoreWith(a, p, new CoordinationParams.TimedWeights(0, 0, 1, 0, 0)))
                .isCloseTo(1 - 35.0 / 900, within(1e-12));
        assertThat(scoreWith(a, p, new CoordinationParams.TimedWeights(0, 0.5, 0.5, 0, 0)))
                .isCloseTo(1 - 35.0 / 1800, within(1e-12));
    }

    private static double scoreWith(Activity a, CoordinationParams p, CoordinationParams.TimedWeights timed) {
        CoordinationParams q = p.withCluster(p.cluster().withWeights(new CoordinationParams.ScoreWeights(timed,
                CoordinationParams.ScoreWeights.defaults().block())));
        CoordinationResult r = new CoordinationDetector(q).run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(r.clusters()).hasSize(1);
        return r.clusters().get(0).score();
    }
}
