package io.lockstep.spark;

import io.lockstep.importer.AccountRow;
import io.lockstep.importer.ArchiveParsing;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.Format;
import io.lockstep.importer.PostRow;
import io.lockstep.importer.RowSink;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The actions table {@code (signal, item, account, post, time)} read from archive files by the project's own
 * parsers inside Spark tasks (one file per task, read from a path every executor sees: a shared file system), or
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

    /** Parses {@code files} (formats detected here, on the driver) in parallel, one task per file. */
    public static Dataset<Row> read(SparkSession spark, List<Path> files) throws IOException {
        List<String> specs = new ArrayList<>(files.size());
        for (Path f : files) {
            Format format = ArchiveParsing.detect(f);
            if (!format.isEdgeList()) { // edge lists carry follows and interactions, no co-actions
                specs.add(format.name() + "\t" + f.toAbsolutePath());
            }
        }
        Dataset<String> list = spark.createDataset(specs, Encoders.STRING())
                .repartition(Math.max(1, specs.size()));
        return list.flatMap((FlatMapFunction<String, Row>) ArchiveActions::parse, Encoders.row(SCHEMA));
    }

    /** Reads an actions table written as Parquet (the same columns, e.g. by {@link #writeParquet}). */
    public static Dataset<Row> readParquet(SparkSession spark, String path) {
        return spark.read().schema(SCHEMA).parquet(path);
    }

    public static void writeParquet(Dataset<Row> actions, String path) {
        actions.write().mode("overwrite").parquet(path);
    }

    private static Iterator<Row> parse(String spec) {
        int tab = spec.indexOf('\t');
        Format format = Format.valueOf(spec.substring(0, tab));
        Path file = Path.of(spec.substring(tab + 1));
        List<Row> rows = new ArrayList<>();
        try {
            ArchiveParsing.parse(file, format, new RowSink() {
                @Override
                public void account(AccountRow account) {
                }

                @Override
                public void post(PostRow post) {
                    for (ActionSignals.Action a : ActionSignals.of(post)) {
                        rows.add(RowFactory.create(a.signal(), a.item(), a.account(), a.post(), a.time()));
                    }
                }

                @Override
                public void edge(EdgeRow edge) {
                }

                @Override
                public void reject(long line, String reason, String raw) {
                }

                @Override
                public void endRecord() {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return rows.iterator();
    }
}
