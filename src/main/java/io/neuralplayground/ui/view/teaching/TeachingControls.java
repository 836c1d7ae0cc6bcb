package io.neuralplayground.ui.view.teaching;

import java.util.function.Function;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/** What the teaching views share: the stepping views' (backprop stepper, autodiff) tooltips and keys, messages. */
final class TeachingControls {
    /** The size a stepping view asks for. */
    static final double PREF_WIDTH = 1400;
    static final double PREF_HEIGHT = 780;

    private TeachingControls() {
    }

    /** A tooltip that shows soon and wraps its text. */
    static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(400));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        return tip;
    }

    /**
     * The stepping keys of {@code view}: a key that {@code actions} maps to an action runs it and is consumed,
     * unless a text field of the view's scene has the keyboard. {@code actions} gives null for other keys.
     */
    static EventHandler<KeyEvent> steppingKeys(Node view, Function<KeyCode, Runnable> actions) {
        return event -> {
            if (view.getScene() != null && view.getScene().getFocusOwner() instanceof TextInputControl) {
                return;
            }
            Runnable action = actions.apply(event.getCode());
            if (action != null) {
                action.run();
                event.consume();
            }
        };
    }

    /** The label takes room and shows only while it has a text (an error, a note). */
    static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
