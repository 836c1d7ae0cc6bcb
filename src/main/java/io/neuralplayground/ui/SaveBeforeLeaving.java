package io.neuralplayground.ui;

import io.neuralplayground.ui.viewmodel.DocumentViewModel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before the session shown is left with unsaved changes (quitting, closing the window, opening another
 * session): Save, Don't save or Cancel. Save writes the session first (asking for a file if it has none) and goes
 * on only once it is written; a save that fails or is cancelled leaves everything as it was.
 */
final class SaveBeforeLeaving {
    static final ButtonType SAVE = new ButtonType("Save", ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonData.NO);

    private final DocumentViewModel documents;
    private final Supplier<Window> owner;
    private final Supplier<Optional<Path>> chooseFile;
    /** Whether a question is on screen: a second Ctrl+Q while it is must not stack another. */
    private boolean asking;

    /**
     * @param chooseFile asks for a file to save an untitled session to; empty when the user cancels
     */
    SaveBeforeLeaving(DocumentViewModel documents, Supplier<Window> owner, Supplier<Optional<Path>> chooseFile) {
        this.documents = Objects.requireNonNull(documents);
        this.owner = owner;
        this.chooseFile = chooseFile;
    }

    /**
     * Runs {@code leave} now if nothing is unsaved; otherwise after the user's answer: at once for Don't save,
     * after a successful save for Save, never for Cancel.
     *
     * @param doing what leaving does, for the question: "quitting", "opening another session"
     */
    void then(String doing, Runnable leave) {
        if (!documents.dirtyProperty().get()) {
            leave.run();
            return;
        }
        if (asking) {
            return;
        }
        asking = true;
        ButtonType answer;
        try {
            answer = ask(doing);
        } finally {
            asking = false;
        }
        if (answer == DONT_SAVE) {
            leave.run();
        } else if (answer == SAVE) {
            Optional<Path> target = Optional.ofNullable(documents.fileProperty().get()).or(chooseFile);
            target.ifPresent(file -> documents.saveAs(file).thenAccept(saved -> {
                if (saved) {
                    leave.run();
                }
            }));
        }
    }

    private ButtonType ask(String doing) {
        Path file = documents.fileProperty().get();
        String name = file == null ? "This session" : file.getFileName().toString();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Its changes are lost unless you save them before "
                + doing + ".", SAVE, DONT_SAVE, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText(name + " has changes that are not saved");
        alert.getDialogPane().getStyleClass().add("unsaved-changes");
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        return alert.showAndWait().orElse(ButtonType.CANCEL);
    }
}
