package io.lockstep.spark;

import io.lockstep.coordination.LockstepFollowSignal;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * The follow signal's peeling weights ({@link LockstepFollowSignal.SurpriseSource}) computed in Spark tasks once the
 * model's partitions are fitted on the driver: every follow i → j gets, per partition, the share of j's followers
 * outside i's community ({@link LockstepFollowSignal#surprise(long, long)} of k_j(c(i)) and k_j), and the largest
 * over the partitions. Those counts are a pure function of the follow edges and the partitions, so the weights are
 * the ones core computes on the driver (the same formula on the same integers, the same maximum): the results of the
 * signal do not change ({@code SparkFollowsTest}, {@code EngineEquivalenceTest}).
 *
 * <p>Cost: the partitions broadcast (4 B per account and partition), one shuffle of the follows by target (the
 * counts per target and per (target, community) are windows over that one partitioning), one range-partitioned sort
 * back into the follows' order; the driver receives 16 B per follow (the follow, to check the order, and its weight)
 * and keeps 8 B. The driver still holds the follow graph for Leiden, the seeds and growth (see docs/scale-out.md).
 */
public final class SparkFollowSurprise implements LockstepFollowSignal.SurpriseSource {
    private static final StructType KEYED = new StructType()
            .add("follow", DataTypes.LongType, false)
            .add("t", DataTypes.IntegerType, false);
    private static final StructType WEIGHTED = new StructType()
            .add("follow", DataTypes.LongType, false)
            .add("surprise", DataTypes.DoubleType, false);

    private final Dataset<Row> follows;
    private final long[] expected;

    /**
     * @param follows  the distinct follows (one column {@code follow}: {@code follower << 32 | followee}), e.g.
     *                 {@link SparkFollows#packed}, persisted by the caller when it should not be recomputed
     * @param expected the same follows collected on the driver, ascending (what the signal runs on): the weights
     *                 come back in this order, and a follow out of place fails the call
     */
    public SparkFollowSurprise(Dataset<Row> follows, long[] expected) {
        this.follows = Objects.requireNonNull(follows, "follows");
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    @Override
    public double[] surprise(List<int[]> partitions) {
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("partitions must hold at least one partition");
        }
        int r = partitions.size();
        int[][] communities = partitions.toArray(new int[0][]);
        int accounts = 0;
        for (long f : expected) {
            accounts = Math.max(accounts, 1 + Math.max((int) (f >>> 32), (int) f));
        }
        for (int[] c : communities) {
            if (c.length != communities[0].length || c.length < accounts) {
                throw new IllegalArgumentException("partitions must each give the community of all "
                        + Math.max(accounts, communities[0].length) + " accounts, one had " + c.length);
            }
        }
        Broadcast<int[][]> shared = JavaSparkContext.fromSparkContext(follows.sparkSession().sparkContext())
                .broadcast(communities);
        try {
            return weights(shared, r);
        } finally {
            shared.destroy();
        }
    }

    /** The weights job with the partitions broadcast as {@code shared} ({@code r} of them). */
    private double[] weights(Broadcast<int[][]> shared, int r) {
        StructType schema = KEYED;
        for (int p = 0; p < r; p++) {
            schema = schema.add("c" + p, DataTypes.IntegerType, false);
        }
        Encoder<Row> keyed = Encoders.row(schema);
        Dataset<Row> withCommunities = follows.map((MapFunction<Row, Row>) row -> {
            long f = row.getLong(0);
            int[][] c = shared.value();
            Object[] values = new Object[2 + c.length];
            values[0] = f;
            values[1] = (int) f;
            for (int p = 0; p < c.length; p++) {
                values[2 + p] = c[p][(int) (f >>> 32)];
            }
            return RowFactory.create(values);
        }, keyed);
        // k_j over the partitioning by target; k_j(c) over (target, community) reuses it (no second shuffle)
        Dataset<Row> counted = withCommunities.repartition(col("t"))
                .withColumn("k", count(lit(1)).over(Window.partitionBy(col("t"))));
        for (int p = 0; p < r; p++) {
            counted = counted.withColumn("n" + p, count(lit(1)).over(Window.partitionBy(col("t"), col("c" + p))));
        }
        Column[] kept = new Column[2 + r];
        kept[0] = col("follow");
        kept[1] = col("k");
        for (int p = 0; p < r; p++) {
            kept[2 + p] = col("n" + p);
        }
        Dataset<Row> weighted = counted.select(kept).map((MapFunction<Row, Row>) row -> {
            long k = row.getLong(1);
            double s = 0;
            for (int p = 0; p < row.size() - 2; p++) {
                // the largest over the partitions, as core takes it
                double x = LockstepFollowSignal.surprise(row.getLong(2 + p), k);
                s = p == 0 ? x : Math.max(s, x);
            }
            return RowFactory.create(row.getLong(0), s);
        }, Encoders.row(WEIGHTED)).orderBy(col("follow"));
        List<Object[]> parts = weighted.mapPartitions((MapPartitionsFunction<Row, Object[]>) (Iterator<Row> it) -> {
            LongArrayList fs = new LongArrayList();
            DoubleArrayList ws = new DoubleArrayList();
            while (it.hasNext()) {
                Row row = it.next();
                fs.add(row.getLong(0));
                ws.add(row.getDouble(1));
            }
            return List.<Object[]>of(new Object[] {fs.toLongArray(), ws.toDoubleArray()}).iterator();
        }, Encoders.javaSerialization(Object[].class)).collectAsList();
        double[] out = new double[expected.length];
        int at = 0;
        for (Object[] part : parts) {
            long[] fs = (long[]) part[0];
            double[] ws = (double[]) part[1];
            for (int i = 0; i < fs.length; i++, at++) {
                if (at >= expected.length || fs[i] != expected[at]) {
                    throw new IllegalStateException("the follows in Spark differ from the driver's at position "
                            + at);
                }
                out[at] = ws[i];
            }
        }
        if (at != expected.length) {
            throw new IllegalStateException("Spark returned " + at + " follows, the driver holds " + expected.length);
        }
        return out;
    }
}
