package io.lockstep.analysis;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private static final String TASK = "Neo4j restart, indexes";

    @Test
    void aTaskOfUnknownLengthShowsItsNameAndTheTimeElapsedNotAnEmptyBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.begin(TASK, -1);
        progress.end();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains(TASK + " ").contains(" 0:00:00").doesNotContain("?", "MB", "%");
    }

    @Test
    void aTaskOfKnownLengthKeepsTheBarWithMegabytesAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.begin("tweets.csv", 64L << 20);
        progress.advance(32L << 20);
        progress.end();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("tweets.csv").contains("50%").contains("32/64 MB");
    }
}
