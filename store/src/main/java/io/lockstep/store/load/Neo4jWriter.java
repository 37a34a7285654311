package io.lockstep.store.load;

import io.lockstep.activity.Activity;
import io.lockstep.importer.AccountRow;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.PostRow;
import io.lockstep.store.GraphStore;
import io.lockstep.store.TransientRetry;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.graphdb.ConstraintViolationException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.exceptions.Status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes batches of rows to the graph of {@code docs/graph-model.md}, one transaction per batch, so that replaying
 * a batch changes nothing and a killed import loses at most the uncommitted batch.
 *
 * <p>A batch is written in two ways, decided per post inside the transaction:
 * <ul>
 *   <li><b>new posts</b> (no node with the id yet, the common case of an incremental import) are {@code CREATE}d
 *       with all their relationships: a post that did not exist cannot have any, so nothing needs a
 *       {@code MERGE}. The shared end nodes (accounts, hashtags, URLs, referenced posts) are {@code MERGE}d once per
 *       distinct key in the batch, their node ids returned, and the relationships created between node ids, which
 *       costs no index lookup;</li>
 *   <li><b>posts already in the store</b> (a re-import, or a placeholder being completed) go through
 *       {@code MERGE} on every node and relationship, as a replay must.</li>
 * </ul>
 * A referenced post not seen yet is created with {@code placeholder = true} and completed (placeholder set to
 * false) when its row arrives; accounts known only by id are placeholders likewise. Should another writer create
 * one of the "new" posts between the check and the {@code CREATE}, the uniqueness constraint rejects the
 * transaction and the batch is written again, now seeing that post.
 *
 * <p>Node ids ({@code id()}) are used only within the transaction that read them, except those of accounts and
 * hashtags, which one writer (one import) remembers from its committed transactions: an account whose profile is
 * what this writer last set, and a hashtag it has seen, are not merged again. That holds while nothing deletes
 * accounts or hashtags during the import.
 *
 * <p>The statements are the same whatever the store; an embedded store runs them in-process
 * ({@code Transaction.execute}: no Bolt packing of a batch's parameters and results), retrying a transaction that
 * Neo4j reports as transient (a deadlock between two writers) with backoff as the driver does; a server gets them
 * through the driver.
 *
 * <p>The {@code Import} bookkeeping node is updated in the same transaction as the batch's data, so the committed
 * row count is exact after a crash.
 */
final class Neo4jWriter {
    static final String ACCOUNTS = """
            UNWIND $rows AS r
            MERGE (a:Account {id: r.id})
            SET a += r.props, a.placeholder = false
            RETURN r.id AS key, id(a) AS node""";
    static final String STUB_ACCOUNTS = """
            UNWIND $ids AS id
            MERGE (a:Account {id: id})
            ON CREATE SET a.placeholder = true
            RETURN id AS key, id(a) AS node""";
    static final String EXISTING_POSTS = """
            UNWIND $ids AS id
            MATCH (p:Post {id: id})
            RETURN id AS key""";
    static final String CREATE_POSTS = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r.author
            CREATE (a)-[:POSTED]->(p:Post)
            SET p = r.props
            RETURN r.props.id AS key, id(p) AS node""";
    static final String HASHTAG_NODES = """
            UNWIND $ids AS name
            MERGE (h:Hashtag {name: name})
            RETURN name AS key, id(h) AS node""";
    static final String URL_NODES = """
            UNWIND $ids AS url
            MERGE (u:Url {url: url})
            RETURN url AS key, id(u) AS node""";
    static final String REFERENCED_POSTS = """
            UNWIND $ids AS id
            MERGE (o:Post {id: id})
            ON CREATE SET o.placeholder = true
            RETURN id AS key, id(o) AS node, o.placeholder AS placeholder""";
    private static final String CREATE_BETWEEN = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r[0]
            MATCH (b) WHERE id(b) = r[1]
            CREATE (a)-[:%s]->(b)""";
    static final String CREATE_TAGS = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r[0]
            MATCH (b) WHERE id(b) = r[1]
            CREATE (a)-[:TAGS {position: r[2]}]->(b)""";
    static final String PLACEHOLDER_AUTHORS = """
            UNWIND $rows AS r
            MATCH (o) WHERE id(o) = r.post
            MERGE (ra:Account {id: r.author})
            ON CREATE SET ra.placeholder = true
            MERGE (ra)-[:POSTED]->(o)""";
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
            MATCH (a) WHERE id(a) = r.source
            MATCH (b) WHERE id(b) = r.target
            MERGE (a)-[:FOLLOWS]->(b)""";
    static final String INTERACTS_TIMED = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r.source
            MATCH (b) WHERE id(b) = r.target
            MERGE (a)-[e:INTERACTS {type: r.type, time: r.time}]->(b)
            SET e.weight = r.weight""";
    static final String INTERACTS_UNTIMED = """
            UNWIND $rows AS r
            MATCH (a) WHERE id(a) = r.source
            MATCH (b) WHERE id(b) = r.target
            MERGE (a)-[e:INTERACTS {type: r.type}]->(b)
            SET e.weight = r.weight""";
    static final String IMPORT_PROGRESS = """
            MATCH (i:Import {key: $key})
            SET i.rows_done = $rows, i.rejects = $rejects""";
    /** The interaction type stored when an edge list has no type column. */
    static final String DEFAULT_INTERACTION = "interaction";
    /** Attempts at a batch whose "new" posts another writer created meanwhile. */
    private static final int CONSTRAINT_ATTEMPTS = 5;

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
    private final StepTimes times;

    /*
     * Node ids of the accounts and hashtags this writer's committed transactions wrote or read, and each account's
     * properties as this writer last set them. An archive names the same accounts (their whole profile in every
     * tweet row) and hashtags in nearly every batch: with these, a batch merges only the accounts that are new or
     * whose profile changed, and the hashtags not seen yet. Filled only after a commit (a rolled-back creation's
     * id may be reused). Valid while nothing deletes these nodes during the import (Lockstep deletes none); cleared
     * when they grow past KNOWN_MAX.
     */
    private final Map<String, Long> knownAccounts = new HashMap<>();
    private final Map<String, Map<String, Object>> accountPropertiesSet = new HashMap<>();
    private final Map<String, Long> knownHashtags = new HashMap<>();
    private static final int KNOWN_MAX = 1_000_000;

    /** What one transaction wrote or read, remembered once it commits. */
    private static final class Found {
        final Map<String, Long> accounts = new HashMap<>();
        final Map<String, Map<String, Object>> accountProperties = new HashMap<>();
        final Map<String, Long> hashtags = new HashMap<>();
    }

    Neo4jWriter(GraphStore store, StepTimes times) {
        this.store = store;
        this.times = times;
    }

    private void remember(Found found) {
        if (knownAccounts.size() + found.accounts.size() > KNOWN_MAX) {
            knownAccounts.clear();
            accountPropertiesSet.clear();
        }
        knownAccounts.putAll(found.accounts);
        accountPropertiesSet.putAll(found.accountProperties);
        if (knownHashtags.size() + found.hashtags.size() > KNOWN_MAX) {
            knownHashtags.clear();
        }
        knownHashtags.putAll(found.hashtags);
    }

    /**
     * Writes {@code batch} and sets the import's progress to {@code rowsDone}/{@code rejects}, atomically.
     * {@code importKey} may be null (no bookkeeping).
     */
    void write(Batch batch, String importKey, long rowsDone, long rejects) {
        GraphDatabaseService db = store.embeddedDatabase();
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            Found[] found = new Found[1];
            try {
                if (db != null) {
                    try (Transaction tx = db.beginTx()) {
                        found[0] = new Found();
                        write(WriteTx.inProcess(tx), batch, importKey, rowsDone, rejects, found[0]);
                        tx.commit();
                    }
                } else {
                    try (Session session = store.session()) {
                        session.executeWriteWithoutResult(tx -> {
                            found[0] = new Found(); // the driver may run this again after a transient failure
                            write(WriteTx.overBolt(tx), batch, importKey, rowsDone, rejects, found[0]);
                        });
                    }
                }
                times.add(StepTimes.WRITE_TRANSACTIONS, System.nanoTime() - t0);
                remember(found[0]);
                return;
            } catch (RuntimeException e) {
                boolean transientFailure = db != null && TransientRetry.isTransient(e)
                        && attempt < TransientRetry.ATTEMPTS;
                if (!transientFailure && (!isConstraintViolation(e) || attempt >= CONSTRAINT_ATTEMPTS)) {
                    throw e;
                }
                if (transientFailure) { // as the driver does: back off, with jitter, so that two writers part
                    TransientRetry.backOff(attempt);
                }
            }
        }
    }

    private static final String CONSTRAINT_VIOLATION = "Neo.ClientError.Schema.ConstraintValidationFailed";

    /** Whether {@code e} (or a cause) is Neo4j's report that a uniqueness constraint refused the batch. */
    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientException c && CONSTRAINT_VIOLATION.equals(c.code())
                    || t instanceof QueryExecutionException q && CONSTRAINT_VIOLATION.equals(q.getStatusCode())
                    || t instanceof ConstraintViolationException
                    || t instanceof Status.HasStatus h && h.status() == Status.Schema.ConstraintValidationFailed) {
                return true;
            }
        }
        return false;
    }

    /**
     * One write transaction's Cypher statements: through the driver for any store ({@link #overBolt}), or in-process
     * for an embedded one ({@link #inProcess}: the same statements with no Bolt packing of the batch's parameters and
     * results). Rows come back as maps of the statement's columns.
     */
    @FunctionalInterface
    private interface WriteTx {
        void forEach(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> row);

        /** Runs a statement whose rows, if any, are not needed. */
        default void run(String cypher, Map<String, Object> parameters) {
            forEach(cypher, parameters, row -> {
            });
        }

        static WriteTx overBolt(TransactionContext tx) {
            return (cypher, parameters, row) -> tx.run(cypher, parameters).forEachRemaining(r -> row.accept(r.asMap()));
        }

        static WriteTx inProcess(Transaction tx) {
            return (cypher, parameters, row) -> {
                try (Result result = tx.execute(cypher, parameters)) {
                    result.forEachRemaining(row);
                }
            };
        }
    }

    private void write(WriteTx tx, Batch batch, String importKey, long rowsDone, long rejects, Found found) {
        Map<String, Long> accountNodes = found.accounts;
        List<Map<String, Object>> described = new ArrayList<>(batch.accounts.size());
        batch.accounts.forEach((id, props) -> {
            Long known = knownAccounts.get(id);
            if (known != null && props.equals(accountPropertiesSet.get(id))) {
                accountNodes.put(id, known); // this profile is what this writer set last: nothing to write
            } else {
                described.add(Map.of("id", id, "props", props));
                found.accountProperties.put(id, props);
            }
        });
        nodes(tx, ACCOUNTS, "rows", described, accountNodes);
        List<String> referenced = new ArrayList<>();
        for (String id : batch.referencedAccounts) {
            if (!batch.accounts.containsKey(id)) {
                referenced.add(id);
            }
        }
        nodes(tx, STUB_ACCOUNTS, "ids", unknown(referenced, knownAccounts, accountNodes), accountNodes);

        Set<String> existing = new HashSet<>();
        if (!batch.posts.isEmpty()) {
            long t0 = System.nanoTime();
            tx.forEach(EXISTING_POSTS, Map.of("ids", new ArrayList<>(batch.posts.keySet())),
                    r -> existing.add((String) r.get("key")));
            time(EXISTING_POSTS, t0);
        }
        List<PostRow> created = new ArrayList<>(batch.posts.size() - existing.size());
        List<PostRow> merged = new ArrayList<>(existing.size());
        for (PostRow p : batch.posts.values()) {
            (existing.contains(p.id()) ? merged : created).add(p);
        }
        Map<String, List<Map<String, Object>>> params = postParameters(merged);
        // existing posts first: a placeholder completed here is no longer one when the new posts reference it
        run(tx, POSTS, params.get("posts"));
        createPosts(tx, created, accountNodes, found.hashtags);
        run(tx, RETWEETS, params.get("RETWEETS"));
        run(tx, QUOTES, params.get("QUOTES"));
        run(tx, REPLIES, params.get("REPLIES_TO"));
        run(tx, TAGS, params.get("tags"));
        run(tx, LINKS, params.get("links"));
        run(tx, MENTIONS, params.get("mentions"));

        Map<String, List<Map<String, Object>>> edges = edgeParameters(batch.edges, accountNodes);
        run(tx, FOLLOWS, edges.get("follows"));
        run(tx, INTERACTS_TIMED, edges.get("timed"));
        run(tx, INTERACTS_UNTIMED, edges.get("untimed"));
        if (importKey != null) {
            tx.run(IMPORT_PROGRESS, Map.of("key", importKey, "rows", rowsDone, "rejects", rejects));
        }
    }

    /**
     * The keys this writer has no node id for yet, in order; the node ids of the others (from {@code known}) go
     * into {@code nodes}.
     */
    private static List<Object> unknown(Collection<String> keys, Map<String, Long> known, Map<String, Long> nodes) {
        List<Object> unknown = new ArrayList<>(keys.size());
        for (String key : keys) {
            Long node = known.get(key);
            if (node != null) {
                nodes.put(key, node);
            } else {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /**
     * Creates posts known to be absent, with their authorship, hashtags, URLs, mentions and references; end nodes
     * are merged once per distinct key (hashtags this writer knows already are not); the hashtags' node ids go
     * into {@code hashtagNodes}.
     */
    private void createPosts(WriteTx tx, List<PostRow> posts, Map<String, Long> accountNodes,
                             Map<String, Long> hashtagNodes) {
        if (posts.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(posts.size());
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        for (PostRow p : posts) {
            Map<String, Object> props = postProperties(p);
            props.put("id", p.id());
            props.put("placeholder", false);
            rows.add(Map.of("author", accountNodes.get(p.authorId()), "props", props));
            hashtags.addAll(p.hashtags());
            urls.addAll(p.urls());
        }
        Map<String, Long> postNodes = new HashMap<>();
        nodes(tx, CREATE_POSTS, "rows", rows, postNodes);
        nodes(tx, HASHTAG_NODES, "ids", unknown(hashtags, knownHashtags, hashtagNodes), hashtagNodes);
        Map<String, Long> urlNodes = new HashMap<>();
        nodes(tx, URL_NODES, "ids", new ArrayList<>(urls), urlNodes);

        // referenced posts outside this batch's new ones: merged, placeholders where unknown
        Set<String> outside = new LinkedHashSet<>();
        for (PostRow p : posts) {
            for (PostRow.Reference ref : p.references()) {
                if (!postNodes.containsKey(ref.post())) {
                    outside.add(ref.post());
                }
            }
        }
        Map<String, Long> refNodes = new HashMap<>(postNodes);
        Set<String> placeholders = new HashSet<>();
        if (!outside.isEmpty()) {
            long t0 = System.nanoTime();
            tx.forEach(REFERENCED_POSTS, Map.of("ids", new ArrayList<>(outside)), r -> {
                refNodes.put((String) r.get("key"), (Long) r.get("node"));
                if (Boolean.TRUE.equals(r.get("placeholder"))) {
                    placeholders.add((String) r.get("key"));
                }
            });
            time(REFERENCED_POSTS, t0);
        }

        Map<String, List<List<Object>>> between = new LinkedHashMap<>();
        List<Map<String, Object>> placeholderAuthors = new ArrayList<>();
        Set<List<String>> placeholderAuthorPairs = new HashSet<>();
        for (PostRow p : posts) {
            long post = postNodes.get(p.id());
            List<String> tags = p.hashtags();
            for (int i = 0; i < tags.size(); i++) { // PostRow's hashtags hold no duplicates
                between.computeIfAbsent("TAGS", k -> new ArrayList<>())
                        .add(List.of(post, hashtagNodes.get(tags.get(i)), i));
            }
            for (String u : new LinkedHashSet<>(p.urls())) {
                between.computeIfAbsent("LINKS", k -> new ArrayList<>()).add(List.of(post, urlNodes.get(u)));
            }
            for (String m : new LinkedHashSet<>(p.mentions())) {
                between.computeIfAbsent("MENTIONS", k -> new ArrayList<>()).add(List.of(post, accountNodes.get(m)));
            }
            for (PostRow.Reference ref : p.references()) {
                long target = refNodes.get(ref.post());
                between.computeIfAbsent(ref.type(), k -> new ArrayList<>()).add(List.of(post, target));
                if (ref.author() != null && placeholders.contains(ref.post())
                        && placeholderAuthorPairs.add(List.of(ref.post(), ref.author()))) {
                    placeholderAuthors.add(Map.of("post", target, "author", ref.author()));
                }
            }
        }
        between.forEach((type, pairs) -> {
            String cypher = type.equals("TAGS") ? CREATE_TAGS : CREATE_BETWEEN.formatted(type);
            long t0 = System.nanoTime();
            tx.run(cypher, Map.of("rows", pairs));
            time(cypher, t0);
        });
        run(tx, PLACEHOLDER_AUTHORS, placeholderAuthors);
    }

    /** Runs a node statement returning {@code key, node} and adds what it returns to {@code into}. */
    private void nodes(WriteTx tx, String cypher, String parameter, List<?> values, Map<String, Long> into) {
        if (values.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        tx.forEach(cypher, Map.of(parameter, values), r -> into.put((String) r.get("key"), (Long) r.get("node")));
        time(cypher, t0);
    }

    private void run(WriteTx tx, String cypher, List<Map<String, Object>> rows) {
        if (rows != null && !rows.isEmpty()) {
            long t0 = System.nanoTime();
            tx.run(cypher, Map.of("rows", rows));
            time(cypher, t0);
        }
    }

    /** Hands the time since {@code t0} to {@link #times}, the statement named by its lines after the first. */
    private void time(String cypher, long t0) {
        times.add(cypher.lines().skip(1).limit(3).reduce((a, b) -> a + " " + b.strip()).orElse(cypher),
                System.nanoTime() - t0);
    }

    /** The MERGE statements' parameters for posts already in the store. */
    static Map<String, List<Map<String, Object>>> postParameters(List<PostRow> posts) {
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        for (PostRow p : posts) {
            Map<String, Object> props = postProperties(p);
            list(out, "posts").add(Map.of("id", p.id(), "author", p.authorId(), "props", props));
            for (PostRow.Reference ref : p.references()) {
                Map<String, Object> r = new HashMap<>();
                r.put("id", p.id());
                r.put("ref", ref.post());
                r.put("author", ref.author());
                list(out, ref.type()).add(r);
            }
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
        return out;
    }

    /** Follow and interaction parameters, ends given as the node ids of {@code accountNodes}. */
    static Map<String, List<Map<String, Object>>> edgeParameters(List<EdgeRow> edges, Map<String, Long> accountNodes) {
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        for (EdgeRow e : edges) {
            Long source = accountNodes.get(e.source());
            Long target = accountNodes.get(e.target());
            if (e.follow()) {
                list(out, "follows").add(Map.of("source", source, "target", target));
            } else {
                Map<String, Object> r = new HashMap<>();
                r.put("source", source);
                r.put("target", target);
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
        Object[] values = accountValues(a);
        for (int i = 0; i < ACCOUNT_PROPERTIES.length; i++) {
            if (values[i] != null) {
                props.put(ACCOUNT_PROPERTIES[i], values[i]);
            }
        }
    }

    /** The account properties of the graph model, in the order of {@link #accountValues}. */
    static final String[] ACCOUNT_PROPERTIES = {"screen_name", "display_name", "location", "description",
            "profile_url", "followers_count", "following_count", "created_at", "language"};
    /** The post properties of the graph model (placeholder excepted), in the order of {@link #postValues}. */
    static final String[] POST_PROPERTIES = {"time", "kind", "text", "lang", "client", "like_count",
            "retweet_count"};

    /** The account's {@link #ACCOUNT_PROPERTIES} values, null where the row gives none. */
    static Object[] accountValues(AccountRow a) {
        return new Object[] {a.screenName(), a.displayName(), a.location(), a.description(), a.profileUrl(),
                count(a.followersCount()), count(a.followingCount()),
                a.createdAt() == Activity.NO_TIME ? null : a.createdAt(), a.language()};
    }

    /** The post's {@link #POST_PROPERTIES} values, null where the row gives none. */
    static Object[] postValues(PostRow p) {
        return new Object[] {p.time(), p.kind().name().toLowerCase(Locale.ROOT), p.text(), p.lang(), p.client(),
                count(p.likeCount()), count(p.retweetCount())};
    }

    /** The post's properties under the graph model's names (placeholder excepted). */
    static Map<String, Object> postProperties(PostRow p) {
        Object[] values = postValues(p);
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < POST_PROPERTIES.length; i++) {
            if (values[i] != null) {
                props.put(POST_PROPERTIES[i], values[i]);
            }
        }
        return props;
    }

    private static Long count(long value) {
        return value >= 0 ? value : null;
    }

    private static List<Map<String, Object>> list(Map<String, List<Map<String, Object>>> out, String key) {
        return out.computeIfAbsent(key, k -> new ArrayList<>());
    }
}
