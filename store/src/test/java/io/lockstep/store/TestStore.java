package io.lockstep.store;

import org.neo4j.driver.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One embedded store per test JVM: starting Neo4j costs seconds, so test classes share it and call {@link #clear()}
 * before each test. Closed by a shutdown hook.
 */
public final class TestStore {
    private static GraphStore shared;

    private TestStore() {
    }

    public static synchronized GraphStore shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("lockstep-test-store");
                shared = GraphStore.embedded(dir);
                GraphStore store = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    store.close();
                    deleteRecursively(dir);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }

    /** Deletes every node and relationship (the schema stays). */
    public static GraphStore clear() {
        GraphStore store = shared();
        try (Session s = store.session()) {
            s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
        return store;
    }
}
