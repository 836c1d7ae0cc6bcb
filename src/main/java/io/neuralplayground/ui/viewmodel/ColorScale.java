package io.neuralplayground.ui.viewmodel;

/**
 * TF Playground's colour scale: −1 orange (#f59322), 0 light grey (#e8eaeb), +1 blue (#0877bd), linear in RGB
 * between them and clamped outside. Used for heatmaps, points and links alike, as ARGB ints (the format of
 * {@code PixelWriter}), so it needs nothing of the toolkit and can run on any thread.
 */
public final class ColorScale {
    public static final int ORANGE = 0xFFF59322;
    public static final int GREY = 0xFFE8EAEB;
    public static final int BLUE = 0xFF0877BD;

    private ColorScale() {
    }

    /** The colour of {@code value}; NaN is drawn grey. */
    public static int argb(double value) {
        if (Double.isNaN(value)) {
            return GREY;
        }
        double v = Math.max(-1, Math.min(1, value));
        return v < 0 ? mix(GREY, ORANGE, -v) : mix(GREY, BLUE, v);
    }

    /** Discretized: orange below 0, blue at 0 and above (Playground's "discretize output"). */
    public static int discrete(double value) {
        return value >= 0 ? BLUE : ORANGE;
    }

    /** {@code from} moved a fraction {@code t} ∈ [0, 1] of the way to {@code to}, per channel. */
    static int mix(int from, int to, double t) {
        int r = channel(from >> 16, to >> 16, t);
        int g = channel(from >> 8, to >> 8, t);
        int b = channel(from, to, t);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int channel(int from, int to, double t) {
        int a = from & 0xFF;
        int b = to & 0xFF;
        return (int) Math.round(a + (b - a) * t);
    }
}
