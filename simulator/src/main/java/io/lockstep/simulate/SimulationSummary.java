package io.lockstep.simulate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a simulation wrote.
 *
 * @param outDir         the directory holding the archive
 * @param accounts       accounts written
 * @param posts          posts written (each in all three post formats)
 * @param follows        follower edges written
 * @param postsByKind    posts per kind ({@code tweet}, {@code retweet}, {@code reply}, {@code quote})
 * @param accountsByGroup accounts per truth group ({@code organic}, {@code botnet-1}, ...), by name
 * @param elapsedMillis  wall-clock time of {@link Simulator#write}
 */
public record SimulationSummary(Path outDir, int accounts, long posts, long follows, Map<String, Long> postsByKind,
                                Map<String, Integer> accountsByGroup, long elapsedMillis) {
    public SimulationSummary {
        postsByKind = Collections.unmodifiableMap(new LinkedHashMap<>(postsByKind));
        accountsByGroup = Collections.unmodifiableMap(new TreeMap<>(accountsByGroup));
    }
}
