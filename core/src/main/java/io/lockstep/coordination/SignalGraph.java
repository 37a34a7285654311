package io.lockstep.coordination;

import java.util.List;

/**
 * What one signal found.
 *
 * @param signal         the signal's name
 * @param edges          edges that passed the signal's thresholds and null model, sorted by (source, target)
 * @param actions        actions the signal scanned (retweets, hashtag uses, URL shares…)
 * @param candidatePairs distinct account pairs seen together at least once, before thresholds
 * @param blocks         dense blocks found (lockstep-follow), each one finding; empty for the co-action signals
 */
public record SignalGraph(String signal, List<CoordinationEdge> edges, long actions, long candidatePairs,
                          List<DenseBlock> blocks) {
    public SignalGraph {
        edges = List.copyOf(edges);
        blocks = List.copyOf(blocks);
    }

    /** A signal graph without blocks. */
    public SignalGraph(String signal, List<CoordinationEdge> edges, long actions, long candidatePairs) {
        this(signal, edges, actions, candidatePairs, List.of());
    }
}
