package io.lockstep.store;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write-back runs through Neo4j's Java API on an embedded store and through Cypher over Bolt on a remote one:
 * both must leave the same store, property for property and type for type (a {@code long} is not an {@code int}, a
 * {@code String[]} not a list), and a second write-back must replace the first on both (nothing duplicated, stale
 * values gone). The remote store is the test store's own DBMS reached through Bolt.
 */
class ResultWriterPathsTest {
    private static final int ACCOUNTS = 300;

    @Test
    void javaApiAndBoltWriteTheSameResultsAndReplaceThem() {
        GraphStore store = TestStore.clear(); // started: its password file exists
        String secret = StoreSecret.readPasswordFile(store.embeddedSecretFile());
        List<String> overBolt;
        List<String> overBoltAgain;
        try (GraphStore remote = GraphStore.remote(store.embeddedBoltUri(), StoreSecret.USER, secret, null)) {
            assertThat(remote.embeddedDatabase()).isNull();
            accounts(TestStore.clear());
            writeAll(remote, 1);
            overBolt = dump(store);
            writeAll(remote, 2);
            overBoltAgain = dump(store);
        }
        accounts(TestStore.clear());
        assertThat(store.embeddedDatabase()).isNotNull();
        writeAll(store, 1);
        List<String> inProcess = dump(store);
        writeAll(store, 2);
        List<String> inProcessAgain = dump(store);

        assertThat(inProcess).isEqualTo(overBolt);
        assertThat(inProcessAgain).isEqualTo(overBoltAgain);
        assertThat(inProcessAgain).isNotEqualTo(inProcess);
        // what the dump holds: every kind of result, the types the driver stores, the empty list as an array
        assertThat(inProcess).anyMatch(l -> l.startsWith("(Account a10) ") && l.contains("community=Long=")
                        && l.contains("signals=String[]=[]") && l.contains("pagerank=Double="))
                .anyMatch(l -> l.startsWith("(Account a0) ") && !l.contains("community="))
                .anyMatch(l -> l.contains("cluster=Long=") && l.contains("signals=String[]=[co-text, co-retweet]"))
                .anyMatch(l -> l.startsWith("(Cluster 2) ") && l.contains("first_seen=Long=100")
                        && !l.contains("last_seen"))
                .anyMatch(l -> l.contains(")-[COORDINATED_WITH ") && l.contains("count=Long="))
                .anyMatch(l -> l.contains(")-[IN_CLUSTER "))
                .anyMatch(l -> l.contains(")-[SEEDED ") && l.contains("(Campaign #x@5)"))
                .anyMatch(l -> l.contains(")-[AMPLIFIED "));
        assertThat(inProcess.stream().filter(l -> l.contains(")-[COORDINATED_WITH ")).count()).isEqualTo(40);
        // the duplicated campaign id is one node with the union of its roles, each role once
        assertThat(inProcess.stream().filter(l -> l.startsWith("(Campaign #x@5) ")).count()).isEqualTo(1);
        assertThat(inProcess.stream().filter(l -> l.contains(")-[AMPLIFIED ") && l.contains("(Campaign #x@5)"))
                .count()).isEqualTo(3);
    }

    /**
     * The account results written in two parts ({@link ResultWriter.AccountPart}: the influence before detection
     * ends, the verdict after; or the other way round) leave what one write of both leaves, on either path, over a
     * store with no results and over one holding an earlier analysis's (a null community or cluster then removes the
     * old value). The rows given with one part carry placeholder values for the other, which must not be written.
     */
    @Test
    void accountPartsOneAfterTheOtherWriteWhatBothAtOnceWrite() {
        GraphStore store = TestStore.clear();
        String secret = StoreSecret.readPasswordFile(store.embeddedSecretFile());
        try (GraphStore remote = GraphStore.remote(store.embeddedBoltUri(), StoreSecret.USER, secret, null)) {
            for (GraphStore path : List.of(store, remote)) {
                for (int earlier : new int[] {0, 1}) {
                    List<String> once = accountsWritten(store, path, earlier, List.of(Set.of(
                            ResultWriter.AccountPart.INFLUENCE, ResultWriter.AccountPart.VERDICT)));
                    List<String> influenceFirst = accountsWritten(store, path, earlier, List.of(
                            Set.of(ResultWriter.AccountPart.INFLUENCE), Set.of(ResultWriter.AccountPart.VERDICT)));
                    List<String> verdictFirst = accountsWritten(store, path, earlier, List.of(
                            Set.of(ResultWriter.AccountPart.VERDICT), Set.of(ResultWriter.AccountPart.INFLUENCE)));
                    assertThat(influenceFirst).as("over Bolt: %s, earlier results: %d", path != store, earlier)
                            .isEqualTo(once);
                    assertThat(verdictFirst).as("over Bolt: %s, earlier results: %d", path != store, earlier)
                            .isEqualTo(once);
                    assertThat(once).anyMatch(l -> l.contains("community=Long=") && l.contains("cluster=Long=")
                            && l.contains("signals=String[]=[co-text, co-retweet]"));
                }
            }
        }
        // one part alone writes only its properties
        accounts(TestStore.clear());
        ResultWriter.AccountNodes nodes = ResultWriter.AccountNodes.read(store);
        ResultWriter.writeAccountResults(store, accountRows(2, false), nodes, ResultWriter.AccountPart.INFLUENCE, 1);
        assertThat(dump(store)).allMatch(l -> !l.contains("score=") && !l.contains("suspicious=")
                        && !l.contains("signals=") && !l.contains("cluster="))
                .anyMatch(l -> l.contains("pagerank=Double=") && l.contains("coreness=Long="));
        assertThatThrownBy(() -> ResultWriter.writeAccountResults(store, accountRows(2, true), nodes, Set.of(), true,
                50, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parts");
    }

    /**
     * The accounts' lines of the store after writing round 2's account results through {@code path} in
     * {@code parts} one after the other (each part's rows with placeholder values for the other parts), over round 1's
     * written at once when {@code earlier} is 1.
     */
    private static List<String> accountsWritten(GraphStore store, GraphStore path, int earlier,
                                                List<Set<ResultWriter.AccountPart>> parts) {
        accounts(TestStore.clear());
        ResultWriter.AccountNodes nodes = ResultWriter.AccountNodes.read(path);
        if (earlier == 1) {
            ResultWriter.writeAccountResults(path, accountRows(1, true), nodes, true, 50, 3);
        }
        for (Set<ResultWriter.AccountPart> part : parts) {
            boolean verdict = part.contains(ResultWriter.AccountPart.VERDICT);
            boolean influence = part.contains(ResultWriter.AccountPart.INFLUENCE);
            List<ResultWriter.AccountResult> rows = accountRows(2, verdict);
            if (!influence) {
                rows = rows.stream().map(r -> new ResultWriter.AccountResult(r.id(), 99, -1.0, 99, r.cluster(),
                        r.score(), r.suspicious(), r.signals())).toList();
            }
            ResultWriter.writeAccountResults(path, rows, nodes, part, true, 50, 3);
        }
        return dump(store);
    }

    /**
     * One analysis's account results, different values for each {@code round}; {@code verdicts} false gives no
     * verdict (no cluster, score 0, not suspicious, no signals) in place of the real one.
     */
    private static List<ResultWriter.AccountResult> accountRows(int round, boolean verdicts) {
        List<ResultWriter.AccountResult> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            boolean flagged = verdicts && (i + round) % 9 == 0;
            accounts.add(new ResultWriter.AccountResult("a" + i, i % 7 == 0 ? null : (i + round) % 5,
                    i / 1000.0 + round, i % 4 + round, flagged ? i % 3 : null, flagged ? 0.5 + i / 1000.0 : 0.0,
                    flagged, flagged ? List.of("co-text", "co-retweet") : List.of()));
        }
        accounts.add(new ResultWriter.AccountResult("absent", 1, 0.5, 1, null, 0.0, false, List.of()));
        return accounts;
    }

    private static void accounts(GraphStore store) {
        try (Session s = store.session()) {
            s.run("UNWIND range(0, $n - 1) AS i CREATE (:Account {id: 'a' + i, screen_name: 'user' + i})",
                    Map.of("n", ACCOUNTS)).consume();
        }
    }

    /** One analysis's results, different values for each {@code round}; some name an account the store lacks. */
    private static void writeAll(GraphStore store, int round) {
        ResultWriter.AccountNodes nodes = ResultWriter.AccountNodes.read(store);
        List<ResultWriter.AccountResult> accounts = accountRows(round, true);
        // 3 streams of 50-row transactions, so the embedded path's threads and batches are exercised too
        ResultWriter.writeAccountResults(store, accounts, nodes, true, 50, 3);

        List<ResultWriter.CoordinationEdgeResult> edges = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            edges.add(new ResultWriter.CoordinationEdgeResult("a" + (i + round), "a" + (i * 7 % ACCOUNTS),
                    i % 2 == 0 ? "co-retweet" : "co-text", 0.25 * i, i + round, "[{\"item\":\"t" + i + "\"}]"));
        }
        edges.add(new ResultWriter.CoordinationEdgeResult("a1", "absent", "co-text", 1.0, 1, "[]"));
        ResultWriter.replaceCoordination(store, edges, nodes);

        ResultWriter.replaceClusters(store, List.of(
                new ResultWriter.ClusterResult(1, "co-text", 3, 0.9, List.of("co-text"), List.of("#x", "#y"),
                        null, 200L + round, List.of("a1", "a2", "absent", "a3")),
                new ResultWriter.ClusterResult(round + 1, "follow", 2, 0.7, List.of(), List.of(), 100L, null,
                        List.of("a4", "a" + (5 + round)))), nodes);
        ResultWriter.replaceCampaigns(store, List.of(
                new ResultWriter.CampaignResult("#x@5", "#x", 5, 9, 0.5, List.of("a1"), List.of("a2", "a3")),
                new ResultWriter.CampaignResult("#y@" + round, "#y", round, 20, 0.25, List.of("a4", "absent"),
                        List.of("a5")),
                new ResultWriter.CampaignResult("#x@5", "#x", 5, 10, 0.75, List.of("a1"), List.of("a3", "a6"))),
                nodes);
    }

    /**
     * The results in the store, read through the Java API with each property's Java type: one line per result node
     * (accounts with their properties) and per result relationship, sorted (a duplicate shows as two lines).
     */
    private static List<String> dump(GraphStore store) {
        List<String> lines = new ArrayList<>();
        try (Transaction tx = store.embeddedDatabase().beginTx()) {
            for (String label : List.of("Account", "Cluster", "Campaign")) {
                tx.findNodes(Label.label(label)).forEachRemaining(n -> lines.add(key(n) + " " + properties(n)));
            }
            for (String type : List.of("COORDINATED_WITH", "IN_CLUSTER", "SEEDED", "AMPLIFIED")) {
                tx.findRelationships(RelationshipType.withName(type)).forEachRemaining(r -> lines.add(
                        key(r.getStartNode()) + "-[" + type + " " + properties(r) + "]->" + key(r.getEndNode())));
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static String key(Node n) {
        return "(" + n.getLabels().iterator().next().name() + " " + n.getProperty("id") + ")";
    }

    private static String properties(Entity e) {
        Map<String, String> typed = new TreeMap<>();
        e.getAllProperties().forEach((k, v) -> typed.put(k, v.getClass().getSimpleName() + "=" + text(v)));
        return typed.toString();
    }

    private static String text(Object v) {
        if (!v.getClass().isArray()) {
            return String.valueOf(v);
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Array.getLength(v); i++) {
            items.add(String.valueOf(Array.get(v, i)));
        }
        return items.toString();
    }
}
