package io.lockstep.visual;

import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.stream.file.FileSinkImages;
import org.graphstream.stream.file.images.CustomResolution;
import org.graphstream.ui.graphicGraph.stylesheet.StyleConstants;
import org.graphstream.ui.swing.util.FontCache;
import org.graphstream.ui.swing.util.SwingFileSinkImages;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@link GraphDrawing} with GraphStream 2.0's {@code FileSinkImages} (Swing renderer), which works headless.
 * Labels follow {@link AccountNames#label}. Positions come from our own layout as {@code xyz} attributes; GraphStream's layout is switched off
 * ({@code NO_LAYOUT}). The camera fits the graph's bounds; two hidden anchor nodes at the corners of the pixel box
 * make those bounds the box, so that one graph unit is one pixel ({@code setGraphViewport} with autofit off did
 * not map the box onto the image in GraphStream 2.0).
 *
 * <p>Work-arounds for GraphStream 2.0: {@code outputNewImage} throws a NullPointerException unless {@code begin} or
 * {@code writeAll} ran first, so we only use {@code writeAll(graph, file)}, with the sink's {@code writeImage}
 * overridden to keep the rendered image instead of encoding it as a file (no PNG written and read back).
 * GraphStream's y axis points up, ours down, so y is flipped. Styles come from
 * one style sheet with classes ({@code ui.class}) and per-node sizes ({@code ui.size}): per-element {@code ui.style}
 * creates one style group per element and made a 5,000-node picture take many seconds.
 */
public final class GraphStreamDrawing implements GraphDrawing {
    /** The text size of every label in {@link #styleSheet()}. */
    static final int TEXT_SIZE = 12;

    static {
        System.setProperty("org.graphstream.ui", "swing");
        // GraphStream's Swing renderer keeps its fonts in a static HashMap filled on first use without a lock. Pictures
        // carry no GraphStream label (drawLabels draws them), but the viewer's do: filled here, once (class
        // initialisation is serialised), with the font the style sheet asks for in each style, the map is only read
        // later, whichever threads draw.
        for (StyleConstants.TextStyle style : new StyleConstants.TextStyle[] {StyleConstants.TextStyle.NORMAL,
                StyleConstants.TextStyle.BOLD}) {
            FontCache.getFont("default", style, TEXT_SIZE);
        }
    }

    @Override
    public BufferedImage draw(Placement p) {
        Graph graph = toGraph(p, false, false);
        KeptImage sink = new KeptImage(new CustomResolution(p.width(), p.height()));
        sink.setLayoutPolicy(FileSinkImages.LayoutPolicy.NO_LAYOUT);
        sink.setQuality(FileSinkImages.Quality.HIGH);
        sink.setAutofit(true);
        sink.setStyleSheet(styleSheet());
        try {
            // the name is never written to: KeptImage keeps the picture
            sink.writeAll(graph, "lockstep-graphstream.png");
        } catch (IOException e) {
            throw new UncheckedIOException("GraphStream rendering failed: " + e.getMessage(), e);
        }
        if (sink.image() == null) {
            throw new UncheckedIOException(new IOException("GraphStream rendered no image"));
        }
        BufferedImage image = sink.image();
        drawLabels(image, p);
        return image;
    }

    /** The labels' font: GraphStream's "default" family, which Java maps to its logical Dialog font. */
    static final Font LABEL_FONT = new Font(Font.DIALOG, Font.PLAIN, TEXT_SIZE);

    /**
     * The placement's labels, drawn over the graph in node order as the style sheet describes them (at the node's
     * right, 3 px away, on a rounded white box at 80 % opacity, 1 px of padding). GraphStream draws a label with its
     * node's style group, and the groups of one z-index in an order that changes from run to run, so a label over a
     * node of another group came out above it in one run and beneath it in the next; drawn here, after every node,
     * the picture is the same in every run.
     */
    static void drawLabels(BufferedImage image, Placement p) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(LABEL_FONT);
            FontMetrics fm = g.getFontMetrics();
            List<SceneNode> nodes = p.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                if (!p.labelled()[i]) {
                    continue;
                }
                String text = AccountNames.label(nodes.get(i).label());
                double left = p.x()[i] + p.radius()[i] + 3;
                double baseline = p.y()[i] + (fm.getAscent() - fm.getDescent()) / 2.0;
                g.setColor(LABEL_BOX);
                g.fill(new RoundRectangle2D.Double(left - 1, baseline - fm.getAscent() - 1,
                        fm.stringWidth(text) + 2, fm.getAscent() + fm.getDescent() + 2, 6, 6));
                g.setColor(LABEL_TEXT);
                g.drawString(text, (float) left, (float) baseline);
            }
        } finally {
            g.dispose();
        }
    }

    private static final Color LABEL_BOX = new Color(0xff, 0xff, 0xff, 0xcc);
    private static final Color LABEL_TEXT = new Color(0x21, 0x21, 0x21);

    /** GraphStream's image sink with its one output kept in memory rather than written to a file. */
    private static final class KeptImage extends SwingFileSinkImages {
        private BufferedImage kept;

        KeptImage(CustomResolution resolution) {
            super(FileSinkImages.OutputType.PNG, resolution);
        }

        @Override
        protected void writeImage(BufferedImage image, String filename) {
            kept = image;
        }

        BufferedImage image() {
            return kept;
        }
    }

    /** z-index of the nodes without a class of their own (no community, not suspicious). */
    static final int NODE_Z = 4;

    /**
     * The style sheet: one class per community colour and per suspicious community colour, red cluster nodes, one
     * class per edge kind. GraphStream draws the style groups that share a z-index in an order that changes from
     * run to run, so every class a picture can overlap has a z-index of its own: follow, retweet and coordination
     * edges in that order (evidence on top), then nodes, the suspicious above the others. Sharing one, edges of two
     * kinds, and nodes of two communities where they touch, came out in a different order in each run.
     */
    static String styleSheet() {
        StringBuilder css = new StringBuilder();
        int colours = Palette.communityColours();
        css.append("graph { fill-color: white; padding: 0px; }\n");
        css.append("node { size-mode: dyn-size; size: 8px; fill-color: ").append(Palette.hex(Palette.NO_COMMUNITY))
                .append("; stroke-mode: plain; stroke-color: #ffffff; stroke-width: 1px; text-alignment: at-right; "
                        + "text-size: " + TEXT_SIZE + "; text-color: #212121; text-offset: 3px, 0px; text-background-mode: rounded-box; "
                        + "text-background-color: #ffffffcc; text-padding: 1px; z-index: " + NODE_Z + "; }\n");
        String red = Palette.hex(Palette.SUSPICIOUS);
        for (int c = 0; c < colours; c++) {
            String fill = Palette.hex(Palette.community(c));
            css.append("node.c").append(c).append(" { fill-color: ").append(fill).append("; z-index: ")
                    .append(NODE_Z + 1 + c).append("; }\n");
            css.append("node.s").append(c).append(" { fill-color: ").append(fill).append("; stroke-color: ").append(red)
                    .append("; stroke-width: 3px; z-index: ").append(NODE_Z + 1 + colours + c).append("; }\n");
        }
        css.append("node.suspicious { stroke-color: ").append(red).append("; stroke-width: 3px; z-index: ")
                .append(NODE_Z + 1 + 2 * colours).append("; }\n");
        css.append("node.redcluster { fill-color: ").append(red).append("; stroke-color: #ffffff; stroke-width: 1px; "
                + "z-index: ").append(NODE_Z + 2 + 2 * colours).append("; }\n");
        css.append("node.anchor { size-mode: normal; size: 0px; fill-mode: none; stroke-mode: none; visibility-mode: hidden; }\n");
        for (int t = 1; t < ZOOM_TIERS.length; t++) {
            // GraphStream's zoom is the visible share of the graph: 1 / magnification
            css.append("node.zoom").append(t).append(" { text-visibility-mode: under-zoom; text-visibility: ")
                    .append(String.format(Locale.ROOT, "%.3f", 1.0 / ZOOM_TIERS[t])).append("; }\n");
        }
        css.append("node:selected { stroke-color: #212121; stroke-width: 4px; text-style: bold; }\n");
        css.append("edge { z-index: 1; }\n");
        css.append("edge.follow { fill-color: ").append(Palette.hex(Palette.FOLLOW)).append("a0; size: 0.7px; z-index: 1; }\n");
        css.append("edge.retweet { fill-color: ").append(Palette.hex(Palette.RETWEET)).append("b0; size: 1px; z-index: 2; }\n");
        css.append("edge.coordination { fill-color: ").append(Palette.hex(Palette.COORDINATION)).append("; size: 2.5px; z-index: 3; }\n");
        return css.toString();
    }

    /**
     * The style class of a node (see {@link #styleSheet()}): {@code c}k for community colour k, {@code s}k for a
     * suspicious account of community colour k, {@code redcluster} for a suspicious account outside every community
     * (a cluster node of the overview), {@code suspicious} for one of no known community.
     */
    static String nodeClass(SceneNode n) {
        if (n.suspicious() && n.community() == SceneNode.NONE) {
            return "redcluster";
        }
        if (n.community() < 0) {
            return n.suspicious() ? "suspicious" : "";
        }
        return (n.suspicious() ? "s" : "c") + (n.community() % Palette.communityColours());
    }

    /**
     * A GraphStream graph with positions, labels and style classes for {@code p}. Labels are always shown for the
     * placement's labelled nodes; with {@code zoomLabels}, other nodes get a label that appears at the first
     * magnification of {@link #ZOOM_TIERS} where it overlaps no label shown before.
     * Also used by the viewer.
     */
    static Graph toGraph(Placement p, boolean zoomLabels) {
        return toGraph(p, zoomLabels, true);
    }

    /** As {@link #toGraph(Placement, boolean)}; without {@code labels}, no node carries a label (the caller draws them). */
    static Graph toGraph(Placement p, boolean zoomLabels, boolean labels) {
        Graph graph = new MultiGraph("lockstep", false, false, Math.max(16, p.nodes().size() + 2), Math.max(16, p.scene().edges().size()));
        graph.setAttribute("ui.stylesheet", styleSheet());
        if (p.nodes().size() <= 3000) { // anti-aliasing costs seconds on large pictures
            graph.setAttribute("ui.quality");
            graph.setAttribute("ui.antialias");
        }
        List<SceneNode> nodes = p.nodes();
        // the viewer shows more labels as one zooms in: at 2x, 4x and 8x the labels that still fit without overlap
        int[] tier = new int[nodes.size()];
        if (zoomLabels) {
            boolean[] shown = p.labelled().clone();
            for (int t = 1; t < ZOOM_TIERS.length; t++) {
                boolean[] more = SceneLayout.labelsWithoutOverlap(nodes, p.x(), p.y(), p.radius(), ZOOM_TIERS[t],
                        Integer.MAX_VALUE, shown, Double.MAX_VALUE);
                for (int i = 0; i < more.length; i++) {
                    if (more[i]) {
                        tier[i] = t;
                        shown[i] = true;
                    }
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            SceneNode sn = nodes.get(i);
            Node node = graph.addNode(sn.id());
            node.setAttribute("xyz", p.x()[i], p.height() - p.y()[i], 0.0);
            String cls = nodeClass(sn);
            if (p.labelled()[i] && labels) {
                node.setAttribute("ui.label", AccountNames.label(sn.label()));
            } else if (tier[i] > 0) {
                node.setAttribute("ui.label", AccountNames.label(sn.label()));
                cls = cls.isEmpty() ? "zoom" + tier[i] : cls + ", zoom" + tier[i];
            }
            if (!cls.isEmpty()) {
                node.setAttribute("ui.class", cls);
            }
            node.setAttribute("ui.size", 2 * p.radius()[i]);
        }
        for (int corner = 0; corner < 2; corner++) {
            Node anchor = graph.addNode(ANCHOR_PREFIX + corner);
            anchor.setAttribute("xyz", corner == 0 ? 0.0 : (double) p.width(), corner == 0 ? 0.0 : (double) p.height(), 0.0);
            anchor.setAttribute("ui.class", "anchor");
        }
        int k = 0;
        for (SceneEdge e : p.scene().edges()) {
            if (e.source().equals(e.target())) {
                continue;
            }
            Edge edge = graph.addEdge("e" + (k++), e.source(), e.target(), false);
            edge.setAttribute("ui.class", e.kind().wireName());
        }
        return graph;
    }

    /** Magnifications at which the viewer adds labels (tier 0: the picture's own labels). */
    static final double[] ZOOM_TIERS = {1, 2, 4, 8};

    /** Ids of the two hidden corner nodes start with this. */
    static final String ANCHOR_PREFIX = "\u0000anchor";
}
