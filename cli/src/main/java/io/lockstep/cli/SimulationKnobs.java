package io.lockstep.cli;

import io.lockstep.cli.Checks.Bounds;
import io.lockstep.cli.OptionTable.Spec;
import io.lockstep.simulate.ScenarioConfig;

import java.util.function.BiFunction;

/**
 * {@code simulate}'s knobs over a preset: the ordinary accounts' follow graph and posting rate, and the difficulty of
 * the planted operations. One table ({@link Knob}, an {@link OptionTable}) gives each knob's option, the values it
 * accepts ({@link ScenarioConfig}'s limits), its help text and what it changes in the configuration. Unset knobs keep
 * the preset's values.
 */
public final class SimulationKnobs {
    /** Camouflage shares from this one up leave the bots nothing but camouflage ({@link ScenarioConfig}'s limit). */
    static final double CAMOUFLAGE_BOUND = 0.99;

    /** One knob: its option, the values it takes, its help text and the configuration with a value set. */
    enum Knob implements OptionTable.Row {
        COMMUNITIES(new Spec("--communities", "K", Integer.class, null, Bounds.closed(1, 100_000),
                "Ordinary follow graph: number of communities (default: accounts / 500 within 4..4000)."),
                (c, v) -> c.withBackground(c.background().withCommunities(v.intValue()))),
        HOMOPHILY(new Spec("--homophily", "H", Double.class, null, Bounds.closed(0, 1),
                "Ordinary follow graph: share of follows and reactions inside one's community (default 0.85)."),
                (c, v) -> c.withBackground(c.background().withHomophily(v.doubleValue()))),
        POPULARITY_EXPONENT(new Spec("--popularity-exponent", "A", Double.class, null, Bounds.closed(0.5, 5),
                "Ordinary follow graph: Pareto shape of popularity inside a community; smaller is a heavier tail "
                        + "(default 1.3)."),
                (c, v) -> c.withBackground(c.background().withPopularityExponent(v.doubleValue()))),
        FOLLOWS_MEDIAN(new Spec("--follows-median", "M", Double.class, null, Bounds.closed(1, 5000),
                "Ordinary follow graph: median accounts followed, log-normal with sigma 1 (default 40)."),
                (c, v) -> c.withBackground(c.background().withFollows(v.doubleValue(),
                        c.background().followsSigma()))),
        FOLLOWERLESS(new Spec("--followerless", "S", Double.class, null, Bounds.closed(0, 0.9),
                "Ordinary follow graph: share of ordinary and fandom accounts that nobody follows, twice it among "
                        + "accounts created in the 90 days before the window (default 0)."),
                (c, v) -> c.withBackground(c.background().withFollowerless(v.doubleValue()))),
        AGED_FARMS(new Spec("--aged-farms", "N", Integer.class, null, Bounds.atLeast(0),
                "Add N follower farms of aged accounts bought second-hand (default: 1 for agedfarm, else 0)."),
                (c, v) -> c.withAgedFarms(v.intValue())),
        POSTS_PER_ACCOUNT(new Spec("--posts-per-account", "X", Double.class, null, Bounds.aboveUpTo(0, 1000),
                "Target mean posts per account (default: 10)."),
                (c, v) -> c.withPostsPerAccount(v.doubleValue())),
        // the three difficulty knobs are set together (applyTo), as ScenarioConfig.withDifficulty takes them
        PARTICIPATION(new Spec("--participation", "P", Double.class, null, Bounds.closed(0, 1),
                "Difficulty: probability that a botnet or link-ring member joins an action (default 0.7 / 0.75)."),
                null),
        DELAY_SCALE(new Spec("--delay-scale", "X", Double.class, null, Bounds.above(0),
                "Difficulty: multiplies the bots' median retweet delay of 30 s (default 1)."),
                null),
        CAMOUFLAGE(new Spec("--camouflage", "C", Double.class, null, Bounds.atLeastBelow(0, CAMOUFLAGE_BOUND),
                "Difficulty: share of bot posts that are camouflage retweets (default 0.3)."),
                null);

        final Spec spec;
        /** The configuration with this knob set; null for the difficulty knobs, set together. */
        final BiFunction<ScenarioConfig, Number, ScenarioConfig> apply;

        Knob(Spec spec, BiFunction<ScenarioConfig, Number, ScenarioConfig> apply) {
            this.spec = spec;
            this.apply = apply;
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    /** The knobs given, as {@link SimulateCommand} declares them. */
    final OptionTable<Knob> table = new OptionTable<>(Knob.class);

    /**
     * {@code c} with the knobs that were given. The difficulty knobs go in one {@link ScenarioConfig#withDifficulty}
     * when any of them is given: participation and camouflage as the preset has them unless given, the delay scale
     * 1 (the default delay) unless given.
     */
    ScenarioConfig applyTo(ScenarioConfig c) {
        if (table.has(Knob.PARTICIPATION) || table.has(Knob.DELAY_SCALE) || table.has(Knob.CAMOUFLAGE)) {
            c = c.withDifficulty(value(Knob.PARTICIPATION, c.botnet().participation()),
                    value(Knob.DELAY_SCALE, 1.0), value(Knob.CAMOUFLAGE, c.botnet().camouflageShare()));
        }
        for (Knob k : Knob.values()) {
            if (k.apply != null && table.has(k)) {
                c = k.apply.apply(c, table.value(k, Number.class));
            }
        }
        return c;
    }

    private double value(Knob knob, double unset) {
        Number v = table.value(knob, Number.class);
        return v != null ? v.doubleValue() : unset;
    }
}
