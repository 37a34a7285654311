package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * Co-reply: accounts replying to the same post within a sliding window (default 60 s) on at least k shared targets
 * (default 3), as in the QUT coordination-network-toolkit's co-reply network. Same scan, inverse-popularity weights
 * and null model as {@link CoRetweetSignal} ({@link CoActionScanner}). Evidence items are the replied-to post ids.
 */
public final class CoReplySignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final int maxNeighbours;
    private final int evidenceCap;

    public CoReplySignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.coReply();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return CO_REPLY;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        return CoActionScanner.scan(name(), CoRetweetSignal.referencing(activity, PostKind.REPLY),
                activity.accountCount(), params, maxNeighbours, evidenceCap,
                (key, sourcePost, targetPost) -> activity.postId(key), progress, termination);
    }
}
