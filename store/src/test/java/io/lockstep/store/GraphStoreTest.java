package io.lockstep.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphStoreTest {

    @Test
    void embeddedStoreIsReachedThroughTheDriverAndKeepsDataAcrossRestarts(@TempDir Path dir) {
        try (GraphStore store = GraphStore.embedded(dir)) {
            assertThat(store.embeddedBoltUri().getHost()).isEqualTo("127.0.0.1");
            try (Session s = store.session()) {
                s.run("CREATE (:Account {id: $id})", Map.of("id", "42")).consume();
            }
        }
        try (GraphStore store = GraphStore.embedded(dir); Session s = store.session()) {
            long n = s.run("MATCH (a:Account {id: '42'}) RETURN count(a) AS n").single().get("n").asLong();
            assertThat(n).isEqualTo(1);
            // constraints are in place and creating them again is a no-op
            GraphSchema.ensure(store);
            long constraints = s.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").single().get("n").asLong();
            assertThat(constraints).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aDroppedIndexOrConstraintIsCreatedAgainOnTheNextCheck(@TempDir Path dir) {
        try (GraphStore store = GraphStore.embedded(dir); Session s = store.session()) {
            assertThat(onlineIndexes(s)).containsAll(GraphSchema.NAMES);
            s.run("DROP INDEX post_time").consume();
            s.run("DROP CONSTRAINT hashtag_name").consume();
            assertThat(onlineIndexes(s)).doesNotContain("post_time", "hashtag_name");
            GraphSchema.ensure(store);
            assertThat(onlineIndexes(s)).containsAll(GraphSchema.NAMES);
        }
    }

    private static List<String> onlineIndexes(Session s) {
        return s.run("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")
                .list(r -> r.get("name").asString());
    }

    @Test
    void secondOpenOfTheSameStoreGivesAClearMessage(@TempDir Path dir) {
        try (GraphStore first = GraphStore.embedded(dir)) {
            assertThatThrownBy(() -> GraphStore.embedded(dir))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by another process");
            assertThat(first.session().run("RETURN 1 AS x").single().get("x").asInt()).isEqualTo(1);
        }
    }

    @Test
    void unreachableServerGivesAClearMessage() {
        assertThatThrownBy(() -> GraphStore.remote(URI.create("bolt://127.0.0.1:1"), null, null, null))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot reach Neo4j at bolt://127.0.0.1:1");
    }
}
