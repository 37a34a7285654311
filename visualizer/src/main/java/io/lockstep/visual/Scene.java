package io.lockstep.visual;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a picture or the viewer shows: nodes and edges with everything needed to style them. The visualizer's own
 * input model, independent of Neo4j and of the detection internals; the cli maps results into it.
 *
 * @param title     shown at the top of every picture
 * @param sizeLabel what node size stands for, shown in the legend ("PageRank", "followers", "members")
 * @param nodes the nodes; ids are unique
 * @param edges edges between ids of {@code nodes}
 */
public record Scene(String title, String sizeLabel, List<SceneNode> nodes, List<SceneEdge> edges) {
    public Scene {
        title = title == null ? "" : title;
        sizeLabel = sizeLabel == null ? "" : sizeLabel;
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Set<String> ids = new HashSet<>();
        for (SceneNode n : nodes) {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("duplicate node id " + n.id());
            }
        }
        for (SceneEdge e : edges) {
            if (!ids.contains(e.source()) || !ids.contains(e.target())) {
                throw new IllegalArgumentException("edge " + e.source() + "-" + e.target() + " names a node that is not in the scene");
            }
        }
    }

    /** A scene whose node size has no stated meaning. */
    public Scene(String title, List<SceneNode> nodes, List<SceneEdge> edges) {
        this(title, "", nodes, edges);
    }

    /** Index of each node id in {@link #nodes()}. */
    public Map<String, Integer> indexById() {
        Map<String, Integer> index = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        return index;
    }

    /** The sub-scene of the nodes that pass {@code keep}, with the edges between them. */
    public Scene filter(String newTitle, Predicate<SceneNode> keep) {
        Objects.requireNonNull(keep, "keep");
        List<SceneNode> kept = nodes.stream().filter(keep).toList();
        Set<String> ids = new HashSet<>();
        kept.forEach(n -> ids.add(n.id()));
        List<SceneEdge> keptEdges = edges.stream().filter(e -> ids.contains(e.source()) && ids.contains(e.target())).toList();
        return new Scene(newTitle, sizeLabel, kept, keptEdges);
    }
}
