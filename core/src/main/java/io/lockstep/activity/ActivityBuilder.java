package io.lockstep.activity;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.Collection;
import java.util.Locale;

/**
 * Builds an {@link Activity} one account, post and follow at a time, assigning dense ids in order of first sight.
 *
 * <p>Posts may reference originals that are not (yet) in the archive: {@link #addPost} then creates a
 * {@link PostKind#PLACEHOLDER} post that a later {@code addPost} with the same id completes in place. Adding a
 * post id twice keeps the first complete version (re-imports are idempotent). Not thread-safe.
 */
public final class ActivityBuilder {
    final ObjectArrayList<String> accountIds = new ObjectArrayList<>();
    final ObjectArrayList<String> screenNames = new ObjectArrayList<>();
    final LongArrayList accountCreated = new LongArrayList();
    final IntArrayList followerCounts = new IntArrayList();
    private final Object2IntOpenHashMap<String> accountIndex = new Object2IntOpenHashMap<>();

    final ObjectArrayList<String> postIds = new ObjectArrayList<>();
    final IntArrayList author = new IntArrayList();
    final LongArrayList time = new LongArrayList();
    final ByteArrayList kind = new ByteArrayList();
    final IntArrayList refPost = new IntArrayList();
    final ObjectArrayList<String> text = new ObjectArrayList<>();
    private final Object2IntOpenHashMap<String> postIndex = new Object2IntOpenHashMap<>();
    // Per-post lists are kept per post until build() because a placeholder may be completed later.
    private final ObjectArrayList<int[]> postHashtags = new ObjectArrayList<>();
    private final ObjectArrayList<int[]> postUrls = new ObjectArrayList<>();
    private final ObjectArrayList<int[]> postMentions = new ObjectArrayList<>();
    IntArrayList hashtagOffsets;
    IntArrayList hashtagValues;
    IntArrayList urlOffsets;
    IntArrayList urlValues;
    IntArrayList mentionOffsets;
    IntArrayList mentionValues;

    final ObjectArrayList<String> hashtagNames = new ObjectArrayList<>();
    private final Object2IntOpenHashMap<String> hashtagIndex = new Object2IntOpenHashMap<>();
    final ObjectArrayList<String> urlNames = new ObjectArrayList<>();
    private final Object2IntOpenHashMap<String> urlIndex = new Object2IntOpenHashMap<>();

    final IntArrayList follower = new IntArrayList();
    final IntArrayList followee = new IntArrayList();

    private static final int[] EMPTY = new int[0];
    /** The follower of the last follow added and its dense id (an account id never changes its dense id). */
    private String lastFollower;
    private int lastFollowerIndex;

    public ActivityBuilder() {
        accountIndex.defaultReturnValue(-1);
        postIndex.defaultReturnValue(-1);
        hashtagIndex.defaultReturnValue(-1);
        urlIndex.defaultReturnValue(-1);
    }

    /** The dense id of an account, creating a bare account on first sight. */
    public int account(String id) {
        Activity.requireId(id, "account id");
        int a = accountIndex.getInt(id);
        if (a < 0) {
            a = accountIds.size();
            accountIndex.put(id, a);
            accountIds.add(id);
            screenNames.add(null);
            accountCreated.add(Activity.NO_TIME);
            followerCounts.add(-1);
        }
        return a;
    }

    /** Adds or completes an account's profile; null or unknown values keep what is already known. */
    public int account(String id, String screenName, long createdEpochSeconds, int followers) {
        int a = account(id);
        if (screenName != null && !screenName.isEmpty()) {
            screenNames.set(a, screenName);
        }
        if (createdEpochSeconds != Activity.NO_TIME) {
            accountCreated.set(a, createdEpochSeconds);
        }
        if (followers >= 0) {
            followerCounts.set(a, followers);
        }
        return a;
    }

    /** The dense id of an already-added account, or -1. */
    public int findAccount(String id) {
        return accountIndex.getInt(id);
    }

    /**
     * Adds a post.
     *
     * @param id           post id
     * @param authorId     author account id
     * @param epochSeconds post time
     * @param kind         tweet, retweet, reply or quote
     * @param refPostId    the retweeted/replied/quoted post id, or null
     * @param refAuthorId  that post's author, or null when unknown
     * @param text         the text, or null
     * @param hashtags     hashtags without '#', any case (stored lower-cased)
     * @param urls         URLs, already normalised by the caller
     * @param mentions     mentioned account ids
     * @return the post's dense id
     */
    public int addPost(String id, String authorId, long epochSeconds, PostKind kind, String refPostId,
                       String refAuthorId, String text, Collection<String> hashtags, Collection<String> urls,
                       Collection<String> mentions) {
        if (kind == PostKind.PLACEHOLDER) {
            throw new IllegalArgumentException("kind must not be PLACEHOLDER: placeholders are created by reference");
        }
        int a = account(authorId);
        int ref = -1;
        if (refPostId != null && !refPostId.isEmpty()) {
            ref = placeholder(refPostId, refAuthorId);
        }
        int p = postIndex.getInt(Activity.requireId(id, "post id"));
        if (p >= 0 && this.kind.getByte(p) != PostKind.PLACEHOLDER.ordinal()) {
            return p; // already complete: re-import is a no-op
        }
        if (p < 0) {
            p = newPost(id);
        }
        author.set(p, a);
        time.set(p, epochSeconds);
        this.kind.set(p, (byte) kind.ordinal());
        refPost.set(p, ref);
        this.text.set(p, text);
        postHashtags.set(p, ids(hashtags, hashtagIndex, hashtagNames, true));
        postUrls.set(p, ids(urls, urlIndex, urlNames, false));
        postMentions.set(p, accounts(mentions));
        return p;
    }

    private int placeholder(String postId, String authorId) {
        int p = postIndex.getInt(postId);
        if (p < 0) {
            p = newPost(postId);
        }
        if (authorId != null && !authorId.isEmpty() && author.getInt(p) < 0) {
            author.set(p, account(authorId));
        }
        return p;
    }

    private int newPost(String id) {
        int p = postIds.size();
        postIndex.put(id, p);
        postIds.add(id);
        author.add(-1);
        time.add(Activity.NO_TIME);
        kind.add((byte) PostKind.PLACEHOLDER.ordinal());
        refPost.add(-1);
        text.add(null);
        postHashtags.add(EMPTY);
        postUrls.add(EMPTY);
        postMentions.add(EMPTY);
        return p;
    }

    /** The dense id of an already-added post (placeholders included), or -1. */
    public int findPost(String id) {
        return postIndex.getInt(id);
    }

    /**
     * Adds one follow. Follower files list a follower's follows one after the other (SNAP, twarc, the
     * information-operations archives): the follower's dense id is remembered, so that a run of follows by the same
     * account costs one lookup per follow instead of two.
     */
    public void addFollow(String followerId, String followeeId) {
        int a;
        if (lastFollower != null && lastFollower.equals(followerId)) {
            a = lastFollowerIndex;
        } else {
            a = account(followerId);
            lastFollower = followerId;
            lastFollowerIndex = a;
        }
        int b = account(followeeId);
        follower.add(a);
        followee.add(b);
    }

    /**
     * Adds one follow between two accounts by the dense ids {@link #account(String)} returned: for a caller that
     * already resolved the ids (a loader that numbers the same rows for the store), no string lookup.
     *
     * @throws IllegalArgumentException when either id is not an account of this builder
     */
    public void addFollow(int followerIndex, int followeeIndex) {
        int n = accountIds.size();
        if (followerIndex < 0 || followerIndex >= n || followeeIndex < 0 || followeeIndex >= n) {
            throw new IllegalArgumentException("follow (" + followerIndex + ", " + followeeIndex
                    + ") names an account this builder has not added (it has " + n + ")");
        }
        follower.add(followerIndex);
        followee.add(followeeIndex);
    }

    private int[] accounts(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return EMPTY;
        }
        int[] out = new int[ids.size()];
        int i = 0;
        for (String id : ids) {
            out[i++] = account(id);
        }
        return out;
    }

    private static int[] ids(Collection<String> values, Object2IntOpenHashMap<String> index,
                             ObjectArrayList<String> names, boolean lowerCase) {
        if (values == null || values.isEmpty()) {
            return EMPTY;
        }
        int[] out = new int[values.size()];
        int i = 0;
        for (String v : values) {
            String key = lowerCase ? v.toLowerCase(Locale.ROOT) : v;
            int id = index.getInt(key);
            if (id < 0) {
                id = names.size();
                index.put(key, id);
                names.add(key);
            }
            out[i++] = id;
        }
        return out;
    }

    public Activity build() {
        hashtagOffsets = new IntArrayList();
        hashtagValues = new IntArrayList();
        urlOffsets = new IntArrayList();
        urlValues = new IntArrayList();
        mentionOffsets = new IntArrayList();
        mentionValues = new IntArrayList();
        flatten(postHashtags, hashtagOffsets, hashtagValues);
        flatten(postUrls, urlOffsets, urlValues);
        flatten(postMentions, mentionOffsets, mentionValues);
        return new Activity(this);
    }

    private static void flatten(ObjectArrayList<int[]> lists, IntArrayList offsets, IntArrayList values) {
        offsets.add(0);
        for (int[] l : lists) {
            values.addElements(values.size(), l);
            offsets.add(values.size());
        }
    }
}
