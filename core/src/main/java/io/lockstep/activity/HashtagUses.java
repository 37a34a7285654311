package io.lockstep.activity;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

/**
 * Every use of a hashtag by a timed post with an author, sorted by hashtag, then time, then post: use i is hashtag
 * {@code keys[i] >>> 32} at time {@code minTime + (keys[i] & 0xffffffffL)} by post {@code posts[i]}. A retweet without
 * hashtags of its own uses its original's ({@link #source}), as its readers see them.
 *
 * @param minTime the earliest time of a timed post with an author (epoch seconds), hashtag or not
 * @param maxTime the latest
 */
public record HashtagUses(long[] keys, long[] posts, long minTime, long maxTime) {

    /** The uses of {@code activity}; null when it holds no timed post with an author. O(uses log uses). */
    public static HashtagUses of(Activity activity) {
        long minT = Long.MAX_VALUE, maxT = Long.MIN_VALUE;
        for (int p = 0; p < activity.postCount(); p++) {
            long t = activity.time(p);
            if (t != Activity.NO_TIME && activity.author(p) != Activity.NONE) {
                minT = Math.min(minT, t);
                maxT = Math.max(maxT, t);
            }
        }
        if (minT == Long.MAX_VALUE) {
            return null;
        }
        LongArrayList keys = new LongArrayList();
        LongArrayList posts = new LongArrayList();
        for (int p = 0; p < activity.postCount(); p++) {
            long t = activity.time(p);
            if (t == Activity.NO_TIME || activity.author(p) == Activity.NONE) {
                continue;
            }
            int src = source(activity, p);
            for (int i = 0; i < activity.hashtagCount(src); i++) {
                keys.add(((long) activity.hashtagOf(src, i) << 32) | (t - minT));
                posts.add(p);
            }
        }
        long[] k = keys.toLongArray();
        long[] ps = posts.toLongArray();
        LongArrays.radixSort(k, ps);
        return new HashtagUses(k, ps, minT, maxT);
    }

    /** The post whose hashtags post {@code p} carries: a retweet without hashtags of its own carries its original's. */
    public static int source(Activity activity, int p) {
        if (activity.hashtagCount(p) == 0 && activity.kind(p) == PostKind.RETWEET
                && activity.referencedPost(p) != Activity.NONE) {
            return activity.referencedPost(p);
        }
        return p;
    }

    /** The number of uses. */
    public int size() {
        return keys.length;
    }
}
