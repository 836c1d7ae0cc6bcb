package io.neuralplayground.ui.view;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** A question with one button that goes on and Cancel, over the window; closing it counts as Cancel. */
public final class Confirmation {
    private Confirmation() {
    }

    /**
     * Asks and waits for the answer.
     *
     * @param owner      the window it stands over, or null
     * @param styleClass marks the dialog for styles and tests
     * @return whether the user chose {@code goOn}
     */
    public static boolean ask(Window owner, String styleClass, String title, String header, String text,
            ButtonType goOn) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, goOn, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().getStyleClass().add(styleClass);
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert.showAndWait().orElse(ButtonType.CANCEL) == goOn;
    }
}
