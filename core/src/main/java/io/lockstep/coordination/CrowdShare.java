package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import it.unimi.dsi.fastutil.longs.LongArrays;

/**
 * How much of a cluster's co-reactions a crowd explains: for the reactions (retweets or replies) of the cluster's
 * members, the share of their co-actors, the other accounts reacting to the same post within the signal's window,
 * that are members themselves or, as {@link ClusterScorer} uses it, linked to a member by the coordination graph
 * ({@link #closedness}). It is the complement of the cluster's conductance in the
 * co-reaction graph (the share of its members' co-occurrences that leave the cluster; Kannan, Vempala and Vetta,
 * "On clusterings: good, bad and spectral", JACM 51, 2004). Accounts that react together to posts few others react
 * to, or that crowd out everyone else, co-act mostly with each other (a botnet's share is near 1); accounts that
 * react early to popular posts (fans of one idol, readers of breaking news) meet the same crowd every time and meet
 * each other only as part of it, so their share is small, however often they coincide: the crowd, not the pair,
 * explains their co-reactions. Counting the linked accounts as inside keeps the measure a property of the evidence,
 * not of the partition: a botnet that modularity cuts into pieces (a botnet making most of a small archive's
 * coordination graph, where modularity's null term splits it) meets its other pieces, which the graph links to it,
 * not a crowd. Posts reacted to by more than {@link CoActionScanner#MAX_ITEM_ACCOUNTS} reactions
 * are left out, as the scanner leaves them out of its pairs.
 *
 * <p>Cost: O(posts + accounts) to index the reactions by the post they react to (one radix sort) and by author,
 * then per cluster O(Σ members' reactions · window occupancy). Deterministic.
 */
final class CrowdShare {
    private final Activity activity;
    private final PostKind kind;
    private final long window;
    /** Reactions of this kind sorted by (referenced post, time); {@code offsets} index them by referenced post. */
    private final int[] reactions;
    private final int[] offsets;
    /** Positions in {@code reactions}, grouped by author; {@code authorOffsets} index them by account. */
    private final int[] byAuthor;
    private final int[] authorOffsets;

    CrowdShare(Activity activity, PostKind kind, long window) {
        this.activity = activity;
        this.kind = kind;
        this.window = window;
        int posts = activity.postCount();
        int count = 0;
        long minTime = Long.MAX_VALUE;
        for (int p = 0; p < posts; p++) {
            if (isReaction(p)) {
                count++;
                minTime = Math.min(minTime, activity.time(p));
            }
        }
        long[] keys = new long[count];
        long[] ids = new long[count];
        int k = 0;
        for (int p = 0; p < posts; p++) {
            if (isReaction(p)) {
                // referenced post above, time offset below (32 bits each)
                keys[k] = ((long) activity.referencedPost(p) << 32) | (activity.time(p) - minTime);
                ids[k] = p;
                k++;
            }
        }
        LongArrays.radixSort(keys, ids);
        reactions = new int[count];
        offsets = new int[posts + 1];
        int accounts = activity.accountCount();
        authorOffsets = new int[accounts + 1];
        for (int i = 0; i < count; i++) {
            reactions[i] = (int) ids[i];
            offsets[activity.referencedPost(reactions[i]) + 1]++;
            authorOffsets[activity.author(reactions[i]) + 1]++;
        }
        for (int p = 0; p < posts; p++) {
            offsets[p + 1] += offsets[p];
        }
        for (int a = 0; a < accounts; a++) {
            authorOffsets[a + 1] += authorOffsets[a];
        }
        byAuthor = new int[count];
        int[] at = java.util.Arrays.copyOf(authorOffsets, accounts);
        for (int i = 0; i < count; i++) {
            byAuthor[at[activity.author(reactions[i])]++] = i;
        }
    }

    private boolean isReaction(int p) {
        return activity.kind(p) == kind && activity.referencedPost(p) != Activity.NONE
                && activity.time(p) != Activity.NO_TIME && activity.author(p) != Activity.NONE;
    }

    /**
     * The share of the co-actors of {@code members}' reactions that are inside, or NaN when their reactions have
     * no co-actor at all.
     *
     * @param member {@code member[a]} is true for the accounts that count as inside (at least the members)
     */
    double closedness(int[] members, boolean[] member) {
        long inside = 0, all = 0;
        for (int a : members) {
            for (int x = authorOffsets[a]; x < authorOffsets[a + 1]; x++) {
                int i = byAuthor[x];
                int post = activity.referencedPost(reactions[i]);
                int s = offsets[post], e = offsets[post + 1];
                if (e - s > CoActionScanner.MAX_ITEM_ACCOUNTS) {
                    continue;
                }
                long t = activity.time(reactions[i]);
                for (int j = i - 1; j >= s && t - activity.time(reactions[j]) <= window; j--) {
                    int b = activity.author(reactions[j]);
                    if (b != a) {
                        all++;
                        inside += member[b] ? 1 : 0;
                    }
                }
                for (int j = i + 1; j < e && activity.time(reactions[j]) - t <= window; j++) {
                    int b = activity.author(reactions[j]);
                    if (b != a) {
                        all++;
                        inside += member[b] ? 1 : 0;
                    }
                }
            }
        }
        return all == 0 ? Double.NaN : (double) inside / all;
    }
}
