package io.lockstep.cli;

import io.lockstep.simulate.ScenarioConfig;
import picocli.CommandLine.Option;

/** {@code simulate}'s difficulty of the planted operations; unset ones keep the preset's. */
public final class DifficultyOptions {
    @Option(names = "--participation", paramLabel = "P",
            description = "Difficulty: probability that a botnet or link-ring member joins an action (default 0.7 / 0.75).")
    Double participation;

    @Option(names = "--delay-scale", paramLabel = "X",
            description = "Difficulty: multiplies the bots' median retweet delay of 30 s (default 1).")
    Double delayScale;

    @Option(names = "--camouflage", paramLabel = "C",
            description = "Difficulty: share of bot posts that are camouflage retweets (default 0.3).")
    Double camouflage;

    /** {@code c} with the options that were given. */
    ScenarioConfig applyTo(ScenarioConfig c) {
        if (participation == null && delayScale == null && camouflage == null) {
            return c;
        }
        return c.withDifficulty(participation != null ? participation : c.botnet().participation(),
                delayScale != null ? delayScale : 1.0, camouflage != null ? camouflage : c.botnet().camouflageShare());
    }
}
