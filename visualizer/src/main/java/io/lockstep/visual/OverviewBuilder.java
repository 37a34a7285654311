package io.lockstep.visual;

import java.util.ArrayList;
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
     * The community graph of an account scene: one node per community sized by its members, one red node per cluster
     * that holds suspicious accounts (sized by its members, linked to the communities its members belong to with a
     * coordination edge weighted by the number of members there), and one edge between two communities weighted by the
     * summed weight of the account edges between them, with the kind that carries most of that weight.
     */
    public static Scene communityGraph(Scene accounts, String title) {
        Map<Integer, Integer> members = new TreeMap<>();
        Map<Integer, List<SceneNode>> suspiciousByCluster = new TreeMap<>();
        Map<String, Integer> communityOf = new HashMap<>();
        for (SceneNode n : accounts.nodes()) {
            members.merge(n.community(), 1, Integer::sum);
            communityOf.put(n.id(), n.community());
            if (n.suspicious() && n.cluster() != SceneNode.NONE) {
                suspiciousByCluster.computeIfAbsent(n.cluster(), k -> new ArrayList<>()).add(n);
            }
        }
        List<SceneNode> nodes = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : members.entrySet()) {
            int c = e.getKey();
            String label = (c == SceneNode.NONE ? "no community" : "community " + c) + " (" + e.getValue() + ")";
            nodes.add(new SceneNode(COMMUNITY_PREFIX + c, label, c, SceneNode.NONE, false, 0, e.getValue(), List.of(), List.of()));
        }
        List<SceneEdge> edges = new ArrayList<>();
        for (Map.Entry<Integer, List<SceneNode>> e : suspiciousByCluster.entrySet()) {
            List<SceneNode> ms = e.getValue();
            double score = ms.stream().mapToDouble(SceneNode::score).max().orElse(0);
            Set<String> signals = new TreeSet<>();
            ms.forEach(m -> signals.addAll(m.signals()));
            List<String> evidence = new ArrayList<>();
            evidence.add(ms.size() + " suspicious accounts: " + String.join(", ", ms.stream().map(SceneNode::label).limit(12).toList())
                    + (ms.size() > 12 ? ", …" : ""));
            String id = CLUSTER_PREFIX + e.getKey();
            nodes.add(new SceneNode(id, "cluster " + e.getKey() + " (" + ms.size() + ")", SceneNode.NONE, e.getKey(), true,
                    score, ms.size(), List.copyOf(signals), evidence));
            Map<Integer, Integer> perCommunity = new TreeMap<>();
            ms.forEach(m -> perCommunity.merge(m.community(), 1, Integer::sum));
            perCommunity.forEach((c, k) -> edges.add(new SceneEdge(id, COMMUNITY_PREFIX + c, EdgeKind.COORDINATION, k)));
        }
        // community-community edges: summed weight per kind
        Map<String, double[]> between = new TreeMap<>();
        for (SceneEdge e : accounts.edges()) {
            int a = communityOf.get(e.source()), b = communityOf.get(e.target());
            if (a == b) {
                continue;
            }
            String key = Math.min(a, b) + " " + Math.max(a, b);
            between.computeIfAbsent(key, k -> new double[EdgeKind.values().length])[e.kind().ordinal()] += e.weight();
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
            edges.add(new SceneEdge(COMMUNITY_PREFIX + ab[0], COMMUNITY_PREFIX + ab[1], EdgeKind.values()[best], total));
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
