package io.lockstep.community;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Agreement between two partitions of the same vertices, independent of the labels.
 *
 * <p>Normalised mutual information with arithmetic-mean normalisation, {@code NMI = 2 I(A;B) / (H(A) + H(B))}, as in
 * Danon, Díaz-Guilera, Duch and Arenas, Comparing community structure identification, J. Stat. Mech. (2005) P09008,
 * <a href="https://doi.org/10.1088/1742-5468/2005/09/P09008">doi:10.1088/1742-5468/2005/09/P09008</a>; this is
 * igraph's {@code compare_communities(method="nmi")} and scikit-learn's default. Cost O(n) expected.
 */
public final class PartitionComparison {
    private PartitionComparison() {
    }

    /**
     * Normalised mutual information of two memberships (any non-negative int labels).
     * Two single-community partitions have NMI 1.
     */
    public static double nmi(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("memberships differ in length: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        if (n == 0) {
            return 1.0;
        }
        int[] x = a.clone();
        int[] y = b.clone();
        int ka = relabel(x);
        int kb = relabel(y);
        int[] ca = new int[ka];
        int[] cb = new int[kb];
        Long2IntOpenHashMap joint = new Long2IntOpenHashMap();
        for (int v = 0; v < n; v++) {
            ca[x[v]]++;
            cb[y[v]]++;
            joint.addTo(((long) x[v] << 32) | y[v], 1);
        }
        double ha = entropy(ca, n);
        double hb = entropy(cb, n);
        if (ha == 0 && hb == 0) {
            return 1.0;
        }
        double mi = 0;
        for (var e : joint.long2IntEntrySet()) {
            int i = (int) (e.getLongKey() >>> 32);
            int j = (int) e.getLongKey();
            double nij = e.getIntValue();
            mi += nij / n * Math.log(nij * n / ((double) ca[i] * cb[j]));
        }
        return 2 * mi / (ha + hb);
    }

    private static int relabel(int[] p) {
        Int2IntOpenHashMap map = new Int2IntOpenHashMap();
        map.defaultReturnValue(-1);
        int k = 0;
        for (int v = 0; v < p.length; v++) {
            int id = map.get(p[v]);
            if (id < 0) {
                id = k++;
                map.put(p[v], id);
            }
            p[v] = id;
        }
        return k;
    }

    private static double entropy(int[] counts, int n) {
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
