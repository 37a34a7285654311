package io.lockstep.store.load;

import io.lockstep.progress.ProgressListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Neo4j's bulk importer's console output into progress, as the importer writes it. The importer offers no
 * monitor to a caller that runs it as {@code neo4j-admin database import} does, but it redraws a bar for each of its
 * stages ({@code \r[*Nodes:…]1.04M ∆ 360K}) under a {@code Nodes, started …} or {@code Relationships, started …}
 * line. The staged node files count as done in proportion to the nodes imported, then the relationship files in
 * proportion to the relationships; the importer's later stages (linking, counts: a tenth of its time) end at
 * {@code IMPORT DONE}. Units are bytes of staged files, so a bar shows MB and an ETA as it does while staging.
 *
 * <p>Everything written is passed on unchanged to {@code log}.
 */
final class BulkImporterProgress extends OutputStream {
    /** A bar's count of items done in its stage: {@code ]1.04M ∆}, {@code ] 100K ∆}, {@code ]    0 ∆}. */
    private static final Pattern COUNT = Pattern.compile("]\\s*(\\d+(?:\\.\\d+)?)([KMGT]?)\\s*∆");
    /** A redraw or a line longer than this is no bar; it is passed on but not read. */
    private static final int MAX_SEGMENT = 64 << 10;

    private enum Stage { NODES, RELATIONSHIPS, OTHER }

    private final OutputStream log;
    private final ProgressListener progress;
    private final long nodes;
    private final long relationships;
    private final long nodeUnits;
    private final long relationshipUnits;
    private final ByteArrayOutputStream segment = new ByteArrayOutputStream();
    private Stage stage = Stage.OTHER;
    private long reported;

    /**
     * @param nodes             nodes staged
     * @param relationships     relationships staged
     * @param nodeUnits         progress units (bytes) of the node files
     * @param relationshipUnits progress units (bytes) of the relationship files
     */
    BulkImporterProgress(OutputStream log, ProgressListener progress, long nodes, long relationships, long nodeUnits,
                         long relationshipUnits) {
        this.log = log;
        this.progress = progress;
        this.nodes = nodes;
        this.relationships = relationships;
        this.nodeUnits = nodeUnits;
        this.relationshipUnits = relationshipUnits;
    }

    /** The units {@link ProgressListener#begin} should announce. */
    long totalUnits() {
        return nodeUnits + relationshipUnits;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        accept(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        log.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            accept(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        log.flush();
    }

    private void accept(int b) {
        if (b == '\r' || b == '\n') {
            if (segment.size() > 0 && segment.size() <= MAX_SEGMENT) {
                read(segment.toString(StandardCharsets.UTF_8));
            }
            segment.reset();
        } else if (segment.size() <= MAX_SEGMENT) {
            segment.write(b);
        }
    }

    private void read(String text) {
        if (text.startsWith("Nodes, started")) {
            stage = Stage.NODES;
        } else if (text.startsWith("Relationships, started")) {
            advanceTo(nodeUnits); // every node is in by now, whatever the last bar said
            stage = Stage.RELATIONSHIPS;
        } else if (text.contains(", started ")) {
            if (stage == Stage.RELATIONSHIPS) {
                advanceTo(totalUnits());
            }
            stage = Stage.OTHER;
        } else if (text.startsWith("IMPORT DONE")) {
            advanceTo(totalUnits());
        } else if (stage != Stage.OTHER) {
            Matcher m = COUNT.matcher(text);
            long done = -1;
            while (m.find()) { // the last bar of the segment is the newest
                done = count(m.group(1), m.group(2));
            }
            if (done >= 0) {
                advanceTo(stage == Stage.NODES ? share(nodeUnits, done, nodes)
                        : nodeUnits + share(relationshipUnits, done, relationships));
            }
        }
    }

    private static long share(long units, long done, long of) {
        return of <= 0 ? units : (long) (units * Math.min(1.0, done / (double) of));
    }

    private void advanceTo(long units) {
        if (units > reported) {
            progress.advance(units - reported);
            reported = units;
        }
    }

    /** {@code 1.04M} → 1,040,000: the importer prints counts with decimal suffixes. */
    static long count(String number, String suffix) {
        double scale = switch (suffix) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "T" -> 1e12;
            default -> 1;
        };
        return Math.round(Double.parseDouble(number) * scale);
    }
}
