package io.lockstep.evaluate;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Runs simulate, detect and evaluate across difficulty levels and reports F1 against difficulty as a table and a
 * PNG plot. Difficulty {@code d} in [0, 1] moves one or all knobs from easy to hard:
 * participation {@code 0.9 -> 0.3}, bot delay scale {@code 1 -> 20} (median 30 s to 10 min), camouflage share
 * {@code 0.1 -> 0.7}. An axis that is not swept stays at the preset's value.
 */
public final class DifficultySweep {
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
    private final Detector detector;
    private final Path workDir;

    /** Sweeps around {@code base} (its sizes, days and seed) with {@code detector}, writing runs under workDir. */
    public DifficultySweep(ScenarioConfig base, Detector detector, Path workDir) {
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
                detector.detect(dir, accounts);
                points.add(new Point(axis, d, p, s, c, Evaluation.evaluate(dir.resolve("truth.csv"), accounts)));
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
        long size = 0;
        long flagged = 0;
        for (GroupScore g : r.groups()) {
            if (g.label().equals(label)) {
                size += g.size();
                flagged += g.flagged();
            }
        }
        return size == 0 ? "" : String.format(Locale.ROOT, "%.4f", flagged / (double) size);
    }

    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e)};

    /** Draws F1 (y, 0..1) against difficulty (x, 0..1), one line per axis, and writes it as PNG. */
    public static void plot(List<Point> points, String title, Path png) throws IOException {
        int w = 800;
        int h = 500;
        int left = 70;
        int right = 170;
        int top = 50;
        int bottom = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int pw = w - left - right;
            int ph = h - top - bottom;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i <= 10; i++) {
                int y = top + ph - i * ph / 10;
                int x = left + i * pw / 10;
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(left, y, left + pw, y);
                g.drawLine(x, top, x, top + ph);
                g.setColor(Color.DARK_GRAY);
                if (i % 2 == 0) {
                    g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), left - 30, y + 4);
                    g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), x - 9, top + ph + 18);
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(left, top, pw, ph);
            g.drawString("difficulty (participation 0.9\u21920.3, bot delay 30 s\u219210 min, camouflage 0.1\u21920.7)",
                    left, h - 18);
            g.drawString("F1", 20, top + ph / 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, left, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            Map<Axis, List<Point>> lines = new LinkedHashMap<>();
            for (Point p : points) {
                lines.computeIfAbsent(p.axis(), k -> new ArrayList<>()).add(p);
            }
            int legend = 0;
            g.setStroke(new BasicStroke(2.5f));
            for (Map.Entry<Axis, List<Point>> e : lines.entrySet()) {
                Color color = COLORS[e.getKey().ordinal() % COLORS.length];
                g.setColor(color);
                int px = -1;
                int py = -1;
                for (Point p : e.getValue()) {
                    int x = left + (int) Math.round(p.difficulty() * pw);
                    int y = top + ph - (int) Math.round(p.result().f1() * ph);
                    if (px >= 0) {
                        g.drawLine(px, py, x, y);
                    }
                    g.fillOval(x - 5, y - 5, 10, 10);
                    px = x;
                    py = y;
                }
                int ly = top + 20 + legend * 22;
                g.fillRect(left + pw + 20, ly - 8, 24, 8);
                g.setColor(Color.BLACK);
                g.drawString(e.getKey().label(), left + pw + 52, ly);
                legend++;
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(img, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** Writes {@code table} next to the plot: Markdown for {@code .md}, CSV otherwise. */
    public static void writeTable(List<Point> points, Path file) throws IOException {
        String text = file.toString().endsWith(".md") ? toMarkdown(points) : toCsv(points);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
