package io.lockstep.cli;

import io.lockstep.simulate.ScenarioConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --scenario}, {@code --days} and {@code --seed}: which simulated archive to generate, shared by
 * {@code simulate} and {@code evaluate}'s sweep and matrix. The number of accounts and the default length in days
 * are each command's own.
 */
public final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "mixed",
            description = "Scenario preset: mixed, botnet, farm, agedfarm, linkring, fandom, news or organic (no "
                    + "operation at all) (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--days", paramLabel = "D",
            description = "Days of activity (default: 14 for simulate, 7 for evaluate's sweep and matrix).")
    Integer days;

    @Mixin
    SeedOption seed;

    /** The preset's name as given. */
    public String scenario() {
        return scenario;
    }

    /** {@code --days}, or {@code fallback} when it is not given. */
    public int days(int fallback) {
        return days != null ? days : fallback;
    }

    public long seed() {
        return seed.seed();
    }

    /** The preset for {@code accounts} accounts over {@code --days} (else {@code defaultDays}) days. */
    public ScenarioConfig preset(int accounts, int defaultDays) {
        return ScenarioConfig.preset(scenario, accounts, days(defaultDays), seed());
    }
}
