package io.lockstep.analysis;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityGraphs;
import io.lockstep.activity.PostKind;
import io.lockstep.campaign.Campaign;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.Cluster;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.Evidence;
import io.lockstep.coordination.Signal;
import io.lockstep.graph.CompactGraph;
import io.lockstep.visual.AccountNames;
import io.lockstep.visual.EdgeKind;
import io.lockstep.visual.OverviewBuilder;
import io.lockstep.visual.ReportFacts;
import io.lockstep.visual.ReportModel;
import io.lockstep.visual.ReportWriter;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneEdge;
import io.lockstep.visual.SceneNode;
import io.lockstep.visual.SceneRenderer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Maps an {@link Analysis} onto the visualizer's records and writes {@code overview.png}, one picture per cluster
 * under {@code clusters/}, and {@code report.html}. Large archives are reduced before drawing: the overview is the
 * community graph, each cluster picture holds the cluster and its nearest neighbours.
 */
public final class AnalysisVisuals {
    public static final String OVERVIEW = "overview.png";
    public static final String REPORT = "report.html";
    /** Cluster pictures and report sections; the rest are in clusters.csv. */
    static final int MAX_CLUSTERS = 20;
    static final int TOP_ACCOUNTS = 30;
    static final int EVIDENCE_LINES = 6;
    /** Interaction edges kept in the account scene (the heaviest), so huge archives still draw in seconds. */
    static final int MAX_SCENE_EDGES = 200_000;
    /**
     * Edges drawn in one cluster picture, the heaviest: a cluster of a thousand accounts in lockstep has up to half a
     * million edges among them, which draw as the same solid blob as these but take minutes to rasterise.
     */
    static final int MAX_PICTURE_EDGES = 10_000;
    /** Longest per-minute timeline in the report (a week); longer clusters are cut at that length. */
    static final int MAX_MINUTES = 7 * 24 * 60;

    private AnalysisVisuals() {
    }

    /**
     * Writes the pictures and the report for {@code analysis} into {@code outDir}, drawing the pictures on
     * {@code threads} threads (at least 1) beside this one, which meanwhile gathers the report's facts: the pictures
     * are independent of one another and each is the same whichever thread draws it. Returns once every file is
     * written; the first failure of a picture is rethrown here.
     */
    static void render(Analysis analysis, CoordinationParams params, String source, Path outDir, int threads)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lockstep-pictures-draw");
            t.setDaemon(true);
            return t;
        });
        try {
            render(analysis, params, source, outDir, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void render(Analysis analysis, CoordinationParams params, String source, Path outDir,
                               ExecutorService pool) throws IOException {
        SceneRenderer renderer = new SceneRenderer();
        List<CompletableFuture<Void>> drawn = new ArrayList<>();
        List<List<String>> evidence = evidenceLines(analysis);
        Scene accounts = accountScene(analysis, evidence);
        Scene overview = OverviewBuilder.communityGraph(accounts, "Communities and suspicious clusters");
        drawn.add(CompletableFuture.runAsync(() -> renderer.renderPng(overview, outDir.resolve(OVERVIEW),
                SceneRenderer.WIDTH, SceneRenderer.HEIGHT), pool));

        List<ReportModel.Cluster> clusters = new ArrayList<>();
        Path clusterDir = outDir.resolve("clusters");
        Files.createDirectories(clusterDir);
        Activity act = analysis.activity();
        ReportFacts facts = new ReportFacts(act, analysis.detection(), params);
        OverviewBuilder.ClusterIndex byCluster = new OverviewBuilder.ClusterIndex(accounts);
        List<Cluster> ranked = new ArrayList<>(analysis.detection().clusters());
        ranked.sort(Comparator.comparingDouble(Cluster::score).reversed().thenComparingInt(Cluster::id));
        for (int k = 0; k < ranked.size(); k++) {
            Cluster c = ranked.get(k);
            Scene scene = null;
            ReportModel.MinuteSeries series = null;
            if (k < MAX_CLUSTERS) {
                String title = "Cluster " + c.id() + " — " + c.kind() + ", " + c.members().length + " accounts, score "
                        + String.format(Locale.ROOT, "%.2f", c.score());
                Scene picture = heaviestEdges(byCluster.cluster(c.id(), 30, title), MAX_PICTURE_EDGES);
                Path file = clusterDir.resolve("cluster-" + c.id() + ".png");
                drawn.add(CompletableFuture.runAsync(() -> renderer.renderPng(picture, file, 1200, 800), pool));
                scene = picture;
                series = minuteSeries(act, c, facts.postsBy(c.members()), params.coRetweet().window());
            }
            ReportFacts.ClusterFacts f = facts.cluster(c);
            clusters.add(new ReportModel.Cluster(c.id(), c.kind(), c.members().length, c.score(),
                    c.score() >= params.cluster().suspiciousScore(), c.signals(), c.topHashtags(), f.topLinks(),
                    c.firstSeen(), c.lastSeen(), f.members(), f.evidence(), series, scene));
        }

        ReportModel model = new ReportModel("Lockstep report: " + source, Instant.now().getEpochSecond(),
                summary(analysis, source, params), overview, facts.campaigns(), clusters,
                topAccounts(analysis, evidence, facts, TOP_ACCOUNTS), topAccounts(analysis, List.of(), facts, Integer.MAX_VALUE),
                new ReportModel.Method(params.describe(), thresholds(params)));
        // the report embeds the same scenes: once their pictures are drawn, their layouts are the renderer's
        await(drawn);
        new ReportWriter(renderer).write(model, outDir.resolve(REPORT));
    }

    /** Waits for every picture; rethrows the first failure as it was thrown (its cause, not the wrapper). */
    private static void await(List<CompletableFuture<Void>> drawn) throws IOException {
        try {
            CompletableFuture.allOf(drawn.toArray(new CompletableFuture<?>[0])).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** {@code scene} with only its {@code max} heaviest edges (ties in scene order), or itself when it has no more. */
    static Scene heaviestEdges(Scene scene, int max) {
        if (scene.edges().size() <= max) {
            return scene;
        }
        List<SceneEdge> edges = new ArrayList<>(scene.edges());
        // a stable sort: equal weights keep the scene's order
        edges.sort(Comparator.comparingDouble(SceneEdge::weight).reversed());
        Set<SceneEdge> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(edges.subList(0, max));
        return new Scene(scene.title(), scene.sizeLabel(), scene.nodes(),
                scene.edges().stream().filter(keep::contains).toList());
    }

    /** Every account, sized by PageRank, with its verdict and evidence; interaction and coordination edges. */
    static Scene accountScene(Analysis analysis, List<List<String>> evidence) {
        Activity act = analysis.activity();
        AccountVerdict[] verdicts = analysis.detection().accounts();
        List<SceneNode> nodes = new ArrayList<>(act.accountCount());
        for (int a = 0; a < act.accountCount(); a++) {
            AccountVerdict v = verdicts[a];
            nodes.add(new SceneNode(act.accountId(a), label(act, a), analysis.community()[a], v.cluster(),
                    v.suspicious(), v.score(), analysis.pagerank()[a], v.signals(), evidence.get(a)));
        }
        List<SceneEdge> edges = new ArrayList<>();
        CompactGraph retweets = ActivityGraphs.retweets(act);
        IntArrayList sources = new IntArrayList();
        IntArrayList arcs = new IntArrayList();
        for (int u = 0; u < retweets.nodeCount(); u++) {
            for (int i = retweets.start(u); i < retweets.end(u); i++) {
                if (u < retweets.target(i)) {
                    sources.add(u);
                    arcs.add(i);
                }
            }
        }
        Integer[] order = new Integer[arcs.size()];
        Arrays.setAll(order, k -> k);
        if (order.length > MAX_SCENE_EDGES) {
            Arrays.sort(order, Comparator.comparingDouble(k -> -retweets.weight(arcs.getInt(k))));
            order = Arrays.copyOf(order, MAX_SCENE_EDGES);
        }
        for (int k : order) {
            int i = arcs.getInt(k);
            edges.add(new SceneEdge(act.accountId(sources.getInt(k)), act.accountId(retweets.target(i)),
                    EdgeKind.RETWEET, retweets.weight(i)));
        }
        for (CoordinationEdge e : analysis.detection().edges()) {
            if (e.weight() > 0) {
                edges.add(new SceneEdge(act.accountId(e.source()), act.accountId(e.target()), EdgeKind.COORDINATION,
                        e.weight()));
            }
        }
        return new Scene("Accounts", "PageRank", nodes, edges);
    }

    /** Per account, its strongest coordination partners as readable lines: signal, partner, items and times. */
    static List<List<String>> evidenceLines(Analysis analysis) {
        Activity act = analysis.activity();
        List<List<String>> lines = new ArrayList<>(act.accountCount());
        for (int a = 0; a < act.accountCount(); a++) {
            lines.add(new ArrayList<>(2));
        }
        List<CoordinationEdge> edges = new ArrayList<>(analysis.detection().edges());
        edges.sort(Comparator.comparingDouble(CoordinationEdge::weight).reversed());
        for (CoordinationEdge e : edges) {
            addLine(lines.get(e.source()), act, e, e.target(), true);
            addLine(lines.get(e.target()), act, e, e.source(), false);
        }
        return lines;
    }

    private static void addLine(List<String> lines, Activity act, CoordinationEdge e, int partner, boolean isSource) {
        if (lines.size() >= EVIDENCE_LINES) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(e.signal()).append(" with ").append(AccountNames.mention(act.accountId(partner), act.screenName(partner))).append(": ").append(e.count())
                .append(" shared");
        List<Evidence> ev = e.evidence();
        for (int i = 0; i < Math.min(3, ev.size()); i++) {
            Evidence x = ev.get(i);
            long mine = isSource ? x.sourceTime() : x.targetTime();
            long theirs = isSource ? x.targetTime() : x.sourceTime();
            sb.append(i == 0 ? " — " : "; ").append(x.item());
            if (mine != Activity.NO_TIME) {
                sb.append(" at ").append(AnalysisFiles.time(mine));
                if (theirs != Activity.NO_TIME) {
                    sb.append(" (").append(Math.abs(theirs - mine)).append(" s apart)");
                }
            }
        }
        lines.add(sb.toString());
    }

    static ReportModel.Summary summary(Analysis analysis, String source, CoordinationParams params) {
        Activity act = analysis.activity();
        long first = Long.MIN_VALUE, last = Long.MIN_VALUE;
        int posts = 0;
        for (int p = 0; p < act.postCount(); p++) {
            if (act.kind(p) == PostKind.PLACEHOLDER || act.time(p) == Activity.NO_TIME) {
                continue;
            }
            posts++;
            long t = act.time(p);
            first = first == Long.MIN_VALUE ? t : Math.min(first, t);
            last = Math.max(last, t);
        }
        IntOpenHashSet communities = new IntOpenHashSet();
        for (int c : analysis.community()) {
            if (c >= 0) {
                communities.add(c);
            }
        }
        int suspicious = 0;
        for (AccountVerdict v : analysis.detection().accounts()) {
            suspicious += v.suspicious() ? 1 : 0;
        }
        return new ReportModel.Summary(source, act.accountCount(), posts, act.hashtagDictionarySize(),
                act.followCount(), first, last, communities.size(), analysis.detection().clusters().size(), suspicious,
                analysis.detection().campaigns().size(), params.cluster().suspiciousScore());
    }

    /** The flagged accounts, highest score first, at most {@code limit}; evidence lines when {@code evidence} has them. */
    static List<ReportModel.Account> topAccounts(Analysis analysis, List<List<String>> evidence, ReportFacts facts, int limit) {
        Activity act = analysis.activity();
        AccountVerdict[] verdicts = analysis.detection().accounts();
        return Arrays.stream(verdicts)
                .filter(AccountVerdict::suspicious)
                .sorted(Comparator.comparingDouble(AccountVerdict::score).reversed()
                        .thenComparing(v -> act.accountId(v.account())))
                .limit(limit)
                .map(v -> new ReportModel.Account(facts.name(v.account()), v.score(), v.cluster(), v.signals(),
                        evidence.isEmpty() ? List.of() : evidence.get(v.account())))
                .toList();
    }

    /**
     * Posts per minute by the cluster's members over the cluster's span, and among them the retweets that another
     * member made of the same original within the co-retweet window: the lockstep part, highlighted in the plot.
     * {@code memberPosts}: the members' posts in ascending order ({@link ReportFacts#postsBy}).
     */
    static ReportModel.MinuteSeries minuteSeries(Activity act, Cluster c, int[] memberPosts, long window) {
        if (c.firstSeen() == Activity.NO_TIME || c.lastSeen() == Activity.NO_TIME) {
            return null;
        }
        long start = Math.floorDiv(c.firstSeen(), 60) * 60;
        int minutes = (int) Math.min(MAX_MINUTES, (c.lastSeen() - start) / 60 + 1);
        int[] posts = new int[minutes];
        int[] coordinated = new int[minutes];
        Map<Integer, IntArrayList> retweetsByOriginal = new LinkedHashMap<>();
        for (int p : memberPosts) {
            long t = act.time(p);
            if (t == Activity.NO_TIME) {
                continue;
            }
            int m = (int) ((t - start) / 60);
            if (t < start || m >= minutes) {
                continue;
            }
            posts[m]++;
            if (act.kind(p) == PostKind.RETWEET && act.referencedPost(p) >= 0) {
                retweetsByOriginal.computeIfAbsent(act.referencedPost(p), k -> new IntArrayList()).add(p);
            }
        }
        for (IntArrayList rts : retweetsByOriginal.values()) {
            int[] ps = rts.toIntArray();
            long[] times = new long[ps.length];
            for (int i = 0; i < ps.length; i++) {
                times[i] = act.time(ps[i]);
            }
            for (int i = 0; i < ps.length; i++) {
                for (int j = 0; j < ps.length; j++) {
                    if (i != j && act.author(ps[i]) != act.author(ps[j]) && Math.abs(times[i] - times[j]) <= window) {
                        coordinated[(int) ((times[i] - start) / 60)]++;
                        break;
                    }
                }
            }
        }
        return new ReportModel.MinuteSeries(start, posts, coordinated);
    }

    static Map<String, String> thresholds(CoordinationParams p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("signals", String.join(", ", CoordinationParams.ALL_SIGNALS.stream().filter(p::enabled).toList()));
        for (Signal s : Signal.values()) {
            if (p.enabled(s.id())) {
                m.put(s.id(), s.describe(p));
            }
        }
        m.put("suspicious cluster score", "≥ " + p.cluster().suspiciousScore());
        m.put("seed", Long.toString(p.seed()));
        return m;
    }

    /** The account's name in pictures, the viewer and evidence lines: {@link AccountNames#display}. */
    static String label(Activity act, int a) {
        return AccountNames.display(act.accountId(a), act.screenName(a));
    }
}
