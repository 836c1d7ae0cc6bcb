package io.neuralplayground.ui.view;

import io.neuralplayground.session.EpochLog;
import io.neuralplayground.ui.viewmodel.LossHistoryListener;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training and test loss per epoch, or, for classification, training and test accuracy per epoch: a choice in the
 * title row ("LOSS | ACCURACY") switches what the chart shows. Accuracy is the share of the examples classified
 * correctly, on an axis from 0 to 100 %; regression has none, and then the choice is not offered.
 *
 * <p>Keeps every epoch of the build in primitive arrays and shows a bounded, decimated copy
 * ({@link DecimatedSeries}), so a run of a million epochs draws as fast as one of a hundred. The chart's data
 * changes only here, on the FX thread, once per frame: JFreeChart-FX redraws on the thread that changes the data.
 */
public final class LossChartView extends VBox implements LossHistoryListener {
    /** Points per series at most: enough for a smooth curve at any chart width. */
    public static final int DEFAULT_MAX_POINTS = 1600;
    /** A log axis shows losses below this at this (a loss can be exactly 0). */
    public static final double LOG_FLOOR = 1e-6;
    /** The state of LOSS when it is the only thing the chart can show (regression). */
    private static final PseudoClass ALONE = PseudoClass.getPseudoClass("alone");
    /** The accuracy axis ends here, a little above 100 %. */
    static final double ACCURACY_AXIS_TOP = 1.03;
    /** The chart redraws at most this often while epochs stream in (JFreeChart draws the whole chart each time). */
    static final long REFRESH_INTERVAL_NANOS = 100_000_000L;

    // The size of the output plot's axis numbers.
    private static final Color TRAIN_COLOR = new Color(0x77, 0x77, 0x77);
    private static final Color TEST_COLOR = new Color(0x0, 0x0, 0x0);
    private static final Color VALIDATION_COLOR = ChartLook.VALIDATION;
    /** Room around the plot; on the right, for half the label of a tick at the axis' end. */
    private static final RectangleInsets PADDING = new RectangleInsets(4, 2, 2, 8);

    private static final String LOSS_TIP = "Loss on the training data (grey), the validation data (orange, when some is"
            + " set aside) and the test data (black) after each epoch; with early stopping, a line marks the best"
            + " epoch";
    private static final String ACCURACY_TIP = "Accuracy, the share of points classified correctly, on the training"
            + " data (grey), the validation data (orange) and the test data (black) after each epoch";

    private final EpochHistory history = new EpochHistory();
    private final XYSeries trainSeries = new XYSeries("Training", false, true);
    private final XYSeries testSeries = new XYSeries("Test", false, true);
    private final XYSeries trainAccuracySeries = new XYSeries("Training accuracy", false, true);
    private final XYSeries testAccuracySeries = new XYSeries("Test accuracy", false, true);
    private final XYSeries validationSeries = new XYSeries("Validation", false, true);
    private final XYSeries validationAccuracySeries = new XYSeries("Validation accuracy", false, true);
    private final DecimatedSeries train;
    private final DecimatedSeries test;
    private final DecimatedSeries trainAccuracy;
    private final DecimatedSeries testAccuracy;
    private final DecimatedSeries validation;
    private final DecimatedSeries validationAccuracy;
    /** The best epoch early stopping has seen, drawn as a vertical line on either chart. */
    private final ValueMarker bestEpoch = ChartLook.bestEpochMarker();
    private int markedEpoch;
    private final Label validationLegend;
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeriesCollection accuracyData = new XYSeriesCollection();
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final Tooltip chartTip = new Tooltip(LOSS_TIP);
    private final CheckBox logScale = new CheckBox("Log scale");
    // The axes have no label of their own: the section's title, LOSS or ACCURACY, is right above them.
    private final NumberAxis linearAxis = ChartLook.axis(new NumberAxis(null));
    private final LogAxis logAxis = ChartLook.axis(new DecadeLogAxis(null));
    private final NumberAxis percentAxis = ChartLook.axis(new NumberAxis(null));
    private final ToggleGroup shown = new ToggleGroup();
    private final ToggleButton lossChoice = choice("LOSS", "Show the loss of each epoch");
    private final ToggleButton accuracyChoice = choice("ACCURACY",
            "Show the accuracy of each epoch: the share of points classified correctly");
    private final Label choiceBar = new Label("|");
    private final List<Label> legend;
    private long build = -1;
    private final ObservableBooleanValue playing;
    /** Shows the epochs that came while the chart waited to redraw. */
    private final PauseTransition pendingRefresh = new PauseTransition();
    private long lastRefresh = Long.MIN_VALUE / 2;
    private boolean refreshPending;

    public LossChartView(PlaygroundViewModel vm) {
        this(vm, DEFAULT_MAX_POINTS);
    }

    /** @param maxPoints at most about this many points per series on screen */
    public LossChartView(PlaygroundViewModel vm, int maxPoints) {
        getStyleClass().add("loss-chart");
        train = new DecimatedSeries(trainSeries, maxPoints);
        test = new DecimatedSeries(testSeries, maxPoints);
        trainAccuracy = new DecimatedSeries(trainAccuracySeries, maxPoints);
        testAccuracy = new DecimatedSeries(testAccuracySeries, maxPoints);
        validation = new DecimatedSeries(validationSeries, maxPoints);
        validationAccuracy = new DecimatedSeries(validationAccuracySeries, maxPoints);
        // Training first, test second, validation third in both: the renderer's colours and the legend hold for
        // either.
        lossData.addSeries(trainSeries);
        lossData.addSeries(testSeries);
        lossData.addSeries(validationSeries);
        accuracyData.addSeries(trainAccuracySeries);
        accuracyData.addSeries(testAccuracySeries);
        accuracyData.addSeries(validationAccuracySeries);

        NumberAxis epochs = ChartLook.axis(new EpochAxis("epoch", PADDING.getRight()));
        linearAxis.setAutoRangeIncludesZero(true);
        linearAxis.setStandardTickUnits(ChartTickFormats.standardUnits());
        logAxis.setSmallestValue(LOG_FLOOR);
        // Ticks at whole decades only, labelled 10⁻³ (half decades would read 3.162E-2).
        TickUnits decades = new TickUnits();
        for (int d : new int[] {1, 2, 3, 5, 10}) {
            decades.add(ChartTickFormats.unit(d));
        }
        logAxis.setStandardTickUnits(decades);
        logAxis.setMinorTickMarksVisible(true);
        // Always 0 to 100 %: how far from perfect a run is shows at a glance, and 50 % reads as guessing. A little
        // room above 100 % keeps a perfect run's line whole instead of half cut by the plot's edge.
        percentAxis.setAutoRange(false);
        percentAxis.setRange(0, ACCURACY_AXIS_TOP);
        TickUnits percents = new TickUnits();
        for (double step : new double[] {0.1, 0.2, 0.25, 0.5, 1}) {
            percents.add(ChartTickFormats.percentUnit(step));
        }
        percentAxis.setStandardTickUnits(percents);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, TRAIN_COLOR);
        renderer.setSeriesPaint(1, TEST_COLOR);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        renderer.setSeriesPaint(2, VALIDATION_COLOR);
        renderer.setSeriesStroke(2, new BasicStroke(1.5f));
        renderer.setDrawSeriesLineAsPath(true);

        plot = ChartLook.plot(new XYPlot(lossData, epochs, linearAxis, renderer));

        chart = ChartLook.chart(new RedrawnChart(plot), PADDING);

        viewer = new ChartViewer(chart, false);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setPrefSize(360, 180);
        // Short enough that the plot's smallest square and this fit a 1100 × 700 window without scrolling.
        viewer.setMinSize(200, 100);
        viewer.getStyleClass().add("loss-chart-viewer");
        Tooltip.install(viewer, chartTip);
        VBox.setVgrow(viewer, Priority.ALWAYS);

        logScale.getStyleClass().add("loss-log-scale");
        logScale.setTooltip(new Tooltip("Logarithmic loss axis: shows small losses and their progress"));
        logScale.selectedProperty().addListener((o, was, now) -> setLogScale(now));
        // The choice lives in the view model, so that a session keeps it.
        logScale.selectedProperty().bindBidirectional(vm.logScaleProperty());
        lossChoice.setSelected(true);
        shown.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // A click on the choice already made keeps it: the chart always shows one of the two.
                was.setSelected(true);
            } else {
                showAccuracy(now == accuracyChoice);
            }
        });
        choiceBar.getStyleClass().add("chart-choice-bar");
        HBox header = new HBox(lossChoice, choiceBar, accuracyChoice);
        header.getStyleClass().add("chart-choices");
        header.setAlignment(Pos.CENTER_LEFT);
        // Regression has no accuracy: LOSS alone stays, as a plain title.
        offerAccuracy(Double.isFinite(vm.trainAccuracyProperty().get()));
        vm.trainAccuracyProperty().addListener((o, was, now) -> offerAccuracy(Double.isFinite(now.doubleValue())));
        // The legend sits in the title row, outside the curves: inside the chart it covered them in a small window.
        validationLegend = ChartLook.legendItem(validationSeries.getKey().toString(), VALIDATION_COLOR);
        legend = List.of(ChartLook.legendItem(trainSeries.getKey().toString(), TRAIN_COLOR),
                ChartLook.legendItem(testSeries.getKey().toString(), TEST_COLOR), validationLegend);
        showValidationLegend(false);
        HBox key = new HBox();
        key.getChildren().addAll(legend);
        key.getStyleClass().add("loss-legend");
        key.setAlignment(Pos.CENTER_LEFT);
        // The legend takes the room left and so puts the log scale at the right end: a blank region between them
        // cost a spacing more, which the smallest window lacks.
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox top = new HBox(header, key, logScale);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("loss-chart-bar");
        getChildren().addAll(top, viewer);
        pendingRefresh.setOnFinished(e -> refreshNow());
        playing = vm.playingProperty();
        // When training stops, show the last epochs at once.
        playing.addListener((o, was, now) -> {
            if (!now && refreshPending) {
                refreshNow();
            }
        });
        vm.addLossListener(this);
        vm.bestEpochProperty().addListener((o, was, now) -> markBestEpoch(now.intValue()));
        markBestEpoch(vm.bestEpochProperty().get());
    }

    /** The legend names the validation curve only when the build has one. */
    private void showValidationLegend(boolean shown) {
        validationLegend.setVisible(shown);
        validationLegend.setManaged(shown);
    }

    /** A line at early stopping's best epoch so far; none while there is none (0). */
    private void markBestEpoch(int epoch) {
        if (epoch == markedEpoch) {
            return;
        }
        markedEpoch = epoch;
        changeChart(() -> ChartLook.markBestEpoch(plot, bestEpoch, epoch));
    }

    /** The epoch the best-epoch line marks, 0 for none. */
    int markedBestEpoch() {
        return markedEpoch;
    }

    /** One of the title row's choices of what the chart shows, written as a section's title. */
    private ToggleButton choice(String text, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setToggleGroup(shown);
        button.getStyleClass().add("chart-choice");
        button.setTooltip(new Tooltip(tip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** Shows or hides the choice of accuracy; without it, the loss shows. */
    private void offerAccuracy(boolean offered) {
        if (!offered) {
            lossChoice.setSelected(true);
        }
        for (Node node : List.of(choiceBar, accuracyChoice)) {
            node.setVisible(offered);
            node.setManaged(offered);
        }
        // Alone, LOSS is a title, not a choice: not clickable, not underlined as the choice made.
        lossChoice.setMouseTransparent(!offered);
        lossChoice.setFocusTraversable(offered);
        lossChoice.pseudoClassStateChanged(ALONE, !offered);
    }



    @Override
    public void reset(long build) {
        this.build = build;
        history.clear();
        changeChart(() -> {
            train.clear();
            test.clear();
            trainAccuracy.clear();
            testAccuracy.clear();
            validation.clear();
            validationAccuracy.clear();
        });
        showValidationLegend(false);
    }

    @Override
    public void append(EpochLog.Slice epochs) {
        history.append(epochs);
        showValidationLegend(history.hasValidation());
        long now = System.nanoTime();
        if (!playing.get() || now - lastRefresh >= REFRESH_INTERVAL_NANOS) {
            refreshNow();
        } else if (!refreshPending) {
            // While training, new epochs come every frame: the chart redraws at most ten times a second, and
            // the last epochs always show, a moment later.
            refreshPending = true;
            pendingRefresh.setDuration(javafx.util.Duration.millis((REFRESH_INTERVAL_NANOS - (now - lastRefresh))
                    / 1e6));
            pendingRefresh.playFromStart();
        }
    }

    private void refreshNow() {
        refreshPending = false;
        pendingRefresh.stop();
        lastRefresh = System.nanoTime();
        changeChart(this::refreshSeries);
    }

    /**
     * Brings the pair of series on show up to the history. The other pair waits: {@link DecimatedSeries} catches
     * up from where it stopped when it shows again, and the FX thread does half the work while training.
     */
    private void refreshSeries() {
        if (showsAccuracy()) {
            trainAccuracy.update(history.epochs(), history.trainAccuracy(), history.size());
            testAccuracy.update(history.epochs(), history.testAccuracy(), history.size());
            validationAccuracy.update(history.epochs(), history.validationAccuracy(), history.size());
        } else {
            train.update(history.epochs(), history.trainLoss(), history.size());
            test.update(history.epochs(), history.testLoss(), history.size());
            validation.update(history.epochs(), history.validationLoss(), history.size());
        }
    }

    /** The log scale is the loss axis' alone; chosen while the accuracy shows, it waits for the loss. */
    private void setLogScale(boolean on) {
        changeChart(() -> {
            double floor = on ? LOG_FLOOR : Double.NEGATIVE_INFINITY;
            train.setFloor(floor);
            test.setFloor(floor);
            validation.setFloor(floor);
            if (!showsAccuracy()) {
                plot.setRangeAxis(lossAxis());
            }
            refreshSeries();
        });
    }

    private ValueAxis lossAxis() {
        return logScale.isSelected() ? logAxis : linearAxis;
    }

    private void showAccuracy(boolean accuracy) {
        changeChart(() -> {
            plot.setDataset(accuracy ? accuracyData : lossData);
            plot.setRangeAxis(accuracy ? percentAxis : lossAxis());
            refreshSeries();
        });
        logScale.setDisable(accuracy);
        chartTip.setText(accuracy ? ACCURACY_TIP : LOSS_TIP);
    }

    /** Whether the chart shows the accuracy (otherwise the loss). */
    public boolean showsAccuracy() {
        return accuracyChoice.isSelected();
    }

    /** One redraw for a batch of changes: nothing is told until the end. */
    private void changeChart(Runnable change) {
        List<XYSeries> all = List.of(trainSeries, testSeries, validationSeries, trainAccuracySeries,
                testAccuracySeries, validationAccuracySeries);
        chart.setNotify(false);
        all.forEach(series -> series.setNotify(false));
        try {
            change.run();
        } finally {
            all.forEach(series -> series.setNotify(true));
            chart.setNotify(true);
        }
    }

    /** Epochs received since the build began. */
    public int historySize() {
        return history.size();
    }

    /** The build whose history this shows. */
    public long build() {
        return build;
    }

    public JFreeChart chart() {
        return chart;
    }

    public CheckBox logScaleToggle() {
        return logScale;
    }

    XYSeries trainingSeries() {
        return trainSeries;
    }

    XYSeries testSeries() {
        return testSeries;
    }

    XYSeries validationSeries() {
        return validationSeries;
    }

    XYSeries validationAccuracySeries() {
        return validationAccuracySeries;
    }

    XYSeries trainingAccuracySeries() {
        return trainAccuracySeries;
    }

    XYSeries testAccuracySeries() {
        return testAccuracySeries;
    }

    /** The title row's choice of the loss (LOSS). */
    ToggleButton lossChoice() {
        return lossChoice;
    }

    /** The title row's choice of the accuracy (ACCURACY); hidden for regression. */
    ToggleButton accuracyChoice() {
        return accuracyChoice;
    }

    Tooltip chartTooltip() {
        return chartTip;
    }

    ChartViewer viewer() {
        return viewer;
    }

    /** The legend's entries, one per series, in the title row. */
    List<Label> legendItems() {
        return legend;
    }
}
