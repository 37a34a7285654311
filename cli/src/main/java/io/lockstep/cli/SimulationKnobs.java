package io.lockstep.cli;

import io.lockstep.cli.Checks.Bounds;
import io.lockstep.simulate.ScenarioConfig;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code simulate}'s knobs over a preset: the ordinary accounts' follow graph and posting rate, and the difficulty of
 * the planted operations. One table ({@link Knob}) gives each knob's option, the values it accepts
 * ({@link ScenarioConfig}'s limits, checked by {@link Checks#ranges} like any {@link Range}), its help text and what
 * it changes in the configuration; {@link Declare} puts one option per row on the command. Unset knobs keep the
 * preset's values.
 */
public final class SimulationKnobs {
    /** Camouflage shares from this one up leave the bots nothing but camouflage ({@link ScenarioConfig}'s limit). */
    static final double CAMOUFLAGE_BOUND = 0.99;

    /** One knob: its option, the values it takes, its help text and the configuration with a value set. */
    enum Knob {
        COMMUNITIES("--communities", "K", Integer.class, Bounds.closed(1, 100_000),
                "Ordinary follow graph: number of communities (default: accounts / 500 within 4..4000).",
                (c, v) -> c.withBackground(c.background().withCommunities(v.intValue()))),
        HOMOPHILY("--homophily", "H", Double.class, Bounds.closed(0, 1),
                "Ordinary follow graph: share of follows and reactions inside one's community (default 0.85).",
                (c, v) -> c.withBackground(c.background().withHomophily(v.doubleValue()))),
        POPULARITY_EXPONENT("--popularity-exponent", "A", Double.class, Bounds.closed(0.5, 5),
                "Ordinary follow graph: Pareto shape of popularity inside a community; smaller is a heavier tail "
                        + "(default 1.3).",
                (c, v) -> c.withBackground(c.background().withPopularityExponent(v.doubleValue()))),
        FOLLOWS_MEDIAN("--follows-median", "M", Double.class, Bounds.closed(1, 5000),
                "Ordinary follow graph: median accounts followed, log-normal with sigma 1 (default 40).",
                (c, v) -> c.withBackground(c.background().withFollows(v.doubleValue(),
                        c.background().followsSigma()))),
        AGED_FARMS("--aged-farms", "N", Integer.class, Bounds.atLeast(0),
                "Add N follower farms of aged accounts bought second-hand (default: 1 for agedfarm, else 0).",
                (c, v) -> c.withAgedFarms(v.intValue())),
        POSTS_PER_ACCOUNT("--posts-per-account", "X", Double.class, Bounds.aboveUpTo(0, 1000),
                "Target mean posts per account (default: 10).",
                (c, v) -> c.withPostsPerAccount(v.doubleValue())),
        // the three difficulty knobs are set together (applyTo), as ScenarioConfig.withDifficulty takes them
        PARTICIPATION("--participation", "P", Double.class, Bounds.closed(0, 1),
                "Difficulty: probability that a botnet or link-ring member joins an action (default 0.7 / 0.75).",
                null),
        DELAY_SCALE("--delay-scale", "X", Double.class, Bounds.above(0),
                "Difficulty: multiplies the bots' median retweet delay of 30 s (default 1).",
                null),
        CAMOUFLAGE("--camouflage", "C", Double.class, Bounds.atLeastBelow(0, CAMOUFLAGE_BOUND),
                "Difficulty: share of bot posts that are camouflage retweets (default 0.3).",
                null);

        final String option;
        final String label;
        final Class<? extends Number> type;
        final Bounds bounds;
        final String help;
        /** The configuration with this knob set; null for the difficulty knobs, set together. */
        final BiFunction<ScenarioConfig, Number, ScenarioConfig> apply;

        Knob(String option, String label, Class<? extends Number> type, Bounds bounds, String help,
             BiFunction<ScenarioConfig, Number, ScenarioConfig> apply) {
            this.option = option;
            this.label = label;
            this.type = type;
            this.bounds = bounds;
            this.help = help;
            this.apply = apply;
        }
    }

    private final Map<Knob, Number> given = new EnumMap<>(Knob.class);

    /**
     * {@code c} with the knobs that were given. The difficulty knobs go in one {@link ScenarioConfig#withDifficulty}
     * when any of them is given: participation and camouflage as the preset has them unless given, the delay scale
     * 1 (the default delay) unless given.
     */
    ScenarioConfig applyTo(ScenarioConfig c) {
        if (given.containsKey(Knob.PARTICIPATION) || given.containsKey(Knob.DELAY_SCALE)
                || given.containsKey(Knob.CAMOUFLAGE)) {
            c = c.withDifficulty(value(Knob.PARTICIPATION, c.botnet().participation()),
                    value(Knob.DELAY_SCALE, 1.0), value(Knob.CAMOUFLAGE, c.botnet().camouflageShare()));
        }
        for (Map.Entry<Knob, Number> e : given.entrySet()) {
            if (e.getKey().apply != null) {
                c = e.getKey().apply.apply(c, e.getValue());
            }
        }
        return c;
    }

    private double value(Knob knob, double unset) {
        Number v = given.get(knob);
        return v != null ? v.doubleValue() : unset;
    }

    /**
     * Declares the table's options on a command that holds its {@link SimulationKnobs} ({@link SimulateCommand}),
     * each with the row's {@link Bounds} as its user object, where {@link Checks#boundsOf} finds them.
     */
    public static final class Declare implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            SimulationKnobs knobs = ((SimulateCommand) spec.userObject()).knobs;
            for (Knob k : Knob.values()) {
                Binding binding = new Binding(knobs.given, k);
                spec.addOption(OptionSpec.builder(k.option).paramLabel(k.label).type(k.type).description(k.help)
                        .getter(binding).setter(binding).userObject(k.bounds).build());
            }
            return spec;
        }
    }

    /** A knob's value in the map of those given: null when it was not given. */
    private record Binding(Map<Knob, Number> given, Knob knob) implements IGetter, ISetter {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) given.get(knob);
        }

        @Override
        public <T> T set(T value) {
            T old = get();
            if (value == null) {
                given.remove(knob);
            } else {
                given.put(knob, (Number) value);
            }
            return old;
        }
    }
}
