package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.SignalGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.load.ArchiveReader;
import io.lockstep.store.load.ImportOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Co-text on Spark against core's {@code CoTextSignal} on randomised archives built to stress the clustering: texts
 * are chains of one-word mutations of a few templates, so that LSH buckets hold many texts, many are similar to
 * their predecessor but not to the bucket's first (core's order-dependent rule), and clusters merge across bands.
 * The co-text edges (accounts, weight, count, evidence) must be equal.
 */
class SparkCoTextTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void coTextOnSparkEqualsCore(long seed) throws IOException {
        Path file = archive(tmp.resolve("tweets.jsonl"), seed);
        Activity activity = ArchiveReader.read(List.of(file), ImportOptions.defaults(), ProgressListener.NONE)
                .activity();
        CoordinationParams params = CoordinationParams.defaults().withSignals(Set.of(CoordinationSignal.CO_TEXT));
        SignalGraph single = CoordinationDetector.create(CoordinationSignal.CO_TEXT, params).graph(activity,
                ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        var spark = SharedSpark.get();
        var edges = SparkCoActions.fromArchive(spark, List.of(file), Dictionaries.fromActivity(spark, activity,
                ActionSignals.enabled(params)), SparkCoActions.Plan.of(params), true);

        assertThat(single.edges()).as("co-text edges of seed %d", seed).hasSizeGreaterThan(20);
        assertThat(EngineEquivalenceTest.edges(edges)).isEqualTo(EngineEquivalenceTest.edges(single.edges()));
    }

    private static final DateTimeFormatter TWITTER = DateTimeFormatter
            .ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * API v1.1 JSON: 60 bursts in which one of 8 groups of 6 accounts posts variants of one of 10 templates within
     * 10 minutes (each variant changes one word of the template's latest, which it replaces), and 800 posts of 100
     * other accounts at random times over 2 days, half of them variants of the same templates, half fresh texts.
     */
    static Path archive(Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
                + "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split(" ");
        String[][] templates = new String[10][];
        for (int t = 0; t < templates.length; t++) {
            templates[t] = new String[12];
            for (int w = 0; w < 12; w++) {
                templates[t][w] = words[random.nextInt(words.length)] + random.nextInt(4);
            }
        }
        long start = 1_600_000_000L;
        int id = 1_000_000;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int burst = 0; burst < 60; burst++) {
                int group = random.nextInt(8);
                int t = random.nextInt(templates.length);
                long base = start + random.nextInt(2 * 86400);
                for (int member = 0; member < 6; member++) {
                    if (random.nextInt(10) < 8) {
                        post(w, id++, 6 * group + member, base + random.nextInt(600), variant(templates[t], words,
                                random));
                    }
                }
            }
            for (int i = 0; i < 800; i++) {
                String[] text;
                if (random.nextBoolean()) {
                    text = variant(templates[random.nextInt(templates.length)], words, random);
                } else {
                    text = new String[8 + random.nextInt(6)];
                    for (int k = 0; k < text.length; k++) {
                        text[k] = words[random.nextInt(words.length)] + random.nextInt(50);
                    }
                }
                post(w, id++, 48 + random.nextInt(100), start + random.nextInt(2 * 86400), text);
            }
        }
        return file;
    }

    /** Changes one word of {@code template} in place and returns a copy. */
    private static String[] variant(String[] template, String[] words, SplittableRandom random) {
        template[random.nextInt(template.length)] = words[random.nextInt(words.length)] + random.nextInt(4);
        return template.clone();
    }

    private static void post(BufferedWriter w, int id, int account, long time, String[] text) throws IOException {
        w.write("{\"created_at\": \"" + TWITTER.format(Instant.ofEpochSecond(time)) + "\", \"id_str\": \"" + id
                + "\", \"text\": \"" + String.join(" ", text) + "\", \"user\": {\"id_str\": \"" + (500 + account)
                + "\", \"screen_name\": \"user" + account + "\"}}\n");
    }
}
