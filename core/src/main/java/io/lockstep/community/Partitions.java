package io.lockstep.community;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Renumbering helpers for membership arrays. */
final class Partitions {
    private Partitions() {
    }

    /**
     * Renumbers {@code p} in place to {@code 0..k-1} in order of first appearance; values must lie in
     * {@code [0, p.length)}. Returns k.
     */
    static int compact(int[] p) {
        int n = p.length;
        int[] map = new int[n];
        Arrays.fill(map, -1);
        int k = 0;
        for (int v = 0; v < n; v++) {
            int c = p[v];
            if (map[c] < 0) {
                map[c] = k++;
            }
            p[v] = map[c];
        }
        return k;
    }

    /**
     * Renumbers a compact membership ({@code 0..k-1}) in place by decreasing community size, ties broken by the
     * smallest vertex in the community.
     */
    static void bySize(int[] p, int k) {
        int[] size = new int[k];
        int[] first = new int[k];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int v = 0; v < p.length; v++) {
            size[p[v]]++;
            if (first[p[v]] == Integer.MAX_VALUE) {
                first[p[v]] = v;
            }
        }
        long[] keys = new long[k];
        for (int c = 0; c < k; c++) {
            // larger size first: sort ascending on (MAX - size, first vertex)
            keys[c] = ((long) (Integer.MAX_VALUE - size[c]) << 32) | first[c];
        }
        Arrays.sort(keys);
        int[] rank = new int[k];
        for (int r = 0; r < k; r++) {
            int firstVertex = (int) (keys[r] & 0xffffffffL);
            rank[p[firstVertex]] = r;
        }
        for (int v = 0; v < p.length; v++) {
            p[v] = rank[p[v]];
        }
    }

    /** A seeded Fisher–Yates permutation of {@code 0..n-1}. */
    static int[] shuffled(int n, SplittableRandom rnd) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
