package io.neuralplayground.ui.view.tuning;

import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.ui.view.ChartLook;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel.HistoryPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import javafx.scene.layout.VBox;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Optuna's optimization history: each completed trial's objective (a dot) against its number, and the best so far
 * (a step line). Redrawn on the FX thread when the view model's revision moves.
 */
final class HistoryChartView extends VBox {
    private final XYSeries values = new XYSeries("Objective", true, true);
    private final XYSeries best = new XYSeries("Best so far", true, true);
    private final NumberAxis trialAxis = ChartLook.axis(new NumberAxis("trial"));
    private final NumberAxis valueAxis = ChartLook.axis(new NumberAxis(null));
    private final TuningViewModel vm;

    HistoryChartView(TuningViewModel vm) {
        this.vm = vm;
        XYPlot plot = ChartLook.plot(new XYPlot());
        plot.setDomainAxis(trialAxis);
        plot.setRangeAxis(valueAxis);
        trialAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        valueAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, new Color(0x1F, 0x77, 0xB4, 0xB0));
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, new Color(0xD6, 0x27, 0x28));
        step.setSeriesStroke(0, new BasicStroke(1.6f));
        plot.setDataset(0, new XYSeriesCollection(values));
        plot.setRenderer(0, dots);
        plot.setDataset(1, new XYSeriesCollection(best));
        plot.setRenderer(1, step);
        TuningCharts.frame(this, plot, "Optimization history (best so far in red)");
        vm.revisionProperty().addListener((o, was, now) -> redraw());
    }

    private void redraw() {
        SearchProblem problem = vm.shownProblemProperty().get();
        List<HistoryPoint> points = vm.history();
        values.setNotify(false);
        best.setNotify(false);
        values.clear();
        best.clear();
        for (HistoryPoint p : points) {
            values.add(p.trial(), p.value(), false);
            best.add(p.trial(), p.bestSoFar(), false);
        }
        if (problem != null) {
            valueAxis.setLabel(problem.goal().metric());
            double[] range = TuningCharts.range(points.stream().mapToDouble(HistoryPoint::value).toArray(),
                    problem.goal());
            if (range != null) {
                valueAxis.setRange(range[0], range[1]);
            }
        }
        values.setNotify(true);
        best.setNotify(true);
    }
}
