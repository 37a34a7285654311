package io.lockstep.cli;

import io.lockstep.analysis.AnalysisFiles;
import io.lockstep.evaluate.ArchiveScore;
import io.lockstep.evaluate.ArchiveDetector;
import io.lockstep.evaluate.DifficultySweep;
import io.lockstep.evaluate.Evaluation;
import io.lockstep.evaluate.EvaluationResult;
import io.lockstep.evaluate.RobustnessMatrix;
import io.lockstep.evaluate.SeedSpread;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ArchiveFile;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.store.DirectoryLock;
import io.lockstep.visual.LineChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Scores verdicts against a simulated truth, or sweeps detection quality across difficulty levels. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Print precision, recall and F1 (overall and per group) of accounts.csv against truth.csv, "
                + "and the false-positive rate on each hard negative (fandom, news) and on organic accounts.",
                "With --sweep: simulate, detect and evaluate across difficulty levels; write a table and a PNG plot "
                        + "of F1 against difficulty."})
public final class EvaluateCommand extends LockstepCommand {
    @Mixin
    EvaluationFiles files;

    @Option(names = "--archive", paramLabel = "DIR",
            description = "Run the detector on a labelled archive (DIR/users.csv, tweets.csv, follows.csv and truth.csv, "
                    + "as written by simulate or bench/independent_archive.py), write its verdicts, clusters and "
                    + "coordination edges to --work, and print the scores, the evidence rows per flagged account and "
                    + "the signals behind each group's flags.")
    Path archive;

    @Option(names = "--matrix", description = "Run the robustness matrix: 22 simulated archives spanning size, "
            + "community count, homophily, popularity exponent and followerless accounts, each with every planted "
            + "operation (an aged farm included) and both hard negatives; print and write the false-positive rates, "
            + "recalls, F1 and evidence rows per flagged account of each, and whether the targets of docs/quality.md "
            + "hold.")
    boolean matrix;

    /** The smallest matrix archive in which every planted group fits ({@link RobustnessMatrix#grid}'s limit). */
    static final int MATRIX_MIN_ACCOUNTS = 600;

    @Option(names = "--matrix-accounts", paramLabel = "N", defaultValue = "3000",
            description = "Matrix: the smaller archive size; the larger is 3 N (default: ${DEFAULT-VALUE}).")
    @Range(min = MATRIX_MIN_ACCOUNTS, max = ScenarioOptions.MAX_ACCOUNTS / 3)
    int matrixAccounts;

    @Option(names = "--sweep", description = "Run simulate + detect + evaluate across difficulty levels.")
    boolean sweep;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "sweep",
            description = "Sweep, matrix and --archive: directory for the generated archives, verdicts, tables and plot "
                    + "(default: ${DEFAULT-VALUE}); locked while the run lasts, so parallel runs need one each.")
    Path work;

    /** Sweep: the scenario; sweep and matrix: the days (7 unless {@code --days} says otherwise); everywhere: the seed. */
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions(7);

    @Mixin
    SweepOptions sweepOptions;

    @Mixin
    DetectorOptions detector;

    @Override
    public Integer call() throws IOException {
        if (detector.analysisSeeds != null && archive == null) {
            throw new ParameterException(spec.commandLine(), "--analysis-seeds needs --archive DIR");
        }
        if (archive == null && !matrix && !sweep) {
            return evaluateOnce();
        }
        // one run per --work: two runs sharing it would score each other's verdicts
        try (DirectoryLock lock = Checks.lockedDirectory(spec, "--work", work, "another run of evaluate")) {
            if (archive != null) {
                return evaluateArchive();
            }
            return matrix ? matrix() : sweep();
        }
    }

    private int evaluateOnce() throws IOException {
        if (!files.scoring()) {
            throw new ParameterException(spec.commandLine(), "evaluate needs --truth FILE and --accounts FILE (or --sweep)");
        }
        EvaluationResult r = Evaluation.evaluate(files.truth, files.accounts);
        PrintWriter w = stdout();
        w.print(r.toText());
        Path out = files.out;
        if (out != null) {
            String text = out.toString().endsWith(".md") ? r.toMarkdown() : r.toCsv();
            Files.writeString(out, text, StandardCharsets.UTF_8);
            w.println("wrote " + out);
        }
        w.flush();
        return 0;
    }

    private int evaluateArchive() throws IOException {
        if (!Files.isRegularFile(ArchiveFile.TRUTH.in(archive))) {
            throw new ParameterException(spec.commandLine(),
                    "--archive " + archive + " has no " + ArchiveFile.TRUTH.fileName());
        }
        if (detector.analysisSeeds != null) {
            return evaluateArchiveOverSeeds();
        }
        ArchiveScore score = scoreArchive(detector.detector(scenario.seed()), work);
        Path out = files.out;
        if (out != null) {
            Files.writeString(out, score.toMarkdown(), StandardCharsets.UTF_8);
            stdout().println("wrote " + out);
        }
        stdout().flush();
        return 0;
    }

    /** Runs {@code d} on the archive with its files in {@code dir}, prints its scores and returns them. */
    private ArchiveScore scoreArchive(ArchiveDetector d, Path dir) throws IOException {
        Path accountsCsv = dir.resolve("accounts.csv");
        long t0 = System.nanoTime();
        d.writeVerdicts(archive, accountsCsv);
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        ArchiveScore score = ArchiveScore.of(ArchiveFile.TRUTH.in(archive), accountsCsv,
                dir.resolve(AnalysisFiles.EDGES));
        PrintWriter w = stdout();
        w.print(score.result().toText());
        w.printf(Locale.ROOT, "flagged %d accounts; coordination-edges.csv %d rows; read + detect %.1f s%n",
                score.flagged(), score.edgeRows(), ms / 1000.0);
        score.signalsByGroup().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> w.println("  " + e.getKey() + " flagged by " + e.getValue()));
        w.flush();
        return score;
    }

    /** {@code --archive} with {@code --analysis-seeds}: one run per seed, then how the scores spread over them. */
    private int evaluateArchiveOverSeeds() throws IOException {
        List<Long> seeds = detector.analysisSeeds;
        if (detector.analysisSeed != null) {
            throw new ParameterException(spec.commandLine(), "--analysis-seeds replaces --analysis-seed: give one");
        }
        if (seeds.size() < 2 || seeds.stream().distinct().count() != seeds.size()) {
            throw new ParameterException(spec.commandLine(),
                    "--analysis-seeds needs at least two distinct seeds, got " + seeds);
        }
        PrintWriter w = stdout();
        List<EvaluationResult> results = new ArrayList<>();
        for (long seed : seeds) {
            w.println("seed " + seed + ":");
            results.add(scoreArchive(detector.seeded(seed), work.resolve("seed-" + seed)).result());
        }
        SeedSpread spread = new SeedSpread(seeds, results);
        w.print(spread.toText());
        Path table = files.table(work.resolve("seed-spread.md"));
        Files.createDirectories(table.toAbsolutePath().getParent());
        Files.writeString(table, spread.toMarkdown(), StandardCharsets.UTF_8);
        w.println("wrote " + table);
        w.flush();
        return 0;
    }

    private int matrix() throws IOException {
        List<RobustnessMatrix.Cell> cells = RobustnessMatrix.grid(matrixAccounts, scenario.days(),
                ScenarioConfig.POSTS_PER_ACCOUNT_DEFAULT, scenario.seed());
        PrintWriter w = stdout();
        RobustnessMatrix m = new RobustnessMatrix(detector.detector(scenario.seed()), work);
        List<RobustnessMatrix.Result> results = new ArrayList<>();
        for (RobustnessMatrix.Cell c : cells) {
            RobustnessMatrix.Result r = m.runCell(c, TerminationFlag.RUNNING_TRUE);
            results.add(r);
            w.printf(Locale.ROOT, "%s: organic FPR %.4f, fandom %.3f, lowest recall %.3f, aged farm %.3f, "
                    + "F1 %.3f (without the aged farm %.3f), %.1f s%s%n", c.name(), r.organicFpr(), r.fandomFpr(),
                    r.minRecall(), r.agedFarmRecall(), r.f1(), r.f1WithoutAgedFarm(), r.seconds(),
                    r.meetsTargets() ? "" : " (missed: " + r.misses() + ")");
            w.flush();
            RobustnessMatrix.writeTable(results, work.resolve("matrix.csv"));
        }
        Path table = files.table(work.resolve("matrix.md"));
        RobustnessMatrix.writeTable(results, table);
        w.print(RobustnessMatrix.toMarkdown(results));
        w.println("wrote " + table);
        w.flush();
        return 0;
    }

    private int sweep() throws IOException {
        ArchiveDetector d = detector.detector(scenario.seed());
        ScenarioConfig base = scenario.preset(sweepOptions.accounts);
        List<DifficultySweep.Point> points = new DifficultySweep(base, d, work)
                .run(sweepOptions.axes(), sweepOptions.levels, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Path table = files.table(work.resolve("sweep.md"));
        DifficultySweep.writeTable(points, table);
        Path png = work.resolve("sweep.png");
        LineChart.writePng(f1Lines(points), "F1 against difficulty (" + detector.label() + ", "
                + scenario.scenario() + ", " + sweepOptions.accounts + " accounts)", DifficultySweep.DIFFICULTY_LABEL, "F1", png);
        PrintWriter w = stdout();
        w.print(DifficultySweep.toMarkdown(points));
        w.println("wrote " + table + " and " + png);
        w.flush();
        return 0;
    }

    /** One line per swept axis: F1 against difficulty. */
    static List<LineChart.Series> f1Lines(List<DifficultySweep.Point> points) {
        Map<DifficultySweep.Axis, List<LineChart.Point>> lines = new LinkedHashMap<>();
        for (DifficultySweep.Point p : points) {
            lines.computeIfAbsent(p.axis(), k -> new ArrayList<>())
                    .add(new LineChart.Point(p.difficulty(), p.result().f1()));
        }
        List<LineChart.Series> out = new ArrayList<>();
        lines.forEach((axis, line) -> out.add(new LineChart.Series(axis.label(), line)));
        return out;
    }
}
