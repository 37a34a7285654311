package io.lockstep.visual;

import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.stream.file.FileSinkImages;
import org.graphstream.ui.swing.util.SwingFileSinkImages;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link GraphDrawing} with GraphStream 2.0's {@code FileSinkImages} (Swing renderer), which works headless.
 * Positions come from our own layout as {@code xyz} attributes; GraphStream's layout is switched off
 * ({@code NO_LAYOUT}). The camera fits the graph's bounds; two hidden anchor nodes at the corners of the pixel box
 * make those bounds the box, so that one graph unit is one pixel ({@code setGraphViewport} with autofit off did
 * not map the box onto the image in GraphStream 2.0).
 *
 * <p>Work-arounds for GraphStream 2.0: {@code outputNewImage} throws a NullPointerException unless {@code begin} or
 * {@code writeAll} ran first, so we only use {@code writeAll(graph, file)}; the output goes through a temporary
 * file that is read back and deleted. GraphStream's y axis points up, ours down, so y is flipped. Styles are set
 * per element with {@code ui.style}.
 */
public final class GraphStreamDrawing implements GraphDrawing {
    static {
        System.setProperty("org.graphstream.ui", "swing");
    }

    @Override
    public BufferedImage draw(Placement p) {
        Graph graph = toGraph(p);
        FileSinkImages sink = new SwingFileSinkImages(FileSinkImages.OutputType.PNG,
                new org.graphstream.stream.file.images.CustomResolution(p.width(), p.height()));
        sink.setLayoutPolicy(FileSinkImages.LayoutPolicy.NO_LAYOUT);
        sink.setQuality(FileSinkImages.Quality.HIGH);
        sink.setAutofit(true);
        sink.setStyleSheet("graph { fill-color: white; padding: 0px; }");
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lockstep-gs", ".png");
            sink.writeAll(graph, tmp.toString());
            BufferedImage image = ImageIO.read(tmp.toFile());
            if (image == null) {
                throw new IOException("GraphStream wrote no readable PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("GraphStream rendering failed: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file; nothing to do
                }
            }
        }
    }

    /** A GraphStream graph with positions, labels and per-element styles for {@code p}. Also used by the viewer. */
    static Graph toGraph(Placement p) {
        Graph graph = new MultiGraph("lockstep", false, false, Math.max(16, p.nodes().size()), Math.max(16, p.scene().edges().size()));
        graph.setAttribute("ui.quality");
        graph.setAttribute("ui.antialias");
        List<SceneNode> nodes = p.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            SceneNode sn = nodes.get(i);
            Node node = graph.addNode(sn.id());
            node.setAttribute("xyz", p.x()[i], p.height() - p.y()[i], 0.0);
            node.setAttribute("ui.style", nodeStyle(sn, p.radius()[i]));
            if (p.labelled()[i]) {
                node.setAttribute("ui.label", sn.label());
            }
        }
        for (int corner = 0; corner < 2; corner++) {
            Node anchor = graph.addNode("\u0000anchor" + corner);
            anchor.setAttribute("xyz", corner == 0 ? 0.0 : (double) p.width(), corner == 0 ? 0.0 : (double) p.height(), 0.0);
            anchor.setAttribute("ui.style", "size: 0px; fill-mode: none; stroke-mode: none; visibility-mode: hidden;");
        }
        int k = 0;
        for (SceneEdge e : p.scene().edges()) {
            if (e.source().equals(e.target())) {
                continue;
            }
            Edge edge = graph.addEdge("e" + (k++), e.source(), e.target(), false);
            edge.setAttribute("ui.style", edgeStyle(e));
        }
        return graph;
    }

    static String nodeStyle(SceneNode n, double radius) {
        boolean redFill = n.suspicious() && n.community() == SceneNode.NONE;
        Color fill = redFill ? Palette.SUSPICIOUS : Palette.community(n.community());
        StringBuilder s = new StringBuilder();
        s.append("fill-color: ").append(Palette.hex(fill)).append("; ");
        s.append(String.format(java.util.Locale.ROOT, "size: %.1fpx; ", 2 * radius));
        if (n.suspicious() && !redFill) {
            s.append("stroke-mode: plain; stroke-color: ").append(Palette.hex(Palette.SUSPICIOUS))
                    .append(String.format(java.util.Locale.ROOT, "; stroke-width: %.1fpx; ", Math.max(2, radius / 4)));
        } else {
            s.append("stroke-mode: plain; stroke-color: #ffffff; stroke-width: 1px; ");
        }
        s.append(String.format(java.util.Locale.ROOT, "text-alignment: at-right; text-size: 12; text-color: #212121; "
                + "text-offset: %.0fpx, 0px; text-background-mode: rounded-box; text-background-color: #ffffffcc; "
                + "text-padding: 1px; text-style: normal;", 3.0));
        return s.toString();
    }

    static String edgeStyle(SceneEdge e) {
        Color c = Palette.edge(e.kind());
        double width = switch (e.kind()) {
            case COORDINATION -> 2.5;
            case RETWEET -> Math.min(3, 0.8 + Math.log1p(e.weight()) / 2);
            case FOLLOW -> 0.7;
        };
        return String.format(java.util.Locale.ROOT, "fill-color: %s; size: %.1fpx;", Palette.hex(c) + (e.kind() == EdgeKind.FOLLOW ? "aa" : e.kind() == EdgeKind.RETWEET ? "cc" : ""), width);
    }
}
