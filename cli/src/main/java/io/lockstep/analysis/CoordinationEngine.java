package io.lockstep.analysis;

import io.lockstep.activity.Activity;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Where {@code analyze} runs coordination detection: in this JVM ({@link #SINGLE}, the default), or on an engine
 * found through {@link ServiceLoader} by name ({@code --engine spark} is the lockstep-spark module, kept off the
 * default classpath). Every engine returns what {@link CoordinationDetector#run} returns for the same archive.
 */
public interface CoordinationEngine {
    /**
     * The single-JVM engine: {@link CoordinationDetector} on the activity, its signals side by side on every available
     * processor (the result is the same at any concurrency).
     */
    CoordinationEngine SINGLE = (activity, files, params, progress, termination) ->
            new CoordinationDetector(params, Runtime.getRuntime().availableProcessors())
                    .run(activity, progress, termination);

    /**
     * Detects coordination in {@code activity}, which was read from {@code files} (an engine may read the files
     * itself for the heavy part and use the activity for numbering and the rest).
     */
    CoordinationResult run(Activity activity, List<Path> files, CoordinationParams params, ProgressListener progress,
                           TerminationFlag termination);

    /** Creates a named engine; registered in {@code META-INF/services/io.lockstep.analysis.CoordinationEngine$Provider}. */
    interface Provider {
        String name();

        /** @param master where the engine runs (engine-specific, e.g. {@code local[*]}); conf: extra settings */
        CoordinationEngine create(String master, Map<String, String> conf);
    }

    /**
     * The engine called {@code name}; "single" is this JVM. Throws {@link IllegalArgumentException} naming the known
     * engines when none matches.
     */
    static CoordinationEngine named(String name, String master, Map<String, String> conf) {
        if (name.equals("single")) {
            return SINGLE;
        }
        StringBuilder known = new StringBuilder("single");
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return p.create(master, conf);
            }
            known.append(", ").append(p.name());
        }
        throw new IllegalArgumentException("--engine: no engine '" + name + "' on the classpath (available: " + known
                + "); the Spark engine needs the lockstep-spark module: see the README, \"When one machine is not "
                + "enough\"");
    }
}
