package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

import java.util.Arrays;

/**
 * Which of a follow block's followers act on its targets as readers do, for the audience factor of
 * {@link ClusterScorer}. A follower <em>acts</em> on the block when it retweets, quotes or replies to a post by one of
 * the block's targets. It acts <b>in lockstep</b> when, on at least {@code minShared} distinct target posts, another
 * follower of the block acted on the same post within {@code window} seconds of it: the co-retweet signal's own
 * window and minimum of shared posts ({@link CoordinationParams#coRetweet()}), asked here of the follower against the
 * whole block rather than of one pair (the lockstep of CopyCatch: a group acting on the same items within a short
 * span of one another; Beutel, Xu, Guruswami, Palow and Faloutsos, "CopyCatch: stopping group attacks by spotting
 * lockstep behavior in social networks", WWW 2013). A follower acting in lockstep is still counted as a reader when it
 * is <b>tied</b> to the block: it follows, or is followed by, another of the block's followers. Members of an
 * audience that know one another (fans of one idol, supporters of one club, colleagues) react together because they
 * see the same posts at the same moments and see one another react, so their synchrony has an explanation in the
 * follow graph (Aral, Muchnik and Sundararajan, "Distinguishing influence-based contagion from homophily-driven
 * diffusion in dynamic networks", PNAS 106, 2009); accounts with no tie among them that keep acting on the same posts
 * within the same minute have nothing in common but the posts. Everyone else who acts is a reader: an audience acts
 * on its own schedule, so its members rarely meet one another on the same post within the window more than
 * {@code minShared} − 1 times.
 *
 * <p>Cost per block: O(the followers' posts + A log A) for the A actions on the targets, plus, only when some
 * follower acts in lockstep, O(the followers' follows) against a follow index built once per instance in O(follows).
 * Deterministic.
 */
final class LockstepReaders {
    private final Activity activity;
    private final int[] postOffsets;
    private final int[] postsByAuthor;
    private final long window;
    private final int minShared;
    /** Follows by follower (CSR over account ids), built on first use. */
    private int[] followOffsets;
    private int[] followees;

    /**
     * @param postOffsets   per account, where its timed posts start in {@code postsByAuthor} (length accounts + 1)
     * @param postsByAuthor post ids grouped by author
     * @param window        seconds within which two followers' actions on one post meet
     * @param minShared     distinct posts on which a follower must meet another for its actions to be in lockstep
     */
    LockstepReaders(Activity activity, int[] postOffsets, int[] postsByAuthor, long window, int minShared) {
        this.activity = activity;
        this.postOffsets = postOffsets;
        this.postsByAuthor = postsByAuthor;
        this.window = window;
        this.minShared = minShared;
    }

    /** The block's followers counted: N, those with a timed post, those acting on a target, the readers. */
    record Counts(int followers, int posting, int acting, int readers) {
    }

    Counts count(DenseBlock block) {
        int[] followers = block.followers();
        IntOpenHashSet targets = new IntOpenHashSet(block.targets());
        int posting = 0;
        int total = 0;
        for (int f : followers) {
            if (postOffsets[f + 1] > postOffsets[f]) {
                posting++;
            }
            for (int i = postOffsets[f]; i < postOffsets[f + 1]; i++) {
                int p = postsByAuthor[i];
                if (onTarget(p, targets) && activity.referencedPost(p) != Activity.NONE) {
                    total++;
                }
            }
        }
        // the actions on the targets' posts: follower index, referenced post, time
        int[] who = new int[total];
        int[] post = new int[total];
        long[] time = new long[total];
        boolean[] acting = new boolean[followers.length];
        int a = 0;
        for (int x = 0; x < followers.length; x++) {
            int f = followers[x];
            for (int i = postOffsets[f]; i < postOffsets[f + 1]; i++) {
                int p = postsByAuthor[i];
                if (onTarget(p, targets)) {
                    acting[x] = true;
                    if (activity.referencedPost(p) == Activity.NONE) {
                        continue; // a reply to an account without a known post: acting, but on no post to meet on
                    }
                    who[a] = x;
                    post[a] = activity.referencedPost(p);
                    time[a] = activity.time(p);
                    a++;
                }
            }
        }
        int[] lockstepPosts = lockstepPosts(followers.length, who, post, time);
        boolean[] lockstep = new boolean[followers.length];
        boolean any = false;
        for (int x = 0; x < followers.length; x++) {
            lockstep[x] = acting[x] && lockstepPosts[x] >= minShared;
            any |= lockstep[x];
        }
        boolean[] tied = any ? tied(followers) : new boolean[followers.length];
        int actingCount = 0;
        int readers = 0;
        for (int x = 0; x < followers.length; x++) {
            if (acting[x]) {
                actingCount++;
                if (!lockstep[x] || tied[x]) {
                    readers++;
                }
            }
        }
        return new Counts(followers.length, posting, actingCount, readers);
    }

    private boolean onTarget(int p, IntOpenHashSet targets) {
        int author = activity.referencedAuthor(p);
        return author != Activity.NONE && targets.contains(author);
    }

    /**
     * Per follower index, the distinct posts on which another follower acted within {@link #window} seconds of it.
     * Actions sorted by post, then time: each action looks at its neighbours in time on the same post until one by
     * another follower is found or the window is passed.
     */
    int[] lockstepPosts(int followers, int[] who, int[] post, long[] time) {
        int n = who.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntArrays.quickSort(order, (x, y) -> post[x] != post[y] ? Integer.compare(post[x], post[y])
                : time[x] != time[y] ? Long.compare(time[x], time[y]) : Integer.compare(x, y));
        int[] counted = new int[followers];
        Arrays.fill(counted, -1);
        int[] shared = new int[followers];
        for (int s = 0; s < n; ) {
            int e = s;
            while (e < n && post[order[e]] == post[order[s]]) {
                e++;
            }
            for (int i = s; i < e; i++) {
                int x = who[order[i]];
                if (counted[x] == post[order[i]]) {
                    continue;
                }
                if (meets(order, who, time, s, e, i)) {
                    counted[x] = post[order[i]];
                    shared[x]++;
                }
            }
            s = e;
        }
        return shared;
    }

    private boolean meets(int[] order, int[] who, long[] time, int s, int e, int i) {
        int x = who[order[i]];
        long t = time[order[i]];
        for (int j = i - 1; j >= s && t - time[order[j]] <= window; j--) {
            if (who[order[j]] != x) {
                return true;
            }
        }
        for (int j = i + 1; j < e && time[order[j]] - t <= window; j++) {
            if (who[order[j]] != x) {
                return true;
            }
        }
        return false;
    }

    /** Per follower index, whether it follows or is followed by another of {@code followers}. */
    boolean[] tied(int[] followers) {
        return tiedAcross(followers, null);
    }

    /**
     * Per follower index, whether it follows or is followed by another of {@code followers} of another group:
     * {@code group[x]} is follower x's group; null puts each follower in a group of its own ({@link #tied}).
     * O(the followers' follows), plus O(follows) once to index them.
     */
    boolean[] tiedAcross(int[] followers, int[] group) {
        if (followOffsets == null) {
            indexFollows();
        }
        Int2IntOpenHashMap index = new Int2IntOpenHashMap(followers.length);
        index.defaultReturnValue(-1);
        for (int x = 0; x < followers.length; x++) {
            index.put(followers[x], x);
        }
        boolean[] tied = new boolean[followers.length];
        for (int x = 0; x < followers.length; x++) {
            int f = followers[x];
            for (int i = followOffsets[f]; i < followOffsets[f + 1]; i++) {
                int y = index.get(followees[i]);
                if (y >= 0 && y != x && (group == null || group[x] != group[y])) {
                    tied[x] = true;
                    tied[y] = true;
                }
            }
        }
        return tied;
    }

    private void indexFollows() {
        int n = activity.accountCount();
        int m = activity.followCount();
        int[] offsets = new int[n + 1];
        for (int i = 0; i < m; i++) {
            offsets[activity.follower(i) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] targets = new int[m];
        int[] at = Arrays.copyOf(offsets, n);
        for (int i = 0; i < m; i++) {
            targets[at[activity.follower(i)]++] = activity.followee(i);
        }
        followOffsets = offsets;
        followees = targets;
    }
}
