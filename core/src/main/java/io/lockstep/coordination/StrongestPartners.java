package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrays;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the reported evidence linear in the accounts: an account with edges of s signals keeps, of each signal, its
 * max(2, ⌊k / s⌋) strongest edges (rows: one per account pair and signal), ordered by weight, then count, then the
 * partner's id; an edge kept by either end is kept. So every signal that linked an account stays visible, and there
 * are at most max(k, 2s)·n rows for n accounts with edges, whatever the size of a dense group (a 700-account block
 * gives a few thousand rows, not 245,000). Package-private phase of
 * {@link CoordinationDetector}: clustering, scoring, verdicts and campaigns see every edge; only the reported edges
 * ({@link DetectionResult#edges()}, {@code coordination-edges.csv}, {@code COORDINATED_WITH}) are thinned.
 *
 * <p>Cost: O(E log E) for E edges. Deterministic: the order above is total.
 */
final class StrongestPartners {
    private StrongestPartners() {
    }

    /** The edges kept when every account chooses, in their input order. */
    static List<CoordinationEdge> keep(List<CoordinationEdge> edges, int k, int accounts) {
        return keep(edges, k, accounts, null);
    }

    /**
     * The edges kept, in their input order, when only the accounts with {@code chooses[v]} choose (null: all): at
     * most max(k, 2s)·c rows for c choosing accounts and s signals.
     */
    static List<CoordinationEdge> keep(List<CoordinationEdge> edges, int k, int accounts, boolean[] chooses) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        int e = edges.size();
        int[] start = new int[accounts + 1];
        for (CoordinationEdge x : edges) {
            start[x.source() + 1]++;
            start[x.target() + 1]++;
        }
        for (int v = 0; v < accounts; v++) {
            start[v + 1] += start[v];
        }
        int[] at = start.clone();
        int[] incident = new int[2 * e];
        for (int i = 0; i < e; i++) {
            CoordinationEdge x = edges.get(i);
            incident[at[x.source()]++] = i;
            incident[at[x.target()]++] = i;
        }
        boolean[] kept = new boolean[e];
        for (int v = 0; v < accounts; v++) {
            if (chooses != null && !chooses[v]) {
                continue;
            }
            int from = start[v], to = start[v + 1];
            if (to - from <= 2) {
                for (int p = from; p < to; p++) {
                    kept[incident[p]] = true;
                }
                continue;
            }
            final int self = v;
            // by signal, then strongest first
            IntArrays.quickSort(incident, from, to, (a, b) -> {
                int c = Integer.compare(signalIndex(edges.get(a)), signalIndex(edges.get(b)));
                return c != 0 ? c : compare(edges.get(a), edges.get(b), self);
            });
            int signals = 0;
            for (int p = from; p < to; p++) {
                if (p == from || signalIndex(edges.get(incident[p])) != signalIndex(edges.get(incident[p - 1]))) {
                    signals++;
                }
            }
            int perSignal = Math.max(2, k / signals);
            int rank = 0;
            for (int p = from; p < to; p++) {
                if (p > from && signalIndex(edges.get(incident[p])) != signalIndex(edges.get(incident[p - 1]))) {
                    rank = 0;
                }
                if (rank++ < perSignal) {
                    kept[incident[p]] = true;
                }
            }
        }
        List<CoordinationEdge> out = new ArrayList<>();
        for (int i = 0; i < e; i++) {
            if (kept[i]) {
                out.add(edges.get(i));
            }
        }
        return out;
    }

    /** Stronger first, from {@code self}'s side. */
    static int compare(CoordinationEdge a, CoordinationEdge b, int self) {
        int c = Double.compare(b.weight(), a.weight());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.count(), a.count());
        if (c != 0) {
            return c;
        }
        int pa = a.source() == self ? a.target() : a.source();
        int pb = b.source() == self ? b.target() : b.source();
        c = Integer.compare(pa, pb);
        if (c != 0) {
            return c;
        }
        return Integer.compare(signalIndex(a), signalIndex(b));
    }

    private static int signalIndex(CoordinationEdge e) {
        return DetectionParams.ALL_SIGNALS.indexOf(e.signal());
    }
}
