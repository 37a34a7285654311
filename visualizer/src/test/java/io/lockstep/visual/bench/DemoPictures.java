package io.lockstep.visual.bench;

import io.lockstep.visual.OverviewBuilder;
import io.lockstep.visual.ReportModel;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneRenderer;
import io.lockstep.visual.SyntheticScenes;
import io.lockstep.visual.TimelinePlot;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes example pictures of a seeded synthetic network into a directory (default {@code docs/pictures}):
 * {@code DemoPictures [DIR]}. The report's screenshots there come from the demo archive (see its README).
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

        System.out.println("wrote pictures to " + dir);
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
