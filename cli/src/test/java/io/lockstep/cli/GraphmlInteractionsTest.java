package io.lockstep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.lockstep.cli.AnalyzeCommandTest.lockstep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code graph.graphml} of a store that holds {@code INTERACTS} relationships (an interaction edge list imported with
 * the archive): the analysis's activity has no such edges, so {@code analyze} exports the file from the store once
 * the results are in it, and the interactions among the exported accounts are in it, as {@code export} writes them.
 */
class GraphmlInteractionsTest {
    @TempDir
    Path tmp;

    @Test
    void analyzeExportsTheStoresInteractionsBetweenFlaggedAccounts() throws Exception {
        Path archive = tmp.resolve("archive");
        AnalyzeCommandTest.Run sim = lockstep("simulate", "--out", archive.toString(), "--accounts", "1200", "--days",
                "3", "--seed", "7", "--scenario", "botnet");
        assertThat(sim.exit()).as(sim.err()).isZero();
        List<String> bots = new ArrayList<>();
        for (String line : Files.readAllLines(archive.resolve("truth.csv")).subList(1, 1201)) {
            String[] f = line.split(",");
            if (f[2].startsWith("botnet")) {
                bots.add(f[0]);
            }
        }
        assertThat(bots).hasSize(20);
        // a chain of replies through the botnet (the archive of AnalyzeCommandTest), as an interaction edge list
        StringBuilder edges = new StringBuilder("source,target,type,weight\n");
        List<List<String>> written = new ArrayList<>();
        for (int i = 0; i + 1 < bots.size(); i++) {
            edges.append(bots.get(i)).append(',').append(bots.get(i + 1)).append(",reply,2.5\n");
            written.add(List.of(bots.get(i), bots.get(i + 1)));
        }
        Path edgeFile = Files.writeString(tmp.resolve("interactions.csv"), edges);

        Path store = tmp.resolve("store");
        Path out = tmp.resolve("out");
        AnalyzeCommandTest.Run analyze = lockstep("analyze", "--quiet", "--store", store.toString(), "--out",
                out.toString(), archive.resolve("users.csv").toString(), archive.resolve("tweets.csv").toString(),
                archive.resolve("follows.csv").toString(), edgeFile.toString());
        assertThat(analyze.exit()).as(analyze.err()).isZero();

        Set<String> flagged = new HashSet<>();
        for (String line : Files.readAllLines(out.resolve("accounts.csv"))) {
            String[] f = line.split(",");
            if (f.length > 5 && f[5].equals("true")) {
                flagged.add(f[0]);
            }
        }
        Set<List<String>> betweenFlagged = new HashSet<>();
        for (List<String> pair : written) {
            if (flagged.containsAll(pair)) {
                betweenFlagged.add(pair);
            }
        }
        assertThat(betweenFlagged).as("interactions between two flagged bots").hasSizeGreaterThanOrEqualTo(10);

        // every written interaction between two exported accounts is an edge of kind interacts, and no other is
        Path graphml = out.resolve("graph.graphml");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(graphml.toFile());
        Set<String> nodes = new HashSet<>();
        NodeList nodeList = doc.getElementsByTagName("node");
        for (int i = 0; i < nodeList.getLength(); i++) {
            nodes.add(((Element) nodeList.item(i)).getAttribute("id"));
        }
        assertThat(nodes).containsAll(flagged);
        Set<List<String>> expected = new HashSet<>();
        for (List<String> pair : written) {
            if (nodes.containsAll(pair)) {
                expected.add(pair);
            }
        }
        assertThat(edgesOfKind(doc, "interacts")).containsAll(betweenFlagged).isEqualTo(expected);
        // the same file as export's, which reads the store
        Path exported = tmp.resolve("exported.graphml");
        AnalyzeCommandTest.Run export = lockstep("export", "--store", store.toString(), "--flagged", "--out",
                exported.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(exported)).isEqualTo(Files.readString(graphml));
    }

    /** The (source, target) pairs of the GraphML file's edges whose {@code kind} is {@code kind}. */
    private static Set<List<String>> edgesOfKind(Document doc, String kind) {
        String kindKey = null;
        NodeList keys = doc.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if (key.getAttribute("for").equals("edge") && key.getAttribute("attr.name").equals("kind")) {
                kindKey = key.getAttribute("id");
            }
        }
        assertThat(kindKey).as("the edge attribute 'kind'").isNotNull();
        Set<List<String>> pairs = new HashSet<>();
        NodeList edges = doc.getElementsByTagName("edge");
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            NodeList data = edge.getElementsByTagName("data");
            for (int d = 0; d < data.getLength(); d++) {
                Element datum = (Element) data.item(d);
                if (datum.getAttribute("key").equals(kindKey) && datum.getTextContent().equals(kind)) {
                    pairs.add(List.of(edge.getAttribute("source"), edge.getAttribute("target")));
                }
            }
        }
        return pairs;
    }
}
