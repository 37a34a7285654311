package io.lockstep.analysis;

import io.lockstep.store.SceneQueries;
import io.lockstep.visual.AccountNames;
import io.lockstep.visual.EdgeKind;
import io.lockstep.visual.OverviewBuilder;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneEdge;
import io.lockstep.visual.SceneNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps what {@link SceneQueries} reads from the store onto the visualizer's {@link Scene}s, for {@code render} and
 * {@code view}: accounts are named by {@link AccountNames}, the coordination relationships of a pair become one edge
 * weighted by their summed weights (each listed as an evidence line on both accounts), and each account's first
 * evidence line counts its posts.
 */
public final class StoreScenes {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Characters of a relationship's evidence text kept on an evidence line. */
    private static final int EVIDENCE_CHARS = 160;

    private StoreScenes() {
    }

    /**
     * The scene of a neighbourhood; for a cluster selection, the cluster with at most
     * {@link SceneQueries#CLUSTER_NEIGHBOURS} neighbours ({@link OverviewBuilder#cluster}).
     */
    public static Scene accounts(SceneQueries.Neighbourhood n) {
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> evidence = new HashMap<>();
        for (SceneQueries.Account a : n.accounts()) {
            names.put(a.id(), AccountNames.display(a.id(), a.screenName()));
            if (a.posts() > 0) {
                String line = a.posts() + " posts";
                if (a.firstPost() != null) {
                    line += ", first " + WHEN.format(Instant.ofEpochSecond(a.firstPost()))
                            + ", last " + WHEN.format(Instant.ofEpochSecond(a.lastPost()));
                }
                evidence.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(line);
            }
        }
        Map<List<String>, double[]> coordination = new LinkedHashMap<>();
        for (SceneQueries.Coordination c : n.coordination()) {
            double w = c.weight() != null ? c.weight() : c.count() != null ? c.count() : 1;
            coordination.computeIfAbsent(List.of(c.source(), c.target()), k -> new double[1])[0] += w > 0 ? w : 1;
            String signal = c.signal() == null ? "coordination" : c.signal();
            String count = c.count() == null ? "" : ", " + c.count() + " shared items";
            String ev = c.evidence() == null ? "" : ": " + shorten(c.evidence(), EVIDENCE_CHARS);
            evidence.computeIfAbsent(c.source(), k -> new ArrayList<>())
                    .add(signal + " with " + AccountNames.mention(c.target(), names.get(c.target())) + count + ev);
            evidence.computeIfAbsent(c.target(), k -> new ArrayList<>())
                    .add(signal + " with " + AccountNames.mention(c.source(), names.get(c.source())) + count + ev);
        }
        List<SceneEdge> edges = new ArrayList<>();
        coordination.forEach((ab, w) -> edges.add(new SceneEdge(ab.get(0), ab.get(1), EdgeKind.COORDINATION, w[0])));
        n.retweets().forEach(p -> edges.add(new SceneEdge(p.source(), p.target(), EdgeKind.RETWEET, p.count())));
        n.follows().forEach(p -> edges.add(new SceneEdge(p.source(), p.target(), EdgeKind.FOLLOW, 1)));
        List<SceneNode> nodes = new ArrayList<>();
        for (SceneQueries.Account a : n.accounts()) {
            nodes.add(new SceneNode(a.id(), names.get(a.id()), orNone(a.community()), orNone(a.cluster()),
                    a.suspicious(), a.score(), a.size(), a.signals(), evidence.getOrDefault(a.id(), List.of())));
        }
        Scene scene = new Scene("Accounts: " + n.selection().describe(), n.sizeBy().label(), nodes, edges);
        Integer cluster = n.selection().cluster();
        if (cluster != null) {
            return OverviewBuilder.cluster(scene, cluster, SceneQueries.CLUSTER_NEIGHBOURS, "Cluster " + cluster);
        }
        return scene;
    }

    /** The overview scene of the store's community graph ({@link OverviewBuilder#communityGraph}). */
    public static Scene communityGraph(SceneQueries.CommunityGraph g, String title) {
        List<OverviewBuilder.CommunitySize> sizes = g.communities().stream()
                .map(c -> new OverviewBuilder.CommunitySize(c.community(), c.accounts())).toList();
        List<OverviewBuilder.ClusterShare> shares = g.clusters().stream()
                .map(c -> new OverviewBuilder.ClusterShare(c.cluster(), c.community(), c.accounts(), c.maxScore(),
                        c.signals(), c.names())).toList();
        List<OverviewBuilder.CommunityLink> links = new ArrayList<>();
        g.retweets().forEach(p -> links.add(new OverviewBuilder.CommunityLink(p.a(), p.b(), EdgeKind.RETWEET, p.count())));
        g.follows().forEach(p -> links.add(new OverviewBuilder.CommunityLink(p.a(), p.b(), EdgeKind.FOLLOW, p.count())));
        return OverviewBuilder.communityGraph(sizes, shares, links, title);
    }

    private static int orNone(Integer id) {
        return id == null ? SceneNode.NONE : id;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
