package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ByteOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The co-text events that a visible common source explains, and the co-text pairs discounted by them: a newsroom's
 * echo is not a copy-paste ring. Journalists post their outlet's headline minutes after the outlet, readers share it
 * with a share button whose prefilled text is the same for all ("&lt;headline&gt; via @outlet &lt;url&gt;", Twitter
 * Web Intents), so the same text recurs among the same accounts again and again: co-text evidence by every measure of
 * the scan. Yet each copy is a reaction to one earlier post, as a retweet is, and the archive shows it.
 *
 * <p><b>The rule</b>, over the near-duplicate text items of {@link CoTextSignal} (phases below, each tested):
 * <ol>
 *   <li><b>Source candidate</b> ({@link #earliest}): the item's earliest post, when a single account posted at that
 *       time; an item whose first moment holds posts of several accounts has none.</li>
 *   <li><b>Copies</b> ({@link #copies}): a later post of the item by another account that shows how its author got the
 *       text: it mentions the source's author, carries a URL of the source post, or its author follows the source's
 *       author. Without such a route two accounts writing the same words is what co-text looks for.</li>
 *   <li><b>Sources</b> ({@link #sources}): a candidate with at least one copy counts only when its author sourced
 *       more items than it copied (a star around a source, not a clique of equals). In a ring whose members follow
 *       each other and take turns at posting first, each member copies far more often than it is copied, so its turns
 *       explain nothing; an outlet is copied and copies no one.</li>
 *   <li><b>Explained events</b> ({@link #explained}): a window event of a pair on an item (two posts within co-text's
 *       window, as the scan pairs them) is explained when the item has a source, both posts are the source post or
 *       copies of it, and they are further apart than the <em>reaction window</em>, the co-retweet window (default
 *       60 s): a copy of an earlier post is judged as a retweet of it is, and two retweets of one post minutes apart
 *       are not coordination. An audience reads a post at independent moments whose delays are heavy-tailed, so its
 *       copies rarely fall in one minute; copies posted on cue do, and stay evidence whatever their source (Keller,
 *       Schoch, Stier and Yang, "Political astroturfing on Twitter: how to coordinate a disinformation campaign",
 *       Political Communication 37, 2020, whose co-tweet and co-retweet criteria are the same one-minute window).
 *       Audiences differ in pace (a newsroom's journalists echo it within minutes, its share-button readers within
 *       hours), so a pair of copiers is held to the larger of two chances of being in step: the other sources'
 *       audiences' ({@link #reference}) and its own pace, its delays shuffled across its items ({@link #ownChances}),
 *       unless it always reacts at one lag. A pair's item is explained when all its window events on it are.</li>
 *   <li><b>Discount</b> ({@link #discount}): a co-text edge of count c with e explained items keeps count c − e and
 *       weight × (c − e) / c, and is dropped below {@code minShared}; its evidence loses the explained items'
 *       examples. Only the share of its events a source explains is taken away: a pair that also posts invented
 *       messages together, or copies on cue, keeps that evidence.</li>
 * </ol>
 * Co-text compares the texts accounts post, as in Pacheco, Hui, Torres-Lugo, Truong, Flammini and Menczer,
 * "Uncovering coordinated networks on social media: methods and case studies", ICWSM 2021, whose co-text traces
 * also hold shared news headlines; the source is what tells them apart here.
 *
 * <p><b>The honest limit.</b> An operation whose members follow a leader and copy its posts verbatim, each at its own
 * moment minutes apart, is explained like an audience: its co-text evidence on those posts is gone, and it must be
 * found by its other evidence (invented messages, co-retweets, creation bursts). Copying within the reaction window of
 * each other keeps it; so does taking turns at being the first poster; the leader itself gets no co-text edge from the
 * copies of its posts that are slower than the reaction window, as an original's author gets no co-retweet edge.
 *
 * <p>Cost: one pass over the co-text actions and their mentions and URLs; the follows once, each a binary search
 * among the sorted (copier, source) queries; the window walk again over the items that have a source only (O(their
 * actions · min(d, maxNeighbours))), and per pair its sourced items sorted (O(n log n) for n of them). Memory
 * O(actions + queries + the pairs' sourced items).
 * Deterministic: pure functions of the actions and the activity.
 */
final class CommonSource {
    /** Marks an item without a (qualified) source. */
    static final int NONE = -1;

    private CommonSource() {
    }

    /**
     * Per item key (0 … {@code items} − 1), the post that is its source candidate, or {@link #NONE}. When the item's
     * earliest post carries a URL, the first post in the archive that carried one of its URLs (the article's own
     * post: it may sit in another item or none, as near-duplicate clustering does not always join a headline with a
     * lead word added to its bare form, and at a clock of minutes it may share its minute with a copy; the earlier,
     * then the lower post number); otherwise the earliest post, when a single account posted at that time.
     * O(posts + actions).
     */
    static int[] candidates(Activity activity, Actions actions, int items) {
        int[] first = new int[items];
        Arrays.fill(first, NONE);
        boolean[] tie = new boolean[items];
        int n = actions.size();
        for (int i = 0; i < n; i++) {
            int k = actions.key.getInt(i);
            int f = first[k];
            long t = actions.time.getLong(i);
            if (f == NONE || t < actions.time.getLong(f)) {
                first[k] = i;
                tie[k] = false;
            } else if (t == actions.time.getLong(f) && actions.account.getInt(i) != actions.account.getInt(f)) {
                tie[k] = true;
            }
        }
        int[] firstOfUrl = firstPostOfUrl(activity);
        int[] candidate = new int[items];
        for (int k = 0; k < items; k++) {
            int f = first[k];
            if (f == NONE) {
                candidate[k] = NONE;
                continue;
            }
            int post = actions.post.getInt(f);
            int linked = NONE;
            for (int u = 0; u < activity.urlCount(post); u++) {
                int e = firstOfUrl[activity.urlOf(post, u)];
                if (e != NONE && activity.time(e) <= activity.time(post) && (linked == NONE
                        || activity.time(e) < activity.time(linked)
                        || activity.time(e) == activity.time(linked) && e < linked)) {
                    linked = e;
                }
            }
            candidate[k] = linked != NONE ? linked : tie[k] ? NONE : post;
        }
        return candidate;
    }

    /** Per URL of the activity's dictionary, its earliest timed post (the lower post number on a tie), or NONE. */
    static int[] firstPostOfUrl(Activity activity) {
        int[] first = new int[activity.urlDictionarySize()];
        Arrays.fill(first, NONE);
        for (int p = 0; p < activity.postCount(); p++) {
            long t = activity.time(p);
            if (t == Activity.NO_TIME) {
                continue;
            }
            for (int i = 0; i < activity.urlCount(p); i++) {
                int u = activity.urlOf(p, i);
                if (first[u] == NONE || t < activity.time(first[u])) {
                    first[u] = p;
                }
            }
        }
        return first;
    }

    /**
     * Per action, whether it is a copy of its item's source candidate ({@code candidate}, from {@link #candidates}):
     * a post by another account, not earlier, that mentions the candidate's author, carries one of the candidate post's URLs,
     * or whose author follows the candidate's author. Actions' {@code post} are posts of {@code activity}. Cost:
     * O(actions + their mentions and URLs) and O(follows · log queries) when some copy is decided by a follow.
     */
    static boolean[] copies(Activity activity, Actions actions, int[] candidate, TerminationFlag termination) {
        int n = actions.size();
        boolean[] copy = new boolean[n];
        long[] queries = new long[16];
        int q = 0;
        int[] pending = new int[16];
        int np = 0;
        for (int i = 0; i < n; i++) {
            int c = candidate[actions.key.getInt(i)];
            int post = actions.post.getInt(i);
            if (c == NONE || c == post) {
                continue;
            }
            int source = activity.author(c);
            int copier = actions.account.getInt(i);
            if (copier == source || actions.time.getLong(i) < activity.time(c)) {
                continue;
            }
            if (mentions(activity, post, source) || sharesUrl(activity, post, c)) {
                copy[i] = true;
                continue;
            }
            if (q == queries.length) {
                queries = Arrays.copyOf(queries, 2 * q);
            }
            queries[q++] = ((long) copier << 32) | source;
            if (np == pending.length) {
                pending = Arrays.copyOf(pending, 2 * np);
            }
            pending[np++] = i;
        }
        if (q == 0) {
            return copy;
        }
        long[] sorted = Arrays.copyOf(queries, q);
        LongArrays.radixSort(sorted);
        int distinct = 0;
        for (int i = 0; i < q; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        boolean[] follows = new boolean[distinct];
        int m = activity.followCount();
        for (int f = 0; f < m; f++) {
            int at = Arrays.binarySearch(sorted, 0, distinct,
                    ((long) activity.follower(f) << 32) | activity.followee(f));
            if (at >= 0) {
                follows[at] = true;
            }
            if ((f & 0xfffff) == 0) {
                termination.assertRunning();
            }
        }
        for (int i = 0; i < np; i++) {
            copy[pending[i]] = follows[Arrays.binarySearch(sorted, 0, distinct, queries[i])];
        }
        return copy;
    }

    private static boolean mentions(Activity activity, int post, int account) {
        for (int i = 0; i < activity.mentionCount(post); i++) {
            if (activity.mentionOf(post, i) == account) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesUrl(Activity activity, int post, int sourcePost) {
        for (int i = 0; i < activity.urlCount(post); i++) {
            int url = activity.urlOf(post, i);
            for (int j = 0; j < activity.urlCount(sourcePost); j++) {
                if (activity.urlOf(sourcePost, j) == url) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Per item key, its source post, or {@link #NONE}: the candidate of {@link #candidates} when the item has at
     * least one copy ({@link #copies}) and the candidate's author is the source of more such items than the number of
     * items it copied. O(actions + accounts).
     */
    static int[] sources(Activity activity, Actions actions, int[] candidate, boolean[] copy) {
        int items = candidate.length;
        int n = actions.size();
        int accountCount = activity.accountCount();
        boolean[] copied = new boolean[items];
        for (int i = 0; i < n; i++) {
            if (copy[i]) {
                copied[actions.key.getInt(i)] = true;
            }
        }
        int[] sourced = new int[accountCount];
        for (int k = 0; k < items; k++) {
            if (copied[k]) {
                sourced[activity.author(candidate[k])]++;
            }
        }
        // items an account copied, each counted once
        int[] copying = new int[accountCount];
        long[] accountItem = new long[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (copy[i]) {
                accountItem[c++] = ((long) actions.account.getInt(i) << 32) | actions.key.getInt(i);
            }
        }
        LongArrays.radixSort(accountItem, 0, c);
        for (int i = 0; i < c; i++) {
            if (i == 0 || accountItem[i] != accountItem[i - 1]) {
                copying[(int) (accountItem[i] >>> 32)]++;
            }
        }
        int[] source = new int[items];
        for (int k = 0; k < items; k++) {
            int a = copied[k] ? activity.author(candidate[k]) : -1;
            source[k] = a >= 0 && sourced[a] > copying[a] ? candidate[k] : NONE;
        }
        return source;
    }

    /**
     * How often an audience's copies fall within the reaction window of each other by chance, per source account:
     * the reference is the copies of every <em>other</em> source (leave one out, as fast-retweet judges a source's
     * audience against the others'), their delays after their source post taken as independent draws.
     * {@code pairs(s)}: of two such copies of one item within co-text's window of each other, the chance that they
     * are within the reaction window; {@code source(s)}: of a copy within co-text's window after its source post,
     * the chance that it is within the reaction window. NaN when no other source's copies fall in the window.
     */
    record Reference(double[] pairs, double[] source) {
        double pairs(int account) {
            return pairs[account];
        }

        double source(int account) {
            return source[account];
        }
    }

    /**
     * The {@link Reference} of every source account from the copies ({@code copy}) of the items that have a source
     * ({@code source}). Cost O(copies · log copies): the delays sorted once globally and once per source, each copy's
     * neighbours within both windows counted by binary search in both.
     */
    static Reference reference(Activity activity, Actions actions, int[] source, boolean[] copy, long window,
                               long reactionWindow) {
        int accountCount = activity.accountCount();
        int n = actions.size();
        int m = 0;
        long[] bySource = new long[16];
        for (int i = 0; i < n; i++) {
            int src = source[actions.key.getInt(i)];
            if (src == NONE || !copy[i]) {
                continue;
            }
            long delay = actions.time.getLong(i) - activity.time(src);
            if (m == bySource.length) {
                bySource = Arrays.copyOf(bySource, 2 * m);
            }
            bySource[m++] = ((long) activity.author(src) << 32) | delay;
        }
        double[] pairs = new double[accountCount];
        double[] single = new double[accountCount];
        Arrays.fill(pairs, Double.NaN);
        Arrays.fill(single, Double.NaN);
        if (m == 0) {
            return new Reference(pairs, single);
        }
        bySource = Arrays.copyOf(bySource, m);
        LongArrays.radixSort(bySource);
        long[] all = new long[m];
        for (int i = 0; i < m; i++) {
            all[i] = bySource[i] & 0xffffffffL;
        }
        LongArrays.radixSort(all);
        // pairs of copies within each window (each pair once), and copies within each window of their source
        long nearAll = 0, inAll = 0, fastAll = 0, slowAll = 0;
        long[] near = new long[m], in = new long[m];
        for (int i = 0; i < m; i++) {
            long d = bySource[i] & 0xffffffffL;
            near[i] = within(all, 0, m, d, reactionWindow) - 1;
            in[i] = within(all, 0, m, d, window) - 1;
            nearAll += near[i];
            inAll += in[i];
            fastAll += d <= reactionWindow ? 1 : 0;
            slowAll += d <= window ? 1 : 0;
        }
        nearAll /= 2;
        inAll /= 2;
        for (int s = 0; s < m; ) {
            int a = (int) (bySource[s] >>> 32);
            int e = s;
            while (e < m && (int) (bySource[e] >>> 32) == a) {
                e++;
            }
            // the run [s, e) is the source's copies, sorted by delay: take them and their pairs out
            long nearOwn = 0, inOwn = 0, nearAny = 0, inAny = 0, fast = 0, slow = 0;
            for (int i = s; i < e; i++) {
                long d = bySource[i] & 0xffffffffL;
                nearAny += near[i];
                inAny += in[i];
                nearOwn += withinOwn(bySource, s, e, a, d, reactionWindow) - 1;
                inOwn += withinOwn(bySource, s, e, a, d, window) - 1;
                fast += d <= reactionWindow ? 1 : 0;
                slow += d <= window ? 1 : 0;
            }
            long nearOthers = nearAll - nearAny + nearOwn / 2;
            long inOthers = inAll - inAny + inOwn / 2;
            pairs[a] = inOthers > 0 ? (double) nearOthers / inOthers : Double.NaN;
            single[a] = slowAll - slow > 0 ? (double) (fastAll - fast) / (slowAll - slow) : Double.NaN;
            s = e;
        }
        return new Reference(pairs, single);
    }

    /** Values of the sorted {@code a[from, to)} within {@code radius} of {@code d}, {@code d} included. */
    static int within(long[] a, int from, int to, long d, long radius) {
        return lowerBound(a, from, to, d + radius + 1) - lowerBound(a, from, to, d - radius);
    }

    /** As {@link #within} over a run of {@code account << 32 | delay} keys of one account. */
    private static int withinOwn(long[] keys, int from, int to, int account, long d, long radius) {
        long base = (long) account << 32;
        return lowerBound(keys, from, to, base + d + radius + 1) - lowerBound(keys, from, to, base + Math.max(0, d - radius));
    }

    private static int lowerBound(long[] a, int from, int to, long key) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The items, per pair of {@code pairs} (ascending pair keys), that the items' sources explain. An item of a pair
     * is a <em>sourced item</em> when it has a source and every window event of the pair on it (two posts within
     * co-text's {@code window}, the pairs the scan counted: {@link ItemPairs#walkPairs}, {@code maxNeighbours}) is
     * between the source post and a copy of it or between two copies; it is <em>in step</em> when one such event lies
     * within {@code reactionWindow}. Were the pair's copies an audience's, each sourced item would be in step with the
     * {@link Reference} chance of its source (pairs of copies, or a copy and its source), or for two copiers the chance
     * their own pace gives ({@link #ownChances}) when that is larger, so the in-step items would number Poisson(λ), λ
     * the sum of those chances. When P(Poisson(λ) ≥ in step) ≤ {@code maxPValue} the pair copies
     * in step beyond an audience and none of its items is explained; otherwise all its sourced items are (items whose
     * source has no reference are never explained).
     *
     * @return {@code index << 32 | item key} for each explained item of the pair at {@code index} of {@code pairs}
     */
    static LongOpenHashSet explained(Activity activity, Actions actions, int[] source, boolean[] copy,
                                     Reference reference,
                                     long[] pairs, long window, long reactionWindow, int maxNeighbours,
                                     double maxPValue, int accountCount, TerminationFlag termination) {
        LongOpenHashSet out = new LongOpenHashSet();
        if (pairs.length == 0) {
            return out;
        }
        // the actions of items with a source; the post field carries the action's index
        Actions sourced = new Actions(16);
        int n = actions.size();
        for (int i = 0; i < n; i++) {
            int k = actions.key.getInt(i);
            if (source[k] != NONE) {
                sourced.add(k, actions.time.getLong(i), actions.account.getInt(i), i);
            }
        }
        if (sourced.size() == 0) {
            return out;
        }
        SortedActions sorted = SortedActions.of(CoordinationSignal.CO_TEXT, sourced, accountCount);
        IntArrayList ranges = new IntArrayList();
        for (int s = 0; s < sorted.size(); ) {
            int e = sorted.itemEnd(s);
            ranges.add(s);
            ranges.add(e);
            s = e;
        }
        termination.assertRunning();
        // per (pair index, item): bit 0 while every event seen is of the source, bit 1 once one is in step; and the
        // delays after the source post of the pair's closest event, lower account's in the high half
        Long2ByteOpenHashMap state = new Long2ByteOpenHashMap();
        Long2LongOpenHashMap delays = new Long2LongOpenHashMap();
        ItemPairs.walkPairs(sorted, ranges, window, maxNeighbours, (item, i, j) -> {
            int at = Arrays.binarySearch(pairs, CoordinationEdge.pairKey(item.accounts[i], item.accounts[j]));
            if (at < 0) {
                return true;
            }
            long key = ((long) at << 32) | item.key;
            int src = source[item.key];
            int ai = sorted.post(item.start + i), aj = sorted.post(item.start + j);
            boolean ofSource = (actions.post.getInt(ai) == src || copy[ai])
                    && (actions.post.getInt(aj) == src || copy[aj]);
            long gap = Math.abs(item.times[j] - item.times[i]);
            boolean inStep = gap <= reactionWindow;
            byte was = state.getOrDefault(key, (byte) 1);
            state.put(key, (byte) ((was & (ofSource ? 1 : 0)) | (was & 2) | (inStep ? 2 : 0)));
            long closest = delays.getOrDefault(key, NO_DELAYS);
            if (closest == NO_DELAYS || gap < Math.abs(delayOf(closest, true) - delayOf(closest, false))) {
                long t0 = activity.time(src);
                int lo = item.accounts[i] < item.accounts[j] ? i : j, hi = lo == i ? j : i;
                delays.put(key, packDelays(item.times[lo] - t0, item.times[hi] - t0));
            }
            return true;
        });
        // the pair's sourced items in one list per pair (CSR over pair indexes): the items' keys
        int[] start = new int[pairs.length + 1];
        for (var entry : state.long2ByteEntrySet()) {
            if ((entry.getByteValue() & 1) != 0) {
                start[(int) (entry.getLongKey() >>> 32) + 1]++;
            }
        }
        for (int at = 0; at < pairs.length; at++) {
            start[at + 1] += start[at];
        }
        long[] keys = new long[start[pairs.length]];
        int[] fill = Arrays.copyOf(start, pairs.length);
        for (var entry : state.long2ByteEntrySet()) {
            if ((entry.getByteValue() & 1) != 0) {
                keys[fill[(int) (entry.getLongKey() >>> 32)]++] = entry.getLongKey();
            }
        }
        for (int at = 0; at < pairs.length; at++) {
            int from = start[at], to = start[at + 1];
            if (from == to) {
                continue;
            }
            // the items where neither account of the pair is the source's author first, then the others
            Arrays.sort(keys, from, to);
            long pair = pairs[at];
            int copiers = from;
            for (int k = from; k < to; k++) {
                int author = activity.author(source[(int) keys[k]]);
                if ((int) (pair >>> 32) != author && (int) pair != author) {
                    long swap = keys[copiers];
                    keys[copiers++] = keys[k];
                    keys[k] = swap;
                }
            }
            double[] own = ownChances(keys, from, copiers, delays, window, reactionWindow);
            double lambda = 0;
            int inStep = 0;
            boolean open = false;
            double[] chance = new double[to - from];
            for (int k = from; k < to; k++) {
                int author = activity.author(source[(int) keys[k]]);
                boolean withSource = k >= copiers;
                double c = withSource ? reference.source(author) : reference.pairs(author);
                chance[k - from] = c;
                if (Double.isNaN(c)) {
                    continue;
                }
                // a copier pair's own timing, where it reads as an audience's, may explain more than the reference
                c = withSource || own == null ? c : Math.max(c, own[k - from]);
                open = true;
                lambda += c;
                inStep += (state.get(keys[k]) & 2) != 0 ? 1 : 0;
            }
            if (!open || PoissonTail.upper(inStep, lambda) <= maxPValue) {
                continue;
            }
            for (int k = from; k < to; k++) {
                if (!Double.isNaN(chance[k - from])) {
                    out.add(keys[k]);
                }
            }
            termination.assertRunning();
        }
        return out;
    }

    /**
     * No delays recorded yet for a (pair, item) key: the packed value of a lower delay of −2³¹ s, which no event has
     * (the posts of an item with a source are not earlier than its source post).
     */
    private static final long NO_DELAYS = Long.MIN_VALUE;

    private static long packDelays(long lower, long higher) {
        return (clampInt(lower) << 32) | (clampInt(higher) & 0xffffffffL);
    }

    private static long clampInt(long v) {
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static long delayOf(long packed, boolean lower) {
        return lower ? (int) (packed >>> 32) : (int) packed;
    }

    /**
     * Per sourced item of one copier pair ({@code keys[from, to)}, their closest events' delays in {@code delays}),
     * the chance that the two are in step on it were each reading at its own pace, independently of the other: of the
     * pair's delays on its other items, one member's here against the other's there, the share of the combinations
     * within co-text's {@code window} that are within the {@code reactionWindow} (both ways, averaged by their counts).
     * This is a permutation null of the pair's own timing: journalists who echo their outlet within ten minutes are
     * often within a minute of each other by their speed alone, which a reference made of slower audiences would call
     * coordination, while two accounts posting on one cue that moves from item to item are in step far more often
     * than their delays, shuffled, allow. Null when the pair's delays (both members' pooled) deviate from their
     * median by less than the reaction window (median absolute deviation): a pair that always reacts at one lag is
     * on a schedule, not reading, and is judged against the reference alone; so is a pair with a single item.
     * O(n log n) for n items.
     */
    static double[] ownChances(long[] keys, int from, int to, Long2LongOpenHashMap delays, long window,
                               long reactionWindow) {
        int n = to - from;
        if (n < 2) {
            return null;
        }
        long[] lower = new long[n], higher = new long[n], pooled = new long[2 * n];
        for (int k = 0; k < n; k++) {
            long packed = delays.get(keys[from + k]);
            lower[k] = delayOf(packed, true);
            higher[k] = delayOf(packed, false);
            pooled[2 * k] = lower[k];
            pooled[2 * k + 1] = higher[k];
        }
        if (medianAbsoluteDeviation(pooled) < reactionWindow) {
            return null;
        }
        long[] lowerSorted = lower.clone(), higherSorted = higher.clone();
        Arrays.sort(lowerSorted);
        Arrays.sort(higherSorted);
        double[] own = new double[n];
        for (int k = 0; k < n; k++) {
            boolean self = Math.abs(lower[k] - higher[k]) <= reactionWindow;
            boolean selfIn = Math.abs(lower[k] - higher[k]) <= window;
            long near = within(higherSorted, 0, n, lower[k], reactionWindow)
                    + within(lowerSorted, 0, n, higher[k], reactionWindow) - (self ? 2 : 0);
            long in = within(higherSorted, 0, n, lower[k], window)
                    + within(lowerSorted, 0, n, higher[k], window) - (selfIn ? 2 : 0);
            own[k] = in > 0 ? (double) near / in : 0;
        }
        return own;
    }

    /** The median absolute deviation from the median of {@code values} (reordered); the upper median of an even count. */
    static long medianAbsoluteDeviation(long[] values) {
        Arrays.sort(values);
        long median = values[values.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /**
     * {@code graph}'s edges discounted by their explained items ({@link #explained}, indexed by the edges' order):
     * count c − e, weight × (c − e) / c, the explained items' evidence left out (the item of an example is
     * {@code itemOfLabel} of its label, as the scan labelled it), and the edge dropped when c − e is below
     * {@code minShared}. Edges without an explained item are kept as they are.
     */
    static SignalGraph discount(SignalGraph graph, LongOpenHashSet explained, Object2IntMap<String> itemOfLabel,
                                int minShared) {
        if (explained.isEmpty()) {
            return graph;
        }
        List<CoordinationEdge> edges = graph.edges();
        int[] lost = new int[edges.size()];
        for (long key : explained) {
            lost[(int) (key >>> 32)]++;
        }
        List<CoordinationEdge> out = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            CoordinationEdge e = edges.get(i);
            if (lost[i] == 0) {
                out.add(e);
                continue;
            }
            int count = e.count() - lost[i];
            if (count < minShared || count <= 0) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>(e.evidence().size());
            for (Evidence ev : e.evidence()) {
                int item = itemOfLabel.getOrDefault(ev.item(), NONE);
                if (item == NONE || !explained.contains(((long) i << 32) | item)) {
                    evidence.add(ev);
                }
            }
            out.add(new CoordinationEdge(e.source(), e.target(), e.signal(), e.weight() * count / e.count(), count,
                    evidence, e.expected()));
        }
        return new SignalGraph(graph.signal(), out, graph.actions(), graph.candidatePairs(), graph.blocks());
    }
}
