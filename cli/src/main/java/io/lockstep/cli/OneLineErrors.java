package io.lockstep.cli;

import io.lockstep.store.NoMatchException;
import io.lockstep.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * Failures a user can act on become one line on stderr and a non-zero exit: 3 for the store, 4 for input files,
 * 130 for an interrupt, 2 for a bad value, 1 otherwise. With the environment variable {@code LOCKSTEP_DEBUG} set
 * (to anything), the stack trace is printed first.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    static final int STORE = 3;
    static final int INPUT = 4;
    static final int INTERRUPTED = 130;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (System.getenv("LOCKSTEP_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        String name = cmd.getCommandName();
        if (e instanceof StoreException) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return STORE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof InputException
                || e instanceof NoMatchException) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return INPUT;
        }
        if (e instanceof CancellationException) {
            cmd.getErr().println(name + ": interrupted");
            return INTERRUPTED;
        }
        if (e instanceof IllegalArgumentException) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        cmd.getErr().println(name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return CommandLine.ExitCode.SOFTWARE;
    }
}
