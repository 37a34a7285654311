package io.lockstep.store;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.FileUtils;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Neo4j graph behind Lockstep, reached only through the Neo4j Java Driver: either an embedded DBMS started
 * in-process (Bolt on loopback) or a user's own server or cluster. Everything above this class talks to
 * {@link #driver()} and {@link #session()}, so both run the same code.
 */
public final class GraphStore implements AutoCloseable {
    /** Environment variable holding the password for a remote server; never printed. */
    public static final String PASSWORD_ENV = "LOCKSTEP_NEO4J_PASSWORD";

    // Replaced together when an embedded store restarts around an offline database replacement.
    private volatile Driver driver;
    private final String database;
    private volatile EmbeddedNeo4j embedded;
    private final String description;
    private final Path embeddedHome;
    private final int embeddedBoltPort;
    /** Held while an embedded store is open (null for a remote one). */
    private StoreLock lock;

    private GraphStore(Driver driver, String database, EmbeddedNeo4j embedded, String description, int boltPort) {
        this(driver, database, embedded, description, embedded == null ? null : embedded.home(), boltPort);
    }

    private GraphStore(Driver driver, String database, EmbeddedNeo4j embedded, String description, Path home,
                       int boltPort) {
        this.driver = driver;
        this.database = database;
        this.embedded = embedded;
        this.description = description;
        this.embeddedHome = home;
        this.embeddedBoltPort = boltPort;
    }

    /** Work done on the embedded store's files while its DBMS is stopped. */
    @FunctionalInterface
    public interface OfflineWork {
        /**
         * @param home             the Neo4j home directory of the embedded store
         * @param databaseName     the database to write (it is empty when this runs)
         */
        void run(Path home, String databaseName) throws Exception;
    }

    /**
     * Replaces the embedded store's default database, which must be empty, by what {@code offline} writes while the
     * DBMS is stopped (Neo4j's bulk importer), then starts the DBMS again and runs {@code online} through the driver.
     * Until {@code online} has returned, a marker file makes the next start discard the new database, so a
     * replacement killed at any point leaves an empty store rather than a partial one. When {@code offline} fails,
     * its database is discarded and the DBMS started again, or, for a new store never started, left unstarted.
     */
    public void replaceEmptyDatabase(OfflineWork offline, Consumer<GraphStore> online) {
        if (embeddedHome == null) {
            throw new IllegalStateException("only an embedded store can be replaced offline");
        }
        Path marker = embeddedHome.resolve(EmbeddedNeo4j.REPLACEMENT_PENDING);
        boolean running;
        synchronized (this) {
            running = driver != null;
            if (!running) { // a new store, never started: the database is written before its first start
                EmbeddedNeo4j.createHome(embeddedHome);
            }
        }
        try {
            Files.writeString(marker, "bulk load in progress\n");
        } catch (IOException e) {
            throw new StoreException("cannot write " + marker + ": " + e.getMessage(), e);
        }
        if (running) {
            driver.close();
            embedded.close();
        }
        try {
            for (Path dir : EmbeddedNeo4j.defaultDatabaseDirectories(embeddedHome)) {
                FileUtils.deleteDirectory(dir);
            }
            offline.run(embeddedHome, GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        } catch (StoreException e) {
            discard(running);
            throw e;
        } catch (Exception e) {
            discard(running);
            throw new StoreException("bulk load into " + embeddedHome + " failed: " + e.getMessage(), e);
        }
        restart(false);
        try {
            online.accept(this);
        } catch (RuntimeException e) {
            driver.close();
            embedded.close();
            restart(true);
            throw e;
        }
        try {
            Files.delete(marker);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + marker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops the database a failed offline work wrote; starts the DBMS again if it was {@code running} before (a new
     * store stays unstarted: its first start comes with its first use).
     */
    private void discard(boolean running) {
        if (running) {
            restart(true);
            return;
        }
        try {
            for (Path dir : EmbeddedNeo4j.defaultDatabaseDirectories(embeddedHome)) {
                FileUtils.deleteDirectory(dir);
            }
            Files.deleteIfExists(embeddedHome.resolve(EmbeddedNeo4j.REPLACEMENT_PENDING));
        } catch (IOException e) {
            throw new StoreException("cannot discard the failed bulk load in " + embeddedHome + ": "
                    + e.getMessage(), e);
        }
    }

    /** Starts the embedded DBMS again; {@code discard}: drop the database written offline (the work failed). */
    private void restart(boolean discard) {
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(embeddedHome, embeddedBoltPort, discard);
        try {
            driver = connect(neo4j.boltUri(), neo4j.authToken());
            embedded = neo4j;
            GraphSchema.ensure(this);
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
    }

    /** Starts (or reopens) the embedded store in {@code directory} and connects to it over Bolt. */
    public static GraphStore embedded(Path directory) {
        return embedded(directory, 0);
    }

    /** As {@link #embedded(Path)}, with Bolt on a given loopback port (0: any free port). */
    public static GraphStore embedded(Path directory, int boltPort) {
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("bolt port must be in [0, 65535], was " + boltPort);
        }
        Path home = directory.toAbsolutePath();
        boolean isNew = isNew(home);
        EmbeddedNeo4j.createHome(home);
        StoreLock lock = StoreLock.take(home);
        try {
            GraphStore store;
            if (isNew) {
                // nothing to open yet: the DBMS starts on first use, or after a bulk load has written the database
                // (sparing the start and stop of an empty DBMS: seconds of a fresh analyze)
                store = new GraphStore(null, null, null, "embedded store " + directory, home, boltPort);
            } else {
                store = started(directory, boltPort);
            }
            store.lock = lock;
            return store;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A directory that does not exist or holds nothing but Lockstep's lock file: a store not created yet. */
    private static boolean isNew(Path home) {
        if (!Files.exists(home)) {
            return true;
        }
        if (!Files.isDirectory(home)) {
            return false; // the start reports it
        }
        try (var entries = Files.list(home)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(StoreLock.FILE_NAME));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether this is a new embedded store not started yet: it holds nothing, and a bulk load can write its
     * database before the DBMS first starts.
     */
    public synchronized boolean isUnstarted() {
        return embeddedHome != null && driver == null;
    }

    /** Starts the DBMS of a new embedded store on first use. */
    private synchronized void start() {
        if (driver == null) {
            GraphStore started = started(embeddedHome, embeddedBoltPort);
            embedded = started.embedded;
            driver = started.driver;
        }
    }

    private static GraphStore started(Path directory, int boltPort) {
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(directory, boltPort);
        try {
            Driver driver = connect(neo4j.boltUri(), neo4j.authToken());
            GraphStore store = new GraphStore(driver, null, neo4j, "embedded store " + directory, boltPort);
            GraphSchema.ensure(store);
            return store;
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
    }

    /**
     * Connects to a running Neo4j server. {@code user} may be null for a server without authentication;
     * otherwise the password is {@code password} or, when null, the {@value #PASSWORD_ENV} environment variable.
     */
    public static GraphStore remote(URI uri, String user, String password, String database) {
        Objects.requireNonNull(uri, "uri");
        AuthToken auth;
        if (user == null || user.isEmpty()) {
            auth = AuthTokens.none();
        } else {
            String pw = password != null ? password : System.getenv(PASSWORD_ENV);
            if (pw == null) {
                throw new StoreException("no password for user " + user + ": set " + PASSWORD_ENV);
            }
            auth = AuthTokens.basic(user, pw);
        }
        Driver driver = connect(uri, auth);
        GraphStore store = new GraphStore(driver, database, null, "Neo4j at " + uri, -1);
        try {
            GraphSchema.ensure(store);
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        return store;
    }

    private static Driver connect(URI uri, AuthToken auth) {
        Config config = Config.builder()
                .withoutEncryption()
                .withConnectionTimeout(15, TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(16)
                .withLogging(Logging.none())
                .build();
        Driver driver = GraphDatabase.driver(uri, auth, config);
        try {
            driver.verifyConnectivity();
        } catch (AuthenticationException e) {
            driver.close();
            throw new StoreException("Neo4j at " + uri + " refused the credentials", e);
        } catch (ServiceUnavailableException e) {
            driver.close();
            throw new StoreException("cannot reach Neo4j at " + uri + ": " + e.getMessage(), e);
        }
        return driver;
    }

    public Driver driver() {
        Driver d = driver;
        if (d == null) {
            start();
            d = driver;
        }
        return d;
    }

    /** The database name, or null for the server's default database. */
    public String database() {
        return database;
    }

    /** A new session on this store's database; the caller closes it. */
    public Session session() {
        Driver d = driver();
        return database == null ? d.session() : d.session(SessionConfig.forDatabase(database));
    }

    /** The Bolt URI of the embedded store, or null for a remote one. */
    public URI embeddedBoltUri() {
        if (embeddedHome == null) {
            return null;
        }
        driver();
        return embedded.boltUri();
    }

    /**
     * The embedded store's database for in-process transactions (Neo4j's Java API: no Bolt, Cypher through
     * {@code Transaction.execute}), started if the store is new; null for a remote store. For the importers'
     * write path, where a batch's parameters would otherwise be packed and unpacked through Bolt.
     */
    public GraphDatabaseService embeddedDatabase() {
        if (embeddedHome == null) {
            return null;
        }
        driver();
        return embedded.database();
    }

    /** The embedded store's directory (its Neo4j home), or null for a remote store. */
    public Path embeddedHome() {
        return embeddedHome;
    }

    /** The file holding the embedded store's password (user {@value StoreSecret#USER}), or null for a remote store. */
    public Path embeddedSecretFile() {
        return embeddedHome == null ? null : StoreSecret.file(embeddedHome);
    }

    public boolean isEmbedded() {
        return embeddedHome != null;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public synchronized void close() {
        try {
            if (driver != null) { // else a new store never started: nothing was written
                try {
                    driver.close();
                } finally {
                    if (embedded != null) {
                        embedded.close();
                    }
                }
            }
        } finally {
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }
}
