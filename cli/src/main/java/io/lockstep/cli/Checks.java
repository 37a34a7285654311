package io.lockstep.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.math.BigDecimal;

/**
 * Checks an option's value where it enters (in the option's setter), with a message that names the option and shows
 * the value given: {@code --threshold must be in [0, 1], got 2}. Failures are picocli parameter errors: one line,
 * the usage, exit code 2.
 */
final class Checks {
    private Checks() {
    }

    /** {@code value} in [0, 1]. */
    static double unit(CommandSpec spec, String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw fail(spec, option + " must be in [0, 1], got " + show(value));
        }
        return value;
    }

    /** {@code value} finite and above 0. */
    static double positive(CommandSpec spec, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw fail(spec, option + " must be a number above 0, got " + show(value));
        }
        return value;
    }

    /** {@code value >= min}. */
    static long atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw fail(spec, option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} in [min, max]. */
    static int inRange(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw fail(spec, option + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** A number as the user would have typed it: {@code 2}, {@code 0.25}, {@code NaN}. */
    static String show(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static ParameterException fail(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
