package io.lockstep.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.lockstep.cli.AnalyzeCommandTest.lockstep;
import static org.assertj.core.api.Assertions.assertThat;

/** A bad option value is refused where it is parsed, before any store is opened, by a message naming it. */
class OptionChecksTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "analyze --threshold 2                    | --threshold must be in [0, 1], got 2",
            "detect --threshold -0.5                  | --threshold must be in [0, 1], got -0.5",
            "analyze --window 0                       | --window must be at least 1, got 0",
            "analyze --min-shared 0                   | --min-shared must be at least 1, got 0",
            "analyze --resolution 0                   | --resolution must be a number above 0, got 0",
            "analyze --signals co-retweet,telepathy   | --signals: unknown signal 'telepathy'",
            "communities --iterations 0 --out x.csv a | --iterations must be at least 1, got 0",
            "communities --concurrency 0 --out x.csv a | --concurrency must be at least 1, got 0",
            "communities --quality newman --out x.csv a | Invalid value for option '--quality': expected one of [MODULARITY, CPM]",
            "evaluate --sweep --axes all,speed        | Invalid value for option '--axes' (AXIS): expected one of [ALL, PARTICIPATION, DELAY, CAMOUFLAGE]",
            "evaluate --sweep --detector oracle       | Invalid value for option '--detector': expected one of [LOCKSTEP, BASELINE]",
            "render --out x.png --size-by likes       | Invalid value for option '--size-by': expected one of [PAGERANK, FOLLOWERS]",
    })
    void aBadValueIsAUsageErrorThatNamesTheOption(String command, String message) {
        AnalyzeCommandTest.Run run = lockstep(command.strip().split("\\s+"));
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message.strip());
    }
}
