package io.lockstep.cli;

import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreSecret;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the graph lives: the embedded store in {@code --store DIR} (default), or a user's Neo4j server with
 * {@code --neo4j bolt://HOST:PORT} (with {@code --user} and {@code --password-file} or the password in
 * {@code $LOCKSTEP_NEO4J_PASSWORD}). Mixed into every command that reads or writes the graph.
 */
public final class StoreOptions {
    @Mixin
    StoreDirOption store;

    @Option(names = "--neo4j", paramLabel = "URI",
            description = "Use a running Neo4j server instead of the embedded store, e.g. bolt://localhost:7687.")
    URI neo4j;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Neo4j user for --neo4j; the password is read from --password-file or $"
                    + GraphStore.PASSWORD_ENV + ".")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password of --user (for a store served by 'lockstep server': "
                    + "DIR/" + StoreSecret.FILE_NAME + ").")
    Path passwordFile;

    @Option(names = "--database", paramLabel = "NAME", description = "Neo4j database for --neo4j (default: the server's default).")
    String database;

    /** Opens the store these options name; the caller closes it. */
    public GraphStore open() {
        if (neo4j != null) {
            String password = passwordFile == null ? null : StoreSecret.readPasswordFile(passwordFile);
            return GraphStore.remote(neo4j, user, password, database);
        }
        return GraphStore.embedded(store.store());
    }
}
