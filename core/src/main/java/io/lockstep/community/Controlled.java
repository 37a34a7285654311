package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * What every detection of this package holds besides its algorithm: its parameters, the listener it reports progress
 * to and the flag it checks to stop early (none may be null), and the check of the graph it is given before the
 * algorithm ({@link #run}) sees it.
 *
 * @param <P> the algorithm's parameter record
 */
abstract class Controlled<P> implements CommunityDetection {
    final P params;
    final ProgressListener progress;
    final TerminationFlag termination;

    /** A detection that reports no progress and runs to the end. */
    Controlled(P params) {
        this(params, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    Controlled(P params, ProgressListener progress, TerminationFlag termination) {
        this.params = Objects.requireNonNull(params, "params");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.termination = Objects.requireNonNull(termination, "termination");
    }

    /** The parameters this detection runs with. */
    public final P params() {
        return params;
    }

    @Override
    public final CommunityResult communities(CompactGraph graph) {
        return run(Objects.requireNonNull(graph, "graph"));
    }

    /** The algorithm on {@code graph}, which is not null. */
    abstract CommunityResult run(CompactGraph graph);
}
