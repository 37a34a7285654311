package io.lockstep.store.load;

import io.lockstep.activity.Activity;
import io.lockstep.importer.Format;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.ActivityReader;
import io.lockstep.store.GraphStore;
import io.lockstep.store.ResultWriter;
import io.lockstep.store.StoreException;
import io.lockstep.store.StoreStatistics;
import io.lockstep.store.load.ImportOptions.Switch;
import io.lockstep.store.load.bench.ArchiveGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every check of {@link ArchiveImporterTest}, with the first import of each test (into the emptied store) loaded by
 * {@link BulkLoader}: the bulk path must give the graph that transactions give. Later imports in a test find the
 * store non-empty and go through transactions, so the mix is checked too.
 */
class BulkLoaderTest extends ArchiveImporterTest {
    @Override
    ImportOptions options() {
        return ImportOptions.defaults().withBatchSize(2).with(Switch.BULK, true);
    }

    @Test
    void aBulkLoadIsRecordedAndTheSameContentTwiceLoadsOnce(@TempDir Path dir) throws IOException {
        Path tweets = copy(dir, "infoops_tweets.csv");
        Path sameContent = Files.copy(tweets, dir.resolve("copy_of_tweets.csv"));
        ImportReport report = run(List.of(tweets, sameContent));
        assertThat(report.files()).extracting(ImportReport.FileResult::status)
                .containsExactly(ImportReport.Status.IMPORTED, ImportReport.Status.ALREADY_IMPORTED);
        assertThat(count("MATCH (i:Import) WHERE i.completed RETURN count(i)")).isEqualTo(1);
        Map<String, Object> record = props("MATCH (i:Import) RETURN properties(i)");
        assertThat(record).containsEntry("rows_done", 5L).containsEntry("rejects", 0L)
                .containsEntry("format", Format.INFO_OPS_TWEETS.id());
        assertThat(StoreStatistics.read(store)).containsEntry("posts", 5L);

        ImportReport again = importer.importFiles(store, List.of(sameContent), options(), ProgressListener.NONE);
        assertThat(again.files().get(0).status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
    }

    @Test
    void aNewStoreIsLoadedBeforeItsDbmsFirstStartsAndHoldsTheSameGraph(@TempDir Path dir) throws IOException {
        Path tweets = copy(dir, "infoops_tweets.csv");
        Path storeDir = dir.resolve("new-store");
        try (GraphStore fresh = GraphStore.embedded(storeDir)) {
            assertThat(fresh.isUnstarted()).as("a new store starts on first use").isTrue();
            assertThatThrownBy(() -> GraphStore.embedded(storeDir)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by another process");
            ImportReport report = importer.importFiles(fresh, List.of(tweets), options(), ProgressListener.NONE);
            assertThat(report.files().get(0).status()).isEqualTo(ImportReport.Status.IMPORTED);
            assertThat(fresh.isUnstarted()).isFalse();
            run(List.of(tweets)); // the same file into the test's emptied, started store
            assertThat(StoreStatistics.read(fresh)).containsEntry("posts", 5L).isEqualTo(StoreStatistics.read(store));
        }
        try (GraphStore reopened = GraphStore.embedded(storeDir)) {
            assertThat(reopened.isUnstarted()).isFalse();
            assertThat(StoreStatistics.read(reopened)).containsEntry("posts", 5L);
        }
    }

    @Test
    void theStagedAccountNodesAreTheStoresNodeIds(@TempDir Path dir) throws IOException {
        Path tweets = dir.resolve("tweets.csv");
        ArchiveGenerator.write(tweets, 11, 3_000, 1_000_000_000L);
        ActivityTap tap = new ActivityTap();
        importer.importFiles(store, List.of(tweets), options(), ProgressListener.NONE, tap);
        ResultWriter.AccountNodes staged = tap.accountNodes();
        assertThat(staged).isNotNull();
        assertThat(staged.agreesWith(store, 1_000)).isTrue();
        ResultWriter.AccountNodes read = ResultWriter.AccountNodes.read(store);
        List<String> ids;
        try (var s = store.session()) {
            ids = s.run("MATCH (a:Account) RETURN a.id AS id").list(r -> r.get(0).asString());
        }
        assertThat(ids).hasSizeGreaterThan(50);
        for (String id : ids) {
            assertThat(staged.node(id)).as(id).isEqualTo(read.node(id));
        }
        // an account the store does not hold where the staging says: the check fails
        try (var s = store.session()) {
            s.run("MATCH (a:Account {id: $id}) DETACH DELETE a", java.util.Map.of("id", ids.get(0))).consume();
        }
        assertThat(staged.agreesWith(store, 1_000)).isFalse();
    }

    /**
     * The activity the bulk load taps (its follows' accounts numbered by the staging's indices, not looked up by id
     * again) is the one read back from the store and the one read from the files alone: runs of one follower,
     * repeated follows, accounts first seen as followees, as post authors, in users rows and in interactions.
     */
    @Test
    void theTappedActivityIsTheStoresAndTheFilesActivity(@TempDir Path dir) throws IOException {
        StringBuilder follows = new StringBuilder("follower_userid,followee_userid\n");
        for (int f = 0; f < 40; f++) {
            for (int k = 0; k < 1 + f % 5; k++) {
                follows.append("u").append(f).append(',').append("u").append((f * 7 + k * 13) % 57).append('\n');
            }
            if (f % 6 == 0) {
                follows.append("u").append(f).append(',').append("u").append((f * 7) % 57).append('\n'); // again
            }
            follows.append("2882331822,u").append(f).append('\n'); // an account of the tweets file, between runs
        }
        Path followers = Files.writeString(dir.resolve("followers_generated.csv"), follows.toString());
        List<Path> files = List.of(copy(dir, "infoops_users.csv"), copy(dir, "infoops_tweets.csv"),
                copy(dir, "followers.csv"), followers, copy(dir, "edges.csv"));
        ActivityTap tap = new ActivityTap();
        importer.importFiles(store, files, options(), ProgressListener.NONE, tap);
        Activity tapped = tap.await();
        assertThat(tapped).as("an empty store's bulk load taps its rows").isNotNull();
        assertThat(tapped.followCount()).isGreaterThan(100);
        Activity fromStore = ActivityReader.read(store, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        assertThat(ArchiveReaderTest.dump(tapped)).isEqualTo(ArchiveReaderTest.dump(fromStore));
        Activity fromFiles = ArchiveReader.read(files, ImportOptions.defaults(), ProgressListener.NONE).activity();
        assertThat(ArchiveReaderTest.dump(tapped)).isEqualTo(ArchiveReaderTest.dump(fromFiles));
    }

    @Test
    void theBulkImportersPhaseReportsProgressUpToTheStagedFilesSize(@TempDir Path dir) throws IOException {
        Path tweets = dir.resolve("tweets.csv");
        ArchiveGenerator.write(tweets, 5, 20_000, 1_000_000_000L);
        Map<String, long[]> tasks = new LinkedHashMap<>(); // task -> {announced total, units advanced}
        ProgressListener recording = new ProgressListener() {
            private long[] current;

            @Override
            public void begin(String task, long totalUnits) {
                current = tasks.computeIfAbsent(task, t -> new long[2]);
                current[0] = totalUnits;
            }

            @Override
            public void advance(long units) {
                current[1] += units;
            }
        };
        importer.importFiles(store, List.of(tweets), options(), recording);
        long[] bulk = tasks.get(BulkLoader.TASK_BULK_IMPORT);
        assertThat(bulk[0]).as("staged bytes announced").isGreaterThan(Files.size(tweets) / 2);
        assertThat(bulk[1]).as("units advanced by the importer's own output").isEqualTo(bulk[0]);
    }

    @Test
    void aBulkLoadCancelledWhileStagingLeavesTheStoreEmptyAndCanBeRunAgain(@TempDir Path dir) throws IOException {
        Path tweets = dir.resolve("tweets.csv");
        ArchiveGenerator.write(tweets, 3, 15_000, 1_000_000_000L);
        AtomicInteger polls = new AtomicInteger();
        ImportOptions stopAtFirstPoll = options().withTermination(() -> polls.incrementAndGet() > 1);
        assertThatThrownBy(() -> importer.importFiles(store, List.of(tweets),
                        stopAtFirstPoll, ProgressListener.NONE))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("the store is unchanged");
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
        assertThat(BulkLoader.applies(store, options())).isTrue();

        ImportReport report = run(List.of(tweets));
        assertThat(report.rows()).isEqualTo(15_000);
        assertThat(StoreStatistics.read(store).get("posts")).isGreaterThanOrEqualTo(15_000L);
    }

    @Test
    void aStoreThatHoldsAnythingIsNotBulkLoaded(@TempDir Path dir) throws IOException {
        run(List.of(copy(dir, "followers.csv")));
        assertThat(BulkLoader.applies(store, options())).isFalse();
        assertThat(BulkLoader.applies(store, options().with(Switch.BULK, false))).isFalse();
        clear();
        assertThat(BulkLoader.applies(store, options())).isTrue();
        assertThat(BulkLoader.applies(store, options().with(Switch.BULK, false))).isFalse();
    }

    @Test
    void aFieldLargerThanTheBulkImportersDefaultBufferIsLoadedWhole(@TempDir Path dir) throws IOException {
        String description = "x".repeat(5_000_000); // 5 MB: more than the importer's default 4 MiB read buffer
        Path users = Files.writeString(dir.resolve("users.csv"), "userid,user_display_name,user_screen_name,"
                + "user_reported_location,user_profile_description,user_profile_url,follower_count,following_count,"
                + "account_creation_date,account_language\n"
                + "1,Long,long_bio,,\"" + description + "\",,1,2,2014-11-20,en\n"
                + "2,Short,short_bio,,\"two\nlines\",,3,4,2015-01-01,fr\n");
        ImportReport report = run(List.of(users));
        assertThat(report.rows()).isEqualTo(2);
        assertThat(count("MATCH (a:Account {id: '1'}) RETURN size(a.description)")).isEqualTo(5_000_000);
        assertThat(props("MATCH (a:Account {id: '2'}) RETURN properties(a)"))
                .containsEntry("description", "two\nlines").containsEntry("placeholder", false);
    }
}
