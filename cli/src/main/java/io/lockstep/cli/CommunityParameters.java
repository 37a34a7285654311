package io.lockstep.cli;

import io.lockstep.cli.Checks.Bounds;
import io.lockstep.cli.CommunitiesCommand.Algorithm;
import io.lockstep.cli.OptionTable.Spec;
import io.lockstep.community.BestOfSeeds;
import io.lockstep.community.CommunityDetection;
import io.lockstep.community.LabelPropagation;
import io.lockstep.community.LabelPropagationParams;
import io.lockstep.community.Leiden;
import io.lockstep.community.LeidenParams;
import io.lockstep.community.Louvain;
import io.lockstep.community.LouvainParams;
import io.lockstep.community.QualityFunction;

/**
 * {@code communities}' algorithm and its parameters, one table ({@link Parameter}, an {@link OptionTable}): each row's
 * option, its default (Leiden's own where it has one, {@link LeidenParams#RESOLUTION_DEFAULT} and
 * {@link LeidenParams#ITERATIONS_DEFAULT}), the values it accepts and its help text. {@link #detection} is the
 * {@link CommunityDetection} the values describe.
 */
final class CommunityParameters {
    /** One parameter of the community detection, as the command line gives it. */
    enum Parameter implements OptionTable.Row {
        ALGORITHM(new Spec("--algorithm", "NAME", Algorithm.class, "leiden", null,
                "leiden, louvain or lpa (default: ${DEFAULT-VALUE}).")),
        RESOLUTION(new Spec("--resolution", "R", double.class, String.valueOf(LeidenParams.RESOLUTION_DEFAULT),
                Bounds.above(0), "Resolution (modularity γ, or CPM density threshold) for leiden and louvain, above 0 "
                + "(default: ${DEFAULT-VALUE}).")),
        QUALITY(new Spec("--quality", "FN", QualityFunction.class, "modularity", null,
                "Leiden quality function: modularity or cpm (default: ${DEFAULT-VALUE}).")),
        ITERATIONS(new Spec("--iterations", "N", int.class, String.valueOf(LeidenParams.ITERATIONS_DEFAULT),
                Bounds.atLeast(1), "Leiden iterations, each starting from the previous result, at least 1 "
                + "(default: ${DEFAULT-VALUE}).")),
        RESTARTS(new Spec("--restarts", "N", int.class, "1", Bounds.atLeast(1),
                "Runs with seeds S, S+1, … S+N-1 per graph, keeping the partition of highest modularity, at least 1; "
                        + "costs N times one run (default: ${DEFAULT-VALUE}).")),
        CONCURRENCY(new Spec("--concurrency", "N", Integer.class, null, Bounds.atLeast(1),
                "Threads, at least 1 (default: all processors)."));

        private final Spec spec;

        Parameter(Spec spec) {
            this.spec = spec;
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    /** The values given, or the rows' defaults, as {@link CommunitiesCommand} declares them. */
    final OptionTable<Parameter> table = new OptionTable<>(Parameter.class);

    /**
     * The detection the parameters describe: with {@code --restarts N} above 1, the best of N runs with seeds
     * {@code seed .. seed + N - 1} ({@link BestOfSeeds}), else one run with {@code seed}.
     */
    CommunityDetection detection(long seed) {
        int restarts = table.value(Parameter.RESTARTS, Integer.class);
        return restarts == 1 ? detection(seed, threads()) : new BestOfSeeds(s -> detection(s, threads()), seed, restarts);
    }

    private CommunityDetection detection(long seed, int threads) {
        double resolution = table.value(Parameter.RESOLUTION, Double.class);
        return switch (table.value(Parameter.ALGORITHM, Algorithm.class)) {
            case LEIDEN -> new Leiden(new LeidenParams(table.value(Parameter.QUALITY, QualityFunction.class),
                    resolution, seed, LeidenParams.MAX_LEVELS_DEFAULT, table.value(Parameter.ITERATIONS, Integer.class),
                    LeidenParams.RANDOMNESS_DEFAULT, threads));
            case LOUVAIN -> new Louvain(LouvainParams.defaults().withResolution(resolution).withSeed(seed));
            case LPA -> new LabelPropagation(LabelPropagationParams.defaults().withSeed(seed));
        };
    }

    /** {@code --concurrency}, or every available processor. */
    int threads() {
        Integer concurrency = table.value(Parameter.CONCURRENCY, Integer.class);
        return concurrency != null ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}
