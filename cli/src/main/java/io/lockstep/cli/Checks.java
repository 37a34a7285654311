package io.lockstep.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;

/**
 * Checks the options' values where they enter, before the command runs, with a message that names the option and
 * shows the value given: {@code --threshold must be in [0, 1], got 2}. Number options declare their {@link Range};
 * {@link Lockstep#configured} runs {@link #ranges} on every command line it parses. Failures are picocli parameter
 * errors: one line, the usage, exit code 2.
 */
final class Checks {
    private Checks() {
    }

    /** Checks the options given to the command and to each of its subcommands against their {@link Range}s. */
    static void ranges(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (OptionSpec option : p.matchedOptions()) {
                Range range = option.userObject() instanceof AnnotatedElement e ? e.getAnnotation(Range.class) : null;
                if (range != null && option.getValue() instanceof Number value) {
                    String problem = problem(range, value.doubleValue());
                    if (problem != null) {
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " must be "
                                + problem + ", got " + show(value.doubleValue()));
                    }
                }
            }
        }
    }

    /** What {@code value} must be, or null if it is in {@code range}. */
    private static String problem(Range range, double value) {
        boolean low = !Double.isNaN(range.min()) || !Double.isNaN(range.above());
        boolean high = !Double.isNaN(range.max()) || !Double.isNaN(range.below());
        double from = Double.isNaN(range.min()) ? range.above() : range.min();
        double to = Double.isNaN(range.max()) ? range.below() : range.max();
        boolean ok = Double.isFinite(value)
                && (Double.isNaN(range.min()) || value >= range.min())
                && (Double.isNaN(range.above()) || value > range.above())
                && (Double.isNaN(range.max()) || value <= range.max())
                && (Double.isNaN(range.below()) || value < range.below());
        if (ok) {
            return null;
        }
        if (low && high) {
            return "in " + (Double.isNaN(range.min()) ? "(" : "[") + show(from) + ", " + show(to)
                    + (Double.isNaN(range.max()) ? ")" : "]");
        }
        if (low) {
            return Double.isNaN(range.min()) ? "a number above " + show(from) : "at least " + show(from);
        }
        return Double.isNaN(range.max()) ? "a number below " + show(to) : "at most " + show(to);
    }

    /** {@code value} one of {@code allowed} (ignoring case); returns it as given. */
    static String oneOf(CommandSpec spec, String option, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return value;
            }
        }
        throw new ParameterException(spec.commandLine(), option + " must be one of " + String.join(", ", allowed)
                + ", got '" + value + "'");
    }

    /** A number as the user would have typed it: {@code 2}, {@code 0.25}, {@code NaN}. */
    static String show(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
