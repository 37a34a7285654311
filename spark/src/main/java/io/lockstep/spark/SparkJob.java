package io.lockstep.spark;

import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.Evidence;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver program {@link ClusterSubmit} submits: reads a job directory ({@link Spec}, written by the calling
 * {@code analyze}), runs {@link SparkCoActions} (and, for lockstep-follow, {@link SparkFollows}) on the cluster the
 * session was submitted to, and writes the edges (and the distinct follows) back into the directory for the caller,
 * which does the rest of the analysis. The edges file is written last: its presence means the job completed.
 */
public final class SparkJob {
    static final String SPEC = "job.ser";
    static final String EDGES = "edges.bin";
    static final String FOLLOWS = "follows.bin";

    private SparkJob() {
    }

    /**
     * Everything the submitted driver needs: archive paths (visible to every executor), the plan, and the
     * dictionaries of the caller's activity (accounts in its order; item keys by signal; co-text's candidate posts
     * with their indexes), and whether to compute the follow graph.
     */
    record Spec(List<String> files, SparkCoActions.Plan plan, String[] accounts, int[] itemSignals, String[] items,
                int[] itemKeys, String[] textPosts, int[] textPostIndexes, boolean follows) implements Serializable {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SparkJob JOB_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Spec spec;
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(
                dir.resolve(SPEC))))) {
            spec = (Spec) in.readObject();
        }
        SparkSession spark = SparkSession.builder().appName("lockstep analyze").getOrCreate();
        try {
            List<Row> accounts = new ArrayList<>(spec.accounts().length);
            for (int a = 0; a < spec.accounts().length; a++) {
                accounts.add(RowFactory.create(spec.accounts()[a], a));
            }
            List<Row> items = new ArrayList<>(spec.items().length);
            for (int i = 0; i < spec.items().length; i++) {
                items.add(RowFactory.create(spec.itemSignals()[i], spec.items()[i], spec.itemKeys()[i]));
            }
            List<Row> posts = new ArrayList<>(spec.textPosts().length);
            for (int i = 0; i < spec.textPosts().length; i++) {
                posts.add(RowFactory.create(spec.textPosts()[i], spec.textPostIndexes()[i]));
            }
            Dictionaries dictionaries = new Dictionaries(spark.createDataFrame(accounts, Dictionaries.ACCOUNTS),
                    spark.createDataFrame(items, Dictionaries.ITEMS), spark.createDataFrame(posts, Dictionaries.POSTS));
            List<Path> files = spec.files().stream().map(Path::of).toList();
            List<CoordinationEdge> edges = spec.plan().isEmpty() ? List.of()
                    : SparkCoActions.fromArchive(spark, files, dictionaries, spec.plan(), true);
            if (spec.follows()) {
                writeFollows(SparkFollows.distinct(spark, files, dictionaries.accounts()), dir.resolve(FOLLOWS));
            }
            Path tmp = dir.resolve(EDGES + ".tmp");
            writeEdges(edges, tmp);
            Files.move(tmp, dir.resolve(EDGES));
        } finally {
            spark.stop();
        }
    }

    static void writeSpec(Spec spec, Path dir) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(
                dir.resolve(SPEC))))) {
            out.writeObject(spec);
        }
    }

    static void writeEdges(List<CoordinationEdge> edges, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(edges.size());
            for (CoordinationEdge e : edges) {
                out.writeInt(e.source());
                out.writeInt(e.target());
                out.writeUTF(e.signal());
                out.writeDouble(e.weight());
                out.writeInt(e.count());
                out.writeDouble(e.expected());
                out.writeInt(e.evidence().size());
                for (Evidence ev : e.evidence()) {
                    out.writeUTF(ev.item());
                    out.writeLong(ev.sourceTime());
                    out.writeLong(ev.targetTime());
                }
            }
        }
    }

    static void writeFollows(long[] follows, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(follows.length);
            for (long f : follows) {
                out.writeLong(f);
            }
        }
    }

    static long[] readFollows(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            long[] follows = new long[in.readInt()];
            for (int i = 0; i < follows.length; i++) {
                follows[i] = in.readLong();
            }
            return follows;
        }
    }

    static List<CoordinationEdge> readEdges(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            List<CoordinationEdge> edges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int source = in.readInt();
                int target = in.readInt();
                String signal = in.readUTF();
                double weight = in.readDouble();
                int count = in.readInt();
                double expected = in.readDouble();
                int k = in.readInt();
                List<Evidence> evidence = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    evidence.add(new Evidence(in.readUTF(), in.readLong(), in.readLong()));
                }
                edges.add(new CoordinationEdge(source, target, signal, weight, count, evidence, expected));
            }
            return edges;
        }
    }
}
