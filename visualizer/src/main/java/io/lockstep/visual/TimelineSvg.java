package io.lockstep.visual;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A per-minute series as an inline SVG bar chart for the report: grey bars for all posts, red bars over them for the
 * coordinated ones, a UTC time axis, and a tooltip per bar. Minutes are summed into bins of a round width (1, 5, 10,
 * 15, 30 minutes, 1, 2, 3, 6, 12 hours or days) so that there are at most {@code maxBars} bars; the bin width is
 * stated under the chart. Runs of empty minutes before the first and after the last post are cut.
 */
public final class TimelineSvg {
    static final int[] BINS = {1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TimelineSvg() {
    }

    /** The bin width in minutes for {@code minutes} minutes and at most {@code maxBars} bars. */
    static int binFor(int minutes, int maxBars) {
        for (int b : BINS) {
            if ((minutes + b - 1) / b <= maxBars) {
                return b;
            }
        }
        return Math.max(1, (minutes + maxBars - 1) / maxBars);
    }

    /**
     * The chart as an {@code <svg>} element.
     *
     * @param series      posts and coordinated posts per minute
     * @param what        what a post is, for the legend ("posts with #tag", "posts by the members")
     * @param coordinated what the red bars are ("coordinated posts")
     */
    public static String svg(ReportModel.MinuteSeries series, String what, String coordinated, int width, int height, int maxBars) {
        if (width < 200 || height < 80 || maxBars < 1) {
            throw new IllegalArgumentException("timeline must be at least 200x80 with one bar, was " + width + "x" + height + ", " + maxBars);
        }
        int[] all = series.posts(), red = series.coordinated();
        int from = 0, to = all.length;
        while (from < to && all[from] == 0) {
            from++;
        }
        while (to > from && all[to - 1] == 0) {
            to--;
        }
        int minutes = Math.max(1, to - from);
        int bin = binFor(minutes, maxBars);
        // align bins to the clock (an hourly bin starts on the hour)
        long startMinute = series.startMinute() / 60 + from;
        long alignedStart = Math.floorDiv(startMinute, bin) * bin;
        int offset = (int) (startMinute - alignedStart);
        int bins = (offset + minutes + bin - 1) / bin;
        int[] posts = new int[bins], coord = new int[bins];
        for (int i = from; i < to; i++) {
            int b = (i - from + offset) / bin;
            posts[b] += all[i];
            coord[b] += red[i];
        }
        int max = 1;
        for (int v : posts) {
            max = Math.max(max, v);
        }
        int left = 40, right = width - 10, top = 10, bottom = height - 34;
        double plotW = right - left, plotH = bottom - top, barW = plotW / bins;
        StringBuilder s = new StringBuilder(256 + 90 * bins);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">", width, height, width, height));
        s.append("<title>").append(SvgWriter.xml(perBin(bin) + ": " + what + "; red: " + coordinated)).append("</title>");
        s.append(String.format(Locale.ROOT, "<g stroke=\"#e0e0e0\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/></g>",
                left, top, right, top, left, top + plotH / 2, right, top + plotH / 2));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#616161\">%d</text>", left - 4, top + 4, max));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#616161\">0</text>", left - 4, bottom));
        String grey = Palette.hex(TimelinePlot.POSTS), redHex = Palette.hex(TimelinePlot.COORDINATED);
        s.append("<g fill=\"").append(grey).append("\">");
        for (int b = 0; b < bins; b++) {
            if (posts[b] == 0) {
                continue;
            }
            double x = left + b * barW, w = Math.max(1, barW - (barW >= 4 ? 1 : 0));
            double h = Math.max(1, posts[b] * plotH / max);
            long t0 = (alignedStart + (long) b * bin) * 60;
            s.append(String.format(Locale.ROOT, "<g><title>%s: %d posts, %d coordinated</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    SvgWriter.xml(DAY_TIME.format(Instant.ofEpochSecond(t0)) + " UTC"), posts[b], coord[b], x, bottom - h, w, h));
            if (coord[b] > 0) {
                double hc = Math.max(1.5, coord[b] * plotH / max);
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, bottom - hc, w, hc, redHex));
            }
            s.append("</g>");
        }
        s.append("</g>");
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#212121\"/>", left, bottom, right, bottom));
        int ticks = Math.max(1, Math.min(6, (int) (plotW / 120)));
        for (int k = 0; k <= ticks; k++) {
            double x = left + plotW * k / ticks;
            long t = (alignedStart + Math.round((double) bins * bin * k / ticks)) * 60;
            String label = DAY_TIME.format(Instant.ofEpochSecond(t));
            String anchor = k == 0 ? "start" : k == ticks ? "end" : "middle";
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#212121\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" fill=\"#212121\">%s</text>",
                    x, bottom, x, bottom + 4, x, bottom + 15, anchor, SvgWriter.xml(label)));
        }
        int ly = height - 5;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" fill=\"#212121\">%s</text>",
                left, ly - 9, grey, left + 14, ly, SvgWriter.xml(perBin(bin) + " (UTC): " + what)));
        int x2 = left + 24 + (int) Math.round(6.2 * (perBin(bin).length() + 8 + what.length()));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" fill=\"#212121\">%s</text>",
                x2, ly - 9, redHex, x2 + 14, ly, SvgWriter.xml(coordinated)));
        s.append("</svg>");
        return s.toString();
    }

    static String perBin(int bin) {
        if (bin == 1) {
            return "per minute";
        }
        if (bin < 60) {
            return "per " + bin + " minutes";
        }
        if (bin == 60) {
            return "per hour";
        }
        if (bin < 1440) {
            return "per " + bin / 60 + " hours";
        }
        return bin == 1440 ? "per day" : "per " + bin / 1440 + " days";
    }
}
