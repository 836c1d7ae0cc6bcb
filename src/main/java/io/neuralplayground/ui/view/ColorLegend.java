package io.neuralplayground.ui.view;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.Split;
import io.neuralplayground.ui.viewmodel.ClassColors;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.OutputColoring;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The output plot's colour key, TF Playground's −1 … 1 scale standing upright beside the plot: a bar from orange
 * (−1, at the bottom) through the light middle (0) to blue (1, at the top), in the heatmap's own colours (the
 * scale at the heatmap's opacity over white), its three values labelled.
 *
 * <p>For regression the data's values are coloured on the same scale, clamped at −1 and 1; the key then marks the
 * span the data's values cover with a bracket beside the bar ({@link ValueRangeLabel} says it in numbers), and
 * where they go beyond ±1 its end label says that everything past it has the end colour ("≥1").
 *
 * <p>When the plot is discretized the key shows what the plot then shows: two colours, blue from 0 up and orange
 * below 0, with the same values labelled.
 *
 * <p>For a sigmoid output the bar is the same and its labels are the probability of class 1 it stands for: 1, ½
 * and 0 ({@link OutputColoring#onScale}). For one output per class the key is the classes instead: the bar cut
 * into one band per class, class 0 at the bottom, each in its colour and named beside it.
 */
final class ColorLegend {
    /** Between the plot's square and the bar; the regression bracket stands in it. */
    static final double GAP = 6;
    static final double BAR = 8;
    static final double TICK = 3;
    /** Room for the labels, the widest being "≤−1". */
    static final double LABELS = 22;
    /** All the key takes beside the plot. */
    static final double WIDTH = GAP + BAR + TICK + 2 + LABELS;

    private static final Color BRACKET = Color.web("#555555");
    /** The bar's edge: enough to see where its light middle ends on the white ground. */
    private static final Color OUTLINE = Color.web("#bbbbbb");

    private ColorLegend() {
    }

    /** The values a regression dataset's labels span, over training and test data. */
    record Span(double min, double max) {
        /** The span of {@code split}'s labels, or null for classification (the key then marks nothing). */
        static Span of(Split split) {
            if (split == null || split.train().isClassification()) {
                return null;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Dataset data : List.of(split.train(), split.test())) {
                for (int r = 0; r < data.size(); r++) {
                    min = Math.min(min, data.label(r));
                    max = Math.max(max, data.label(r));
                }
            }
            return min <= max ? new Span(min, max) : null;
        }
    }

    /** The bar beside a plot square whose right edge is at {@code right}, from {@code top}, {@code side} tall. */
    static Bounds bar(double right, double top, double side) {
        return new BoundingBox(right + GAP, top, BAR, side);
    }

    /**
     * The labels from the top down: the values 1, 0, −1, or for a sigmoid's probability 1, 0.5, 0; an end says "≥"
     * or "≤" where the data go past it.
     */
    static List<String> labels(Span span, boolean probability) {
        if (probability) {
            return List.of("1", "0.5", "0");
        }
        String top = span != null && span.max() > 1 ? "\u22651" : "1";
        String bottom = span != null && span.min() < -1 ? "\u2264" + NumberTexts.MINUS + "1" : NumberTexts.MINUS + "1";
        return List.of(top, "0", bottom);
    }

    /**
     * Draws the key beside the square (right edge {@code right}, top {@code top}, side {@code side}), in two colours
     * when {@code discrete}.
     */
    static void draw(GraphicsContext gc, double right, double top, double side, Font font, Color text, Span span,
            boolean discrete, boolean probability) {
        Bounds bar = bar(right, top, side);
        int rows = (int) Math.round(side);
        for (int row = 0; row < rows; row++) {
            gc.setFill(keyColor(valueAt(row + 0.5, rows), discrete));
            gc.fillRect(bar.getMinX(), top + row, BAR, 1);
        }
        gc.setStroke(OUTLINE);
        gc.setLineWidth(1);
        gc.strokeRect(bar.getMinX() + 0.5, top + 0.5, BAR - 1, rows - 1);
        gc.setStroke(text);
        gc.setFill(text);
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        List<String> labels = labels(span, probability);
        double[] values = {1, 0, -1};
        for (int k = 0; k < values.length; k++) {
            double y = Math.round(yOf(values[k], top, rows)) + 0.5;
            gc.strokeLine(bar.getMaxX(), y, bar.getMaxX() + TICK, y);
            gc.fillText(labels.get(k), bar.getMaxX() + TICK + 2, y);
        }
        if (span != null) {
            drawBracket(gc, right + GAP / 2, top, rows, span);
        }
    }

    /**
     * The key of one output per class: the bar in {@code names.size()} bands, class 0 at the bottom, each band in
     * its class's colour (at the heatmap's opacity, as the plot shows a sure class) and named beside it, cut to
     * what the key's width holds.
     */
    static void drawClasses(GraphicsContext gc, double right, double top, double side, Font font, Color text,
            List<String> names) {
        Bounds bar = bar(right, top, side);
        int k = names.size();
        double band = side / k;
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int c = 0; c < k; c++) {
            double y = top + side - (c + 1) * band;
            gc.setFill(overWhite(ClassColors.of(c)));
            gc.fillRect(bar.getMinX(), y, BAR, band);
            gc.setFill(text);
            gc.fillText(shortName(names.get(c)), bar.getMaxX() + 2, y + band / 2, LABELS + TICK);
        }
        gc.setStroke(OUTLINE);
        gc.setLineWidth(1);
        gc.strokeRect(bar.getMinX() + 0.5, top + 0.5, BAR - 1, Math.round(side) - 1);
    }

    /** A class name as the narrow key shows it: whole up to four characters, else its first three and "…". */
    static String shortName(String name) {
        return name.length() <= 4 ? name : name.substring(0, 3) + "…";
    }

    /** A line beside the bar from the data's smallest value to its largest (clamped), with short ends. */
    private static void drawBracket(GraphicsContext gc, double x, double top, int rows, Span span) {
        double y0 = yOf(Math.min(1, span.max()), top, rows);
        double y1 = yOf(Math.max(-1, span.min()), top, rows);
        gc.setStroke(BRACKET);
        gc.setLineWidth(1.5);
        gc.strokeLine(x, y0, x, y1);
        gc.strokeLine(x, y0, x + GAP / 2, y0);
        gc.strokeLine(x, y1, x + GAP / 2, y1);
    }

    /** Value at pixel row {@code row} (from the top) of a bar {@code rows} tall: 1 at the top, −1 at the bottom. */
    static double valueAt(double row, int rows) {
        return 1 - 2 * row / rows;
    }

    private static double yOf(double value, double top, int rows) {
        return top + (1 - value) / 2 * rows;
    }

    /** The colour the heatmap shows for {@code value}: the scale's colour at the heatmap's opacity over white. */
    static Color heatmapColor(double value) {
        return overWhite(ColorScale.argb(value));
    }

    /**
     * The colour the key shows for {@code value}: the heatmap's, or when {@code discrete} the discretized heatmap's,
     * the colour of the side of 0 the value is on ({@link ColorScale#discrete}).
     */
    static Color keyColor(double value, boolean discrete) {
        return discrete ? overWhite(ColorScale.discrete(value)) : heatmapColor(value);
    }

    /** A colour of the scale at the heatmap's opacity over white, as the plot draws its pictures. */
    private static Color overWhite(int argb) {
        Color c = PointPainter.color(argb);
        double a = OutputPlot.HEATMAP_OPACITY;
        return Color.color(1 - a + a * c.getRed(), 1 - a + a * c.getGreen(), 1 - a + a * c.getBlue());
    }
}
