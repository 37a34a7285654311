package io.lockstep.store;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Write-back shapes for account results on a loaded store (a copy: it is written to): every account gets the seven
 * result properties of {@code analyze} (community, PageRank, coreness, cluster for 2 %, score, verdict, signals),
 * removed and written again ROUNDS times per shape (new values each time: Neo4j skips a write of the value a
 * property holds), shapes alternated: in the accounts' given order or in node id order, 20,000 rows
 * or all rows per transaction. Prints wall and process CPU seconds per round and the load average.
 *
 * <p>Usage: {@code ResultWriterBenchmark STORE_COPY [rounds=2]}.
 */
public final class ResultWriterBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (GraphStore store = GraphStore.embedded(dir)) {
            ResultWriter.AccountNodes nodes = null;
            for (int r = 0; r < 2; r++) {
                long t0 = System.nanoTime();
                long cpu0 = cpu();
                nodes = ResultWriter.AccountNodes.read(store);
                System.out.printf(Locale.ROOT, "account nodes read in %.2f s, %.2f s CPU%n",
                        (System.nanoTime() - t0) / 1e9, (cpu() - cpu0) / 1e9);
            }
            List<String> ids = new ArrayList<>();
            try (var s = store.session()) {
                s.run("MATCH (a:Account) RETURN a.id AS id ORDER BY a.id").forEachRemaining(r -> ids.add(r.get(0)
                        .asString()));
            }
            for (int r = 0; r < rounds; r++) {
                for (int shape = 0; shape < 4; shape++) {
                    boolean byNode = (shape & 1) == 1;
                    List<ResultWriter.AccountResult> accounts = results(ids, r * 4 + shape);
                    clear(store);
                    int batch = shape < 2 ? ResultWriter.COLUMN_BATCH : Integer.MAX_VALUE;
                    String load = Files.readString(Path.of("/proc/loadavg")).strip();
                    long cpu0 = cpu();
                    long w0 = System.nanoTime();
                    ResultWriter.writeAccountResults(store, accounts, nodes, byNode, batch, 1);
                    System.out.printf(Locale.ROOT, "round %d %-8s %-9s %,d accounts: %.2f s wall, %.2f s CPU; "
                                    + "load %s%n", r + 1, byNode ? "by node" : "given", batch == Integer.MAX_VALUE
                                    ? "one tx" : batch + "/tx", accounts.size(), (System.nanoTime() - w0) / 1e9,
                            (cpu() - cpu0) / 1e9, load);
                }
            }
        }
    }

    /** Results with values of their own per {@code seed}: Neo4j skips a write of the value a property holds. */
    private static List<ResultWriter.AccountResult> results(List<String> ids, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ResultWriter.AccountResult> accounts = new ArrayList<>(ids.size());
        for (String id : ids) {
            boolean flagged = random.nextInt(50) == 0;
            accounts.add(new ResultWriter.AccountResult(id, random.nextInt(20) == 0 ? null : random.nextInt(400),
                    random.nextDouble() / ids.size(), random.nextInt(30), flagged ? random.nextInt(28) : null,
                    flagged ? 0.5 + random.nextDouble() / 2 : 0.0, flagged,
                    flagged ? List.of("co-retweet", "lockstep-follow") : List.of()));
        }
        return accounts;
    }

    /** Removes the result properties, so that each shape adds them to bare accounts as a fresh analysis does. */
    private static void clear(GraphStore store) {
        try (var s = store.session()) {
            s.run("""
                    MATCH (a:Account)
                    CALL { WITH a REMOVE a.community, a.pagerank, a.coreness, a.cluster, a.score, a.suspicious,
                           a.signals } IN TRANSACTIONS OF 20000 ROWS""").consume();
        }
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
