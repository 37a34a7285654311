package io.lockstep.importer;

import io.lockstep.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check of {@link ArchiveImporterTest}, with the first import of each test (into the emptied store) loaded by
 * {@link BulkLoader}: the bulk path must give the graph that transactions give. Later imports in a test find the
 * store non-empty and go through transactions, so the mix is checked too.
 */
class BulkLoaderTest extends ArchiveImporterTest {
    @Override
    ImportOptions options() {
        return ImportOptions.defaults().withBatchSize(2).withBulk(true);
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
    void aStoreThatHoldsAnythingIsNotBulkLoaded(@TempDir Path dir) throws IOException {
        run(List.of(copy(dir, "followers.csv")));
        assertThat(BulkLoader.applies(store, options())).isFalse();
        assertThat(BulkLoader.applies(store, options().withBulk(false))).isFalse();
        clear();
        assertThat(BulkLoader.applies(store, options())).isTrue();
        assertThat(BulkLoader.applies(store, options().withBulk(false))).isFalse();
    }
}
