package io.lockstep.visual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes report.html: one self-contained file that reads as a short article. The first screen says what was found,
 * in sentences generated from the results, beside the overview picture; then the campaigns (one card per hashtag,
 * one line per burst, a timeline), the clusters (one card each: picture, evidence in sentences, timeline), the
 * accounts, the method, and an appendix naming every flagged account by full id.
 *
 * <p>Pictures are inline SVG with a tooltip ({@code <title>}) per account and per bar, so the report is interactive
 * without scripts and prints sharp. No external resources. Accounts are named by {@link AccountNames}: screen names
 * where known, ids cut to 8 characters otherwise, with the full id in a tooltip. Long lists are bounded: at most
 * {@link #CAMPAIGN_CARDS} campaigns, {@link #CLUSTER_CARDS} clusters, {@link #VISIBLE_ROWS} rows per table and
 * {@link #NAMES_PER_CELL} names per cell are shown, the rest sit in collapsed {@code <details>}. The markup is
 * well-formed XHTML-compatible HTML5, so that it parses as XML as well as HTML.
 */
public final class ReportWriter {
    static final int OVERVIEW_W = 1000, OVERVIEW_H = 640;
    static final int CLUSTER_W = 900, CLUSTER_H = 600;
    static final int TIMELINE_W = 900, TIMELINE_H = 150;
    /** Campaigns and clusters shown as cards; the rest are listed in a collapsed table. */
    public static final int CAMPAIGN_CARDS = 10, CLUSTER_CARDS = 10;
    /** Rows of a table shown before the rest is collapsed. */
    public static final int VISIBLE_ROWS = 10;
    /** Account names in one table cell or list, at most. */
    public static final int NAMES_PER_CELL = 10;
    /** Clusters named in the findings. */
    static final int FINDINGS_CLUSTERS = 4;
    /** A cluster picture in the report shows at most this many accounts and links (the most connected). */
    static final int PICTURE_NODES = 120, PICTURE_EDGES = 1500;
    /** Evidence lines per account in the accounts table (hashed ids in them shortened). */
    static final int EVIDENCE_LINES = 3;
    /** Bars of a timeline chart, at most. */
    static final int TIMELINE_BARS = 170;
    /** Scores from this value on (and from the suspicion threshold) are called strong evidence. */
    public static final double STRONG = 0.75;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SceneRenderer renderer;
    /** The accounts named so far in the report being written, for the appendix (one report at a time). */
    private final Map<String, ReportModel.Name> named = new LinkedHashMap<>();

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
        named.clear();
        StringBuilder h = new StringBuilder(1 << 18);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        h.append("<title>").append(esc(m.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(m.title())).append("</h1>\n");
        h.append("<p class=\"meta\">Generated ").append(esc(when(m.generatedAt())));
        if (!m.summary().source().isEmpty()) {
            h.append(" from ").append(esc(m.summary().source()));
        }
        h.append(".</p></header>\n");
        findings(h, m);
        campaigns(h, m.campaigns());
        clusters(h, m);
        accounts(h, m.topAccounts());
        method(h, m.method(), m.summary());
        appendix(h, m.flagged());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    // ---- findings ----

    private void findings(StringBuilder h, ReportModel m) {
        h.append("<section id=\"findings\">\n<h2>What was found</h2>\n<div class=\"lead\">\n");
        Findings f = Findings.of(m);
        h.append("<p id=\"findings-lead\" data-clusters=\"").append(m.summary().clusters()).append("\">")
                .append(esc(f.lead())).append("</p>\n");
        if (m.overview() != null) {
            h.append("<figure class=\"overview\">").append(renderer.renderInlineSvg(m.overview(), OVERVIEW_W, OVERVIEW_H))
                    .append("<figcaption>Communities (one disc each, sized by members) and the clusters in red, linked to the communities their members sit in. Hover for details.</figcaption></figure>\n");
        }
        h.append("<div class=\"lead-more\">\n");
        if (!f.clusters().isEmpty()) {
            h.append("<ul class=\"findings\">\n");
            for (Findings.Item item : f.clusters()) {
                h.append("<li><a href=\"#cluster-").append(item.cluster()).append("\">").append(esc(item.head()))
                        .append("</a> ").append(esc(item.text())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        for (String p : f.more()) {
            h.append("<p>").append(esc(p)).append("</p>\n");
        }
        h.append("<p class=\"note\">Accounts are named by screen name, or by the first ").append(AccountNames.SHORT)
                .append(" characters of their id where the archive hides the name (hover for the full id; all flagged ids are in the <a href=\"#appendix\">appendix</a>).")
                .append(" Scores run from 0 to 1; accounts in clusters scoring at least ")
                .append(score(m.summary().suspiciousScore())).append(" are flagged.</p>\n");
        h.append("</div>\n</div>\n<nav class=\"toc\"><a href=\"#campaigns\">Campaigns</a> · <a href=\"#clusters\">Clusters</a> · "
                + "<a href=\"#accounts\">Accounts</a> · <a href=\"#method\">Method</a> · <a href=\"#appendix\">Appendix</a></nav>\n");
        h.append("</section>\n");
    }

    // ---- campaigns ----

    private void campaigns(StringBuilder h, List<ReportModel.Campaign> campaigns) {
        h.append("<section id=\"campaigns\">\n<h2>Hashtag campaigns</h2>\n");
        if (campaigns.isEmpty()) {
            h.append("<p>No hashtag campaign passed the thresholds.</p>\n</section>\n");
            return;
        }
        int bursts = campaigns.stream().mapToInt(c -> c.bursts().size()).sum();
        h.append("<p>").append(esc(plural(campaigns.size(), "hashtag") + " " + (campaigns.size() == 1 ? "was" : "were")
                + " pushed in " + plural(bursts, "burst") + ": hours in which a hashtag suddenly drew far more posts than usual and seed accounts were retweeted in lockstep. "
                + "Those run by flagged accounts come first, then those with the most coordinated posts"
                + (campaigns.size() > CAMPAIGN_CARDS ? "; the " + CAMPAIGN_CARDS + " first are shown, the others are listed at the end of this section." : ".")))
                .append("</p>\n");
        for (ReportModel.Campaign c : campaigns.subList(0, Math.min(CAMPAIGN_CARDS, campaigns.size()))) {
            h.append("<article class=\"card campaign\" id=\"campaign-").append(esc(anchor(c.hashtag()))).append("\">\n<h3>#")
                    .append(esc(c.hashtag())).append("</h3>\n<p class=\"facts\">")
                    .append(esc(plural(c.bursts().size(), "burst") + ", " + span(c.start(), c.end()) + "; " + plural(c.posts(), "post")
                            + " in the bursts, " + percent(c.posts() == 0 ? 0 : c.coordinatedPosts() / c.posts()) + " of them by the seeds and amplifiers."))
                    .append("</p>\n<p>").append(runBy(c)).append("</p>\n");
            if (c.series() != null && c.series().posts().length > 0) {
                h.append("<figure>").append(TimelineSvg.svg(c.series(), "posts with #" + c.hashtag(), "by the campaign's accounts during a burst",
                        TIMELINE_W, TIMELINE_H, TIMELINE_BARS)).append("</figure>\n");
            }
            List<String[]> rows = new ArrayList<>();
            for (ReportModel.Burst b : c.bursts()) {
                rows.add(new String[] {esc(span(b.start(), b.end())), esc(fmt(b.posts())), esc(percent(b.coordinatedShare())),
                        names(b.seeds(), 3), names(b.amplifiers(), 4)});
            }
            table(h, "bursts", new String[] {"Burst", "Posts", "Coordinated", "Seeds", "Top amplifiers"}, new boolean[] {false, true, true, false, false},
                    rows, "more bursts");
            h.append("</article>\n");
        }
        if (campaigns.size() > CAMPAIGN_CARDS) {
            List<ReportModel.Campaign> rest = campaigns.subList(CAMPAIGN_CARDS, campaigns.size());
            h.append("<details class=\"rest\"><summary>").append(esc(plural(rest.size(), "more campaign"))).append("</summary>\n");
            h.append("<table class=\"stack\">\n<thead><tr><th>Hashtag</th><th>Bursts</th><th class=\"num\">Posts</th><th class=\"num\">Coordinated</th><th>Period</th></tr></thead>\n<tbody>\n");
            for (ReportModel.Campaign c : rest) {
                h.append("<tr><td data-label=\"Hashtag\">#").append(esc(c.hashtag())).append("</td><td data-label=\"Bursts\">").append(c.bursts().size())
                        .append("</td><td class=\"num\" data-label=\"Posts\">").append(fmt(c.posts())).append("</td><td class=\"num\" data-label=\"Coordinated\">")
                        .append(percent(c.posts() == 0 ? 0 : c.coordinatedPosts() / c.posts())).append("</td><td data-label=\"Period\">")
                        .append(esc(span(c.start(), c.end()))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</details>\n");
        }
        h.append("</section>\n");
    }

    /** Who ran a campaign: "Run by flagged accounts: 18 of its 21 accounts are in cluster 1.", with links to the cards. */
    static String runBy(ReportModel.Campaign c) {
        if (c.flagged() == 0) {
            return esc("None of its " + plural(c.accounts(), "account") + " is in a flagged cluster: the burst pattern alone, "
                    + "which fans and breaking news can produce too.");
        }
        List<String> links = c.clusters().stream().map(id -> "<a href=\"#cluster-" + id + "\">cluster " + id + "</a>").toList();
        String who = c.flagged() == c.accounts() ? (c.accounts() == 1 ? "Its only account" : "All " + plural(c.accounts(), "account"))
                : c.flagged() + " of its " + plural(c.accounts(), "account");
        return "<b>" + esc(who) + "</b>" + esc(c.flagged() == 1 ? " is" : " are") + esc(" flagged, in ") + Findings.join(links) + ".";
    }

    // ---- clusters ----

    private void clusters(StringBuilder h, ReportModel m) {
        List<ReportModel.Cluster> clusters = m.clusters();
        double threshold = m.summary().suspiciousScore();
        h.append("<section id=\"clusters\">\n<h2>Coordinated clusters</h2>\n");
        if (clusters.isEmpty()) {
            h.append("<p>No coordinated cluster passed the thresholds.</p>\n</section>\n");
            return;
        }
        h.append("<p>").append(esc("Groups of accounts that acted together more often than their activity explains, highest score first. "
                + "Each picture shows the members and their closest neighbours: red rings mark flagged accounts, orange lines coordination, grey lines retweets; hover over an account for its name, score and signals."))
                .append("</p>\n");
        for (ReportModel.Cluster c : clusters.subList(0, Math.min(CLUSTER_CARDS, clusters.size()))) {
            h.append("<article class=\"card cluster\" id=\"cluster-").append(c.id()).append("\">\n<h3>Cluster ").append(c.id())
                    .append(": ").append(esc(Findings.kindName(c.kind(), 1))).append(" of ").append(esc(plural(c.size(), "account"))).append("</h3>\n");
            h.append("<p class=\"facts\"><span class=\"badge ").append(strengthClass(c.score(), threshold)).append("\">score ")
                    .append(score(c.score())).append(" · ").append(esc(Findings.strength(c.score(), threshold))).append("</span> ")
                    .append(esc("Signals: " + String.join(", ", c.signals()) + "."));
            if (c.firstSeen() != Long.MIN_VALUE && c.lastSeen() != Long.MIN_VALUE) {
                h.append(esc(" Active " + span(c.firstSeen(), c.lastSeen()) + "."));
            }
            h.append("</p>\n<div class=\"card-body\">\n");
            if (c.scene() != null) {
                Scene picture = OverviewBuilder.capped(c.scene(), c.id(), PICTURE_NODES, PICTURE_EDGES, c.scene().title());
                h.append("<figure class=\"picture\">").append(renderer.renderInlineSvg(picture, CLUSTER_W, CLUSTER_H));
                if (picture != c.scene()) {
                    long members = picture.nodes().stream().filter(n -> n.cluster() == c.id()).count();
                    h.append("<figcaption>").append(esc("The " + members + " most connected of the " + fmt(c.size()) + " members"
                            + (picture.nodes().size() > members ? " and their closest neighbours" : "") + ", with the "
                            + plural(picture.edges().size(), "strongest link") + " among them; all members are in accounts.csv.")).append("</figcaption>");
                }
                h.append("</figure>\n");
            }
            h.append("<div class=\"evidence\">\n<h4>Evidence</h4>\n<ul>\n");
            for (String e : c.evidence()) {
                h.append("<li>").append(esc(e)).append("</li>\n");
            }
            h.append("</ul>\n");
            if (!c.topHashtags().isEmpty() || !c.topLinks().isEmpty()) {
                h.append("<p><b>Pushed:</b> ");
                List<String> pushed = new ArrayList<>();
                c.topHashtags().stream().limit(5).forEach(t -> pushed.add(esc("#" + t)));
                c.topLinks().forEach(u -> pushed.add(link(u)));
                h.append(String.join(", ", pushed)).append("</p>\n");
            }
            h.append("<p><b>Members:</b> ").append(names(c.members(), NAMES_PER_CELL)).append("</p>\n");
            h.append("</div>\n</div>\n");
            if (c.series() != null && c.series().posts().length > 0) {
                h.append("<figure>").append(TimelineSvg.svg(c.series(), "posts by the members", "retweets in lockstep with another member",
                        TIMELINE_W, TIMELINE_H, TIMELINE_BARS)).append("</figure>\n");
            }
            h.append("</article>\n");
        }
        if (clusters.size() > CLUSTER_CARDS) {
            List<ReportModel.Cluster> rest = clusters.subList(CLUSTER_CARDS, clusters.size());
            h.append("<details class=\"rest\"><summary>").append(esc(plural(rest.size(), "more cluster"))).append(" (lower scores)</summary>\n");
            h.append("<table class=\"stack\">\n<thead><tr><th>Cluster</th><th>Kind</th><th class=\"num\">Accounts</th><th class=\"num\">Score</th><th>Signals</th><th>Hashtags</th></tr></thead>\n<tbody>\n");
            for (ReportModel.Cluster c : rest) {
                h.append("<tr id=\"cluster-").append(c.id()).append("\"><td data-label=\"Cluster\">").append(c.id()).append("</td><td data-label=\"Kind\">")
                        .append(esc(c.kind())).append("</td><td class=\"num\" data-label=\"Accounts\">").append(c.size())
                        .append("</td><td class=\"num\" data-label=\"Score\">").append(score(c.score())).append("</td><td data-label=\"Signals\">")
                        .append(esc(String.join(", ", c.signals()))).append("</td><td data-label=\"Hashtags\">")
                        .append(esc(String.join(", ", c.topHashtags().stream().limit(3).map(t -> "#" + t).toList()))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</details>\n");
        }
        h.append("</section>\n");
    }

    // ---- accounts, method, appendix ----

    private void accounts(StringBuilder h, List<ReportModel.Account> accounts) {
        h.append("<section id=\"accounts\">\n<h2>Accounts with the strongest evidence</h2>\n");
        if (accounts.isEmpty()) {
            h.append("<p>No account was flagged.</p>\n</section>\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ReportModel.Account a : accounts) {
            StringBuilder ev = new StringBuilder();
            if (!a.evidence().isEmpty()) {
                ev.append("<ul>");
                a.evidence().stream().limit(EVIDENCE_LINES).forEach(e -> ev.append("<li>").append(esc(AccountNames.shortenHashes(e))).append("</li>"));
                ev.append("</ul>");
            }
            rows.add(new String[] {name(a.name()), score(a.score()),
                    a.cluster() == SceneNode.NONE ? "" : "<a href=\"#cluster-" + a.cluster() + "\">" + a.cluster() + "</a>",
                    esc(String.join(", ", a.signals())), ev.toString()});
        }
        table(h, "accounts", new String[] {"Account", "Score", "Cluster", "Signals", "Evidence"}, new boolean[] {false, true, true, false, false},
                rows, "more accounts");
        h.append("</section>\n");
    }

    private static void method(StringBuilder h, ReportModel.Method m, ReportModel.Summary s) {
        h.append("<section id=\"method\">\n<h2>Method and thresholds</h2>\n");
        h.append("<p>").append(esc("The archive held " + fmt(s.accounts()) + " accounts, " + fmt(s.posts()) + " posts, "
                + fmt(s.hashtags()) + " hashtags and " + fmt(s.follows()) + " follow edges"
                + (s.firstPost() != Long.MIN_VALUE ? ", posted " + span(s.firstPost(), s.lastPost()) : "") + "; Lockstep found "
                + plural(s.communities(), "community", "communities") + ", " + plural(s.clusters(), "coordinated cluster") + ", "
                + plural(s.suspiciousAccounts(), "flagged account") + " and " + plural(s.campaigns(), "campaign burst") + ".")).append("</p>\n");
        for (String para : m.text().split("\n\\s*\n")) {
            if (!para.isBlank()) {
                h.append("<p>").append(esc(para.trim())).append("</p>\n");
            }
        }
        if (!m.thresholds().isEmpty()) {
            h.append("<table class=\"facts\">\n");
            for (Map.Entry<String, String> e : m.thresholds().entrySet()) {
                h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    /** Every account the report names, with its full id: what a shortened name stands for. */
    private void appendix(StringBuilder h, List<ReportModel.Account> flagged) {
        h.append("<section id=\"appendix\">\n<h2>Appendix: the accounts named in this report</h2>\n");
        if (named.isEmpty()) {
            h.append("<p>The report names no account.</p>\n</section>\n");
            return;
        }
        Map<String, ReportModel.Account> verdicts = new HashMap<>();
        flagged.forEach(a -> verdicts.put(a.name().id(), a));
        h.append("<p>").append(esc("Full ids of the " + plural(named.size(), "account") + " named above, with cluster and score where flagged. All "
                + plural(flagged.size(), "flagged account") + " are in accounts.csv.")).append("</p>\n");
        List<ReportModel.Name> all = new ArrayList<>(named.values());
        all.sort(Comparator.comparing((ReportModel.Name n) -> n.display().toLowerCase(Locale.ROOT)).thenComparing(ReportModel.Name::id));
        StringBuilder rows = new StringBuilder();
        int shown = 0;
        for (ReportModel.Name n : all) {
            ReportModel.Account v = verdicts.get(n.id());
            String row = "<tr><td>" + esc((n.isScreenName() ? "@" : "") + n.display()) + "</td><td class=\"id\">" + esc(n.id()) + "</td><td class=\"num\">"
                    + (v == null || v.cluster() == SceneNode.NONE ? "" : Integer.toString(v.cluster())) + "</td><td class=\"num\">"
                    + (v == null ? "" : score(v.score())) + "</td></tr>\n";
            if (shown++ == VISIBLE_ROWS) {
                h.append(APPENDIX_HEAD).append(rows).append("</tbody>\n</table>\n");
                rows.setLength(0);
            }
            rows.append(row);
        }
        if (all.size() <= VISIBLE_ROWS) {
            h.append(APPENDIX_HEAD).append(rows).append("</tbody>\n</table>\n");
        } else {
            h.append("<details class=\"rest\"><summary>").append(esc(fmt(all.size() - VISIBLE_ROWS) + " more accounts")).append("</summary>\n")
                    .append(APPENDIX_HEAD).append(rows).append("</tbody>\n</table>\n</details>\n");
        }
        h.append("</section>\n");
    }

    private static final String APPENDIX_HEAD = "<table class=\"ids\">\n<thead><tr><th>Name</th><th>Full id</th><th class=\"num\">Cluster</th>"
            + "<th class=\"num\">Score</th></tr></thead>\n<tbody>\n";

    // ---- building blocks ----

    /**
     * A table whose first {@link #VISIBLE_ROWS} rows are shown and the rest collapsed in a {@code <details>} holding
     * a second table with the same columns. Cells are HTML already escaped.
     */
    static void table(StringBuilder h, String cls, String[] header, boolean[] numeric, List<String[]> rows, String more) {
        Function<List<String[]>, String> body = part -> {
            StringBuilder b = new StringBuilder();
            b.append("<table class=\"stack ").append(cls).append("\">\n<thead><tr>");
            for (int i = 0; i < header.length; i++) {
                b.append("<th").append(numeric[i] ? " class=\"num\"" : "").append('>').append(esc(header[i])).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (String[] r : part) {
                b.append("<tr>");
                for (int i = 0; i < r.length; i++) {
                    b.append("<td").append(numeric[i] ? " class=\"num\"" : "").append(" data-label=\"").append(esc(header[i])).append("\">")
                            .append(r[i]).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n");
            return b.toString();
        };
        h.append(body.apply(rows.subList(0, Math.min(VISIBLE_ROWS, rows.size()))));
        if (rows.size() > VISIBLE_ROWS) {
            h.append("<details class=\"rest\"><summary>").append(esc(fmt(rows.size() - VISIBLE_ROWS) + " " + more)).append("</summary>\n")
                    .append(body.apply(rows.subList(VISIBLE_ROWS, rows.size()))).append("</details>\n");
        }
    }

    /** At most {@code max} names (never more than {@link #NAMES_PER_CELL}), then "and N more". */
    String names(List<ReportModel.Name> names, int max) {
        int shown = Math.min(Math.min(max, NAMES_PER_CELL), names.size());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(name(names.get(i)));
        }
        if (names.size() > shown) {
            b.append(shown == 0 ? "" : " ").append(esc("and " + fmt(names.size() - shown) + " more"));
        }
        return b.toString();
    }

    /** One account: its readable name with the full id as tooltip. */
    String name(ReportModel.Name n) {
        named.putIfAbsent(n.id(), n);
        return "<span class=\"acct\" title=\"" + esc(n.id()) + "\">" + esc((n.isScreenName() ? "@" : "") + n.display()) + "</span>";
    }

    private static String link(String url) {
        String href = url.matches("(?i)https?://.*") ? url : "https://" + url;
        return "<a class=\"ext\" rel=\"nofollow noopener noreferrer\" href=\"" + esc(href) + "\">" + esc(url) + "</a>";
    }

    private static String anchor(String tag) {
        return tag.replaceAll("[^\\p{L}\\p{N}_-]", "_");
    }

    private static String strengthClass(double score, double threshold) {
        return score >= Math.max(STRONG, threshold) ? "strong" : score >= threshold ? "moderate" : "weak";
    }

    /** "3 Mar 2019 14:00–15:00 UTC", "1–7 Mar 2019", "28 Feb – 3 Mar 2019". */
    static String span(long start, long end) {
        if (start == Long.MIN_VALUE || end == Long.MIN_VALUE) {
            return "at unknown times";
        }
        ZonedDateTime a = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC), b = Instant.ofEpochSecond(end).atZone(ZoneOffset.UTC);
        if (end - start <= 86_400 && a.toLocalDate().equals(b.minusSeconds(1).toLocalDate())) {
            return WHEN.format(a).replace(" UTC", "") + "–" + TIME.format(b) + " UTC";
        }
        String month = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH).format(b);
        if (a.getYear() == b.getYear() && a.getMonth() == b.getMonth()) {
            return a.getDayOfMonth() == b.getDayOfMonth() ? b.getDayOfMonth() + " " + month : a.getDayOfMonth() + "–" + b.getDayOfMonth() + " " + month;
        }
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(a) + " – " + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(b);
    }

    static String plural(long n, String noun) {
        return plural(n, noun, noun + "s");
    }

    static String plural(long n, String one, String many) {
        return fmt(n) + " " + (n == 1 ? one : many);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    static String score(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    private static String when(long epochSeconds) {
        return epochSeconds == Long.MIN_VALUE ? "unknown" : WHEN.format(Instant.ofEpochSecond(epochSeconds));
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String esc(String s) {
        return SvgWriter.xml(s);
    }

    private static final String CSS = """
            *, *::before, *::after { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #212121; max-width: 1180px; margin: 0 auto; padding: 1em 1.2em 3em; line-height: 1.45; font-size: 15px; overflow-wrap: anywhere; }
            h1 { font-size: 1.6em; margin: 0.2em 0 0.1em; }
            h2 { font-size: 1.35em; border-bottom: 2px solid #e0e0e0; padding-bottom: 0.2em; margin: 1.8em 0 0.6em; }
            #findings h2 { margin-top: 0.6em; }
            h3 { font-size: 1.12em; margin: 0 0 0.3em; }
            h4 { font-size: 1em; margin: 0 0 0.3em; }
            .meta, .note, figcaption { color: #616161; font-size: 0.88em; }
            .lead { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr); grid-template-areas: "lead fig" "more fig";
                    column-gap: 1.4em; align-items: start; }
            #findings-lead { grid-area: lead; font-size: 1.08em; margin-top: 0; }
            .lead > figure { grid-area: fig; margin-top: 0; }
            .lead-more { grid-area: more; }
            ul.findings { padding-left: 1.1em; margin: 0.4em 0; }
            ul.findings li { margin-bottom: 0.35em; }
            .toc { margin-top: 0.8em; font-size: 0.92em; }
            a { color: #0d47a1; }
            figure { margin: 0.6em 0; max-width: 100%; }
            svg.picture, svg.timeline { display: block; width: 100%; height: auto; max-width: 100%; border: 1px solid #eeeeee; background: #ffffff; }
            svg.picture circle:hover { stroke: #212121; stroke-width: 3; }
            .card { border: 1px solid #e0e0e0; border-radius: 6px; padding: 0.8em 1em; margin: 1em 0; }
            .card-body { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 1em; align-items: start; }
            .facts { margin: 0.2em 0 0.5em; }
            .badge { display: inline-block; padding: 0 0.5em; border-radius: 0.8em; font-size: 0.88em; font-weight: bold; white-space: nowrap; }
            .badge.strong { background: #fde0dc; color: #b71c1c; }
            .badge.moderate { background: #fff3e0; color: #bf360c; }
            .badge.weak { background: #eceff1; color: #455a64; }
            .evidence ul { margin: 0 0 0.6em; padding-left: 1.1em; }
            .evidence li { margin-bottom: 0.3em; }
            .acct { border-bottom: 1px dotted #9e9e9e; cursor: help; }
            .id { font-family: "DejaVu Sans Mono", monospace; font-size: 0.82em; color: #616161; word-break: break-all; }
            table.ids td.id { min-width: 12em; }
            table.accounts td:nth-child(1) { min-width: 7em; }
            table.accounts td:nth-child(4) { min-width: 8em; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.9em; table-layout: auto; }
            th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eeeeee; }
            th.num, td.num { text-align: right; white-space: nowrap; }
            table.facts th { width: 14em; color: #424242; font-weight: normal; }
            td ul { margin: 0; padding-left: 1.1em; }
            details.rest { margin: 0.6em 0; }
            details.rest > summary { cursor: pointer; color: #0d47a1; }
            @media screen and (max-width: 760px) {
              body { padding: 0.6em 0.8em 2em; font-size: 15px; }
              h1 { font-size: 1.3em; }
              .lead { grid-template-columns: minmax(0, 1fr); grid-template-areas: "lead" "fig" "more"; }
              .card-body { grid-template-columns: minmax(0, 1fr); }
              .card { padding: 0.6em; }
              table.stack, table.stack thead, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
              table.stack thead { display: none; }
              table.stack tr { border-bottom: 1px solid #e0e0e0; padding: 0.3em 0; }
              table.stack td { border: 0; padding: 2px 0; text-align: left; white-space: normal; }
              table.stack td::before { content: attr(data-label) ": "; font-weight: bold; color: #616161; }
              table.facts th { width: 40%; }
            }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
              section { break-before: page; }
              section#findings { break-before: auto; }
              .lead { grid-template-columns: minmax(0, 1fr); grid-template-areas: "lead" "fig" "more"; }
              .card-body { grid-template-columns: minmax(0, 1fr); }
              .card-body figure.picture { max-width: 85%; }
              figure { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              .toc { display: none; }
              a { color: inherit; text-decoration: none; }
              a.ext::after { content: " [" attr(href) "]"; font-size: 0.85em; color: #616161; word-break: break-all; }
              details.rest > summary { color: #616161; }
              details.rest > summary::after { content: " (listed in the HTML report and the CSV files)"; }
            }
            """;
}
