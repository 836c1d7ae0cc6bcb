package io.neuralplayground.ui.view.tuning;

import io.neuralplayground.tune.Goal;
import java.util.Arrays;

/** What the tab's charts share: which part of a loss axis to show, so that a diverged trial does not flatten all. */
final class TuningCharts {
    private TuningCharts() {
    }

    /** {@code box} as one of the tab's charts: its title above a chart of {@code plot} that takes the room left. */
    static void frame(javafx.scene.layout.VBox box, org.jfree.chart.plot.XYPlot plot, String title) {
        org.jfree.chart.fx.ChartViewer viewer = new org.jfree.chart.fx.ChartViewer(
                io.neuralplayground.ui.view.ChartLook.chart(new io.neuralplayground.ui.view.RedrawnChart(plot),
                        new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 8)));
        viewer.setMinSize(120, 120);
        javafx.scene.layout.VBox.setVgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Label label = new javafx.scene.control.Label(title);
        label.getStyleClass().add("tuning-chart-title");
        box.getChildren().addAll(label, viewer);
        box.setMinWidth(150);
        box.setPrefWidth(300);
    }

    /**
     * The range of {@code values} a chart shows: for a goal that is minimized, from the least to the 90th percentile
     * (a trial that diverged runs off the top, the rest stay readable); for one maximized, from the 10th percentile
     * to the greatest. Padded by 5 %, but not below 0 when no value is negative, nor above 1 for an accuracy; null
     * when there is nothing finite.
     */
    static double[] range(double[] values, Goal goal) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        double lo;
        double hi;
        if (goal.direction() == Goal.Direction.MINIMIZE) {
            lo = v[0];
            hi = v[(int) Math.floor(0.9 * (v.length - 1))];
        } else {
            lo = v[(int) Math.ceil(0.1 * (v.length - 1))];
            hi = v[v.length - 1];
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-3, Math.abs(hi) * 0.05);
        // Losses and accuracies are never negative and accuracies never above 1: the padding does not cross those.
        double bottom = v[0] >= 0 ? Math.max(0, lo - pad) : lo - pad;
        double top = goal.metric().endsWith("accuracy") && v[v.length - 1] <= 1 ? Math.min(1, hi + pad) : hi + pad;
        return new double[] {bottom, top};
    }
}
