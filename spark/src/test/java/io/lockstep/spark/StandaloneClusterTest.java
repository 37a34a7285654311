package io.lockstep.spark;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spark standalone cluster: a master and one worker, each its own JVM bound to 127.0.0.1, started from the
 * Spark jars the build copied into {@code target/spark-home/jars}. {@code analyze --engine spark --master
 * spark://127.0.0.1:PORT} goes through {@link ClusterSubmit} (SparkSubmit in a child JVM, executors on the worker)
 * and must write the default engine's outputs.
 */
class StandaloneClusterTest {
    @TempDir
    static Path tmp;
    static Process master;
    static Process worker;
    static int port;
    static int masterUi;
    static Path single;

    @BeforeAll
    static void startCluster() throws Exception {
        Path sparkHome = ClusterSubmit.sparkHome();
        port = freePort();
        masterUi = freePort();
        master = start(sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(masterUi));
        worker = start(sparkHome, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", Path.of("target", "spark-work").toAbsolutePath().toString(),
                "spark://127.0.0.1:" + port);
        // the default engine's run to compare with, made (or found made) while the master and the worker start
        single = AnalyzeSparkEngineTest.singleJvmRun();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (aliveWorkers() < 1) {
            assertThat(master.isAlive()).as("master running").isTrue();
            assertThat(worker.isAlive()).as("worker running").isTrue();
            assertThat(System.nanoTime()).as("worker registered within 120 s").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : new Process[]{worker, master}) {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    static Process start(Path sparkHome, String name, String mainClass, String... args) throws IOException {
        // the master and the worker only register and hand out one executor: no C2 compiler threads and no
        // parallel collector for them, so that they take as little as possible of the cores the test's work needs
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // the worker's command builder asks for the Scala version of an installation that has no build directories
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    static int aliveWorkers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + masterUi + "/json/").toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            String json = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0; // not up yet
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void analyzeOnTheStandaloneClusterWritesTheDefaultEnginesOutputs() throws IOException {
        Path out = tmp.resolve("out-cluster");
        AnalyzeSparkEngineTest.Run run = AnalyzeSparkEngineTest.lockstep(AnalyzeSparkEngineTest.args(out,
                tmp.resolve("store-cluster"), AnalyzeSparkEngineTest.files(single), "--engine", "spark", "--master",
                "spark://127.0.0.1:" + port, "--spark-conf", "spark.driver.host=127.0.0.1",
                "--spark-conf", "spark.executor.memory=512m", "--spark-conf", "spark.sql.shuffle.partitions=4",
                "--spark-conf", ArchiveActions.SPLIT_BYTES + "=65536", // tweets.csv in ranges, parsed on the worker
                "--load-archive"));
        assertThat(run.exit()).as(run.err()).isZero();
        AnalyzeSparkEngineTest.assertSameOutputs(single.resolve("out-single"), out);
        // --load-archive: the store holds the archive as the default engine's does
        assertThat(AnalyzeSparkEngineTest.storeStatistics(tmp.resolve("store-cluster")))
                .isEqualTo(AnalyzeSparkEngineTest.storeStatistics(single.resolve("store-single")));
    }
}
