package io.neuralplayground.ui.view.images;

import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;

/**
 * The status bar while the Images tab shows: on the left why training stopped, else the tab's hint; on the right
 * the test accuracy and loss of the last measurement and the matrix kernel that trains
 * ("OpenBLAS 0.3.31 (native, 1 thread)", or why the Java kernel runs instead).
 */
public final class ImageStatusBar extends StatusBar {
    public ImageStatusBar(ImagesViewModel vm, ObservableStringValue hint) {
        getStyleClass().add("playground-status");
        textProperty().bind(Bindings.createStringBinding(() -> {
            String message = vm.messageProperty().get();
            return message.isEmpty() ? hint.get() : "⚠ " + message;
        }, vm.messageProperty(), hint));
        Label test = new Label();
        test.getStyleClass().add("status-item");
        test.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.snapshotProperty().get();
            if (s == null || s.test() == null) {
                return "No test measurement yet";
            }
            return String.format(Locale.ROOT, "Test loss %.4f   Test accuracy %s (epoch %d)", s.test().loss(),
                    NumberTexts.percent(s.test().accuracy()), s.test().epoch());
        }, vm.snapshotProperty()));
        Label kernel = new Label();
        kernel.getStyleClass().addAll("status-item", "kernel-status");
        kernel.textProperty().bind(vm.kernelProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.concat("The matrix kernel that trains the image network: ",
                vm.kernelProperty()));
        kernel.setTooltip(tip);
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.getStyleClass().add("status-separator");
        getRightItems().addAll(test, separator, kernel);
    }
}
