package io.lockstep.store.load;

import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreStatistics;
import io.lockstep.store.TestStore;
import io.lockstep.store.load.ImportOptions.Switch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No parser failure aborts an import: a record that fails goes to the rejects file; a file that fails as a whole
 * (a truncated gzip, a missing file) stops that file with a one-line reason, keeps what was loaded before, and
 * stops the import unless it is told to keep going. Real embedded Neo4j, bulk and transactional paths.
 */
class FileFailuresTest {
    GraphStore store;

    @BeforeEach
    void clear() {
        store = TestStore.clear();
    }

    /** withheld.jsonl.gz (284 posts in 5 pages) cut after its first 60 % of compressed bytes. */
    static Path truncated(Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(RealCaptureTest.capture("withheld.jsonl.gz"));
        Path cut = dir.resolve("withheld-cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 6 / 10));
        return cut;
    }

    static Path twoTweets(Path dir) throws IOException {
        return Files.copy(RealCaptureTest.capture("two_tweets.jsonl.gz"), dir.resolve("two_tweets.jsonl.gz"));
    }

    static Path brexit(Path dir) throws IOException {
        return Files.copy(RealCaptureTest.capture("brexit.jsonl.gz"), dir.resolve("brexit.jsonl.gz"));
    }

    private long posts() {
        return StoreStatistics.read(store).get("posts");
    }

    @Test
    void aTruncatedGzipStopsTheImportAndKeepsWhatWasLoaded(@TempDir Path dir) throws IOException {
        for (boolean bulk : new boolean[]{true, false}) {
            clear();
            List<Path> files = List.of(twoTweets(dir), truncated(dir), brexit(dir));
            ImportOptions options = ImportOptions.defaults().with(Switch.BULK, bulk).withBatchSize(100);
            assertThatThrownBy(() -> new ArchiveImporter().importFiles(store, files, options, ProgressListener.NONE))
                    .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain("\n").contains("withheld-cut.jsonl.gz")
                                .contains("truncated or corrupt gzip").contains("1 file(s) before it loaded")
                                .contains("1 not read");
                        assertThat(e.report().files()).extracting(ImportReport.FileResult::status).containsExactly(
                                ImportReport.Status.IMPORTED, ImportReport.Status.FAILED,
                                ImportReport.Status.NOT_READ);
                    });
            long loaded = posts();
            // two_tweets' 2 posts and the cut file's first whole pages; brexit's 155 were not read
            assertThat(loaded).as("bulk=%s", bulk).isGreaterThan(2).isLessThan(2 + 284);
            Map<String, Long> stats = StoreStatistics.read(store);
            assertThat(stats.get("imports")).isEqualTo(1);
            assertThat(stats.get("imports_unfinished")).isEqualTo(1);
            Files.delete(dir.resolve("two_tweets.jsonl.gz"));
            Files.delete(dir.resolve("brexit.jsonl.gz"));
        }
    }

    @Test
    void keepGoingImportsTheOtherFiles(@TempDir Path dir) throws IOException {
        for (boolean bulk : new boolean[]{true, false}) {
            clear();
            List<Path> files = List.of(twoTweets(dir), truncated(dir), dir.resolve("missing.jsonl"), brexit(dir));
            ImportReport report = new ArchiveImporter().importFiles(store, files,
                    ImportOptions.defaults().with(Switch.BULK, bulk).with(Switch.KEEP_GOING, true),
                    ProgressListener.NONE);
            assertThat(report.files()).extracting(ImportReport.FileResult::status).containsExactly(
                    ImportReport.Status.IMPORTED, ImportReport.Status.FAILED, ImportReport.Status.FAILED,
                    ImportReport.Status.IMPORTED);
            assertThat(report.failures().get(1).failure()).contains("missing.jsonl").contains("no such file");
            long cutPosts = report.files().get(1).rows();
            assertThat(posts()).as("bulk=%s", bulk).isGreaterThan(2 + 155).isLessThan(2 + 155 + 284);
            assertThat(cutPosts).isPositive();
            Files.delete(dir.resolve("two_tweets.jsonl.gz"));
            Files.delete(dir.resolve("brexit.jsonl.gz"));
        }
    }

    @Test
    void aMissingFileStopsTheImportBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        List<Path> files = List.of(twoTweets(dir), dir.resolve("missing.jsonl"));
        assertThatThrownBy(() -> new ArchiveImporter().importFiles(store, files,
                ImportOptions.defaults().with(Switch.BULK, false), ProgressListener.NONE))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(posts()).isZero();
    }
}
