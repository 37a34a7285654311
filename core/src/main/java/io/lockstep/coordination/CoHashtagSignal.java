package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * Co-hashtag: accounts using the same hashtags within minutes (default window 300 s, at least 3 shared hashtags),
 * rare hashtags weighing more than common ones (inverse popularity), as asked of the QUT
 * coordination-network-toolkit to catch efforts to make a hashtag trend; see Pacheco et al. 2021 for hashtag-based
 * coordination. Only authored posts count (tweets, replies, quotes), so that retweets, already covered by
 * co-retweet, do not count twice; a hashtag counts once per post. Scan, weights and null model:
 * {@link CoActionScanner}. Evidence items are {@code #hashtag}.
 */
public final class CoHashtagSignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final int maxNeighbours;
    private final int evidenceCap;

    public CoHashtagSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.coHashtag();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return CO_HASHTAG;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        return CoActionScanner.scan(name(), actions(activity), activity.accountCount(), params, maxNeighbours,
                evidenceCap, (key, sourcePost, targetPost) -> "#" + activity.hashtag(key), progress, termination);
    }

    /**
     * One action per distinct hashtag of each authored post (tweet, reply or quote with a time and an author), keyed
     * by the hashtag's number. Shared by co-hashtag and hashtag-burst. O(posts + hashtags).
     */
    static Actions actions(Activity activity) {
        int posts = activity.postCount();
        Actions actions = new Actions(Math.max(16, posts / 4));
        for (int p = 0; p < posts; p++) {
            if (!authored(activity, p)) {
                continue;
            }
            int k = activity.hashtagCount(p);
            for (int i = 0; i < k; i++) {
                int h = activity.hashtagOf(p, i);
                boolean repeated = false;
                for (int j = 0; j < i; j++) {
                    repeated |= activity.hashtagOf(p, j) == h;
                }
                if (!repeated) {
                    actions.add(h, activity.time(p), activity.author(p), p);
                }
            }
        }
        return actions;
    }

    /** Whether a post is authored content with a known time and author (tweet, reply or quote). */
    static boolean authored(Activity activity, int p) {
        PostKind kind = activity.kind(p);
        return (kind == PostKind.TWEET || kind == PostKind.REPLY || kind == PostKind.QUOTE)
                && activity.time(p) != Activity.NO_TIME && activity.author(p) != Activity.NONE;
    }
}
