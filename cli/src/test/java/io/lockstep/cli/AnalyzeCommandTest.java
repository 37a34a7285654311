package io.lockstep.cli;

import io.lockstep.analysis.AnalysisParams;
import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import io.lockstep.store.DirectoryLock;
import io.lockstep.store.GraphExport;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreException;
import io.lockstep.store.StoreSecret;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code analyze} end to end on a simulated archive with planted operations: through the embedded store, and through
 * a Neo4j server in another process reached over {@code bolt://}, as a user's own server would be.
 */
class AnalyzeCommandTest {
    @TempDir
    static Path tmp;
    static Path archive;
    static List<Path> files;

    @BeforeAll
    static void simulate() throws IOException {
        archive = tmp.resolve("archive");
        ScenarioConfig config = ScenarioConfig.preset("botnet", 1200, 3, 7L);
        new Simulator(config).write(archive, ProgressListener.NONE);
        files = List.of(archive.resolve("users.csv"), archive.resolve("tweets.csv"), archive.resolve("follows.csv"));
    }

    record Run(int exit, String out, String err) {
    }

    static Run lockstep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Lockstep.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String[] analyzeArgs(Path out, String... storeArgs) {
        List<String> args = new ArrayList<>(List.of("analyze", "--quiet", "--out", out.toString()));
        args.addAll(List.of(storeArgs));
        files.forEach(f -> args.add(f.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void analyzeWritesEveryOutputOnTheEmbeddedStoreAndFlagsThePlantedBotnet() throws Exception {
        Path out = tmp.resolve("out-embedded");
        Path store = tmp.resolve("store-embedded");
        Run run = lockstep(analyzeArgs(out, "--store", store.toString()));
        assertThat(run.exit()).as(run.err()).isZero();

        String[] lines = run.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches(
                "accounts=\\d+ posts=\\d+ follows=\\d+ clusters=\\d+ suspicious=\\d+ seconds=\\d+\\.\\d");

        Map<String, String> truth = new HashMap<>();
        for (CSVRecord r : csv(archive.resolve("truth.csv"))) {
            truth.put(r.get("account_id"), r.get("group"));
        }
        List<CSVRecord> accounts = csv(out.resolve("accounts.csv"));
        assertThat(firstLine(out.resolve("accounts.csv")))
                .isEqualTo("account_id,screen_name,community,cluster,score,suspicious,signals");
        assertThat(accounts).hasSize(truth.size());
        int bots = 0, botsFlagged = 0, organicFlagged = 0, organic = 0;
        for (CSVRecord r : accounts) {
            double score = Double.parseDouble(r.get("score"));
            assertThat(score).isBetween(0.0, 1.0);
            assertThat(r.get("suspicious")).isIn("true", "false");
            boolean flagged = r.get("suspicious").equals("true");
            if (flagged) {
                assertThat(r.get("signals")).isNotEmpty();
                assertThat(r.get("cluster")).isNotEmpty();
            }
            String group = truth.get(r.get("account_id"));
            if (group.startsWith("botnet")) {
                bots++;
                botsFlagged += flagged ? 1 : 0;
            } else if (group.equals("organic")) {
                organic++;
                organicFlagged += flagged ? 1 : 0;
            }
        }
        assertThat(bots).isPositive();
        assertThat((double) botsFlagged / bots).as("botnet recall").isGreaterThanOrEqualTo(0.8);
        assertThat((double) organicFlagged / organic).as("organic false-positive rate").isLessThanOrEqualTo(0.01);

        assertThat(firstLine(out.resolve("clusters.csv")))
                .isEqualTo("cluster,kind,size,score,signals,top_hashtags,first_seen,last_seen");
        assertThat(csv(out.resolve("clusters.csv"))).isNotEmpty();
        assertThat(firstLine(out.resolve("coordination-edges.csv"))).isEqualTo("source,target,signal,weight,count");
        assertThat(csv(out.resolve("coordination-edges.csv"))).isNotEmpty();

        BufferedImage overview = ImageIO.read(out.resolve("overview.png").toFile());
        assertThat(overview.getWidth()).isEqualTo(1600);
        assertThat(overview.getHeight()).isEqualTo(1000);
        var graphml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("graph.graphml").toFile());
        // graph.graphml by default: the flagged accounts and their nearest context, not the whole archive
        var nodes = graphml.getElementsByTagName("node");
        Set<String> exported = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            exported.add(nodes.item(i).getAttributes().getNamedItem("id").getNodeValue());
        }
        List<String> suspicious = accounts.stream().filter(r -> r.get("suspicious").equals("true"))
                .map(r -> r.get("account_id")).toList();
        long flaggedOrClustered = accounts.stream()
                .filter(r -> r.get("suspicious").equals("true") || !r.get("cluster").isEmpty()).count();
        assertThat(suspicious).isNotEmpty();
        assertThat(exported).containsAll(suspicious).hasSizeLessThan(truth.size())
                .hasSizeLessThanOrEqualTo((int) flaggedOrClustered
                        * (1 + GraphExport.Scope.CONTEXT));
        // analyze wrote graph.graphml from the analysis in memory; export reads the loaded store: the same file
        Path fromStore = tmp.resolve("exported.graphml");
        Run export = lockstep("export", "--store", store.toString(), "--flagged", "--out", fromStore.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(fromStore)).contains(">retweets<", ">mentions<", ">follows<", ">coordinated<")
                .isEqualTo(Files.readString(out.resolve("graph.graphml")));
        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(report).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "id=\"findings-lead\"", "</html>");

        // results are in the store, and a second run replaces them instead of adding to them
        long edges = coordinationEdges(store);
        assertThat(edges).isPositive();
        Map<String, String> fromFiles = new HashMap<>();
        for (String f : List.of("accounts.csv", "clusters.csv", "coordination-edges.csv")) {
            fromFiles.put(f, Files.readString(out.resolve(f)));
        }
        Run again = lockstep("analyze", "--quiet", "--out", out.toString(), "--store", store.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(coordinationEdges(store)).isEqualTo(edges);
        // the first run analysed the parsed files while Neo4j loaded them, this one reads the store back: the same
        for (String f : fromFiles.keySet()) {
            assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(fromFiles.get(f));
        }
        // evaluate reads the files without the store; given them with every row order reversed, it scores what
        // analyze found: the same three files
        Path reversed = tmp.resolve("archive-reversed");
        Files.createDirectories(reversed);
        for (String f : List.of("users.csv", "tweets.csv", "follows.csv", "truth.csv")) {
            List<String> rows = new ArrayList<>(Files.readAllLines(archive.resolve(f), StandardCharsets.UTF_8));
            Collections.reverse(rows.subList(1, rows.size()));
            Files.write(reversed.resolve(f), rows, StandardCharsets.UTF_8);
        }
        Path work = tmp.resolve("evaluate-reversed");
        Run evaluate = lockstep("evaluate", "--archive", reversed.toString(), "--work", work.toString(),
                "--analysis-seed", String.valueOf(AnalysisParams.DEFAULT_SEED));
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        for (String f : fromFiles.keySet()) {
            assertThat(Files.readString(work.resolve(f))).as("evaluate's " + f).isEqualTo(fromFiles.get(f));
        }

        // detect re-runs the analysis on the store, with other settings, writing the CSVs but no pictures
        Path detectOut = tmp.resolve("out-detect");
        Run detect = lockstep("detect", "--quiet", "--store", store.toString(), "--out", detectOut.toString(),
                "--signals", "co-retweet");
        assertThat(detect.exit()).as(detect.err()).isZero();
        assertThat(detect.out().strip()).startsWith("accounts=" + truth.size() + " ");
        assertThat(csv(detectOut.resolve("coordination-edges.csv")))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("signal")).isEqualTo("co-retweet"));
        assertThat(detectOut.resolve("overview.png")).doesNotExist();
    }

    /**
     * Two runs writing one {@code --out} would interleave their files: while another holds it, analyze is refused
     * before anything is read (its store not even created), naming the option; once it is free, the lock file is all
     * that the refused run left there.
     */
    @Test
    void anOutDirectoryInUseIsRefusedBeforeAnythingIsRead() throws Exception {
        Path out = tmp.resolve("out-held");
        Path store = tmp.resolve("store-held");
        try (DirectoryLock held = DirectoryLock.tryTake(out)) {
            assertThat(held).isNotNull();
            Run run = lockstep(analyzeArgs(out, "--store", store.toString()));
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--out " + out + " is in use by another run");
            assertThat(store).doesNotExist();
        }
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(DirectoryLock.FILE_NAME);
        }
    }

    @Test
    void analyzeRunsAgainstASeparateNeo4jServerOverBolt() throws Exception {
        Path out = tmp.resolve("out-remote");
        Path serverStore = tmp.resolve("server-store");
        try (SeparateNeo4jServer server = SeparateNeo4jServer.start(serverStore)) {
            URI bolt = server.bolt();
            Path secret = serverStore.toAbsolutePath().resolve(StoreSecret.FILE_NAME);
            // the served store admits only its own secret
            Run anonymous = lockstep(analyzeArgs(out, "--neo4j", bolt.toString()));
            assertThat(anonymous.exit()).isEqualTo(3);
            assertThat(anonymous.err().strip()).isEqualTo("analyze: Neo4j at " + bolt + " refused the credentials");
            assertThatThrownBy(() -> GraphStore.remote(bolt, StoreSecret.USER, "not-the-secret", null))
                    .isInstanceOf(StoreException.class).hasMessageContaining("refused the credentials");
            Run run = lockstep(analyzeArgs(out, "--neo4j", bolt.toString(), "--user", StoreSecret.USER,
                    "--password-file", secret.toString()));
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(csv(out.resolve("accounts.csv"))).isNotEmpty();
            try (GraphStore remote = GraphStore.remote(bolt, StoreSecret.USER, StoreSecret.readPasswordFile(secret), null);
                 Session s = remote.session()) {
                assertThat(s.run("MATCH (a:Account) WHERE a.suspicious RETURN count(a) AS n").single().get("n").asLong())
                        .isPositive();
                assertThat(s.run("MATCH ()-[c:COORDINATED_WITH]->() RETURN count(c) AS n").single().get("n").asLong())
                        .isPositive();
            }
        }
    }

    @Test
    void unreachableServerIsAOneLineErrorWithTheStoreExitCode() {
        Run run = lockstep("analyze", "--quiet", "--neo4j", "bolt://127.0.0.1:1", "--out", tmp.resolve("x").toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err().strip()).startsWith("analyze: cannot reach Neo4j at bolt://127.0.0.1:1").doesNotContain("\n");
    }

    private static long coordinationEdges(Path store) {
        try (GraphStore g = GraphStore.embedded(store); Session s = g.session()) {
            return s.run("MATCH ()-[c:COORDINATED_WITH]->() RETURN count(c) AS n").single().get("n").asLong();
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }
}
