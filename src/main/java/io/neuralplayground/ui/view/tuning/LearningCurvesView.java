package io.neuralplayground.ui.view.tuning;

import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.ui.view.ChartLook;
import io.neuralplayground.ui.viewmodel.tuning.LearningCurves;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.VBox;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every trial's learning curve (the objective after each epoch) on one chart, as Optuna's intermediate values: a
 * curve that was cut — a Hyperband configuration not promoted, a trial stopped early — ends in a red cross.
 */
final class LearningCurvesView extends VBox {
    private static final Color CURVE = new Color(0x1F, 0x77, 0xB4, 0x70);
    private static final Color CUT = new Color(0xD6, 0x27, 0x28);
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final XYSeries cutEnds = new XYSeries("cut", false, true);
    private final NumberAxis epochAxis = ChartLook.axis(new NumberAxis("epoch"));
    private final NumberAxis valueAxis = ChartLook.axis(new NumberAxis(null));
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final TuningViewModel vm;

    LearningCurvesView(TuningViewModel vm) {
        this.vm = vm;
        plot = ChartLook.plot(new XYPlot());
        plot.setDomainAxis(epochAxis);
        plot.setRangeAxis(valueAxis);
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        valueAxis.setAutoRangeIncludesZero(false);
        lineRenderer.setAutoPopulateSeriesPaint(false);
        lineRenderer.setDefaultPaint(CURVE);
        lineRenderer.setAutoPopulateSeriesStroke(false);
        lineRenderer.setDefaultStroke(new BasicStroke(1f));
        XYLineAndShapeRenderer crosses = new XYLineAndShapeRenderer(false, true);
        crosses.setSeriesPaint(0, CUT);
        crosses.setSeriesShape(0, cross());
        plot.setDataset(0, new XYSeriesCollection(cutEnds));
        plot.setRenderer(0, crosses);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        TuningCharts.frame(this, plot, "Learning curves of all trials; × a trial cut short");
        vm.revisionProperty().addListener((o, was, now) -> redraw());
    }

    private static java.awt.Shape cross() {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-4, -4);
        p.lineTo(4, 4);
        p.moveTo(-4, 4);
        p.lineTo(4, -4);
        return new BasicStroke(1.6f).createStrokedShape(p);
    }

    private void redraw() {
        SearchProblem problem = vm.shownProblemProperty().get();
        LearningCurves curves = vm.curves();
        lines.setNotify(false);
        lines.removeAllSeries();
        cutEnds.clear();
        List<Double> all = new ArrayList<>();
        for (LearningCurves.Curve c : curves.all()) {
            if (c.size() == 0) {
                continue;
            }
            XYSeries s = new XYSeries(c.trial(), false, true);
            // At most about 200 points a curve: a search of long trials stays cheap to draw ten times a second.
            int stride = Math.max(1, c.size() / 200);
            for (int i = 0; i < c.size(); i += stride) {
                double v = c.value(i);
                s.add(i + 1, Double.isFinite(v) ? v : Double.NaN, false);
                all.add(v);
            }
            if ((c.size() - 1) % stride != 0) {
                s.add(c.size(), c.value(c.size() - 1), false);
            }
            lines.addSeries(s);
            if (curves.isCut(c)) {
                cutEnds.add(c.size(), c.value(c.size() - 1), false);
            }
        }
        if (problem != null) {
            valueAxis.setLabel(problem.goal().metric());
            double[] range = TuningCharts.range(all.stream().mapToDouble(Double::doubleValue).toArray(),
                    problem.goal());
            if (range != null) {
                valueAxis.setRange(range[0], range[1]);
            }
            epochAxis.setRange(0.5, Math.max(2, curves.fullEpochs()) + 0.5);
        }
        cutEnds.fireSeriesChanged();
        lines.setNotify(true);
    }
}
