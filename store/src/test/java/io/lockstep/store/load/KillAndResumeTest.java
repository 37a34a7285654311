package io.lockstep.store.load;

import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.StoreStatistics;
import io.lockstep.store.load.ImportOptions.Switch;
import io.lockstep.store.load.bench.ArchiveGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills an import with SIGKILL mid-way (a child JVM running {@link ImportChild}), reruns it, and checks that the
 * store then holds exactly what a clean import of the same file gives: nothing duplicated, nothing missing.
 */
class KillAndResumeTest {
    static final int POSTS = 3_000;
    static final int BATCH = 100;
    /**
     * The child JVMs' compiler and collector: each child is a cold JVM that starts Neo4j, imports 3,000 posts and is
     * killed, so nearly all its work is run once; the C2 compiler's threads would compile code that is thrown away
     * with the process, beside the child's own work and the parent's on the same cores. What the child writes to the
     * store does not depend on either option.
     */
    static final String CHILD_JIT = "-XX:TieredStopAtLevel=1";
    static final String CHILD_GC = "-XX:+UseSerialGC";

    /** The archive every test imports, and what a clean bulk load of it into a new store holds (made once). */
    @TempDir
    static Path shared;
    static Path file;
    static Map<String, Long> cleanBulkStatistics;
    static List<Long> cleanBulkFingerprint;

    @BeforeAll
    static void archiveAndCleanBulkLoad() throws IOException {
        file = shared.resolve("tweets.csv");
        ArchiveGenerator.write(file, 7, POSTS, 5_000_000L);
        try (GraphStore clean = GraphStore.embedded(shared.resolve("clean"))) {
            new ArchiveImporter().importFiles(clean, List.of(file), ImportOptions.defaults(), ProgressListener.NONE);
            cleanBulkStatistics = StoreStatistics.read(clean);
            cleanBulkFingerprint = fingerprint(clean);
        }
    }

    @Test
    void anImportKilledMidwayAndRunAgainEqualsACleanImport(@TempDir Path dir) throws Exception {
        Path storeDir = dir.resolve("store");

        long killedAt = runChildAndKill(storeDir, file, POSTS / 5);
        assertThat(killedAt).isBetween((long) POSTS / 5, (long) POSTS - 1);

        try (GraphStore store = GraphStore.embedded(storeDir)) {
            Map<String, Object> progress = single(store, "MATCH (i:Import) RETURN properties(i)");
            assertThat(progress).containsEntry("completed", false);
            long committed = (Long) progress.get("rows_done");
            assertThat(committed).isBetween(killedAt, (long) POSTS - 1);

            ImportReport resumed = new ArchiveImporter().importFiles(store, List.of(file),
                    ImportOptions.defaults().withBatchSize(BATCH), ProgressListener.NONE);
            assertThat(resumed.files().get(0).status()).isEqualTo(ImportReport.Status.RESUMED);
            assertThat(resumed.rows()).isEqualTo(POSTS);
            Map<String, Long> afterResume = StoreStatistics.read(store);
            List<Long> fingerprintAfterResume = fingerprint(store);
            assertThat(count(store, "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1 "
                    + "RETURN count(*)")).isZero();

            // the same file, imported cleanly into the emptied store
            try (Session s = store.session()) {
                s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
            }
            new ArchiveImporter().importFiles(store, List.of(file), ImportOptions.defaults().with(Switch.BULK, false),
                    ProgressListener.NONE);
            assertThat(afterResume).isEqualTo(StoreStatistics.read(store));
            assertThat(fingerprintAfterResume).isEqualTo(fingerprint(store));
            assertThat(afterResume.get("posts")).isEqualTo(POSTS);
        }
    }

    /**
     * The bulk path is all or nothing: killed while Neo4j's bulk importer writes the database, while the DBMS
     * restarts on it and builds its indexes, or after that but before the import is recorded, the next start finds
     * an empty store, and importing again gives exactly what a
     * clean bulk load gives.
     */
    @ParameterizedTest
    @ValueSource(strings = {BulkLoader.TASK_BULK_IMPORT, BulkLoader.TASK_RESTART, BulkLoader.TASK_RECORD})
    void aBulkLoadKilledMidwayLeavesAnEmptyStoreAndRunsAgain(String killDuring, @TempDir Path dir) throws Exception {
        Path storeDir = dir.resolve("store");
        runChildAndKillAtTask(storeDir, file, killDuring);

        try (GraphStore store = GraphStore.embedded(storeDir)) {
            assertThat(count(store, "MATCH (n) RETURN count(n)")).as("store after the kill").isZero();
            ImportReport again = new ArchiveImporter().importFiles(store, List.of(file), ImportOptions.defaults(),
                    ProgressListener.NONE);
            assertThat(again.files().get(0).status()).isEqualTo(ImportReport.Status.IMPORTED);
            assertThat(again.rows()).isEqualTo(POSTS);
            Map<String, Long> stats = StoreStatistics.read(store);
            assertThat(stats).containsEntry("posts", (long) POSTS).containsEntry("imports", 1L)
                    .containsEntry("imports_unfinished", 0L);
            assertThat(count(store, "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1 "
                    + "RETURN count(*)")).isZero();
            // what a clean bulk load of the same file into a new store holds
            assertThat(cleanBulkStatistics).isEqualTo(stats);
            assertThat(cleanBulkFingerprint).isEqualTo(fingerprint(store));
        }
    }

    /** Starts a bulk import in a child JVM and kills it with SIGKILL as soon as it begins {@code task}. */
    static void runChildAndKillAtTask(Path storeDir, Path file, String task) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", CHILD_JIT, CHILD_GC, "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), storeDir.toString(), file.toString(), Integer.toString(BATCH), "bulk"));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("task " + task)) {
                    child.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        } finally {
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(killed).as("the child reached task '" + task + "'").isTrue();
        assertThat(child.exitValue()).as("child killed by SIGKILL").isEqualTo(137);
    }

    /** Starts the child import, kills it with SIGKILL once it reports at least {@code minRows}; returns its count. */
    static long runChildAndKill(Path storeDir, Path file, long minRows) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", CHILD_JIT, CHILD_GC, "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), storeDir.toString(), file.toString(), Integer.toString(BATCH),
                "transactional"));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long seen = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("rows ")) {
                    seen = Long.parseLong(line.substring(5));
                    if (seen >= minRows) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean store shutdown
                        break;
                    }
                }
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as("child killed by SIGKILL").isEqualTo(137);
        return seen;
    }

    static long count(GraphStore store, String cypher) {
        try (Session s = store.session()) {
            return s.run(cypher).single().get(0).asLong();
        }
    }

    static Map<String, Object> single(GraphStore store, String cypher) {
        try (Session s = store.session()) {
            return s.run(cypher).single().get(0).asMap();
        }
    }

    /** Order-independent checksums of node keys, properties and relationship endpoints. */
    static List<Long> fingerprint(GraphStore store) {
        try (Session s = store.session()) {
            return List.of(
                    s.run("MATCH (p:Post) RETURN sum(coalesce(p.time, 0) + size(coalesce(p.text, '')))")
                            .single().get(0).asLong(),
                    s.run("MATCH (a:Account)-[:POSTED]->(p:Post) RETURN sum(toInteger(p.id) % 1000003 + size(a.id))")
                            .single().get(0).asLong(),
                    s.run("MATCH (p:Post)-[t:TAGS]->(h:Hashtag) RETURN sum(t.position * 7 + size(h.name) "
                            + "+ toInteger(p.id) % 1009)").single().get(0).asLong(),
                    s.run("MATCH (p:Post)-[:RETWEETS|REPLIES_TO]->(o:Post) RETURN sum(toInteger(o.id) % 1000003)")
                            .single().get(0).asLong(),
                    s.run("MATCH (a:Account) RETURN sum(coalesce(a.followers_count, 0) + size(a.id))")
                            .single().get(0).asLong());
        }
    }
}
