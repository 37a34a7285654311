package io.lockstep.visual;

import io.lockstep.visual.layout.ForceAtlas2;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Renders a {@link Scene} to a picture with a title band on top and a legend band at the bottom: PNG (graph drawn
 * by a {@link GraphDrawing}, by default GraphStream, framed with Java2D) or SVG (written directly from the same
 * {@link Placement}, because GraphStream's SVG output differs from its raster output). Works with
 * {@code java.awt.headless=true}. Thread-safe: one renderer may draw several scenes at once, and a scene's picture is
 * the same whichever thread draws it (its layout is seeded by the scene, the cache of layouts is locked, the drawing
 * keeps no state).
 */
public final class SceneRenderer {
    /** A picture's width in pixels where no other is asked for: analyze's overview, render's, the viewer's SVG. */
    public static final int WIDTH = 1600;
    /** A picture's height in pixels where no other is asked for (with {@link #WIDTH}). */
    public static final int HEIGHT = 1000;
    static final int TITLE_HEIGHT = 44;
    static final int LEGEND_ROW = 22;
    static final int PAD = 12;
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final GraphDrawing drawing;
    private final Function<Scene, SceneLayout> layouts;
    /**
     * The layouts of the scenes drawn last, by identity: a scene drawn again (the report embeds the pictures it
     * also writes as files, at other sizes) is laid out once.
     */
    private final Map<Scene, ForceAtlas2.Positions> laidOut = new IdentityHashMap<>();
    private static final int REMEMBERED = 64;

    /** GraphStream drawing and {@link SceneLayout#forScene} layouts. */
    public SceneRenderer() {
        this(new GraphStreamDrawing(), SceneLayout::forScene);
    }

    public SceneRenderer(GraphDrawing drawing, Function<Scene, SceneLayout> layouts) {
        this.drawing = Objects.requireNonNull(drawing, "drawing");
        this.layouts = Objects.requireNonNull(layouts, "layouts");
    }

    /** Writes {@code scene} as a {@code width x height} PNG to {@code out}. */
    public void renderPng(Scene scene, Path out, int width, int height) {
        BufferedImage image = renderImage(scene, width, height);
        try {
            Canvas.writePng(image, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code scene} as a {@code width x height} SVG document to {@code out}. */
    public void renderSvg(Scene scene, Path out, int width, int height) {
        String svg = renderSvgString(scene, width, height);
        try {
            createParent(out);
            Files.writeString(out, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** PNG or SVG by the file's extension ({@code .png} or {@code .svg}). */
    public void render(Scene scene, Path out, int width, int height) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            renderPng(scene, out, width, height);
        } else if (name.endsWith(".svg")) {
            renderSvg(scene, out, width, height);
        } else {
            throw new IllegalArgumentException("output must end in .png or .svg: " + out);
        }
    }

    /** The framed picture as an RGB image. */
    public BufferedImage renderImage(Scene scene, int width, int height) {
        Frame frame = Frame.of(scene, width, height);
        Placement placement = place(scene, width, frame.graphHeight());
        BufferedImage graph = drawing.draw(placement);
        BufferedImage image = Canvas.blank(width, height);
        Graphics2D g = Canvas.begin(image);
        try {
            g.drawImage(graph, 0, TITLE_HEIGHT, null);
            drawTitle(g, scene.title(), width);
            drawLegend(g, frame, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The framed picture as an SVG document. */
    public String renderSvgString(Scene scene, int width, int height) {
        Frame frame = Frame.of(scene, width, height);
        Placement placement = place(scene, width, frame.graphHeight());
        return SvgWriter.write(placement, frame, width, height);
    }

    private Placement place(Scene scene, int width, int height) {
        SceneLayout layout = layouts.apply(scene);
        ForceAtlas2.Positions positions;
        synchronized (laidOut) {
            positions = laidOut.get(scene);
        }
        if (positions == null) {
            positions = layout.positions(scene);
            synchronized (laidOut) {
                if (laidOut.size() >= REMEMBERED) {
                    laidOut.clear();
                }
                laidOut.put(scene, positions);
            }
        }
        return layout.place(scene, width, height, positions);
    }

    /**
     * The framed picture as an {@code <svg>} element to put inside an HTML page: no XML declaration, a tooltip per
     * node (name, full id, score, signals), scaled by the page's CSS.
     */
    public String renderInlineSvg(Scene scene, int width, int height) {
        Frame frame = Frame.of(scene, width, height);
        Placement placement = place(scene, width, frame.graphHeight());
        return SvgWriter.write(placement, frame, width, height, true);
    }

    private static void drawTitle(Graphics2D g, String title, int width) {
        g.setColor(Palette.TEXT);
        g.setFont(TITLE_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(fit(title, fm, width - 2 * PAD), PAD, (TITLE_HEIGHT + fm.getAscent() - fm.getDescent()) / 2);
        g.setColor(new Color(0xE0E0E0));
        g.fillRect(PAD, TITLE_HEIGHT - 2, width - 2 * PAD, 1);
    }

    private static void drawLegend(Graphics2D g, Frame frame, int width, int height) {
        int top = height - frame.legendHeight();
        g.setColor(new Color(0xE0E0E0));
        g.fillRect(PAD, top, width - 2 * PAD, 1);
        g.setFont(LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (Frame.Slot slot : frame.slots()) {
            Legend.Item item = slot.item();
            int cy = slot.y() + LEGEND_ROW / 2;
            int x = slot.x();
            g.setColor(item.color());
            switch (item.shape()) {
                case DISC -> g.fillOval(x, cy - 6, 12, 12);
                case RING -> {
                    g.setColor(Palette.NO_COMMUNITY);
                    g.fillOval(x, cy - 6, 12, 12);
                    g.setColor(item.color());
                    g.setStroke(new BasicStroke(3f));
                    g.drawOval(x, cy - 6, 12, 12);
                }
                case LINE -> {
                    g.setStroke(new BasicStroke((float) item.strokeWidth()));
                    g.drawLine(x - 2, cy, x + 14, cy);
                }
            }
            g.setColor(Palette.TEXT);
            g.drawString(item.text(), x + Frame.SWATCH, cy + (fm.getAscent() - fm.getDescent()) / 2);
        }
        g.setColor(new Color(0x616161));
        g.drawString(frame.legend().caption(), PAD, frame.captionY() + (fm.getAscent() - fm.getDescent()) / 2 + LEGEND_ROW / 2);
    }

    static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
