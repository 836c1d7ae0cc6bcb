package io.neuralplayground.ui.view;

import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Under the output plot, one of two: the loss curve or the confusion matrix, switched by two buttons that the
 * window places in the OUTPUT title's row ({@link #switches()}). Both stay live while hidden, so switching shows
 * the present at once. For regression only the loss curve is offered.
 */
public final class OutputDetails extends VBox {
    private final ToggleButton lossButton = new ToggleButton("Loss curve");
    private final ToggleButton matrixButton = new ToggleButton("Confusion matrix");
    private final LossChartView loss;
    private final ConfusionMatrixView matrix;
    private final HBox switches;

    public OutputDetails(PlaygroundViewModel vm) {
        getStyleClass().add("output-details");
        loss = new LossChartView(vm);
        matrix = new ConfusionMatrixView(vm);
        ToggleGroup group = new ToggleGroup();
        lossButton.setToggleGroup(group);
        matrixButton.setToggleGroup(group);
        lossButton.setSelected(true);
        lossButton.setTooltip(new Tooltip("The loss of every epoch, training and test"));
        matrixButton.setTooltip(new Tooltip("Which classes the network confuses, live while it trains; a click on "
                + "a cell marks its examples in the plot"));
        lossButton.setFocusTraversable(false);
        matrixButton.setFocusTraversable(false);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else {
                showSelected();
            }
        });
        switches = new HBox(lossButton, matrixButton);
        switches.getStyleClass().add("output-details-switch");
        switches.setAlignment(Pos.CENTER_RIGHT);
        StackPane shown = new StackPane(loss, matrix);
        shown.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(shown, Priority.ALWAYS);
        getChildren().add(shown);
        vm.classReportProperty().addListener(o -> offerMatrix(vm));
        vm.problemProperty().addListener(o -> offerMatrix(vm));
        offerMatrix(vm);
        showSelected();
    }

    /** The matrix is for classification: for regression the switch goes back to the loss curve and waits. */
    private void offerMatrix(PlaygroundViewModel vm) {
        boolean classification = vm.settings().isClassification();
        matrixButton.setDisable(!classification);
        if (!classification) {
            lossButton.setSelected(true);
        }
    }

    private void showSelected() {
        boolean showMatrix = matrixButton.isSelected();
        // The hidden one is unmanaged too: its size must not count, or the matrix's height would make the
        // column scroll while the loss curve shows.
        matrix.setVisible(showMatrix);
        matrix.setManaged(showMatrix);
        loss.setVisible(!showMatrix);
        loss.setManaged(!showMatrix);
    }

    /** The two buttons that switch between the curve and the matrix, for the window to place (above the plot). */
    public HBox switches() {
        return switches;
    }

    public LossChartView loss() {
        return loss;
    }

    public ConfusionMatrixView matrix() {
        return matrix;
    }

    /** Shows the confusion matrix, or the loss curve. */
    public void showMatrix(boolean show) {
        (show ? matrixButton : lossButton).setSelected(true);
    }
}
