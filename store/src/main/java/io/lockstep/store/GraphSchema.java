package io.lockstep.store;

import org.neo4j.driver.Session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates Lockstep's constraints and indexes, idempotently ({@code IF NOT EXISTS}), before anything is written.
 * The model is documented in {@code docs/graph-model.md}.
 */
public final class GraphSchema {
    /**
     * Node uniqueness constraints (every MERGE in the importers matches on one of these keys) and lookup indexes.
     * The indexes come first: they populate in the background while each constraint populates its own index before
     * returning, so on a freshly bulk-loaded store the two overlap ({@code SchemaBenchmark}, figures in
     * {@code docs/benchmarks.md}).
     */
    static final List<String> STATEMENTS = List.of(
            "CREATE INDEX account_screen_name IF NOT EXISTS FOR (a:Account) ON (a.screen_name)",
            "CREATE INDEX post_time IF NOT EXISTS FOR (p:Post) ON (p.time)",
            "CREATE INDEX account_community IF NOT EXISTS FOR (a:Account) ON (a.community)",
            "CREATE INDEX account_cluster IF NOT EXISTS FOR (a:Account) ON (a.cluster)",
            "CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE",
            "CREATE CONSTRAINT post_id IF NOT EXISTS FOR (p:Post) REQUIRE p.id IS UNIQUE",
            "CREATE CONSTRAINT hashtag_name IF NOT EXISTS FOR (h:Hashtag) REQUIRE h.name IS UNIQUE",
            "CREATE CONSTRAINT url_value IF NOT EXISTS FOR (u:Url) REQUIRE u.url IS UNIQUE",
            "CREATE CONSTRAINT import_key IF NOT EXISTS FOR (i:Import) REQUIRE i.key IS UNIQUE",
            "CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (c:Cluster) REQUIRE c.id IS UNIQUE",
            "CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (c:Campaign) REQUIRE c.id IS UNIQUE");

    private static final Pattern NAME = Pattern.compile("^CREATE (?:INDEX|CONSTRAINT) (\\w+) IF NOT EXISTS");

    /** The index or constraint name of each statement (a uniqueness constraint's index bears its name). */
    static final List<String> NAMES = STATEMENTS.stream().map(GraphSchema::nameOf).toList();

    private GraphSchema() {
    }

    /**
     * Creates what is missing and waits until every index is online. A store that has it all already (every start
     * but the first) costs one {@code SHOW INDEXES} instead of twelve statements, each compiled by Cypher in a
     * cold JVM (0.7–1 s of a command's start).
     */
    public static void ensure(GraphStore store) {
        try (Session session = store.session()) {
            Set<String> online = new HashSet<>();
            session.run("SHOW INDEXES YIELD name, state").forEachRemaining(r -> {
                if (r.get("state").asString().equals("ONLINE")) {
                    online.add(r.get("name").asString());
                }
            });
            if (online.containsAll(NAMES)) {
                return;
            }
            for (String statement : STATEMENTS) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    private static String nameOf(String statement) {
        Matcher m = NAME.matcher(statement);
        if (!m.find()) {
            throw new IllegalStateException("no name in " + statement);
        }
        return m.group(1);
    }
}
