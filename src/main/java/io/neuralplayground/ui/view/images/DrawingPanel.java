package io.neuralplayground.ui.view.images;

import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The drawing canvas with its Clear button, and what the network makes of the drawing, live. */
final class DrawingPanel extends HBox {
    private final DrawingCanvas canvas;
    private final ProbabilityBars bars = new ProbabilityBars();
    private final ImagesViewModel vm;

    DrawingPanel(ImagesViewModel vm) {
        this.vm = vm;
        this.canvas = new DrawingCanvas(vm);
        getStyleClass().add("drawing-panel");
        setSpacing(14);
        Button clear = new Button("Clear");
        clear.setFocusTraversable(false);
        clear.setTooltip(new Tooltip("Wipe the drawing"));
        clear.setOnAction(e -> {
            vm.clearDrawing();
            canvas.redraw();
        });
        Label hint = new Label("Draw with the mouse: the network reads the picture as it reads a test image "
                + "(white is 0, full ink 1).");
        hint.getStyleClass().add("field-label");
        hint.setWrapText(true);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        VBox left = new VBox(6, canvas);
        left.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(left, Priority.ALWAYS);
        left.setMaxWidth(420);
        VBox right = new VBox(6, hint, clear, bars);
        right.setMinWidth(200);
        right.setPrefWidth(240);
        right.setMaxWidth(280);
        Tooltip.install(canvas, new Tooltip("Paint with the left mouse button; Clear to start again"));
        getChildren().addAll(left, right);
        vm.drawingProbabilitiesProperty().addListener(o -> showBars());
        vm.dataProperty().addListener(o -> {
            canvas.redraw();
            showBars();
        });
        showBars();
    }

    private void showBars() {
        ImageData data = vm.dataProperty().get();
        List<String> names = data == null ? List.of() : data.classNames();
        bars.show(names, vm.drawingProbabilitiesProperty().get(), -1, "Draw something on the left.");
    }

    DrawingCanvas canvas() {
        return canvas;
    }

    ProbabilityBars bars() {
        return bars;
    }
}
