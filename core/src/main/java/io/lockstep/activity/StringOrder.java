package io.lockstep.activity;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;

/**
 * The indices of an array of strings in the order of {@link String#compareTo} (UTF-16 code units, a prefix before
 * its extensions), for {@link Activity#canonical()}.
 *
 * <p>When the first {@value #KEY_CHARS} characters of every string are below U+0100 (post ids, account ids, hashtags
 * and URLs of the archives in practice), each string's first 12 characters are packed one byte each, zero past its
 * end, into two longs: characters 0-7 in the first, characters 8-11 in the upper half of the second and the string's
 * index in its lower half. fastutil's parallel quicksort of the pairs then moves primitives only (no string is
 * touched while sorting), and the runs of equal packed characters (strings equal in their first 12 characters, or
 * shorter strings ending in U+0000) are sorted by {@code compareTo}. Key order agrees with {@code compareTo}: at the
 * first character where two keys differ both strings hold that character, or the lower one has ended and is a
 * prefix of the other. Otherwise it falls back to a parallel quicksort of the indices with {@code compareTo}, which
 * reaches two strings through their references at every comparison.
 *
 * <p>Cost: O(n) to build the keys, O(n log n) comparisons of long pairs on all cores, and O(r log r) string
 * comparisons per run of r equal keys; memory 20 bytes per string. Deterministic: the result is the unique order of
 * distinct strings (the ids sorted here are distinct); equal strings keep no particular order between them.
 */
final class StringOrder {
    /** Characters compared through the packed keys. */
    static final int KEY_CHARS = 12;

    private StringOrder() {
    }

    /** Indices of {@code values} in the order of the values. */
    static int[] order(String[] values) {
        int n = values.length;
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
                    return byCompareTo(values);
                }
                if (c < 8) {
                    h = (h << 8) | ch;
                } else {
                    l = (l << 8) | ch;
                }
            }
            // signed comparison of longs: the sign bit flipped gives the unsigned byte order
            high[i] = h ^ Long.MIN_VALUE;
            low[i] = ((l << 32) ^ Long.MIN_VALUE) | i;
        }
        LongArrays.parallelQuickSort(high, low);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) low[k];
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && high[to] == high[from] && (low[to] >>> 32) == (low[from] >>> 32)) {
                to++;
            }
            if (to - from > 1) {
                IntArrays.quickSort(order, from, to, (a, b) -> values[a].compareTo(values[b]));
            }
            from = to;
        }
        return order;
    }

    private static int[] byCompareTo(String[] values) {
        int[] order = new int[values.length];
        Arrays.setAll(order, i -> i);
        IntArrays.parallelQuickSort(order, (a, b) -> values[a].compareTo(values[b]));
        return order;
    }
}
