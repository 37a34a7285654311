package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.CoActionKernel;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.importer.ArchiveParsing;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Runs {@link SparkJob} on a cluster master ({@code spark://}, {@code yarn}, {@code k8s://}) through Spark's own
 * submission class, {@code org.apache.spark.deploy.SparkSubmit}, in a child JVM started with the Java 17
 * {@code --add-opens} options of Spark's launcher ({@link JavaModuleOptions}) and the jars of {@code SPARK_HOME}:
 * the driver runs in that child (client mode), the executors on the cluster. The application jar is this module's
 * jar; the jars of core, the importers' parsers, fastutil and commons-csv go with it ({@code --jars}). A classes
 * directory (a build's {@code target/classes}) is packed into a jar first.
 *
 * <p>The archive files must be readable at the same path on every executor (a shared file system). {@code SPARK_HOME}
 * comes from the environment, else the system property {@code lockstep.spark.home}, else {@code spark-home} beside
 * this module's jar (the build's local bundle).
 */
final class ClusterSubmit {
    private final String master;
    private final Map<String, String> conf;

    ClusterSubmit(String master, Map<String, String> conf) {
        this.master = master;
        this.conf = new LinkedHashMap<>(conf);
    }

    SparkEngine.Distributed run(Activity activity, List<Path> files, SparkCoActions.Plan plan, Set<String> signals,
                                boolean follows) throws IOException {
        Path dir = Files.createTempDirectory("lockstep-spark-job");
        try {
            String[] accounts = new String[activity.accountCount()];
            for (int a = 0; a < accounts.length; a++) {
                accounts[a] = activity.accountId(a);
            }
            List<Row> items = Dictionaries.itemKeys(activity, signals);
            int[] itemSignals = new int[items.size()];
            String[] itemNames = new String[items.size()];
            int[] keys = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                itemSignals[i] = items.get(i).getInt(0);
                itemNames[i] = items.get(i).getString(1);
                keys[i] = items.get(i).getInt(2);
            }
            List<Row> posts = plan.text() == null ? List.of() : Dictionaries.textPosts(activity);
            String[] textPosts = new String[posts.size()];
            int[] textIndexes = new int[posts.size()];
            for (int i = 0; i < posts.size(); i++) {
                textPosts[i] = posts.get(i).getString(0);
                textIndexes[i] = posts.get(i).getInt(1);
            }
            SparkJob.writeSpec(new SparkJob.Spec(files.stream().map(f -> f.toAbsolutePath().toString()).toList(),
                    plan, accounts, itemSignals, itemNames, keys, textPosts, textIndexes, follows), dir);
            Path log = dir.resolve("spark-submit.log");
            Process process = new ProcessBuilder(command(dir)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the Spark job ran", e);
            }
            Path edges = dir.resolve(SparkJob.EDGES);
            if (exit != 0 || !Files.exists(edges)) {
                throw new IllegalStateException("the Spark job on " + master + " failed (exit " + exit + "):\n"
                        + tail(log, 40));
            }
            return new SparkEngine.Distributed(SparkJob.readEdges(edges),
                    follows ? SparkJob.readFollows(dir.resolve(SparkJob.FOLLOWS)) : null);
        } finally {
            deleteTree(dir);
        }
    }

    List<String> command(Path dir) throws IOException {
        Path sparkHome = sparkHome();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add("-Dio.netty.tryReflectionSetAccessible=true");
        String driverMemory = conf.get("spark.driver.memory");
        cmd.add("-Xmx" + (driverMemory == null ? "1g" : driverMemory));
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + "/*");
        cmd.add("org.apache.spark.deploy.SparkSubmit");
        cmd.add("--master");
        cmd.add(master);
        cmd.add("--deploy-mode");
        cmd.add("client");
        cmd.add("--class");
        cmd.add(SparkJob.class.getName());
        Set<Path> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(CoActionKernel.class, ArchiveParsing.class, LongArrayList.class, CSVFormat.class)) {
            jars.add(jarOf(c, dir));
        }
        cmd.add("--jars");
        cmd.add(String.join(",", jars.stream().map(Path::toString).toList()));
        cmd.add("--conf");
        cmd.add("spark.ui.enabled=false");
        for (Map.Entry<String, String> e : conf.entrySet()) {
            cmd.add("--conf");
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        cmd.add(jarOf(SparkJob.class, dir).toString());
        cmd.add(dir.toString());
        return cmd;
    }

    static Path sparkHome() {
        String env = System.getenv("SPARK_HOME");
        String prop = System.getProperty("lockstep.spark.home");
        Path home;
        if (env != null && !env.isBlank()) {
            home = Path.of(env);
        } else if (prop != null && !prop.isBlank()) {
            home = Path.of(prop);
        } else {
            home = location(SparkJob.class).resolveSibling("spark-home");
        }
        if (!Files.isDirectory(home.resolve("jars"))) {
            throw new IllegalStateException("no Spark jars in " + home.resolve("jars")
                    + ": set SPARK_HOME to a Spark 4.0 installation (or build the spark module: mvn package)");
        }
        return home;
    }

    /** The jar holding {@code c}; a classes directory is packed into {@code dir} first. */
    static Path jarOf(Class<?> c, Path dir) throws IOException {
        Path where = location(c);
        if (Files.isRegularFile(where)) {
            return where;
        }
        Path jar = dir.resolve(where.getParent().getFileName() + "-" + Math.abs(where.hashCode()) + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(where)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(where.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
