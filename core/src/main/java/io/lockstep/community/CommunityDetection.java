package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.concurrent.CancellationException;

/**
 * Partitions the vertices of an undirected weighted graph into communities.
 *
 * <p>Implementations are configured at construction (a parameter record, a {@link ProgressListener}
 * and a {@link TerminationFlag}) and are deterministic for a given seed.
 */
public interface CommunityDetection {
    /**
     * Detects communities of {@code graph}.
     *
     * @param graph an undirected weighted graph; not modified
     * @return the membership of every vertex, renumbered {@code 0..k-1} by decreasing community size
     * @throws CancellationException if the termination flag asks to stop
     */
    CommunityResult communities(CompactGraph graph);
}
