package io.lockstep.store;

import com.sun.management.OperatingSystemMXBean;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.FileUtils;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An in-process Neo4j 5 DBMS whose only door is Bolt on 127.0.0.1, on a port the OS picks. Any local user can reach
 * that port, so authentication is on: the {@value StoreSecret#USER} user's password is the store's
 * {@link StoreSecret}, set through the system database when the store first gets one.
 */
final class EmbeddedNeo4j implements AutoCloseable {
    /**
     * Present in the home directory while the default database is being replaced offline (a bulk load). Finding it
     * at start means that replacement was interrupted: the half-written database is discarded, so the store comes
     * back empty and the load can run again from the start.
     */
    static final String REPLACEMENT_PENDING = "lockstep-replacement.pending";

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final Path home;
    private final String secret;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, Path home, String secret) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.home = home;
        this.secret = secret;
    }

    static EmbeddedNeo4j start(Path directory, int boltPort) {
        return start(directory, boltPort, true);
    }

    /**
     * @param discardInterruptedReplacement honour {@link #REPLACEMENT_PENDING} (false only when the replacement
     *                                      itself restarts the DBMS to finish its work)
     */
    static EmbeddedNeo4j start(Path directory, int boltPort, boolean discardInterruptedReplacement) {
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("bolt port must be in [0, 65535], was " + boltPort);
        }
        Path home = directory.toAbsolutePath();
        createHome(home);
        if (discardInterruptedReplacement) {
            discardInterruptedReplacement(home);
        }
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                    .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                    // no quiet period on shutdown: the driver closes first, so no Bolt connection can still exist
                    // and Netty's graceful 2 x 5 s wait would only delay every command's exit
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (RuntimeException e) {
            throw translate(home, e);
        }
        GraphDatabaseService db;
        try {
            db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(Duration.ofSeconds(60).toMillis())) {
                throw new StoreException("embedded Neo4j in " + home + " did not become available in 60 s");
            }
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw translate(home, e);
        }
        String secret;
        try {
            secret = StoreSecret.read(home);
            if (secret == null) {
                // the password is set before the file exists: a crash in between leaves no file, and the next
                // start sets a new one
                secret = StoreSecret.generate();
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER " + StoreSecret.USER + " SET PLAINTEXT PASSWORD $secret CHANGE NOT REQUIRED",
                        Map.of("secret", secret));
                StoreSecret.write(home, secret);
            }
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw translate(home, e);
        }
        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class);
        var address = ports.getLocalAddress(ConnectorType.BOLT);
        return new EmbeddedNeo4j(dbms, URI.create("bolt://127.0.0.1:" + address.getPort()), home, secret);
    }

    /** Creates the store directory (readable by its owner only) if it does not exist; checks it is writable. */
    static void createHome(Path home) {
        try {
            if (!Files.exists(home)) {
                Files.createDirectories(home);
                StoreSecret.ownerOnlyDirectory(home);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create store directory " + home + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(home)) {
            throw new StoreException("store directory " + home + " is not writable");
        }
    }

    /** The default database's store files and transaction logs, as Neo4j lays them out under a home directory. */
    static List<Path> defaultDatabaseDirectories(Path home) {
        String name = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
        return List.of(home.resolve("data").resolve("databases").resolve(name),
                home.resolve("data").resolve("transactions").resolve(name));
    }

    private static void discardInterruptedReplacement(Path home) {
        Path marker = home.resolve(REPLACEMENT_PENDING);
        if (!Files.exists(marker)) {
            return;
        }
        try {
            for (Path dir : defaultDatabaseDirectories(home)) {
                FileUtils.deleteDirectory(dir);
            }
            Files.delete(marker);
        } catch (IOException e) {
            throw new StoreException("cannot discard the interrupted bulk load in " + home + ": " + e.getMessage(), e);
        }
    }

    Path home() {
        return home;
    }

    /**
     * A quarter of the machine's memory, between 512 MiB and 4 GiB. Neo4j allocates page-cache memory as pages are
     * first read, so a small store costs no more than with a small setting; incremental imports into a store larger
     * than its page cache thrash.
     */
    static long pageCacheBytes() {
        long physical = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(ByteUnit.mebiBytes(512), Math.min(ByteUnit.gibiBytes(4), physical / 4));
    }

    /** Turns Neo4j's start-up failures into one line; a held lock means another process has the store open. */
    private static RuntimeException translate(Path home, RuntimeException e) {
        if (e instanceof StoreException se) {
            return se;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String msg = String.valueOf(t.getMessage());
            if (name.contains("FileLock") || msg.contains("lock file") || msg.contains("Lock file")
                    || msg.contains("locked by another")) {
                return new StoreException("store " + home + " is in use by another process (close it, or use "
                        + "another --store)", e);
            }
        }
        return new StoreException("cannot start embedded Neo4j in " + home + ": " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    URI boltUri() {
        return boltUri;
    }

    /** The default database, for in-process transactions. */
    GraphDatabaseService database() {
        return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** The credentials Lockstep's own connections present. */
    AuthToken authToken() {
        return AuthTokens.basic(StoreSecret.USER, secret);
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
