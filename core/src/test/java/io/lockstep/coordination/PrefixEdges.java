package io.lockstep.coordination;

import io.lockstep.activity.Activity;

/** Counts of a signal graph's edges by the group of their accounts, a group being the accounts whose id starts alike. */
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
}
