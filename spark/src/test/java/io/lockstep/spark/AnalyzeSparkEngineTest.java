package io.lockstep.spark;

import io.lockstep.cli.Lockstep;
import io.lockstep.importer.Format;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreStatistics;
import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lockstep analyze --engine spark --master local[2]} end to end, against the default engine on the same
 * archive: the same coordination-edges.csv, accounts.csv and clusters.csv; a bad input is handled as the default
 * engine handles it (the same import runs first).
 */
class AnalyzeSparkEngineTest {
    @TempDir
    static Path tmp;
    static List<Path> files;
    static Path singleOut;
    /** The directory of {@link #singleJvmRun()}: made by the first class of the test JVM that asks for it. */
    private static Path singleJvmRun;

    @BeforeAll
    static void archiveAndSingleJvmRun() throws IOException {
        Path single = singleJvmRun();
        files = files(single);
        singleOut = single.resolve("out-single");
    }

    /**
     * The test archive in {@code DIR}/archive and the default engine's outputs and store in {@code DIR}/out-single
     * and {@code DIR}/store-single; returns {@code DIR}. Made once per test JVM and shared by the classes that compare
     * an engine with it (they only read it): the default engine's run is the same for all of them, and takes as long
     * as a Spark run. Deleted when the JVM exits.
     */
    static synchronized Path singleJvmRun() throws IOException {
        if (singleJvmRun == null) {
            Path dir = Files.createTempDirectory("lockstep-single-run-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            Path archive = dir.resolve("archive");
            new Simulator(ScenarioConfig.preset("mixed", 700, 3, 21L)).write(archive, ProgressListener.NONE);
            Run single = lockstep(args(dir.resolve("out-single"), dir.resolve("store-single"), files(dir)));
            assertThat(single.exit()).as(single.err()).isZero();
            singleJvmRun = dir;
        }
        return singleJvmRun;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    static List<Path> files(Path dir) {
        Path archive = dir.resolve("archive");
        return List.of(archive.resolve("users.csv"), archive.resolve("tweets.csv"), archive.resolve("follows.csv"));
    }

    record Run(int exit, String out, String err) {
    }

    static Run lockstep(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Lockstep.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    static List<String> args(Path out, Path store, List<Path> inputs, String... engine) {
        List<String> args = new ArrayList<>(List.of("analyze", "--quiet", "--out", out.toString(), "--store",
                store.toString()));
        args.addAll(List.of(engine));
        inputs.forEach(f -> args.add(f.toString()));
        return args;
    }

    /** Asserts that the three CSV outputs of two runs are equal, line by line. */
    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        for (String name : List.of("coordination-edges.csv", "accounts.csv", "clusters.csv")) {
            List<String> want = Files.readAllLines(expected.resolve(name));
            assertThat(Files.readAllLines(actual.resolve(name))).as(name).isEqualTo(want);
        }
        assertThat(Files.readAllLines(expected.resolve("coordination-edges.csv")).size())
                .as("the archive must produce coordination edges").isGreaterThan(10);
    }

    @Test
    void sparkEngineWritesTheSameOutputsAsTheDefaultEngine() throws IOException {
        SharedSpark.get();
        Path out = tmp.resolve("out-spark");
        // tweets.csv cut into ranges of 16 KB: parsed by many tasks
        assertThat(FileSplits.plan(files.get(1), Format.INFO_OPS_TWEETS, 16_384).size())
                .isGreaterThan(10);
        Run run = lockstep(args(out, tmp.resolve("store-spark"), files, "--engine", "spark", "--master", "local[2]",
                "--spark-conf", ArchiveActions.SPLIT_BYTES + "=16384"));
        SharedSpark.get().conf().unset(ArchiveActions.SPLIT_BYTES); // the session is shared by the JVM's tests
        assertThat(run.exit()).as(run.err()).isZero();
        assertSameOutputs(singleOut, out);
        assertThat(Files.exists(out.resolve("report.html"))).isTrue();
        assertThat(Files.exists(out.resolve("graph.graphml"))).isTrue();

        // the archive was read, not loaded: the store holds the results and the accounts they name only
        Map<String, Long> single = storeStatistics(singleJvmRun().resolve("store-single"));
        Map<String, Long> spark = storeStatistics(tmp.resolve("store-spark"));
        assertThat(spark).containsEntry("posts", 0L).containsEntry("follows", 0L).containsEntry("imports", 0L);
        long flagged = Files.readAllLines(singleOut.resolve("accounts.csv")).stream().filter(l -> l.contains(",true,"))
                .count();
        assertThat(flagged).isPositive();
        assertThat(spark.get("accounts")).isGreaterThanOrEqualTo(flagged).isLessThan(single.get("accounts"));
        // graph.graphml is exported from that store: the flagged accounts and their coordination edges
        assertThat(Files.readString(out.resolve("graph.graphml"))).contains(">coordinated<");
    }

    static Map<String, Long> storeStatistics(Path dir) {
        try (GraphStore store = GraphStore.embedded(dir)) {
            return StoreStatistics.read(store);
        }
    }


    @Test
    void aBadInputIsRejectedAsOnTheDefaultEngine() throws IOException {
        Path junk = tmp.resolve("notes.txt");
        Files.writeString(junk, "this is not an archive\nat all\n");
        List<Path> withJunk = new ArrayList<>(files);
        withJunk.add(junk);
        Run single = lockstep(args(tmp.resolve("bad-single"), tmp.resolve("bad-store-single"), withJunk));
        SharedSpark.get();
        Run spark = lockstep(args(tmp.resolve("bad-spark"), tmp.resolve("bad-store-spark"), withJunk, "--engine",
                "spark", "--master", "local[2]"));
        assertThat(single.exit()).isNotZero();
        assertThat(spark.exit()).isEqualTo(single.exit());
        assertThat(spark.err().replace("bad-store-spark", "STORE").replace("bad-spark", "OUT"))
                .isEqualTo(single.err().replace("bad-store-single", "STORE").replace("bad-single", "OUT"));
        assertThat(spark.err()).contains("notes.txt");
    }

    @Test
    void anUnknownEngineNamesTheKnownOnes() {
        Run run = lockstep(args(tmp.resolve("x"), tmp.resolve("x-store"), files, "--engine", "flink"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--engine: no engine 'flink'").contains("single, spark");
    }
}
