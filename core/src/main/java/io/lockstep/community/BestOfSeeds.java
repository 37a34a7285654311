package io.lockstep.community;

import io.lockstep.graph.CompactGraph;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Runs a seeded detection with several seeds and keeps the partition of highest modularity: the plainest remedy for
 * the spread between the local optima that different seeds reach (about 1 % of modularity on retweet networks of a
 * thousand accounts; {@code docs/benchmarks.md}, "Batches of small graphs").
 *
 * <p>Run r uses seed {@code seed + r}, for r in {@code [0, runs)}; a later run replaces the kept one only when its
 * modularity is strictly higher, so the first run's result stands on ties and {@code runs = 1} is the detection
 * itself. Cost: {@code runs} times the detection's. Deterministic for a given seed, as the detection is.
 */
public final class BestOfSeeds implements CommunityDetection {
    private final LongFunction<CommunityDetection> detectionWithSeed;
    private final long seed;
    private final int runs;

    /**
     * @param detectionWithSeed the detection to run with a given seed
     * @param seed              seed of the first run
     * @param runs              how many runs, at least 1
     */
    public BestOfSeeds(LongFunction<CommunityDetection> detectionWithSeed, long seed, int runs) {
        this.detectionWithSeed = Objects.requireNonNull(detectionWithSeed, "detectionWithSeed");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, was " + runs);
        }
        this.seed = seed;
        this.runs = runs;
    }

    @Override
    public CommunityResult communities(CompactGraph graph) {
        CommunityResult best = detectionWithSeed.apply(seed).communities(graph);
        for (int r = 1; r < runs; r++) {
            CommunityResult next = detectionWithSeed.apply(seed + r).communities(graph);
            if (next.modularity() > best.modularity()) {
                best = next;
            }
        }
        return best;
    }
}
