package io.lockstep.cli;

import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.SimulationSummary;
import io.lockstep.simulate.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a labelled synthetic archive in the real archive formats, plus {@code truth.csv}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic influence-network archive with planted operations and hard negatives: "
                + "tweets.csv, users.csv (information-operations format), follows.csv, tweets-twarc2.csv, "
                + "tweets.jsonl (API v1.1) and truth.csv (account_id,label,group,twitter_id).",
                "Same seed, same bytes. See docs/simulator.md for the scenario model."},
        modelTransformer = OptionTable.Declare.class)
public final class SimulateCommand extends LockstepCommand implements OptionTable.Holds {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "5000",
            description = "Number of accounts (default: ${DEFAULT-VALUE}).")
    @Range(min = ScenarioOptions.MIN_ACCOUNTS, max = ScenarioOptions.MAX_ACCOUNTS)
    int accounts;

    /** The scenario, over 14 days unless {@code --days} says otherwise. */
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions(14);

    /** The follow graph, posting rate and difficulty knobs, declared as options from their table. */
    final SimulationKnobs knobs = new SimulationKnobs();

    @Override
    public List<OptionTable<?>> optionTables() {
        return List.of(knobs.table);
    }

    /** The configuration the options describe: the preset with the knobs that were given. */
    ScenarioConfig config() {
        return knobs.applyTo(scenario.preset(accounts));
    }

    @Override
    public Integer call() throws IOException {
        SimulationSummary s = new Simulator(config()).write(out, ProgressListener.NONE);
        PrintWriter w = stdout();
        w.printf(Locale.ROOT, "wrote %s: %d accounts, %d posts, %d follows in %.1f s%n", s.outDir(), s.accounts(),
                s.posts(), s.follows(), s.elapsedMillis() / 1000.0);
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<String, Long> e : s.postsByKind().entrySet()) {
            kinds.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        w.println("posts:" + kinds);
        StringBuilder groups = new StringBuilder();
        for (Map.Entry<String, Integer> e : s.accountsByGroup().entrySet()) {
            groups.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        w.println("groups:" + groups);
        w.flush();
        return 0;
    }
}
