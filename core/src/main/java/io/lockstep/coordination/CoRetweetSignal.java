package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * Co-retweet: accounts retweeting the same originals within a sliding window (default 60 s), on at least k shared
 * originals (default 3), each original weighted by its inverse popularity (sharing a viral tweet is weak evidence,
 * sharing an obscure one strong). Follows the co-retweet network of the QUT coordination-network-toolkit and
 * Pacheco et al., "Uncovering Coordinated Networks on Social Media" (ICWSM 2021), with sliding windows instead of
 * CooRnet's fixed bins. See {@link CoActionScanner} for the scan, weights and null model.
 *
 * <p>Evidence items are the post ids of the shared originals. Cost: O(r + r·min(d, maxNeighbours)) for r retweets.
 */
public final class CoRetweetSignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final int maxNeighbours;
    private final int evidenceCap;

    public CoRetweetSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.coRetweet();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return CO_RETWEET;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        return CoActionScanner.scan(name(), referencing(activity, PostKind.RETWEET), activity.accountCount(), params,
                maxNeighbours, evidenceCap, (key, sourcePost, targetPost) -> activity.postId(key), progress,
                termination);
    }

    /** Actions keyed by the referenced post, for posts of one kind (retweets, replies). */
    static Actions referencing(Activity activity, PostKind kind) {
        int posts = activity.postCount();
        Actions actions = new Actions(Math.max(16, posts / 4));
        for (int p = 0; p < posts; p++) {
            int ref = activity.referencedPost(p);
            if (ref == Activity.NONE || activity.kind(p) != kind || activity.time(p) == Activity.NO_TIME) {
                continue;
            }
            actions.add(ref, activity.time(p), activity.author(p), p);
        }
        return actions;
    }
}
