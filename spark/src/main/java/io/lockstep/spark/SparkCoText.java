package io.lockstep.spark;

import io.lockstep.coordination.MinHasher;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;

/**
 * Co-text on Spark: near-duplicate texts clustered as core's {@code CoTextSignal} clusters them, then handed to
 * {@link SparkCoActions} as the co-text signal's actions (item: the text's cluster).
 *
 * <ol>
 *   <li>Eligible texts (authored posts with a text of at least {@code minTokens} words), ordered by the post's index
 *       in the activity ({@link Dictionaries#posts()}): the order core's buckets use.</li>
 *   <li>Core's {@link MinHasher} in a task: word hashes, shingles and one key per band; one row per (band, text).</li>
 *   <li>LSH buckets: partitioned by (band, key), sorted by post index; each bucket streamed with core's
 *       comparisons: every text against the bucket's first text and, when that fails, against its predecessor
 *       (exact shingle Jaccard ≥ {@code minJaccard}). Only the matches leave the tasks.</li>
 *   <li>Components on the driver: core's union-find is order-dependent (a text already joined to the bucket's
 *       first text is not compared with its predecessor), so the matches are replayed in core's order (band, key,
 *       post index) with core's rule. Only matched texts take part, so the driver holds the near-duplicates, not
 *       the texts. Clusters are numbered by their first post, as core numbers them; every other text is an item of
 *       its own.</li>
 * </ol>
 * Shuffles: the eligible texts once per band (band, key, index and the text). Cost: O(texts · bands) hashing and
 * shuffle rows, at most 2 Jaccard computations per bucket member.
 */
final class SparkCoText {
    private static final StructType BANDED = new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("key", DataTypes.IntegerType, false)
            .add("index", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, false);
    private static final StructType MATCHES = new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("key", DataTypes.IntegerType, false)
            .add("cur", DataTypes.IntegerType, false)
            .add("first", DataTypes.IntegerType, false)
            .add("prev", DataTypes.IntegerType, false)     // -1: the bucket's second text has no other predecessor
            .add("first_match", DataTypes.BooleanType, false);

    private SparkCoText() {
    }

    /** Core's text parameters and seed, in a form tasks carry. */
    record TextPlan(int shingle, int bands, int rows, double minJaccard, int minTokens, long seed)
            implements Serializable {
    }

    /** The actions with co-text's text rows replaced by cluster actions, and the dictionaries with their keys. */
    record Clustered(Dataset<Row> actions, Dictionaries dictionaries, long matches, int clusters) {
    }

    /**
     * Clusters the co-text rows of {@code parsed} ({@link ArchiveActions#SCHEMA}; a co-text row's item is the text).
     */
    static Clustered cluster(SparkSession spark, Dataset<Row> parsed, Dictionaries dictionaries, TextPlan text) {
        Column isText = col("signal").equalTo(ActionSignals.CO_TEXT);
        int minTokens = text.minTokens();
        Dataset<Row> eligible = parsed.filter(isText)
                .join(dictionaries.posts(), "post")
                .dropDuplicates("index")
                .filter((FilterFunction<Row>) r -> MinHasher.wordHashes(r.getString(r.fieldIndex("item"))).length
                        >= minTokens)
                .select("index", "item", "account", "post", "time")
                .persist(StorageLevel.MEMORY_AND_DISK());
        int bands = text.bands();
        Dataset<Row> banded = eligible.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            MinHasher hasher = new MinHasher(text.shingle(), bands, text.rows(), text.seed());
            int[][] keys = new int[bands][1];
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                String t = r.getString(1);
                hasher.bandKeys(hasher.shingles(MinHasher.wordHashes(t)), keys, 0);
                for (int b = 0; b < bands; b++) {
                    out.add(RowFactory.create(b, keys[b][0], r.getInt(0), t));
                }
            }
            return out.iterator();
        }, Encoders.row(BANDED));
        List<Row> matches = new ArrayList<>(banded.repartition(col("band"), col("key"))
                .sortWithinPartitions("band", "key", "index")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Buckets(rows, text),
                        Encoders.row(MATCHES))
                .collectAsList());
        matches.sort(Comparator.comparingInt((Row r) -> r.getInt(0)).thenComparingInt(r -> r.getInt(1))
                .thenComparingInt(r -> r.getInt(2)));

        // core's union-find, replayed in core's order; the root of a component is its lowest post index
        Int2IntOpenHashMap parent = new Int2IntOpenHashMap();
        parent.defaultReturnValue(-1);
        for (Row m : matches) {
            int cur = m.getInt(2), first = m.getInt(3), prev = m.getInt(4);
            if (find(parent, cur) == find(parent, first)) {
                continue;
            }
            if (m.getBoolean(5)) {
                union(parent, first, cur);
            } else if (prev >= 0 && find(parent, prev) != find(parent, cur)) {
                union(parent, prev, cur);
            }
        }
        int[] members = parent.keySet().toIntArray();
        Arrays.sort(members);
        Int2IntOpenHashMap size = new Int2IntOpenHashMap();
        for (int p : members) {
            size.addTo(find(parent, p), 1);
        }
        Int2IntOpenHashMap clusterOf = new Int2IntOpenHashMap();
        clusterOf.defaultReturnValue(-1);
        Int2IntOpenHashMap idOfRoot = new Int2IntOpenHashMap();
        idOfRoot.defaultReturnValue(-1);
        List<Row> keys = new ArrayList<>();
        for (int p : members) { // ascending: a cluster's id is given at its lowest post, as core gives it
            int root = find(parent, p);
            if (size.get(root) < 2) {
                continue; // compared, never joined: a text of its own
            }
            int id = idOfRoot.get(root);
            if (id < 0) {
                id = idOfRoot.size();
                idOfRoot.put(root, id);
                keys.add(RowFactory.create(ActionSignals.CO_TEXT, "c" + id, id));
            }
            clusterOf.put(p, id);
        }
        Broadcast<Int2IntOpenHashMap> clusters = new JavaSparkContext(spark.sparkContext()).broadcast(clusterOf);
        Dataset<Row> textActions = eligible.map((MapFunction<Row, Row>) r -> {
            int id = clusters.value().get(r.getInt(0));
            return RowFactory.create(ActionSignals.CO_TEXT, id >= 0 ? "c" + id : "u" + r.getInt(0), r.getString(2),
                    r.getString(3), r.getLong(4));
        }, Encoders.row(ArchiveActions.SCHEMA));
        Dataset<Row> actions = parsed.filter(col("signal").notEqual(ActionSignals.CO_TEXT)).unionByName(textActions);
        Dataset<Row> items = spark.createDataFrame(keys, Dictionaries.ITEMS);
        return new Clustered(actions, new Dictionaries(dictionaries.accounts(),
                dictionaries.items() == null ? null : dictionaries.items().unionByName(items), dictionaries.posts()),
                matches.size(), idOfRoot.size());
    }

    private static int find(Int2IntOpenHashMap parent, int x) {
        int p = parent.get(x);
        if (p < 0) {
            parent.put(x, x);
            return x;
        }
        while (p != x) {
            int gp = parent.get(p);
            parent.put(x, gp);
            x = p;
            p = parent.get(x);
        }
        return x;
    }

    private static void union(Int2IntOpenHashMap parent, int x, int y) {
        int rx = find(parent, x), ry = find(parent, y);
        if (rx != ry) {
            parent.put(Math.max(rx, ry), Math.min(rx, ry));
        }
    }

    /**
     * Streams a partition sorted by (band, key, index) bucket by bucket and emits core's matches: each text after a
     * bucket's first against the first and, when that fails, against its predecessor. Holds two shingle sets.
     */
    private static final class Buckets implements Iterator<Row> {
        private final Iterator<Row> in;
        private final TextPlan text;
        private final MinHasher hasher;
        private int band = -1;
        private int key;
        private int position;
        private int first;
        private String firstText;
        private int prev;
        private long[] firstShingles;
        private long[] prevShingles;
        private Row next;

        Buckets(Iterator<Row> in, TextPlan text) {
            this.in = in;
            this.text = text;
            this.hasher = new MinHasher(text.shingle(), text.bands(), text.rows(), text.seed());
        }

        @Override
        public boolean hasNext() {
            while (next == null && in.hasNext()) {
                Row r = in.next();
                int b = r.getInt(0), k = r.getInt(1), index = r.getInt(2);
                if (b != band || k != key) {
                    band = b;
                    key = k;
                    position = 0;
                    first = index;
                    prev = index;
                    firstText = r.getString(3);
                    firstShingles = null;
                    prevShingles = null;
                    continue;
                }
                position++;
                if (firstShingles == null) {
                    firstShingles = hasher.shingles(MinHasher.wordHashes(firstText)); // only for buckets of 2+
                    prevShingles = firstShingles;
                }
                long[] cur = hasher.shingles(MinHasher.wordHashes(r.getString(3)));
                boolean firstMatch = MinHasher.jaccard(firstShingles, cur) >= text.minJaccard();
                boolean prevMatch = !firstMatch && position >= 2
                        && MinHasher.jaccard(prevShingles, cur) >= text.minJaccard();
                if (firstMatch || prevMatch) {
                    next = RowFactory.create(b, k, index, first, position >= 2 ? prev : -1, firstMatch);
                }
                prev = index;
                prevShingles = cur;
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }
}
