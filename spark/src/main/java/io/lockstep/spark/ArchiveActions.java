package io.lockstep.spark;

import io.lockstep.importer.ArchiveParsing;
import io.lockstep.importer.Format;
import io.lockstep.importer.RowSink;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The actions table {@code (signal, item, account, post, time)} read from archive files by the project's own
 * parsers inside Spark tasks (one task per range of a file, {@link FileSplits}; read from a path every executor
 * sees: a shared file system), or
 * from Parquet with the same columns. Malformed records are skipped here: the caller's import has already reported
 * them (rejects files), exactly as on the single-JVM engine.
 */
public final class ArchiveActions {
    /** Columns of the actions table; {@code account} is the archive's account id, {@code signal} a signal code. */
    public static final StructType SCHEMA = new StructType()
            .add("signal", DataTypes.IntegerType, false)
            .add("item", DataTypes.StringType, false)
            .add("account", DataTypes.StringType, false)
            .add("post", DataTypes.StringType, false)
            .add("time", DataTypes.LongType, false);

    private ArchiveActions() {
    }

    /** Columns of the rejects table: the file, the record's first line, the reason. */
    public static final StructType REJECTS = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("reason", DataTypes.StringType, false);

    /** The Spark setting that sets the size of the ranges large files are cut into (bytes; a positive integer). */
    public static final String SPLIT_BYTES = "spark.lockstep.splitBytes";

    /** The range size {@link #SPLIT_BYTES} sets in {@code spark}'s configuration, else the default. */
    public static long splitBytes(SparkSession spark) {
        String value = spark.conf().get(SPLIT_BYTES, String.valueOf(FileSplits.DEFAULT_TARGET_BYTES));
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(SPLIT_BYTES + " must be a positive number of bytes, got '" + value + "'");
    }

    /** Parses {@code files} in parallel, large files cut into ranges of {@link FileSplits#DEFAULT_TARGET_BYTES}. */
    public static Dataset<Row> read(SparkSession spark, List<Path> files) throws IOException {
        return read(spark, files, FileSplits.DEFAULT_TARGET_BYTES);
    }

    /**
     * Parses {@code files} (formats detected here, on the driver) in parallel: one task per range of
     * {@link FileSplits#plan} (about {@code splitBytes} each; a file that cannot be cut is one task).
     */
    public static Dataset<Row> read(SparkSession spark, List<Path> files, long splitBytes) throws IOException {
        JavaRDD<FileSplits.Split> splits = splits(spark, files, splitBytes);
        return spark.createDataFrame(splits.flatMap(s -> parse(s, false)), SCHEMA);
    }

    /**
     * The rejects of {@code files} as the parsers report them ({@link #REJECTS}: file, the record's first line in
     * the whole file, reason), read in ranges as {@link #read} reads them.
     */
    public static Dataset<Row> rejects(SparkSession spark, List<Path> files, long splitBytes) throws IOException {
        JavaRDD<FileSplits.Split> splits = splits(spark, files, splitBytes);
        return spark.createDataFrame(splits.flatMap(s -> parse(s, true)), REJECTS);
    }

    private static JavaRDD<FileSplits.Split> splits(SparkSession spark, List<Path> files, long splitBytes)
            throws IOException {
        if (splitBytes <= 0) {
            throw new IllegalArgumentException("splitBytes must be positive, got " + splitBytes);
        }
        List<FileSplits.Split> splits = new ArrayList<>();
        for (Path f : files) {
            Format format = ArchiveParsing.formatOf(f);
            if (!format.isEdgeList()) { // edge lists carry follows and interactions, no co-actions
                splits.addAll(FileSplits.plan(f, format, splitBytes));
            }
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(splits, Math.max(1, splits.size()));
    }

    /** Reads an actions table written as Parquet (the same columns, e.g. by {@link #writeParquet}). */
    public static Dataset<Row> readParquet(SparkSession spark, String path) {
        return spark.read().schema(SCHEMA).parquet(path);
    }

    public static void writeParquet(Dataset<Row> actions, String path) {
        actions.write().mode("overwrite").parquet(path);
    }

    /**
     * The actions (or, with {@code rejects}, the rejects) of one range. The parser pushes every record before the
     * first row can be consumed, so the range's actions are held until then: as primitive columns
     * ({@link Columns}: a few growing arrays, not an object graph per action), each row made only when Spark
     * consumes it.
     */
    private static Iterator<Row> parse(FileSplits.Split split, boolean rejects) {
        if (!rejects) {
            Columns columns = new Columns();
            RowSink sink = RowSink.posts(post -> {
                for (ActionSignals.Action a : ActionSignals.of(post)) {
                    columns.add(a);
                }
            });
            try {
                FileSplits.parse(split, sink);
            } catch (IOException e) {
                throw FileSplits.failure(split, e);
            }
            return columns.rows();
        }
        List<Row> rows = new ArrayList<>();
        RowSink sink = new RowSink.Ignoring() {
            @Override
            public void reject(long line, String reason, String raw) {
                rows.add(RowFactory.create(split.file(), line, reason));
            }
        };
        try {
            FileSplits.parse(split, sink);
        } catch (IOException e) {
            throw FileSplits.failure(split, e);
        }
        return rows.iterator();
    }

    /**
     * A range's actions as columns: signal codes and times in primitive arrays, the three strings of each action
     * (item, account, post) appended to one character buffer with their end offsets. About 2 B per character plus
     * 24 B per action, in a handful of arrays, against a {@code Row}, its boxed fields and three strings per action.
     */
    static final class Columns {
        private int[] signal = new int[1024];
        private long[] time = new long[1024];
        private int[] ends = new int[3 * 1024];
        private final StringBuilder chars = new StringBuilder(1 << 16);
        private int size;

        void add(ActionSignals.Action a) {
            if (size == signal.length) {
                signal = Arrays.copyOf(signal, 2 * size);
                time = Arrays.copyOf(time, 2 * size);
                ends = Arrays.copyOf(ends, 6 * size);
            }
            signal[size] = a.signal();
            time[size] = a.time();
            chars.append(a.item());
            ends[3 * size] = chars.length();
            chars.append(a.account());
            ends[3 * size + 1] = chars.length();
            chars.append(a.post());
            ends[3 * size + 2] = chars.length();
            size++;
        }

        int size() {
            return size;
        }

        /** The actions in the order added, one {@link #SCHEMA} row each, made as they are consumed. */
        Iterator<Row> rows() {
            return new Iterator<>() {
                private int i;
                private int start;

                @Override
                public boolean hasNext() {
                    return i < size;
                }

                @Override
                public Row next() {
                    if (i >= size) {
                        throw new NoSuchElementException();
                    }
                    String item = chars.substring(start, ends[3 * i]);
                    String account = chars.substring(ends[3 * i], ends[3 * i + 1]);
                    String post = chars.substring(ends[3 * i + 1], ends[3 * i + 2]);
                    start = ends[3 * i + 2];
                    Row r = RowFactory.create(signal[i], item, account, post, time[i]);
                    i++;
                    return r;
                }
            };
        }
    }
}
