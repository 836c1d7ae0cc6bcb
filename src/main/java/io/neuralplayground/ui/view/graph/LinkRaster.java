package io.neuralplayground.ui.view.graph;

import java.util.Arrays;

/**
 * Draws the graph's links into an ARGB pixel buffer, antialiased, much faster than stroking them one by one on
 * a canvas (which, with software rendering, costs about 20 ms a frame for the largest network).
 *
 * <p>Every link is the same kind of curve: a cubic Bézier from (x0, y0) to (x1, y1) with both control points at
 * half the horizontal distance, level with each end. Its x grows with t, so the curve is a function y(x): the
 * link is drawn column by column. In each pixel column the curve is taken as the straight line through its
 * centre at the local slope, and a pixel is covered by {@code clamp(w/2 + 1/2 − d, 0, 1)}, d being the pixel
 * centre's distance to that line: antialiased edges at any slope, for about (width + 1) pixels per unit of length.
 * Links are blended in the order drawn, as strokes on a canvas would be.
 */
public final class LinkRaster {
    /** A dash's length and the gap after it, in pixels along the curve. */
    static final double DASH = 4;
    static final double GAP = 3;

    private final int width;
    private final int height;
    private final int[] pixels;

    public LinkRaster(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a raster needs at least one pixel, got " + width + " × " + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, row by row from the top, ARGB: the buffer itself. */
    public int[] pixels() {
        return pixels;
    }

    /** Every pixel {@code argb}. */
    public void clear(int argb) {
        Arrays.fill(pixels, argb);
    }

    /**
     * Draws the link from (x0, y0) to (x1, y1), {@code lineWidth} pixels wide, in {@code argb} (its alpha is
     * respected), dashed or not. Coordinates are in pixels of this raster; anything outside is clipped.
     */
    public void link(double x0, double y0, double x1, double y1, double lineWidth, int argb, boolean dashed) {
        link(Curve.of(x0, y0, x1, y1), lineWidth, argb, dashed);
    }

    /** Draws a link whose curve was traced before (the layout stays while the weights change every frame). */
    public void link(Curve curve, double lineWidth, int argb, boolean dashed) {
        if (curve == null || !(lineWidth > 0)) {
            return;
        }
        double half = lineWidth / 2;
        int alpha = argb >>> 24;
        int columns = curve.centre.length;
        for (int c = 0; c < columns; c++) {
            int px = curve.first + c;
            if (px < 0 || px >= width) {
                continue;
            }
            if (dashed && curve.along[c] % (DASH + GAP) >= DASH) {
                continue;
            }
            double yc = curve.centre[c];
            double stretch = curve.stretch[c];
            double reach = (half + 0.5) * stretch;
            double inverse = 1 / stretch;
            int top = Math.max(0, (int) Math.ceil(yc - reach - 0.5));
            int bottom = Math.min(height - 1, (int) Math.floor(yc + reach - 0.5));
            for (int py = top; py <= bottom; py++) {
                double coverage = half + 0.5 - Math.abs(py + 0.5 - yc) * inverse;
                if (coverage >= 1) {
                    blend(py * width + px, argb, alpha);
                } else if (coverage > 0) {
                    blend(py * width + px, argb, (int) (coverage * alpha + 0.5));
                }
            }
        }
    }

    /**
     * A link's curve traced column by column: in pixel column {@code first + c} its centre height, its
     * stretch √(1 + slope²) and the length along the curve so far (for dashes). Depends only on the end points.
     */
    public static final class Curve {
        private final int first;
        private final double[] centre;
        private final double[] stretch;
        private final double[] along;

        private Curve(int first, double[] centre, double[] stretch, double[] along) {
            this.first = first;
            this.centre = centre;
            this.stretch = stretch;
            this.along = along;
        }

        /** The curve from (x0, y0) to (x1, y1), or null when it has no width to cover. */
        public static Curve of(double x0, double y0, double x1, double y1) {
            double dx = x1 - x0;
            if (!(dx > 0)) {
                return null;
            }
            double dy = y1 - y0;
            int first = (int) Math.ceil(x0 - 0.5);
            int last = (int) Math.floor(x1 - 0.5);
            int n = Math.max(0, last - first + 1);
            double[] centre = new double[n];
            double[] stretch = new double[n];
            double[] along = new double[n];
            double t = 0;
            for (int c = 0; c < n; c++) {
                double u = (first + c + 0.5 - x0) / dx;
                t = solve(u, t);
                double s = t * t;
                centre[c] = y0 + dy * (3 * s - 2 * s * t);
                double slope = dy * 6 * t * (1 - t) / (dx * (1.5 - 3 * t + 3 * s));
                stretch[c] = Math.sqrt(1 + slope * slope);
                along[c] = c == 0 ? 0 : along[c - 1] + Math.hypot(1, centre[c] - centre[c - 1]);
            }
            return new Curve(first, centre, stretch, along);
        }
    }

    /**
     * The t at which the link's x is the fraction {@code u} of the way across: x(t) = 3/2 t − 3/2 t² + t³ (control
     * points at the middle), whose slope is at least 3/4, so Newton's method from the previous column's t
     * settles in a few steps.
     */
    static double solve(double u, double start) {
        double t = start;
        for (int i = 0; i < 8; i++) {
            double f = t * (1.5 - 1.5 * t + t * t) - u;
            t -= f / (1.5 - 3 * t + 3 * t * t);
            if (Math.abs(f) < 1e-9) {
                break;
            }
        }
        return Math.max(0, Math.min(1, t));
    }

    /** Source-over of {@code argb} (its alpha replaced by {@code a} ∈ [0, 255]) on the opaque pixel at {@code i}. */
    private void blend(int i, int argb, int a) {
        if (a >= 255) {
            pixels[i] = argb | 0xFF000000;
            return;
        }
        int dst = pixels[i];
        // Red and blue together in one int, green alone: (dst·(256 − w) + src·w) / 256, w = a scaled to 0…256.
        // Every term is positive and below 2³², so no channel spills into the next (unsigned shift).
        int w = a + (a >> 7);
        int rb = ((dst & 0xFF00FF) * (256 - w) + (argb & 0xFF00FF) * w) >>> 8 & 0xFF00FF;
        int g = ((dst & 0x00FF00) * (256 - w) + (argb & 0x00FF00) * w) >>> 8 & 0x00FF00;
        pixels[i] = 0xFF000000 | rb | g;
    }
}
