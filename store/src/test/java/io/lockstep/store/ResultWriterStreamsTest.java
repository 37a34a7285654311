package io.lockstep.store;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

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
}
