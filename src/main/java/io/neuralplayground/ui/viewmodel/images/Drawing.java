package io.neuralplayground.ui.viewmodel.images;

import java.util.Arrays;

/**
 * A small grey picture painted with a soft round brush, in the dataset's own terms: 0 is the white ground, 1 full
 * ink, as the network's inputs are (pixel / 255). A stroke lays ink along its whole path, never less where a pixel
 * already has more.
 */
public final class Drawing {
    /** The brush's fall-off: ink exp(−d²/2σ²) at d pixels from its centre, scaled so that the centre is full. */
    static final double SIGMA = 0.85;
    static final double STRENGTH = 1.25;
    private static final double REACH = 2.5;

    private final int rows;
    private final int cols;
    private final float[] ink;
    private long version;

    public Drawing(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.ink = new float[rows * cols];
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Ink at pixel (row, col), 0 to 1. */
    public float ink(int row, int col) {
        return ink[row * cols + col];
    }

    /** The pixels as the network's input, row after row (the array itself: copy it to keep it). */
    public float[] pixels() {
        return ink;
    }

    /** Counts the changes, so that a view redraws and a network looks again only after one. */
    public long version() {
        return version;
    }

    public boolean isEmpty() {
        for (float v : ink) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    public void clear() {
        Arrays.fill(ink, 0);
        version++;
    }

    /** One dab of the brush centred at (x, y) in pixel units: (0, 0) the top-left corner, (cols, rows) the other. */
    public void dab(double x, double y) {
        int c0 = (int) Math.max(0, Math.floor(x - REACH));
        int c1 = (int) Math.min(cols - 1, Math.ceil(x + REACH));
        int r0 = (int) Math.max(0, Math.floor(y - REACH));
        int r1 = (int) Math.min(rows - 1, Math.ceil(y + REACH));
        boolean changed = false;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                double dx = c + 0.5 - x;
                double dy = r + 0.5 - y;
                double v = Math.min(1, STRENGTH * Math.exp(-(dx * dx + dy * dy) / (2 * SIGMA * SIGMA)));
                int k = r * cols + c;
                if (v > ink[k] + 1e-4) {
                    ink[k] = (float) v;
                    changed = true;
                }
            }
        }
        if (changed) {
            version++;
        }
    }

    /** A stroke from (x0, y0) to (x1, y1): dabs a quarter of a pixel apart. */
    public void stroke(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        int steps = Math.max(1, (int) Math.ceil(length / 0.25));
        for (int s = 0; s <= steps; s++) {
            double t = (double) s / steps;
            dab(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
        }
    }
}
