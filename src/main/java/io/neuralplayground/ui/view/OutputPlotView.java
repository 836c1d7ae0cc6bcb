package io.neuralplayground.ui.view;

import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Playground's output column: the losses (for regression, the span of the data's values beside them), the plot of
 * the plane with the examples and its colour key, and the choices under it (show test data, discretize output,
 * what a click paints).
 */
public final class OutputPlotView extends VBox {
    private final LossReadout readout;
    private final OutputPlot plot;
    private final CheckBox showTestData = new CheckBox("Show test data");
    private final CheckBox discretize = new CheckBox("Discretize output");
    private final PaintControls paint;
    private final ValueRangeLabel valueRange;
    private final AxisPickers axes;
    private final HBox headerRow;

    public OutputPlotView(PlaygroundViewModel vm) {
        getStyleClass().add("output-plot");
        Label header = new Label("OUTPUT");
        header.getStyleClass().add("section-header");
        readout = new LossReadout(vm);
        plot = new OutputPlot(vm);
        VBox.setVgrow(plot, Priority.ALWAYS);

        showTestData.selectedProperty().bindBidirectional(vm.showTestDataProperty());
        showTestData.setTooltip(new Tooltip("Also draw the test data, outlined in black"));
        discretize.selectedProperty().bindBidirectional(vm.discretizeProperty());
        discretize.setTooltip(new Tooltip("Colour each point of the plane by the side of 0 its output falls on"));
        HBox checks = new HBox(showTestData, discretize);
        checks.getStyleClass().add("plot-options");
        checks.setAlignment(Pos.CENTER_LEFT);

        paint = new PaintControls(vm);
        valueRange = new ValueRangeLabel(vm);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox numbers = new HBox(readout, gap, valueRange);
        axes = new AxisPickers(vm);
        // Nothing to paint on the user's data: a point would need a value in every column.
        Runnable showPaint = () -> {
            boolean generated = !vm.settings().hasDataFile();
            paint.setVisible(generated);
            paint.setManaged(generated);
        };
        vm.snapshotProperty().addListener(o -> showPaint.run());
        showPaint.run();
        Region headerGap = new Region();
        HBox.setHgrow(headerGap, Priority.ALWAYS);
        headerRow = new HBox(header, headerGap);
        headerRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(headerRow, numbers, axes, plot, checks, paint);
    }

    /**
     * Puts {@code node} at the right end of the OUTPUT title's row, where it takes no height of its own (the
     * switch between the loss curve and the confusion matrix: a row of its own would make a 1100 × 700 window
     * scroll).
     */
    public void putInHeader(javafx.scene.Node node) {
        headerRow.getChildren().add(node);
    }

    /** The plot itself (its plane coordinates: {@link OutputPlot#plotBounds()}, {@link OutputPlot#grid()}). */
    public OutputPlot plot() {
        return plot;
    }

    CheckBox showTestDataBox() {
        return showTestData;
    }

    CheckBox discretizeBox() {
        return discretize;
    }

    PaintControls paintControls() {
        return paint;
    }

    LossReadout readout() {
        return readout;
    }

    AxisPickers axisPickers() {
        return axes;
    }

    ValueRangeLabel valueRange() {
        return valueRange;
    }
}
