package io.lockstep.store.load.bench;

import io.lockstep.store.load.StepTimes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the files a bulk load staged (hard links into {@code into}, made when the loader reports them, before it
 * deletes its own directory) and the importer's file arguments, so that Neo4j's bulk importer can run alone on
 * the very same files.
 */
final class KeptStaging implements StepTimes {
    private final Path into;
    private final List<String> arguments;
    private Path from;

    /** Links the staged files into {@code into} and appends the importer's file arguments to {@code arguments}. */
    KeptStaging(Path into, List<String> arguments) {
        this.into = into;
        this.arguments = arguments;
    }

    @Override
    public void add(String step, long nanos) {
    }

    @Override
    public void staged(Path directory, List<String> importerFileArguments) {
        from = directory;
        try {
            Files.createDirectories(into);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path f : files.toList()) {
                    Files.createLink(into.resolve(f.getFileName()), f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String a : importerFileArguments) {
            arguments.add(a.replace(directory.toString(), into.toString()));
        }
    }

    /** These, and every step time handed on to {@code times}. */
    StepTimes andTimes(StepTimes times) {
        KeptStaging self = this;
        return new StepTimes() {
            @Override
            public void add(String step, long nanos) {
                times.add(step, nanos);
            }

            @Override
            public void staged(Path directory, List<String> importerFileArguments) {
                self.staged(directory, importerFileArguments);
            }
        };
    }
}
