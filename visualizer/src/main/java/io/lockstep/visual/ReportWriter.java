package io.lockstep.visual;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes report.html: one self-contained, printable file (pictures inline as {@code data:image/png;base64}, CSS
 * inline with print rules, no scripts, no external resources). The markup is well-formed XHTML-compatible HTML5,
 * so that it parses as XML as well as HTML.
 *
 * <p>Sections: summary; overview picture; campaigns; clusters with their picture and per-minute timeline; top
 * accounts with their evidence; method and thresholds.
 */
public final class ReportWriter {
    static final int OVERVIEW_W = 1000, OVERVIEW_H = 640;
    static final int CLUSTER_W = 900, CLUSTER_H = 560;
    static final int TIMELINE_W = 900, TIMELINE_H = 220;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SceneRenderer renderer;

    public ReportWriter() {
        this(new SceneRenderer());
    }

    public ReportWriter(SceneRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Writes the report for {@code model} to {@code html}. */
    public void write(ReportModel model, Path html) {
        String text = toHtml(model);
        try {
            Path parent = html.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(html, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
        }
    }

    /** The report as a string. */
    public String toHtml(ReportModel m) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        h.append("<title>").append(esc(m.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(m.title())).append("</h1>\n");
        h.append("<p class=\"meta\">Generated ").append(esc(when(m.generatedAt())));
        if (!m.summary().source().isEmpty()) {
            h.append(" from ").append(esc(m.summary().source()));
        }
        h.append(".</p>\n");
        summary(h, m.summary());
        if (m.overview() != null) {
            h.append("<section id=\"overview\">\n<h2>Overview</h2>\n");
            figure(h, renderer.renderImage(m.overview(), OVERVIEW_W, OVERVIEW_H), "Community graph: one node per community, sized by members; suspicious clusters in red.");
            h.append("</section>\n");
        }
        campaigns(h, m.campaigns());
        clusters(h, m.clusters());
        accounts(h, m.topAccounts());
        method(h, m.method());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, ReportModel.Summary s) {
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"facts\">\n");
        row(h, "Accounts", fmt(s.accounts()));
        row(h, "Posts", fmt(s.posts()));
        row(h, "Hashtags", fmt(s.hashtags()));
        row(h, "Follow edges", fmt(s.follows()));
        if (s.firstPost() != Long.MIN_VALUE && s.lastPost() != Long.MIN_VALUE) {
            row(h, "Period", when(s.firstPost()) + " – " + when(s.lastPost()));
        }
        row(h, "Communities", fmt(s.communities()));
        row(h, "Coordinated clusters", fmt(s.clusters()));
        row(h, "Suspicious accounts", fmt(s.suspiciousAccounts()));
        row(h, "Campaigns", fmt(s.campaigns()));
        h.append("</table>\n</section>\n");
    }

    private static void campaigns(StringBuilder h, List<ReportModel.Campaign> campaigns) {
        h.append("<section id=\"campaigns\">\n<h2>Campaigns</h2>\n");
        if (campaigns.isEmpty()) {
            h.append("<p>No hashtag campaign passed the thresholds.</p>\n</section>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>Hashtag</th><th>Start</th><th>End</th><th>Share of volume</th><th>Seeds</th><th>Amplifiers</th></tr></thead>\n<tbody>\n");
        for (ReportModel.Campaign c : campaigns) {
            h.append("<tr><td>#").append(esc(c.hashtag())).append("</td><td>").append(esc(when(c.start())))
                    .append("</td><td>").append(esc(when(c.end()))).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * c.volumeShare())).append("</td><td>")
                    .append(esc(names(c.seeds(), 10))).append("</td><td>").append(esc(names(c.amplifiers(), 10))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private void clusters(StringBuilder h, List<ReportModel.Cluster> clusters) {
        h.append("<section id=\"clusters\">\n<h2>Coordinated clusters</h2>\n");
        if (clusters.isEmpty()) {
            h.append("<p>No coordinated cluster passed the thresholds.</p>\n");
        }
        for (ReportModel.Cluster c : clusters) {
            h.append("<article class=\"cluster\" id=\"cluster-").append(c.id()).append("\">\n<h3>Cluster ").append(c.id());
            if (!c.kind().isEmpty()) {
                h.append(" — ").append(esc(c.kind()));
            }
            h.append("</h3>\n<table class=\"facts\">\n");
            row(h, "Accounts", fmt(c.size()));
            row(h, "Score", String.format(Locale.ROOT, "%.2f", c.score()));
            row(h, "Signals", String.join(", ", c.signals()));
            row(h, "Top hashtags", String.join(", ", c.topHashtags().stream().map(t -> "#" + t).toList()));
            row(h, "Active", when(c.firstSeen()) + " – " + when(c.lastSeen()));
            row(h, "Members", names(c.members(), 40));
            h.append("</table>\n");
            if (c.scene() != null) {
                figure(h, renderer.renderImage(c.scene(), CLUSTER_W, CLUSTER_H), "Cluster " + c.id() + " and its closest neighbours.");
            }
            if (c.series() != null && c.series().posts().length > 0) {
                figure(h, TimelinePlot.draw(c.series(), "Cluster " + c.id() + ": activity", TIMELINE_W, TIMELINE_H),
                        "Posts per minute by the members; coordinated retweets in red.");
            }
            h.append("</article>\n");
        }
        h.append("</section>\n");
    }

    private static void accounts(StringBuilder h, List<ReportModel.Account> accounts) {
        h.append("<section id=\"accounts\">\n<h2>Top accounts</h2>\n");
        if (accounts.isEmpty()) {
            h.append("<p>No account was flagged.</p>\n</section>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>Account</th><th>Score</th><th>Cluster</th><th>Signals</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        for (ReportModel.Account a : accounts) {
            h.append("<tr><td>@").append(esc(a.screenName())).append("<br/><span class=\"id\">").append(esc(a.id()))
                    .append("</span></td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", a.score()))
                    .append("</td><td>").append(a.cluster() == SceneNode.NONE ? "" : Integer.toString(a.cluster()))
                    .append("</td><td>").append(esc(String.join(", ", a.signals()))).append("</td><td>");
            if (!a.evidence().isEmpty()) {
                h.append("<ul>");
                a.evidence().forEach(e -> h.append("<li>").append(esc(e)).append("</li>"));
                h.append("</ul>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void method(StringBuilder h, ReportModel.Method m) {
        h.append("<section id=\"method\">\n<h2>Method and thresholds</h2>\n");
        for (String para : m.text().split("\n\\s*\n")) {
            if (!para.isBlank()) {
                h.append("<p>").append(esc(para.trim())).append("</p>\n");
            }
        }
        if (!m.thresholds().isEmpty()) {
            h.append("<table class=\"facts\">\n");
            for (Map.Entry<String, String> e : m.thresholds().entrySet()) {
                row(h, e.getKey(), e.getValue());
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    private static void figure(StringBuilder h, BufferedImage image, String caption) {
        h.append("<figure><img alt=\"").append(esc(caption)).append("\" width=\"").append(image.getWidth())
                .append("\" height=\"").append(image.getHeight()).append("\" src=\"data:image/png;base64,")
                .append(base64Png(image)).append("\"/><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    }

    static String base64Png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String names(List<String> names, int max) {
        if (names.size() <= max) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, max)) + " and " + (names.size() - max) + " more";
    }

    /** Times are epoch seconds; {@code Long.MIN_VALUE} means unknown (a follower farm that never posted). */
    private static String when(long epochSeconds) {
        if (epochSeconds == Long.MIN_VALUE) {
            return "unknown";
        }
        return WHEN.format(Instant.ofEpochSecond(epochSeconds));
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String esc(String s) {
        return SvgWriter.xml(s);
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #212121; max-width: 960px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
            h1 { font-size: 1.8em; margin-bottom: 0.2em; }
            h2 { border-bottom: 2px solid #e0e0e0; padding-bottom: 0.2em; margin-top: 1.6em; }
            .meta { color: #616161; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.92em; }
            th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eeeeee; }
            table.facts th { width: 12em; color: #424242; }
            td.num { text-align: right; white-space: nowrap; }
            .id { color: #757575; font-size: 0.85em; }
            ul { margin: 0; padding-left: 1.2em; }
            figure { margin: 0.8em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eeeeee; }
            figcaption { color: #616161; font-size: 0.9em; }
            article.cluster { margin-bottom: 1.5em; }
            @media print {
              body { max-width: none; margin: 0; font-size: 10pt; }
              h2 { page-break-after: avoid; }
              article.cluster, figure, tr { page-break-inside: avoid; }
              section#clusters article.cluster { page-break-before: auto; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}
