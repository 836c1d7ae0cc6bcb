package io.neuralplayground.ui.view.images;

import io.neuralplayground.session.images.ImageSnapshot;
import io.neuralplayground.session.images.ImageSnapshot.CurvePoint;
import io.neuralplayground.ui.view.ChartLook;
import io.neuralplayground.ui.view.RedrawnChart;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss or accuracy (LOSS | ACCURACY) of the training, validation and test images along the epochs, from the
 * snapshots' curve: a point every few hundred batches and at each epoch's end. Only the new points are added, on
 * the FX thread (JFreeChart-FX redraws on the thread that changes its data), in one redraw per snapshot.
 */
final class ImageCurvesView extends VBox {
    static final Color TRAIN = new Color(0x99, 0x99, 0x99);
    static final Color VALIDATION = ChartLook.VALIDATION;
    static final Color TEST = new Color(0x0, 0x0, 0x0);

    private final XYSeries trainLoss = new XYSeries("Training", false, true);
    private final XYSeries validationLoss = new XYSeries("Validation", false, true);
    private final XYSeries testLoss = new XYSeries("Test", false, true);
    private final XYSeries trainAccuracy = new XYSeries("Training", false, true);
    private final XYSeries validationAccuracy = new XYSeries("Validation", false, true);
    private final XYSeries testAccuracy = new XYSeries("Test", false, true);
    private final List<XYSeries> all = List.of(trainLoss, validationLoss, testLoss, trainAccuracy,
            validationAccuracy, testAccuracy);
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeriesCollection accuracyData = new XYSeriesCollection();
    private final NumberAxis lossAxis = ChartLook.axis(new NumberAxis(null));
    private final NumberAxis percentAxis = ChartLook.axis(new NumberAxis(null));
    private final XYPlot plot;
    /** Early stopping's best epoch so far, a dashed line. */
    private final org.jfree.chart.plot.ValueMarker bestEpoch = ChartLook.bestEpochMarker();
    private int markedEpoch;
    private final JFreeChart chart;
    private final ToggleButton lossChoice = choice("LOSS", "Show the loss: cross-entropy of the true class");
    private final ToggleButton accuracyChoice = choice("ACCURACY", "Show the accuracy: the share of images "
            + "classified correctly");
    private final ToggleGroup shown = new ToggleGroup();
    private long build = -1;
    private int points;

    ImageCurvesView(ImagesViewModel vm) {
        getStyleClass().add("image-curves");
        setSpacing(2);
        lossData.addSeries(trainLoss);
        lossData.addSeries(validationLoss);
        lossData.addSeries(testLoss);
        accuracyData.addSeries(trainAccuracy);
        accuracyData.addSeries(validationAccuracy);
        accuracyData.addSeries(testAccuracy);
        NumberAxis epochs = ChartLook.axis(new NumberAxis("epoch"));
        epochs.setAutoRangeIncludesZero(true);
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        lossAxis.setAutoRangeIncludesZero(true);
        percentAxis.setAutoRange(false);
        percentAxis.setRange(0, 1.02);
        percentAxis.setTickUnit(new NumberTickUnit(0.2, new java.text.DecimalFormat("0 %")));

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colors = {TRAIN, VALIDATION, TEST};
        for (int s = 0; s < 3; s++) {
            renderer.setSeriesPaint(s, colors[s]);
            renderer.setSeriesStroke(s, new BasicStroke(1.6f));
        }
        plot = ChartLook.plot(new XYPlot(lossData, epochs, lossAxis, renderer));
        chart = ChartLook.chart(new RedrawnChart(plot), new RectangleInsets(4, 2, 2, 10));
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setPrefSize(360, 200);
        viewer.setMinSize(200, 110);
        Tooltip.install(viewer, new Tooltip("Training (grey): the mean over the batches since the last point. "
                + "Validation (orange) and test (black): measured on up to 1,000 of their images between epochs' "
                + "ends, on all of them at each epoch's end."));
        VBox.setVgrow(viewer, Priority.ALWAYS);

        lossChoice.setSelected(true);
        shown.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
                return;
            }
            boolean accuracy = now == accuracyChoice;
            plot.setDataset(accuracy ? accuracyData : lossData);
            plot.setRangeAxis(accuracy ? percentAxis : lossAxis);
        });
        Label bar = new Label("|");
        bar.getStyleClass().add("chart-choice-bar");
        HBox choices = new HBox(lossChoice, bar, accuracyChoice);
        choices.getStyleClass().add("chart-choices");
        choices.setAlignment(Pos.CENTER_LEFT);
        HBox legend = new HBox(8, ChartLook.legendItem("Training", TRAIN), ChartLook.legendItem("Validation", VALIDATION),
                ChartLook.legendItem("Test", TEST));
        legend.getStyleClass().add("loss-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        // A narrow column puts the legend under the choice rather than over the next column.
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(14, 2, choices, legend);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setMinWidth(0);
        top.setPrefWrapLength(200);
        getChildren().addAll(top, viewer);
        vm.snapshotProperty().addListener((o, was, now) -> show(now));
        show(vm.snapshotProperty().get());
    }

    private void show(ImageSnapshot s) {
        if (s == null) {
            return;
        }
        List<CurvePoint> curve = s.curve();
        if (s.build() == build && curve.size() == points && s.bestEpoch() == markedEpoch) {
            return;
        }
        markedEpoch = s.bestEpoch();
        chart.setNotify(false);
        all.forEach(series -> series.setNotify(false));
        try {
            if (s.build() != build || curve.size() < points) {
                all.forEach(XYSeries::clear);
                points = 0;
                build = s.build();
            }
            for (int p = points; p < curve.size(); p++) {
                CurvePoint c = curve.get(p);
                add(trainLoss, c.epoch(), c.trainLoss());
                add(validationLoss, c.epoch(), c.validationLoss());
                add(testLoss, c.epoch(), c.testLoss());
                add(trainAccuracy, c.epoch(), c.trainAccuracy());
                add(validationAccuracy, c.epoch(), c.validationAccuracy());
                add(testAccuracy, c.epoch(), c.testAccuracy());
            }
            points = curve.size();
            ChartLook.markBestEpoch(plot, bestEpoch, s.bestEpoch());
        } finally {
            all.forEach(series -> series.setNotify(true));
            chart.setNotify(true);
        }
    }

    private static void add(XYSeries series, double x, double y) {
        if (Double.isFinite(y)) {
            series.add(x, y, false);
        }
    }

    private ToggleButton choice(String text, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setToggleGroup(shown);
        button.getStyleClass().add("chart-choice");
        button.setTooltip(new Tooltip(tip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setFocusTraversable(false);
        return button;
    }



    /** Points of the training loss on the chart (for tests). */
    int pointCount() {
        return trainLoss.getItemCount();
    }

    boolean showsAccuracy() {
        return accuracyChoice.isSelected();
    }
}
