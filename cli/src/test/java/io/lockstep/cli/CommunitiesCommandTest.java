package io.lockstep.cli;

import io.lockstep.community.TestGraphs;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreSecret;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CommunitiesCommandTest {
    record Outcome(int exit, String out, String err) {
    }

    static Outcome run(String... args) {
        CommandLine cmd = Lockstep.configured(new CommunitiesCommand());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    static Path karateFile(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("# Zachary's karate club\n");
        for (int[] e : TestGraphs.KARATE_EDGES) {
            sb.append('m').append(e[0]).append(' ').append('m').append(e[1]).append('\n');
        }
        return Files.writeString(dir.resolve("karate.txt"), sb.toString());
    }

    static Path twoCliquesCsv(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("source,target,weight\n");
        String[] a = {"ann", "bob", "cy", "dee"};
        String[] b = {"eve", "fay", "gus", "hal"};
        for (String[] clique : new String[][]{a, b}) {
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    sb.append(clique[i]).append(',').append(clique[j]).append(",2\n");
                }
            }
        }
        sb.append("dee,eve,1\n");
        return Files.writeString(dir.resolve("cliques.csv"), sb.toString());
    }

    static Map<String, Integer> readMembership(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("node,community");
        Map<String, Integer> m = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            m.put(p[0], Integer.parseInt(p[1]));
        }
        return m;
    }

    static Set<Set<String>> groups(Map<String, Integer> m) {
        Map<Integer, Set<String>> by = new HashMap<>();
        m.forEach((k, v) -> by.computeIfAbsent(v, x -> new HashSet<>()).add(k));
        return new HashSet<>(by.values());
    }

    @Test
    void leidenOnAKarateEdgeListFindsTheOptimum(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("membership.csv");
        Outcome o = run("--algorithm", "leiden", "--seed", "42", "--out", out.toString(), karateFile(dir).toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("modularity=0.419790 communities=4 seconds=").contains("nodes=34 edges=78");
        Map<String, Integer> m = readMembership(out);
        assertThat(m).hasSize(34);
        assertThat(m.get("m0")).isEqualTo(m.get("m1")).isEqualTo(m.get("m21"));
        assertThat(m.get("m32")).isEqualTo(m.get("m33")).isEqualTo(m.get("m8"));
        assertThat(m.get("m0")).isNotEqualTo(m.get("m33"));
    }

    @Test
    void severalInputsGiveOneFileEachAndASummary(@TempDir Path dir) throws IOException {
        Path outDir = dir.resolve("results");
        Outcome o = run("--algorithm", "louvain", "--out", outDir.toString(), karateFile(dir).toString(),
                twoCliquesCsv(dir).toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out().lines()).hasSize(2).allMatch(l -> l.matches("modularity=\\S+ communities=\\d+ seconds=\\S+ .*"));
        assertThat(groups(readMembership(outDir.resolve("cliques.membership.csv")))).containsExactlyInAnyOrder(
                Set.of("ann", "bob", "cy", "dee"), Set.of("eve", "fay", "gus", "hal"));
        assertThat(readMembership(outDir.resolve("karate.membership.csv"))).hasSize(34);
        List<String> summary = Files.readAllLines(outDir.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("input,nodes,edges,communities,modularity,seconds");
        assertThat(summary).hasSize(3);
        // two 4-cliques of weight-2 edges and a weight-1 bridge: m = 25, e_c = 12, K_c = 25: Q = 2 (12/25 − 1/4)
        assertThat(summary.get(2)).contains(",8,13,2,0.460000,");
    }

    /** igraph's figures for the networks of {@code finnish-retweet-networks/networks}, by file name (see its README). */
    record IgraphFigures(int nodes, long edges, double seed42, double median) {
    }

    static Path realNetworks(Path dir) throws Exception {
        Path source = Path.of(CommunitiesCommandTest.class.getResource("/finnish-retweet-networks/networks").toURI());
        Path copy = Files.createDirectories(dir.resolve("networks"));
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        return copy;
    }

    static Map<String, IgraphFigures> igraphFigures() throws Exception {
        Map<String, IgraphFigures> m = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of(CommunitiesCommandTest.class
                .getResource("/finnish-retweet-networks/igraph-modularity.csv").toURI()));
        assertThat(lines.get(0)).isEqualTo("file,nodes,edges,igraph_leiden_seed42,igraph_leiden_median_seeds_0_19");
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            m.put(p[0], new IgraphFigures(Integer.parseInt(p[1]), Long.parseLong(p[2]), Double.parseDouble(p[3]),
                    Double.parseDouble(p[4])));
        }
        return m;
    }

    /** summary.csv rows by input file name: nodes, edges, modularity. */
    static Map<String, double[]> summaryByFile(Path summary) throws IOException {
        List<String> lines = Files.readAllLines(summary);
        assertThat(lines.get(0)).isEqualTo("input,nodes,edges,communities,modularity,seconds");
        Map<String, double[]> m = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            m.put(Path.of(p[0]).getFileName().toString(),
                    new double[]{Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[4])});
        }
        return m;
    }

    @Test
    void aDirectoryOfRealRetweetNetworksGivesOneResultEachNearIgraphsModularity(@TempDir Path dir) throws Exception {
        Path networks = realNetworks(dir);
        // what the command must leave out of a directory: hidden files and the rejects its readers write
        Files.writeString(networks.resolve(".notes"), "not an edge list\n");
        Files.writeString(networks.resolve("old.rejects.csv"), "file,line,reason,raw\n");
        Path outDir = dir.resolve("results");
        Outcome o = run("--seed", "42", "--out", outDir.toString(), networks.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out().lines()).hasSize(3);
        Map<String, IgraphFigures> igraph = igraphFigures();
        Map<String, double[]> ours = summaryByFile(outDir.resolve("summary.csv"));
        assertThat(ours.keySet()).isEqualTo(igraph.keySet());
        for (var e : igraph.entrySet()) {
            String stem = e.getKey().substring(0, e.getKey().length() - ".edgelist".length());
            assertThat(readMembership(outDir.resolve(stem + ".membership.csv"))).hasSize(e.getValue().nodes());
            double[] row = ours.get(e.getKey());
            assertThat(row[0]).as("nodes of %s", e.getKey()).isEqualTo(e.getValue().nodes());
            assertThat(row[1]).as("edges of %s", e.getKey()).isEqualTo(e.getValue().edges());
            // within 1 % of igraph's run with seed 42 (over all 183 networks the lowest ratio was 0.9925, the mean of
            // ours above igraph's: docs/benchmarks.md); the 99.95 % is the "targets" test below
            assertThat(row[2]).as("modularity of %s", e.getKey()).isGreaterThanOrEqualTo(0.99 * e.getValue().seed42());
        }
        // --restarts 4: seeds 42..45, the best of each network's runs, so never below the single run of seed 42
        Path restartsDir = dir.resolve("restarts");
        Outcome restarts = run("--seed", "42", "--restarts", "4", "--out", restartsDir.toString(), networks.toString());
        assertThat(restarts.exit()).as(restarts.err()).isZero();
        Map<String, double[]> best = summaryByFile(restartsDir.resolve("summary.csv"));
        ours.forEach((file, row) -> assertThat(best.get(file)[2]).as("best of 4 on %s", file)
                .isGreaterThanOrEqualTo(row[2]));
        assertThat(best.keySet()).anyMatch(file -> best.get(file)[2] > ours.get(file)[2]);
        Outcome noRuns = run("--restarts", "0", "--out", dir.resolve("none.csv").toString(), networks.toString());
        assertThat(noRuns.exit()).isEqualTo(2);
        assertThat(noRuns.err()).contains("--restarts must be at least 1, got 0");
        Outcome file = run("--out", dir.resolve("one.csv").toString(), networks.resolve("LEFT_p3.edgelist").toString());
        assertThat(file.exit()).as(file.err()).isZero();
        Outcome dirToCsv = run("--out", dir.resolve("two.csv").toString(), networks.toString());
        assertThat(dirToCsv.exit()).isEqualTo(2);
        assertThat(dirToCsv.err()).contains("--out must be a directory");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Outcome none = run("--out", dir.resolve("none").toString(), empty.toString());
        assertThat(none.exit()).isEqualTo(OneLineErrors.INPUT);
        assertThat(none.err()).contains("holds no edge-list files");
    }

    /** Issue #13's quality goal: at least 99.95 % of igraph's modularity on each network (not met on two of these). */
    @Test
    @Tag("targets")
    void realRetweetNetworksReachIgraphsModularity(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("results");
        Outcome o = run("--seed", "42", "--out", outDir.toString(), realNetworks(dir).toString());
        assertThat(o.exit()).as(o.err()).isZero();
        Map<String, double[]> ours = summaryByFile(outDir.resolve("summary.csv"));
        igraphFigures().forEach((file, figures) -> assertThat(ours.get(file)[2]).as("modularity of %s", file)
                .isGreaterThanOrEqualTo(0.9995 * figures.seed42()));
    }

    @Test
    void labelPropagationAndUsageErrors(@TempDir Path dir) throws IOException {
        Path cliques = twoCliquesCsv(dir);
        Outcome lpa = run("--algorithm", "lpa", "--out", dir.resolve("lpa.csv").toString(), cliques.toString());
        assertThat(lpa.exit()).as(lpa.err()).isZero();
        assertThat(lpa.out()).startsWith("modularity=0.460000 communities=2 ");

        Outcome badAlgo = run("--algorithm", "walktrap", "--out", dir.resolve("x.csv").toString(), cliques.toString());
        assertThat(badAlgo.exit()).isEqualTo(2);
        assertThat(badAlgo.err()).contains("Invalid value for option '--algorithm': expected one of [LEIDEN, LOUVAIN, LPA]")
                .contains("but was 'walktrap'");

        Outcome noOut = run(cliques.toString());
        assertThat(noOut.exit()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out is required");

        Outcome missing = run("--out", dir.resolve("y.csv").toString(), dir.resolve("nope.txt").toString());
        assertThat(missing.exit()).isEqualTo(OneLineErrors.INPUT);
        assertThat(missing.err()).contains("nope.txt");

        Outcome cpm = run("--quality", "cpm", "--resolution", "0.5", "--out", dir.resolve("cpm.csv").toString(),
                cliques.toString());
        assertThat(cpm.exit()).as(cpm.err()).isZero();
        assertThat(groups(readMembership(dir.resolve("cpm.csv")))).hasSize(2);
    }

    @Test
    void onTheStoreCommunitiesAreWrittenBackToAccounts(@TempDir Path dir) {
        Path storeDir = dir.resolve("store");
        List<List<String>> rows = new ArrayList<>();
        String[][] groups = {{"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3", "b4"}};
        for (String[] g : groups) {
            for (String x : g) {
                for (String y : g) {
                    if (!x.equals(y)) {
                        rows.add(List.of(x, y, "rt" + rows.size(), "o" + rows.size()));
                    }
                }
            }
        }
        rows.add(List.of("a1", "b1", "rt" + rows.size(), "o" + rows.size()));
        // one embedded store, reached by the command through Bolt as a "remote" server (--neo4j): one start only
        try (GraphStore store = GraphStore.embedded(storeDir); Session s = store.session()) {
            s.run("UNWIND $rows AS r MERGE (x:Account {id: r[0]}) MERGE (y:Account {id: r[1]}) "
                    + "CREATE (x)-[:POSTED]->(:Post {id: r[2], kind: 'retweet'})-[:RETWEETS]->(o:Post {id: r[3], kind: 'tweet'}) "
                    + "CREATE (y)-[:POSTED]->(o)", Map.of("rows", rows)).consume();
            Outcome o = run("--neo4j", store.embeddedBoltUri().toString(), "--user", StoreSecret.USER,
                    "--password-file", store.embeddedSecretFile().toString(), "--projection", "retweets", "--influence",
                    "--out", dir.resolve("store-membership.csv").toString());
            assertThat(o.exit()).as(o.err()).isZero();
            assertThat(o.out()).startsWith("modularity=").contains("communities=2 ").contains("nodes=8 edges=13");
            Map<String, Integer> m = new HashMap<>();
            s.run("MATCH (a:Account) WHERE a.retweets_community IS NOT NULL RETURN a.id AS id, a.retweets_community AS c")
                    .forEachRemaining(r -> m.put(r.get("id").asString(), r.get("c").asInt()));
            assertThat(groups(m)).containsExactlyInAnyOrder(Set.of("a1", "a2", "a3", "a4"), Set.of("b1", "b2", "b3", "b4"));
            assertThat(readMembership(dir.resolve("store-membership.csv"))).isEqualTo(m);
            assertThat(s.run("MATCH (a:Account {id: 'a2'}) RETURN a.retweets_coreness AS c").single().get("c").asInt())
                    .isEqualTo(3);
            assertThat(s.run("MATCH (a:Account) RETURN sum(a.retweets_pagerank) AS p").single().get("p").asDouble())
                    .isCloseTo(1.0, within(1e-6));
            // a1 lies on the one shortest path from each of a2, a3, a4 to each of b1..b4: 12 pairs
            assertThat(s.run("MATCH (a:Account {id: 'a1'}) RETURN a.retweets_betweenness AS b").single().get("b").asDouble())
                    .isCloseTo(12.0, within(1e-9));
            assertThat(s.run("MATCH (a:Account {id: 'a2'}) RETURN a.retweets_betweenness AS b").single().get("b").asDouble())
                    .isCloseTo(0.0, within(1e-9));
            // analyze's properties come from other graphs and keep their own names
            assertThat(s.run("MATCH (a:Account) WHERE a.community IS NOT NULL OR a.pagerank IS NOT NULL "
                    + "RETURN count(a) AS n").single().get("n").asLong()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
