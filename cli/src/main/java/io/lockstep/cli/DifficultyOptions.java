package io.lockstep.cli;

import io.lockstep.simulate.ScenarioConfig;
import picocli.CommandLine.Option;

/**
 * {@code simulate}'s difficulty of the planted operations, each within its {@link Range}
 * ({@link ScenarioConfig}'s limits); unset ones keep the preset's.
 */
public final class DifficultyOptions {
    /** Camouflage shares from this one up leave the bots nothing but camouflage ({@link ScenarioConfig}'s limit). */
    static final double CAMOUFLAGE_BOUND = 0.99;

    @Option(names = "--participation", paramLabel = "P",
            description = "Difficulty: probability that a botnet or link-ring member joins an action (default 0.7 / 0.75).")
    @Range(min = 0, max = 1)
    Double participation;

    @Option(names = "--delay-scale", paramLabel = "X",
            description = "Difficulty: multiplies the bots' median retweet delay of 30 s (default 1).")
    @Range(above = 0)
    Double delayScale;

    @Option(names = "--camouflage", paramLabel = "C",
            description = "Difficulty: share of bot posts that are camouflage retweets (default 0.3).")
    @Range(min = 0, below = CAMOUFLAGE_BOUND)
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
