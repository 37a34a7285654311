package io.lockstep.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A {@code lockstep} subcommand: picocli's model of the command, through which it prints (its output streams) and
 * fails on bad input (its usage errors, exit code 2). Its options are fields of the subclass or its mixins; the
 * exit code is what {@link #call()} returns.
 */
abstract class LockstepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where the command's results go (stdout unless a test redirects it). */
    PrintWriter stdout() {
        return spec.commandLine().getOut();
    }

    /** Where progress and notes go (stderr unless a test redirects it). */
    PrintWriter stderr() {
        return spec.commandLine().getErr();
    }
}
