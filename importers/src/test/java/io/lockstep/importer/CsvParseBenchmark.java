package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser speed on a CSV archive file (an information-operations tweets file such as the store's
 * {@code ArchiveGenerator} writes, or any file {@link FormatDetector} recognises): read through
 * {@link InputFiles#reader} (UTF-8 decoding) and the detected format's parser into a sink that only counts.
 * Prints rows/s, MB/s and the parsing thread's CPU-seconds per run (the first two runs are JIT warm-up).
 *
 * <p>Usage: {@code CsvParseBenchmark FILE [runs=5]}.
 */
public final class CsvParseBenchmark {
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Format format = ArchiveParsing.formatOf(file);
        double size = Files.size(file) / 1e6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            CountingSink sink = new CountingSink();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (Reader in = InputFiles.reader(file, null)) {
                format.parser().parse(in, sink);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            rates.add(sink.records / cpu);
            System.out.printf("%s (%s) run %d: %.1f MB, %,d records in %.2f s (%.2f CPU-s): %,.0f records/CPU-s, "
                            + "%.1f MB/CPU-s (%,d posts, %,d accounts, %,d rejects)%n", file.getFileName(), format.id(),
                    run + 1, size, sink.records, s, cpu, sink.records / cpu, size / cpu, sink.posts, sink.accounts,
                    sink.rejects);
        }
        if (runs > 2) {
            double[] steady = rates.subList(2, rates.size()).stream().mapToDouble(Double::doubleValue).sorted()
                    .toArray();
            System.out.printf("median of runs 3-%d: %,.0f records/CPU-s%n", runs, steady[steady.length / 2]);
        }
    }

    private CsvParseBenchmark() {
    }
}
