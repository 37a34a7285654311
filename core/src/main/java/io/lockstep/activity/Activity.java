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
