package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.importer.UnknownFormatException;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreStatistics;
import io.lockstep.store.load.ImportOptions.Switch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.lockstep.importer.ParsersTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports the sample files into a real embedded Neo4j through the driver and checks the graph exactly. Here every
 * write goes through transactions; {@link BulkLoaderTest} runs the same checks with the first import of each test
 * loaded by Neo4j's bulk importer.
 */
class ArchiveImporterTest {
    static Path storeDir;
    static GraphStore store;
    final ArchiveImporter importer = new ArchiveImporter();

    @BeforeAll
    static void start() throws IOException {
        storeDir = Files.createTempDirectory("lockstep-importer-test");
        store = GraphStore.embedded(storeDir);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void clear() {
        try (Session s = store.session()) {
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }

    /** Copies samples into a temp dir so rejects files land there, not in target/test-classes. */
    static Path copy(Path dir, String name) throws IOException {
        return Files.copy(sample(name), dir.resolve(name));
    }

    /** The options of every import in these tests (batches of 2 rows, so that files span several batches). */
    ImportOptions options() {
        return ImportOptions.defaults().withBatchSize(2).with(Switch.BULK, false);
    }

    ImportReport run(List<Path> files) throws IOException {
        return importer.importFiles(store, files, options(), ProgressListener.NONE);
    }

    long count(String cypher) {
        try (Session s = store.session()) {
            return s.run(cypher).single().get(0).asLong();
        }
    }

    Map<String, Object> props(String cypher) {
        try (Session s = store.session()) {
            return s.run(cypher).single().get(0).asMap();
        }
    }

    @Test
    void infoOpsArchiveBecomesTheDocumentedGraph(@TempDir Path dir) throws IOException {
        ImportReport report = run(List.of(copy(dir, "infoops_users.csv"), copy(dir, "infoops_tweets.csv"),
                copy(dir, "followers.csv")));
        assertThat(report.files()).extracting(ImportReport.FileResult::format)
                .containsExactly(Format.INFO_OPS_USERS, Format.INFO_OPS_TWEETS, Format.FOLLOWER_CSV);
        assertThat(report.files()).extracting(ImportReport.FileResult::rows).containsExactly(3L, 5L, 3L);
        assertThat(report.rejects()).isZero();

        Map<String, Long> stats = StoreStatistics.read(store);
        assertThat(stats).containsEntry("accounts", 4L) // 2882331822, the hash, 99999, 55555
                .containsEntry("placeholder_accounts", 0L)
                .containsEntry("posts", 5L)
                .containsEntry("placeholder_posts", 2L) // unseen retweeted and quoted originals
                .containsEntry("follows", 3L)
                .containsEntry("retweets", 2L)
                .containsEntry("quotes", 1L)
                .containsEntry("replies", 1L)
                .containsEntry("mentions", 2L)
                .containsEntry("hashtags", 3L) // macronleaks, macron, élection2017
                .containsEntry("hashtag_uses", 5L)
                .containsEntry("urls", 1L) // both spellings normalise to one URL
                .containsEntry("url_uses", 2L)
                .containsEntry("imports", 3L);
        assertThat(count("MATCH (:Account)-[r:POSTED]->(:Post) RETURN count(r)")).isEqualTo(6);
        assertThat(count("MATCH (:Account {id: '99999'})-[:POSTED]->(p:Post {id: '777000000000000001'}) "
                + "WHERE p.placeholder RETURN count(p)")).isEqualTo(1);
        Map<String, Object> first = props("MATCH (p:Post {id: '860542457391583232'}) RETURN properties(p)");
        assertThat(first).containsEntry("time", 1494008580L).containsEntry("kind", "tweet")
                .containsEntry("like_count", 12L).containsEntry("placeholder", false)
                .containsEntry("text", "Les #MacronLeaks sont là 😱 https://t.co/abc");
        Map<String, Object> jd = props("MATCH (a:Account {id: '2882331822'}) RETURN properties(a)");
        assertThat(jd).containsEntry("screen_name", "jdupont").containsEntry("followers_count", 1520L)
                .containsEntry("created_at", 1416441600L).containsEntry("display_name", "Jérôme Dupont");
        assertThat(count("MATCH (:Post {id: '860542457391583232'})-[t:TAGS]->(h:Hashtag {name: 'macron'}) "
                + "RETURN t.position")).isEqualTo(1);
        assertThat(count("MATCH (p:Post {id: '860543000000000002'}) WHERE p.kind = 'reply' "
                + "AND p.text = 'Réponse\nsur deux lignes, avec \"guillemets\"' RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void reimportingChangesNothingAndALaterFileCompletesAPlaceholder(@TempDir Path dir) throws IOException {
        Path tweets = copy(dir, "infoops_tweets.csv");
        run(List.of(tweets));
        Map<String, Long> before = StoreStatistics.read(store);

        ImportReport again = run(List.of(tweets));
        assertThat(again.files().get(0).status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
        assertThat(again.files().get(0).rows()).isEqualTo(5);
        ImportReport forced = importer.importFiles(store, List.of(tweets),
                options().with(Switch.REIMPORT, true), ProgressListener.NONE);
        assertThat(forced.files().get(0).status()).isEqualTo(ImportReport.Status.IMPORTED);
        assertThat(StoreStatistics.read(store)).isEqualTo(before);

        // a later file holds the original that was only retweeted so far
        Path originals = Files.writeString(dir.resolve("originals.csv"),
                "tweetid,userid,user_screen_name,tweet_time,tweet_text,is_retweet,hashtags\n"
                        + "777000000000000001,99999,orig,2017-05-04 09:00,the original,False,[Macron]\n");
        run(List.of(originals));
        Map<String, Long> after = StoreStatistics.read(store);
        assertThat(after.get("posts")).isEqualTo(before.get("posts") + 1);
        assertThat(after.get("placeholder_posts")).isEqualTo(before.get("placeholder_posts") - 1);
        assertThat(after.get("retweets")).isEqualTo(before.get("retweets"));
        assertThat(after.get("accounts")).isEqualTo(before.get("accounts"));
        assertThat(count("MATCH (a:Account)-[:POSTED]->(p:Post {id: '777000000000000001'}) "
                + "WHERE a.id = '99999' AND a.placeholder = false AND p.text = 'the original' RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Post)-[:RETWEETS]->(p:Post {id: '777000000000000001'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void malformedRowsGoToTheRejectsFileAndTheImportGoesOn(@TempDir Path dir) throws IOException {
        Path dirty = copy(dir, "infoops_tweets_dirty.csv");
        ImportReport report = run(List.of(dirty));
        ImportReport.FileResult r = report.files().get(0);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.rejects()).isEqualTo(3);
        assertThat(r.rejectsFile()).isEqualTo(dir.resolve("infoops_tweets_dirty.rejects.csv"));
        List<String> lines = Files.readAllLines(r.rejectsFile());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("file,line,reason,raw");
        assertThat(lines.get(1)).isEqualTo("infoops_tweets_dirty.csv,3,\"expected 30 columns, found 4\","
                + "\"1002,u1,too,few\"");
        assertThat(lines.get(2)).startsWith("infoops_tweets_dirty.csv,4,empty tweetid,");
        assertThat(lines.get(3)).startsWith("infoops_tweets_dirty.csv,5,unparseable tweet_time 'yesterday at noon',");
        assertThat(StoreStatistics.read(store)).containsEntry("posts", 2L).containsEntry("hashtags", 2L);
    }

    @Test
    void inputsThatShareARejectsFileKeepEachOthersRejectsAcrossReimports(@TempDir Path dir) throws IOException {
        Path csv = Files.copy(sample("infoops_tweets_dirty.csv"), dir.resolve("tweets.csv"));
        Path jsonl = Files.copy(sample("v1_statuses.jsonl"), dir.resolve("tweets.jsonl"));
        ImportReport report = run(List.of(csv, jsonl));
        Path rejects = dir.resolve("tweets.rejects.csv");
        assertThat(report.files()).extracting(ImportReport.FileResult::rejectsFile).containsExactly(rejects, rejects);
        assertThat(rejectedFiles(rejects)).containsExactly("tweets.csv", "tweets.csv", "tweets.csv", "tweets.jsonl");

        // each file again, one at a time: each rewrites its own rejects only, none is listed twice or lost
        importer.importFiles(store, List.of(jsonl), options().with(Switch.REIMPORT, true), ProgressListener.NONE);
        importer.importFiles(store, List.of(csv), options().with(Switch.REIMPORT, true), ProgressListener.NONE);
        assertThat(rejectedFiles(rejects)).containsExactlyInAnyOrder("tweets.csv", "tweets.csv", "tweets.csv",
                "tweets.jsonl");
    }

    private static List<String> rejectedFiles(Path rejects) throws IOException {
        return Files.readAllLines(rejects).stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    @Test
    void twarcJsonAndEdgeFormatsImport(@TempDir Path dir) throws IOException {
        ImportReport report = run(List.of(copy(dir, "twarc.csv"), copy(dir, "v1_statuses.jsonl"),
                copy(dir, "v2_responses.jsonl"), copy(dir, "edges.csv"), copy(dir, "snap_edges.txt")));
        assertThat(report.files()).extracting(ImportReport.FileResult::rows).containsExactly(3L, 3L, 2L, 3L, 4L);
        assertThat(report.files()).extracting(ImportReport.FileResult::rejects).containsExactly(1L, 1L, 0L, 0L, 0L);
        // twarc: 3 posts + reply placeholder; v1: 3 posts; v2: 4 posts + quoted placeholder
        Map<String, Long> stats = StoreStatistics.read(store);
        assertThat(stats).containsEntry("posts", 10L).containsEntry("placeholder_posts", 2L)
                .containsEntry("retweets", 3L).containsEntry("quotes", 1L).containsEntry("replies", 2L)
                .containsEntry("follows", 4L).containsEntry("interactions", 3L);
        assertThat(count("MATCH (:Account {id: 'a'})-[e:INTERACTS {type: 'retweet'}]->(:Account {id: 'b'}) "
                + "WHERE e.time = 1577836800 AND e.weight = 2.0 RETURN count(e)")).isEqualTo(1);
        assertThat(count("MATCH (:Account {id: 'a'})-[e:INTERACTS {type: 'interaction'}]->(:Account {id: 'c'}) "
                + "RETURN count(e)")).isEqualTo(1);
        assertThat(count("MATCH (u:Url {url: 'https://news.example/story'}) RETURN count(u)")).isEqualTo(1);
        assertThat(count("MATCH (:Account {id: '2244994945', screen_name: 'TwitterDev'})-[:POSTED]->"
                + "(p:Post {id: '1500000000000000001', placeholder: false}) RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void anUnknownFileStopsTheImportBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path good = copy(dir, "followers.csv");
        Path bad = Files.writeString(dir.resolve("notes.txt"), "just some words on a line\n");
        assertThatThrownBy(() -> run(List.of(good, bad)))
                .isInstanceOf(UnknownFormatException.class)
                .hasMessageContaining("header found: 'just some words on a line'");
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }
}
