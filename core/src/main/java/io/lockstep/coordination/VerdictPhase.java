package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The verdict phase of {@link CoordinationDetector}: one {@link AccountVerdict} per account, with its cluster and
 * that cluster's score (0 and -1 outside every cluster), suspicious when the score reaches
 * {@link CoordinationParams.ClusterParams#suspiciousScore()}, and the signals with an edge at the account in canonical
 * order ({@link CoordinationParams#ALL_SIGNALS}).
 *
 * <p>Cost: O(accounts + edges): the signals of an account are one int of bits, one per signal. Deterministic.
 */
final class VerdictPhase {
    private VerdictPhase() {
    }

    /** @param clusters numbered 0, 1, … in list order, as {@link ScorePhase} returns them */
    static AccountVerdict[] run(int accountCount, List<CoordinationEdge> edges, List<Cluster> clusters,
                                double suspiciousScore) {
        int signalCount = CoordinationParams.ALL_SIGNALS.size();
        if (signalCount > Integer.SIZE) {
            throw new IllegalStateException("more signals than bits in an int: " + signalCount);
        }
        int[] clusterOf = new int[accountCount];
        Arrays.fill(clusterOf, -1);
        for (Cluster c : clusters) {
            for (int m : c.members()) {
                clusterOf[m] = c.id();
            }
        }
        int[] fired = new int[accountCount];
        for (CoordinationEdge e : edges) {
            int bit = 1 << CoordinationParams.ALL_SIGNALS.indexOf(e.signal());
            fired[e.source()] |= bit;
            fired[e.target()] |= bit;
        }
        AccountVerdict[] verdicts = new AccountVerdict[accountCount];
        for (int v = 0; v < accountCount; v++) {
            List<String> signals = new ArrayList<>(Integer.bitCount(fired[v]));
            for (int bits = fired[v]; bits != 0; bits &= bits - 1) {
                signals.add(CoordinationParams.ALL_SIGNALS.get(Integer.numberOfTrailingZeros(bits)));
            }
            int c = clusterOf[v];
            double score = c >= 0 ? clusters.get(c).score() : 0.0;
            verdicts[v] = new AccountVerdict(v, score, c >= 0 && score >= suspiciousScore, c, signals);
        }
        return verdicts;
    }

    /**
     * The clusters with each account of {@code joining} (ascending) moved from its cluster (if any) into cluster
     * {@code into[account]}, whose signals gain {@code signal} (last); scores and kinds kept: an account read after
     * the verdicts (a seed, a push's participant) takes the cluster's score, its evidence being the cluster's. A
     * cluster that every member left is dropped, as the score phase drops one (a finding without an account is none,
     * and a report cannot show it), and the clusters after it are numbered down so that ids stay list positions; the
     * order is kept. O(clusters × joining + members).
     */
    static List<Cluster> joined(List<Cluster> clusters, int[] joining, int[] into, AccountVerdict[] verdicts,
                                String signal) {
        List<Cluster> out = new ArrayList<>(clusters.size());
        for (Cluster c : clusters) {
            IntArrayList arriving = new IntArrayList();
            int leaving = 0;
            for (int s : joining) {
                if (verdicts[s].cluster() == c.id() && into[s] != c.id()) {
                    leaving++;
                }
                if (into[s] == c.id()) {
                    arriving.add(s);
                }
            }
            if (leaving == 0 && arriving.isEmpty()) {
                out.add(c.id() == out.size() ? c : new Cluster(out.size(), c.kind(), c.members(), c.score(),
                        c.signals(), c.topHashtags(), c.firstSeen(), c.lastSeen()));
                continue;
            }
            IntArrayList members = new IntArrayList();
            for (int m : c.members()) {
                if (Arrays.binarySearch(joining, m) < 0) {
                    members.add(m);
                }
            }
            members.addAll(arriving);
            int[] all = members.toIntArray();
            if (all.length == 0) {
                continue;
            }
            Arrays.sort(all);
            List<String> signals = new ArrayList<>(c.signals());
            if (!arriving.isEmpty() && !signals.contains(signal)) {
                signals.add(signal);
            }
            out.add(new Cluster(out.size(), c.kind(), all, c.score(), signals, c.topHashtags(), c.firstSeen(),
                    c.lastSeen()));
        }
        return out;
    }
}
