package io.lockstep.evaluate;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ArchiveFile;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs simulate, detect and evaluate across difficulty levels and reports F1 against difficulty as a table (the
 * visualizer's {@code LineChart} draws it). Difficulty {@code d} in [0, 1] moves one or all knobs from easy to hard:
 * participation {@code 0.9 -> 0.3}, bot delay scale {@code 1 -> 20} (median 30 s to 10 min), camouflage share
 * {@code 0.1 -> 0.7}. An axis that is not swept stays at the preset's value.
 */
public final class DifficultySweep {
    /** What the difficulty axis of a plot means. */
    public static final String DIFFICULTY_LABEL =
            "difficulty (participation 0.9\u21920.3, bot delay 30 s\u219210 min, camouflage 0.1\u21920.7)";

    /** Which knobs a sweep line moves. */
    public enum Axis {
        ALL, PARTICIPATION, DELAY, CAMOUFLAGE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One run of the sweep.
     *
     * @param axis          the knobs moved
     * @param difficulty    0 (easy) to 1 (hard)
     * @param participation botnet and link-ring participation used
     * @param delayScale    bot delay scale used
     * @param camouflage    camouflage share used
     * @param result        the evaluation
     */
    public record Point(Axis axis, double difficulty, double participation, double delayScale, double camouflage,
                        EvaluationResult result) {
    }

    private final ScenarioConfig base;
    private final ArchiveDetector detector;
    private final Path workDir;

    /** Sweeps around {@code base} (its sizes, days and seed) with {@code detector}, writing runs under workDir. */
    public DifficultySweep(ScenarioConfig base, ArchiveDetector detector, Path workDir) {
        this.base = Objects.requireNonNull(base, "base");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    public static double participation(double d) {
        return 0.9 - 0.6 * d;
    }

    public static double delayScale(double d) {
        return 1 + 19 * d;
    }

    public static double camouflage(double d) {
        return 0.1 + 0.6 * d;
    }

    /** Runs {@code levels} (at least 2) evenly spaced difficulties on each axis. */
    public List<Point> run(List<Axis> axes, int levels, ProgressListener progress, TerminationFlag flag)
            throws IOException {
        if (levels < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 levels, got " + levels);
        }
        List<Point> points = new ArrayList<>();
        progress.begin("sweep", (long) axes.size() * levels);
        for (Axis axis : axes) {
            for (int i = 0; i < levels; i++) {
                flag.assertRunning();
                double d = i / (double) (levels - 1);
                double p = axis == Axis.ALL || axis == Axis.PARTICIPATION ? participation(d)
                        : base.botnet().participation();
                double s = axis == Axis.ALL || axis == Axis.DELAY ? delayScale(d)
                        : base.botnet().delayMedianSeconds() / ScenarioConfig.defaultBotnet(1).delayMedianSeconds();
                double c = axis == Axis.ALL || axis == Axis.CAMOUFLAGE ? camouflage(d) : base.botnet().camouflageShare();
                ScenarioConfig cfg = base.withDifficulty(p, s, c);
                Path dir = workDir.resolve(String.format(Locale.ROOT, "%s-%02d", axis.label(), i));
                new Simulator(cfg).write(dir, ProgressListener.NONE, flag);
                Path accounts = dir.resolve("accounts.csv");
                detector.writeVerdicts(dir, accounts);
                points.add(new Point(axis, d, p, s, c, Evaluation.evaluate(ArchiveFile.TRUTH.in(dir), accounts)));
                progress.advance(1);
            }
        }
        progress.end();
        return points;
    }

    /** The sweep as a Markdown table: one row per run. */
    public static String toMarkdown(List<Point> points) {
        StringBuilder sb = new StringBuilder("| axis | difficulty | participation | bot delay (median s) | camouflage "
                + "| precision | recall | F1 | FPR organic | FPR fandom | FPR news |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Point p : points) {
            EvaluationResult r = p.result();
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %.2f | %.3f | %.3f | %.3f | %s | %s | %s |%n",
                    p.axis().label(), p.difficulty(), p.participation(),
                    p.delayScale() * ScenarioConfig.defaultBotnet(1).delayMedianSeconds(), p.camouflage(),
                    r.precision(), r.recall(), r.f1(), fpr(r, "organic"), fpr(r, "fandom"), fpr(r, "news")));
        }
        return sb.toString();
    }

    /** The same rows as CSV. */
    public static String toCsv(List<Point> points) {
        StringBuilder sb = new StringBuilder(
                "axis,difficulty,participation,delay_scale,camouflage,precision,recall,f1,fpr_organic,fpr_fandom,fpr_news\n");
        for (Point p : points) {
            EvaluationResult r = p.result();
            sb.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%.4f,%.4f,%.4f,%s,%s,%s%n", p.axis().label(),
                    p.difficulty(), p.participation(), p.delayScale(), p.camouflage(), r.precision(), r.recall(),
                    r.f1(), fpr(r, "organic"), fpr(r, "fandom"), fpr(r, "news")));
        }
        return sb.toString();
    }

    /** False-positive rate over all groups with {@code label}, or empty text if there are none. */
    static String fpr(EvaluationResult r, String label) {
        double share = r.flaggedShare(label);
        return Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.4f", share);
    }

    /** Writes the table: Markdown for {@code .md}, CSV otherwise. */
    public static void writeTable(List<Point> points, Path file) throws IOException {
        String text = file.toString().endsWith(".md") ? toMarkdown(points) : toCsv(points);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
