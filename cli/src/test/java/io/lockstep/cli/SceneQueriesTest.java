package io.lockstep.cli;

import io.lockstep.analysis.StoreScenes;
import io.lockstep.store.GraphStore;
import io.lockstep.store.NoMatchException;
import io.lockstep.store.SceneQueries;
import io.lockstep.store.StoreSecret;
import io.lockstep.visual.EdgeKind;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneEdge;
import io.lockstep.visual.SceneNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SceneQueries, their mapping onto scenes (StoreScenes) and RenderCommand against the real embedded store (one per
 * class), seeded by hand.
 */
class SceneQueriesTest {
    @TempDir
    static Path dir;
    static GraphStore store;
    static SceneQueries queries;

    @BeforeAll
    static void seed() {
        System.setProperty("java.awt.headless", "true");
        store = GraphStore.embedded(dir.resolve("store"));
        try (Session s = store.session()) {
            s.run("""
                    CREATE (u1:Account {id: 'u1', screen_name: 'alice1', community: 0, cluster: 5, suspicious: true, score: 0.9, signals: ['co-retweet'], pagerank: 0.10, followers_count: 10})
                    CREATE (u2:Account {id: 'u2', screen_name: 'bob2', community: 0, cluster: 5, suspicious: true, score: 0.8, signals: ['co-retweet', 'sync'], pagerank: 0.12, followers_count: 20})
                    CREATE (u3:Account {id: 'u3', screen_name: 'carol3', community: 0, cluster: 5, suspicious: true, score: 0.7, signals: ['co-retweet'], pagerank: 0.08, followers_count: 5})
                    CREATE (u4:Account {id: 'u4', screen_name: 'dave4', community: 0, pagerank: 0.40, followers_count: 1000})
                    CREATE (u5:Account {id: 'u5', screen_name: 'erin5', community: 1, pagerank: 0.20, followers_count: 300})
                    CREATE (u6:Account {id: 'u6', screen_name: 'frank6', community: 1, pagerank: 0.10, followers_count: 30})
                    CREATE (p1:Post {id: 'p1', time: 1000, kind: 'tweet'})-[:TAGS {position: 0}]->(:Hashtag {name: 'vote'})
                    CREATE (p2:Post {id: 'p2', time: 2000, kind: 'tweet'})
                    CREATE (u4)-[:POSTED]->(p1), (u5)-[:POSTED]->(p2)
                    CREATE (u1)-[:POSTED]->(:Post {id: 'r1', time: 1010, kind: 'retweet'})-[:RETWEETS]->(p1)
                    CREATE (u2)-[:POSTED]->(:Post {id: 'r2', time: 1012, kind: 'retweet'})-[:RETWEETS]->(p1)
                    CREATE (u3)-[:POSTED]->(:Post {id: 'r3', time: 1013, kind: 'retweet'})-[:RETWEETS]->(p1)
                    CREATE (u6)-[:POSTED]->(:Post {id: 'r4', time: 2100, kind: 'retweet'})-[:RETWEETS]->(p2)
                    CREATE (u5)-[:FOLLOWS]->(u4), (u6)-[:FOLLOWS]->(u5)
                    CREATE (u1)-[:COORDINATED_WITH {signal: 'co-retweet', weight: 3.0, count: 3, evidence: '{"items":["p1"]}'}]->(u2)
                    CREATE (u1)-[:COORDINATED_WITH {signal: 'sync', weight: 1.0, count: 1}]->(u2)
                    CREATE (u2)-[:COORDINATED_WITH {signal: 'co-retweet', weight: 2.0, count: 2}]->(u3)
                    """).consume();
        }
        queries = new SceneQueries(store);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    static Scene scene(SceneQueries.Selection selection, SceneQueries.SizeBy sizeBy) {
        return StoreScenes.accounts(queries.accounts(selection, sizeBy));
    }

    @Test
    void theStoreAnswersInItsOwnRecords() {
        SceneQueries.Neighbourhood n = queries.accounts(new SceneQueries.Selection(5, null, null, null, 100),
                SceneQueries.SizeBy.PAGERANK);
        assertThat(n.accounts()).extracting(SceneQueries.Account::id).containsExactly("u2", "u1", "u3", "u4");
        assertThat(n.accounts().get(1)).isEqualTo(new SceneQueries.Account("u1", "alice1", 0, 5, true, 0.9, 0.10,
                List.of("co-retweet"), 1, 1010L, 1010L));
        assertThat(n.coordination()).containsExactly(
                new SceneQueries.Coordination("u1", "u2", "co-retweet", 3.0, 3L, "{\"items\":[\"p1\"]}"),
                new SceneQueries.Coordination("u1", "u2", "sync", 1.0, 1L, null),
                new SceneQueries.Coordination("u2", "u3", "co-retweet", 2.0, 2L, null));
        assertThat(n.retweets()).containsExactly(new SceneQueries.Pair("u1", "u4", 1), new SceneQueries.Pair("u2", "u4", 1),
                new SceneQueries.Pair("u3", "u4", 1));
        assertThat(n.follows()).isEmpty();
        SceneQueries.CommunityGraph g = queries.communityGraph();
        assertThat(g.communities()).containsExactly(new SceneQueries.CommunitySize(0, 4), new SceneQueries.CommunitySize(1, 2));
        assertThat(g.retweets()).isEmpty();
        assertThat(g.follows()).containsExactly(new SceneQueries.CommunityPair(1, 0, 1));
    }

    @Test
    void clusterSceneHasMembersTheirRetweetedNeighbourAndMergedCoordinationEdges() {
        Scene s = scene(new SceneQueries.Selection(5, null, null, null, 100), SceneQueries.SizeBy.PAGERANK);
        assertThat(s.title()).isEqualTo("Cluster 5");
        assertThat(s.nodes()).extracting(SceneNode::id).containsExactly("u2", "u1", "u3", "u4");
        assertThat(s.edges()).containsExactlyInAnyOrder(
                new SceneEdge("u1", "u2", EdgeKind.COORDINATION, 4.0),
                new SceneEdge("u2", "u3", EdgeKind.COORDINATION, 2.0),
                new SceneEdge("u1", "u4", EdgeKind.RETWEET, 1),
                new SceneEdge("u2", "u4", EdgeKind.RETWEET, 1),
                new SceneEdge("u3", "u4", EdgeKind.RETWEET, 1));
        SceneNode u1 = s.nodes().get(1);
        assertThat(u1.label()).isEqualTo("alice1");
        assertThat(u1.community()).isZero();
        assertThat(u1.cluster()).isEqualTo(5);
        assertThat(u1.suspicious()).isTrue();
        assertThat(u1.score()).isEqualTo(0.9);
        assertThat(u1.size()).isEqualTo(0.10);
        assertThat(u1.signals()).containsExactly("co-retweet");
        assertThat(u1.evidence()).containsExactly(
                "1 posts, first 1970-01-01 00:16:50 UTC, last 1970-01-01 00:16:50 UTC",
                "co-retweet with @bob2, 3 shared items: {\"items\":[\"p1\"]}",
                "sync with @bob2, 1 shared items");
        SceneNode u4 = s.nodes().get(3);
        assertThat(u4.cluster()).isEqualTo(SceneNode.NONE);
        assertThat(u4.suspicious()).isFalse();
    }

    @Test
    void communityHashtagAndAccountSelections() {
        Scene c = scene(new SceneQueries.Selection(null, 1, null, null, 100), SceneQueries.SizeBy.FOLLOWERS);
        assertThat(c.nodes()).extracting(SceneNode::id).containsExactly("u5", "u6");
        assertThat(c.nodes()).extracting(SceneNode::size).containsExactly(300.0, 30.0);
        assertThat(c.sizeLabel()).isEqualTo("followers");
        assertThat(c.edges()).containsExactlyInAnyOrder(
                new SceneEdge("u6", "u5", EdgeKind.RETWEET, 1), new SceneEdge("u6", "u5", EdgeKind.FOLLOW, 1));

        Scene h = scene(new SceneQueries.Selection(null, null, "#VOTE", null, 100), SceneQueries.SizeBy.PAGERANK);
        assertThat(h.nodes()).extracting(SceneNode::id).containsExactly("u4");

        Scene a = scene(new SceneQueries.Selection(null, null, null, "alice1", 100), SceneQueries.SizeBy.PAGERANK);
        assertThat(a.nodes()).extracting(SceneNode::id).containsExactly("u2", "u1", "u4");

        Scene top = scene(SceneQueries.Selection.all(3), SceneQueries.SizeBy.PAGERANK);
        // suspicious first, then by size
        assertThat(top.nodes()).extracting(SceneNode::id).containsExactly("u2", "u1", "u3");

        assertThatThrownBy(() -> scene(new SceneQueries.Selection(null, 42, null, null, 10), SceneQueries.SizeBy.PAGERANK))
                .isInstanceOf(NoMatchException.class).hasMessage("no account matches community 42");
        assertThatThrownBy(() -> new SceneQueries.Selection(1, 2, null, null, 10)).hasMessageContaining("at most one");
    }

    @Test
    void overviewIsAggregatedInTheDatabase() {
        Scene o = StoreScenes.communityGraph(queries.communityGraph(), "Overview");
        assertThat(o.nodes()).extracting(SceneNode::id).containsExactly("community:0", "community:1", "cluster:5");
        assertThat(o.nodes()).extracting(SceneNode::size).containsExactly(4.0, 2.0, 3.0);
        assertThat(o.nodes().get(2).suspicious()).isTrue();
        assertThat(o.nodes().get(2).signals()).containsExactly("co-retweet", "sync");
        assertThat(o.nodes().get(2).evidence()).containsExactly("3 suspicious accounts: alice1, bob2, carol3");
        assertThat(o.edges()).containsExactlyInAnyOrder(
                new SceneEdge("cluster:5", "community:0", EdgeKind.COORDINATION, 3),
                new SceneEdge("community:0", "community:1", EdgeKind.FOLLOW, 1));
        assertThat(queries.suspiciousClusters()).containsExactly(5);
    }

    @Test
    void renderCommandWritesTheOverviewAndOnePicturePerCluster() throws Exception {
        Path out = dir.resolve("pics/overview.png");
        StringWriter text = new StringWriter();
        CommandLine cmd = Lockstep.configured(new RenderCommand());
        cmd.setOut(new PrintWriter(text));
        int code = cmd.execute("--neo4j", store.embeddedBoltUri().toString(), "--user", StoreSecret.USER,
                "--password-file", store.embeddedSecretFile().toString(), "--out", out.toString(),
                "--width", "800", "--height", "600", "--clusters");
        assertThat(code).isZero();
        Path cluster = dir.resolve("pics/overview-cluster-5.png");
        assertThat(text.toString()).contains("wrote " + out, "wrote " + cluster);
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(600);
        assertThat(Files.size(cluster)).isGreaterThan(5000);

        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("--neo4j", store.embeddedBoltUri().toString(), "--user", StoreSecret.USER,
                "--password-file", store.embeddedSecretFile().toString(), "--out", dir.resolve("x.png").toString(), "--cluster", "99"))
                .isEqualTo(OneLineErrors.INPUT);
        assertThat(err.toString()).contains("no account matches cluster 99");
        assertThat(cmd.execute("--neo4j", store.embeddedBoltUri().toString(), "--out", dir.resolve("x.gif").toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void viewCommandExplainsThatItNeedsADisplay() {
        // surefire runs this module headless
        StringWriter err = new StringWriter();
        CommandLine cmd = Lockstep.configured(new ViewCommand());
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("--neo4j", store.embeddedBoltUri().toString(), "--cluster", "5")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("no display for the viewer");
        assertThat(cmd.execute("--cluster", "5", "--account", "x")).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
