package io.lockstep.visual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A per-minute activity plot drawn with Java2D: grey bars for all posts per minute, red bars over them for the
 * coordinated retweets, a time axis in UTC and a small legend. Long series are binned so that each bar is at least
 * two pixels wide (the bin width is stated on the axis).
 */
public final class TimelinePlot {
    /** Colour of all posts. */
    public static final Color POSTS = new Color(0x90, 0xA4, 0xAE);
    /** Colour of coordinated retweets. */
    public static final Color COORDINATED = Palette.SUSPICIOUS;

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private TimelinePlot() {
    }

    public static BufferedImage draw(ReportModel.MinuteSeries series, String title, int width, int height) {
        if (width < 200 || height < 120) {
            throw new IllegalArgumentException("timeline must be at least 200x120 pixels, was " + width + "x" + height);
        }
        BufferedImage image = Canvas.blank(width, height);
        Graphics2D g = Canvas.begin(image);
        try {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.setColor(Palette.TEXT);
            g.drawString(title, 8, 16);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int left = 44, right = width - 12, top = 28, bottom = height - 36;
            int plotW = right - left, plotH = bottom - top;
            int minutes = series.posts().length;
            int bin = Math.max(1, (int) Math.ceil(minutes * 2.0 / plotW));
            int bins = (minutes + bin - 1) / bin;
            int[] posts = new int[bins], coord = new int[bins];
            for (int i = 0; i < minutes; i++) {
                posts[i / bin] += series.posts()[i];
                coord[i / bin] += series.coordinated()[i];
            }
            int max = 1;
            for (int v : posts) {
                max = Math.max(max, v);
            }
            // axes and grid
            g.setColor(new Color(0xE0E0E0));
            for (int k = 0; k <= 4; k++) {
                int y = bottom - plotH * k / 4;
                g.drawLine(left, y, right, y);
            }
            g.setColor(Palette.TEXT);
            for (int k = 0; k <= 4; k++) {
                int y = bottom - plotH * k / 4;
                String label = Integer.toString((int) Math.round(max * k / 4.0));
                g.drawString(label, left - 6 - fm.stringWidth(label), y + 4);
            }
            double barW = bins == 0 ? 0 : (double) plotW / bins;
            for (int b = 0; b < bins; b++) {
                int x0 = left + (int) Math.floor(b * barW), x1 = left + (int) Math.floor((b + 1) * barW);
                int w = Math.max(1, x1 - x0 - (barW >= 4 ? 1 : 0));
                int h = (int) Math.round((double) posts[b] / max * plotH);
                g.setColor(POSTS);
                g.fillRect(x0, bottom - h, w, h);
                int hc = (int) Math.round((double) coord[b] / max * plotH);
                if (coord[b] > 0) {
                    hc = Math.max(hc, 2);
                    g.setColor(COORDINATED);
                    g.fillRect(x0, bottom - hc, w, hc);
                }
            }
            g.setColor(Palette.TEXT);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(left, bottom, right, bottom);
            // time ticks
            int ticks = Math.max(1, Math.min(6, plotW / 110));
            for (int k = 0; k <= ticks; k++) {
                long t = series.startMinute() + Math.round((double) minutes * k / ticks) * 60L;
                int x = left + plotW * k / ticks;
                g.drawLine(x, bottom, x, bottom + 4);
                String label = (k == 0 ? DAY_TIME : TIME).format(Instant.ofEpochSecond(t));
                int lx = Math.max(0, Math.min(width - fm.stringWidth(label) - 2, x - fm.stringWidth(label) / 2));
                g.drawString(label, lx, bottom + 16);
            }
            String unit = (bin == 1 ? "posts per minute" : "posts per " + bin + " minutes") + " (UTC)";
            int ly = height - 8;
            g.setColor(POSTS);
            g.fillRect(left, ly - 9, 10, 10);
            g.setColor(Palette.TEXT);
            g.drawString("all " + unit, left + 14, ly);
            int x2 = left + 24 + fm.stringWidth("all " + unit);
            g.setColor(COORDINATED);
            g.fillRect(x2, ly - 9, 10, 10);
            g.setColor(Palette.TEXT);
            g.drawString("coordinated retweets", x2 + 14, ly);
        } finally {
            g.dispose();
        }
        return image;
    }
}
