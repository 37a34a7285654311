package io.lockstep.store.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binary staging read back through the importer's Input API, as Neo4j's importer reads it: every value kind, absent
 * values (null and the empty string, as in CSV staging), records spanning several blocks, relationship files read
 * twice.
 */
class BinaryStagingTest {
    private static final Input.Estimates ESTIMATES = Input.knownEstimates(1, 1, 1, 1, 1, 1, 1);

    @Test
    void nodesAndRelationshipsComeBackAsWrittenAndRelationshipsCanBeReadTwice(@TempDir Path dir) throws IOException {
        Path posts = dir.resolve("posts.bin");
        Path tags = dir.resolve("tags.bin");
        Path interacts = dir.resolve("interacts.bin");
        String longText = "é🙂\n\"quoted\", ".repeat(40); // multi-byte, a line break, quotes and commas
        int n = 3_000; // about 1.5 MB of posts: several blocks
        try (BinaryStaging.Writer w = new BinaryStaging.Writer(posts, BulkLoader.POST_HEADER)) {
            for (int i = 0; i < n; i++) {
                w.record(i, "p" + i, 1_000L * i, i % 2 == 0 ? "retweet" : "", longText + i, null, "web", (long) i,
                        -7L, i % 3 == 0);
            }
        }
        try (BinaryStaging.Writer t = new BinaryStaging.Writer(tags, ":START_ID", ":END_ID", "position:int");
             BinaryStaging.Writer x = new BinaryStaging.Writer(interacts, ":START_ID", ":END_ID", "type",
                     "time:long", "weight:double")) {
            t.record(5, 6, 2);
            t.pair(7, 8); // no position: absent
            x.record(1, 2, "reply", null, 0.25);
        }
        Input input = BinaryStaging.input(List.of(new BinaryStaging.Source(posts, "Post", BulkLoader.POST_HEADER)),
                List.of(new BinaryStaging.Source(tags, "TAGS", new String[] {":START_ID", ":END_ID", "position:int"}),
                        new BinaryStaging.Source(interacts, "INTERACTS",
                                new String[] {":START_ID", ":END_ID", "type", "time:long", "weight:double"})),
                ESTIMATES);
        assertThat(input.idType()).isEqualTo(IdType.ACTUAL);

        List<String> nodes = read(input.nodes(Collector.EMPTY));
        assertThat(nodes).hasSize(n);
        assertThat(nodes.get(0)).isEqualTo("id=0 labels=[Post] {client=web, id=p0, kind=retweet, like_count=0, "
                + "placeholder=true, retweet_count=-7, text=" + longText + "0, time=0}");
        assertThat(nodes.get(1)).isEqualTo("id=1 labels=[Post] {client=web, id=p1, like_count=1, placeholder=false, "
                + "retweet_count=-7, text=" + longText + "1, time=1000}"); // the empty kind is absent, as in CSV
        assertThat(nodes.get(n - 1)).startsWith("id=" + (n - 1) + " labels=[Post] {client=web, id=p" + (n - 1));

        List<String> first = read(input.relationships(Collector.EMPTY));
        assertThat(first).containsExactly("5-TAGS->6 {position=2}", "7-TAGS->8 {}",
                "1-INTERACTS->2 {type=reply, weight=0.25}");
        assertThat(read(input.relationships(Collector.EMPTY))).isEqualTo(first); // degrees, then the import
    }

    /** Every entity of {@code iterable}, as the importer's reader threads take them: chunk by chunk. */
    private static List<String> read(InputIterable iterable) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputIterator it = iterable.iterator()) {
            InputChunk chunk = it.newChunk();
            Recorder r = new Recorder(out);
            while (it.next(chunk)) {
                while (chunk.next(r)) {
                    // the recorder took the entity at its end
                }
            }
        }
        return out;
    }

    /** Writes each visited entity as one line: ids, labels or type, properties sorted by key. */
    private static final class Recorder extends InputEntityVisitor.Adapter {
        private final List<String> out;
        private final Map<String, Object> properties = new TreeMap<>();
        private String head = "";
        private long start = -1;
        private long end = -1;
        private String type;

        Recorder(List<String> out) {
            this.out = out;
        }

        @Override
        public boolean id(long id) {
            head = "id=" + id;
            return true;
        }

        @Override
        public boolean labels(String[] labels) {
            head += " labels=" + List.of(labels);
            return true;
        }

        @Override
        public boolean startId(long id) {
            start = id;
            return true;
        }

        @Override
        public boolean type(String relationshipType) {
            type = relationshipType;
            return true;
        }

        @Override
        public boolean endId(long id) {
            end = id;
            return true;
        }

        @Override
        public boolean property(String key, Object value) {
            properties.put(key, value);
            return true;
        }

        @Override
        public void endOfEntity() {
            out.add((type == null ? head : start + "-" + type + "->" + end) + " " + properties);
            properties.clear();
            head = "";
            type = null;
        }
    }
}
