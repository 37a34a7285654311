package io.lockstep.store;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultWriterStreamsTest {
    @Test
    void accountResultsWrittenInConcurrentStreamsReachEveryAccountOnce() {
        GraphStore store = TestStore.clear();
        int n = 1_000;
        try (Session s = store.session()) {
            s.run("UNWIND range(0, $n - 1) AS i CREATE (:Account {id: 'a' + i})", Map.of("n", n)).consume();
        }
        List<ResultWriter.AccountResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new ResultWriter.AccountResult("a" + i, i % 7 == 0 ? null : i % 5, i / 1000.0, i % 4,
                    i % 11 == 0 ? i % 3 : null, (i % 100) / 100.0, i % 11 == 0, i % 11 == 0 ? List.of("co-text")
                    : List.of()));
        }
        results.add(new ResultWriter.AccountResult("not-in-the-store", 1, 0.5, 1, null, 0.0, false, List.of()));
        // 3 streams of 40-row transactions: 1,000 rows in 25 transactions, each stream on its own node range
        ResultWriter.writeAccountResults(store, results, ResultWriter.AccountNodes.read(store), true, 40, 3);
        try (Session s = store.session()) {
            var rows = s.run("""
                    MATCH (a:Account) RETURN a.id AS id, a.community AS community, a.pagerank AS pagerank,
                           a.coreness AS coreness, a.cluster AS cluster, a.score AS score, a.suspicious AS suspicious,
                           a.signals AS signals""").list();
            assertThat(rows).hasSize(n);
            for (var r : rows) {
                int i = Integer.parseInt(r.get("id").asString().substring(1));
                assertThat(r.get("community").isNull()).isEqualTo(i % 7 == 0);
                if (i % 7 != 0) {
                    assertThat(r.get("community").asInt()).isEqualTo(i % 5);
                }
                assertThat(r.get("pagerank").asDouble()).isEqualTo(i / 1000.0);
                assertThat(r.get("coreness").asInt()).isEqualTo(i % 4);
                assertThat(r.get("cluster").isNull()).isEqualTo(i % 11 != 0);
                assertThat(r.get("score").asDouble()).isEqualTo((i % 100) / 100.0);
                assertThat(r.get("suspicious").asBoolean()).isEqualTo(i % 11 == 0);
                assertThat(r.get("signals").asList()).hasSize(i % 11 == 0 ? 1 : 0);
            }
        }
        assertThatThrownBy(() -> ResultWriter.writeAccountResults(store, results,
                ResultWriter.AccountNodes.read(store), true, 40, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streams");
    }

    @Test
    void resultsWrittenInProcessHaveTheTypesTheDriverWouldStore() {
        GraphStore store = TestStore.clear();
        assertThat(store.embeddedDatabase()).as("the test store is embedded: the in-process path").isNotNull();
        try (Session s = store.session()) {
            s.run("CREATE (:Account {id: 'a'}), (:Account {id: 'b'})").consume();
        }
        ResultWriter.AccountNodes nodes = ResultWriter.AccountNodes.read(store);
        ResultWriter.writeAccountResults(store, List.of(new ResultWriter.AccountResult("a", 3, 0.25, 2, 1, 0.5, true,
                List.of("co-text"))), nodes);
        ResultWriter.replaceClusters(store, List.of(new ResultWriter.ClusterResult(1, "co-text", 2, 0.9,
                List.of("co-text"), List.of("#x"), 100L, null, List.of("a", "b"))), nodes);
        ResultWriter.replaceCampaigns(store, List.of(new ResultWriter.CampaignResult("#x@5", "#x", 5, 9, 0.5,
                List.of("a"), List.of("a", "b"))), nodes);
        try (Transaction tx = store.embeddedDatabase().beginTx()) {
            Node a = tx.findNode(Label.label("Account"), "id", "a");
            // Integers go in as the driver sends them: 64-bit
            assertThat(a.getProperty("community")).isEqualTo(3L);
            assertThat(a.getProperty("coreness")).isEqualTo(2L);
            assertThat(a.getProperty("cluster")).isEqualTo(1L);
            assertThat(a.getProperty("pagerank")).isEqualTo(0.25);
            assertThat(a.getProperty("signals")).isEqualTo(new String[] {"co-text"});
            assertThat(tx.findNode(Label.label("Account"), "id", "b").hasProperty("community")).isFalse();
            Node c = tx.findNode(Label.label("Cluster"), "id", 1L);
            assertThat(c.getProperty("size")).isEqualTo(2L);
            assertThat(c.getProperty("first_seen")).isEqualTo(100L);
            assertThat(c.hasProperty("last_seen")).isFalse();
            assertThat(c.getDegree(RelationshipType.withName("IN_CLUSTER"))).isEqualTo(2);
            Node campaign = tx.findNode(Label.label("Campaign"), "id", "#x@5");
            assertThat(campaign.getProperty("start")).isEqualTo(5L);
            assertThat(campaign.getDegree(RelationshipType.withName("SEEDED"))).isEqualTo(1);
            assertThat(campaign.getDegree(RelationshipType.withName("AMPLIFIED"))).isEqualTo(2);
        }
    }
}
