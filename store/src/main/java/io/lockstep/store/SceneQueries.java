package io.lockstep.store;

import io.lockstep.visual.AccountNames;
import io.lockstep.visual.EdgeKind;
import io.lockstep.visual.OverviewBuilder;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneEdge;
import io.lockstep.visual.SceneNode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads {@link Scene}s for {@code render} and {@code view} from the store with parameterised Cypher, following
 * docs/graph-model.md: Account properties {@code community}, {@code cluster}, {@code score}, {@code suspicious},
 * {@code signals}, {@code pagerank}, {@code followers_count}; {@code COORDINATED_WITH {signal, weight, count,
 * evidence}}; {@code POSTED}/{@code RETWEETS}; {@code FOLLOWS}.
 */
public final class SceneQueries {
    /** What the node size stands for. */
    public enum SizeBy {
        PAGERANK("PageRank", "coalesce(a.pagerank, 0.0)"),
        FOLLOWERS("followers", "toFloat(coalesce(a.followers_count, 0))");

        final String label;
        final String expression;

        SizeBy(String label, String expression) {
            this.label = label;
            this.expression = expression;
        }
    }

    /**
     * Which accounts to show; at most one of cluster, community, hashtag, account is set (none: the top accounts).
     *
     * @param cluster   accounts with {@code Account.cluster = cluster} and their closest neighbours
     * @param community accounts with {@code Account.community = community}
     * @param hashtag   accounts that posted the hashtag (lower-case, without '#')
     * @param account   one account (screen name or id) and its direct partners
     * @param limit     at most this many accounts, largest first (suspicious accounts are always kept)
     */
    public record Selection(Integer cluster, Integer community, String hashtag, String account, int limit) {
        public Selection {
            int set = (cluster != null ? 1 : 0) + (community != null ? 1 : 0) + (hashtag != null ? 1 : 0) + (account != null ? 1 : 0);
            if (set > 1) {
                throw new IllegalArgumentException("choose at most one of --cluster, --community, --hashtag, --account");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1, was " + limit);
            }
            if (hashtag != null) {
                hashtag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
                hashtag = hashtag.toLowerCase(Locale.ROOT);
            }
        }

        public static Selection all(int limit) {
            return new Selection(null, null, null, null, limit);
        }

        String describe() {
            if (cluster != null) {
                return "cluster " + cluster;
            }
            if (community != null) {
                return "community " + community;
            }
            if (hashtag != null) {
                return "#" + hashtag;
            }
            if (account != null) {
                return "@" + account;
            }
            return "top accounts";
        }
    }

    /** Neighbours kept around a cluster for context. */
    static final int CLUSTER_NEIGHBOURS = 30;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final GraphStore store;

    public SceneQueries(GraphStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The accounts of {@code selection} with the retweet, follow and coordination edges among them. */
    public Scene accounts(Selection selection, SizeBy sizeBy) {
        String size = sizeBy.expression;
        String returns = " RETURN DISTINCT a.id AS id, coalesce(a.screen_name, a.id) AS name, a.community AS community, "
                + "a.cluster AS cluster, coalesce(a.suspicious, false) AS suspicious, coalesce(a.score, 0.0) AS score, "
                + "coalesce(a.signals, []) AS signals, " + size + " AS size";
        String order = " ORDER BY suspicious DESC, size DESC, id LIMIT $limit";
        String query;
        Map<String, Object> params = new HashMap<>();
        params.put("limit", selection.limit());
        if (selection.cluster() != null) {
            query = "MATCH (c:Account) WHERE c.cluster = $cluster "
                    + "CALL { WITH c MATCH (c)-[:COORDINATED_WITH|FOLLOWS]-(n:Account) RETURN n "
                    + "UNION WITH c MATCH (c)-[:POSTED]->(:Post)-[:RETWEETS]-(:Post)<-[:POSTED]-(n:Account) RETURN n "
                    + "UNION WITH c RETURN c AS n } WITH DISTINCT n AS a" + returns + order;
            params.put("cluster", selection.cluster());
            params.put("limit", selection.limit() + CLUSTER_NEIGHBOURS * 4);
        } else if (selection.community() != null) {
            query = "MATCH (a:Account) WHERE a.community = $community" + returns + order;
            params.put("community", selection.community());
        } else if (selection.hashtag() != null) {
            query = "MATCH (a:Account)-[:POSTED]->(:Post)-[:TAGS]->(:Hashtag {name: $tag}) WITH DISTINCT a" + returns + order;
            params.put("tag", selection.hashtag());
        } else if (selection.account() != null) {
            query = "MATCH (c:Account) WHERE c.screen_name = $name OR c.id = $name "
                    + "CALL { WITH c MATCH (c)-[:COORDINATED_WITH|FOLLOWS]-(n:Account) RETURN n "
                    + "UNION WITH c MATCH (c)-[:POSTED]->(:Post)-[:RETWEETS]-(:Post)<-[:POSTED]-(n:Account) RETURN n "
                    + "UNION WITH c RETURN c AS n } WITH DISTINCT n AS a" + returns + order;
            params.put("name", selection.account());
        } else {
            query = "MATCH (a:Account) WHERE NOT coalesce(a.placeholder, false)" + returns + order;
        }
        List<SceneNode> nodes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, Record> rows = new LinkedHashMap<>();
        try (Session s = store.session()) {
            for (Record r : s.run(query, params).list()) {
                rows.put(r.get("id").asString(), r);
                ids.add(r.get("id").asString());
            }
            if (ids.isEmpty()) {
                throw new NoMatchException("no account matches " + selection.describe());
            }
            Map<String, String> names = new HashMap<>();
            rows.forEach((id, r) -> names.put(id, AccountNames.display(id, r.get("name").asString())));
            Map<String, List<String>> evidence = new HashMap<>();
            List<SceneEdge> edges = new ArrayList<>();
            Map<String, double[]> coordination = new LinkedHashMap<>();
            for (Record r : s.run("MATCH (a:Account)-[r:COORDINATED_WITH]->(b:Account) WHERE a.id IN $ids AND b.id IN $ids "
                    + "RETURN a.id AS a, b.id AS b, r.signal AS signal, r.weight AS weight, r.count AS count, r.evidence AS evidence "
                    + "ORDER BY a, b, signal", Map.of("ids", ids)).list()) {
                String a = r.get("a").asString(), b = r.get("b").asString();
                double w = number(r.get("weight"), number(r.get("count"), 1));
                coordination.computeIfAbsent(a + "\u0000" + b, k -> new double[1])[0] += w > 0 ? w : 1;
                String signal = r.get("signal").isNull() ? "coordination" : r.get("signal").asString();
                String count = r.get("count").isNull() ? "" : ", " + r.get("count").asLong() + " shared items";
                String ev = r.get("evidence").isNull() ? "" : ": " + shorten(r.get("evidence").asString(), 160);
                evidence.computeIfAbsent(a, k -> new ArrayList<>()).add(signal + " with " + AccountNames.mention(b, names.get(b)) + count + ev);
                evidence.computeIfAbsent(b, k -> new ArrayList<>()).add(signal + " with " + AccountNames.mention(a, names.get(a)) + count + ev);
            }
            coordination.forEach((k, w) -> {
                String[] ab = k.split("\u0000");
                edges.add(new SceneEdge(ab[0], ab[1], EdgeKind.COORDINATION, w[0]));
            });
            for (Record r : s.run("MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account) "
                    + "WHERE a.id IN $ids AND b.id IN $ids AND a <> b RETURN a.id AS a, b.id AS b, count(*) AS n ORDER BY a, b",
                    Map.of("ids", ids)).list()) {
                edges.add(new SceneEdge(r.get("a").asString(), r.get("b").asString(), EdgeKind.RETWEET, r.get("n").asLong()));
            }
            for (Record r : s.run("MATCH (a:Account)-[:FOLLOWS]->(b:Account) WHERE a.id IN $ids AND b.id IN $ids AND a <> b "
                    + "RETURN a.id AS a, b.id AS b ORDER BY a, b", Map.of("ids", ids)).list()) {
                edges.add(new SceneEdge(r.get("a").asString(), r.get("b").asString(), EdgeKind.FOLLOW, 1));
            }
            for (Record r : s.run("MATCH (a:Account)-[:POSTED]->(p:Post) WHERE a.id IN $ids "
                    + "RETURN a.id AS id, count(p) AS n, min(p.time) AS first, max(p.time) AS last", Map.of("ids", ids)).list()) {
                String line = r.get("n").asLong() + " posts";
                if (!r.get("first").isNull()) {
                    line += ", first " + WHEN.format(Instant.ofEpochSecond(r.get("first").asLong()))
                            + ", last " + WHEN.format(Instant.ofEpochSecond(r.get("last").asLong()));
                }
                evidence.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(0, line);
            }
            for (Record r : rows.values()) {
                String id = r.get("id").asString();
                nodes.add(new SceneNode(id, names.get(id), intOrNone(r.get("community")), intOrNone(r.get("cluster")),
                        r.get("suspicious").asBoolean(), r.get("score").asDouble(), Math.max(0, r.get("size").asDouble()),
                        r.get("signals").asList(Value::asString), evidence.getOrDefault(id, List.of())));
            }
            Scene scene = new Scene("Accounts: " + selection.describe(), sizeBy.label, nodes, edges);
            if (selection.cluster() != null) {
                return OverviewBuilder.cluster(scene, selection.cluster(), CLUSTER_NEIGHBOURS, "Cluster " + selection.cluster());
            }
            return scene;
        }
    }

    /** The community graph of the whole store, aggregated in the database. */
    public Scene overview(String title) {
        try (Session s = store.session()) {
            List<OverviewBuilder.CommunitySize> sizes = new ArrayList<>();
            for (Record r : s.run("MATCH (a:Account) WHERE a.community IS NOT NULL "
                    + "RETURN a.community AS c, count(*) AS n ORDER BY c").list()) {
                sizes.add(new OverviewBuilder.CommunitySize(r.get("c").asInt(), r.get("n").asLong()));
            }
            if (sizes.isEmpty()) {
                throw new NoMatchException("no account has a community yet: run the analysis first");
            }
            List<OverviewBuilder.ClusterShare> shares = new ArrayList<>();
            for (Record r : s.run("MATCH (a:Account) WHERE a.suspicious = true AND a.cluster IS NOT NULL AND a.community IS NOT NULL "
                    + "WITH a ORDER BY a.score DESC, a.id "
                    + "RETURN a.cluster AS k, a.community AS c, count(*) AS n, max(coalesce(a.score, 0.0)) AS score, "
                    + "collect(coalesce(a.screen_name, a.id))[..12] AS names, "
                    + "reduce(acc = [], x IN collect(coalesce(a.signals, [])) | acc + [y IN x WHERE NOT y IN acc]) AS signals "
                    + "ORDER BY k, c").list()) {
                shares.add(new OverviewBuilder.ClusterShare(r.get("k").asInt(), r.get("c").asInt(), r.get("n").asLong(),
                        r.get("score").asDouble(), r.get("signals").asList(Value::asString), r.get("names").asList(Value::asString)));
            }
            List<OverviewBuilder.CommunityLink> links = new ArrayList<>();
            for (Record r : s.run("MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account) "
                    + "WHERE a.community IS NOT NULL AND b.community IS NOT NULL AND a.community <> b.community "
                    + "RETURN a.community AS a, b.community AS b, count(*) AS n").list()) {
                links.add(new OverviewBuilder.CommunityLink(r.get("a").asInt(), r.get("b").asInt(), EdgeKind.RETWEET, r.get("n").asLong()));
            }
            for (Record r : s.run("MATCH (a:Account)-[:FOLLOWS]->(b:Account) "
                    + "WHERE a.community IS NOT NULL AND b.community IS NOT NULL AND a.community <> b.community "
                    + "RETURN a.community AS a, b.community AS b, count(*) AS n").list()) {
                links.add(new OverviewBuilder.CommunityLink(r.get("a").asInt(), r.get("b").asInt(), EdgeKind.FOLLOW, r.get("n").asLong()));
            }
            return OverviewBuilder.communityGraph(sizes, shares, links, title);
        }
    }

    /** Ids of the clusters that hold suspicious accounts, in ascending order. */
    public List<Integer> suspiciousClusters() {
        try (Session s = store.session()) {
            return s.run("MATCH (a:Account) WHERE a.suspicious = true AND a.cluster IS NOT NULL "
                    + "RETURN DISTINCT a.cluster AS k ORDER BY k").list(r -> r.get("k").asInt());
        }
    }

    private static int intOrNone(Value v) {
        return v.isNull() ? SceneNode.NONE : v.asInt();
    }

    private static double number(Value v, double fallback) {
        return v.isNull() ? fallback : v.asNumber().doubleValue();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
