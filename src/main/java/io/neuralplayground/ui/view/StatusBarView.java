package io.neuralplayground.ui.view;

import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import org.controlsfx.control.StatusBar;

/**
 * The window's status bar (ControlsFX). On the left, first what went wrong in training, then what the last file
 * action did, else the hint of the view on screen; on the right the epoch, the losses and epochs per second.
 */
public final class StatusBarView extends StatusBar {

    /**
     * @param hint what the keys do in the view on screen ("Paused — press Space to train, → for one epoch")
     * @param note what the last file action did ("Exported the network (ONNX) to …"), or ""
     */
    public StatusBarView(PlaygroundViewModel vm, ObservableStringValue hint, ObservableStringValue note) {
        getStyleClass().add("playground-status");
        textProperty().bind(Bindings.createStringBinding(() -> {
            String message = vm.messageProperty().get();
            if (!message.isEmpty()) {
                // Early stopping did what it was asked to: news, not a warning.
                return (vm.stoppedEarlyProperty().get() ? "■ " : "⚠ ") + message;
            }
            return note.get().isEmpty() ? hint.get() : note.get();
        }, vm.messageProperty(), vm.stoppedEarlyProperty(), hint, note));
        Label epoch = label(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "Epoch %,d",
                vm.epochProperty().get()), vm.epochProperty()));
        Label losses = label(Bindings.createStringBinding(() -> {
            String s = String.format(Locale.ROOT, "Train loss %.4f   Test loss %.4f", vm.trainLossProperty().get(),
                    vm.testLossProperty().get());
            double accuracy = vm.testAccuracyProperty().get();
            return Double.isNaN(accuracy) ? s : s + "   Test accuracy " + NumberTexts.percent(accuracy);
        }, vm.trainLossProperty(), vm.testLossProperty(), vm.testAccuracyProperty()));
        Label rate = label(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,.0f epochs/s",
                vm.epochsPerSecondProperty().get()), vm.epochsPerSecondProperty()));
        getRightItems().addAll(epoch, separator(), losses, separator(), rate);
        Runnable warn = () -> pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"),
                !vm.messageProperty().get().isEmpty() && !vm.stoppedEarlyProperty().get());
        vm.messageProperty().addListener(o -> warn.run());
        vm.stoppedEarlyProperty().addListener(o -> warn.run());
    }

    private static Label label(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("status-item");
        return label;
    }

    private static Separator separator() {
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.getStyleClass().add("status-separator");
        return separator;
    }
}
