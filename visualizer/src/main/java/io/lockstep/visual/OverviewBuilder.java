package io.lockstep.visual;

import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aggregates and samples account scenes so that every picture stays small enough to read and to render in
 * seconds: the community graph (the overview), one scene per cluster, and the top accounts of each community.
 */
public final class OverviewBuilder {
    /** Prefix of community node ids in the overview. */
    public static final String COMMUNITY_PREFIX = "community:";
    /** Prefix of cluster node ids in the overview. */
    public static final String CLUSTER_PREFIX = "cluster:";

    private OverviewBuilder() {
    }

    /**
     * Members of one community.
     *
     * @param community community id ({@link SceneNode#NONE} for accounts without one)
     * @param members   number of accounts
     */
    public record CommunitySize(int community, long members) {
    }

    /**
     * The suspicious members of one cluster that sit in one community.
     *
     * @param cluster   cluster id
     * @param community community id of these members
     * @param members   how many suspicious members of the cluster are in that community
     * @param maxScore  highest member score
     * @param signals   signals of these members
     * @param names     some of their screen names (for the evidence line)
     */
    public record ClusterShare(int cluster, int community, long members, double maxScore, List<String> signals, List<String> names) {
        public ClusterShare {
            signals = List.copyOf(signals);
            names = List.copyOf(names);
        }
    }

    /**
     * Summed weight of the account edges of one kind between two communities.
     *
     * @param a      one community
     * @param b      the other community (a != b)
     * @param kind   edge kind
     * @param weight summed weight (> 0)
     */
    public record CommunityLink(int a, int b, EdgeKind kind, double weight) {
    }

    /**
     * The community graph of an account scene: one node per community sized by its members, one red node per cluster
     * that holds suspicious accounts (sized by its members, linked to the communities its members belong to with a
     * coordination edge weighted by the number of members there), and one edge between two communities weighted by the
     * summed weight of the account edges between them, with the kind that carries most of that weight.
     */
    public static Scene communityGraph(Scene accounts, String title) {
        Map<Integer, Long> members = new TreeMap<>();
        Map<String, Integer> communityOf = new HashMap<>();
        Map<String, List<SceneNode>> shares = new TreeMap<>();
        for (SceneNode n : accounts.nodes()) {
            members.merge(n.community(), 1L, Long::sum);
            communityOf.put(n.id(), n.community());
            if (n.suspicious() && n.cluster() != SceneNode.NONE) {
                shares.computeIfAbsent(n.cluster() + " " + n.community(), k -> new ArrayList<>()).add(n);
            }
        }
        List<ClusterShare> clusterShares = new ArrayList<>();
        for (List<SceneNode> ms : shares.values()) {
            Set<String> signals = new TreeSet<>();
            ms.forEach(m -> signals.addAll(m.signals()));
            clusterShares.add(new ClusterShare(ms.get(0).cluster(), ms.get(0).community(), ms.size(),
                    ms.stream().mapToDouble(SceneNode::score).max().orElse(0), List.copyOf(signals),
                    ms.stream().map(SceneNode::label).toList()));
        }
        Map<String, Double> between = new TreeMap<>();
        for (SceneEdge e : accounts.edges()) {
            int a = communityOf.get(e.source()), b = communityOf.get(e.target());
            if (a != b) {
                between.merge(Math.min(a, b) + " " + Math.max(a, b) + " " + e.kind().ordinal(), e.weight(), Double::sum);
            }
        }
        List<CommunityLink> links = new ArrayList<>();
        between.forEach((k, w) -> {
            String[] p = k.split(" ");
            links.add(new CommunityLink(Integer.parseInt(p[0]), Integer.parseInt(p[1]), EdgeKind.values()[Integer.parseInt(p[2])], w));
        });
        List<CommunitySize> sizes = new ArrayList<>();
        members.forEach((c, m) -> sizes.add(new CommunitySize(c, m)));
        return communityGraph(sizes, clusterShares, links, title);
    }

    /**
     * The community graph from aggregates (as a store query returns them); see {@link #communityGraph(Scene, String)}.
     * Links of several kinds between the same two communities become one edge with the summed weight and the kind of
     * the largest share.
     */
    public static Scene communityGraph(List<CommunitySize> communities, List<ClusterShare> clusters,
                                       List<CommunityLink> links, String title) {
        List<SceneNode> nodes = new ArrayList<>();
        Set<Integer> known = new HashSet<>();
        communities.stream().sorted(Comparator.comparingInt(CommunitySize::community)).forEach(c -> {
            known.add(c.community());
            String label = (c.community() == SceneNode.NONE ? "no community" : "community " + c.community()) + " (" + c.members() + ")";
            nodes.add(new SceneNode(COMMUNITY_PREFIX + c.community(), label, c.community(), SceneNode.NONE, false, 0,
                    c.members(), List.of(), List.of()));
        });
        List<SceneEdge> edges = new ArrayList<>();
        Map<Integer, List<ClusterShare>> byCluster = new TreeMap<>();
        clusters.forEach(s -> byCluster.computeIfAbsent(s.cluster(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<Integer, List<ClusterShare>> e : byCluster.entrySet()) {
            List<ClusterShare> parts = e.getValue();
            long size = parts.stream().mapToLong(ClusterShare::members).sum();
            double score = parts.stream().mapToDouble(ClusterShare::maxScore).max().orElse(0);
            Set<String> signals = new TreeSet<>();
            List<String> names = new ArrayList<>();
            parts.forEach(p -> {
                signals.addAll(p.signals());
                names.addAll(p.names());
            });
            String id = CLUSTER_PREFIX + e.getKey();
            List<String> evidence = List.of(size + " suspicious accounts: " + String.join(", ", names.stream().limit(12).map(AccountNames::label).toList())
                    + (names.size() > 12 || size > names.size() ? ", …" : ""));
            nodes.add(new SceneNode(id, "cluster " + e.getKey() + " (" + size + ")", SceneNode.NONE, e.getKey(), true,
                    score, size, List.copyOf(signals), evidence));
            for (ClusterShare p : parts) {
                if (known.contains(p.community())) {
                    edges.add(new SceneEdge(id, COMMUNITY_PREFIX + p.community(), EdgeKind.COORDINATION, p.members()));
                }
            }
        }
        Map<String, double[]> between = new TreeMap<>();
        for (CommunityLink l : links) {
            if (l.a() == l.b() || !known.contains(l.a()) || !known.contains(l.b())) {
                continue;
            }
            String key = Math.min(l.a(), l.b()) + " " + Math.max(l.a(), l.b());
            between.computeIfAbsent(key, k -> new double[EdgeKind.values().length])[l.kind().ordinal()] += l.weight();
        }
        for (Map.Entry<String, double[]> e : between.entrySet()) {
            String[] ab = e.getKey().split(" ");
            double[] w = e.getValue();
            int best = 0;
            double total = 0;
            for (int k = 0; k < w.length; k++) {
                total += w[k];
                if (w[k] > w[best]) {
                    best = k;
                }
            }
            if (total > 0) {
                edges.add(new SceneEdge(COMMUNITY_PREFIX + ab[0], COMMUNITY_PREFIX + ab[1], EdgeKind.values()[best], total));
            }
        }
        return new Scene(title, "members", nodes, edges);
    }

    /**
     * The picture of one cluster: its members, plus up to {@code maxNeighbours} of their strongest direct
     * neighbours (by summed edge weight to the cluster) for context, with all edges among them.
     */
    public static Scene cluster(Scene accounts, int clusterId, int maxNeighbours, String title) {
        Set<String> members = new LinkedHashSet<>();
        for (SceneNode n : accounts.nodes()) {
            if (n.cluster() == clusterId) {
                members.add(n.id());
            }
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no account in cluster " + clusterId);
        }
        Map<String, Double> pull = new HashMap<>();
        for (SceneEdge e : accounts.edges()) {
            boolean s = members.contains(e.source()), t = members.contains(e.target());
            if (s && !t) {
                pull.merge(e.target(), e.weight(), Double::sum);
            } else if (t && !s) {
                pull.merge(e.source(), e.weight(), Double::sum);
            }
        }
        Set<String> keep = new HashSet<>(members);
        pull.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, maxNeighbours))
                .forEach(e -> keep.add(e.getKey()));
        return accounts.filter(title, n -> keep.contains(n.id()));
    }

    /**
     * The cluster pictures of one account scene from an index of its edges by node, built once in O(n + m): each
     * picture then costs the degrees of the nodes it shows instead of a pass over every edge of the archive. Gives
     * the scenes {@link #cluster(Scene, int, int, String)} gives (same nodes and edges, in the scene's order).
     */
    public static final class ClusterIndex {
        private final Scene accounts;
        private final int[] source;
        private final int[] target;
        private final int[] offsets;
        private final int[] incident;
        private final Map<Integer, List<Integer>> members = new HashMap<>();

        public ClusterIndex(Scene accounts) {
            this.accounts = accounts;
            Map<String, Integer> index = accounts.indexById();
            int n = accounts.nodes().size();
            int m = accounts.edges().size();
            source = new int[m];
            target = new int[m];
            offsets = new int[n + 1];
            for (int e = 0; e < m; e++) {
                SceneEdge edge = accounts.edges().get(e);
                source[e] = index.get(edge.source());
                target[e] = index.get(edge.target());
                offsets[source[e] + 1]++;
                if (target[e] != source[e]) {
                    offsets[target[e] + 1]++;
                }
            }
            for (int v = 0; v < n; v++) {
                offsets[v + 1] += offsets[v];
            }
            incident = new int[offsets[n]];
            int[] fill = Arrays.copyOf(offsets, n);
            for (int e = 0; e < m; e++) {
                incident[fill[source[e]]++] = e;
                if (target[e] != source[e]) {
                    incident[fill[target[e]]++] = e;
                }
            }
            for (int v = 0; v < n; v++) {
                int c = accounts.nodes().get(v).cluster();
                if (c != SceneNode.NONE) {
                    members.computeIfAbsent(c, k -> new ArrayList<>()).add(v);
                }
            }
        }

        /** As {@link OverviewBuilder#cluster(Scene, int, int, String)} on the indexed scene. */
        public Scene cluster(int clusterId, int maxNeighbours, String title) {
            List<Integer> inCluster = members.get(clusterId);
            if (inCluster == null) {
                throw new IllegalArgumentException("no account in cluster " + clusterId);
            }
            Set<Integer> member = new HashSet<>(inCluster);
            // the edges between a member and an outsider, in scene order, so that sums add up as in cluster()
            IntAVLTreeSet crossing = new IntAVLTreeSet();
            for (int v : inCluster) {
                for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                    int e = incident[i];
                    if (member.contains(source[e]) != member.contains(target[e])) {
                        crossing.add(e);
                    }
                }
            }
            Map<String, Double> pull = new HashMap<>();
            for (int e : crossing) {
                int outside = member.contains(source[e]) ? target[e] : source[e];
                pull.merge(accounts.nodes().get(outside).id(), accounts.edges().get(e).weight(), Double::sum);
            }
            Map<String, Integer> byId = new HashMap<>();
            for (int e : crossing) {
                byId.put(accounts.nodes().get(source[e]).id(), source[e]);
                byId.put(accounts.nodes().get(target[e]).id(), target[e]);
            }
            IntAVLTreeSet keep = new IntAVLTreeSet(inCluster);
            pull.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(Math.max(0, maxNeighbours))
                    .forEach(e -> keep.add((int) byId.get(e.getKey())));
            IntAVLTreeSet edges = new IntAVLTreeSet();
            for (int v : keep) {
                for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                    int e = incident[i];
                    if (keep.contains(source[e]) && keep.contains(target[e])) {
                        edges.add(e);
                    }
                }
            }
            List<SceneNode> nodes = new ArrayList<>(keep.size());
            keep.forEach((int v) -> nodes.add(accounts.nodes().get(v)));
            List<SceneEdge> kept = new ArrayList<>(edges.size());
            edges.forEach((int e) -> kept.add(accounts.edges().get(e)));
            return new Scene(title, accounts.sizeLabel(), nodes, kept);
        }
    }

    /**
     * At most {@code maxNodes} nodes and {@code maxEdges} edges of a scene, so that a picture stays small and
     * readable whatever the cluster's size: nodes of {@code clusterId} first, then the others, each group by
     * decreasing weighted degree (the most connected first); then the edges among the kept nodes, coordination edges
     * first, each kind by decreasing weight. A scene within both limits is returned unchanged.
     */
    public static Scene capped(Scene scene, int clusterId, int maxNodes, int maxEdges, String title) {
        if (maxNodes < 1 || maxEdges < 0) {
            throw new IllegalArgumentException("maxNodes must be >= 1 and maxEdges >= 0, was " + maxNodes + ", " + maxEdges);
        }
        if (scene.nodes().size() <= maxNodes && scene.edges().size() <= maxEdges) {
            return scene;
        }
        Map<String, Double> degree = new HashMap<>();
        for (SceneEdge e : scene.edges()) {
            degree.merge(e.source(), e.weight(), Double::sum);
            degree.merge(e.target(), e.weight(), Double::sum);
        }
        Set<String> keep = new HashSet<>();
        scene.nodes().stream()
                .sorted(Comparator.comparing((SceneNode n) -> n.cluster() != clusterId)
                        .thenComparing(n -> -degree.getOrDefault(n.id(), 0.0)).thenComparing(SceneNode::id))
                .limit(maxNodes).forEach(n -> keep.add(n.id()));
        List<SceneEdge> edges = scene.edges().stream()
                .filter(e -> keep.contains(e.source()) && keep.contains(e.target()))
                .sorted(Comparator.comparing((SceneEdge e) -> e.kind() != EdgeKind.COORDINATION)
                        .thenComparing(e -> -e.weight()).thenComparing(SceneEdge::source).thenComparing(SceneEdge::target))
                .limit(maxEdges).toList();
        List<SceneNode> nodes = scene.nodes().stream().filter(n -> keep.contains(n.id())).toList();
        return new Scene(title, scene.sizeLabel(), nodes, edges);
    }

    /**
     * Samples a large account scene: the {@code perCommunity} largest accounts (by size metric) of each community,
     * plus every suspicious account, with the edges among them.
     */
    public static Scene topAccounts(Scene accounts, int perCommunity, String title) {
        Map<Integer, List<SceneNode>> byCommunity = new HashMap<>();
        accounts.nodes().forEach(n -> byCommunity.computeIfAbsent(n.community(), k -> new ArrayList<>()).add(n));
        Set<String> keep = new HashSet<>();
        for (List<SceneNode> list : byCommunity.values()) {
            list.stream().sorted(Comparator.comparingDouble(SceneNode::size).reversed().thenComparing(SceneNode::id))
                    .limit(perCommunity).forEach(n -> keep.add(n.id()));
        }
        accounts.nodes().stream().filter(SceneNode::suspicious).forEach(n -> keep.add(n.id()));
        return accounts.filter(title, n -> keep.contains(n.id()));
    }
}
