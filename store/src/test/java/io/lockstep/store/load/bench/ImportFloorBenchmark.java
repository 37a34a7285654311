package io.lockstep.store.load.bench;

import io.lockstep.store.FirstStartProbe;
import org.neo4j.io.fs.FileUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor under a fresh bulk load's end-to-end time: the parts that are Neo4j's own and that no loader of ours
 * can skip, each measured in a JVM of its own on the files a load of ours staged, next to the loads themselves.
 *
 * <ol>
 *   <li>the bulk load, each in a JVM of its own ({@link StagedLoad}, as {@code lockstep import --store NEW}): CSV
 *   staging (its files kept), binary staging through the importer's Input API, and binary with the warm-up of the
 *   store's first start beside the importer;</li>
 *   <li>(a) Neo4j's importer alone on the kept CSV files ({@link ImporterAlone}, as {@code neo4j-admin} runs it);</li>
 *   <li>(b) the DBMS's first start on the imported store and (c) creating and populating the constraints and indexes
 *   ({@link FirstStartProbe}), in a cold JVM and in one a throwaway store's start and schema warmed first;</li>
 *   <li>(d) the importer alone again with a throwaway store starting beside it (what the load's warm-up does).</li>
 * </ol>
 *
 * <p>Usage: {@code ImportFloorBenchmark WORKDIR POSTS} (a generated archive, seed 42, as {@link ImportBenchmark});
 * everything is written under WORKDIR, which the caller deletes.
 */
public final class ImportFloorBenchmark {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        int posts = Integer.parseInt(args[1]);
        if (posts < 1) {
            throw new IllegalArgumentException("posts must be at least 1, was " + posts);
        }
        Files.createDirectories(work);
        Path archive = work.resolve("bench_tweets.csv");
        if (!Files.exists(archive)) {
            ArchiveGenerator.write(archive, 42, posts, 1_000_000_000L);
        }
        Path kept = work.resolve("staged");
        Path argumentFile = work.resolve("arguments.txt");
        print("load, CSV staging", child(StagedLoad.class, work.resolve("store-csv").toString(), archive.toString(),
                "csv", "false", kept.toString(), argumentFile.toString()));
        FileUtils.deleteDirectory(work.resolve("store-csv"));
        print("load, binary staging", child(StagedLoad.class, work.resolve("store-binary").toString(),
                archive.toString(), "binary", "false"));
        FileUtils.deleteDirectory(work.resolve("store-binary"));
        print("load, binary staging, warm-up", child(StagedLoad.class, work.resolve("store-binary-w").toString(),
                archive.toString(), "binary", "true"));
        FileUtils.deleteDirectory(work.resolve("store-binary-w"));
        print("(a) importer alone, own JVM", child(ImporterAlone.class, work.resolve("alone-1").toString(),
                kept.toString(), argumentFile.toString()));
        print("(b)+(c) first start and schema, cold JVM", child(FirstStartProbe.class,
                work.resolve("alone-1").toString(), "cold"));
        FileUtils.deleteDirectory(work.resolve("alone-1"));
        print("(a) importer alone, own JVM, again", child(ImporterAlone.class, work.resolve("alone-2").toString(),
                kept.toString(), argumentFile.toString()));
        print("(b)+(c) first start and schema, warmed JVM", child(FirstStartProbe.class,
                work.resolve("alone-2").toString(), "warm"));
        FileUtils.deleteDirectory(work.resolve("alone-2"));
        print("(d) importer alone, own JVM, a throwaway store starting beside it", child(ImporterAlone.class,
                work.resolve("alone-3").toString(), kept.toString(), argumentFile.toString(), "warm-up"));
    }

    private static void print(String what, List<String> lines) {
        System.out.println(what + ": " + String.join("\n", lines));
    }

    /** Runs {@code main} in a JVM of its own (this one's heap options and class path); returns its result lines. */
    static List<String> child(Class<?> main, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:+Use")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed: " + out);
        }
        List<String> lines = new ArrayList<>(out.lines().filter(l -> l.startsWith("importer ") || l.startsWith("probe ")
                || l.startsWith("  ") || l.startsWith("warm-up") || l.startsWith("load ")).toList());
        lines.add(String.format("(process %.1f s, %s)", (System.nanoTime() - t0) / 1e9,
                Files.readString(Path.of("/proc/loadavg")).strip()));
        return lines;
    }

    private ImportFloorBenchmark() {
    }
}
