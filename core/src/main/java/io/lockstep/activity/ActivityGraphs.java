package io.lockstep.activity;

import io.lockstep.graph.CompactDigraph;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;

/**
 * Projections of an {@link Activity} onto account–account graphs, for community detection and influence.
 *
 * <p>The interaction graph links the author of a retweet, reply or quote to the referenced post's author, and a
 * post's author to each account it mentions (weight 1 per action); with follows, each follow adds weight
 * {@link #FOLLOW_WEIGHT}. Direction and repetition fold into undirected weights (see {@link CompactGraphBuilder}).
 * Self-interactions (retweeting oneself) are dropped: they say nothing about communities.
 */
public final class ActivityGraphs {
    /** Weight of one follow relative to one retweet: a follow is a weaker, older signal than an action. */
    public static final double FOLLOW_WEIGHT = 0.5;

    private ActivityGraphs() {
    }

    /** Retweets, replies, quotes and mentions as one undirected weighted graph on account ids. */
    public static CompactGraph interactions(Activity activity) {
        return interactions(activity, false);
    }

    /** As {@link #interactions(Activity)}, adding follows with weight {@link #FOLLOW_WEIGHT} when asked. */
    public static CompactGraph interactions(Activity activity, boolean withFollows) {
        CompactGraphBuilder b = new CompactGraphBuilder(activity.accountCount());
        addActions(activity, b, true, true);
        if (withFollows) {
            for (int f = 0; f < activity.followCount(); f++) {
                int u = activity.follower(f), v = activity.followee(f);
                if (u != v) {
                    b.addEdge(u, v, FOLLOW_WEIGHT);
                }
            }
        }
        return b.build();
    }

    /** Retweets only (author → retweeted author), the classic amplification graph. */
    public static CompactGraph retweets(Activity activity) {
        CompactGraphBuilder b = new CompactGraphBuilder(activity.accountCount());
        for (int p = 0; p < activity.postCount(); p++) {
            if (activity.kind(p) == PostKind.RETWEET) {
                addEdge(b, activity.author(p), activity.referencedAuthor(p));
            }
        }
        return b.build();
    }

    /**
     * Endorsements as a directed graph for PageRank: each retweet, quote, reply or mention points from the actor to
     * the account it amplifies or addresses (weight 1), each follow from follower to followee (weight
     * {@link #FOLLOW_WEIGHT}). Influence flows to the accounts others amplify.
     */
    public static CompactDigraph endorsements(Activity activity) {
        CompactDigraph.Builder b = new CompactDigraph.Builder(activity.accountCount());
        for (int p = 0; p < activity.postCount(); p++) {
            PostKind kind = activity.kind(p);
            if (kind == PostKind.PLACEHOLDER) {
                continue;
            }
            int author = activity.author(p);
            if (kind != PostKind.TWEET) {
                addArc(b, author, activity.referencedAuthor(p), 1.0);
            }
            for (int i = 0; i < activity.mentionCount(p); i++) {
                addArc(b, author, activity.mentionOf(p, i), 1.0);
            }
        }
        for (int f = 0; f < activity.followCount(); f++) {
            addArc(b, activity.follower(f), activity.followee(f), FOLLOW_WEIGHT);
        }
        return b.build();
    }

    private static void addArc(CompactDigraph.Builder b, int u, int v, double w) {
        if (links(u, v)) {
            b.addArc(u, v, w);
        }
    }

    /** Follows only. */
    public static CompactGraph follows(Activity activity) {
        CompactGraphBuilder b = new CompactGraphBuilder(activity.accountCount());
        for (int f = 0; f < activity.followCount(); f++) {
            addEdge(b, activity.follower(f), activity.followee(f));
        }
        return b.build();
    }

    private static void addActions(Activity activity, CompactGraphBuilder b, boolean references, boolean mentions) {
        for (int p = 0; p < activity.postCount(); p++) {
            PostKind kind = activity.kind(p);
            if (kind == PostKind.PLACEHOLDER) {
                continue;
            }
            int author = activity.author(p);
            if (references && kind != PostKind.TWEET) {
                addEdge(b, author, activity.referencedAuthor(p));
            }
            if (mentions) {
                for (int i = 0; i < activity.mentionCount(p); i++) {
                    addEdge(b, author, activity.mentionOf(p, i));
                }
            }
        }
    }

    private static void addEdge(CompactGraphBuilder b, int u, int v) {
        if (links(u, v)) {
            b.addEdge(u, v, 1.0);
        }
    }

    /**
     * Whether an account retweets, replies to, quotes or mentions another: whether {@link #interactions} has an edge
     * that is not a follow. Stops at the first. O(posts) at most.
     */
    public static boolean hasActions(Activity activity) {
        for (int p = 0; p < activity.postCount(); p++) {
            PostKind kind = activity.kind(p);
            if (kind == PostKind.PLACEHOLDER) {
                continue;
            }
            int author = activity.author(p);
            if (kind != PostKind.TWEET && links(author, activity.referencedAuthor(p))) {
                return true;
            }
            for (int i = 0; i < activity.mentionCount(p); i++) {
                if (links(author, activity.mentionOf(p, i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an action or follow from u to v is an edge: both accounts known, not oneself. */
    private static boolean links(int u, int v) {
        return u >= 0 && v >= 0 && u != v;
    }
}
