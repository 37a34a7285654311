package io.lockstep.visual;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The legend items of a scene, in drawing order; shared by the PNG and SVG outputs. */
record Legend(List<Item> items, String caption) {
    /** Up to this many communities are named in the legend (the largest by node count). */
    static final int MAX_COMMUNITIES = 8;

    enum Shape { DISC, RING, LINE }

    record Item(Shape shape, Color color, double strokeWidth, String text) {
    }

    static Legend of(Scene scene) {
        List<Item> items = new ArrayList<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        boolean ring = false, redFill = false;
        for (SceneNode n : scene.nodes()) {
            boolean red = n.suspicious() && n.community() == SceneNode.NONE;
            if (red) {
                redFill = true;
            } else {
                counts.merge(n.community(), 1, Integer::sum);
            }
            ring |= n.suspicious() && !red;
        }
        List<Map.Entry<Integer, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Comparator.comparing((Map.Entry<Integer, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        int shown = 0;
        for (Map.Entry<Integer, Integer> e : byCount) {
            if (shown == MAX_COMMUNITIES) {
                int rest = byCount.size() - shown;
                items.add(new Item(Shape.DISC, Palette.NO_COMMUNITY, 0, "+" + rest + " more communities"));
                break;
            }
            String name = e.getKey() == SceneNode.NONE ? "no community" : "community " + e.getKey();
            items.add(new Item(Shape.DISC, Palette.community(e.getKey()), 0, name));
            shown++;
        }
        if (redFill) {
            items.add(new Item(Shape.DISC, Palette.SUSPICIOUS, 0, "suspicious cluster"));
        }
        if (ring) {
            items.add(new Item(Shape.RING, Palette.SUSPICIOUS, 3, "suspicious account"));
        }
        boolean[] kinds = new boolean[EdgeKind.values().length];
        scene.edges().forEach(e -> kinds[e.kind().ordinal()] = true);
        for (EdgeKind k : EdgeKind.values()) {
            if (kinds[k.ordinal()]) {
                items.add(new Item(Shape.LINE, Palette.edge(k), k == EdgeKind.COORDINATION ? 3 : k == EdgeKind.RETWEET ? 2 : 1, k.wireName()));
            }
        }
        String caption = scene.nodes().size() + " nodes, " + scene.edges().size() + " edges"
                + (scene.sizeLabel().isEmpty() ? "" : "; size: " + scene.sizeLabel());
        return new Legend(items, caption);
    }
}
