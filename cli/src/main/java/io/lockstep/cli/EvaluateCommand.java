package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import io.lockstep.analysis.LockstepDetector;
import io.lockstep.evaluate.Detector;
import io.lockstep.evaluate.DifficultySweep;
import io.lockstep.evaluate.Evaluation;
import io.lockstep.evaluate.EvaluationResult;
import io.lockstep.evaluate.FastRetweetBaseline;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.visual.LineChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
import java.util.concurrent.Callable;

/** Scores verdicts against a simulated truth, or sweeps detection quality across difficulty levels. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Print precision, recall and F1 (overall and per group) of accounts.csv against truth.csv, "
                + "and the false-positive rate on each hard negative (fandom, news) and on organic accounts.",
                "With --sweep: simulate, detect and evaluate across difficulty levels; write a table and a PNG plot "
                        + "of F1 against difficulty."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--truth", paramLabel = "FILE", description = "truth.csv written by simulate.")
    Path truth;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "accounts.csv with columns account_id and suspicious (true/false).")
    Path accounts;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the table: Markdown if FILE ends in .md, CSV otherwise.")
    Path out;

    @Option(names = "--sweep", description = "Run simulate + detect + evaluate across difficulty levels.")
    boolean sweep;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "sweep",
            description = "Sweep: directory for the generated archives, table and plot (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--sweep-accounts", paramLabel = "N", defaultValue = "3000",
            description = "Sweep: accounts per simulated archive (default: ${DEFAULT-VALUE}).")
    int sweepAccounts;

    @Option(names = "--days", paramLabel = "D", defaultValue = "7", description = "Sweep: days (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    SeedOption seed;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "mixed",
            description = "Sweep: scenario preset (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--levels", paramLabel = "K", defaultValue = "5",
            description = "Sweep: difficulty levels from 0 to 1 (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--axes", paramLabel = "AXIS", split = ",", defaultValue = "all",
            description = "Sweep: all, participation, delay, camouflage (comma-separated; default: ${DEFAULT-VALUE}).")
    List<DifficultySweep.Axis> axes;

    /** The detectors a sweep can run. */
    enum DetectorName {
        /** The analyze pipeline, archive read in memory. */
        LOCKSTEP,
        /** The naive fast-retweet rule. */
        BASELINE
    }

    @Option(names = "--detector", paramLabel = "NAME", defaultValue = "lockstep",
            description = "Sweep: the detector: 'lockstep' (the analyze pipeline, archive read in memory) or 'baseline' (the naive fast-retweet "
                    + "rule) (default: ${DEFAULT-VALUE}).")
    DetectorName detector;

    @Override
    public Integer call() throws IOException {
        return sweep ? sweep() : evaluateOnce();
    }

    private int evaluateOnce() throws IOException {
        if (truth == null || accounts == null) {
            throw new ParameterException(spec.commandLine(), "evaluate needs --truth FILE and --accounts FILE (or --sweep)");
        }
        EvaluationResult r = Evaluation.evaluate(truth, accounts);
        PrintWriter w = spec.commandLine().getOut();
        w.print(r.toText());
        if (out != null) {
            String text = out.toString().endsWith(".md") ? r.toMarkdown() : r.toCsv();
            Files.writeString(out, text, StandardCharsets.UTF_8);
            w.println("wrote " + out);
        }
        w.flush();
        return 0;
    }

    private Detector detector() {
        return switch (detector) {
            case BASELINE -> FastRetweetBaseline.DEFAULT;
            case LOCKSTEP -> new LockstepDetector(AnalysisParams.defaults().withSeed(seed.seed()));
        };
    }

    private int sweep() throws IOException {
        List<DifficultySweep.Axis> list = List.copyOf(axes);
        Detector d = detector();
        ScenarioConfig base = ScenarioConfig.preset(scenario, sweepAccounts, days, seed.seed());
        List<DifficultySweep.Point> points = new DifficultySweep(base, d, work)
                .run(list, levels, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Path table = out != null ? out : work.resolve("sweep.md");
        DifficultySweep.writeTable(points, table);
        Path png = work.resolve("sweep.png");
        LineChart.writePng(f1Lines(points), "F1 against difficulty (" + detector.name().toLowerCase(Locale.ROOT) + ", " + scenario + ", "
                + sweepAccounts + " accounts)", DifficultySweep.DIFFICULTY_LABEL, "F1", png);
        PrintWriter w = spec.commandLine().getOut();
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
