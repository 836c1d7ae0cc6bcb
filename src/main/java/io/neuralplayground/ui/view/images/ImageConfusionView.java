package io.neuralplayground.ui.view.images;

import io.neuralplayground.engine.ConfusionMatrix;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The test images' confusion matrix, drawn to fit: rows the true classes, columns the predicted ones
 * (scikit-learn's convention), class names on both axes, each cell its count (and its share of the row where there
 * is room) shaded by that share; each class's precision, recall and F1 at the right, the accuracy and macro F1
 * under it. Drawn rather than laid out in labels: 130 labels cost the FX thread more after each epoch.
 */
final class ImageConfusionView extends CanvasPane {
    private static final Color FULL = Color.web("#0877bd");
    private static final Color TEXT = Color.web("#333333");
    private static final Color MUTED = Color.web("#777777");
    private static final Color LINE = Color.web("#dddddd");
    private static final Color WRONG = Color.web("#f59322");
    private static final Font FONT = Font.font("DejaVu Sans", 11);
    private static final Font SMALL = Font.font("DejaVu Sans", 10);
    private static final Font BOLD = Font.font("DejaVu Sans", FontWeight.BOLD, 11);
    private static final double METRIC_WIDTH = 40;

    private ConfusionMatrix matrix;
    private List<String> names = List.of();
    private int epoch = -1;

    ImageConfusionView() {
        getStyleClass().add("image-confusion");
        setPrefSize(560, 440);
    }

    void show(ConfusionMatrix m, List<String> classNames, int measuredEpoch) {
        matrix = m;
        names = classNames;
        epoch = measuredEpoch;
        redraw();
    }

    ConfusionMatrix shown() {
        return matrix;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (matrix == null) {
            g.setFill(MUTED);
            g.setFont(FONT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("No predictions yet.", 4, 4);
            return;
        }
        int k = matrix.classes();
        double left = 0;
        for (String name : names) {
            left = Math.max(left, textWidth(name, FONT));
        }
        left += 10;
        double top = 74;
        double bottom = 26;
        double cell = Math.floor(Math.min((width - left - 3 * METRIC_WIDTH - 12) / k, (height - top - bottom) / k));
        cell = Math.max(14, Math.min(56, cell));
        double gridWidth = cell * k;
        // Column names slanted upwards, each starting over its column.
        g.setFont(FONT);
        g.setFill(TEXT);
        g.setTextBaseline(VPos.CENTER);
        for (int j = 0; j < k; j++) {
            g.save();
            g.translate(left + j * cell + cell / 2, top - 6);
            g.rotate(-50);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(names.get(j), 0, 0);
            g.restore();
        }
        g.setFont(SMALL);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("true ↓  predicted →", 0, 0);
        String[] metric = {"prec.", "recall", "F1"};
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (int q = 0; q < 3; q++) {
            g.fillText(metric[q], left + gridWidth + 8 + q * METRIC_WIDTH + METRIC_WIDTH / 2, top - 2);
        }
        boolean roomy = cell >= 40;
        for (int i = 0; i < k; i++) {
            double y = top + i * cell;
            g.setFont(FONT);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(names.get(i), left - 6, y + cell / 2);
            for (int j = 0; j < k; j++) {
                double x = left + j * cell;
                double share = matrix.rowShare(i, j);
                double t = Double.isNaN(share) ? 0 : share;
                g.setFill(Color.WHITE.interpolate(i == j ? FULL : WRONG, (i == j ? 0.85 : 1.0) * Math.min(1,
                        i == j ? t : 2.5 * t)));
                g.fillRect(x, y, cell, cell);
                g.setStroke(LINE);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
                int count = matrix.count(i, j);
                boolean dark = i == j ? t > 0.55 : 2.5 * t > 0.7;
                g.setFill(dark ? Color.WHITE : count == 0 ? LINE : TEXT);
                g.setTextAlign(TextAlignment.CENTER);
                if (roomy && count > 0) {
                    g.setFont(FONT);
                    g.fillText(Integer.toString(count), x + cell / 2, y + cell / 2 - 7);
                    g.setFont(SMALL);
                    g.fillText(String.format(Locale.ROOT, "%.0f %%", 100 * t), x + cell / 2, y + cell / 2 + 8);
                } else {
                    g.setFont(cell >= 26 ? FONT : SMALL);
                    g.fillText(Integer.toString(count), x + cell / 2, y + cell / 2);
                }
            }
            g.setFont(SMALL);
            g.setFill(TEXT);
            double[] values = {matrix.precision(i), matrix.recall(i), matrix.f1(i)};
            for (int q = 0; q < 3; q++) {
                g.fillText(String.format(Locale.ROOT, "%.2f", values[q]),
                        left + gridWidth + 8 + q * METRIC_WIDTH + METRIC_WIDTH / 2, y + cell / 2);
            }
        }
        g.setFont(BOLD);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(Locale.ROOT, "accuracy %.1f %% · macro F1 %.3f · %,d test images%s",
                100 * matrix.accuracy(), matrix.macroF1(), matrix.total(),
                epoch >= 0 ? " · after epoch " + epoch : ""), left, top + k * cell + 8,
                // Narrower rather than cut off in a small window.
                Math.max(40, width - left - 4));
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
