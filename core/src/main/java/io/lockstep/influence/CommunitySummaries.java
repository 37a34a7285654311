package io.lockstep.influence;

import io.lockstep.activity.Activity;
import io.lockstep.graph.CompactGraph;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrays;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Per-community summaries of an archive's accounts: size, internal edges and density in the analysis graph, the most
 * influential accounts (by a score such as {@link PageRank}) and the most used hashtags (counted over the posts the
 * community's members wrote; placeholder posts have no author and are skipped).
 *
 * <p>The graph's vertices, the membership and the scores are indexed by the activity's account ids. Cost
 * O(n log n + m + hashtag uses).
 */
public final class CommunitySummaries {
    /** A hashtag (lower case, without '#') and how many posts of the community used it. */
    public record HashtagCount(String hashtag, int posts) {
    }

    /**
     * @param community     community id
     * @param size          number of accounts
     * @param internalEdges undirected edges between two members (self-loops excluded)
     * @param density       {@code internalEdges / (size (size − 1) / 2)}, 0 for a single account
     * @param topAccounts   account ids of the highest-scoring members, best first (ties: smaller account id)
     * @param topHashtags   most used hashtags, most used first (ties: alphabetical)
     */
    public record CommunitySummary(int community, int size, long internalEdges, double density,
                                   List<String> topAccounts, List<HashtagCount> topHashtags) {
        public CommunitySummary {
            topAccounts = List.copyOf(topAccounts);
            topHashtags = List.copyOf(topHashtags);
        }
    }

    private CommunitySummaries() {
    }

    /**
     * Summarises every community {@code 0..max(membership)}.
     *
     * @param top how many accounts and hashtags to list per community
     */
    public static List<CommunitySummary> compute(Activity activity, CompactGraph graph, int[] membership,
                                                 double[] scores, int top) {
        Objects.requireNonNull(activity, "activity");
        int n = activity.accountCount();
        if (graph.nodeCount() != n || membership.length != n || scores.length != n) {
            throw new IllegalArgumentException("graph (" + graph.nodeCount() + "), membership (" + membership.length
                    + ") and scores (" + scores.length + ") must all cover the " + n + " accounts");
        }
        if (top < 0) {
            throw new IllegalArgumentException("top must be >= 0, was " + top);
        }
        int k = 0;
        for (int c : membership) {
            if (c < 0) {
                throw new IllegalArgumentException("negative community id " + c);
            }
            k = Math.max(k, c + 1);
        }
        int[] size = new int[k];
        long[] internal = new long[k];
        for (int v = 0; v < n; v++) {
            int c = membership[v];
            size[c]++;
            for (int i = graph.start(v); i < graph.end(v); i++) {
                int u = graph.target(i);
                if (u > v && membership[u] == c) {
                    internal[c]++;
                }
            }
        }
        // members sorted by community, then score descending, then account id
        int[] members = new int[n];
        for (int v = 0; v < n; v++) {
            members[v] = v;
        }
        IntArrays.parallelQuickSort(members, (a, b) -> {
            int byCommunity = Integer.compare(membership[a], membership[b]);
            if (byCommunity != 0) {
                return byCommunity;
            }
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : activity.accountId(a).compareTo(activity.accountId(b));
        });
        Int2IntOpenHashMap[] tags = new Int2IntOpenHashMap[k];
        for (int p = 0; p < activity.postCount(); p++) {
            int a = activity.author(p);
            if (a < 0) {
                continue;
            }
            int c = membership[a];
            for (int h = 0; h < activity.hashtagCount(p); h++) {
                if (tags[c] == null) {
                    tags[c] = new Int2IntOpenHashMap();
                }
                tags[c].addTo(activity.hashtagOf(p, h), 1);
            }
        }
        List<CommunitySummary> out = new ArrayList<>(k);
        int at = 0;
        for (int c = 0; c < k; c++) {
            List<String> accounts = new ArrayList<>();
            for (int j = 0; j < size[c]; j++) {
                if (j < top) {
                    accounts.add(activity.accountId(members[at + j]));
                }
            }
            at += size[c];
            List<HashtagCount> hashtags = new ArrayList<>();
            if (tags[c] != null) {
                for (var e : tags[c].int2IntEntrySet()) {
                    hashtags.add(new HashtagCount(activity.hashtag(e.getIntKey()), e.getIntValue()));
                }
                hashtags.sort((a, b) -> a.posts() != b.posts() ? Integer.compare(b.posts(), a.posts())
                        : a.hashtag().compareTo(b.hashtag()));
            }
            double pairs = size[c] * (size[c] - 1L) / 2.0;
            out.add(new CommunitySummary(c, size[c], internal[c], pairs == 0 ? 0 : internal[c] / pairs, accounts,
                    hashtags.subList(0, Math.min(top, hashtags.size()))));
        }
        return Collections.unmodifiableList(out);
    }
}
