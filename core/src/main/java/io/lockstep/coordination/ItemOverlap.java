package io.lockstep.coordination;

import java.util.Arrays;

/**
 * The item overlap of chosen account pairs: for each pair, Σ w² over the items both accounts acted on, at any time
 * ({@link PairCounting#idf}, the same fixed-point units as a pair's windowed sum), for the similarity gate of
 * {@link CoActionNullModel}. Pair counting sees only the items a pair acted on inside the window; whether two accounts
 * act on the same items at all is what the cosine of their item vectors measures (Pacheco et al., "Uncovering
 * Coordinated Networks on Social Media", ICWSM 2021, compare TF-IDF vectors of the accounts' retweeted tweets without
 * any window), and the window count with the null model is the separate test of their timing.
 *
 * <p>An item is counted whole whatever its size (large items are paired inside account groups, {@link ItemPairs},
 * but whether both accounts acted on an item is not a pairing question). Cost: O(n) over the sorted actions plus,
 * per item of m ≥ 2 distinct accounts, Σ over its accounts of their chosen partners × log m (a binary search per
 * partner); memory O(accounts + pairs). Deterministic: integer sums.
 */
final class ItemOverlap {
    private ItemOverlap() {
    }

    /**
     * The fixed-point Σ w² ({@link PairCounting#weightUnits}) over the items both accounts of {@code pairs[i]} acted
     * on, at index i; {@code pairs} are pair keys ({@link CoordinationEdge#pairKey}), each at most once.
     */
    static long[] units(SortedActions actions, int accountCount, long[] pairs) {
        int k = pairs.length;
        long[] units = new long[k];
        if (k == 0) {
            return units;
        }
        // partners of the lower account, CSR: start[a] .. start[a + 1] into partner / index
        int[] start = new int[accountCount + 1];
        for (long pair : pairs) {
            start[(int) (pair >>> 32) + 1]++;
        }
        for (int a = 0; a < accountCount; a++) {
            start[a + 1] += start[a];
        }
        int[] at = Arrays.copyOf(start, accountCount);
        int[] partner = new int[k];
        int[] index = new int[k];
        for (int i = 0; i < k; i++) {
            int a = (int) (pairs[i] >>> 32);
            partner[at[a]] = (int) pairs[i];
            index[at[a]++] = i;
        }
        int activeAccounts = actions.activeAccounts();
        int n = actions.size();
        int[] accounts = new int[16];
        int[] distinct = new int[16];
        for (int s = 0; s < n; ) {
            int e = actions.itemEnd(s);
            int len = e - s;
            if (accounts.length < len) {
                accounts = new int[Math.max(len, 2 * accounts.length)];
                distinct = new int[accounts.length];
            }
            boolean any = false;
            for (int i = s; i < e; i++) {
                int a = actions.account(i);
                accounts[i - s] = a;
                any |= start[a + 1] > start[a];
            }
            if (any && len > 1) {
                int m = ItemPairs.distinctAccounts(accounts, len, distinct);
                if (m > 1) {
                    long w = PairCounting.weightUnits(PairCounting.idf(activeAccounts, m));
                    for (int x = 0; x < m - 1; x++) {
                        int a = distinct[x];
                        for (int p = start[a]; p < start[a + 1]; p++) {
                            if (Arrays.binarySearch(distinct, x + 1, m, partner[p]) >= 0) {
                                units[index[p]] += w;
                            }
                        }
                    }
                }
            }
            s = e;
        }
        return units;
    }
}
