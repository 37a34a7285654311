package io.lockstep.activity;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The account-to-account graphs a user can run community detection on, each built by {@link ActivityGraphs} from
 * an {@link Activity}: the same road {@code analyze} takes, so a projection means the same thing in every command.
 */
public enum Projection {
    /** Retweets, replies, quotes and mentions, plus follows at {@link ActivityGraphs#FOLLOW_WEIGHT}: the graph of
     * {@code analyze}'s communities. */
    INTERACTIONS,
    /** Retweets only (retweeter and retweeted author). */
    RETWEETS,
    /** Follows only. */
    FOLLOWS;

    /** The lower-case name, also the prefix of the store properties written for this projection. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The projection of {@code activity} over all its accounts (isolated ones included). */
    public CompactGraph of(Activity activity) {
        return switch (this) {
            case INTERACTIONS -> ActivityGraphs.interactions(activity, true);
            case RETWEETS -> ActivityGraphs.retweets(activity);
            case FOLLOWS -> ActivityGraphs.follows(activity);
        };
    }

    /**
     * The projection restricted to the accounts with at least one edge, with the account id of each vertex: what a
     * community run reports on (an isolated account is no community).
     */
    public Connected connected(Activity activity) {
        CompactGraph all = of(activity);
        int[] index = new int[all.nodeCount()];
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < all.nodeCount(); v++) {
            index[v] = all.degree(v) > 0 ? ids.size() : -1;
            if (index[v] >= 0) {
                ids.add(activity.accountId(v));
            }
        }
        CompactGraphBuilder b = new CompactGraphBuilder(ids.size());
        for (int v = 0; v < all.nodeCount(); v++) {
            for (int i = all.start(v); i < all.end(v); i++) {
                int u = all.target(i);
                if (u >= v) {
                    b.addEdge(index[v], index[u], all.weight(i));
                }
            }
        }
        return new Connected(b.build(), Collections.unmodifiableList(ids));
    }

    /**
     * A projection without its isolated accounts.
     *
     * @param graph      the undirected weighted graph on dense ids
     * @param accountIds the account id of each vertex
     */
    public record Connected(CompactGraph graph, List<String> accountIds) {
    }
}
