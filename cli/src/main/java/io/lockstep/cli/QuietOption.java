package io.lockstep.cli;

import picocli.CommandLine.Option;

/** {@code -q/--quiet}, shared by every command that reports progress. */
public final class QuietOption {
    @Option(names = {"-q", "--quiet"}, description = "No progress output: only the command's result lines (for scripts).")
    boolean quiet;

    public boolean quiet() {
        return quiet;
    }
}
