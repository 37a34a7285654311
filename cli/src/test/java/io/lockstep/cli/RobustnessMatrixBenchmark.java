package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import io.lockstep.analysis.AnalysisDetector;
import io.lockstep.evaluate.RobustnessMatrix;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ArchiveFile;
import io.lockstep.simulate.ScenarioConfig;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The robustness matrix at full size: 22 archives of 3,000 and 9,000 accounts over 7 days (arguments: work directory,
 * smaller size, days, simulation seed, analysis seed), analysed with the defaults of {@code analyze} and the analysis
 * seed (default {@value AnalysisParams#DEFAULT_SEED}, whatever the simulation seed, so that the two vary
 * independently); prints each cell as it finishes and the
 * Markdown table of {@code docs/quality.md} with the load average before and after (read from {@code /proc/loadavg}).
 * Same as {@code lockstep evaluate --matrix}, plus the load figures. Each cell's simulated archive (3.6–3.9 GB for
 * the 22 cells of one seed) is deleted once the cell is scored; its {@code truth.csv} and {@code detected/} stay.
 * {@code -Dlockstep.matrix.keepArchives=true} keeps everything.
 *
 * <pre>
 * mvn -B -q -o -pl cli -am test-compile
 * java -cp cli/target/test-classes:cli/target/classes:... io.lockstep.cli.RobustnessMatrixBenchmark /tmp/matrix 3000 7 42 [43]
 * </pre>
 */
public final class RobustnessMatrixBenchmark {
    private RobustnessMatrixBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "matrix");
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        long analysisSeed = args.length > 4 ? Long.parseLong(args[4]) : AnalysisParams.DEFAULT_SEED;
        boolean keepArchives = Boolean.getBoolean("lockstep.matrix.keepArchives");
        String before = load();
        AnalysisOptions defaults = new AnalysisOptions();
        new CommandLine(defaults).parseArgs("--seed", Long.toString(analysisSeed));
        System.out.printf("simulation seed %d, analysis seed %d%n", seed, analysisSeed);
        RobustnessMatrix matrix = new RobustnessMatrix(new AnalysisDetector(defaults.params()), work);
        List<RobustnessMatrix.Result> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (RobustnessMatrix.Cell c : RobustnessMatrix.grid(accounts, days, ScenarioConfig.POSTS_PER_ACCOUNT_DEFAULT,
                seed)) {
            RobustnessMatrix.Result r = matrix.runCell(c, TerminationFlag.RUNNING_TRUE);
            if (!keepArchives) {
                for (ArchiveFile f : ArchiveFile.values()) {
                    if (f != ArchiveFile.TRUTH) {
                        Files.deleteIfExists(f.in(work.resolve(c.name())));
                    }
                }
            }
            results.add(r);
            System.out.printf("%s %.1f s %s%n", c.name(), r.seconds(), r.meetsTargets() ? "met" : r.misses());
            RobustnessMatrix.writeTable(results, work.resolve("matrix.csv"));
        }
        String table = RobustnessMatrix.toMarkdown(results) + String.format(
                "%nLoad average before: %s; after: %s; %.1f min in all.%n", before, load(),
                (System.nanoTime() - t0) / 6e10);
        Files.writeString(work.resolve("matrix.md"), table, StandardCharsets.UTF_8);
        System.out.print(table);
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
