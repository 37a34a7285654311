package io.lockstep.coordination;

/**
 * The argument checks shared by the coordination parameters ({@link CoordinationParams}) and the follow signal's
 * seed searches ({@link ClientSeeds}, {@link AudienceSeeds}): each throws an {@link IllegalArgumentException} whose
 * message names the parameter, the allowed range and the value given.
 */
final class Checks {
    private Checks() {
    }

    /** {@code value} ≥ {@code min}. */
    static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    /** A duration of at least 0 seconds. */
    static void seconds(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 seconds, was " + value);
        }
    }

    /** A duration of more than 0 seconds. */
    static void positiveSeconds(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 seconds, was " + value);
        }
    }

    /** A share or probability in (0, 1] (a p-value level, a density). */
    static void inOpenUnit(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
        }
    }

    /** A share in [0, 1]. */
    static void inUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    /** A lift: at least 1 and finite. */
    static void lift(String name, double value) {
        if (!(value >= 1) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 1 and finite, was " + value);
        }
    }
}
