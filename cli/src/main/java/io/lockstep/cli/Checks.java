package io.lockstep.cli;

import io.lockstep.store.DirectoryLock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.nio.file.Path;

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
                Bounds bounds = boundsOf(option);
                if (bounds != null && option.getValue() instanceof Number value && !bounds.holds(value.doubleValue())) {
                    throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " must be "
                            + bounds + ", got " + show(value.doubleValue()));
                }
            }
        }
    }

    /**
     * The values {@code option} accepts: its {@link Range}, or the {@link Bounds} it carries as its user object (an
     * option declared from an {@link OptionTable}), or null when it declares none.
     */
    static Bounds boundsOf(OptionSpec option) {
        if (option.userObject() instanceof Bounds bounds) {
            return bounds;
        }
        Range range = option.userObject() instanceof AnnotatedElement e ? e.getAnnotation(Range.class) : null;
        return range == null ? null : new Bounds(range.min(), range.above(), range.max(), range.below());
    }

    /**
     * The values a number option accepts, as in {@link Range}: NaN leaves a bound out.
     *
     * @param min   the smallest value allowed
     * @param above values must be above this one
     * @param max   the largest value allowed
     * @param below values must be below this one
     */
    record Bounds(double min, double above, double max, double below) {
        /** [min, max]. */
        static Bounds closed(double min, double max) {
            return new Bounds(min, Double.NaN, max, Double.NaN);
        }

        /** [min, ∞). */
        static Bounds atLeast(double min) {
            return new Bounds(min, Double.NaN, Double.NaN, Double.NaN);
        }

        /** (above, ∞). */
        static Bounds above(double above) {
            return new Bounds(Double.NaN, above, Double.NaN, Double.NaN);
        }

        /** (above, max]. */
        static Bounds aboveUpTo(double above, double max) {
            return new Bounds(Double.NaN, above, max, Double.NaN);
        }

        /** [min, below). */
        static Bounds atLeastBelow(double min, double below) {
            return new Bounds(min, Double.NaN, Double.NaN, below);
        }

        /** Whether {@code value} is finite and within these bounds. */
        boolean holds(double value) {
            return Double.isFinite(value)
                    && (Double.isNaN(min) || value >= min)
                    && (Double.isNaN(above) || value > above)
                    && (Double.isNaN(max) || value <= max)
                    && (Double.isNaN(below) || value < below);
        }

        /** What a value must be, as the error message says it: {@code in [0, 1]}, {@code at least 1}. */
        @Override
        public String toString() {
            boolean low = !Double.isNaN(min) || !Double.isNaN(above);
            boolean high = !Double.isNaN(max) || !Double.isNaN(below);
            double from = Double.isNaN(min) ? above : min;
            double to = Double.isNaN(max) ? below : max;
            if (low && high) {
                return "in " + (Double.isNaN(min) ? "(" : "[") + show(from) + ", " + show(to)
                        + (Double.isNaN(max) ? ")" : "]");
            }
            if (low) {
                return Double.isNaN(min) ? "a number above " + show(from) : "at least " + show(from);
            }
            return Double.isNaN(max) ? "a number below " + show(to) : "at most " + show(to);
        }
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

    /**
     * The lock of the directory {@code dir} that {@code option} names, held for the run ({@link DirectoryLock}): two
     * runs writing one directory would mix their files. Refused, naming the option, when the lock file cannot be made
     * or {@code holder} (who else writes such a directory: "another run of evaluate") holds it.
     */
    static DirectoryLock lockedDirectory(CommandSpec spec, String option, Path dir, String holder) {
        DirectoryLock lock;
        try {
            lock = DirectoryLock.tryTake(dir);
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), option + " " + dir + ": " + e.getMessage());
        }
        if (lock == null) {
            throw new ParameterException(spec.commandLine(), option + " " + dir + " is in use by " + holder + " (its "
                    + DirectoryLock.FILE_NAME + " is locked): give each run its own " + option + " DIR");
        }
        return lock;
    }
}
