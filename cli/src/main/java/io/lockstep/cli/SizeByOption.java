package io.lockstep.cli;

import io.lockstep.store.SceneQueries;
import picocli.CommandLine.Option;

/** {@code --size-by}, shared by {@code render} and {@code view}: what an account's node size shows. */
public final class SizeByOption {
    @Option(names = "--size-by", paramLabel = "METRIC", defaultValue = "pagerank",
            description = "Node size of an account: pagerank or followers (default: ${DEFAULT-VALUE}).")
    SceneQueries.SizeBy sizeBy;

    public SceneQueries.SizeBy sizeBy() {
        return sizeBy;
    }
}
