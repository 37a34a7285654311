package io.lockstep.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every embedded store Lockstep opens (new, reopened, restarted after a bulk load, given a new secret) refuses a
 * Bolt client without the store's secret: the real embedded Neo4j, reached by the real driver on its loopback port.
 */
class StoreAuthenticationTest {
    @Test
    void everyStoreLockstepOpensRefusesAClientWithoutItsSecret(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("store");
        String first;
        // a new store: an owner-only secret in an owner-only directory
        try (GraphStore store = GraphStore.embedded(dir)) {
            URI uri = store.embeddedBoltUri();
            Path file = store.embeddedSecretFile();
            assertThat(file).isEqualTo(dir.toAbsolutePath().resolve(StoreSecret.FILE_NAME));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            first = StoreSecret.readPasswordFile(file);
            assertThat(first).hasSizeGreaterThanOrEqualTo(43);
            assertRefused(uri, AuthTokens.basic(StoreSecret.USER, "wrong-" + first));
            assertRefused(uri, AuthTokens.none());
            assertAccepted(uri, AuthTokens.basic(StoreSecret.USER, first));
            // the remote road (--neo4j with --user) reports a wrong password as one line
            assertThatThrownBy(() -> GraphStore.remote(uri, StoreSecret.USER, "wrong", null))
                    .isInstanceOf(StoreException.class).hasMessage("Neo4j at " + uri + " refused the credentials");
            try (GraphStore remote = GraphStore.remote(uri, StoreSecret.USER, first, null)) {
                assertThat(remote.session().run("RETURN 1 AS x").single().get("x").asInt()).isEqualTo(1);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        // reopened: the same secret, its file narrowed back to the owner
        try (GraphStore store = GraphStore.embedded(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.embeddedSecretFile())))
                    .isEqualTo("rw-------");
            assertThat(StoreSecret.readPasswordFile(store.embeddedSecretFile())).isEqualTo(first);
            assertRefused(store.embeddedBoltUri(), AuthTokens.basic(StoreSecret.USER, "neo4j"));
            assertAccepted(store.embeddedBoltUri(), AuthTokens.basic(StoreSecret.USER, first));
            Files.delete(store.embeddedSecretFile());
        }
        // a store whose secret was deleted (or that predates secrets) gets a new one; the old one stops working,
        // and the restart around a bulk load keeps the door locked
        try (GraphStore store = GraphStore.embedded(dir)) {
            String second = StoreSecret.readPasswordFile(store.embeddedSecretFile());
            assertThat(second).isNotEqualTo(first);
            assertRefused(store.embeddedBoltUri(), AuthTokens.basic(StoreSecret.USER, first));
            assertAccepted(store.embeddedBoltUri(), AuthTokens.basic(StoreSecret.USER, second));
            store.replaceEmptyDatabase((home, name) -> { }, s -> { });
            assertRefused(store.embeddedBoltUri(), AuthTokens.basic(StoreSecret.USER, first));
            assertAccepted(store.embeddedBoltUri(), AuthTokens.basic(StoreSecret.USER, second));
        }
    }

    static void assertRefused(URI uri, AuthToken token) {
        try (Driver driver = GraphDatabase.driver(uri, token, config())) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    static void assertAccepted(URI uri, AuthToken token) {
        try (Driver driver = GraphDatabase.driver(uri, token, config()); var s = driver.session()) {
            assertThat(s.run("RETURN 1 AS x").single().get("x").asInt()).isEqualTo(1);
        }
    }

    private static Config config() {
        return Config.builder().withoutEncryption().withConnectionTimeout(15, TimeUnit.SECONDS)
                .withLogging(Logging.none()).build();
    }
}
