package io.lockstep.visual;

import java.util.List;
import java.util.Objects;

/**
 * One node of a {@link Scene}: an account, or (in the overview) a community or a cluster.
 *
 * @param id         stable key, unique in the scene
 * @param label      what is written next to the node (screen name, or "community 3")
 * @param community  community id, or {@link #NONE}; decides the colour
 * @param cluster    coordination cluster id, or {@link #NONE}
 * @param suspicious whether the node is part of a suspicious cluster: drawn with a red ring, or filled red when it
 *                   has no community (the overview's cluster nodes)
 * @param score      coordination score in [0, 1] (0 when unknown); the viewer filters on it
 * @param size       size metric (PageRank, followers, members); only its relative value matters
 * @param signals    names of the coordination signals that fired for this node (may be empty)
 * @param evidence   human-readable evidence lines (partners, shared items, times), shown on click and in reports
 */
public record SceneNode(String id, String label, int community, int cluster, boolean suspicious, double score,
                        double size, List<String> signals, List<String> evidence) {
    /** No community or cluster. */
    public static final int NONE = -1;

    public SceneNode {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        if (!(size >= 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("size must be finite and >= 0, was " + size + " for node " + id);
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must not be NaN for node " + id);
        }
        signals = signals == null ? List.of() : List.copyOf(signals);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A plain node without verdict, signals or evidence. */
    public static SceneNode of(String id, String label, int community, double size) {
        return new SceneNode(id, label, community, NONE, false, 0, size, List.of(), List.of());
    }
}
