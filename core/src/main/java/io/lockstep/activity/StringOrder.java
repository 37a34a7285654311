package io.lockstep.activity;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;

/**
 * The indices of an array of strings in the order of {@link String#compareTo} (UTF-16 code units, a prefix before
 * its extensions), for {@link Activity#canonical()}.
 *
 * <p>When the first {@value #KEY_CHARS} characters of every string are below U+0100 (post ids, account ids, hashtags
 * and URLs of the archives in practice), each string's first 16 characters are packed into two longs, one byte
 * each, zero past its end, and the indices are radix-sorted by the two keys (fastutil's indirect radix sort: no
 * string is touched during the sort); the runs of equal keys (strings equal in their first 16 characters, or
 * shorter strings ending in U+0000) are then sorted by {@code compareTo}. Key order agrees with {@code compareTo}:
 * at the first position where two keys differ both strings hold that character, or the lower one has ended and is
 * a prefix of the other. Otherwise it falls back to a parallel quicksort with {@code compareTo}, which touches two
 * strings per comparison (on 10.7M post ids about 250M comparisons, each a few cache misses).
 *
 * <p>Cost: O(n) to build the keys, a byte-wise radix sort of n pairs of longs (at most 16 passes), and
 * O(r log r) comparisons per run of r equal keys; memory 20 bytes per string. Deterministic: the result is the
 * unique order of distinct strings; equal strings keep no particular order between them (the ids sorted here are
 * distinct).
 */
final class StringOrder {
    /** Characters compared through the packed keys. */
    static final int KEY_CHARS = 16;

    private StringOrder() {
    }

    /** Indices of {@code values} in the order of the values. */
    static int[] order(String[] values) {
        int n = values.length;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        long[] high = new long[n];
        long[] low = new long[n];
        for (int i = 0; i < n; i++) {
            String s = values[i];
            long h = 0;
            long l = 0;
            int len = s.length();
            for (int c = 0; c < KEY_CHARS; c++) {
                int ch = c < len ? s.charAt(c) : 0;
                if (ch > 0xFF) {
                    IntArrays.parallelQuickSort(order, (a, b) -> values[a].compareTo(values[b]));
                    return order;
                }
                if (c < 8) {
                    h = (h << 8) | ch;
                } else {
                    l = (l << 8) | ch;
                }
            }
            // fastutil's radix sort orders signed longs: the sign bit flipped gives the unsigned byte order
            high[i] = h ^ Long.MIN_VALUE;
            low[i] = l ^ Long.MIN_VALUE;
        }
        LongArrays.radixSortIndirect(order, high, low, false);
        for (int from = 0; from < n; ) {
            int to = from + 1;
            long h = high[order[from]];
            long l = low[order[from]];
            while (to < n && high[order[to]] == h && low[order[to]] == l) {
                to++;
            }
            if (to - from > 1) {
                IntArrays.quickSort(order, from, to, (a, b) -> values[a].compareTo(values[b]));
            }
            from = to;
        }
        return order;
    }
}
