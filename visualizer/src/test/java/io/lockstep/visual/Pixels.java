package io.lockstep.visual;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Pixel counting helpers for image assertions. */
final class Pixels {
    private Pixels() {
    }

    /** Pixels within {@code tolerance} (per channel) of {@code c} in the rectangle. */
    static int count(BufferedImage img, Color c, int tolerance, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.abs(r - c.getRed()) <= tolerance && Math.abs(g - c.getGreen()) <= tolerance && Math.abs(b - c.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    static int count(BufferedImage img, Color c, int tolerance) {
        return count(img, c, tolerance, 0, 0, img.getWidth(), img.getHeight());
    }

    /** Pixels that are not (near) white. */
    static int nonWhite(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 245 || ((rgb >> 8) & 0xff) < 245 || (rgb & 0xff) < 245) {
                    n++;
                }
            }
        }
        return n;
    }
}
