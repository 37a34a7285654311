package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The pair filter of co-link-slow ({@link SlowCoLinkSignal}): leaves out the co-shares that a common source explains,
 * so that an audience is not read as a ring.
 *
 * <p>Without a time window, two accounts that share many of the same rare URLs are most often the audience of one
 * source: the journalists of an outlet posting its articles, the readers of a blog sharing its posts over days, the
 * users of a share button. They share the same URLs because they read the same account, and a null model of random
 * placement (the one {@link CoActionNullModel} tests) cannot tell them from a ring, since they do share far more than
 * chance. What an audience has and a ring pushing its own sites does not is a <b>source</b>: the URL first appears in
 * one account's post, and the audience shares the URLs that source posts first, again and again. So each item's
 * sources are the accounts of its earliest action (several when they tie, as on minute-precision archives), and
 * f(x, o) counts the paired items with source o that account x shared (x = o included: a source shares its own
 * items). A pair (a, b) on an item counts only when no source o of the item has f(a, o) ≥ k and f(b, o) ≥ k, k the
 * signal's {@code minShared}: both accounts share that source's URLs repeatedly, so the source explains their meeting
 * on its URL. Two readers of one outlet meet on dozens of its URLs and none counts; a ring whose members take turns
 * being first on its URLs (each member first on one or two of them) keeps nearly all of its co-shares, since a pair
 * rarely shares k URLs first posted by the same member. The same k as the pair's own threshold: the evidence that
 * makes an edge (k shared items) is the evidence that makes an audience. A ring that posts every URL first from one
 * site account is explained the same way, as its audience would be: only the 60 s co-link can tell it then.
 *
 * <p>Items acted on by more than {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts are not paired (the windowed
 * signals' account groups are for synchronous crowds; a URL that many shared at any time is no evidence of a ring).
 *
 * <p>Cost: one pass over the sorted actions, O(n log d) for n actions and d actions per item, and a hash map of
 * O(Σ_items m·s) entries (s the item's sources, usually 1); {@link #counts} is at most 2s hash probes, the item's
 * sources cached between calls ({@link SourceFilter}). Deterministic: a function of the sorted actions.
 */
final class CommonSources extends SourceFilter {
    private final int minShared;
    /** (account << 32 | source) → the source's paired items the account shared. */
    private final Long2IntOpenHashMap shares = new Long2IntOpenHashMap();

    /**
     * @param minShared k: shares of one source's items by each of two accounts that explain their co-shares on it
     */
    CommonSources(SortedActions actions, int minShared) {
        super(actions);
        Checks.atLeast("minShared", minShared, 1);
        this.minShared = minShared;
        int n = actions.size();
        int[] distinct = new int[16];
        for (int s = 0; s < n; ) {
            int e = actions.itemEnd(s);
            if (distinct.length < e - s) {
                distinct = new int[Math.max(e - s, 2 * distinct.length)];
            }
            int m = distinctAccounts(s, e, distinct);
            if (m > 1 && pairs(m)) {
                select(s, e);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < sourceCount(); j++) {
                        shares.addTo(key(distinct[i], source(j)), 1);
                    }
                }
            }
            s = e;
        }
    }

    /** The items with source {@code source} that {@code account} shared (paired items only). */
    int shared(int account, int source) {
        return shares.get(key(account, source));
    }

    /** The sources of an item: the distinct accounts of its earliest actions (sorted by account at one time). */
    @Override
    protected boolean load(int start, int end) {
        long first = actions.offset(start);
        for (int i = start; i < end && actions.offset(i) == first; i++) {
            addSource(actions.account(i));
        }
        return true;
    }

    @Override
    protected boolean tied(int account, int source) {
        return shares.get(key(account, source)) >= minShared;
    }

    private int distinctAccounts(int start, int end, int[] out) {
        int len = end - start;
        for (int i = 0; i < len; i++) {
            out[i] = actions.account(start + i);
        }
        IntArrays.quickSort(out, 0, len);
        int m = 0;
        for (int i = 0; i < len; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[m++] = out[i];
            }
        }
        return m;
    }
}
