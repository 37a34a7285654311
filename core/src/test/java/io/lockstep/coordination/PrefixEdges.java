package io.lockstep.coordination;

import io.lockstep.activity.Activity;

import java.util.stream.IntStream;

/**
 * Counts of a signal graph's edges, and of flagged accounts, by the group of their accounts, a group being the
 * accounts whose id starts alike.
 */
final class PrefixEdges {
    private PrefixEdges() {
    }

    /** The edges both of whose accounts' ids start with {@code prefix}. */
    static int among(SignalGraph g, Activity a, String prefix) {
        int n = 0;
        for (CoordinationEdge e : g.edges()) {
            if (a.accountId(e.source()).startsWith(prefix) && a.accountId(e.target()).startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** The edges at least one of whose accounts' ids starts with {@code prefix}. */
    static int touching(SignalGraph g, Activity a, String prefix) {
        int n = 0;
        for (CoordinationEdge e : g.edges()) {
            if (a.accountId(e.source()).startsWith(prefix) || a.accountId(e.target()).startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** Of {@code accounts}, how many ids start with {@code prefix} ([0]) and how many do not ([1]). */
    static int[] accounts(int[] accounts, Activity a, String prefix) {
        int[] n = new int[2];
        for (int v : accounts) {
            n[a.accountId(v).startsWith(prefix) ? 0 : 1]++;
        }
        return n;
    }

    /** The accounts {@code flagged} marks, as ids. */
    static int[] marked(boolean[] flagged) {
        return IntStream.range(0, flagged.length).filter(v -> flagged[v]).toArray();
    }
}
