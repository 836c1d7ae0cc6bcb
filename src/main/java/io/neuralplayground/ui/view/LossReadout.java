package io.neuralplayground.ui.view;

import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The numbers above the output plot: "Test loss 0.012", "Training loss 0.010", and for classification the
 * accuracies beside them (hidden for regression, where they are NaN). In a column too narrow for both, the
 * accuracies go under the losses rather than be cut off.
 */
public final class LossReadout extends FlowPane {
    private final Label testAccuracy;

    public LossReadout(PlaygroundViewModel vm) {
        getStyleClass().add("loss-readout");
        VBox losses = new VBox(item("Test loss", vm.testLossProperty(), false, "Mean loss on the test data"),
                item("Training loss", vm.trainLossProperty(), false, "Mean loss on the training data"),
                hiddenWhileNaN(item("Validation loss", vm.validationLossProperty(), false,
                        "Mean loss on the validation data, set aside from the training data"),
                        vm.validationLossProperty()));
        HBox test = item("Test accuracy", vm.testAccuracyProperty(), true,
                "Share of the test data classified correctly");
        VBox accuracies = new VBox(test, item("Training accuracy", vm.trainAccuracyProperty(), true,
                "Share of the training data classified correctly"),
                item("Validation accuracy", vm.validationAccuracyProperty(), true,
                        "Share of the validation data classified correctly"));
        losses.getStyleClass().add("readout-column");
        accuracies.getStyleClass().add("readout-column");
        getChildren().addAll(losses, accuracies);
        testAccuracy = (Label) test.getChildren().get(1);
    }

    /** "Name value"; a percentage or a validation value hides itself while it is NaN. */
    private static HBox item(String name, ObservableDoubleValue value, boolean percent, String tip) {
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("readout-name");
        nameLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label valueLabel = new Label();
        valueLabel.getStyleClass().add("readout-value");
        valueLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        valueLabel.textProperty().bind(Bindings.createStringBinding(
                () -> percent ? NumberTexts.percent(value.get()) : NumberTexts.loss(value.get()), value));
        HBox box = new HBox(nameLabel, valueLabel);
        box.getStyleClass().add("readout-item");
        Tooltip.install(box, new Tooltip(tip));
        // Regression has no accuracy: a percentage hides while it has none.
        return percent ? hiddenWhileNaN(box, value) : box;
    }

    /** Shows {@code box} only while {@code value} is a number (no accuracy for regression, no validation data). */
    private static HBox hiddenWhileNaN(HBox box, ObservableDoubleValue value) {
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !Double.isNaN(value.get()), value));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The shown test accuracy ("99.2 %"), for tests. */
    String testAccuracyText() {
        return testAccuracy.getText();
    }

    /** Whether the accuracies show. */
    boolean accuracyShown() {
        return testAccuracy.getParent().isVisible();
    }
}
