package io.lockstep.activity;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, columnar view of an archive: accounts, posts and follows, each mapped to dense int ids
 * {@code [0, n)} so that the algorithms work on primitive arrays rather than boxed maps.
 *
 * <p>Times are epoch seconds; {@link #NO_TIME} marks an unknown time (placeholders, accounts without a creation
 * date). A post's hashtags, URLs and mentions are stored in CSR form (one offsets array plus one values array)
 * to keep 10M posts within a few hundred megabytes. Hashtags are stored lower-cased; URLs as given to the builder
 * (importers normalise them).
 *
 * <p>Build one with {@link ActivityBuilder}.
 */
public final class Activity {
    /** Marks an unknown time. */
    public static final long NO_TIME = Long.MIN_VALUE;
    /** Marks a missing reference (no referenced post, no referenced author). */
    public static final int NONE = -1;

    // accounts
    final String[] accountIds;
    final String[] screenNames;
    final long[] accountCreated;
    final int[] followerCounts;
    // posts
    final String[] postIds;
    final int[] author;
    final long[] time;
    final byte[] kind;
    final int[] refPost;
    final String[] text;
    final int[] hashtagOffsets;
    final int[] hashtagValues;
    final int[] urlOffsets;
    final int[] urlValues;
    final int[] mentionOffsets;
    final int[] mentionValues;
    // dictionaries
    final String[] hashtags;
    final String[] urls;
    // follows
    final int[] follower;
    final int[] followee;

    Activity(ActivityBuilder b) {
        this.accountIds = b.accountIds.toArray(new String[0]);
        int n = accountIds.length;
        this.screenNames = Arrays.copyOf(b.screenNames.toArray(new String[0]), n);
        this.accountCreated = Arrays.copyOf(b.accountCreated.toLongArray(), n);
        this.followerCounts = Arrays.copyOf(b.followerCounts.toIntArray(), n);
        this.postIds = b.postIds.toArray(new String[0]);
        this.author = b.author.toIntArray();
        this.time = b.time.toLongArray();
        this.kind = b.kind.toByteArray();
        this.refPost = b.refPost.toIntArray();
        this.text = b.text.toArray(new String[0]);
        this.hashtagOffsets = b.hashtagOffsets.toIntArray();
        this.hashtagValues = b.hashtagValues.toIntArray();
        this.urlOffsets = b.urlOffsets.toIntArray();
        this.urlValues = b.urlValues.toIntArray();
        this.mentionOffsets = b.mentionOffsets.toIntArray();
        this.mentionValues = b.mentionValues.toIntArray();
        this.hashtags = b.hashtagNames.toArray(new String[0]);
        this.urls = b.urlNames.toArray(new String[0]);
        this.follower = b.follower.toIntArray();
        this.followee = b.followee.toIntArray();
    }

    private Activity(String[] accountIds, String[] screenNames, long[] accountCreated, int[] followerCounts,
                     String[] postIds, int[] author, long[] time, byte[] kind, int[] refPost, String[] text,
                     int[] hashtagOffsets, int[] hashtagValues, int[] urlOffsets, int[] urlValues,
                     int[] mentionOffsets, int[] mentionValues, String[] hashtags, String[] urls,
                     int[] follower, int[] followee) {
        this.accountIds = accountIds;
        this.screenNames = screenNames;
        this.accountCreated = accountCreated;
        this.followerCounts = followerCounts;
        this.postIds = postIds;
        this.author = author;
        this.time = time;
        this.kind = kind;
        this.refPost = refPost;
        this.text = text;
        this.hashtagOffsets = hashtagOffsets;
        this.hashtagValues = hashtagValues;
        this.urlOffsets = urlOffsets;
        this.urlValues = urlValues;
        this.mentionOffsets = mentionOffsets;
        this.mentionValues = mentionValues;
        this.hashtags = hashtags;
        this.urls = urls;
        this.follower = follower;
        this.followee = followee;
    }

    /**
     * The same archive with its dense ids in a canonical order: accounts, posts, hashtags and URLs numbered in the
     * order of their string ids; a post's URLs and mentions in id order without repeats (the graph model holds one
     * relationship per pair); a post's hashtags in their order of appearance; follows sorted, without repeats. Two
     * activities holding the same archive, built in any order (from the files, from the store), are equal after
     * this, and so is everything computed from them. Cost: sorting the ids ({@link StringOrder}: their first 12
     * characters packed into longs), sorting the follows, O(n log n) on all cores; one pass over the rest.
     */
    public Activity canonical() {
        int[] accountOrder = order(accountIds);
        int[] accountRank = rank(accountOrder);
        int[] postOrder = order(postIds);
        int[] postRank = rank(postOrder);
        int[] hashtagRank = rank(order(hashtags));
        int[] urlRank = rank(order(urls));
        int n = accountIds.length;
        String[] ids2 = new String[n];
        String[] names2 = new String[n];
        long[] created2 = new long[n];
        int[] followers2 = new int[n];
        for (int k = 0; k < n; k++) {
            int a = accountOrder[k];
            ids2[k] = accountIds[a];
            names2[k] = screenNames[a];
            created2[k] = accountCreated[a];
            followers2[k] = followerCounts[a];
        }
        int m = postIds.length;
        String[] postIds2 = new String[m];
        int[] author2 = new int[m];
        long[] time2 = new long[m];
        byte[] kind2 = new byte[m];
        int[] ref2 = new int[m];
        String[] text2 = new String[m];
        for (int k = 0; k < m; k++) {
            int p = postOrder[k];
            postIds2[k] = postIds[p];
            author2[k] = author[p] == NONE ? NONE : accountRank[author[p]];
            time2[k] = time[p];
            kind2[k] = kind[p];
            ref2[k] = refPost[p] == NONE ? NONE : postRank[refPost[p]];
            text2[k] = text[p];
        }
        int[][] hashtagCsr = remap(postOrder, hashtagOffsets, hashtagValues, hashtagRank, false);
        int[][] urlCsr = remap(postOrder, urlOffsets, urlValues, urlRank, true);
        int[][] mentionCsr = remap(postOrder, mentionOffsets, mentionValues, accountRank, true);
        String[] hashtags2 = new String[hashtags.length];
        for (int h = 0; h < hashtags.length; h++) {
            hashtags2[hashtagRank[h]] = hashtags[h];
        }
        String[] urls2 = new String[urls.length];
        for (int u = 0; u < urls.length; u++) {
            urls2[urlRank[u]] = urls[u];
        }
        long[] pairs = new long[follower.length];
        for (int f = 0; f < pairs.length; f++) {
            pairs[f] = ((long) accountRank[follower[f]] << 32) | accountRank[followee[f]];
        }
        Arrays.parallelSort(pairs);
        int distinct = 0;
        for (int f = 0; f < pairs.length; f++) {
            if (f == 0 || pairs[f] != pairs[f - 1]) {
                pairs[distinct++] = pairs[f];
            }
        }
        int[] follower2 = new int[distinct];
        int[] followee2 = new int[distinct];
        for (int f = 0; f < distinct; f++) {
            follower2[f] = (int) (pairs[f] >>> 32);
            followee2[f] = (int) pairs[f];
        }
        return new Activity(ids2, names2, created2, followers2, postIds2, author2, time2, kind2, ref2, text2,
                hashtagCsr[0], hashtagCsr[1], urlCsr[0], urlCsr[1], mentionCsr[0], mentionCsr[1], hashtags2, urls2,
                follower2, followee2);
    }

    /** Indices of {@code ids} in the order of the ids. */
    private static int[] order(String[] ids) {
        return StringOrder.order(ids);
    }

    private static int[] rank(int[] order) {
        int[] rank = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k;
        }
        return rank;
    }

    /** A CSR list in the new post order with values renumbered; {@code sorted}: each list sorted, repeats dropped. */
    private static int[][] remap(int[] postOrder, int[] offsets, int[] values, int[] valueRank, boolean sorted) {
        int[] offsets2 = new int[postOrder.length + 1];
        int[] values2 = new int[values.length];
        int at = 0;
        for (int k = 0; k < postOrder.length; k++) {
            int p = postOrder[k];
            int from = at;
            for (int i = offsets[p]; i < offsets[p + 1]; i++) {
                values2[at++] = valueRank[values[i]];
            }
            if (sorted && at - from > 1) {
                Arrays.sort(values2, from, at);
                int w = from + 1;
                for (int i = from + 1; i < at; i++) {
                    if (values2[i] != values2[w - 1]) {
                        values2[w++] = values2[i];
                    }
                }
                at = w;
            }
            offsets2[k + 1] = at;
        }
        return new int[][]{offsets2, at == values2.length ? values2 : Arrays.copyOf(values2, at)};
    }

    // ---- accounts ----

    public int accountCount() {
        return accountIds.length;
    }

    public String accountId(int account) {
        return accountIds[account];
    }

    /** The screen name, or {@code null} when the archive did not give one. */
    public String screenName(int account) {
        return screenNames[account];
    }

    /** Account creation time in epoch seconds, or {@link #NO_TIME}. */
    public long accountCreated(int account) {
        return accountCreated[account];
    }

    /** Follower count as reported by the archive, or -1 when unknown. */
    public int followerCount(int account) {
        return followerCounts[account];
    }

    // ---- posts ----

    /** Number of posts, placeholders included. */
    public int postCount() {
        return postIds.length;
    }

    public String postId(int post) {
        return postIds[post];
    }

    /** The author's account id, or {@link #NONE} for a placeholder whose author is unknown. */
    public int author(int post) {
        return author[post];
    }

    /** Post time in epoch seconds, or {@link #NO_TIME} for placeholders. */
    public long time(int post) {
        return time[post];
    }

    /**
     * The archive's time resolution in seconds: the greatest common divisor of the known post times, so 60 when every
     * time is a whole minute (the information-operations releases give {@code tweet_time} to the minute), 1 for times
     * to the second; 1 when no post has a time. An observed gap of d ticks of r seconds is a true gap of more than
     * (d − 1)·r and less than (d + 1)·r seconds. Cost O(posts) per call, no state kept.
     */
    public long timeResolution() {
        long g = 0;
        for (long t : time) {
            if (t != NO_TIME) {
                long x = Math.abs(t);
                while (x != 0) {
                    long r = g % x;
                    g = x;
                    x = r;
                }
                if (g == 1) {
                    return 1;
                }
            }
        }
        return Math.max(1, g);
    }

    public PostKind kind(int post) {
        return PostKind.ofOrdinal(kind[post]);
    }

    /** The retweeted, quoted or replied-to post, or {@link #NONE}. */
    public int referencedPost(int post) {
        return refPost[post];
    }

    /** The author of the referenced post, or {@link #NONE}. */
    public int referencedAuthor(int post) {
        int r = refPost[post];
        return r == NONE ? NONE : author[r];
    }

    /** The text, or {@code null}. */
    public String text(int post) {
        return text[post];
    }

    public int hashtagCount(int post) {
        return hashtagOffsets[post + 1] - hashtagOffsets[post];
    }

    /** The {@code i}-th hashtag id of a post, in the order they appear in the post. */
    public int hashtagOf(int post, int i) {
        return hashtagValues[hashtagOffsets[post] + i];
    }

    public int urlCount(int post) {
        return urlOffsets[post + 1] - urlOffsets[post];
    }

    public int urlOf(int post, int i) {
        return urlValues[urlOffsets[post] + i];
    }

    public int mentionCount(int post) {
        return mentionOffsets[post + 1] - mentionOffsets[post];
    }

    /** The {@code i}-th mentioned account of a post. */
    public int mentionOf(int post, int i) {
        return mentionValues[mentionOffsets[post] + i];
    }

    // ---- dictionaries ----

    public int hashtagDictionarySize() {
        return hashtags.length;
    }

    /** The lower-cased hashtag text (without '#') for a hashtag id. */
    public String hashtag(int hashtagId) {
        return hashtags[hashtagId];
    }

    public int urlDictionarySize() {
        return urls.length;
    }

    public String url(int urlId) {
        return urls[urlId];
    }

    // ---- follows ----

    public int followCount() {
        return follower.length;
    }

    public int follower(int follow) {
        return follower[follow];
    }

    public int followee(int follow) {
        return followee[follow];
    }

    @Override
    public String toString() {
        return "Activity[accounts=" + accountCount() + ", posts=" + postCount() + ", follows=" + followCount()
                + ", hashtags=" + hashtags.length + ", urls=" + urls.length + "]";
    }

    static String requireId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return id;
    }
}
