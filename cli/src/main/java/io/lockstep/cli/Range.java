package io.lockstep.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a number option accepts, written next to its {@code @Option}: {@code @Range(min = 0, max = 1)} is
 * [0, 1], {@code @Range(above = 0)} any finite number above 0, {@code @Range(min = 0, below = 0.99)} [0, 0.99). A
 * bound left out is open-ended. {@link Checks#ranges} checks every option given on the command line before the
 * command runs, and refuses a value outside its range with a usage error (exit code 2) that names the option and
 * shows the value: {@code --threshold must be in [0, 1], got 2}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@interface Range {
    /** The smallest value allowed. */
    double min() default Double.NaN;

    /** Values must be above this one. */
    double above() default Double.NaN;

    /** The largest value allowed. */
    double max() default Double.NaN;

    /** Values must be below this one. */
    double below() default Double.NaN;
}
