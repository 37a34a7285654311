package io.lockstep.visual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's first screen in words, generated from the results: how many coordinated clusters of which kinds, the
 * largest, the strongest with what they pushed and when, how strong the evidence is, and the strongest campaigns.
 *
 * @param lead     the opening paragraph: counts, kinds, flagged accounts, the largest cluster
 * @param clusters one item per strongest flagged cluster
 * @param more     further paragraphs (campaigns, clusters below the threshold)
 */
public record Findings(String lead, List<Item> clusters, List<String> more) {
    /**
     * One cluster in the findings.
     *
     * @param cluster cluster id (for the link to its card)
     * @param head    "Cluster 1, a botnet of 20 accounts"
     * @param text    the rest: score and strength, first evidence sentence, what it pushed and when
     */
    public record Item(int cluster, String head, String text) {
    }

    public Findings {
        clusters = List.copyOf(clusters);
        more = List.copyOf(more);
    }

    /** The findings of {@code m}; its clusters are all the clusters found, most suspicious first. */
    public static Findings of(ReportModel m) {
        ReportModel.Summary s = m.summary();
        double threshold = s.suspiciousScore();
        List<ReportModel.Cluster> clusters = m.clusters();
        String scope = ReportWriter.fmt(s.accounts()) + " accounts and " + ReportWriter.fmt(s.posts()) + " posts"
                + (s.firstPost() != Long.MIN_VALUE ? " (" + ReportWriter.span(s.firstPost(), s.lastPost()) + ")" : "");
        StringBuilder lead = new StringBuilder();
        if (clusters.isEmpty()) {
            lead.append("Lockstep found no coordinated cluster among ").append(scope).append('.');
            return new Findings(lead.toString(), List.of(), campaignParagraphs(m));
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        clusters.stream().map(ReportModel.Cluster::kind)
                .sorted(Comparator.comparing((String k) -> -clusters.stream().filter(c -> c.kind().equals(k)).count()).thenComparing(k -> k))
                .forEach(k -> kinds.merge(k, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(n + " " + kindName(k, n)));
        lead.append("Lockstep found ").append(ReportWriter.plural(clusters.size(), "coordinated cluster")).append(" among ").append(scope)
                .append(": ").append(join(parts)).append(". ");
        List<ReportModel.Cluster> flagged = clusters.stream().filter(ReportModel.Cluster::suspicious).toList();
        int flaggedAccounts = flagged.stream().mapToInt(ReportModel.Cluster::size).sum();
        if (flagged.isEmpty()) {
            lead.append("None of them reaches the suspicion threshold (score ").append(ReportWriter.score(threshold)).append("). ");
        } else {
            long strong = flagged.stream().filter(c -> c.score() >= Math.max(ReportWriter.STRONG, threshold)).count();
            lead.append(flagged.size() == clusters.size() ? (clusters.size() == 1 ? "It reaches" : "All reach") : flagged.size() + " of them " + (flagged.size() == 1 ? "reaches" : "reach"))
                    .append(" the suspicion threshold, ").append(ReportWriter.plural(flaggedAccounts, "account")).append(" in all; ")
                    .append(strong == 0 ? "none with strong evidence" : "the evidence is strong for "
                            + (strong == flagged.size() && strong > 1 ? "all of them" : String.valueOf(strong))).append(". ");
        }
        ReportModel.Cluster largest = clusters.stream().max(Comparator.comparingInt(ReportModel.Cluster::size)
                .thenComparing(ReportModel.Cluster::score).thenComparing(c -> -c.id())).orElseThrow();
        lead.append("The largest is cluster ").append(largest.id()).append(", a ").append(kindName(largest.kind(), 1)).append(" of ")
                .append(ReportWriter.plural(largest.size(), "account")).append(" (score ").append(ReportWriter.score(largest.score()))
                .append(", ").append(strength(largest.score(), threshold)).append(").");

        List<Item> items = new ArrayList<>();
        for (ReportModel.Cluster c : flagged.stream().limit(ReportWriter.FINDINGS_CLUSTERS).toList()) {
            StringBuilder t = new StringBuilder();
            t.append("— score ").append(ReportWriter.score(c.score())).append(", ").append(strength(c.score(), threshold)).append(". ");
            if (!c.evidence().isEmpty()) {
                t.append(c.evidence().get(0)).append(' ');
                // a short first sentence leaves room for the second (a follower farm: follows, then creation dates)
                if (c.evidence().size() > 1 && c.evidence().get(0).length() + c.evidence().get(1).length() <= 240) {
                    t.append(c.evidence().get(1)).append(' ');
                }
            }
            List<String> pushed = new ArrayList<>();
            c.topHashtags().stream().limit(3).forEach(h -> pushed.add("#" + h));
            c.topLinks().stream().limit(1).forEach(pushed::add);
            if (!pushed.isEmpty()) {
                t.append("Pushed ").append(join(pushed));
            }
            if (c.firstSeen() != Long.MIN_VALUE && c.lastSeen() != Long.MIN_VALUE) {
                t.append(pushed.isEmpty() ? "Active " : ", ").append(ReportWriter.span(c.firstSeen(), c.lastSeen()));
            }
            if (!pushed.isEmpty() || c.firstSeen() != Long.MIN_VALUE) {
                t.append('.');
            }
            items.add(new Item(c.id(), "Cluster " + c.id() + ", a " + kindName(c.kind(), 1) + " of " + ReportWriter.plural(c.size(), "account"),
                    t.toString().strip()));
        }
        List<String> more = new ArrayList<>();
        if (flagged.size() > ReportWriter.FINDINGS_CLUSTERS) {
            more.add(ReportWriter.plural(flagged.size() - ReportWriter.FINDINGS_CLUSTERS, "more flagged cluster") + " "
                    + (flagged.size() - ReportWriter.FINDINGS_CLUSTERS == 1 ? "is" : "are") + " described below.");
        }
        int weak = clusters.size() - flagged.size();
        if (weak > 0) {
            more.add(ReportWriter.plural(weak, "cluster") + " " + (weak == 1 ? "scores" : "score") + " below the threshold of "
                    + ReportWriter.score(threshold) + ": weak evidence, not flagged, shown for completeness.");
        }
        more.addAll(campaignParagraphs(m));
        return new Findings(lead.toString(), items, more);
    }

    private static List<String> campaignParagraphs(ReportModel m) {
        List<ReportModel.Campaign> cs = m.campaigns();
        if (cs.isEmpty()) {
            return List.of("No hashtag campaign passed the thresholds.");
        }
        int bursts = cs.stream().mapToInt(c -> c.bursts().size()).sum();
        List<String> top = new ArrayList<>();
        for (ReportModel.Campaign c : cs.stream().limit(3).toList()) {
            top.add("#" + c.hashtag() + " (" + ReportWriter.plural(c.bursts().size(), "burst") + ", "
                    + ReportWriter.percent(c.posts() == 0 ? 0 : c.coordinatedPosts() / c.posts()) + " of " + ReportWriter.fmt(c.posts())
                    + " posts coordinated" + (c.clusters().isEmpty() ? ", no flagged account" : ", by cluster "
                    + join(c.clusters().stream().map(String::valueOf).toList())) + ")");
        }
        return List.of(ReportWriter.plural(cs.size(), "hashtag") + " " + (cs.size() == 1 ? "was" : "were") + " pushed in "
                + ReportWriter.plural(bursts, "coordinated burst") + "; the strongest " + (top.size() == 1 ? "is " : "are ") + join(top) + ".");
    }

    /** "botnet"/"botnets", "follower farm"/"follower farms", … for {@code n} clusters of {@code kind}. */
    public static String kindName(String kind, int n) {
        String one = switch (kind.toLowerCase(Locale.ROOT)) {
            case "follower-farm" -> "follower farm";
            case "link-ring" -> "link ring";
            case "copypasta" -> "copypasta group";
            case "mixed" -> "mixed group";
            case "" -> "group";
            default -> kind.replace('-', ' ');
        };
        return n == 1 ? one : one + "s";
    }

    /** "strong evidence", "moderate evidence" or "weak evidence, not flagged". */
    public static String strength(double score, double threshold) {
        if (score >= Math.max(ReportWriter.STRONG, threshold)) {
            return "strong evidence";
        }
        return score >= threshold ? "moderate evidence" : "weak evidence, not flagged";
    }

    static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
