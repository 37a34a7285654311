package io.lockstep.coordination;

import java.util.List;
import java.util.Objects;

/**
 * An edge of one signal's graph between two accounts (dense ids, {@code source < target}).
 *
 * @param weight   the signal's strength in [0, 1] (for co-action signals the inverse-popularity cosine)
 * @param count    how many distinct shared items support it
 * @param evidence at most {@link CoordinationParams#evidenceCap()} examples
 * @param expected the count the co-action null model expects of the pair by chance, λ = max(λ<sub>volume</sub>,
 *                 λ<sub>strength</sub>) ({@link CoActionNullModel}), so that P(Poisson(λ) ≥ count) is the pair's
 *                 p-value; NaN for an edge of a signal without a pair null model (fast-retweet, lockstep-follow)
 */
public record CoordinationEdge(int source, int target, String signal, double weight, int count,
                               List<Evidence> evidence, double expected) {
    public CoordinationEdge {
        if (source >= target) {
            throw new IllegalArgumentException("source must be < target, was " + source + " >= " + target);
        }
        Objects.requireNonNull(signal, "signal");
        evidence = List.copyOf(evidence);
    }

    /** An edge without a pair null model: {@code expected} is NaN. */
    public CoordinationEdge(int source, int target, String signal, double weight, int count,
                            List<Evidence> evidence) {
        this(source, target, signal, weight, count, evidence, Double.NaN);
    }

    /**
     * The pair's p-value under the co-action null model, P(Poisson(expected) ≥ count) ({@link PoissonTail}); NaN
     * when the edge has no expectation. O(count) at most.
     */
    public double pValue() {
        return Double.isNaN(expected) ? Double.NaN : PoissonTail.upper(count, expected);
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
