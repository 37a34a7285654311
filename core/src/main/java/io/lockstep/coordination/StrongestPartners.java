package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Keeps the reported evidence linear in the flagged accounts ({@link #report}): with k partners and F flagged
 * accounts, at most 2k·F rows (k·1 when nothing is flagged), whatever the size of a dense group or the number of
 * significant pairs between ordinary accounts.
 * <ol>
 *   <li>Each flagged account keeps its k strongest edges over all signals, the strongest edge of each of its
 *       signals first (so every signal that linked it stays visible, up to k signals): at most k·F rows.</li>
 *   <li>Pairs of which neither end is flagged (significant co-action that formed no suspicious cluster, such as a
 *       lone pair in a sparse real archive) are evidence too, but not findings: each such account keeps its
 *       max(2, ⌊k / s⌋) strongest edges of each of its s signals ({@link #keep}), and of those the strongest
 *       k·max(F, 1) overall are reported.</li>
 * </ol>
 * "Strongest": higher weight, then higher count, then the smaller partner id (per account) or pair (overall). An
 * edge between a flagged and an unflagged account is only ever chosen by the flagged end. Clustering, scoring,
 * verdicts and campaigns see every edge; only the reported edges ({@link CoordinationResult#edges()},
 * {@code coordination-edges.csv}, {@code COORDINATED_WITH}) are thinned. Package-private phase of
 * {@link CoordinationDetector}.
 *
 * <p>Cost: O(E log E) for E edges. Deterministic: the orders above are total.
 */
final class StrongestPartners {
    private StrongestPartners() {
    }

    /**
     * The reported edges, in their input order: each flagged account's k strongest (the best of each signal first),
     * and the strongest k·max(F, 1) of the pairs between unflagged accounts; at most 2k·F rows for F ≥ 1 flagged.
     */
    static List<CoordinationEdge> report(List<CoordinationEdge> edges, int k, boolean[] flagged) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        int accounts = flagged.length;
        int f = 0;
        for (boolean x : flagged) {
            f += x ? 1 : 0;
        }
        int e = edges.size();
        Incidence inc = Incidence.of(edges, accounts);
        int[] start = inc.start();
        int[] incident = inc.incident();
        boolean[] kept = new boolean[e];
        boolean[] signalSeen = new boolean[CoordinationParams.ALL_SIGNALS.size()];
        int[] mine = new int[k]; // positions in incident chosen by the current account
        for (int v = 0; v < accounts; v++) {
            if (!flagged[v]) {
                continue;
            }
            int from = start[v], to = start[v + 1];
            final int self = v;
            IntArrays.quickSort(incident, from, to, (a, b) -> compare(edges.get(a), edges.get(b), self));
            // the best edge of each signal, strongest first, then the strongest others, k in all
            Arrays.fill(signalSeen, false);
            int chosen = 0;
            for (int p = from; p < to && chosen < k; p++) {
                int sig = signalIndex(edges.get(incident[p]));
                if (!signalSeen[sig]) {
                    signalSeen[sig] = true;
                    mine[chosen++] = p;
                }
            }
            for (int p = from; p < to && chosen < k; p++) {
                if (!contains(mine, chosen, p)) {
                    mine[chosen++] = p;
                }
            }
            for (int i = 0; i < chosen; i++) {
                kept[incident[mine[i]]] = true;
            }
        }
        List<CoordinationEdge> ordinary = new ArrayList<>();
        for (CoordinationEdge x : edges) {
            if (!flagged[x.source()] && !flagged[x.target()]) {
                ordinary.add(x);
            }
        }
        List<CoordinationEdge> strongest = new ArrayList<>(keep(ordinary, k, accounts));
        strongest.sort(StrongestPartners::compareOverall);
        Set<CoordinationEdge> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        reported.addAll(strongest.subList(0, (int) Math.min(strongest.size(), (long) k * Math.max(f, 1))));
        List<CoordinationEdge> out = new ArrayList<>();
        for (int i = 0; i < e; i++) {
            if (kept[i] || reported.contains(edges.get(i))) {
                out.add(edges.get(i));
            }
        }
        return out;
    }

    /**
     * The edges at each account: {@code incident[start[v] .. start[v + 1])} are the positions in the edge list of
     * the edges with v at either end, in input order. O(E + n).
     */
    private record Incidence(int[] start, int[] incident) {
        static Incidence of(List<CoordinationEdge> edges, int accounts) {
            int[] start = new int[accounts + 1];
            for (CoordinationEdge x : edges) {
                start[x.source() + 1]++;
                start[x.target() + 1]++;
            }
            for (int v = 0; v < accounts; v++) {
                start[v + 1] += start[v];
            }
            int[] at = start.clone();
            int[] incident = new int[2 * edges.size()];
            for (int i = 0; i < edges.size(); i++) {
                CoordinationEdge x = edges.get(i);
                incident[at[x.source()]++] = i;
                incident[at[x.target()]++] = i;
            }
            return new Incidence(start, incident);
        }
    }

    private static boolean contains(int[] xs, int n, int x) {
        for (int i = 0; i < n; i++) {
            if (xs[i] == x) {
                return true;
            }
        }
        return false;
    }

    /** Stronger first over all pairs: weight, then count, then the pair, then the signal. */
    static int compareOverall(CoordinationEdge a, CoordinationEdge b) {
        int c = compareStrength(a, b);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.pairKey(), b.pairKey());
        return c != 0 ? c : Integer.compare(signalIndex(a), signalIndex(b));
    }

    /**
     * Per-account thinning: an account with edges of s signals keeps, of each signal, its max(2, ⌊k / s⌋) strongest
     * edges; an edge kept by either end is kept; in their input order. At most max(k, 2s)·n rows for n accounts.
     */
    static List<CoordinationEdge> keep(List<CoordinationEdge> edges, int k, int accounts) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        int e = edges.size();
        Incidence inc = Incidence.of(edges, accounts);
        int[] start = inc.start();
        int[] incident = inc.incident();
        boolean[] kept = new boolean[e];
        for (int v = 0; v < accounts; v++) {
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
        int c = compareStrength(a, b);
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

    /** Stronger first: the higher weight, then the higher count; 0 when both are equal. */
    private static int compareStrength(CoordinationEdge a, CoordinationEdge b) {
        int c = Double.compare(b.weight(), a.weight());
        return c != 0 ? c : Integer.compare(b.count(), a.count());
    }

    private static int signalIndex(CoordinationEdge e) {
        return CoordinationParams.ALL_SIGNALS.indexOf(e.signal());
    }
}
