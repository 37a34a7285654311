package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The evidence phase of {@link CoActionScanner}: a second walk over the paired items with the same pairing
 * ({@link ItemPairs#walkPairs}: the pairs the counts come from) that keeps, for each selected pair, one example per
 * item it shares (the item's label and both actions' times), in scan order, up to {@code evidenceCap}. A pair
 * therefore gets exactly min(evidenceCap, its count) examples; once every selected pair has them the walk stops,
 * since the rest of the items cannot add any (a dense botnet fills its pairs within a few items).
 *
 * <p>Cost: at most the pair-counting walk, O(Σ_items len · min(d, maxNeighbours)), one hash probe per window pair
 * whose two accounts are both in some selected pair (a mark per account rules the others out first); memory
 * O(accounts + selected pairs · evidenceCap). Deterministic: items in key order, pairs in window order.
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
        return run(actions, pairedItems, selected, window, maxNeighbours, evidenceCap, label, PairFilter.ALL);
    }

    /** As above, from the pairs {@code filter} counts only (the filter the pair counting used). */
    static List<List<Evidence>> run(SortedActions actions, IntArrayList pairedItems, CoActionNullModel.Selected selected,
                                    long window, int maxNeighbours, int evidenceCap,
                                    CoActionScanner.ItemLabel label, PairFilter filter) {
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
        int[] incomplete = {k};
        long minTime = actions.minTime();
        // the accounts of a selected pair: a window pair with another account has no index to look up
        int top = 0;
        for (long pair : selected.pairs) {
            top = Math.max(top, Math.max((int) (pair >>> 32), (int) pair));
        }
        boolean[] paired = new boolean[top + 1];
        for (long pair : selected.pairs) {
            paired[(int) (pair >>> 32)] = true;
            paired[(int) pair] = true;
        }
        ItemPairs.walkPairs(actions, pairedItems, window, maxNeighbours, (item, i, j) -> {
            int[] accounts = item.accounts;
            if (accounts[i] >= paired.length || accounts[j] >= paired.length || !paired[accounts[i]]
                    || !paired[accounts[j]]) {
                return true;
            }
            long pair = CoordinationEdge.pairKey(accounts[i], accounts[j]);
            int at = selected.indexOf(pair);
            if (at < 0 || lastKey[at] == item.key || !filter.counts(item.start, item.end, pair)) {
                return true;
            }
            lastKey[at] = item.key;
            List<Evidence> list = evidence.get(at);
            if (list == null) {
                list = new ArrayList<>(Math.min(evidenceCap, selected.counts[at])); // at most one example per item
                evidence.set(at, list);
            }
            if (list.size() < evidenceCap) {
                // the source of an edge is its smaller account
                boolean iFirst = accounts[i] < accounts[j];
                int src = iFirst ? i : j, dst = iFirst ? j : i;
                list.add(new Evidence(label.label(item.key, actions.post(item.start + src),
                        actions.post(item.start + dst)), minTime + item.times[src], minTime + item.times[dst]));
                // every selected pair complete: the other items cannot add any
                return list.size() != Math.min(evidenceCap, selected.counts[at]) || --incomplete[0] != 0;
            }
            return true;
        });
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
