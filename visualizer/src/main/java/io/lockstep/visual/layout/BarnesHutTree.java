package io.lockstep.visual.layout;

import java.util.Arrays;

/**
 * A quadtree over weighted points (Barnes and Hut 1986, doi:10.1038/324446a0), built in O(n log n) by in-place
 * partitioning of an index permutation, stored in primitive arrays. Leaves hold a run of the permutation (one point,
 * or several when they coincide or the depth limit is reached). Read-only after construction, so many threads may
 * query it at once.
 */
final class BarnesHutTree {
    private static final int MAX_DEPTH = 40;

    private final double[] x;
    private final double[] y;
    private final double[] mass;
    final int[] perm;

    // per cell
    private int cells;
    private double[] size;      // side length of the square cell
    private double[] cellMass;
    private double[] comX;
    private double[] comY;
    private int[] child;        // 4 per cell, -1 when absent; all -1 for a leaf
    private int[] lo;
    private int[] hi;

    BarnesHutTree(double[] x, double[] y, double[] mass, int n) {
        this.x = x;
        this.y = y;
        this.mass = mass;
        this.perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int capacity = Math.max(16, 2 * n + 8);
        size = new double[capacity];
        cellMass = new double[capacity];
        comX = new double[capacity];
        comY = new double[capacity];
        lo = new int[capacity];
        hi = new int[capacity];
        child = new int[4 * capacity];
        if (n == 0) {
            return;
        }
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double side = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9) * 1.000001;
        build(minX, minY, side, 0, n, 0);
    }

    private int newCell() {
        if (cells == size.length) {
            int cap = cells * 2;
            size = Arrays.copyOf(size, cap);
            cellMass = Arrays.copyOf(cellMass, cap);
            comX = Arrays.copyOf(comX, cap);
            comY = Arrays.copyOf(comY, cap);
            lo = Arrays.copyOf(lo, cap);
            hi = Arrays.copyOf(hi, cap);
            child = Arrays.copyOf(child, 4 * cap);
        }
        return cells++;
    }

    private int build(double x0, double y0, double side, int from, int to, int depth) {
        int c = newCell();
        size[c] = side;
        lo[c] = from;
        hi[c] = to;
        double m = 0, sx = 0, sy = 0;
        for (int k = from; k < to; k++) {
            int p = perm[k];
            m += mass[p];
            sx += mass[p] * x[p];
            sy += mass[p] * y[p];
        }
        cellMass[c] = m;
        comX[c] = sx / m;
        comY[c] = sy / m;
        child[4 * c] = child[4 * c + 1] = child[4 * c + 2] = child[4 * c + 3] = -1;
        if (to - from <= 1 || depth >= MAX_DEPTH) {
            return c;
        }
        double half = side / 2, midX = x0 + half, midY = y0 + half;
        int splitY = partition(from, to, true, midY);          // [from, splitY) below midY
        int splitXLow = partition(from, splitY, false, midX);
        int splitXHigh = partition(splitY, to, false, midX);
        int[] bounds = {from, splitXLow, splitY, splitXHigh, to};
        double[] ox = {x0, midX, x0, midX};
        double[] oy = {y0, y0, midY, midY};
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) {
                int ch = build(ox[q], oy[q], half, bounds[q], bounds[q + 1], depth + 1);
                child[4 * c + q] = ch;
            }
        }
        return c;
    }

    /** Moves the points with coordinate < mid to the front of [from, to); returns the first index of the rest. */
    private int partition(int from, int to, boolean byY, double mid) {
        int i = from, j = to - 1;
        double[] coord = byY ? y : x;
        while (i <= j) {
            if (coord[perm[i]] < mid) {
                i++;
            } else {
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                j--;
            }
        }
        return i;
    }

    /**
     * Adds to {@code out[0..1]} the ForceAtlas2 repulsion on point {@code i}: {@code kr * m_i * m_j / d} away from
     * each other point, with far cells (side / distance < theta) taken as one point at their centre of mass.
     */
    void repulsion(int i, double kr, double theta, int[] stack, double[] out) {
        if (cells == 0) {
            return;
        }
        double xi = x[i], yi = y[i], mi = mass[i];
        double fx = 0, fy = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int c = stack[--top];
            boolean leaf = child[4 * c] < 0 && child[4 * c + 1] < 0 && child[4 * c + 2] < 0 && child[4 * c + 3] < 0;
            if (leaf) {
                for (int k = lo[c]; k < hi[c]; k++) {
                    int j = perm[k];
                    if (j == i) {
                        continue;
                    }
                    double dx = xi - x[j], dy = yi - y[j];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < 1e-18) {
                        // coincident points: push apart along a direction fixed by the pair, deterministically
                        double a = ((i * 31 + j) % 360) * Math.PI / 180;
                        dx = Math.cos(a) * 1e-3;
                        dy = Math.sin(a) * 1e-3;
                        d2 = 1e-6;
                    }
                    double f = kr * mi * mass[j] / d2;   // (F / d) so that f * dx has magnitude F
                    fx += dx * f;
                    fy += dy * f;
                }
                continue;
            }
            double dx = xi - comX[c], dy = yi - comY[c];
            double d2 = dx * dx + dy * dy;
            if (size[c] * size[c] < theta * theta * d2) {
                double f = kr * mi * cellMass[c] / d2;
                fx += dx * f;
                fy += dy * f;
            } else {
                for (int q = 0; q < 4; q++) {
                    int ch = child[4 * c + q];
                    if (ch >= 0) {
                        stack[top++] = ch;
                    }
                }
            }
        }
        out[0] += fx;
        out[1] += fy;
    }

    /** Depth-first stack size sufficient for {@link #repulsion}. */
    int stackSize() {
        return 4 * MAX_DEPTH + 8;
    }
}
