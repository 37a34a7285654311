package io.lockstep.store.load;

import io.lockstep.importer.Format;
import io.lockstep.importer.FormatDetector;
import io.lockstep.importer.ParsersTest;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphExport;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreStatistics;
import io.lockstep.store.TestStore;
import io.lockstep.store.load.ImportOptions.Switch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The research tools' interchange formats on real data: CooRTweet's sample {@code russian_coord_tweets} (a sample of
 * its rows; see the README beside it) imported and exported back to the same rows through both write paths;
 * CooRnet's CrowdTangle shares table; the current {@code twarc2 csv} layout.
 */
class InterchangeFormatsTest {
    GraphStore store;

    @BeforeEach
    void clear() {
        store = TestStore.clear();
    }

    static Path resource(String name) {
        try {
            return Path.of(InterchangeFormatsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(Path file) throws IOException {
        try (Reader r = file.toString().endsWith(".gz")
                ? new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)
                : Files.newBufferedReader(file)) {
            return new BufferedReader(r).lines().toList();
        }
    }

    @Test
    void coortweetSampleImportsAndExportsBackToTheSameRows(@TempDir Path dir) throws IOException {
        Path sample = Files.copy(resource("/coortweet/russian_coord_tweets_sample.csv.gz"),
                dir.resolve("russian_coord_tweets_sample.csv.gz"));
        List<String> rows = lines(sample);
        assertThat(rows.get(0)).isEqualTo("object_id,account_id,content_id,timestamp_share");
        TreeSet<String> distinct = new TreeSet<>(rows.subList(1, rows.size()));
        assertThat(rows).hasSize(1_567);
        assertThat(distinct).hasSize(1_565); // one row of the sample dataset is there twice
        for (boolean bulk : new boolean[]{true, false}) {
            clear();
            ImportReport report = new ArchiveImporter().importFiles(store, List.of(sample),
                    ImportOptions.defaults().with(Switch.BULK, bulk).withBatchSize(300), ProgressListener.NONE);
            assertThat(report.files().get(0).format()).isEqualTo(Format.COORTWEET);
            assertThat(report.rejects()).isZero();
            assertThat(report.rows()).isEqualTo(1_566);
            Path out = dir.resolve("export-" + bulk + ".csv");
            GraphExport.ExportStats stats = GraphExport.export(store, GraphExport.ExportFormat.COORTWEET, false, out);
            List<String> exported = lines(out);
            assertThat(exported.get(0)).isEqualTo(rows.get(0));
            assertThat(exported).hasSize(1 + 1_565);
            assertThat(new TreeSet<>(exported.subList(1, exported.size()))).as("bulk=%s", bulk).isEqualTo(distinct);
            assertThat(stats.edges()).isEqualTo(1_565);
            Map<String, Long> counts = StoreStatistics.read(store);
            // 1,526 contents; 39 of them share two objects (a retweet and a quote), one shares one object twice
            assertThat(counts.get("posts")).isEqualTo(1_526);
            assertThat(counts.get("quotes")).isEqualTo(39);
            assertThat(counts.get("retweets")).isEqualTo(1_526);
        }
    }

    /** PyCooRnet's real CrowdTangle shares table (coornet/README.md gives its source and the independent counts). */
    @Test
    void coornetRealSharesTableLoadsTheSameGraphThroughBothPaths() throws Exception {
        Path file = Path.of(InterchangeFormatsTest.class.getResource("/coornet/ct_shares.csv.gz").toURI());
        assertThat(FormatDetector.formatOf(file)).isEqualTo(Format.COORNET);
        for (boolean bulk : new boolean[]{true, false}) {
            store = TestStore.clear();
            ImportReport report = new ArchiveImporter().importFiles(store, List.of(file),
                    ImportOptions.defaults().with(Switch.BULK, bulk), ProgressListener.NONE);
            assertThat(report.rejects()).as("bulk %s", bulk).isZero();
            Map<String, Long> counts = StoreStatistics.read(store);
            assertThat(counts.get("posts")).as("bulk %s", bulk).isEqualTo(1_058);
            assertThat(counts.get("accounts")).isEqualTo(407);
            assertThat(counts.get("url_uses")).isEqualTo(1_681);
            try (Session s = store.session()) {
                var r = s.run("""
                        MATCH (a:Account {id: 'https://www.facebook.com/82409693514'})-[:POSTED]->(p:Post {id: '7739558597'})
                        RETURN a.screen_name AS handle, a.followers_count AS followers, p.time AS time""").single();
                assertThat(r.get("handle").asString()).isEqualTo("cubadebate");
                assertThat(r.get("followers").asLong()).isEqualTo(538_732);
                assertThat(r.get("time").asLong()).isEqualTo(1484308991L); // 2017-01-13 12:03:11 UTC
            }
        }
    }

    @Test
    void coornetSharesTableLoadsPostsLinkingTheirUrls(@TempDir Path dir) throws IOException {
        Path file = Files.copy(ParsersTest.sample("coornet_shares.csv"), dir.resolve("coornet_shares.csv"));
        assertThat(FormatDetector.formatOf(file)).isEqualTo(Format.COORNET);
        ImportReport report = new ArchiveImporter().importFiles(store, List.of(file),
                ImportOptions.defaults().with(Switch.BULK, false), ProgressListener.NONE);
        assertThat(report.rejects()).isEqualTo(1);
        Map<String, Long> counts = StoreStatistics.read(store);
        assertThat(counts.get("posts")).isEqualTo(3);
        assertThat(counts.get("accounts")).isEqualTo(2);
        assertThat(counts.get("urls")).isEqualTo(2);
        assertThat(counts.get("url_uses")).isEqualTo(4);
        try (Session s = store.session()) {
            var r = s.run("""
                    MATCH (a:Account {id: 'https://www.facebook.com/123456789'})-[:POSTED]->(p:Post {id: '123456789|111'})
                    RETURN a.screen_name AS handle, a.followers_count AS followers, p.time AS time, p.text AS text,
                           p.like_count AS likes, p.client AS platform""").single();
            assertThat(r.get("handle").asString()).isEqualTo("newsfrontpage");
            assertThat(r.get("followers").asLong()).isEqualTo(120_000);
            assertThat(r.get("time").asLong()).isEqualTo(1584381625L); // 2020-03-16 18:00:25 UTC
            assertThat(r.get("text").asString()).isEqualTo("Read this");
            assertThat(r.get("likes").asLong()).isEqualTo(12);
            assertThat(r.get("platform").asString()).isEqualTo("Facebook");
        }
    }

    /**
     * The real output of {@code twarc2 csv} (twarc-csv d77da93 on its own capture {@code brexit.jsonl}; see
     * {@code twarc-csv/csv/README.md}), through both load paths. Counted from the CSV with Python's csv and json
     * modules: 100 rows, 67 retweets, 11 quotes, 10 replies, 287 hashtag uses (distinct per tweet, lower-cased).
     */
    @Test
    void twarcCsvRealOutputLoadsTheSameGraphThroughBothPaths() throws Exception {
        Path file = Path.of(InterchangeFormatsTest.class.getResource("/twarc-csv/csv/brexit.csv.gz").toURI());
        assertThat(FormatDetector.formatOf(file)).isEqualTo(Format.TWARC_CSV);
        Map<String, Long> first = null;
        for (boolean bulk : new boolean[]{true, false}) {
            store = TestStore.clear();
            ImportReport report = new ArchiveImporter().importFiles(store, List.of(file),
                    ImportOptions.defaults().with(Switch.BULK, bulk), ProgressListener.NONE);
            assertThat(report.rejects()).isZero();
            Map<String, Long> counts = StoreStatistics.read(store);
            assertThat(counts.get("retweets")).as("bulk %s", bulk).isEqualTo(67);
            assertThat(counts.get("quotes")).isEqualTo(11);
            assertThat(counts.get("replies")).isEqualTo(10);
            assertThat(counts.get("hashtag_uses")).isEqualTo(287);
            counts.remove("imports");
            if (first == null) {
                first = counts;
            } else {
                assertThat(counts).isEqualTo(first);
            }
        }
    }
}
