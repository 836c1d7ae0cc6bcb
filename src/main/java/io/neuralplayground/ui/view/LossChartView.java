package io.neuralplayground.ui.view;

import io.neuralplayground.session.EpochLog;
import io.neuralplayground.ui.viewmodel.LossHistoryListener;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training and test loss per epoch. Keeps every epoch of the build in primitive arrays and shows a bounded,
 * decimated copy ({@link DecimatedSeries}), so a run of a million epochs draws as fast as one of a hundred. The
 * chart's data changes only here, on the FX thread, once per frame: JFreeChart-FX redraws on the thread that
 * changes the data.
 */
public final class LossChartView extends VBox implements LossHistoryListener {
    /** Points per series at most: enough for a smooth curve at any chart width. */
    public static final int DEFAULT_MAX_POINTS = 1600;
    /** A log axis shows losses below this at this (a loss can be exactly 0). */
    public static final double LOG_FLOOR = 1e-6;
    /** The chart redraws at most this often while epochs stream in (JFreeChart draws the whole chart each time). */
    static final long REFRESH_INTERVAL_NANOS = 100_000_000L;

    // The size of the output plot's axis numbers.
    private static final Font TICK_FONT = new Font("SansSerif", Font.PLAIN, 11);
    private static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 11);
    private static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
    private static final Color AXIS = new Color(0x99, 0x99, 0x99);
    private static final Color TEXT = new Color(0x55, 0x55, 0x55);
    private static final Color TRAIN_COLOR = new Color(0x77, 0x77, 0x77);
    private static final Color TEST_COLOR = new Color(0x0, 0x0, 0x0);
    /** Room around the plot; on the right, for half the label of a tick at the axis' end. */
    private static final RectangleInsets PADDING = new RectangleInsets(4, 2, 2, 8);

    private final LossHistory history = new LossHistory();
    private final XYSeries trainSeries = new XYSeries("Training", false, true);
    private final XYSeries testSeries = new XYSeries("Test", false, true);
    private final DecimatedSeries train;
    private final DecimatedSeries test;
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final CheckBox logScale = new CheckBox("Log scale");
    // The loss axes have no label of their own: the section's title, LOSS, is right above them.
    private final NumberAxis linearAxis = axis(new NumberAxis(null));
    private final LogAxis logAxis = axis(new DecadeLogAxis(null));
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
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trainSeries);
        data.addSeries(testSeries);

        NumberAxis epochs = axis(new EpochAxis("epoch", PADDING.getRight()));
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

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, TRAIN_COLOR);
        renderer.setSeriesPaint(1, TEST_COLOR);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        renderer.setDrawSeriesLineAsPath(true);

        plot = new XYPlot(data, epochs, linearAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        chart = new RedrawnChart(plot);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(PADDING);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);

        viewer = new ChartViewer(chart, false);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setPrefSize(360, 180);
        // Short enough that the plot's smallest square and this fit a 1100 × 700 window without scrolling.
        viewer.setMinSize(200, 100);
        viewer.getStyleClass().add("loss-chart-viewer");
        Tooltip.install(viewer, new Tooltip("Loss on the training data (grey) and the test data (black) after each epoch"));
        VBox.setVgrow(viewer, Priority.ALWAYS);

        logScale.setTooltip(new Tooltip("Logarithmic loss axis: shows small losses and their progress"));
        logScale.selectedProperty().addListener((o, was, now) -> setLogScale(now));
        // The choice lives in the view model, so that a session keeps it.
        logScale.selectedProperty().bindBidirectional(vm.logScaleProperty());
        Label header = new Label("LOSS");
        header.getStyleClass().add("section-header");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // The legend sits in the title row, outside the curves: inside the chart it covered them in a small window.
        legend = List.of(legendItem(trainSeries, TRAIN_COLOR), legendItem(testSeries, TEST_COLOR));
        HBox key = new HBox();
        key.getChildren().addAll(legend);
        key.getStyleClass().add("loss-legend");
        key.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(header, key, gap, logScale);
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
    }

    /** "── Training": a short line in the series' colour and its name. */
    private static Label legendItem(XYSeries series, Color color) {
        Line line = new Line(0, 0, 14, 0);
        line.setStroke(javafx.scene.paint.Color.rgb(color.getRed(), color.getGreen(), color.getBlue()));
        line.setStrokeWidth(1.5);
        Label item = new Label(series.getKey().toString(), line);
        item.getStyleClass().add("loss-legend-item");
        item.setMinWidth(Region.USE_PREF_SIZE);
        return item;
    }

    private static <A extends ValueAxis> A axis(A axis) {
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkOutsideLength(3);
        axis.setLabelInsets(new RectangleInsets(2, 2, 2, 2));
        return axis;
    }

    @Override
    public void reset(long build) {
        this.build = build;
        history.clear();
        changeChart(() -> {
            train.clear();
            test.clear();
        });
    }

    @Override
    public void append(EpochLog.Slice epochs) {
        history.append(epochs);
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

    private void refreshSeries() {
        train.update(history.epochs(), history.train(), history.size());
        test.update(history.epochs(), history.test(), history.size());
    }

    private void setLogScale(boolean on) {
        changeChart(() -> {
            double floor = on ? LOG_FLOOR : Double.NEGATIVE_INFINITY;
            train.setFloor(floor);
            test.setFloor(floor);
            plot.setRangeAxis(on ? logAxis : linearAxis);
            refreshSeries();
        });
    }

    /** One redraw for a batch of changes: nothing is told until the end. */
    private void changeChart(Runnable change) {
        chart.setNotify(false);
        trainSeries.setNotify(false);
        testSeries.setNotify(false);
        try {
            change.run();
        } finally {
            trainSeries.setNotify(true);
            testSeries.setNotify(true);
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

    ChartViewer viewer() {
        return viewer;
    }

    /** The legend's entries, one per series, in the title row. */
    List<Label> legendItems() {
        return legend;
    }
}
