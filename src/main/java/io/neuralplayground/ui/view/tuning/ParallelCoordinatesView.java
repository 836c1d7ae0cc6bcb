package io.neuralplayground.ui.view.tuning;

import io.neuralplayground.tune.Choice;
import io.neuralplayground.tune.FloatRange;
import io.neuralplayground.tune.Hyperparameter;
import io.neuralplayground.tune.IntRange;
import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.ui.viewmodel.tuning.TrialRow;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Optuna's parallel coordinates: an upright axis per hyperparameter (ranges linear or log as searched, choices
 * evenly spaced, each named beside its axis) and one for the objective; each completed trial a line through its values, the better the trial the
 * darker and bluer its line (the best drawn last, on top).
 */
final class ParallelCoordinatesView extends VBox {
    /** Choice axes with at most this many values name each value; longer ones only their ends. */
    static final int MAX_LABELLED_CHOICES = 8;
    private final Canvas canvas = new Canvas();
    private final TuningViewModel vm;

    ParallelCoordinatesView(TuningViewModel vm) {
        this.vm = vm;
        Pane holder = new Pane(canvas);
        holder.setMinSize(150, 120);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, was, now) -> redraw());
        canvas.heightProperty().addListener((o, was, now) -> redraw());
        VBox.setVgrow(holder, Priority.ALWAYS);
        Label title = new Label("Parallel coordinates (best trials darkest)");
        title.getStyleClass().add("tuning-chart-title");
        getChildren().addAll(title, holder);
        setMinWidth(150);
        setPrefWidth(360);
        vm.revisionProperty().addListener((o, was, now) -> redraw());
    }

    /** Where a value sits on its axis, 0 at the bottom and 1 at the top; NaN when inactive. */
    static double position(Hyperparameter h, Object v) {
        if (v == null) {
            return Double.NaN;
        }
        if (h instanceof Choice c) {
            int i = c.indexOf(v);
            return c.values().size() == 1 ? 0.5 : i / (double) (c.values().size() - 1);
        }
        if (!(h instanceof IntRange) && !(h instanceof FloatRange)) {
            return 0.5; // one fixed value, of any kind: the middle of its axis
        }
        double x = ((Number) v).doubleValue();
        double min;
        double max;
        boolean log;
        if (h instanceof IntRange r) {
            min = r.min();
            max = r.max();
            log = r.log();
        } else if (h instanceof FloatRange r) {
            min = r.min();
            max = r.max();
            log = r.log();
        } else {
            return 0.5;
        }
        if (max == min) {
            return 0.5;
        }
        return log ? (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (x - min) / (max - min);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        SearchProblem problem = vm.shownProblemProperty().get();
        if (problem == null || w < 50 || h < 50) {
            return;
        }
        List<Hyperparameter> axes = problem.space().hyperparameters();
        List<TrialRow> done = new ArrayList<>(vm.trials().stream().filter(TrialRow::isComplete).toList());
        int n = axes.size() + 1;
        double left = 24;
        double right = w - 30;
        double top = 30;
        double bottom = h - 16;
        double gap = (right - left) / (n - 1);
        double[] values = done.stream().mapToDouble(TrialRow::value).toArray();
        double[] range = TuningCharts.range(values, problem.goal());
        // Worst first, so the best lines are drawn on top.
        done.sort(Comparator.comparingDouble(TrialRow::value));
        if (problem.goal().direction() == io.neuralplayground.tune.Goal.Direction.MINIMIZE) {
            java.util.Collections.reverse(done);
        }
        for (int k = 0; k < done.size(); k++) {
            TrialRow row = done.get(k);
            double quality = done.size() == 1 ? 1 : k / (double) (done.size() - 1);
            g.setStroke(Color.hsb(210 - 20 * quality, 0.25 + 0.65 * quality, 0.95 - 0.45 * quality,
                    0.35 + 0.6 * quality));
            g.setLineWidth(quality == 1 ? 2.2 : 1);
            g.beginPath();
            boolean started = false;
            for (int a = 0; a < n; a++) {
                double p = a < axes.size() ? position(axes.get(a), row.parameters().get(axes.get(a).name()))
                        : range == null ? 0.5 : Math.max(0, Math.min(1, (row.value() - range[0])
                                / (range[1] - range[0])));
                if (Double.isNaN(p)) {
                    started = false;
                    continue;
                }
                double x = left + a * gap;
                double y = bottom - p * (bottom - top);
                if (started) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    started = true;
                }
            }
            g.stroke();
        }
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.3));
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (int a = 0; a < n; a++) {
            double x = left + a * gap;
            g.strokeLine(x, top, x, bottom);
            String name = a < axes.size() ? axes.get(a).name() : problem.goal().metric();
            g.fillText(name, Math.max(28, Math.min(w - 28, x)), top - 12);
            String hi;
            String lo;
            if (a < axes.size() && axes.get(a) instanceof Choice c && c.values().size() > 2
                    && c.values().size() <= MAX_LABELLED_CHOICES) {
                // Every choice has its own place on the axis, so each is named there, beside the axis.
                g.setFont(Font.font(9));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                for (Object value : c.values()) {
                    double y = bottom - position(c, value) * (bottom - top);
                    String text = String.valueOf(value);
                    double tx = Math.min(x + 3, w - 40);
                    // On a white ground of its own: the trials' lines cross the axis right there.
                    g.setFill(Color.rgb(255, 255, 255, 0.85));
                    g.fillRect(tx - 1, y - 6, 5.2 * text.length() + 2, 12);
                    g.setFill(Color.gray(0.3));
                    g.fillText(text, tx, y);
                }
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.BOTTOM);
                g.setFont(Font.font(11));
                continue;
            }
            if (a < axes.size()) {
                hi = end(axes.get(a), true);
                lo = end(axes.get(a), false);
            } else {
                hi = range == null ? "" : String.format(Locale.ROOT, "%.3g", range[1]);
                lo = range == null ? "" : String.format(Locale.ROOT, "%.3g", range[0]);
            }
            g.setFont(Font.font(9));
            g.fillText(hi, Math.max(20, Math.min(w - 20, x)), top - 1);
            g.setTextBaseline(VPos.TOP);
            g.fillText(lo, Math.max(20, Math.min(w - 20, x)), bottom + 2);
            g.setTextBaseline(VPos.BOTTOM);
            g.setFont(Font.font(11));
        }
    }

    /** The label at an axis' top or bottom. */
    private static String end(Hyperparameter h, boolean top) {
        if (h instanceof Choice c) {
            return String.valueOf(c.values().get(top ? c.values().size() - 1 : 0));
        }
        if (h instanceof IntRange r) {
            return Integer.toString(top ? r.max() : r.min());
        }
        if (h instanceof FloatRange r) {
            return String.format(Locale.ROOT, "%.3g", top ? r.max() : r.min());
        }
        return "";
    }
}
