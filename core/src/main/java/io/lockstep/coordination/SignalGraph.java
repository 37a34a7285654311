package io.lockstep.coordination;

import java.util.List;

/**
 * What one signal found.
 *
 * @param signal         the signal's name
 * @param edges          edges that passed the signal's thresholds and null model, sorted by (source, target)
 * @param actions        actions the signal scanned (retweets, hashtag uses, URL shares…)
 * @param candidatePairs distinct account pairs seen together at least once, before thresholds
 */
public record SignalGraph(String signal, List<CoordinationEdge> edges, long actions, long candidatePairs) {
    public SignalGraph {
        edges = List.copyOf(edges);
    }
}
