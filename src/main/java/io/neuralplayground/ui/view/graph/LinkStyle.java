package io.neuralplayground.ui.view.graph;

/** How a weight looks as a link: TF Playground's width scale (1 px at 0 to 10 px at |w| ≥ 5, linear). */
public final class LinkStyle {
    public static final double MIN_WIDTH = 1;
    public static final double MAX_WIDTH = 10;
    /** The magnitude at which a link reaches its full width. */
    public static final double FULL_WEIGHT = 5;

    private LinkStyle() {
    }

    /** The stroke width of a link of weight {@code weight}; a NaN weight gets the thinnest line. */
    public static double width(double weight) {
        double magnitude = Math.abs(weight);
        if (Double.isNaN(magnitude)) {
            return MIN_WIDTH;
        }
        return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.min(magnitude, FULL_WEIGHT) / FULL_WEIGHT;
    }
}
