package io.lockstep.coordination;

import it.unimi.dsi.fastutil.longs.LongArrays;

/**
 * The first phase of {@link CoActionScanner}: a signal's actions packed into two parallel long arrays,
 * {@code key << 32 | (time - minTime)} and {@code account << 32 | post}, and radix-sorted together, so that each
 * item's actions lie in one run ordered by time, then account, then post. The scan phases walk these runs.
 *
 * <p>Cost: O(n) time (radix sort; parallel above a million actions) and 16 bytes per action. Deterministic: the order
 * is a total order on the actions' fields, whatever order they were added in.
 */
final class SortedActions {
    /** Above this many actions the radix sort runs in parallel (same result, fewer seconds). */
    private static final int PARALLEL_SORT = 1_000_000;

    private final long[] keyTime;
    private final long[] accountPost;
    private final long minTime;
    private final int activeAccounts;

    private SortedActions(long[] keyTime, long[] accountPost, long minTime, int activeAccounts) {
        this.keyTime = keyTime;
        this.accountPost = accountPost;
        this.minTime = minTime;
        this.activeAccounts = activeAccounts;
    }

    /**
     * Packs and sorts {@code actions}, none of whose accounts may reach {@code accountCount}.
     *
     * @throws IllegalArgumentException when the actions span 2^32 seconds or more (the packed time is 32 bits)
     */
    static SortedActions of(String signal, Actions actions, int accountCount) {
        int n = actions.size();
        long minT = Long.MAX_VALUE, maxT = Long.MIN_VALUE;
        long[] times = actions.time.elements();
        for (int i = 0; i < n; i++) {
            minT = Math.min(minT, times[i]);
            maxT = Math.max(maxT, times[i]);
        }
        if (n > 0 && maxT - minT >= (1L << 32)) {
            throw new IllegalArgumentException("time span of " + signal + " actions exceeds 2^32 seconds");
        }
        int[] keys = actions.key.elements();
        int[] accs = actions.account.elements();
        int[] posts = actions.post.elements();
        long[] a = new long[n];
        long[] b = new long[n];
        boolean[] active = new boolean[accountCount];
        int activeAccounts = 0;
        for (int i = 0; i < n; i++) {
            a[i] = ((long) keys[i] << 32) | (times[i] - minT);
            b[i] = ((long) accs[i] << 32) | (posts[i] & 0xffffffffL);
            if (!active[accs[i]]) {
                active[accs[i]] = true;
                activeAccounts++;
            }
        }
        if (n > PARALLEL_SORT) {
            LongArrays.parallelRadixSort(a, b);
        } else {
            LongArrays.radixSort(a, b);
        }
        return new SortedActions(a, b, n > 0 ? minT : 0, activeAccounts);
    }

    int size() {
        return keyTime.length;
    }

    /** Distinct accounts with at least one action (A in the item weight). */
    int activeAccounts() {
        return activeAccounts;
    }

    /** The earliest action time, epoch seconds; {@link #offset} counts from it. */
    long minTime() {
        return minTime;
    }

    int key(int i) {
        return (int) (keyTime[i] >>> 32);
    }

    /** Seconds from {@link #minTime()} to action {@code i}. */
    long offset(int i) {
        return keyTime[i] & 0xffffffffL;
    }

    int account(int i) {
        return (int) (accountPost[i] >>> 32);
    }

    int post(int i) {
        return (int) accountPost[i];
    }

    /** The end (exclusive) of the item run that starts at {@code start}. */
    int itemEnd(int start) {
        int key = key(start);
        int e = start + 1;
        while (e < keyTime.length && (int) (keyTime[e] >>> 32) == key) {
            e++;
        }
        return e;
    }

    /**
     * Copies the times (offsets) and accounts of the actions {@code [from, to)} into {@code times[0, to - from)} and
     * {@code accounts[0, to - from)}, the layout {@link WindowPairs} walks.
     */
    void unpack(int from, int to, long[] times, int[] accounts) {
        for (int i = from; i < to; i++) {
            times[i - from] = keyTime[i] & 0xffffffffL;
            accounts[i - from] = (int) (accountPost[i] >>> 32);
        }
    }
}
