package io.neuralplayground.ui;

import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before quitting while a hyperparameter search runs: quitting stops it, and without a results folder its
 * finished trials are lost with it. Stop search and quit goes on; Cancel keeps the window and the search running.
 */
final class SearchBeforeLeaving {
    static final ButtonType STOP_AND_QUIT = new ButtonType("Stop search and quit", ButtonData.YES);

    private final TuningViewModel tuning;
    private final Supplier<Window> owner;

    SearchBeforeLeaving(TuningViewModel tuning, Supplier<Window> owner) {
        this.tuning = tuning;
        this.owner = owner;
    }

    /** Runs {@code leave} now if no search runs; otherwise only once the user chose to stop it. */
    void then(Runnable leave) {
        if (!tuning.searching() || ask() == STOP_AND_QUIT) {
            leave.run();
        }
    }

    /** What the question says of the search's finished trials. */
    static String consequence(int finished, Path resultsFolder) {
        String trials = finished == 1 ? "1 trial has" : finished + " trials have";
        if (resultsFolder == null) {
            return trials + " finished. No results folder was chosen, so they are lost when the search stops.";
        }
        return trials + " finished and are kept in " + resultsFolder.getFileName() + "; starting the search again "
                + "on that folder resumes it.";
    }

    private ButtonType ask() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, consequence(tuning.results().size(),
                tuning.resultsFolderProperty().get()), STOP_AND_QUIT, ButtonType.CANCEL);
        alert.setTitle("A search is running");
        alert.setHeaderText("Quitting stops the hyperparameter search");
        alert.getDialogPane().getStyleClass().add("search-running");
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        return alert.showAndWait().orElse(ButtonType.CANCEL);
    }
}
