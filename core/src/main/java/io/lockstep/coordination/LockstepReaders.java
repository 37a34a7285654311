package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import it.unimi.dsi.fastutil.ints.Int2IntMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

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
    /** Per account, how many accounts follow it; built with the follow index. */
    private int[] inDegree;
    /** Followers by followee (CSR over account ids), built on first use by {@link #around}. */
    private int[] followerOffsets;
    private int[] followersOf;
    /**
     * The level at which a follower's ties to the block are beyond chance ({@link #tiedBeyondChance}): the
     * conventional 5 %, the level of the audience factor's Wilson bound. Not fitted to an archive.
     */
    static final double TIE_LEVEL = 0.05;
    /**
     * The share of its targets' posts that a block's hired accounts must act on together for them to be hired around
     * the block ({@link #hiredAround}, {@link #coverage}, weighted by their actions): more than half, a majority of
     * the posts rather than a chosen few. A level of reading, not fitted to an archive.
     */
    static final double MIN_COVERAGE = 0.5;

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

    /**
     * Readers over {@code activity}'s timed posts, indexed here by author. O(accounts + posts).
     *
     * @param window    seconds within which two followers' actions on one post meet
     * @param minShared distinct posts on which a follower must meet another for its actions to be in lockstep
     */
    static LockstepReaders of(Activity activity, long window, int minShared) {
        int n = activity.accountCount();
        int posts = activity.postCount();
        int[] offsets = new int[n + 1];
        for (int p = 0; p < posts; p++) {
            int a = activity.author(p);
            if (a >= 0 && activity.time(p) != Activity.NO_TIME) {
                offsets[a + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] byAuthor = new int[offsets[n]];
        int[] at = Arrays.copyOf(offsets, n);
        for (int p = 0; p < posts; p++) {
            int a = activity.author(p);
            if (a >= 0 && activity.time(p) != Activity.NO_TIME) {
                byAuthor[at[a]++] = p;
            }
        }
        return new LockstepReaders(activity, offsets, byAuthor, window, minShared);
    }

    /** Per account, where its timed posts start in {@link #postsByAuthor()} (length accounts + 1); shared, not copied. */
    int[] postOffsets() {
        return postOffsets;
    }

    /** The timed post ids grouped by author; shared, not copied. */
    int[] postsByAuthor() {
        return postsByAuthor;
    }

    /** The block's followers counted: N, those with a timed post, those acting on a target, the readers. */
    record Counts(int followers, int posting, int acting, int readers) {
    }

    Counts count(DenseBlock block) {
        int[] followers = block.followers();
        Acts acts = acts(followers, block.targets());
        boolean any = false;
        for (boolean x : acts.lockstep) {
            any |= x;
        }
        boolean[] tied = any ? tied(followers) : new boolean[followers.length];
        int actingCount = 0;
        int readers = 0;
        for (int x = 0; x < followers.length; x++) {
            if (acts.acting[x]) {
                actingCount++;
                if (!acts.lockstep[x] || tied[x]) {
                    readers++;
                }
            }
        }
        return new Counts(followers.length, acts.posting, actingCount, readers);
    }

    /**
     * The block's <b>hired</b> followers (account ids, ascending): those that act on its targets in lockstep with the
     * block (as in {@link #count}), whose every post in the archive is such an action (a retweet, quote or reply of a
     * target: no post of their own and no action on anyone else), and whose follow ties to the block's other followers
     * are no more than their degree explains ({@link #tiedBeyondChance}'s test, at {@value #TIE_LEVEL} over the
     * candidates: each account acting in lockstep with nothing else posted is one test, and the family is adjusted as
     * Bonferroni's, so that the few members of a farm of a hundred whose past lives' follows meet two or three other
     * followers do not clear themselves at the 5 % that one account's test keeps; fans who know one another have
     * dozens of ties, far beyond either level). Accounts bought second-hand keep the follows
     * of their past lives, and in a homophilous archive a third of them meet another follower of the block by chance,
     * so any tie cannot clear them as {@link #count} does; what they lack is a voice of their own: the account's life
     * in the archive is its buyer's job. A fan reacts to its idol within the minute too, and may meet the other fans
     * no more often than its degree predicts, but it also posts, and shares, other things: the timelines of genuine
     * accounts are heterogeneous, those of accounts run for one purpose are homogeneous (Cresci, Di Pietro,
     * Petrocchi, Spognardi and Tesconi, "DNA-inspired online behavioral modeling and its application to spambot
     * detection", IEEE Intelligent Systems 31(5), 2016; the bought and hijacked accounts of follower and retweet
     * markets, Stringhini et al., "Follow the green: growth and dynamics in Twitter follower markets", IMC 2013; Dutta
     * et al., "Retweet us, we will retweet you: spotting collusive retweeters involved in blackmarket services",
     * ASONAM 2018). Fans who follow one another beyond chance (a community) are not hired whatever they post.
     * No constant of its own: the window and post count are co-retweet's, the tie level {@value #TIE_LEVEL}.
     * Cost as {@link #count} plus O(the followers' follows). Deterministic.
     */
    int[] hired(DenseBlock block) {
        return hired(block.followers(), block.targets());
    }

    /**
     * The hired accounts <em>around</em> {@code block}: those of {@link #around} that {@link #hired(int[], int[])}
     * finds hired by its job ({@link #job}: its targets, and the clients it left out whose audience it is). The
     * follow signal builds a block from the followers that follow enough of its targets; an aged farm's accounts
     * follow their clients and only some of their other customers, so most of them
     * follow too few of the block's targets to be its followers (the fourth generator's f2: 106 of 171 aged accounts
     * hired by no block's followers), though they act on the same targets, in lockstep with its followers, and on
     * nothing else. The block is the evidence the model of ordinary following cannot explain ({@link FollowNullModel});
     * the accounts around it that follow one of its targets and whose whole life in the archive is acting on them, in
     * lockstep, with no tie beyond chance, are judged by it too. Once such accounts cover the targets' posts (the job
     * is shown), their <b>mates</b> are hired with them: the accounts around the block that act in lockstep with the
     * hired ones (on at least {@code minShared} posts, within the window of a hired account's action on the same
     * post), most of whose posts (more than half) are actions on the targets, and whose ties are no more than their
     * degree explains (the same adjusted test). An account bought second-hand may keep a little of its past life in
     * the archive: the fourth generator's aged farms post a few things of their own for two in five of their accounts
     * (w3 at seed 42: 38 of the 44 missed members acted on the targets in most but not all of their posts, while no
     * honest account acting on those targets did). A post of its own must not clear an account whose life is mostly
     * the job, done in the minute of accounts whose whole life is. A fan whose own posts are the most is not a mate
     * however fast it reacts, and a block whose lockstep accounts all have a voice of their own (fans of the third
     * generator, {@code HiredFollowersTest}) has no hired account to be a mate of. Cost: O(Σ followers of the targets
     * × their posts + A log A) for their A actions on the targets (twice when the hired cover the targets: the mates'
     * lockstep is measured again against the hired only), plus O(their follows) per tie test, one for the hired and
     * one for the mates; the follower index is built once in O(follows).
     */
    int[] hiredAround(DenseBlock block) {
        int[] around = around(block);
        int[] job = job(block, around);
        Acts acts = acts(around, job);
        boolean[] hired = untied(around, and(acts.lockstep, acts.onlyTargets));
        int[] ids = select(around, hired);
        if (ids.length == 0 || coverage(ids, job) <= MIN_COVERAGE) {
            return new int[0];
        }
        boolean[] withHired = lockstep(acts.acting, lockstepPosts(around.length, acts.who, acts.post, acts.time, hired));
        boolean[] mates = untied(around, and(and(withHired, acts.mostlyTargets), not(hired)));
        for (int x = 0; x < around.length; x++) {
            hired[x] |= mates[x];
        }
        return select(around, hired);
    }

    /**
     * The accounts whose posts are {@code block}'s job: its targets, and every account that most of its followers
     * follow (more than half) and most of whose followers (more than half) are {@code around} it (ascending). The
     * second kind is a client the model of ordinary following explains only because the farm is its audience: a
     * botnet's seed followed by nothing but the botnet is its community's star, and growth judges the farm a batch
     * at a time with the other batches in the rates, so the block keeps the seeds that its batch follows beyond the
     * rest and leaves out one that every batch follows alike (the fourth generator's r1 at analysis seed 42: seven
     * blocks of one botnet's creation batches, each with three of its four seeds, whose amplifiers retweet all four
     * and nothing else). An account that the block's followers share with the platform, a community's star or an
     * account followed across it, has an audience of its own and stays out. No constant of its own: both are
     * majorities. O(the block's followers' follows + the candidates' in-degrees · log |around|), with the follow
     * and follower indexes.
     */
    int[] job(DenseBlock block, int[] around) {
        if (followOffsets == null) {
            indexFollows();
        }
        if (followerOffsets == null) {
            indexFollowers();
        }
        int[] followers = block.followers();
        IntOpenHashSet targets = new IntOpenHashSet(block.targets());
        Int2IntOpenHashMap followedBy = new Int2IntOpenHashMap();
        for (int f : followers) {
            for (int i = followOffsets[f]; i < followOffsets[f + 1]; i++) {
                if (!targets.contains(followees[i])) {
                    followedBy.addTo(followees[i], 1);
                }
            }
        }
        IntArrayList out = new IntArrayList(block.targets());
        for (Int2IntMap.Entry e : followedBy.int2IntEntrySet()) {
            int a = e.getIntKey();
            if (2 * e.getIntValue() <= followers.length) {
                continue;
            }
            int inside = 0;
            for (int i = followerOffsets[a]; i < followerOffsets[a + 1]; i++) {
                if (Arrays.binarySearch(around, followersOf[i]) >= 0) {
                    inside++;
                }
            }
            if (2 * inside > followerOffsets[a + 1] - followerOffsets[a]) {
                out.add(a);
            }
        }
        int[] job = out.toIntArray();
        Arrays.sort(job);
        return job;
    }

    private static boolean[] not(boolean[] a) {
        boolean[] out = new boolean[a.length];
        for (int x = 0; x < a.length; x++) {
            out[x] = !a[x];
        }
        return out;
    }

    /**
     * How fully {@code members} cover the posts of the targets they act on, weighted by their actions: for each target
     * they retweet, quote or reply to, the share of its posts (other than retweets) that some member acted on, averaged
     * over the members' actions on targets (a target acted on a hundred times weighs a hundred times one acted on
     * once); 0 when they act on none. A farm hired to amplify its clients acts on their posts as they come: the fourth
     * generator's aged farm retweets every client post, each member a fifth to three fifths of them, so together they
     * cover nearly all. An honest crowd whose members act on nothing but one sponsor's posts, in lockstep and without
     * ties (giveaway entrants retweeting the contests, "RT + follow to win"), acts on the few posts that ask for it
     * among the dozens the sponsor writes. The weighting is the coverage of the target behind a typical action, so that
     * a farm's stray action on another of the block's targets, one post of a prolific account, does not dilute the
     * coverage of the clients its actions are for: counted as one pool of posts, a few such strays held the fourth
     * generator's aged farms at 0.09–0.43 while their clients were covered almost whole (docs/quality.md, "Hired
     * accounts' coverage, weighted by their actions"). O(the members' posts + the acted-on targets' posts).
     */
    double coverage(int[] members, int[] targetIds) {
        IntOpenHashSet targets = new IntOpenHashSet(targetIds);
        Int2IntOpenHashMap actions = new Int2IntOpenHashMap();
        LongOpenHashSet acted = new LongOpenHashSet();
        int total = 0;
        for (int m : members) {
            for (int i = postOffsets[m]; i < postOffsets[m + 1]; i++) {
                int p = postsByAuthor[i];
                int ref = activity.referencedPost(p);
                if (ref != Activity.NONE && onTarget(p, targets)) {
                    int author = activity.referencedAuthor(p);
                    actions.addTo(author, 1);
                    acted.add((long) author << 32 | ref);
                    total++;
                }
            }
        }
        Int2IntOpenHashMap actedPosts = new Int2IntOpenHashMap();
        for (long key : acted) {
            actedPosts.addTo((int) (key >>> 32), 1);
        }
        double covered = 0;
        for (Int2IntMap.Entry e : actions.int2IntEntrySet()) {
            int author = e.getIntKey();
            long posts = 0;
            for (int i = postOffsets[author]; i < postOffsets[author + 1]; i++) {
                if (activity.kind(postsByAuthor[i]) != PostKind.RETWEET) {
                    posts++;
                }
            }
            if (posts > 0) {
                covered += e.getIntValue() * Math.min(1.0, (double) actedPosts.get(author) / posts);
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    /**
     * {@code block}'s followers and every other account that follows one of its targets and retweets, quotes or
     * replies to one of them, ascending. O(Σ followers of the targets × their posts).
     */
    int[] around(DenseBlock block) {
        if (followerOffsets == null) {
            indexFollowers();
        }
        IntOpenHashSet targets = new IntOpenHashSet(block.targets());
        IntOpenHashSet seen = new IntOpenHashSet(block.followers());
        IntArrayList out = new IntArrayList(block.followers());
        for (int t : block.targets()) {
            for (int i = followerOffsets[t]; i < followerOffsets[t + 1]; i++) {
                int f = followersOf[i];
                if (seen.add(f) && actsOn(f, targets)) {
                    out.add(f);
                }
            }
        }
        int[] ids = out.toIntArray();
        Arrays.sort(ids);
        return ids;
    }

    private boolean actsOn(int account, IntOpenHashSet targets) {
        for (int i = postOffsets[account]; i < postOffsets[account + 1]; i++) {
            if (onTarget(postsByAuthor[i], targets)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hired accounts among {@code followers} (ascending account ids) with respect to {@code targets}: as
     * {@link #hired(DenseBlock)}, lockstep and ties measured among {@code followers}.
     */
    int[] hired(int[] followers, int[] targets) {
        Acts acts = acts(followers, targets);
        return select(followers, untied(followers, and(acts.lockstep, acts.onlyTargets)));
    }

    /**
     * Of {@code candidates} (per follower index), those whose follow ties to the other followers are no more than
     * their degree explains, at {@value #TIE_LEVEL} adjusted over the candidates (Bonferroni). O(the followers'
     * follows) when there is a candidate.
     */
    private boolean[] untied(int[] followers, boolean[] candidates) {
        int n = 0;
        for (boolean c : candidates) {
            n += c ? 1 : 0;
        }
        boolean[] out = new boolean[followers.length];
        if (n == 0) {
            return out;
        }
        boolean[] tied = tiedAcrossBeyondChance(followers, null, TIE_LEVEL / n);
        for (int x = 0; x < followers.length; x++) {
            out[x] = candidates[x] && !tied[x];
        }
        return out;
    }

    private static boolean[] and(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int x = 0; x < a.length; x++) {
            out[x] = a[x] && b[x];
        }
        return out;
    }

    /** The accounts of {@code followers} whose index is marked, ascending. */
    private static int[] select(int[] followers, boolean[] marked) {
        IntArrayList out = new IntArrayList();
        for (int x = 0; x < followers.length; x++) {
            if (marked[x]) {
                out.add(followers[x]);
            }
        }
        int[] ids = out.toIntArray();
        Arrays.sort(ids);
        return ids;
    }

    /**
     * Follows from {@code followers} to {@code targets} over |followers| · |targets| (0 when either is empty).
     * O(the followers' follows), plus O(follows) once to index them.
     */
    double density(int[] followers, int[] targets) {
        if (followers.length == 0 || targets.length == 0) {
            return 0;
        }
        if (followOffsets == null) {
            indexFollows();
        }
        IntOpenHashSet t = new IntOpenHashSet(targets);
        long inside = 0;
        for (int f : followers) {
            for (int i = followOffsets[f]; i < followOffsets[f + 1]; i++) {
                if (t.contains(followees[i])) {
                    inside++;
                }
            }
        }
        return (double) inside / ((double) followers.length * targets.length);
    }

    /**
     * Per follower index: acting on a target, in lockstep with the block, every post an action on a target, more than
     * half of its posts actions on a target; the followers with a timed post; and the actions on the targets' posts
     * ({@code who}: follower index, {@code post}: the referenced post, {@code time}), for {@link #lockstepPosts} to
     * measure again against a subset of the followers.
     */
    private record Acts(int posting, boolean[] acting, boolean[] lockstep, boolean[] onlyTargets, boolean[] mostlyTargets,
                        int[] who, int[] post, long[] time) {
    }

    private Acts acts(int[] followers, int[] targetIds) {
        IntOpenHashSet targets = new IntOpenHashSet(targetIds);
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
        boolean[] onlyTargets = new boolean[followers.length];
        boolean[] mostlyTargets = new boolean[followers.length];
        int a = 0;
        for (int x = 0; x < followers.length; x++) {
            int f = followers[x];
            onlyTargets[x] = postOffsets[f + 1] > postOffsets[f];
            int on = 0;
            for (int i = postOffsets[f]; i < postOffsets[f + 1]; i++) {
                int p = postsByAuthor[i];
                if (!onTarget(p, targets)) {
                    onlyTargets[x] = false;
                    continue;
                }
                acting[x] = true;
                on++;
                if (activity.referencedPost(p) == Activity.NONE) {
                    continue; // a reply to an account without a known post: acting, but on no post to meet on
                }
                who[a] = x;
                post[a] = activity.referencedPost(p);
                time[a] = activity.time(p);
                a++;
            }
            mostlyTargets[x] = 2 * on > postOffsets[f + 1] - postOffsets[f];
        }
        boolean[] lockstep = lockstep(acting, lockstepPosts(followers.length, who, post, time, null));
        return new Acts(posting, acting, lockstep, onlyTargets, mostlyTargets, who, post, time);
    }

    /** Per follower index, acting and meeting others on at least {@link #minShared} posts. */
    private boolean[] lockstep(boolean[] acting, int[] lockstepPosts) {
        boolean[] lockstep = new boolean[acting.length];
        for (int x = 0; x < acting.length; x++) {
            lockstep[x] = acting[x] && lockstepPosts[x] >= minShared;
        }
        return lockstep;
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
        return lockstepPosts(followers, who, post, time, null);
    }

    /**
     * As {@link #lockstepPosts(int, int[], int[], long[])}, meeting only the followers x with {@code partner[x]} (null:
     * any other follower).
     */
    private int[] lockstepPosts(int followers, int[] who, int[] post, long[] time, boolean[] partner) {
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
                if (meets(order, who, time, s, e, i, partner)) {
                    counted[x] = post[order[i]];
                    shared[x]++;
                }
            }
            s = e;
        }
        return shared;
    }

    private boolean meets(int[] order, int[] who, long[] time, int s, int e, int i, boolean[] partner) {
        int x = who[order[i]];
        long t = time[order[i]];
        for (int j = i - 1; j >= s && t - time[order[j]] <= window; j--) {
            int y = who[order[j]];
            if (y != x && (partner == null || partner[y])) {
                return true;
            }
        }
        for (int j = i + 1; j < e && time[order[j]] - t <= window; j++) {
            int y = who[order[j]];
            if (y != x && (partner == null || partner[y])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per follower index, whether it follows or is followed by another of {@code followers}. O(the followers'
     * follows), plus O(follows) once to index them.
     */
    boolean[] tied(int[] followers) {
        int[] ties = tieCounts(followers, null);
        boolean[] tied = new boolean[followers.length];
        for (int x = 0; x < followers.length; x++) {
            tied[x] = ties[x] > 0;
        }
        return tied;
    }

    /**
     * Per follower index, its follows to and from the other followers of another group ({@code group[x]} for
     * follower x; null: every other follower), a mutual follow counting twice. O(the followers' follows), plus
     * O(follows) once to index them.
     */
    private int[] tieCounts(int[] followers, int[] group) {
        Int2IntOpenHashMap index = indexOf(followers);
        int[] ties = new int[followers.length];
        for (int x = 0; x < followers.length; x++) {
            int f = followers[x];
            for (int i = followOffsets[f]; i < followOffsets[f + 1]; i++) {
                int y = index.get(followees[i]);
                if (y >= 0 && y != x && (group == null || group[x] != group[y])) {
                    ties[x]++;
                    ties[y]++;
                }
            }
        }
        return ties;
    }

    /**
     * The follow ties among {@code members} ({@link Acquaintance.Ties}): pairs of members linked in one direction and
     * in both. O(the members' follows), plus O(follows) once to index them.
     */
    Acquaintance.Ties ties(int[] members) {
        Int2IntOpenHashMap index = indexOf(members);
        LongOpenHashSet edges = new LongOpenHashSet();
        for (int x = 0; x < members.length; x++) {
            int f = members[x];
            for (int i = followOffsets[f]; i < followOffsets[f + 1]; i++) {
                int y = index.get(followees[i]);
                if (y >= 0 && y != x) {
                    edges.add((long) x << 32 | y);
                }
            }
        }
        long mutual = 0;
        long oneWay = 0;
        boolean[] inMutual = new boolean[members.length];
        for (long e : edges) {
            int x = (int) (e >>> 32);
            int y = (int) e;
            if (!edges.contains((long) y << 32 | x)) {
                oneWay++;
            } else if (x < y) {
                mutual++;
                inMutual[x] = true;
                inMutual[y] = true;
            }
        }
        int acquainted = 0;
        for (boolean b : inMutual) {
            if (b) {
                acquainted++;
            }
        }
        return new Acquaintance.Ties(members.length, acquainted, oneWay, mutual);
    }

    /**
     * The density of follow edges among {@code accounts} (distinct, ordered pairs) that the configuration model gives
     * them: each account's follows fall on the archive's accounts in proportion to their in-degree, so that
     * E = Σ_a out(a) · (Σ_b in(b) − in(a)) / m over the accounts a, b of the group and m the archive's follows, over
     * s (s − 1); 0 for fewer than two accounts or no follows, at most 1. O(s), plus O(follows) once to index them.
     */
    double chanceTieDensity(int[] accounts) {
        int s = accounts.length;
        long m = activity.followCount();
        if (s < 2 || m == 0) {
            return 0;
        }
        if (followOffsets == null) {
            indexFollows();
        }
        double in = 0;
        for (int a : accounts) {
            in += inDegree[a];
        }
        double expected = 0;
        for (int a : accounts) {
            expected += (double) (followOffsets[a + 1] - followOffsets[a]) * (in - inDegree[a]) / m;
        }
        return Math.min(1, expected / ((double) s * (s - 1)));
    }

    /** Each follower's index in {@code followers} (-1 for any other account), the archive's follows indexed first. */
    private Int2IntOpenHashMap indexOf(int[] followers) {
        if (followOffsets == null) {
            indexFollows();
        }
        Int2IntOpenHashMap index = new Int2IntOpenHashMap(followers.length);
        index.defaultReturnValue(-1);
        for (int x = 0; x < followers.length; x++) {
            index.put(followers[x], x);
        }
        return index;
    }

    /**
     * Per follower index, whether its follow ties to the other followers are more than its degree explains: X ties
     * (follows from it to another follower and from another follower to it, a mutual follow counting twice) against
     * Poisson(λ), λ = (its follows + its followers) × (N − 1) / (accounts − 1), the ties that an account of its degree
     * whose follows fell on the archive's accounts at random would have among the N − 1 other followers; tied when
     * P(Poisson(λ) ≥ X) &lt; {@value #TIE_LEVEL}. The expectation keeps the account's own degree and spreads its ties
     * uniformly over the other accounts (the per-account form of the degree-corrected nulls the follow signal uses,
     * {@link FollowNullModel}, without its communities: a block's followers are not one community). Fans of a club or
     * an idol of the fourth generator follow dozens of other fans, far beyond their degree's share; an account bought
     * from another past meets a follower or two by chance. O(the followers' follows), plus O(follows) once to index
     * them.
     */
    boolean[] tiedBeyondChance(int[] followers) {
        return tiedAcrossBeyondChance(followers, null);
    }

    /**
     * As {@link #tiedBeyondChance}, counting only the ties to followers of another group ({@code group[x]} for
     * follower x; null puts each follower in a group of its own), against the followers outside the follower's own
     * group: λ = (its follows + its followers) × (N − its group's size) / (accounts − 1). A follow-unfollow churn farm
     * follows hundreds of accounts and is followed back by a share of them, so its accounts meet a block's honest
     * followers (the fourth generator's x3: 73 churn accounts following 529 accounts each, about three ties each to the
     * 67 sports fans of their block), no more often than their degree predicts; fans who know one another meet dozens.
     * O(the followers' follows), plus O(follows) once to index them.
     */
    boolean[] tiedAcrossBeyondChance(int[] followers, int[] group) {
        return tiedAcrossBeyondChance(followers, group, TIE_LEVEL);
    }

    /** As {@link #tiedAcrossBeyondChance(int[], int[])}, tied when the tail is under {@code level}. */
    private boolean[] tiedAcrossBeyondChance(int[] followers, int[] group, double level) {
        int[] ties = tieCounts(followers, group);
        Int2IntOpenHashMap groupSize = new Int2IntOpenHashMap();
        if (group != null) {
            for (int g : group) {
                groupSize.addTo(g, 1);
            }
        }
        double accounts = Math.max(1.0, activity.accountCount() - 1.0);
        boolean[] tied = new boolean[followers.length];
        for (int x = 0; x < followers.length; x++) {
            int f = followers[x];
            double others = followers.length - (group == null ? 1.0 : groupSize.get(group[x]));
            double degree = followOffsets[f + 1] - followOffsets[f] + inDegree[f];
            double lambda = degree * others / accounts;
            tied[x] = ties[x] > 0 && PoissonTail.upper(ties[x], lambda) < level;
        }
        return tied;
    }

    private void indexFollowers() {
        int[][] csr = csr(activity.accountCount(), activity.followCount(), activity::followee, activity::follower);
        followerOffsets = csr[0];
        followersOf = csr[1];
    }

    private void indexFollows() {
        int n = activity.accountCount();
        int m = activity.followCount();
        int[][] csr = csr(n, m, activity::follower, activity::followee);
        int[] in = new int[n];
        for (int i = 0; i < m; i++) {
            in[activity.followee(i)]++;
        }
        inDegree = in;
        followOffsets = csr[0];
        followees = csr[1];
    }

    /**
     * The follows grouped by {@code key} (compressed rows over account ids): offsets (length n + 1) and, per row, the
     * {@code value} of each follow. O(n + m).
     */
    private static int[][] csr(int n, int m, IntUnaryOperator key, IntUnaryOperator value) {
        int[] offsets = new int[n + 1];
        for (int i = 0; i < m; i++) {
            offsets[key.applyAsInt(i) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] values = new int[m];
        int[] at = Arrays.copyOf(offsets, n);
        for (int i = 0; i < m; i++) {
            values[at[key.applyAsInt(i)]++] = value.applyAsInt(i);
        }
        return new int[][]{offsets, values};
    }
}
