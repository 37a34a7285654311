package io.lockstep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
            "render --out x.png --width 5             | --width must be in [200, 20000], got 5",
            "view --limit 0                           | --limit must be at least 1, got 0",
            "server --port 70000                      | --port must be in [0, 65535], got 70000",
            "simulate --out s --accounts 99           | --accounts must be in [100, 4000000], got 99",
            "simulate --out s --days 0                | --days must be in [1, 366], got 0",
            "simulate --out s --scenario botfarm      | --scenario must be one of mixed, botnet, farm, agedfarm, linkring, fandom, news, organic, got 'botfarm'",
            "simulate --out s --homophily 1.5         | --homophily must be in [0, 1], got 1.5",
            "simulate --out s --communities 0         | --communities must be in [1, 100000], got 0",
            "simulate --out s --popularity-exponent 9 | --popularity-exponent must be in [0.5, 5], got 9",
            "simulate --out s --follows-median 0      | --follows-median must be in [1, 5000], got 0",
            "simulate --out s --followerless 0.95     | --followerless must be in [0, 0.9], got 0.95",
            "simulate --out s --aged-farms -1         | --aged-farms must be at least 0, got -1",
            "simulate --out s --posts-per-account 0   | --posts-per-account must be in (0, 1000], got 0",
            "simulate --out s --participation NaN     | --participation must be in [0, 1], got NaN",
            "simulate --out s --delay-scale 0         | --delay-scale must be a number above 0, got 0",
            "simulate --out s --camouflage 0.99       | --camouflage must be in [0, 0.99), got 0.99",
            "evaluate --sweep --levels 1              | --levels must be at least 2, got 1",
            "evaluate --sweep --sweep-accounts 50     | --sweep-accounts must be in [100, 4000000], got 50",
            "evaluate --matrix --matrix-accounts 599  | --matrix-accounts must be in [600, 1333333], got 599",
            "evaluate --sweep --days 400              | --days must be in [1, 366], got 400",
            "import --batch-size 0 x.csv              | --batch-size must be at least 1, got 0",
    })
    void aBadValueIsAUsageErrorThatNamesTheOption(String command, String message) {
        AnalyzeCommandTest.Run run = lockstep(command.strip().split("\\s+"));
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message.strip());
    }

    /** Number options that take any value of their type: seeds, and ids the store answers for. */
    private static final Set<String> UNBOUNDED = Set.of("--seed", "--analysis-seed", "--cluster", "--community");

    @Test
    void everyNumberOptionOfEveryCommandDeclaresTheValuesItTakes() {
        List<String> unchecked = new ArrayList<>();
        for (CommandLine command : Lockstep.commandLine().getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = option.type();
                boolean number = type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type);
                boolean ranged = Checks.boundsOf(option) != null;
                if (number && !ranged && !UNBOUNDED.contains(option.longestName())) {
                    unchecked.add(command.getCommandName() + " " + option.longestName());
                }
            }
        }
        assertThat(unchecked).isEmpty();
    }
}
