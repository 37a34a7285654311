package io.lockstep.store.load;

import io.lockstep.store.GraphStore;
import org.neo4j.driver.Session;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a store holds, for tests that load the same files two ways and compare: nodes by label and key with all
 * their properties but the bookkeeping of imports; relationships as (start key, type, end key, properties), with
 * POSTED into placeholders apart (which authors a placeholder original gets differs between the write paths).
 * Reading fails on a second node with one key or a duplicated relationship.
 */
record GraphDump(Map<String, Map<String, Object>> nodes, TreeSet<String> relationships,
                 TreeSet<String> placeholderAuthors) {

    static GraphDump of(GraphStore store) {
        try (Session s = store.session()) {
            Map<String, Map<String, Object>> nodes = new TreeMap<>();
            s.run("""
                    MATCH (n) WHERE NOT n:Import
                    RETURN labels(n)[0] + ' ' + coalesce(n.id, n.name, n.url) AS key, properties(n) AS props""")
                    .forEachRemaining(r -> {
                        Object before = nodes.put(r.get("key").asString(), new TreeMap<>(r.get("props").asMap()));
                        assertThat(before).as("two nodes with key %s", r.get("key").asString()).isNull();
                    });
            TreeSet<String> relationships = new TreeSet<>();
            TreeSet<String> placeholderAuthors = new TreeSet<>();
            s.run("""
                    MATCH (a)-[r]->(b)
                    RETURN coalesce(a.id, a.name, a.url) AS a, type(r) AS type, coalesce(b.id, b.name, b.url) AS b,
                           properties(r) AS props, type(r) = 'POSTED' AND b.placeholder AS toPlaceholder""")
                    .forEachRemaining(r -> {
                        String line = r.get("a").asString() + " " + r.get("type").asString() + " "
                                + r.get("b").asString() + " " + new TreeMap<>(r.get("props").asMap());
                        boolean added = r.get("toPlaceholder").asBoolean()
                                ? placeholderAuthors.add(line) : relationships.add(line);
                        assertThat(added).as("duplicate relationship %s", line).isTrue();
                    });
            return new GraphDump(nodes, relationships, placeholderAuthors);
        }
    }
}
