package io.lockstep.cli;

import io.lockstep.simulate.ScenarioConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --scenario}, {@code --days} and {@code --seed}: which simulated archive to generate, shared by
 * {@code simulate} and {@code evaluate}'s sweep and matrix, each checked where it enters. The number of accounts is
 * each command's own, and so is the length in days when {@code --days} is not given (the constructor's argument).
 */
public final class ScenarioOptions {
    /** The most days a simulated archive spans ({@link ScenarioConfig}'s limit). */
    static final int MAX_DAYS = 366;
    /** The fewest and the most accounts of a simulated archive ({@link ScenarioConfig}'s limits). */
    static final int MIN_ACCOUNTS = 100;
    static final int MAX_ACCOUNTS = 4_000_000;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final int defaultDays;
    private String scenario;

    @Mixin
    SeedOption seed;

    /** Options whose archive spans {@code defaultDays} days unless {@code --days} says otherwise. */
    ScenarioOptions(int defaultDays) {
        this.defaultDays = defaultDays;
    }

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "mixed",
            description = "Scenario preset: mixed, botnet, farm, agedfarm, linkring, fandom, news or organic (no "
                    + "operation at all) (default: ${DEFAULT-VALUE}).")
    void scenario(String name) {
        scenario = Checks.oneOf(spec, "--scenario", name, ScenarioConfig.SCENARIOS);
    }

    @Option(names = "--days", paramLabel = "D",
            description = "Days of activity (default: 14 for simulate, 7 for evaluate's sweep and matrix).")
    @Range(min = 1, max = MAX_DAYS)
    Integer days;

    /** The preset's name as given. */
    public String scenario() {
        return scenario;
    }

    /** {@code --days}, or the command's default when it is not given. */
    public int days() {
        return days != null ? days : defaultDays;
    }

    public long seed() {
        return seed.seed();
    }

    /** The preset for {@code accounts} accounts over {@link #days()} days. */
    public ScenarioConfig preset(int accounts) {
        return ScenarioConfig.preset(scenario, accounts, days(), seed());
    }
}
