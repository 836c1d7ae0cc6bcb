package io.neuralplayground.ui.view.images;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Ten (k) class probabilities as horizontal bars beside the class names: the most probable in blue, the true class
 * (when known and not the most probable) in orange, the rest light; the percentage at the right.
 */
final class ProbabilityBars extends CanvasPane {
    static final Color BLUE = Color.web("#0877bd");
    static final Color ORANGE = Color.web("#f59322");
    private static final Color LIGHT = Color.web("#c5d7e3");
    private static final Color TRACK = Color.web("#f1f2f3");
    private static final Color TEXT = Color.web("#444444");
    private static final Font FONT = Font.font("DejaVu Sans", 11);
    private static final Font BOLD = Font.font("DejaVu Sans", FontWeight.BOLD, 11);

    private List<String> classNames = List.of();
    private float[] probabilities;
    private int trueClass = -1;
    private String empty = "";

    ProbabilityBars() {
        getStyleClass().add("probability-bars");
        setMinSize(150, 120);
        setPrefSize(220, 180);
    }

    /** Shows {@code p} (null: the {@code emptyText}), the true class marked if it is known (else −1). */
    void show(List<String> names, float[] p, int trueClassOrNone, String emptyText) {
        classNames = names;
        probabilities = p;
        trueClass = trueClassOrNone;
        empty = emptyText;
        redraw();
    }

    float[] shown() {
        return probabilities;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        g.setTextBaseline(VPos.CENTER);
        if (probabilities == null) {
            g.setFill(Color.web("#888888"));
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(empty, 4, 12);
            return;
        }
        int k = probabilities.length;
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        double row = Math.min(22, height / k);
        double nameWidth = 82;
        double percentWidth = 44;
        double barWidth = Math.max(10, width - nameWidth - percentWidth - 8);
        for (int c = 0; c < k; c++) {
            double y = c * row;
            double mid = y + row / 2;
            g.setFont(c == trueClass ? BOLD : FONT);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(c < classNames.size() ? classNames.get(c) : Integer.toString(c), nameWidth - 4, mid);
            double barHeight = Math.max(4, row - 7);
            g.setFill(TRACK);
            g.fillRect(nameWidth, mid - barHeight / 2, barWidth, barHeight);
            g.setFill(c == best ? BLUE : c == trueClass ? ORANGE : LIGHT);
            g.fillRect(nameWidth, mid - barHeight / 2, barWidth * Math.max(0, Math.min(1, probabilities[c])),
                    barHeight);
            g.setFont(FONT);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(String.format(Locale.ROOT, "%.1f %%", 100 * probabilities[c]), width - 2, mid);
        }
    }
}
