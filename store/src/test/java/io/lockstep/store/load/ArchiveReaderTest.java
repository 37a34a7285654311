package io.lockstep.store.load;

import io.lockstep.activity.Activity;
import io.lockstep.importer.UnknownFormatException;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.ActivityReader;
import io.lockstep.store.GraphStore;
import io.lockstep.store.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading archives without the store gives what importing them into an empty store gives: the same report, the
 * same rejects file, and an activity equal to the one read back from the store; a bad file fails the same way.
 * Real embedded Neo4j for the import side.
 */
class ArchiveReaderTest {
    @Test
    void readingEqualsImportingIntoAnEmptyStore(@TempDir Path dir) throws IOException {
        List<Path> files = List.of(ArchiveImporterTest.copy(dir, "infoops_tweets_dirty.csv"),
                ArchiveImporterTest.copy(dir, "twarc.csv"), ArchiveImporterTest.copy(dir, "v1_statuses.jsonl"),
                ArchiveImporterTest.copy(dir, "v2_responses.jsonl"), ArchiveImporterTest.copy(dir, "edges.csv"));
        Path rejects = dir.resolve("infoops_tweets_dirty.rejects.csv");

        GraphStore store = TestStore.clear();
        ImportReport imported = new ArchiveImporter().importFiles(store, files, ImportOptions.defaults(),
                ProgressListener.NONE);
        List<String> importedRejects = Files.readAllLines(rejects);
        Activity fromStore = ActivityReader.read(store, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        Files.delete(rejects);

        ArchiveReader.Read read = ArchiveReader.read(files, ImportOptions.defaults(), ProgressListener.NONE);
        assertThat(read.report().files()).extracting(ImportReport.FileResult::rows)
                .isEqualTo(imported.files().stream().map(ImportReport.FileResult::rows).toList());
        assertThat(read.report().files()).extracting(ImportReport.FileResult::rejects).containsExactly(3L, 1L, 1L,
                0L, 0L);
        assertThat(read.report().files()).extracting(ImportReport.FileResult::status)
                .containsOnly(ImportReport.Status.IMPORTED);
        assertThat(Files.readAllLines(rejects)).hasSize(4).isEqualTo(importedRejects);
        assertThat(fromStore.postCount()).isGreaterThan(5);
        assertThat(dump(read.activity())).isEqualTo(dump(fromStore));
    }

    @Test
    void anUnknownFileFailsBeforeAnythingIsRead(@TempDir Path dir) throws IOException {
        Path good = ArchiveImporterTest.copy(dir, "twarc.csv");
        Path junk = Files.writeString(dir.resolve("notes.txt"), "this is not an archive\n");
        assertThatThrownBy(() -> ArchiveReader.read(List.of(good, junk), ImportOptions.defaults(),
                ProgressListener.NONE)).isInstanceOf(UnknownFormatException.class).hasMessageContaining("notes.txt");
        assertThat(dir.resolve("twarc.rejects.csv")).doesNotExist();
    }

    /** Every account, post and follow of an activity, in its numbering. */
    static List<String> dump(Activity a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.accountCount(); i++) {
            out.add("account " + a.accountId(i) + " " + a.screenName(i) + " " + a.accountCreated(i) + " "
                    + a.followerCount(i));
        }
        for (int p = 0; p < a.postCount(); p++) {
            StringBuilder b = new StringBuilder("post " + a.postId(p) + " " + a.author(p) + " " + a.time(p) + " "
                    + a.kind(p) + " " + a.referencedPost(p) + " " + a.referencedAuthor(p) + " " + a.text(p));
            for (int i = 0; i < a.hashtagCount(p); i++) {
                b.append(" #").append(a.hashtag(a.hashtagOf(p, i)));
            }
            for (int i = 0; i < a.urlCount(p); i++) {
                b.append(" ").append(a.url(a.urlOf(p, i)));
            }
            for (int i = 0; i < a.mentionCount(p); i++) {
                b.append(" @").append(a.mentionOf(p, i));
            }
            out.add(b.toString());
        }
        for (int f = 0; f < a.followCount(); f++) {
            out.add("follow " + a.follower(f) + " " + a.followee(f));
        }
        return out;
    }
}
