package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * The parsers as a library, for engines that read archive files themselves (the Spark engine parses each file inside
 * a task): the same format detection, decompression and parsers as the store's {@code ArchiveImporter}, so parsing
 * means the same thing on every engine.
 */
public final class ArchiveParsing {
    private ArchiveParsing() {
    }

    /** The file's format, from its header (throws {@link UnknownFormatException} with the reason). */
    public static Format formatOf(Path file) throws IOException {
        return FormatDetector.formatOf(file);
    }

    /** Parses {@code file} as {@code format} into {@code sink}: malformed records reach {@link RowSink#reject}. */
    public static void parse(Path file, Format format, RowSink sink) throws IOException {
        try (Reader in = InputFiles.reader(file, null)) {
            format.parser().parse(in, sink);
        }
    }
}
