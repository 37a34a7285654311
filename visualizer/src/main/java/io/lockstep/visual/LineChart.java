package io.lockstep.visual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A line chart of a few series on the unit square (x and y in [0, 1]), drawn with Java2D: a tenth grid, one coloured
 * line with dots per series, a legend on the right. {@code evaluate --sweep} plots F1 against difficulty with it.
 */
public final class LineChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    static final int LEFT = 70;
    static final int RIGHT = 170;
    static final int TOP = 50;
    static final int BOTTOM = 60;
    private static final Color GRID = new Color(0xe0e0e0);
    static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e)};

    /** One point of a series. */
    public record Point(double x, double y) {
        public Point {
            if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
                throw new IllegalArgumentException("a point must lie in [0, 1] x [0, 1], got (" + x + ", " + y + ")");
            }
        }
    }

    /** A named line, its points in drawing order. */
    public record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    private LineChart() {
    }

    /** Draws {@code series} under {@code title} with the given axis labels. */
    public static BufferedImage draw(List<Series> series, String title, String xLabel, String yLabel) {
        BufferedImage img = Canvas.blank(WIDTH, HEIGHT);
        Graphics2D g = Canvas.begin(img);
        try {
            int pw = WIDTH - LEFT - RIGHT;
            int ph = HEIGHT - TOP - BOTTOM;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i <= 10; i++) {
                int y = TOP + ph - i * ph / 10;
                int x = LEFT + i * pw / 10;
                g.setColor(GRID);
                g.drawLine(LEFT, y, LEFT + pw, y);
                g.drawLine(x, TOP, x, TOP + ph);
                g.setColor(Color.DARK_GRAY);
                if (i % 2 == 0) {
                    g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), LEFT - 30, y + 4);
                    g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), x - 9, TOP + ph + 18);
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, pw, ph);
            g.drawString(xLabel, LEFT, HEIGHT - 18);
            g.drawString(yLabel, 20, TOP + ph / 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, LEFT, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setStroke(new BasicStroke(2.5f));
            for (int s = 0; s < series.size(); s++) {
                Color colour = COLOURS[s % COLOURS.length];
                g.setColor(colour);
                int px = -1;
                int py = -1;
                for (Point p : series.get(s).points()) {
                    int x = LEFT + (int) Math.round(p.x() * pw);
                    int y = TOP + ph - (int) Math.round(p.y() * ph);
                    if (px >= 0) {
                        g.drawLine(px, py, x, y);
                    }
                    g.fillOval(x - 5, y - 5, 10, 10);
                    px = x;
                    py = y;
                }
                int ly = TOP + 20 + s * 22;
                g.fillRect(LEFT + pw + 20, ly - 8, 24, 8);
                g.setColor(Color.BLACK);
                g.drawString(series.get(s).name(), LEFT + pw + 52, ly);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Draws the chart and writes it as PNG. */
    public static void writePng(List<Series> series, String title, String xLabel, String yLabel, Path png)
            throws IOException {
        Canvas.writePng(draw(series, title, xLabel, yLabel), png);
    }
}
