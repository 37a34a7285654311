package io.lockstep.spark;

import io.lockstep.importer.ArchiveParsing;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.Format;
import io.lockstep.importer.RowSink;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The follow graph of lockstep-follow, computed in Spark tasks: the edge-list files parsed by the project's own
 * parser (one task per range of a file, {@link FileSplits}), the follows ({@link EdgeRow#follow()}) encoded with the
 * accounts dictionary (the activity's numbering), self-follows dropped, duplicates removed, sorted by
 * (follower, followee). The result is what core's {@code LockstepFollowSignal.distinctFollows} derives from the
 * activity, and goes to {@code LockstepFollowSignal.graph(Activity, long[], ...)}, which fits the null model and
 * finds and tests the blocks on the driver.
 *
 * <p>Cost: one pass over the edge-list bytes in tasks, one shuffle of the encoded follows for the distinct and one
 * range-partitioned sort (8 B per follow once packed, before compression); the driver receives the distinct follows
 * as 8 B each (m·8 B: 555 MB for 69M follows).
 */
public final class SparkFollows {
    static final StructType SCHEMA = new StructType()
            .add("follower", DataTypes.StringType, false)
            .add("followee", DataTypes.StringType, false);

    private SparkFollows() {
    }

    /** The follows of the edge-list files among {@code files} as (follower, followee) account ids, in tasks. */
    static Dataset<Row> read(SparkSession spark, List<Path> files, long splitBytes) throws IOException {
        if (splitBytes <= 0) {
            throw new IllegalArgumentException("splitBytes must be positive, got " + splitBytes);
        }
        List<FileSplits.Split> splits = new ArrayList<>();
        for (Path f : files) {
            Format format = ArchiveParsing.formatOf(f);
            if (format.isEdgeList()) { // only edge lists carry follows
                splits.addAll(FileSplits.plan(f, format, splitBytes));
            }
        }
        JavaRDD<FileSplits.Split> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(splits, Math.max(1, splits.size()));
        return spark.createDataFrame(rdd.flatMap(SparkFollows::parse), SCHEMA);
    }

    /**
     * The distinct follows of {@code files} without self-follows, each {@code follower << 32 | followee} in the
     * numbering of {@code accounts} ({@link Dictionaries#accounts()}: account id, dense id), ascending. Every follow's
     * two accounts must be in the dictionary (the activity's dictionary holds every account a follow names).
     *
     * @throws IllegalStateException when a follow names an account the dictionary does not hold
     */
    public static long[] distinct(SparkSession spark, List<Path> files, Dataset<Row> accounts) throws IOException {
        return collect(packed(spark, files, accounts));
    }

    /**
     * The distinct follows of {@code files} as {@link #distinct} computes them, left in Spark: one column
     * {@code follow} ({@code follower << 32 | followee}), sorted, range-partitioned; a follow naming an account the
     * dictionary does not hold is -1 (first), which {@link #collect} rejects.
     */
    public static Dataset<Row> packed(SparkSession spark, List<Path> files, Dataset<Row> accounts)
            throws IOException {
        Dataset<Row> follows = read(spark, files, ArchiveActions.splitBytes(spark));
        Dataset<Row> byFollower = broadcast(accounts.withColumnRenamed("account", "follower")
                .withColumnRenamed("id", "f"));
        Dataset<Row> byFollowee = broadcast(accounts.withColumnRenamed("account", "followee")
                .withColumnRenamed("id", "t"));
        Dataset<Row> encoded = follows.join(byFollower, new String[] {"follower"}, "left")
                .join(byFollowee, new String[] {"followee"}, "left");
        // a follow naming an account outside the dictionary becomes -1: first after the sort, one pass only
        Column unknown = col("f").isNull().or(col("t").isNull());
        return encoded.filter(unknown.or(col("f").notEqual(col("t"))))
                .select(when(unknown, lit(-1L)).otherwise(col("f").cast(DataTypes.LongType).multiply(1L << 32)
                        .plus(col("t").cast(DataTypes.LongType))).alias("follow"))
                .distinct()
                .orderBy(col("follow"));
    }

    /**
     * The follows of {@link #packed} on the driver, ascending.
     *
     * @throws IllegalStateException when a follow names an account the dictionary does not hold
     */
    public static long[] collect(Dataset<Row> packed) {
        // one packed array per sorted partition (not one Row per follow on the driver), in partition order
        List<long[]> parts = packed.javaRDD().mapPartitions((Iterator<Row> it) -> {
            LongArrayList part = new LongArrayList();
            while (it.hasNext()) {
                part.add(it.next().getLong(0));
            }
            return List.of(part.toLongArray()).iterator();
        }).collect();
        int total = 0;
        for (long[] part : parts) {
            total = Math.addExact(total, part.length);
        }
        long[] out = new long[total];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        if (total > 0 && out[0] < 0) {
            throw new IllegalStateException("follows name accounts outside the accounts dictionary");
        }
        return out;
    }

    /** The follows of one range. */
    private static Iterator<Row> parse(FileSplits.Split split) {
        List<Row> rows = new ArrayList<>();
        RowSink sink = new RowSink.Ignoring() {
            @Override
            public void edge(EdgeRow edge) {
                if (edge.follow()) {
                    rows.add(RowFactory.create(edge.source(), edge.target()));
                }
            }
        };
        try {
            FileSplits.parse(split, sink);
        } catch (IOException e) {
            throw FileSplits.failure(split, e);
        }
        return rows.iterator();
    }
}
