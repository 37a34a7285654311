package io.lockstep.importer;

import io.lockstep.activity.Activity;
import io.lockstep.store.GraphStore;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes batches of rows to the graph of {@code docs/graph-model.md}: one transaction per batch, one parameterised
 * {@code UNWIND} statement per node or relationship kind, {@code MERGE} on the unique keys, so that replaying a
 * batch changes nothing. A referenced post not seen yet is created with {@code placeholder = true} and completed
 * (placeholder set to false) when its row arrives; accounts known only by id are placeholders likewise.
 *
 * <p>The {@code Import} bookkeeping node is updated in the same transaction as the batch's data, so the committed
 * row count is exact after a crash.
 */
final class Neo4jWriter {
    static final String ACCOUNTS = """
            UNWIND $rows AS r
            MERGE (a:Account {id: r.id})
            SET a += r.props, a.placeholder = false""";
    static final String STUB_ACCOUNTS = """
            UNWIND $ids AS id
            MERGE (a:Account {id: id})
            ON CREATE SET a.placeholder = true""";
    static final String POSTS = """
            UNWIND $rows AS r
            MERGE (p:Post {id: r.id})
            SET p += r.props, p.placeholder = false
            WITH p, r
            MATCH (a:Account {id: r.author})
            MERGE (a)-[:POSTED]->(p)""";
    private static final String REFS = """
            UNWIND $rows AS r
            MATCH (p:Post {id: r.id})
            MERGE (o:Post {id: r.ref})
            ON CREATE SET o.placeholder = true
            MERGE (p)-[:%s]->(o)
            FOREACH (_ IN CASE WHEN r.author IS NULL OR o.placeholder = false THEN [] ELSE [1] END |
              MERGE (ra:Account {id: r.author})
              ON CREATE SET ra.placeholder = true
              MERGE (ra)-[:POSTED]->(o))""";
    static final String RETWEETS = REFS.formatted("RETWEETS");
    static final String QUOTES = REFS.formatted("QUOTES");
    static final String REPLIES = REFS.formatted("REPLIES_TO");
    static final String TAGS = """
            UNWIND $rows AS r
            MATCH (p:Post {id: r.post})
            MERGE (h:Hashtag {name: r.name})
            MERGE (p)-[t:TAGS]->(h)
            SET t.position = r.position""";
    static final String LINKS = """
            UNWIND $rows AS r
            MATCH (p:Post {id: r.post})
            MERGE (u:Url {url: r.url})
            MERGE (p)-[:LINKS]->(u)""";
    static final String MENTIONS = """
            UNWIND $rows AS r
            MATCH (p:Post {id: r.post})
            MATCH (a:Account {id: r.account})
            MERGE (p)-[:MENTIONS]->(a)""";
    static final String FOLLOWS = """
            UNWIND $rows AS r
            MATCH (a:Account {id: r.source})
            MATCH (b:Account {id: r.target})
            MERGE (a)-[:FOLLOWS]->(b)""";
    static final String INTERACTS_TIMED = """
            UNWIND $rows AS r
            MATCH (a:Account {id: r.source})
            MATCH (b:Account {id: r.target})
            MERGE (a)-[e:INTERACTS {type: r.type, time: r.time}]->(b)
            SET e.weight = r.weight""";
    static final String INTERACTS_UNTIMED = """
            UNWIND $rows AS r
            MATCH (a:Account {id: r.source})
            MATCH (b:Account {id: r.target})
            MERGE (a)-[e:INTERACTS {type: r.type}]->(b)
            SET e.weight = r.weight""";
    static final String IMPORT_PROGRESS = """
            MATCH (i:Import {key: $key})
            SET i.rows_done = $rows, i.rejects = $rejects""";
    /** The interaction type stored when an edge list has no type column. */
    static final String DEFAULT_INTERACTION = "interaction";

    /** Rows collected for one transaction. */
    static final class Batch {
        final Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
        final Set<String> referencedAccounts = new LinkedHashSet<>();
        final Map<String, PostRow> posts = new LinkedHashMap<>();
        final List<EdgeRow> edges = new ArrayList<>();
        long records;

        void add(AccountRow a) {
            putAccountProperties(accounts.computeIfAbsent(a.id(), k -> new HashMap<>()), a);
        }

        void add(PostRow p) {
            posts.put(p.id(), p);
            referencedAccounts.add(p.authorId());
            referencedAccounts.addAll(p.mentions());
        }

        void add(EdgeRow e) {
            edges.add(e);
            referencedAccounts.add(e.source());
            referencedAccounts.add(e.target());
        }

        boolean isEmpty() {
            return accounts.isEmpty() && posts.isEmpty() && edges.isEmpty();
        }

        int size() {
            return accounts.size() + posts.size() + edges.size();
        }
    }

    private final GraphStore store;

    Neo4jWriter(GraphStore store) {
        this.store = store;
    }

    /**
     * Writes {@code batch} and sets the import's progress to {@code rowsDone}/{@code rejects}, atomically.
     * {@code importKey} may be null (no bookkeeping).
     */
    void write(Batch batch, String importKey, long rowsDone, long rejects) {
        Map<String, List<Map<String, Object>>> params = parameters(batch);
        try (Session session = store.session()) {
            session.executeWriteWithoutResult(tx -> {
                run(tx, ACCOUNTS, params.get("accounts"));
                List<Object> stubs = new ArrayList<>();
                for (String id : batch.referencedAccounts) {
                    if (!batch.accounts.containsKey(id)) {
                        stubs.add(id);
                    }
                }
                if (!stubs.isEmpty()) {
                    tx.run(STUB_ACCOUNTS, Map.of("ids", stubs)).consume();
                }
                run(tx, POSTS, params.get("posts"));
                run(tx, RETWEETS, params.get("retweets"));
                run(tx, QUOTES, params.get("quotes"));
                run(tx, REPLIES, params.get("replies"));
                run(tx, TAGS, params.get("tags"));
                run(tx, LINKS, params.get("links"));
                run(tx, MENTIONS, params.get("mentions"));
                run(tx, FOLLOWS, params.get("follows"));
                run(tx, INTERACTS_TIMED, params.get("timed"));
                run(tx, INTERACTS_UNTIMED, params.get("untimed"));
                if (importKey != null) {
                    tx.run(IMPORT_PROGRESS, Map.of("key", importKey, "rows", rowsDone, "rejects", rejects)).consume();
                }
            });
        }
    }

    private static void run(TransactionContext tx, String cypher, List<Map<String, Object>> rows) {
        if (rows != null && !rows.isEmpty()) {
            long t0 = System.nanoTime();
            tx.run(cypher, Map.of("rows", rows)).consume();
            if (TIMING != null) {
                TIMING.merge(cypher.lines().skip(1).findFirst().orElse(cypher) + " " + cypher.length(),
                        System.nanoTime() - t0, Long::sum);
            }
        }
    }

    /** Per-statement time when the system property {@code lockstep.importer.timing} is set (benchmarks). */
    static final Map<String, Long> TIMING = Boolean.getBoolean("lockstep.importer.timing")
            ? new java.util.concurrent.ConcurrentHashMap<>() : null;

    static Map<String, List<Map<String, Object>>> parameters(Batch batch) {
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        List<Map<String, Object>> accounts = list(out, "accounts");
        batch.accounts.forEach((id, props) -> accounts.add(Map.of("id", id, "props", props)));
        for (PostRow p : batch.posts.values()) {
            Map<String, Object> props = postProperties(p);
            list(out, "posts").add(Map.of("id", p.id(), "author", p.authorId(), "props", props));
            ref(out, "retweets", p.id(), p.retweetOf(), p.retweetAuthor());
            ref(out, "quotes", p.id(), p.quoteOf(), p.quoteAuthor());
            ref(out, "replies", p.id(), p.replyTo(), p.replyAuthor());
            for (int i = 0; i < p.hashtags().size(); i++) {
                list(out, "tags").add(Map.of("post", p.id(), "name", p.hashtags().get(i), "position", i));
            }
            for (String u : p.urls()) {
                list(out, "links").add(Map.of("post", p.id(), "url", u));
            }
            for (String m : p.mentions()) {
                list(out, "mentions").add(Map.of("post", p.id(), "account", m));
            }
        }
        for (EdgeRow e : batch.edges) {
            if (e.follow()) {
                list(out, "follows").add(Map.of("source", e.source(), "target", e.target()));
            } else {
                Map<String, Object> r = new HashMap<>();
                r.put("source", e.source());
                r.put("target", e.target());
                r.put("type", e.type() == null ? DEFAULT_INTERACTION : e.type());
                r.put("weight", e.weight());
                if (e.time() != Activity.NO_TIME) {
                    r.put("time", e.time());
                    list(out, "timed").add(r);
                } else {
                    list(out, "untimed").add(r);
                }
            }
        }
        return out;
    }

    /**
     * Adds the account's given properties to {@code props} (the graph model's names); what the row does not give
     * is left as it was, so that a later, sparser row never erases a known value.
     */
    static void putAccountProperties(Map<String, Object> props, AccountRow a) {
        put(props, "screen_name", a.screenName());
        put(props, "display_name", a.displayName());
        put(props, "location", a.location());
        put(props, "description", a.description());
        put(props, "profile_url", a.profileUrl());
        putCount(props, "followers_count", a.followersCount());
        putCount(props, "following_count", a.followingCount());
        if (a.createdAt() != Activity.NO_TIME) {
            props.put("created_at", a.createdAt());
        }
        put(props, "language", a.language());
    }

    /** The post's properties under the graph model's names (placeholder excepted). */
    static Map<String, Object> postProperties(PostRow p) {
        Map<String, Object> props = new HashMap<>();
        props.put("time", p.time());
        props.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
        put(props, "text", p.text());
        put(props, "lang", p.lang());
        put(props, "client", p.client());
        putCount(props, "like_count", p.likeCount());
        putCount(props, "retweet_count", p.retweetCount());
        return props;
    }

    private static void ref(Map<String, List<Map<String, Object>>> out, String key, String id, String ref,
                            String author) {
        if (ref == null || ref.equals(id)) {
            return;
        }
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("ref", ref);
        r.put("author", author);
        list(out, key).add(r);
    }

    private static List<Map<String, Object>> list(Map<String, List<Map<String, Object>>> out, String key) {
        return out.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private static void put(Map<String, Object> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private static void putCount(Map<String, Object> props, String key, long value) {
        if (value >= 0) {
            props.put(key, value);
        }
    }
}
