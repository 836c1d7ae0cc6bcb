package io.neuralplayground.ui;

import io.neuralplayground.ui.view.DataPanel;
import io.neuralplayground.ui.view.LossChartView;
import io.neuralplayground.ui.view.NetworkGraphView;
import io.neuralplayground.ui.view.OutputPlotView;
import io.neuralplayground.ui.view.StatusBarView;
import io.neuralplayground.ui.view.TopBar;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Lays out the playground window as TF Playground does: the top bar; data on the left; the network in the
 * centre; the output plot and the loss curve on the right; the status bar at the bottom. Space plays and pauses,
 * → trains one epoch, R resets.
 */
public final class PlaygroundWindow {
    /** The style sheets of the window, from the application's resources. */
    static final List<String> STYLESHEETS = List.of("/css/playground.css", "/css/network-graph.css",
            "/css/output.css");

    private PlaygroundWindow() {
    }

    public static Scene createScene(PlaygroundViewModel vm, double width, double height) {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("playground");
        root.setTop(new TopBar(vm));
        root.setLeft(new DataPanel(vm));
        root.setCenter(new NetworkGraphView(vm));
        VBox right = new VBox(10, new OutputPlotView(vm), new LossChartView(vm));
        right.getStyleClass().add("output-column");
        right.setMinWidth(300);
        root.setRight(right);
        root.setBottom(new StatusBarView(vm));

        Scene scene = new Scene(root, width, height);
        // The output column takes three tenths of the window, the network what is left.
        right.prefWidthProperty().bind(scene.widthProperty().multiply(0.3));
        for (String sheet : STYLESHEETS) {
            var url = PlaygroundWindow.class.getResource(sheet);
            if (url != null) {
                scene.getStylesheets().add(url.toExternalForm());
            }
        }
        installShortcuts(scene, vm);
        return scene;
    }

    /** Space, → and R, unless a text field has the keyboard (typing a weight or a seed). */
    private static void installShortcuts(Scene scene, PlaygroundViewModel vm) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            Runnable action = switch (Objects.requireNonNullElse(event.getCode(), KeyCode.UNDEFINED)) {
                case SPACE -> vm::togglePlay;
                case RIGHT -> vm::step;
                case R -> vm::reset;
                default -> null;
            };
            if (action != null) {
                action.run();
                event.consume();
            }
        });
    }
}
