package io.lockstep.visual;

import java.util.List;
import java.util.Objects;

/**
 * A scene placed in a pixel box: centre and radius of each node (same order as {@link Scene#nodes()}), and which
 * nodes carry a visible label. Produced by {@link SceneLayout}, consumed by every {@link GraphDrawing} and the SVG
 * writer, so all outputs agree.
 *
 * @param scene    the scene
 * @param width    box width in pixels
 * @param height   box height in pixels
 * @param x        node centres, pixels from the left
 * @param y        node centres, pixels from the top
 * @param radius   node radii in pixels
 * @param labelled whether node i shows its label
 */
public record Placement(Scene scene, int width, int height, double[] x, double[] y, double[] radius, boolean[] labelled) {
    public Placement {
        Objects.requireNonNull(scene, "scene");
        int n = scene.nodes().size();
        if (x.length != n || y.length != n || radius.length != n || labelled.length != n) {
            throw new IllegalArgumentException("placement arrays must have one entry per node (" + n + ")");
        }
    }

    public List<SceneNode> nodes() {
        return scene.nodes();
    }
}
