package io.lockstep.visual.layout;

import java.util.Arrays;

/**
 * Removes overlaps between discs after a layout, in the spirit of Gephi's "Noverlap": repeated passes over a
 * uniform grid (cell = largest diameter plus the gap) push every overlapping pair apart along the line of their
 * centres, half each. O(n) per pass for discs of similar size. Deterministic.
 */
public final class Overlaps {
    private Overlaps() {
    }

    /**
     * Moves discs ({@code x}, {@code y}, {@code r}) in place until no two are closer than {@code r1 + r2 + gap}, or
     * {@code maxPasses} passes were made, keeping centres inside [minX, maxX] × [minY, maxY].
     *
     * @return the number of overlapping pairs left (0 when solved)
     */
    public static int remove(double[] x, double[] y, double[] r, double gap, int maxPasses,
                             double minX, double minY, double maxX, double maxY) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double maxR = 0;
        for (double v : r) {
            maxR = Math.max(maxR, v);
        }
        double cell = Math.max(2 * maxR + gap, 1e-6);
        int left = 0;
        for (int pass = 0; pass < maxPasses; pass++) {
            left = 0;
            double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                x0 = Math.min(x0, x[i]);
                y0 = Math.min(y0, y[i]);
                x1 = Math.max(x1, x[i]);
                y1 = Math.max(y1, y[i]);
            }
            int cols = (int) Math.min(4096, Math.floor((x1 - x0) / cell) + 1);
            int rows = (int) Math.min(4096, Math.floor((y1 - y0) / cell) + 1);
            double cw = Math.max((x1 - x0) / cols, 1e-9) * 1.000001, ch = Math.max((y1 - y0) / rows, 1e-9) * 1.000001;
            int[] head = new int[cols * rows];
            Arrays.fill(head, -1);
            int[] next = new int[n];
            int[] cx = new int[n], cy = new int[n];
            for (int i = 0; i < n; i++) {
                cx[i] = Math.min(cols - 1, (int) ((x[i] - x0) / cw));
                cy[i] = Math.min(rows - 1, (int) ((y[i] - y0) / ch));
                int c = cy[i] * cols + cx[i];
                next[i] = head[c];
                head[c] = i;
            }
            int reach = (int) Math.ceil(cell / Math.min(cw, ch));
            for (int i = 0; i < n; i++) {
                for (int gy = Math.max(0, cy[i] - reach); gy <= Math.min(rows - 1, cy[i] + reach); gy++) {
                    for (int gx = Math.max(0, cx[i] - reach); gx <= Math.min(cols - 1, cx[i] + reach); gx++) {
                        for (int j = head[gy * cols + gx]; j >= 0; j = next[j]) {
                            if (j <= i) {
                                continue;
                            }
                            double dx = x[j] - x[i], dy = y[j] - y[i];
                            double want = r[i] + r[j] + gap;
                            double d2 = dx * dx + dy * dy;
                            if (d2 >= want * want) {
                                continue;
                            }
                            left++;
                            double d = Math.sqrt(d2);
                            if (d < 1e-9) {
                                double a = ((i * 31 + j) % 360) * Math.PI / 180;
                                dx = Math.cos(a);
                                dy = Math.sin(a);
                                d = 1;
                                d2 = 1;
                                double push = want / 2;
                                x[i] -= dx * push;
                                y[i] -= dy * push;
                                x[j] += dx * push;
                                y[j] += dy * push;
                                continue;
                            }
                            double push = (want - d) / 2 / d;
                            x[i] -= dx * push;
                            y[i] -= dy * push;
                            x[j] += dx * push;
                            y[j] += dy * push;
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = Math.max(minX, Math.min(maxX, x[i]));
                y[i] = Math.max(minY, Math.min(maxY, y[i]));
            }
            if (left == 0) {
                break;
            }
        }
        return left;
    }
}
