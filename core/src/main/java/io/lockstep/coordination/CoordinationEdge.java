package io.lockstep.coordination;

import java.util.List;
import java.util.Objects;

/**
 * An edge of one signal's graph between two accounts (dense ids, {@code source < target}).
 *
 * @param weight   the signal's strength in [0, 1] (for co-action signals the inverse-popularity cosine)
 * @param count    how many distinct shared items support it
 * @param evidence at most {@link CoordinationParams#evidenceCap()} examples
 */
public record CoordinationEdge(int source, int target, String signal, double weight, int count,
                               List<Evidence> evidence) {
    public CoordinationEdge {
        if (source >= target) {
            throw new IllegalArgumentException("source must be < target, was " + source + " >= " + target);
        }
        Objects.requireNonNull(signal, "signal");
        evidence = List.copyOf(evidence);
    }

    /** The pair as one long key: {@code source << 32 | target}. */
    public long pairKey() {
        return pairKey(source, target);
    }

    static long pairKey(int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        return ((long) lo << 32) | (hi & 0xffffffffL);
    }
}
