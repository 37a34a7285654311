package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Streams the edges of an edge-list file (follower CSV, SNAP, generic interactions CSV, any of them gzipped)
 * without a database, for batch commands that read files directly. Malformed lines go to the rejects file beside
 * the input, as with the store's {@code ArchiveImporter}.
 */
public final class EdgeFiles {
    /** Receives each edge: follower → followee, or source → target with its weight (1 when absent). */
    @FunctionalInterface
    public interface EdgeConsumer {
        void edge(String source, String target, double weight);
    }

    /** What {@link #read} found. {@code rejectsFile} is null when there were no rejects. */
    public record EdgeFileStats(Format format, long edges, long rejects, Path rejectsFile) {
    }

    private EdgeFiles() {
    }

    /**
     * Reads {@code file}, detecting its edge-list format.
     *
     * @throws UnknownFormatException when the file is not an edge list
     */
    public static EdgeFileStats read(Path file, EdgeConsumer consumer) throws IOException {
        Format format = FormatDetector.formatOf(file);
        if (!format.isEdgeList()) {
            throw new UnknownFormatException(file + ": is " + format.description()
                    + ", not an edge list (follower-csv, snap or edges)");
        }
        return read(file, format, consumer);
    }

    /** Reads {@code file} as {@code format}, which must be an edge-list format. */
    public static EdgeFileStats read(Path file, Format format, EdgeConsumer consumer) throws IOException {
        if (!format.isEdgeList()) {
            throw new IllegalArgumentException(format.id() + " is not an edge-list format");
        }
        long[] edges = {0};
        try (RejectsFile rejects = new RejectsFile(file, 0); Reader in = InputFiles.reader(file, null)) {
            format.parser().parse(in, new RowSink.Ignoring() {
                @Override
                public void edge(EdgeRow edge) {
                    consumer.edge(edge.source(), edge.target(), edge.weight());
                    edges[0]++;
                }

                @Override
                public void reject(long line, String reason, String raw) {
                    rejects.addFromSink(line, reason, raw);
                }
            });
            return new EdgeFileStats(format, edges[0], rejects.count(), rejects.pathIfWritten());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
