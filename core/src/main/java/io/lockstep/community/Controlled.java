package io.lockstep.community;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * What every detection of this package holds besides its algorithm: its parameters, the listener it reports progress
 * to and the flag it checks to stop early. None may be null.
 *
 * @param <P> the algorithm's parameter record
 */
abstract class Controlled<P> implements CommunityDetection {
    final P params;
    final ProgressListener progress;
    final TerminationFlag termination;

    Controlled(P params, ProgressListener progress, TerminationFlag termination) {
        this.params = Objects.requireNonNull(params, "params");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.termination = Objects.requireNonNull(termination, "termination");
    }
}
