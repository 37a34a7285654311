package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The evidence phase of {@link CoActionScanner}: a second walk over the paired items with the same pairing
 * ({@link ItemPairs}) that keeps, for each selected pair, one example per item it shares (the item's label and
 * both actions' times), in scan order, up to {@code evidenceCap}. A pair therefore gets exactly
 * min(evidenceCap, its count) examples; once every selected pair has them the walk stops, since the rest of the
 * items cannot add any (a dense botnet fills its pairs within a few items).
 *
 * <p>Cost: at most the pair-counting walk, O(Σ_items len · min(d, maxNeighbours)), one hash probe per window pair;
 * memory O(selected pairs · evidenceCap). Deterministic: items in key order, pairs in window order.
 */
final class EvidenceGathering {
    private EvidenceGathering() {
    }

    /**
     * @param pairedItems the flattened {@code [start, end)} ranges of the items the pair counting paired
     * @return per selected pair (index of {@code selected}), its examples
     */
    static List<List<Evidence>> run(SortedActions actions, IntArrayList pairedItems, CoActionNullModel.Selected selected,
                                    long window, int maxNeighbours, int evidenceCap,
                                    CoActionScanner.ItemLabel label) {
        int k = selected.size();
        List<List<Evidence>> evidence = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            evidence.add(null);
        }
        if (k == 0 || evidenceCap == 0) {
            return fill(evidence);
        }
        int[] lastKey = new int[k];
        Arrays.fill(lastKey, -1);
        int incomplete = k;
        ItemPairs windows = new ItemPairs(window, maxNeighbours);
        int[] distinct = new int[16];
        long[] times = new long[16];
        int[] accounts = new int[16];
        int[] ranges = pairedItems.elements();
        long minTime = actions.minTime();
        scan:
        for (int r = 0; r < pairedItems.size(); r += 2) {
            int s = ranges[r];
            int e = ranges[r + 1];
            int len = e - s;
            if (times.length < len) {
                times = new long[Math.max(len, 2 * times.length)];
                accounts = new int[times.length];
                distinct = new int[times.length];
            }
            actions.unpack(s, e, times, accounts);
            int key = actions.key(s);
            // m ≤ len: an item of few actions is never split, so its accounts need no counting
            int m = len <= CoActionScanner.MAX_ITEM_ACCOUNTS ? len : ItemPairs.distinctAccounts(accounts, len, distinct);
            windows.reset(times, accounts, 0, len, m);
            while (windows.next()) {
                int i = windows.first(), j = windows.second();
                int at = selected.indexOf(CoordinationEdge.pairKey(accounts[i], accounts[j]));
                if (at < 0 || lastKey[at] == key) {
                    continue;
                }
                lastKey[at] = key;
                List<Evidence> list = evidence.get(at);
                if (list == null) {
                    list = new ArrayList<>(Math.min(evidenceCap, 4));
                    evidence.set(at, list);
                }
                if (list.size() < evidenceCap) {
                    // the source of an edge is its smaller account
                    boolean iFirst = accounts[i] < accounts[j];
                    int src = iFirst ? i : j, dst = iFirst ? j : i;
                    list.add(new Evidence(label.label(key, actions.post(s + src), actions.post(s + dst)),
                            minTime + times[src], minTime + times[dst]));
                    if (list.size() == Math.min(evidenceCap, selected.counts[at]) && --incomplete == 0) {
                        break scan;
                    }
                }
            }
        }
        return fill(evidence);
    }

    private static List<List<Evidence>> fill(List<List<Evidence>> evidence) {
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i) == null) {
                evidence.set(i, List.of());
            }
        }
        return evidence;
    }
}
