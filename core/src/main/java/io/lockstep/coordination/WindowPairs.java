package io.lockstep.coordination;

/**
 * The sliding window of the co-action signals, the one place it is written: over one item's actions, sorted by
 * time then account, it visits each action {@code i} with every later action {@code j} at most {@code window}
 * seconds after it, at most {@code maxNeighbours} of them (the nearest first, which bounds viral items), skipping
 * pairs of the same account. Unlike fixed bins, a pair straddling any boundary is found. {@link ItemPairs} walks
 * every item (or, above {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts, each of its account groups) with it, for
 * pair counting, evidence and the Spark engine alike.
 *
 * <p>A cursor rather than a callback, so that the scan loops stay monomorphic: {@link #reset} on an item, then
 * {@code while (next())} read {@link #first()} and {@link #second()}, indices into the arrays given to {@code reset}.
 * One instance per thread.
 *
 * <p>Cost: O(len · min(d, maxNeighbours)) for an item of len actions with window occupancy d. Deterministic: the
 * visit order depends only on the order of the actions.
 */
final class WindowPairs {
    private final long window;
    private final int maxNeighbours;
    private long[] times;
    private int[] accounts;
    private int to;
    private int i;
    private int j;
    private int limit;

    /**
     * @param window        seconds, at least 0
     * @param maxNeighbours later actions each action pairs with at most, at least 1
     */
    WindowPairs(long window, int maxNeighbours) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0 seconds, was " + window);
        }
        if (maxNeighbours < 1) {
            throw new IllegalArgumentException("maxNeighbours must be >= 1, was " + maxNeighbours);
        }
        this.window = window;
        this.maxNeighbours = maxNeighbours;
    }

    /** Starts on the actions {@code [from, to)} of {@code times} and {@code accounts}, sorted by time then account. */
    void reset(long[] times, int[] accounts, int from, int to) {
        this.times = times;
        this.accounts = accounts;
        this.to = to;
        this.i = from;
        this.j = from;
        this.limit = Math.min(to, from + 1 + maxNeighbours);
    }

    /** Moves to the next pair; false when the item has no more. */
    boolean next() {
        if (i >= to) {
            return false;
        }
        while (true) {
            j++;
            if (j < limit && times[j] - times[i] <= window) {
                if (accounts[i] != accounts[j]) {
                    return true;
                }
                continue;
            }
            if (++i >= to) {
                return false;
            }
            j = i;
            limit = Math.min(to, i + 1 + maxNeighbours);
        }
    }

    /** The earlier action of the current pair. */
    int first() {
        return i;
    }

    /** The later action of the current pair (never the same account as {@link #first()}). */
    int second() {
        return j;
    }
}
