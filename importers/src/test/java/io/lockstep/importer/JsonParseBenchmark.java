package io.lockstep.importer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Parser speed on twarc2 captures: the real flattened ({@code flat.jsonl}) and page ({@code noflat.jsonl},
 * {@code entities_test.jsonl}, {@code withheld.jsonl}) captures of DocNow/twarc-csv repeated to about
 * {@code MB} megabytes each, read through {@link InputFiles#reader} (UTF-8 decoding) and {@link TwitterJsonParser}
 * into a sink that only counts. Prints MB/s of input per run (5 runs, the first two are JIT warm-up).
 *
 * <p>Usage: {@code JsonParseBenchmark WORKDIR [MB=200]} (the inputs are written under WORKDIR).
 */
public final class JsonParseBenchmark {
    public static void main(String[] args) throws IOException {
        Path work = Files.createDirectories(Path.of(args[0]));
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path flat = repeat(work.resolve("flat-bench.jsonl"), mb, "flat.jsonl.gz");
        Path pages = repeat(work.resolve("pages-bench.jsonl"), mb, "noflat.jsonl.gz", "entities_test.jsonl.gz",
                "withheld.jsonl.gz");
        for (Path file : List.of(flat, pages)) {
            double size = Files.size(file) / 1e6;
            List<Double> rates = new ArrayList<>();
            long posts = 0;
            for (int run = 0; run < 5; run++) {
                CountingSink sink = new CountingSink();
                long t0 = System.nanoTime();
                try (Reader in = InputFiles.reader(file, null)) {
                    new TwitterJsonParser().parse(in, sink);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                rates.add(size / s);
                posts = sink.posts;
                System.out.printf("%s run %d: %.1f MB in %.2f s = %.1f MB/s (%,d posts, %,d accounts, %,d rejects)%n",
                        file.getFileName(), run + 1, size, s, size / s, sink.posts, sink.accounts, sink.rejects);
            }
            double[] steady = rates.subList(2, rates.size()).stream().mapToDouble(Double::doubleValue).sorted()
                    .toArray();
            System.out.printf("%s: median of runs 3-5 %.1f MB/s (min %.1f, max %.1f), %,d posts a run%n",
                    file.getFileName(), steady[steady.length / 2], steady[0], steady[steady.length - 1], posts);
        }
    }

    /** Writes the captures' decompressed lines again and again until the file holds about {@code mb} MB. */
    private static Path repeat(Path out, int mb, String... captures) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (String c : captures) {
            try (var in = new GZIPInputStream(Files.newInputStream(
                    Path.of("importers/src/test/resources/twarc-csv").resolve(c)))) {
                parts.add(in.readAllBytes());
            }
        }
        long target = mb * 1_000_000L;
        long written = 0;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            while (written < target) {
                for (byte[] p : parts) {
                    o.write(p);
                    written += p.length;
                }
            }
        }
        return out;
    }

    private JsonParseBenchmark() {
    }
}
