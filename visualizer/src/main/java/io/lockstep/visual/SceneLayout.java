package io.lockstep.visual;

import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.visual.layout.ForceAtlas2;
import io.lockstep.visual.layout.Overlaps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Places a {@link Scene} in a pixel box: ForceAtlas2 positions (coordination edges pull three times harder than the
 * others so that clusters stay together), scaled to fit with a margin, node radii from the size metric (square root,
 * so that area follows the metric), overlaps removed, and labels kept for the largest nodes whose labels do not
 * overlap (at most {@link #MAX_LABELS}), so that text stays readable. Labels follow {@link AccountNames#label}.
 */
public final class SceneLayout {
    /** At most this many labels in a picture: the largest nodes whose labels do not overlap. */
    public static final int MAX_LABELS = 40;

    private final ForceAtlas2.Params params;

    public SceneLayout(ForceAtlas2.Params params) {
        this.params = params;
    }

    /** Default parameters: more iterations for small scenes, fewer for large ones. */
    public static SceneLayout forScene(Scene scene) {
        int n = scene.nodes().size();
        int iterations = n <= 500 ? 600 : n <= 5000 ? 300 : 150;
        ForceAtlas2.Params params = ForceAtlas2.Params.defaults().withIterations(iterations);
        if (n <= 60) {
            // few nodes (overviews, small clusters): strong gravity keeps weakly linked nodes from drifting off
            params = params.withGravity(0.2, true);
        }
        return new SceneLayout(params);
    }

    /** The weighted undirected graph ForceAtlas2 sees for {@code scene} (node i = {@code scene.nodes().get(i)}). */
    public static CompactGraph graphOf(Scene scene) {
        Map<String, Integer> index = scene.indexById();
        CompactGraphBuilder b = new CompactGraphBuilder(scene.nodes().size());
        for (SceneEdge e : scene.edges()) {
            int u = index.get(e.source()), v = index.get(e.target());
            if (u == v) {
                continue;
            }
            double w = switch (e.kind()) {
                case COORDINATION -> 3.0;
                case RETWEET -> 1.0 + Math.log1p(e.weight());
                case FOLLOW -> 0.5;
            };
            b.addEdge(u, v, w);
        }
        return b.build();
    }

    /** Rotates the points about their centroid so that their main axis is horizontal (or vertical). */
    static void alignPrincipalAxis(double[] x, double[] y, boolean horizontal) {
        int n = x.length;
        if (n < 2) {
            return;
        }
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy) - (horizontal ? 0 : Math.PI / 2);
        double c = Math.cos(-angle), sn = Math.sin(-angle);
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            x[i] = mx + dx * c - dy * sn;
            y[i] = my + dx * sn + dy * c;
        }
    }

    /** Approximate advance of one label character at the 12 px label font, and the label box height, in pixels. */
    static final double LABEL_CHAR_W = 7.6, LABEL_H = 15.0;

    /**
     * Which nodes get a label at {@code zoom} (1 = one graph unit per pixel) so that no two labels overlap: nodes in
     * decreasing size (the most central first), each label a box right of its disc; a label is taken when its box
     * meets no box taken before (nor one of {@code taken}, labels already shown at a lower zoom) and ends inside
     * {@code width}; at most {@code max} new labels.
     */
    static boolean[] labelsWithoutOverlap(List<SceneNode> nodes, double[] x, double[] y, double[] r, double zoom, int max,
                                          boolean[] taken, double width) {
        int n = nodes.size();
        boolean[] out = new boolean[n];
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -nodes.get(i).size()).thenComparing(i -> nodes.get(i).id()))
                .mapToInt(Integer::intValue).toArray();
        double[][] boxes = new double[n][];
        List<double[]> placed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boxes[i] = labelBox(nodes.get(i), x[i], y[i], r[i], zoom);
            if (taken[i]) {
                placed.add(boxes[i]);
            }
        }
        int count = 0;
        for (int i : order) {
            if (count == max) {
                break;
            }
            double[] b = boxes[i];
            if (taken[i] || b[2] > width) {
                continue;
            }
            boolean free = true;
            for (double[] o : placed) {
                if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) {
                    free = false;
                    break;
                }
            }
            if (free) {
                placed.add(b);
                out[i] = true;
                count++;
            }
        }
        return out;
    }

    private static double[] labelBox(SceneNode node, double x, double y, double r, double zoom) {
        double w = (LABEL_CHAR_W * AccountNames.label(node.label()).length() + 4) / zoom;
        double left = x + r + 3 / zoom;
        return new double[] {left, y - LABEL_H / 2 / zoom, left + w, y + LABEL_H / 2 / zoom};
    }

    public Placement place(Scene scene, int width, int height) {
        return place(scene, width, height, positions(scene));
    }

    /** The ForceAtlas2 positions of {@code scene}'s nodes, before fitting: the costly part of {@link #place}. */
    public ForceAtlas2.Positions positions(Scene scene) {
        if (scene.nodes().isEmpty()) {
            return new ForceAtlas2.Positions(new double[0], new double[0]);
        }
        return new ForceAtlas2(params).layout(graphOf(scene), ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    /**
     * Fits {@code layout} (from {@link #positions} of this scene; left unchanged) into a {@code width x height}
     * box, so that one layout serves pictures of several sizes.
     */
    public Placement place(Scene scene, int width, int height, ForceAtlas2.Positions layout) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("picture must be at least 50x50 pixels, was " + width + "x" + height);
        }
        List<SceneNode> nodes = scene.nodes();
        int n = nodes.size();
        double[] px = new double[n], py = new double[n], r = new double[n];
        boolean[] labelled = new boolean[n];
        if (n == 0) {
            return new Placement(scene, width, height, px, py, r, labelled);
        }
        if (layout.x().length != n) {
            throw new IllegalArgumentException("layout has " + layout.x().length + " positions for " + n + " nodes");
        }
        ForceAtlas2.Positions pos = new ForceAtlas2.Positions(layout.x().clone(), layout.y().clone());

        double minSide = Math.min(width, height);
        double rMax = Math.max(5, Math.min(minSide / 28, 0.3 * minSide / Math.sqrt(n)));
        double rMin = Math.max(2, rMax / 4);
        double maxSize = nodes.stream().mapToDouble(SceneNode::size).max().orElse(0);
        for (int i = 0; i < n; i++) {
            double s = maxSize > 0 ? Math.sqrt(nodes.get(i).size() / maxSize) : 0.5;
            r[i] = rMin + (rMax - rMin) * s;
        }
        // label room on the right of nodes is not reserved; keep a margin for the largest disc and some text
        double margin = rMax + 6;
        int longest = 0;
        for (int i = 0; i < n; i++) {
            if (n <= MAX_LABELS || nodes.get(i).size() > 0) {
                longest = Math.max(longest, AccountNames.label(nodes.get(i).label()).length());
            }
        }
        double labelRoom = Math.min(width / 5.0, 7.0 * Math.min(longest, 28) + 8);
        double x0 = margin, x1 = width - margin - labelRoom, y0 = margin, y1 = height - margin;
        alignPrincipalAxis(pos.x(), pos.y(), width >= height);
        double minX = Arrays.stream(pos.x()).min().orElse(0), maxX = Arrays.stream(pos.x()).max().orElse(0);
        double minY = Arrays.stream(pos.y()).min().orElse(0), maxY = Arrays.stream(pos.y()).max().orElse(0);
        double sx = maxX > minX ? (x1 - x0) / (maxX - minX) : 0, sy = maxY > minY ? (y1 - y0) / (maxY - minY) : 0;
        // fill the box: the shorter-scaled axis may stretch up to 1.5 times the other one
        double s = Math.min(sx, sy);
        double scaleX = sx == 0 ? s : Math.min(sx, 1.5 * s), scaleY = sy == 0 ? s : Math.min(sy, 1.5 * s);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, mx = (minX + maxX) / 2, my = (minY + maxY) / 2;
        for (int i = 0; i < n; i++) {
            px[i] = cx + (pos.x()[i] - mx) * scaleX;
            py[i] = cy + (pos.y()[i] - my) * scaleY;
        }
        Overlaps.remove(px, py, r, n <= 200 ? 8.0 : 1.5, n <= 2000 ? 200 : 50, x0, y0, x1, y1);

        boolean[] chosen = labelsWithoutOverlap(nodes, px, py, r, 1.0, MAX_LABELS, new boolean[n], width);
        System.arraycopy(chosen, 0, labelled, 0, n);
        return new Placement(scene, width, height, px, py, r, labelled);
    }
}
