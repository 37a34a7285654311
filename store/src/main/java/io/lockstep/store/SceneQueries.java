package io.lockstep.store;

import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The queries behind {@code render} and {@code view}: parameterised Cypher that answers in plain records (the
 * application maps them to the visualizer's scenes), following docs/graph-model.md: Account properties
 * {@code community}, {@code cluster}, {@code score}, {@code suspicious}, {@code signals}, {@code pagerank},
 * {@code followers_count}; {@code COORDINATED_WITH {signal, weight, count, evidence}}; {@code POSTED}/{@code RETWEETS};
 * {@code FOLLOWS}.
 */
public final class SceneQueries {
    /** What the node size stands for. */
    public enum SizeBy {
        PAGERANK("PageRank", "coalesce(a.pagerank, 0.0)"),
        FOLLOWERS("followers", "toFloat(coalesce(a.followers_count, 0))");

        private final String label;
        private final String expression;

        SizeBy(String label, String expression) {
            this.label = label;
            this.expression = expression;
        }

        /** What the size stands for, in words ("PageRank", "followers"). */
        public String label() {
            return label;
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

        /** The selection in words: "cluster 5", "community 2", "#vote", "@alice", "top accounts". */
        public String describe() {
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

    /**
     * One account of a {@link Neighbourhood}.
     *
     * @param id         the account id
     * @param screenName its screen name, or null when the store has none
     * @param community  {@code Account.community}, or null
     * @param cluster    {@code Account.cluster}, or null
     * @param suspicious {@code Account.suspicious} (false when unset)
     * @param score      {@code Account.score} (0 when unset)
     * @param size       the value of the {@link SizeBy} metric (>= 0)
     * @param signals    {@code Account.signals} (empty when unset)
     * @param posts      how many posts the account wrote
     * @param firstPost  epoch second of its first post, or null when it wrote none with a time
     * @param lastPost   epoch second of its last post, or null
     */
    public record Account(String id, String screenName, Integer community, Integer cluster, boolean suspicious,
                          double score, double size, List<String> signals, long posts, Long firstPost, Long lastPost) {
        public Account {
            signals = List.copyOf(signals);
        }
    }

    /**
     * One {@code COORDINATED_WITH} relationship between two accounts of a {@link Neighbourhood}.
     *
     * @param source   the relationship's start account id
     * @param target   its end account id
     * @param signal   the signal that found the pair, or null
     * @param weight   the relationship's weight, or null
     * @param count    how many items the pair shared, or null
     * @param evidence the evidence text, or null
     */
    public record Coordination(String source, String target, String signal, Double weight, Long count,
                               String evidence) {
    }

    /**
     * How often one account acted on another: retweets of its posts, or 1 for a follow.
     *
     * @param source the retweeter or follower
     * @param target the retweeted or followed account
     * @param count  retweets (>= 1), or 1 for a follow
     */
    public record Pair(String source, String target, long count) {
    }

    /**
     * The accounts of a {@link Selection} (largest first, suspicious first) and the relationships among them.
     *
     * @param selection    what was asked for
     * @param sizeBy       what {@link Account#size()} holds
     * @param accounts     the accounts; for a cluster, its members and their closest neighbours
     * @param coordination the {@code COORDINATED_WITH} relationships among them, ordered by source, target, signal
     * @param retweets     who retweeted whom among them, ordered by source and target
     * @param follows      who follows whom among them, ordered by source and target
     */
    public record Neighbourhood(Selection selection, SizeBy sizeBy, List<Account> accounts,
                                List<Coordination> coordination, List<Pair> retweets, List<Pair> follows) {
        public Neighbourhood {
            accounts = List.copyOf(accounts);
            coordination = List.copyOf(coordination);
            retweets = List.copyOf(retweets);
            follows = List.copyOf(follows);
        }
    }

    /**
     * The accounts of one community.
     *
     * @param community the {@code Account.community} value
     * @param accounts  how many accounts hold it
     */
    public record CommunitySize(int community, long accounts) {
    }

    /**
     * The suspicious accounts of one cluster that sit in one community.
     *
     * @param cluster   the cluster id
     * @param community the community of these accounts
     * @param accounts  how many there are
     * @param maxScore  the highest of their scores
     * @param signals   the signals that fired for any of them
     * @param names     up to 12 of their screen names (the id where there is none), highest score first
     */
    public record ClusterShare(int cluster, int community, long accounts, double maxScore, List<String> signals,
                               List<String> names) {
        public ClusterShare {
            signals = List.copyOf(signals);
            names = List.copyOf(names);
        }
    }

    /**
     * How many relationships of one kind run between the accounts of two different communities.
     *
     * @param a     the community of the retweeter or follower
     * @param b     the community of the other account
     * @param count how many retweets or follows
     */
    public record CommunityPair(int a, int b, long count) {
    }

    /**
     * The whole store aggregated by community, in the database.
     *
     * @param communities every community and its size, ascending by id
     * @param clusters    the suspicious accounts by cluster and community, ordered by cluster and community
     * @param retweets    retweets between communities
     * @param follows     follows between communities
     */
    public record CommunityGraph(List<CommunitySize> communities, List<ClusterShare> clusters,
                                 List<CommunityPair> retweets, List<CommunityPair> follows) {
        public CommunityGraph {
            communities = List.copyOf(communities);
            clusters = List.copyOf(clusters);
            retweets = List.copyOf(retweets);
            follows = List.copyOf(follows);
        }
    }

    /** Neighbours kept around a cluster for context: the application keeps this many per member at most. */
    public static final int CLUSTER_NEIGHBOURS = 30;

    private final GraphStore store;

    public SceneQueries(GraphStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The accounts of {@code selection} with the coordination, retweet and follow relationships among them.
     *
     * @throws NoMatchException when no account matches
     */
    public Neighbourhood accounts(Selection selection, SizeBy sizeBy) {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(sizeBy, "sizeBy");
        String returns = " RETURN DISTINCT a.id AS id, a.screen_name AS name, a.community AS community, "
                + "a.cluster AS cluster, coalesce(a.suspicious, false) AS suspicious, coalesce(a.score, 0.0) AS score, "
                + "coalesce(a.signals, []) AS signals, " + sizeBy.expression + " AS size";
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
        try (Session s = store.session()) {
            List<Record> rows = s.run(query, params).list();
            if (rows.isEmpty()) {
                throw new NoMatchException("no account matches " + selection.describe());
            }
            List<String> ids = rows.stream().map(r -> r.get("id").asString()).toList();
            Map<String, Record> postStats = new HashMap<>();
            for (Record r : s.run("MATCH (a:Account)-[:POSTED]->(p:Post) WHERE a.id IN $ids "
                    + "RETURN a.id AS id, count(p) AS n, min(p.time) AS first, max(p.time) AS last", Map.of("ids", ids)).list()) {
                postStats.put(r.get("id").asString(), r);
            }
            List<Account> accounts = new ArrayList<>();
            for (Record r : rows) {
                String id = r.get("id").asString();
                Record p = postStats.get(id);
                accounts.add(new Account(id, stringOrNull(r.get("name")), intOrNull(r.get("community")),
                        intOrNull(r.get("cluster")), r.get("suspicious").asBoolean(), r.get("score").asDouble(),
                        Math.max(0, r.get("size").asDouble()), r.get("signals").asList(Value::asString),
                        p == null ? 0 : p.get("n").asLong(), p == null ? null : longOrNull(p.get("first")),
                        p == null ? null : longOrNull(p.get("last"))));
            }
            List<Coordination> coordination = s.run("MATCH (a:Account)-[r:COORDINATED_WITH]->(b:Account) "
                    + "WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS a, b.id AS b, r.signal AS signal, "
                    + "r.weight AS weight, r.count AS count, r.evidence AS evidence ORDER BY a, b, signal",
                    Map.of("ids", ids)).list(r -> new Coordination(r.get("a").asString(), r.get("b").asString(),
                    stringOrNull(r.get("signal")), r.get("weight").isNull() ? null : r.get("weight").asNumber().doubleValue(),
                    longOrNull(r.get("count")), stringOrNull(r.get("evidence"))));
            List<Pair> retweets = s.run("MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account) "
                    + "WHERE a.id IN $ids AND b.id IN $ids AND a <> b RETURN a.id AS a, b.id AS b, count(*) AS n ORDER BY a, b",
                    Map.of("ids", ids)).list(r -> new Pair(r.get("a").asString(), r.get("b").asString(), r.get("n").asLong()));
            List<Pair> follows = s.run("MATCH (a:Account)-[:FOLLOWS]->(b:Account) WHERE a.id IN $ids AND b.id IN $ids "
                    + "AND a <> b RETURN a.id AS a, b.id AS b ORDER BY a, b",
                    Map.of("ids", ids)).list(r -> new Pair(r.get("a").asString(), r.get("b").asString(), 1));
            return new Neighbourhood(selection, sizeBy, accounts, coordination, retweets, follows);
        }
    }

    /**
     * The community graph of the whole store, aggregated in the database.
     *
     * @throws NoMatchException when no account has a community
     */
    public CommunityGraph communityGraph() {
        try (Session s = store.session()) {
            List<CommunitySize> sizes = s.run("MATCH (a:Account) WHERE a.community IS NOT NULL "
                    + "RETURN a.community AS c, count(*) AS n ORDER BY c")
                    .list(r -> new CommunitySize(r.get("c").asInt(), r.get("n").asLong()));
            if (sizes.isEmpty()) {
                throw new NoMatchException("no account has a community yet: run the analysis first");
            }
            List<ClusterShare> shares = s.run("MATCH (a:Account) WHERE a.suspicious = true AND a.cluster IS NOT NULL "
                    + "AND a.community IS NOT NULL WITH a ORDER BY a.score DESC, a.id "
                    + "RETURN a.cluster AS k, a.community AS c, count(*) AS n, max(coalesce(a.score, 0.0)) AS score, "
                    + "collect(coalesce(a.screen_name, a.id))[..12] AS names, "
                    + "reduce(acc = [], x IN collect(coalesce(a.signals, [])) | acc + [y IN x WHERE NOT y IN acc]) AS signals "
                    + "ORDER BY k, c").list(r -> new ClusterShare(r.get("k").asInt(), r.get("c").asInt(),
                    r.get("n").asLong(), r.get("score").asDouble(), r.get("signals").asList(Value::asString),
                    r.get("names").asList(Value::asString)));
            List<CommunityPair> retweets = s.run("MATCH (a:Account)-[:POSTED]->(:Post)-[:RETWEETS]->(:Post)<-[:POSTED]-(b:Account) "
                    + "WHERE a.community IS NOT NULL AND b.community IS NOT NULL AND a.community <> b.community "
                    + "RETURN a.community AS a, b.community AS b, count(*) AS n ORDER BY a, b").list(SceneQueries::communityPair);
            List<CommunityPair> follows = s.run("MATCH (a:Account)-[:FOLLOWS]->(b:Account) "
                    + "WHERE a.community IS NOT NULL AND b.community IS NOT NULL AND a.community <> b.community "
                    + "RETURN a.community AS a, b.community AS b, count(*) AS n ORDER BY a, b").list(SceneQueries::communityPair);
            return new CommunityGraph(sizes, shares, retweets, follows);
        }
    }

    /** Ids of the clusters that hold suspicious accounts, in ascending order. */
    public List<Integer> suspiciousClusters() {
        try (Session s = store.session()) {
            return s.run("MATCH (a:Account) WHERE a.suspicious = true AND a.cluster IS NOT NULL "
                    + "RETURN DISTINCT a.cluster AS k ORDER BY k").list(r -> r.get("k").asInt());
        }
    }

    private static CommunityPair communityPair(Record r) {
        return new CommunityPair(r.get("a").asInt(), r.get("b").asInt(), r.get("n").asLong());
    }

    private static Integer intOrNull(Value v) {
        return v.isNull() ? null : v.asInt();
    }

    private static Long longOrNull(Value v) {
        return v.isNull() ? null : v.asLong();
    }

    private static String stringOrNull(Value v) {
        return v.isNull() ? null : v.asString();
    }
}
