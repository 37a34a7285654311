package io.lockstep.cli;

import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Serves an embedded store over Bolt on loopback until interrupted, so that Neo4j tools (cypher-shell, Neo4j
 * Browser pointed at the URI) and other Lockstep processes ({@code --neo4j URI}) can use it. The store admits only
 * user {@value StoreSecret#USER} with the password in the store's secret file; the first lines printed say how to
 * connect.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Serve the embedded store over Bolt on 127.0.0.1 until interrupted (Ctrl-C).",
                "Clients log in as user neo4j with the password in DIR/" + StoreSecret.FILE_NAME
                        + " (readable by you only)."})
public final class ServerCommand extends LockstepCommand {
    @Mixin
    StoreDirOption storeDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Bolt port on 127.0.0.1 (default: a free port, printed at start).")
    @Range(min = 0, max = 65535)
    int port;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (GraphStore graph = GraphStore.embedded(storeDir.store(), port)) {
            Thread hook = new Thread(stopped::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = stdout();
            Path secret = graph.embeddedSecretFile();
            out.println("bolt=" + graph.embeddedBoltUri());
            out.println("user=" + StoreSecret.USER);
            out.println("password-file=" + secret);
            out.println("serving " + storeDir.store().toAbsolutePath() + "; Ctrl-C to stop");
            out.println("connect: lockstep stats --neo4j " + graph.embeddedBoltUri() + " --user " + StoreSecret.USER
                    + " --password-file " + secret);
            out.println("         cypher-shell -a " + graph.embeddedBoltUri() + " -u " + StoreSecret.USER
                    + " -p \"$(cat " + secret + ")\"");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
