package io.lockstep.cli;

import io.lockstep.analysis.CoordinationEngine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code analyze}'s choice of where coordination detection runs, and the Spark engine's settings. */
public final class EngineOptions {
    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "single",
            description = "Where coordination detection runs: single (this JVM, default) or spark (needs the "
                    + "lockstep-spark module; see --master).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "With --engine spark: local[*] (in-process), spark://HOST:7077, yarn or k8s://... "
                    + "(default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--spark-conf", paramLabel = "K=V", description = "With --engine spark: a Spark setting (repeatable).")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--load-archive", description = "With --engine spark: also load the archive into the store, as "
            + "the default engine always does (by default the spark engine reads the files itself and the store "
            + "receives the results only, with the accounts they name).")
    boolean loadArchive;

    /**
     * The engine these options name, for an analysis of {@code files}; an {@link InputException} when it cannot run
     * (not on the classpath, no files for an engine that reads them itself, {@code --load-archive} without one).
     */
    CoordinationEngine engine(List<Path> files) {
        CoordinationEngine detection;
        try {
            detection = CoordinationEngine.named(engine, master, sparkConf);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        if (detection != CoordinationEngine.SINGLE && files.isEmpty()) {
            throw new InputException("--engine " + engine + " reads the archive FILEs themselves: give at least one");
        }
        if (loadArchive && detection == CoordinationEngine.SINGLE) {
            throw new InputException("--load-archive: the single engine always loads the archive; the option is for "
                    + "--engine spark");
        }
        return detection;
    }

    /** Whether the archive goes into the store with {@code detection}: always with the single engine. */
    boolean loadsArchive(CoordinationEngine detection) {
        return detection == CoordinationEngine.SINGLE || loadArchive;
    }
}
