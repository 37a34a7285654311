package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;

/**
 * The account pairs one item yields, for every item size: the one place that decides which pairs of a popular item
 * are looked at. Pair counting ({@link PairCounting}), evidence ({@link EvidenceGathering}) and the Spark engine's
 * per-item step ({@link CoActionKernel#itemPairs}) all walk an item with it, so they see exactly the same pairs.
 *
 * <p>An item of m ≤ {@link CoActionScanner#MAX_ITEM_ACCOUNTS} distinct accounts is walked whole by the sliding window
 * ({@link WindowPairs}). A larger item is split into 2^b <em>account groups</em>, b the smallest with
 * m ≤ {@link CoActionScanner#LARGE_ITEM_GROUP}·2^b, by the top b bits of a fixed hash of the account
 * ({@link #group}), and each group's actions (in their time-then-account order) are walked by the same window; pairs
 * across groups are never formed. Because the hash is fixed and the groups of 2^(b+1) refine those of 2^b, two
 * accounts in one group of an item are in one group of every item of the same or a smaller size class: a pair that
 * shares many large items is looked at on all of them or on none, so its count is its real count, not a lottery over
 * which neighbours happened to be nearest (a nearest-first cap alone gives each pair of an item of m accounts a chance
 * of about 2·maxNeighbours/m per item). The price is coverage: on an item of size class b only a 2^-b share of its
 * pairs is looked at, so a group of g accounts acting together on large items shows as about g·G/m-account cliques
 * rather than one, each still a dense block of the same accounts.
 *
 * <p>Cost per item of len actions: O(len · min(d, maxNeighbours)) below the threshold, as before (d: window
 * occupancy); above it O(len) to group plus at most len·min(G, maxNeighbours) pair visits, G =
 * {@link CoActionScanner#LARGE_ITEM_GROUP} (a group holds about m/2^b ≤ G accounts; pair events about len·G/2 when the
 * whole item falls in one window, far fewer for an item spread over hours). A viral original of 10^5 retweets thus
 * costs at most about 5·10^6 pair visits instead of the 2·10^7 of the nearest-first cap alone.
 *
 * <p>{@link #walk} is the pass over a signal's sorted actions that pair counting ({@link PairCounting}) and the crowd
 * factor ({@link CrowdShare}) share: each item's distinct examined pairs, once per item, so that the pairs the crowd
 * factor looks at are the pairs the counts come from. {@link #walkPairs} gives the same pairs with their actions, for
 * the evidence ({@link EvidenceGathering}); both unpack an item with {@link Item}.
 *
 * <p>A cursor like {@link WindowPairs}: {@link #reset} on an item, then {@code while (next())} read {@link #first()}
 * and {@link #second()}, indices into the arrays given to {@code reset}. One instance per thread. Deterministic: the
 * groups depend only on the account numbers and m, the visit order only on the order of the actions.
 */
final class ItemPairs {
    private final WindowPairs window;
    /** Large items: the actions regrouped (group, then original order), their original indices, group bounds. */
    private long[] groupTimes = new long[16];
    private int[] groupAccounts = new int[16];
    private int[] original = new int[16];
    private int[] bounds = new int[3];
    private int groups;
    private int group;
    private boolean large;

    /**
     * @param window        seconds, at least 0
     * @param maxNeighbours later actions each action pairs with at most, at least 1
     */
    ItemPairs(long window, int maxNeighbours) {
        this.window = new WindowPairs(window, maxNeighbours);
    }

    /**
     * The hash bits b that split an item of {@code m} distinct accounts: 0 (not split) up to
     * {@link CoActionScanner#MAX_ITEM_ACCOUNTS}, else the smallest b ≥ 1 with m ≤ G·2^b.
     */
    static int groupBits(int m) {
        if (m <= CoActionScanner.MAX_ITEM_ACCOUNTS) {
            return 0;
        }
        int b = 1;
        while ((long) CoActionScanner.LARGE_ITEM_GROUP << b < m) {
            b++;
        }
        return b;
    }

    /** The group, 0 … 2^bits - 1, of {@code account} on an item split by {@code bits} bits: the top bits of its hash. */
    static int group(int account, int bits) {
        if (bits == 0) {
            return 0;
        }
        return hash(account) >>> (32 - bits);
    }

    /**
     * The most bits an item may be split by with {@code u} and {@code v} still in one group: the leading bits their
     * hashes share (32 for one account). The pair is looked at on every item split by at most that many bits, and on
     * no other. O(1).
     */
    static int sharedBits(int u, int v) {
        return Integer.numberOfLeadingZeros(hash(u) ^ hash(v));
    }

    /** The fixed hash the groups are read from: murmur3's 32-bit finaliser, a bijection of the account number. */
    private static int hash(int account) {
        int h = account;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * Starts on the actions {@code [from, to)} of {@code times} and {@code accounts}, sorted by time then account,
     * of an item acted on by {@code distinctAccounts} accounts.
     */
    void reset(long[] times, int[] accounts, int from, int to, int distinctAccounts) {
        int bits = groupBits(distinctAccounts);
        large = bits > 0;
        if (!large) {
            window.reset(times, accounts, from, to);
            return;
        }
        // a stable counting sort of the actions by group
        groups = 1 << bits;
        if (bounds.length < groups + 1) {
            bounds = new int[groups + 1];
        } else {
            Arrays.fill(bounds, 0, groups + 1, 0);
        }
        int len = to - from;
        if (groupTimes.length < len) {
            int size = Math.max(len, 2 * groupTimes.length);
            groupTimes = new long[size];
            groupAccounts = new int[size];
            original = new int[size];
        }
        for (int i = from; i < to; i++) {
            bounds[group(accounts[i], bits) + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            bounds[g + 1] += bounds[g];
        }
        // bounds[g] is now group g's start; fill, then shift back
        for (int i = from; i < to; i++) {
            int at = bounds[group(accounts[i], bits)]++;
            groupTimes[at] = times[i];
            groupAccounts[at] = accounts[i];
            original[at] = i;
        }
        for (int g = groups; g > 0; g--) {
            bounds[g] = bounds[g - 1];
        }
        bounds[0] = 0;
        group = 0;
        window.reset(groupTimes, groupAccounts, bounds[0], bounds[1]);
    }

    /** Moves to the next pair; false when the item has no more. */
    boolean next() {
        if (!large) {
            return window.next();
        }
        while (!window.next()) {
            if (++group >= groups) {
                return false;
            }
            window.reset(groupTimes, groupAccounts, bounds[group], bounds[group + 1]);
        }
        return true;
    }

    /** The earlier action of the current pair, an index into the arrays given to {@link #reset}. */
    int first() {
        return large ? original[window.first()] : window.first();
    }

    /** The later action of the current pair (never the same account as {@link #first()}). */
    int second() {
        return large ? original[window.second()] : window.second();
    }

    /** The distinct accounts among {@code accounts[0, len)}, sorted into {@code scratch}. */
    static int distinctAccounts(int[] accounts, int len, int[] scratch) {
        System.arraycopy(accounts, 0, scratch, 0, len);
        IntArrays.quickSort(scratch, 0, len);
        int m = 0;
        for (int i = 0; i < len; i++) {
            if (i == 0 || scratch[i] != scratch[i - 1]) {
                scratch[m++] = scratch[i];
            }
        }
        return m;
    }

    /**
     * One item of the sorted actions, unpacked: {@code [start, end)} of the actions, their times and accounts from
     * index 0, and the item's distinct accounts {@code distinct[0, m)} (ascending). The arrays grow as needed and are
     * reused for the next item.
     */
    static final class Item {
        int start;
        int end;
        /** The item's key (post, hashtag, URL… number). */
        int key;
        int m;
        long[] times = new long[16];
        int[] accounts = new int[16];
        int[] distinct = new int[16];

        /**
         * Unpacks the item {@code [s, e)} of {@code actions}. With {@code pairsOnly}, an item of at most
         * {@link CoActionScanner#MAX_ITEM_ACCOUNTS} actions is not counted: {@code m} is then its length and
         * {@code distinct} is not set (it pairs the same, being split at neither count).
         */
        void load(SortedActions actions, int s, int e, boolean pairsOnly) {
            start = s;
            end = e;
            key = actions.key(s);
            int len = e - s;
            if (times.length < len) {
                int size = Math.max(len, 2 * times.length);
                times = new long[size];
                accounts = new int[size];
                distinct = new int[size];
            }
            actions.unpack(s, e, times, accounts);
            m = pairsOnly && len <= CoActionScanner.MAX_ITEM_ACCOUNTS ? len : distinctAccounts(accounts, len, distinct);
        }

        int length() {
            return end - start;
        }
    }

    /** Starts on {@code item}'s examined pairs (indices into its arrays). */
    void reset(Item item) {
        reset(item.times, item.accounts, 0, item.length(), item.m);
    }

    /** What {@link #walk} hands over, item by item. */
    interface ItemVisitor {
        /**
         * Whether to pair the item whose distinct accounts are {@code distinct[0, m)} (ascending, m ≥ 2); an item
         * declined is handed to {@link #item} without pairs. Every item by default.
         */
        default boolean wants(int[] distinct, int m) {
            return true;
        }

        /**
         * The item {@code [start, end)} of the sorted actions, its distinct accounts {@code distinct[0, m)}
         * (ascending) and its distinct examined pairs {@code pairKeys[0, pairs)} ({@link CoordinationEdge#pairKey},
         * ascending; none when m < 2 or the item was declined). The arrays are reused for the next item.
         */
        void item(int start, int end, int[] distinct, int m, long[] pairKeys, int pairs);
    }

    /**
     * Walks every item of {@code actions} in key order and hands {@code visitor} each item's distinct pairs as this
     * class yields them with {@code window} and {@code maxNeighbours}: the examined pairs, the one definition of
     * which pairs of an item are looked at. {@code progress} advances by each item's actions; {@code termination} is
     * polled every 4,096 items. Cost: O(n) plus, per paired item, O(p log p) for its p pair events (see the class
     * comment for p); deterministic.
     */
    static void walk(SortedActions actions, long window, int maxNeighbours, ItemVisitor visitor,
                     ProgressListener progress, TerminationFlag termination) {
        int n = actions.size();
        ItemPairs windows = new ItemPairs(window, maxNeighbours);
        LongArrayList itemPairs = new LongArrayList();
        Item item = new Item();
        int items = 0;
        for (int s = 0; s < n; ) {
            int e = actions.itemEnd(s);
            item.load(actions, s, e, false);
            int m = item.m;
            int np = 0;
            if (m > 1 && visitor.wants(item.distinct, m)) {
                itemPairs.clear();
                windows.reset(item);
                while (windows.next()) {
                    itemPairs.add(CoordinationEdge.pairKey(item.accounts[windows.first()],
                            item.accounts[windows.second()]));
                }
                long[] ip = itemPairs.elements();
                int raw = itemPairs.size();
                LongArrays.radixSort(ip, 0, raw);
                for (int i = 0; i < raw; i++) {
                    if (i == 0 || ip[i] != ip[i - 1]) {
                        ip[np++] = ip[i];
                    }
                }
            }
            visitor.item(s, e, item.distinct, m, itemPairs.elements(), np);
            progress.advance(e - s);
            if ((++items & 0xfff) == 0) {
                termination.assertRunning();
            }
            s = e;
        }
    }

    /** What {@link #walkPairs} hands over: the examined pairs one by one, with their actions. */
    interface PairVisitor {
        /**
         * An examined pair of {@code item}: its actions {@code first} (the earlier) and {@code second}, indices into
         * the item's arrays. False ends the walk.
         */
        boolean pair(Item item, int first, int second);
    }

    /**
     * Hands {@code visitor} the examined pairs of the items {@code [ranges[2i], ranges[2i + 1])} of {@code actions},
     * the pairs {@link #walk} counts (same window, same split of large items): items in the order given, each
     * item's pairs in window order, every occurrence (a pair that meets twice in an item comes twice), until the
     * visitor returns false. For phases that need the actions of a pair, not only its key. Cost: per item, O(len)
     * to unpack it (O(len log len) above {@link CoActionScanner#MAX_ITEM_ACCOUNTS}) plus its pair events;
     * deterministic.
     */
    static void walkPairs(SortedActions actions, IntArrayList ranges, long window, int maxNeighbours,
                          PairVisitor visitor) {
        ItemPairs windows = new ItemPairs(window, maxNeighbours);
        Item item = new Item();
        int[] r = ranges.elements();
        for (int i = 0; i < ranges.size(); i += 2) {
            item.load(actions, r[i], r[i + 1], true);
            windows.reset(item);
            while (windows.next()) {
                if (!visitor.pair(item, windows.first(), windows.second())) {
                    return;
                }
            }
        }
    }
}
