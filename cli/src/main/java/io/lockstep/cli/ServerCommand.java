package io.lockstep.cli;

import io.lockstep.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Serves an embedded store over Bolt on loopback until interrupted, so that Neo4j tools (cypher-shell, Neo4j
 * Browser pointed at the URI) and other Lockstep processes ({@code --neo4j URI}) can use it.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serve the embedded store over Bolt on 127.0.0.1 until interrupted (Ctrl-C).")
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = StoreOptions.DEFAULT_STORE,
            description = "Embedded Neo4j store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Bolt port on 127.0.0.1 (default: a free port, printed at start).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (GraphStore graph = GraphStore.embedded(store, port)) {
            Thread hook = new Thread(stopped::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = spec.commandLine().getOut();
            out.println("bolt=" + graph.embeddedBoltUri());
            out.println("serving " + store.toAbsolutePath() + "; Ctrl-C to stop");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
