package io.lockstep.store;

import io.lockstep.community.CommunityResult;
import io.lockstep.community.Leiden;
import io.lockstep.community.LeidenParams;
import io.lockstep.graph.CompactGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Projections against the real embedded Neo4j, through the driver. */
class ProjectionsTest {
    private static GraphStore store;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("lockstep-projections");
        store = GraphStore.embedded(dir);
        GraphSchema.ensure(store);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void clear() {
        try (Session s = store.session()) {
            s.run("MATCH (n) DETACH DELETE n").consume();
        }
    }

    private static void run(String cypher, Map<String, Object> params) {
        try (Session s = store.session()) {
            s.run(cypher, params).consume();
        }
    }

    /** Two groups {a1,a2,a3} and {b1,b2,b3}: each member retweets the others of its group; a3 once retweets b1. */
    private static void twoRetweetGroups() {
        String[][] retweets = {
                {"a1", "a2"}, {"a2", "a3"}, {"a3", "a1"}, {"a1", "a3"}, {"a2", "a1"}, {"a3", "a2"},
                {"b1", "b2"}, {"b2", "b3"}, {"b3", "b1"}, {"b1", "b3"}, {"b2", "b1"}, {"b3", "b2"},
                {"a3", "b1"}, {"a1", "a1"}};
        List<List<String>> rows = new java.util.ArrayList<>();
        for (String[] r : retweets) {
            rows.add(List.of(r[0], r[1], "rt" + rows.size(), "o" + rows.size()));
        }
        run("UNWIND $rows AS r MERGE (x:Account {id: r[0]}) MERGE (y:Account {id: r[1]}) "
                + "CREATE (x)-[:POSTED]->(:Post {id: r[2], kind: 'retweet'})-[:RETWEETS]->(o:Post {id: r[3], kind: 'tweet'}) "
                + "CREATE (y)-[:POSTED]->(o)", Map.of("rows", rows));
        run("CREATE (:Account {id: 'lonely'})", Map.of());
    }

    @Test
    void retweetProjectionFoldsIntoWeightedEdgesAndCommunitiesAreWrittenBack() {
        twoRetweetGroups();
        Projections.ProjectedGraph p = Projections.read(store, Projections.Projection.RETWEETS);
        assertThat(p.accountIds()).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "b2", "b3"); // self-retweet dropped
        assertThat(p.directed().arcCount()).isEqualTo(13);
        CompactGraph g = p.undirected();
        assertThat(g.edgeCount()).isEqualTo(7);
        assertThat(g.totalWeight()).isEqualTo(13.0);
        CommunityResult r = new Leiden(LeidenParams.defaults()).detect(g);
        assertThat(r.communityCount()).isEqualTo(2);
        assertThat(Projections.writeCommunities(store, p.accountIds(), r.membership())).isEqualTo(6);
        Map<String, Integer> back = Projections.readCommunities(store);
        assertThat(back).hasSize(6);
        assertThat(back.get("a1")).isEqualTo(back.get("a2")).isEqualTo(back.get("a3"));
        assertThat(back.get("b1")).isEqualTo(back.get("b2")).isEqualTo(back.get("b3"));
        assertThat(back.get("a1")).isNotEqualTo(back.get("b1"));
        // a second run replaces the results: the lonely account never gets one, stale values disappear
        run("MATCH (a:Account {id: 'lonely'}) SET a.community = 99", Map.of());
        Projections.writeCommunities(store, p.accountIds(), r.membership());
        assertThat(Projections.readCommunities(store)).doesNotContainKey("lonely").hasSize(6);
    }

    @Test
    void followsAndCoordinationProjections() {
        run("UNWIND $pairs AS p MERGE (x:Account {id: p[0]}) MERGE (y:Account {id: p[1]}) CREATE (x)-[:FOLLOWS]->(y)",
                Map.of("pairs", List.of(List.of("u", "v"), List.of("v", "u"), List.of("v", "w"))));
        Projections.ProjectedGraph follows = Projections.read(store, Projections.Projection.FOLLOWS);
        assertThat(follows.nodeCount()).isEqualTo(3);
        assertThat(follows.directed().arcCount()).isEqualTo(3);
        assertThat(follows.undirected().edgeCount()).isEqualTo(2);
        int u = follows.accountIds().indexOf("u"), v = follows.accountIds().indexOf("v");
        assertThat(follows.undirected().strength(u)).isEqualTo(2.0); // u→v and v→u folded

        run("MATCH (x:Account {id: 'u'}), (y:Account {id: 'w'}) "
                + "CREATE (x)-[:COORDINATED_WITH {signal: 'co-retweet', weight: 2.5}]->(y), "
                + "(x)-[:COORDINATED_WITH {signal: 'co-hashtag'}]->(y)", Map.of());
        Projections.ProjectedGraph coordination = Projections.read(store, Projections.Projection.COORDINATION);
        assertThat(coordination.accountIds()).containsExactly("u", "w");
        assertThat(coordination.undirected().totalWeight()).isEqualTo(3.5);
        assertThat(v).isGreaterThanOrEqualTo(0);
    }

    @Test
    void scoresAreWrittenAndProjectionNamesParsed() {
        twoRetweetGroups();
        Projections.ProjectedGraph p = Projections.read(store, Projections.Projection.parse("Retweets"));
        double[] scores = new double[p.nodeCount()];
        scores[p.accountIds().indexOf("b2")] = 0.75;
        assertThat(Projections.writeScores(store, "pagerank", p.accountIds(), scores)).isEqualTo(6);
        try (Session s = store.session()) {
            assertThat(s.run("MATCH (a:Account {id: 'b2'}) RETURN a.pagerank AS x").single().get("x").asDouble())
                    .isEqualTo(0.75);
        }
        assertThatThrownBy(() -> Projections.Projection.parse("likes")).hasMessageContaining("unknown projection 'likes'");
        assertThatThrownBy(() -> Projections.writeScores(store, "x} DETACH DELETE a", p.accountIds(), scores))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
