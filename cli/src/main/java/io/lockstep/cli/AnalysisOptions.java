package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import io.lockstep.community.LeidenParams;
import io.lockstep.coordination.DetectionParams;
import picocli.CommandLine.Option;

import java.util.LinkedHashSet;
import java.util.List;

/** Detection and community settings shared by {@code analyze}, {@code detect} and {@code demo}. */
public final class AnalysisOptions {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed: equal seeds give equal results (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resolution", paramLabel = "R", defaultValue = "1.0",
            description = "Leiden resolution for the account communities (default: ${DEFAULT-VALUE}).")
    double resolution;

    @Option(names = "--signals", paramLabel = "NAME", split = ",",
            description = "Coordination signals to run (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = SignalNames.class)
    List<String> signals;

    @Option(names = "--window", paramLabel = "SECONDS",
            description = "Co-retweet and co-link window in seconds (default: 60).")
    Long window;

    @Option(names = "--min-shared", paramLabel = "K",
            description = "Co-retweet: minimum distinct originals two accounts share (default: 3).")
    Integer minShared;

    @Option(names = "--threshold", paramLabel = "SCORE",
            description = "Cluster score from which its accounts are suspicious, in [0,1] (default: 0.5).")
    Double threshold;

    /** The analysis these options ask for. */
    AnalysisParams params() {
        return new AnalysisParams(leidenParams(), detectionParams());
    }

    LeidenParams leidenParams() {
        return LeidenParams.defaults().withSeed(seed).withResolution(resolution);
    }

    DetectionParams detectionParams() {
        DetectionParams p = DetectionParams.defaults().withSeed(seed);
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
            var c = p.cluster();
            p = p.withCluster(new DetectionParams.ClusterParams(c.minEdgeWeight(), c.minSize(), threshold,
                    c.creationBurst(), c.burstBin(), c.leiden(), c.partners()));
        }
        return p;
    }

    /** Signal names for completion and help. */
    static final class SignalNames extends java.util.ArrayList<String> {
        SignalNames() {
            super(DetectionParams.ALL_SIGNALS);
        }
    }
}
