package io.lockstep.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Neo4j server in another JVM ({@code lockstep server}), standing in for a user's own Neo4j: tests reach it only
 * over {@code bolt://}, exactly as they would a remote server.
 */
final class SeparateNeo4jServer implements AutoCloseable {
    private final Process process;
    private final URI bolt;

    private SeparateNeo4jServer(Process process, URI bolt) {
        this.process = process;
        this.bolt = bolt;
    }

    static SeparateNeo4jServer start(Path storeDir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Lockstep.class.getName(), "server", "--store", storeDir.toString()))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("bolt=")) {
                URI uri = URI.create(line.substring("bolt=".length()).trim());
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty so the server never blocks on its output
                        }
                    } catch (IOException ignored) {
                        // the server has exited
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new SeparateNeo4jServer(p, uri);
            }
        }
        p.destroyForcibly();
        throw new IOException("lockstep server did not start:\n" + seen);
    }

    URI bolt() {
        return bolt;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
