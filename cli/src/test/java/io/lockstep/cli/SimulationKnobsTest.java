package io.lockstep.cli;

import io.lockstep.simulate.ScenarioConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulate}'s knob table: each option given changes its part of the preset, the others keep the preset's. */
class SimulationKnobsTest {
    private static SimulateCommand parsed(String... args) {
        SimulateCommand command = new SimulateCommand();
        CommandLine cmd = Lockstep.configured(command);
        cmd.parseArgs(args);
        return command;
    }

    @Test
    void withoutKnobsTheConfigurationIsThePreset() {
        ScenarioConfig config = parsed("--out", "x", "--accounts", "2000", "--scenario", "agedfarm", "--seed", "9")
                .config();
        assertThat(config).isEqualTo(ScenarioConfig.preset("agedfarm", 2000, 14, 9));
    }

    @Test
    void everyKnobSetsItsPartOfThePreset() {
        ScenarioConfig config = parsed("--out", "x", "--accounts", "3000", "--days", "5", "--seed", "4",
                "--communities", "7", "--homophily", "0.5", "--popularity-exponent", "2", "--follows-median", "20",
                "--followerless", "0.25", "--aged-farms", "2", "--posts-per-account", "3", "--participation", "0.4", "--delay-scale", "2",
                "--camouflage", "0.1").config();
        ScenarioConfig preset = ScenarioConfig.preset("mixed", 3000, 5, 4);
        ScenarioConfig.Background b = preset.background();
        ScenarioConfig expected = preset.withPostsPerAccount(3).withAgedFarms(2).withDifficulty(0.4, 2, 0.1)
                .withBackground(b.withCommunities(7).withHomophily(0.5).withPopularityExponent(2)
                        .withFollows(20, b.followsSigma()).withFollowerless(0.25));
        assertThat(config).isEqualTo(expected);
        assertThat(config.background().followerless()).isEqualTo(0.25);
        assertThat(config.background().communities()).isEqualTo(7);
        assertThat(config.botnet().participation()).isEqualTo(0.4);
        assertThat(config.botnet().camouflageShare()).isEqualTo(0.1);
    }

    @Test
    void oneDifficultyKnobKeepsTheOtherTwoAsThePresetHasThem() {
        ScenarioConfig preset = ScenarioConfig.preset("botnet", 1000, 14, 42);
        ScenarioConfig config = parsed("--out", "x", "--accounts", "1000", "--scenario", "botnet", "--seed", "42",
                "--camouflage", "0.5").config();
        assertThat(config).isEqualTo(preset.withDifficulty(preset.botnet().participation(), 1.0, 0.5));
    }
}
