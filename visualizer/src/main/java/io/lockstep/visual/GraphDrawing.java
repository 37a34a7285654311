package io.lockstep.visual;

import java.awt.image.BufferedImage;

/**
 * Draws the nodes and edges of a {@link Placement} (no title, no legend) into an image of the placement's size.
 * The one seam between Lockstep and a graph-drawing library: {@link GraphStreamDrawing} is the default, and the
 * rest of the visualizer never sees GraphStream types, so the library can be replaced.
 */
@FunctionalInterface
public interface GraphDrawing {
    /** An ARGB or RGB image of exactly {@code placement.width() x placement.height()} pixels. */
    BufferedImage draw(Placement placement);
}
