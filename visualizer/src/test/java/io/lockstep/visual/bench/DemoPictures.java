package io.lockstep.visual.bench;

import io.lockstep.visual.OverviewBuilder;
import io.lockstep.visual.ReportModel;
import io.lockstep.visual.ReportWriter;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneNode;
import io.lockstep.visual.SceneRenderer;
import io.lockstep.visual.SyntheticScenes;
import io.lockstep.visual.TimelinePlot;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes example pictures and an example report.html of a seeded synthetic network into a directory
 * (default {@code docs/pictures}): {@code DemoPictures [DIR]}. Stands in for the demo archive's pictures until
 * {@code lockstep render} is run on it.
 */
public final class DemoPictures {
    private DemoPictures() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/pictures");
        Files.createDirectories(dir);
        Scene accounts = SyntheticScenes.planted(600, 6, 3, 12, 11);
        SceneRenderer renderer = new SceneRenderer();
        Scene overview = OverviewBuilder.communityGraph(accounts, "Overview: communities and suspicious clusters (synthetic)");
        renderer.renderPng(overview, dir.resolve("overview.png"), 1200, 800);
        renderer.renderSvg(overview, dir.resolve("overview.svg"), 1200, 800);
        Scene community = accounts.filter("Community 0: accounts by PageRank (synthetic)", n -> n.community() == 0);
        renderer.renderPng(community, dir.resolve("community-0.png"), 1200, 800);
        Scene cluster = OverviewBuilder.cluster(accounts, 1, 20, "Cluster 1: 12 co-retweeting accounts and their neighbours (synthetic)");
        renderer.renderPng(cluster, dir.resolve("cluster-1.png"), 1200, 800);
        renderer.renderSvg(cluster, dir.resolve("cluster-1.svg"), 1200, 800);
        ReportModel.MinuteSeries series = series();
        ImageIO.write(TimelinePlot.draw(series, "Cluster 1: activity", 1200, 260), "png", dir.resolve("timeline-cluster-1.png").toFile());

        List<SceneNode> members = accounts.nodes().stream().filter(n -> n.cluster() == 1).toList();
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("co-retweet window", "60 s");
        thresholds.put("minimum shared retweets per pair", "5");
        thresholds.put("minimum cluster size", "5");
        thresholds.put("community detection", "Leiden, resolution 1.0");
        ReportModel model = new ReportModel("Lockstep report (synthetic example)", 1_709_400_000L,
                new ReportModel.Summary("synthetic network, seed 11", 600, 5400, 40, 600, series.startMinute(),
                        series.startMinute() + 60L * series.posts().length, 6, 1, members.size(), 1),
                overview,
                List.of(new ReportModel.Campaign("vote", series.startMinute() + 1800, series.startMinute() + 5400,
                        List.of(members.get(0).label()), members.stream().skip(1).map(SceneNode::label).toList(), 0.37)),
                List.of(new ReportModel.Cluster(1, "co-retweet", members.size(), 0.93, List.of("co-retweet", "synchronized-posting"),
                        List.of("vote", "elections"), series.startMinute() + 1800, series.startMinute() + 5400,
                        members.stream().map(SceneNode::label).toList(), series, cluster)),
                members.stream().limit(5).map(n -> new ReportModel.Account(n.label(), n.id(), n.score(), 1, n.signals(), n.evidence())).toList(),
                new ReportModel.Method("Synthetic example: accounts that retweet the same posts within a short window are linked; "
                        + "linked groups above the size threshold form clusters.\n\nCommunities come from the retweet and follow graph.",
                        thresholds));
        new ReportWriter(renderer).write(model, dir.resolve("report-example.html"));
        System.out.println("wrote pictures and report-example.html to " + dir);
    }

    /** Three hours of background activity with a coordinated burst in the second hour. */
    static ReportModel.MinuteSeries series() {
        Random r = new Random(5);
        int minutes = 180;
        int[] posts = new int[minutes], coord = new int[minutes];
        for (int i = 0; i < minutes; i++) {
            posts[i] = 2 + r.nextInt(6);
            if (i >= 60 && i < 90 && i % 6 == 0) {
                coord[i] = 10 + r.nextInt(3);
                posts[i] += coord[i];
            }
        }
        return new ReportModel.MinuteSeries(1_709_370_000L - 1_709_370_000L % 60, posts, coord);
    }
}
