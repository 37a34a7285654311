package io.lockstep.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store DIR}: the embedded store's directory, in {@link StoreOptions} and {@code server}. */
public final class StoreDirOption {
    public static final String DEFAULT_STORE = "lockstep-store";

    @Option(names = "--store", paramLabel = "DIR", defaultValue = DEFAULT_STORE,
            description = "Embedded Neo4j store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    public Path store() {
        return store;
    }
}
