package io.neuralplayground.ui.view;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.ui.viewmodel.ClassColors;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.PlaneGrid;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws a dataset's examples as dots on a square picture of the plane, Playground's way: the colour says the
 * label (the class's colour, {@link ClassColors}: class 0 = −1 orange, class 1 = +1 blue; a regression value on
 * the colour scale), the outline says
 * training (white) or test (black). Positions come from {@link PlaneGrid}: x1 to the right, x2 upwards.
 */
final class PointPainter {
    static final Color TRAIN_OUTLINE = Color.WHITE;
    static final Color TEST_OUTLINE = Color.BLACK;

    private PointPainter() {
    }

    /** An ARGB int of {@link ColorScale} as a JavaFX colour. */
    static Color color(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }

    /** The ARGB colour of example {@code r}: by class for classification, by value for regression. */
    static int argb(Dataset data, int r) {
        if (!data.isClassification()) {
            return ColorScale.argb(data.label(r));
        }
        return ClassColors.of(data.classIndex(r));
    }

    /**
     * Draws every example of {@code data} (columns 0 and 1 are x1 and x2) into the square of side {@code side}
     * whose top-left corner is ({@code left}, {@code top}); dots of {@code radius}, outlined with {@code outline}
     * (null for none). Callers clip: noisy examples may lie outside the plane's square.
     */
    static void draw(GraphicsContext gc, Dataset data, PlaneGrid grid, double left, double top, double side,
            double radius, Color outline, double outlineWidth) {
        draw(gc, data, grid, left, top, side, radius, outline, outlineWidth, 0, 1);
    }

    /** As {@link #draw(GraphicsContext, Dataset, PlaneGrid, double, double, double, double, Color, double)}, the
     * points at their values in columns {@code xColumn} (to the right) and {@code yColumn} (upwards). */
    static void draw(GraphicsContext gc, Dataset data, PlaneGrid grid, double left, double top, double side,
            double radius, Color outline, double outlineWidth, int xColumn, int yColumn) {
        if (data == null || data.columnCount() <= Math.max(xColumn, yColumn) || Math.min(xColumn, yColumn) < 0) {
            return;
        }
        gc.setLineWidth(outlineWidth);
        if (outline != null) {
            gc.setStroke(outline);
        }
        double d = 2 * radius;
        for (int r = 0; r < data.size(); r++) {
            double x1 = data.value(r, xColumn);
            double x2 = data.value(r, yColumn);
            double cx = left + grid.toPixelX(x1, side);
            double cy = top + grid.toPixelY(x2, side);
            gc.setFill(color(argb(data, r)));
            gc.fillOval(cx - radius, cy - radius, d, d);
            if (outline != null) {
                gc.strokeOval(cx - radius, cy - radius, d, d);
            }
        }
    }
}
