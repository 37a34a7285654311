package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.Arrays;

/**
 * How much of a cluster's co-reactions a crowd explains: for the reactions (retweets or replies) of the cluster's
 * members, the share of their <em>examined</em> co-actors that are inside the cluster's coordination neighbourhood,
 * the members and the accounts the combined coordination graph links to a member ({@link #retweet}, {@link #reply}).
 * It is the complement of the cluster's conductance in the co-reaction graph that pair counting looked at (the share
 * of its members' co-occurrences that leave the cluster; Kannan, Vempala and Vetta, "On clusterings: good, bad and
 * spectral", JACM 51, 2004). Accounts that react together to posts few others react to, or that crowd out everyone
 * else, co-act mostly with each other (a botnet's share is near 1); accounts that react early to popular posts (fans
 * of one idol, readers of breaking news) meet the same crowd every time and meet each other only as part of it, so
 * their share is small, however often they coincide: the crowd, not the pair, explains their co-reactions. Counting
 * the linked accounts as inside keeps the measure a property of the evidence, not of the partition: a botnet that
 * modularity cuts into pieces meets its other pieces, which the graph links to it, not a crowd.
 *
 * <p><b>Which co-actors count.</b> Exactly the pairs pair counting examined: the walk is {@link ItemPairs#walk}, the
 * one that {@link PairCounting} counts from, over the same actions (the signal's reactions keyed by the post they
 * react to), window and neighbour cap. On an item of at most {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts that
 * is every co-actor in the window (up to {@code maxNeighbours} later actions each); on a larger item only the
 * co-actors in the member's own account group of {@link ItemPairs}. A co-actor never compared with a member can have
 * no edge to it, so counting it as crowd would read the unexamined part of an operation (the rest of a 5,000-bot
 * botnet, paired in 32 account groups on its large originals) as a crowd around each group's cluster. Each examined
 * pair (a, b) of an item counts once for a's cluster (co-actor b) and once for b's (co-actor a).
 *
 * <p>Cost: the actions of the signal built and sorted again (O(n), 16 bytes per action), then one walk with the cost
 * of pair counting's walk without its hash map, O(Σ_items p log p) for p pair events per item, restricted to the
 * items acted on by a member of a measured cluster (the others are skipped after O(len)); one hash probe per pair
 * endpoint in a measured cluster. Memory O(accounts + Σ measured members' degree in the combined graph).
 * Deterministic.
 */
final class CrowdShare {
    /** No cluster measured: every closedness NaN. */
    static final CrowdShare NONE = new CrowdShare(new double[0], new double[0]);

    private final double[] retweet;
    private final double[] reply;

    private CrowdShare(double[] retweet, double[] reply) {
        this.retweet = retweet;
        this.reply = reply;
    }

    /**
     * Measures the clusters of {@code groupOf} marked in {@code retweets} (co-retweet closedness) and {@code replies}
     * (co-reply closedness), with the pairing of the co-retweet and co-reply signals of {@code params}.
     *
     * @param groupOf per account, its cluster 0 … k − 1, or −1 (accounts beyond its length have none)
     * @param linked  the combined coordination graph (account ids as nodes), or null to count the members alone
     */
    static CrowdShare measure(Activity activity, CoordinationParams params, int[] groupOf, boolean[] retweets,
                              boolean[] replies, CompactGraph linked, TerminationFlag termination) {
        return new CrowdShare(
                measure(activity, PostKind.RETWEET, params.coRetweet().window(), params.maxNeighbours(), groupOf,
                        retweets, linked, termination),
                measure(activity, PostKind.REPLY, params.coReply().window(), params.maxNeighbours(), groupOf,
                        replies, linked, termination));
    }

    /** Co-retweet closedness of cluster {@code g}, or NaN when it was not measured or met no co-actor. */
    double retweet(int g) {
        return g < retweet.length ? retweet[g] : Double.NaN;
    }

    /** Co-reply closedness of cluster {@code g}, or NaN when it was not measured or met no co-actor. */
    double reply(int g) {
        return g < reply.length ? reply[g] : Double.NaN;
    }

    private static double[] measure(Activity activity, PostKind kind, long window, int maxNeighbours, int[] groupOf,
                                    boolean[] wanted, CompactGraph linked, TerminationFlag termination) {
        double[] closed = new double[wanted.length];
        Arrays.fill(closed, Double.NaN);
        boolean any = false;
        for (boolean w : wanted) {
            any |= w;
        }
        if (!any) {
            return closed;
        }
        SortedActions actions = SortedActions.of(kind.name(), CoRetweetSignal.referencing(activity, kind),
                activity.accountCount());
        return closedness(actions, window, maxNeighbours, groupOf, wanted, linked, termination);
    }

    /**
     * Per cluster marked in {@code wanted}, the share of its members' examined co-actors ({@link ItemPairs#walk} over
     * {@code actions}) that are members or linked to a member by {@code linked}; NaN for the others and for a
     * cluster that met no co-actor.
     */
    static double[] closedness(SortedActions actions, long window, int maxNeighbours, int[] groupOf,
                               boolean[] wanted, CompactGraph linked, TerminationFlag termination) {
        int k = wanted.length;
        // (cluster << 32 | account) for the accounts the combined graph links to a member of a measured cluster
        LongOpenHashSet neighbours = new LongOpenHashSet();
        if (linked != null) {
            for (int v = 0; v < Math.min(groupOf.length, linked.nodeCount()); v++) {
                int g = groupOf[v];
                if (g < 0 || !wanted[g]) {
                    continue;
                }
                for (int i = linked.start(v); i < linked.end(v); i++) {
                    neighbours.add(((long) g << 32) | linked.target(i));
                }
            }
        }
        long[] inside = new long[k];
        long[] all = new long[k];
        ItemPairs.walk(actions, window, maxNeighbours, new ItemPairs.ItemVisitor() {
            @Override
            public boolean wants(int[] distinct, int m) {
                for (int i = 0; i < m; i++) {
                    int g = group(distinct[i]);
                    if (g >= 0 && wanted[g]) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public void item(int start, int end, int[] distinct, int m, long[] pairKeys, int pairs) {
                for (int i = 0; i < pairs; i++) {
                    int a = (int) (pairKeys[i] >>> 32);
                    int b = (int) pairKeys[i];
                    count(a, b);
                    count(b, a);
                }
            }

            private void count(int member, int coActor) {
                int g = group(member);
                if (g < 0 || !wanted[g]) {
                    return;
                }
                all[g]++;
                if (group(coActor) == g || neighbours.contains(((long) g << 32) | coActor)) {
                    inside[g]++;
                }
            }

            private int group(int account) {
                return account < groupOf.length ? groupOf[account] : -1;
            }
        }, ProgressListener.NONE, termination);
        double[] closed = new double[k];
        for (int g = 0; g < k; g++) {
            closed[g] = wanted[g] && all[g] > 0 ? (double) inside[g] / all[g] : Double.NaN;
        }
        return closed;
    }
}
