package io.lockstep.coordination;

import java.util.Arrays;

/**
 * A pair filter that explains co-actions by an item's sources: each paired item has a set of source accounts, and a
 * pair's co-action on it counts only when no source of the item is tied to both accounts. Its subclasses say what a
 * source is and what ties an account to it: {@link CommonSources} (co-link-slow: the first posters of a URL, tied to
 * the accounts that share its URLs again and again) and {@link HashtagSources} (hashtag-burst: the accounts the crowd
 * of a hashtag follows or retweets, tied to those with a route to them).
 *
 * <p>Items acted on by more than {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts are not paired. An item's sources
 * are loaded once and kept while the pair counting and the evidence ask about its pairs one after another.
 *
 * <p>Cost of {@link #counts}: when the item changes, one {@link #load}; then, per pair, at most two {@link #tied}
 * calls per source. Deterministic when {@link #load} and {@link #tied} are.
 */
abstract class SourceFilter implements PairFilter {
    protected final SortedActions actions;
    private int cachedStart = -1;
    private boolean cachedPaired;
    private int[] sources = new int[4];
    private int sourceCount;

    SourceFilter(SortedActions actions) {
        this.actions = actions;
    }

    @Override
    public final boolean pairs(int m) {
        return m <= CoActionScanner.MAX_ITEM_ACCOUNTS;
    }

    @Override
    public final boolean counts(int start, int end, long pairKey) {
        if (start != cachedStart) {
            select(start, end);
        }
        if (!cachedPaired) {
            return false;
        }
        int a = (int) (pairKey >>> 32), b = (int) pairKey;
        for (int j = 0; j < sourceCount; j++) {
            int o = sources[j];
            if (tied(a, o) && tied(b, o)) {
                return false;
            }
        }
        return true;
    }

    /** The sources of the item {@code [start, end)}, in the order {@link #load} added them. */
    final int[] sources(int start, int end) {
        select(start, end);
        return Arrays.copyOf(sources, sourceCount);
    }

    /**
     * Makes {@code [start, end)} the current item: clears its sources and loads them (again, if it was current
     * already).
     *
     * @return whether the item's pairs may count at all
     */
    final boolean select(int start, int end) {
        sourceCount = 0;
        cachedStart = start;
        cachedPaired = load(start, end);
        return cachedPaired;
    }

    /** The number of sources of the current item. */
    final int sourceCount() {
        return sourceCount;
    }

    /** Source {@code j} of the current item. */
    final int source(int j) {
        return sources[j];
    }

    /** Adds {@code account} to the current item's sources, unless it is the one added last. */
    protected final void addSource(int account) {
        if (sourceCount == 0 || sources[sourceCount - 1] != account) {
            if (sourceCount == sources.length) {
                sources = Arrays.copyOf(sources, 2 * sourceCount);
            }
            sources[sourceCount++] = account;
        }
    }

    /**
     * Loads the sources of the item {@code [start, end)} through {@link #addSource}, equal ones next to each other.
     *
     * @return whether the item's pairs may count at all ({@code false}: none does, whatever its sources)
     */
    protected abstract boolean load(int start, int end);

    /** Whether {@code account} is tied to {@code source}, a source of the current item, so that it explains a pair. */
    protected abstract boolean tied(int account, int source);

    /** {@code account << 32 | source}: the key of an (account, source) tie. */
    static long key(int account, int source) {
        return ((long) account << 32) | (source & 0xffffffffL);
    }
}
