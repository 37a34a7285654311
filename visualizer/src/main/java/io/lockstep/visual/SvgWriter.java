package io.lockstep.visual;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a framed {@link Placement} as a standalone SVG 1.1 document (well-formed XML, text escaped). */
final class SvgWriter {
    private SvgWriter() {
    }

    static String write(Placement p, Frame frame, int width, int height) {
        return write(p, frame, width, height, false);
    }

    /**
     * The picture as SVG; {@code inline} leaves out the XML declaration and adds {@code class="picture"}, for an
     * {@code <svg>} element inside an HTML page (which scales it by CSS).
     */
    static String write(Placement p, Frame frame, int width, int height, boolean inline) {
        StringBuilder s = new StringBuilder(64 + 200 * p.nodes().size() + 80 * p.scene().edges().size());
        if (!inline) {
            s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"%s width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"DejaVu Sans, Arial, sans-serif\">\n", inline ? " class=\"picture\" role=\"img\"" : "",
                width, height, width, height));
        s.append("<title>").append(xml(p.scene().title())).append("</title>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"18\" font-weight=\"bold\" fill=\"%s\">%s</text>\n",
                SceneRenderer.PAD, SceneRenderer.TITLE_HEIGHT / 2 + 6, Palette.hex(Palette.TEXT), xml(p.scene().title())));
        s.append(String.format(Locale.ROOT, "<g transform=\"translate(0,%d)\">\n", SceneRenderer.TITLE_HEIGHT));
        Map<String, Integer> index = p.scene().indexById();
        // one path per edge kind and stroke width ("M x y L x y" per edge): a third of the bytes of <line> elements
        s.append("<g class=\"edges\" stroke-opacity=\"0.8\" fill=\"none\">\n");
        for (EdgeKind kind : EdgeKind.values()) {
            Map<Double, StringBuilder> byWidth = new TreeMap<>();
            for (SceneEdge e : p.scene().edges()) {
                int a = index.get(e.source()), b = index.get(e.target());
                if (a == b || e.kind() != kind) {
                    continue;
                }
                double w = switch (e.kind()) {
                    case COORDINATION -> 2.5;
                    case RETWEET -> Math.round(2 * Math.min(3, 0.8 + Math.log1p(e.weight()) / 2)) / 2.0;
                    case FOLLOW -> 0.7;
                };
                byWidth.computeIfAbsent(w, k -> new StringBuilder()).append(String.format(Locale.ROOT, "M%.0f %.0fL%.0f %.0f",
                        p.x()[a], p.y()[a], p.x()[b], p.y()[b]));
            }
            byWidth.forEach((w, d) -> s.append(String.format(Locale.ROOT, "<path class=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"%s d=\"%s\"/>\n",
                    kind.wireName(), Palette.hex(Palette.edge(kind)), w, kind == EdgeKind.FOLLOW ? " stroke-dasharray=\"3,3\"" : "", d)));
        }
        s.append("</g>\n<g class=\"nodes\">\n");
        List<SceneNode> nodes = p.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            SceneNode n = nodes.get(i);
            boolean redFill = n.suspicious() && n.community() == SceneNode.NONE;
            Color fill = redFill ? Palette.SUSPICIOUS : Palette.community(n.community());
            boolean ring = n.suspicious() && !redFill;
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\">",
                    p.x()[i], p.y()[i], p.radius()[i], Palette.hex(fill), ring ? Palette.hex(Palette.SUSPICIOUS) : "#ffffff",
                    ring ? Math.max(2, p.radius()[i] / 4) : 1.0));
            s.append("<title>").append(xml(tooltip(n))).append("</title></circle>\n");
        }
        s.append("</g>\n<g class=\"labels\" font-size=\"12\" fill=\"#212121\">\n");
        for (int i = 0; i < nodes.size(); i++) {
            if (p.labelled()[i]) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n",
                        p.x()[i] + p.radius()[i] + 3, p.y()[i] + 4, xml(AccountNames.label(nodes.get(i).label()))));
            }
        }
        s.append("</g>\n</g>\n<g class=\"legend\" font-size=\"12\">\n");
        int legendTop = height - frame.legendHeight();
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"1\" fill=\"#e0e0e0\"/>\n",
                SceneRenderer.PAD, legendTop, width - 2 * SceneRenderer.PAD));
        for (Frame.Slot slot : frame.slots()) {
            Legend.Item item = slot.item();
            int cy = slot.y() + SceneRenderer.LEGEND_ROW / 2;
            int x = slot.x();
            switch (item.shape()) {
                case DISC -> s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\"/>\n", x + 6, cy, Palette.hex(item.color())));
                case RING -> s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"3\"/>\n",
                        x + 6, cy, Palette.hex(Palette.NO_COMMUNITY), Palette.hex(item.color())));
                case LINE -> s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
                        x - 2, cy, x + 14, cy, Palette.hex(item.color()), item.strokeWidth()));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#212121\">%s</text>\n", x + Frame.SWATCH, cy + 4, xml(item.text())));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#616161\">%s</text>\n",
                SceneRenderer.PAD, frame.captionY() + SceneRenderer.LEGEND_ROW / 2 + 4, xml(frame.legend().caption())));
        s.append("</g>\n</svg>\n");
        return s.toString();
    }

    /**
     * The tooltip of a node: its name, the full id when the name is not the id, and for accounts with a verdict the
     * score, cluster and signals.
     */
    static String tooltip(SceneNode n) {
        StringBuilder t = new StringBuilder(AccountNames.label(n.label()));
        boolean aggregate = n.id().startsWith(OverviewBuilder.COMMUNITY_PREFIX) || n.id().startsWith(OverviewBuilder.CLUSTER_PREFIX);
        if (!aggregate && !AccountNames.label(n.label()).equals(n.id())) {
            t.append(" (id ").append(n.id()).append(')');
        }
        if (n.score() > 0 || n.suspicious()) {
            t.append(String.format(Locale.ROOT, "\nscore %.2f%s", n.score(), n.suspicious() ? ", suspicious" : ""));
        }
        if (n.cluster() != SceneNode.NONE && !aggregate) {
            t.append(", cluster ").append(n.cluster());
        }
        if (!n.signals().isEmpty()) {
            t.append("\nsignals: ").append(String.join(", ", n.signals()));
        }
        if (aggregate && !n.evidence().isEmpty()) {
            t.append('\n').append(n.evidence().get(0));
        }
        return t.toString();
    }

    /** Escapes text for XML content and attributes; drops characters XML 1.0 forbids. */
    static String xml(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            b.append(c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }
}
