package io.neuralplayground.ui.view.graph;

/** An axis-aligned rectangle in the view's coordinates (x to the right, y down). */
public record Box(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Whether (px, py) lies inside, or within {@code margin} of the edges. */
    public boolean contains(double px, double py, double margin) {
        return px >= x - margin && px <= x + width + margin && py >= y - margin && py <= y + height + margin;
    }
}
