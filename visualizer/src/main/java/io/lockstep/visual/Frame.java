package io.lockstep.visual;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/** Where title, graph and legend items go in a picture; computed once so that PNG and SVG agree. */
record Frame(Legend legend, List<Slot> slots, int legendHeight, int captionY, int graphHeight) {
    static final int SWATCH = 18;
    static final int GAP = 18;

    record Slot(Legend.Item item, int x, int y) {
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(SceneRenderer.LEGEND_FONT);
        } finally {
            g.dispose();
        }
    }

    static Frame of(Scene scene, int width, int height) {
        Legend legend = Legend.of(scene);
        FontMetrics fm = metrics();
        List<int[]> pos = new ArrayList<>();
        int x = SceneRenderer.PAD, row = 0;
        for (Legend.Item item : legend.items()) {
            int w = SWATCH + fm.stringWidth(item.text()) + GAP;
            if (x > SceneRenderer.PAD && x + w > width - SceneRenderer.PAD) {
                row++;
                x = SceneRenderer.PAD;
            }
            pos.add(new int[]{x, row});
            x += w;
        }
        int rows = legend.items().isEmpty() ? 0 : row + 1;
        int legendHeight = (rows + 1) * SceneRenderer.LEGEND_ROW + 8;
        int graphHeight = height - SceneRenderer.TITLE_HEIGHT - legendHeight;
        if (graphHeight < 50) {
            throw new IllegalArgumentException("picture " + width + "x" + height + " is too small for its title and legend");
        }
        int top = height - legendHeight + 4;
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < pos.size(); i++) {
            slots.add(new Slot(legend.items().get(i), pos.get(i)[0], top + pos.get(i)[1] * SceneRenderer.LEGEND_ROW));
        }
        return new Frame(legend, slots, legendHeight, top + rows * SceneRenderer.LEGEND_ROW, graphHeight);
    }
}
