package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.jgrapht.JGraphTGraphs;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark main (not a test) for {@code bench/communities_bench.py}: reads a whitespace-separated integer edge list
 * ({@code u v [w]}, 0-based ids), runs one algorithm {@code repeat} times and prints one JSON line with the
 * algorithm's own time (first run and median), modularity, community count and the graph's memory per edge.
 *
 * <pre>java -cp CP io.lockstep.community.CommunitiesBenchmark ALGO EDGES MEMBERSHIP_OUT REPEAT [SEED]</pre>
 * ALGO is leiden, louvain, lpa or jgrapht-lpa (JGraphT's LabelPropagationClustering on jgrapht-opt's sparse graph).
 */
public final class CommunitiesBenchmark {
    public static void main(String[] args) throws IOException {
        String algo = args[0];
        Path edges = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int repeat = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
        long t0 = System.nanoTime();
        CompactGraph g = read(edges);
        double load = (System.nanoTime() - t0) / 1e9;
        double[] times = new double[repeat];
        int[] membership = null;
        double modularity = 0;
        int communities = 0;
        for (int r = 0; r < repeat; r++) {
            long s = System.nanoTime();
            switch (algo) {
                case "leiden" -> {
                    CommunityResult res = new Leiden(LeidenParams.defaults().withSeed(seed)).communities(g);
                    membership = res.membership();
                }
                case "louvain" -> membership = new Louvain(LouvainParams.defaults().withSeed(seed)).communities(g).membership();
                case "lpa" -> membership = new LabelPropagation(LabelPropagationParams.defaults().withSeed(seed)).communities(g).membership();
                case "jgrapht-lpa" -> {
                    Graph<Integer, Integer> jg = JGraphTGraphs.toSparse(g);
                    s = System.nanoTime(); // conversion is not the algorithm's time
                    ClusteringAlgorithm.Clustering<Integer> c =
                            new LabelPropagationClustering<>(jg, 0, new Random(seed)).getClustering();
                    membership = new int[g.nodeCount()];
                    int id = 0;
                    for (Set<Integer> cluster : c.getClusters()) {
                        for (int v : cluster) {
                            membership[v] = id;
                        }
                        id++;
                    }
                }
                default -> throw new IllegalArgumentException("unknown algorithm " + algo);
            }
            times[r] = (System.nanoTime() - s) / 1e9;
        }
        // modularity checked independently of the optimiser
        modularity = ModularityComputer.compute(g, membership, 1.0, 2);
        communities = (int) Arrays.stream(membership).distinct().count();
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            StringBuilder sb = new StringBuilder();
            for (int c : membership) {
                sb.append(c).append('\n');
            }
            w.write(sb.toString());
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.println(String.format(Locale.ROOT,
                "{\"algorithm\":\"%s\",\"nodes\":%d,\"edges\":%d,\"load_seconds\":%.3f,\"first_seconds\":%.4f,"
                        + "\"median_seconds\":%.4f,\"min_seconds\":%.4f,\"modularity\":%.6f,\"communities\":%d,"
                        + "\"memory_bytes\":%d,\"bytes_per_edge\":%.2f}",
                algo, g.nodeCount(), g.edgeCount(), load, times[0], sorted[repeat / 2], sorted[0], modularity,
                communities, g.memoryBytes(), (double) g.memoryBytes() / Math.max(1, g.edgeCount())));
    }

    /** Reads {@code u v [w]} lines; ids are the ints themselves, so the node count is the largest id + 1. */
    static CompactGraph read(Path file) throws IOException {
        int[] src = new int[1 << 20];
        int[] dst = new int[1 << 20];
        double[] wt = null;
        int m = 0;
        int max = -1;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long[] fields = new long[3];
            double weight = 1;
            int field = 0;
            long num = 0;
            boolean inNum = false;
            boolean comment = false;
            int fraction = -1;
            double frac = 0;
            int len;
            while (true) {
                len = in.read(buf);
                int limit = len < 0 ? 1 : len;
                for (int i = 0; i < limit; i++) {
                    byte b = len < 0 ? (byte) '\n' : buf[i];
                    if (comment) {
                        if (b == '\n') {
                            comment = false;
                        }
                        continue;
                    }
                    if (b == '#' || b == '%') {
                        comment = true;
                        continue;
                    }
                    if (b >= '0' && b <= '9') {
                        if (fraction >= 0) {
                            frac = frac * 10 + (b - '0');
                            fraction++;
                        } else {
                            num = num * 10 + (b - '0');
                        }
                        inNum = true;
                    } else if (b == '.' && inNum) {
                        fraction = 0;
                    } else {
                        if (inNum) {
                            if (field < 2) {
                                fields[field] = num;
                            } else {
                                weight = num + (fraction > 0 ? frac / Math.pow(10, fraction) : 0);
                            }
                            field++;
                            num = 0;
                            inNum = false;
                            fraction = -1;
                            frac = 0;
                        }
                        if (b == '\n') {
                            if (field >= 2) {
                                if (m == src.length) {
                                    src = Arrays.copyOf(src, m * 2);
                                    dst = Arrays.copyOf(dst, m * 2);
                                    if (wt != null) {
                                        wt = Arrays.copyOf(wt, m * 2);
                                    }
                                }
                                src[m] = (int) fields[0];
                                dst[m] = (int) fields[1];
                                if (field >= 3 || wt != null) {
                                    if (wt == null) {
                                        wt = new double[src.length];
                                        Arrays.fill(wt, 0, m, 1.0);
                                    }
                                    wt[m] = field >= 3 ? weight : 1.0;
                                }
                                max = Math.max(max, Math.max(src[m], dst[m]));
                                m++;
                            }
                            field = 0;
                            weight = 1;
                        }
                    }
                }
                if (len < 0) {
                    break;
                }
            }
        }
        CompactGraphBuilder b = new CompactGraphBuilder(max + 1);
        for (int i = 0; i < m; i++) {
            b.addEdge(src[i], dst[i], wt == null ? 1.0 : wt[i]);
        }
        return b.build();
    }
}
