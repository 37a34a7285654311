package io.lockstep.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --out DIR}, the directory a command writes its files to, shared by {@code analyze}, {@code detect} (through
 * {@link AnalysisRun}) and {@code demo}. Each gives its own default, the initial value of the option.
 */
public final class OutDirOption {
    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The option, {@code byDefault} when it is not given. */
    OutDirOption(String byDefault) {
        out = Path.of(byDefault);
    }

    public Path out() {
        return out;
    }
}
