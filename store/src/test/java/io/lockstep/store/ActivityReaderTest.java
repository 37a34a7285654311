package io.lockstep.store;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityReaderTest {
    private GraphStore store;

    @BeforeEach
    void seed() {
        store = TestStore.clear();
        try (Session s = store.session()) {
            s.run("""
                    CREATE (a:Account {id: '1', screen_name: 'alice', created_at: 1000, followers_count: 10})
                    CREATE (b:Account {id: 'h4sh', screen_name: 'bob'})
                    CREATE (c:Account {id: '3'})
                    CREATE (p1:Post {id: 't1', time: 5000, kind: 'tweet', text: 'hello #A #b'})
                    CREATE (p2:Post {id: 't2', time: 5010, kind: 'retweet'})
                    CREATE (p3:Post {id: 't3', time: 5020, kind: 'retweet'})
                    CREATE (orig:Post {id: 't0', placeholder: true})
                    CREATE (a)-[:POSTED]->(p1), (b)-[:POSTED]->(p2), (c)-[:POSTED]->(p3)
                    CREATE (p2)-[:RETWEETS]->(p1), (p3)-[:RETWEETS]->(orig)
                    CREATE (p1)-[:TAGS {position: 1}]->(:Hashtag {name: 'b'})
                    CREATE (p1)-[:TAGS {position: 0}]->(:Hashtag {name: 'a'})
                    CREATE (p1)-[:LINKS]->(:Url {url: 'http://example.org/x'})
                    CREATE (p1)-[:MENTIONS]->(b)
                    CREATE (b)-[:FOLLOWS]->(a), (c)-[:FOLLOWS]->(a)""").consume();
        }
    }

    @Test
    void readsAccountsPostsReferencesAndFollows() {
        Activity act = ActivityReader.read(store);
        assertThat(act.accountCount()).isEqualTo(3);
        // t0 is a placeholder created by reference, not read as a post of its own
        assertThat(act.postCount()).isEqualTo(4);
        int alice = indexOfAccount(act, "1");
        assertThat(act.screenName(alice)).isEqualTo("alice");
        assertThat(act.accountCreated(alice)).isEqualTo(1000);
        assertThat(act.followerCount(alice)).isEqualTo(10);
        assertThat(act.accountCreated(indexOfAccount(act, "3"))).isEqualTo(Activity.NO_TIME);

        int t1 = indexOfPost(act, "t1");
        assertThat(act.kind(t1)).isEqualTo(PostKind.TWEET);
        assertThat(act.time(t1)).isEqualTo(5000);
        assertThat(List.of(act.hashtag(act.hashtagOf(t1, 0)), act.hashtag(act.hashtagOf(t1, 1))))
                .containsExactly("a", "b");
        assertThat(act.url(act.urlOf(t1, 0))).isEqualTo("http://example.org/x");
        assertThat(act.accountId(act.mentionOf(t1, 0))).isEqualTo("h4sh");

        int t2 = indexOfPost(act, "t2");
        assertThat(act.kind(t2)).isEqualTo(PostKind.RETWEET);
        assertThat(act.referencedPost(t2)).isEqualTo(t1);
        assertThat(act.referencedAuthor(t2)).isEqualTo(alice);
        int t3 = indexOfPost(act, "t3");
        int t0 = act.referencedPost(t3);
        assertThat(act.postId(t0)).isEqualTo("t0");
        assertThat(act.kind(t0)).isEqualTo(PostKind.PLACEHOLDER);
        assertThat(act.referencedAuthor(t3)).isEqualTo(Activity.NONE);

        assertThat(act.followCount()).isEqualTo(2);
        for (int f = 0; f < act.followCount(); f++) {
            assertThat(act.followee(f)).isEqualTo(alice);
        }
    }

    @Test
    void writesResultsBackWithoutDuplicatesOnRerun() {
        for (int run = 0; run < 2; run++) {
            ResultWriter.writeAccountResults(store, List.of(
                    new ResultWriter.AccountResult("1", 0, 0.5, 1, null, 0.1, false, List.of()),
                    new ResultWriter.AccountResult("h4sh", 1, 0.25, 2, 7, 0.9, true, List.of("co-retweet"))));
            ResultWriter.replaceCoordination(store, List.of(new ResultWriter.CoordinationEdgeResult("1", "h4sh",
                    "co-retweet", 2.5, 3, "[]")));
            ResultWriter.replaceClusters(store, List.of(new ResultWriter.ClusterResult(7, "botnet", 2, 0.9,
                    List.of("co-retweet"), List.of("a"), 5000L, null, List.of("1", "h4sh"))));
            ResultWriter.replaceCampaigns(store, List.of(new ResultWriter.CampaignResult("a-5000", "a", 5000, 6000,
                    0.5, List.of("1"), List.of("h4sh", "3"))));
        }
        try (Session s = store.session()) {
            assertThat(s.run("MATCH ()-[c:COORDINATED_WITH]->() RETURN count(c) AS n").single().get("n").asLong())
                    .isEqualTo(1);
            assertThat(s.run("MATCH (:Account)-[r:IN_CLUSTER]->(:Cluster {id: 7}) RETURN count(r) AS n").single()
                    .get("n").asLong()).isEqualTo(2);
            assertThat(s.run("MATCH (:Account)-[r:AMPLIFIED]->(:Campaign) RETURN count(r) AS n").single()
                    .get("n").asLong()).isEqualTo(2);
            assertThat(s.run("MATCH (a:Account {id: 'h4sh'}) RETURN a.suspicious AS s").single().get("s").asBoolean())
                    .isTrue();
            var h4sh = s.run("MATCH (a:Account {id: 'h4sh'}) RETURN a.cluster AS c, a.pagerank AS p, a.signals AS g")
                    .single();
            assertThat(h4sh.get("c").asInt()).isEqualTo(7);
            assertThat(h4sh.get("p").asDouble()).isEqualTo(0.25);
            assertThat(h4sh.get("g").asList()).containsExactly("co-retweet");
            assertThat(s.run("MATCH (a:Account {id: '1'}) RETURN a.cluster IS NULL AS n").single().get("n")
                    .asBoolean()).isTrue();
            ResultWriter.clearAccountProperty(store, "community");
            assertThat(s.run("MATCH (a:Account) WHERE a.community IS NOT NULL RETURN count(a) AS n").single()
                    .get("n").asLong()).isZero();
        }
    }

    @Test
    void campaignsSharingAnIdAreOneNodeWithTheUnionOfTheirRolesOnce() {
        for (int run = 0; run < 2; run++) {
            ResultWriter.replaceCampaigns(store, List.of(
                    new ResultWriter.CampaignResult("a@5000", "a", 5000, 6000, 0.5, List.of("1", "1"),
                            List.of("h4sh")),
                    new ResultWriter.CampaignResult("a@5000", "a", 5000, 7000, 0.25, List.of("3"),
                            List.of("h4sh", "1")),
                    new ResultWriter.CampaignResult("b@5000", "b", 5000, 6000, 0.1, List.of(), List.of("3"))));
        }
        try (Session s = store.session()) {
            var rows = s.run("""
                    MATCH (c:Campaign) OPTIONAL MATCH (a:Account)-[r]->(c)
                    WITH c, a, type(r) AS role ORDER BY a.id, role
                    RETURN c.id AS id, c.end AS end, collect(a.id + ':' + role) AS roles ORDER BY id""").list();
            assertThat(rows).hasSize(2);
            // the last row's properties, each role once
            assertThat(rows.get(0).get("end").asLong()).isEqualTo(7000);
            assertThat(rows.get(0).get("roles").asList()).containsExactly("1:AMPLIFIED", "1:SEEDED", "3:SEEDED",
                    "h4sh:AMPLIFIED");
            assertThat(rows.get(1).get("roles").asList()).containsExactly("3:AMPLIFIED");
        }
    }

    private static int indexOfAccount(Activity act, String id) {
        for (int a = 0; a < act.accountCount(); a++) {
            if (act.accountId(a).equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no account " + id);
    }

    private static int indexOfPost(Activity act, String id) {
        for (int p = 0; p < act.postCount(); p++) {
            if (act.postId(p).equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no post " + id);
    }
}
