package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import io.lockstep.community.LeidenParams;
import io.lockstep.coordination.CoordinationParams;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Detection and community settings shared by {@code analyze} and {@code detect}; each value is checked where it
 * enters (numbers against their {@link Range}, signal names as they are parsed). Without options, {@link #params()}
 * equals {@link AnalysisParams#defaults()}.
 */
public final class AnalysisOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    SeedOption seed = new SeedOption();

    private List<String> signals;

    @Option(names = "--resolution", paramLabel = "R", defaultValue = "1.0",
            description = "Leiden resolution for the account communities, above 0 (default: ${DEFAULT-VALUE}).")
    @Range(above = 0)
    double resolution;

    @Option(names = "--signals", paramLabel = "NAME", split = ",",
            description = "Coordination signals to run (default: all): "
                    + "${COMPLETION-CANDIDATES}.",
            completionCandidates = SignalNames.class)
    void signals(List<String> names) {
        for (String name : names) {
            if (!CoordinationParams.ALL_SIGNALS.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--signals: unknown signal '" + name + "' (expected "
                        + String.join(", ", CoordinationParams.ALL_SIGNALS) + ")");
            }
        }
        signals = List.copyOf(names);
    }

    @Option(names = "--window", paramLabel = "SECONDS",
            description = "Co-retweet and co-link window in seconds, at least 1 (default: 60).")
    @Range(min = 1)
    Long window;

    @Option(names = "--min-shared", paramLabel = "K",
            description = "Co-retweet: minimum distinct originals two accounts share, at least 1 (default: 3).")
    @Range(min = 1)
    Integer minShared;

    @Option(names = "--threshold", paramLabel = "SCORE",
            description = "Cluster score from which its accounts are suspicious, in [0, 1] (default: 0.5).")
    @Range(min = 0, max = 1)
    Double threshold;

    /** The analysis these options ask for. */
    AnalysisParams params() {
        return new AnalysisParams(leidenParams(), detectionParams());
    }

    LeidenParams leidenParams() {
        return LeidenParams.defaults().withSeed(seed.seed()).withResolution(resolution);
    }

    CoordinationParams detectionParams() {
        CoordinationParams p = CoordinationParams.defaults().withSeed(seed.seed());
        if (signals != null && !signals.isEmpty()) {
            p = p.withSignals(new LinkedHashSet<>(signals));
        }
        if (window != null) {
            p = p.withCoRetweet(p.coRetweet().withWindow(window)).withCoLink(p.coLink().withWindow(window));
        }
        if (minShared != null) {
            p = p.withCoRetweet(p.coRetweet().withMinShared(minShared));
        }
        if (threshold != null) {
            p = p.withCluster(p.cluster().withSuspiciousScore(threshold));
        }
        return p;
    }

    /** Signal names for completion and help. */
    static final class SignalNames extends ArrayList<String> {
        SignalNames() {
            super(CoordinationParams.ALL_SIGNALS);
        }
    }
}
