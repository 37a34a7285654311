package io.lockstep.store.load;

import io.lockstep.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BulkImporterProgressTest {
    /** Bytes of the staged node files and relationship files in these tests. */
    private static final long NODE_BYTES = 1_000;
    private static final long RELATIONSHIP_BYTES = 3_000;

    /** What the tests' listener was told: the units done after each advance. */
    private final List<Long> done = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {

        @Override
        public void advance(long units) {
            assertThat(units).isPositive();
            done.add((done.isEmpty() ? 0 : done.get(done.size() - 1)) + units);
        }
    };

    private static String bar(String stage, String count) {
        return "\r[*" + stage + ":0B/s 1.004GiB---------------------------------]" + count + " \u2206 90.0K";
    }

    @Test
    void nodeAndRelationshipCountsAdvanceTheirFilesShareAndImportDoneCompletesIt() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BulkImporterProgress watcher = new BulkImporterProgress(log, listener, 2_000_000, 4_000_000, NODE_BYTES,
                RELATIONSHIP_BYTES);
        assertThat(watcher.totalUnits()).isEqualTo(4_000);
        String output = "Neo4j version: 5.26.31\nImporting the contents of these files\n"
                + "Nodes, started 2026-11-23 15:22:57.692+0000\n"
                + bar("Nodes", "    0") + bar("Nodes", " 500K") + bar("Nodes", "1.00M")
                + "\nDone in 18s 801ms\n"
                + "Prepare node index, started 2026-11-23 15:23:16.498+0000\n"
                + "\r[*:1.016GiB-------------------------------------]3.86M \u2206 3.86M\nDone in 1s 158ms\n"
                + "Relationships, started 2026-11-23 15:23:17.674+0000\n"
                + bar("Relationships", "2.00M") + bar("Relationships", "3.00M")
                + "\nDone in 12s 593ms\n"
                + "Node Degrees, started 2026-11-23 15:23:30.320+0000\n"
                + "\r[*>------------|CALCULATE:1.008GiB--------------] 3.6M \u2206 3.6M\nDone in 549ms\n"
                + "\nIMPORT DONE in 38s 990ms. \nImported:\n  1287216 nodes\n";
        try (PrintStream out = new PrintStream(watcher, true, StandardCharsets.UTF_8)) {
            out.print(output);
        }
        // nodes: 0 (nothing), 500K of 2M = 250 bytes, 1M = 500; the relationship stage's start completes the nodes
        // (1,000); 2M of 4M relationships = 1,000 + 1,500, 3M = 1,000 + 2,250; the next stage completes them
        assertThat(done).containsExactly(250L, 500L, 1_000L, 2_500L, 3_250L, 4_000L);
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo(output);
    }

    @Test
    void countsWithSuffixesAreDecimal() {
        assertThat(BulkImporterProgress.count("1.04", "M")).isEqualTo(1_040_000);
        assertThat(BulkImporterProgress.count("90.0", "K")).isEqualTo(90_000);
        assertThat(BulkImporterProgress.count("163", "K")).isEqualTo(163_000);
        assertThat(BulkImporterProgress.count("0", "")).isZero();
    }

    @Test
    void aCountAboveTheStagedTotalNeverOvershootsItsShare() throws IOException {
        BulkImporterProgress watcher = new BulkImporterProgress(new ByteArrayOutputStream(), listener, 100, 0,
                NODE_BYTES, 0);
        watcher.write(("Nodes, started now\n" + bar("Nodes", "1.00K") + "\r").getBytes(StandardCharsets.UTF_8));
        assertThat(done).containsExactly(NODE_BYTES);
    }
}
