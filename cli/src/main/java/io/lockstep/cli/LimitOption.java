package io.lockstep.cli;

import picocli.CommandLine.Option;

/**
 * {@code --limit N}, shared by {@code render} and {@code view}: at most how many accounts a picture holds
 * ({@code SceneQueries.Selection#limit}). Each command gives its own default, the initial value of the option: a
 * still picture holds fewer accounts than the viewer.
 */
public final class LimitOption {
    @Option(names = "--limit", paramLabel = "N",
            description = "At most N accounts, largest first; suspicious accounts always kept (default: ${DEFAULT-VALUE}).")
    @Range(min = 1)
    int limit;

    /** The option, {@code byDefault} when it is not given. */
    LimitOption(int byDefault) {
        limit = byDefault;
    }

    public int limit() {
        return limit;
    }
}
