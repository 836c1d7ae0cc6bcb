package io.neuralplayground.ui;

import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import java.nio.file.Path;
import java.util.function.Supplier;
import io.neuralplayground.ui.view.Confirmation;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before quitting when the Tuning tab would lose work: a search that runs (quitting stops it, and without a
 * results folder its finished trials go with it), or a finished search whose trials are nowhere else (no results
 * folder, the table not exported). The first button goes on; Cancel keeps the window, and the search running.
 */
final class SearchBeforeLeaving {
    static final ButtonType STOP_AND_QUIT = new ButtonType("Stop search and quit", ButtonData.YES);
    static final ButtonType QUIT_ANYWAY = new ButtonType("Quit anyway", ButtonData.YES);

    private final TuningViewModel tuning;
    private final Supplier<Window> owner;

    SearchBeforeLeaving(TuningViewModel tuning, Supplier<Window> owner) {
        this.tuning = tuning;
        this.owner = owner;
    }

    /** Runs {@code leave} now if nothing would be lost; otherwise only once the user chose to go on. */
    void then(Runnable leave) {
        if (tuning.searching()) {
            if (ask("search-running", "Quitting stops the hyperparameter search",
                    consequence(tuning.results().size(), tuning.resultsFolderProperty().get()), STOP_AND_QUIT)) {
                leave.run();
            }
        } else if (tuning.resultsWouldBeLost()) {
            if (ask("search-unsaved", "The last search's trials are not saved", unsaved(tuning.results().size()),
                    QUIT_ANYWAY)) {
                leave.run();
            }
        } else {
            leave.run();
        }
    }

    /** What the question says of a running search's finished trials. */
    static String consequence(int finished, Path resultsFolder) {
        String trials = finished == 1 ? "1 trial has" : finished + " trials have";
        if (resultsFolder == null) {
            return trials + " finished. No results folder was chosen, so they are lost when the search stops.";
        }
        return trials + " finished and are kept in " + resultsFolder.getFileName() + "; starting the search again "
                + "on that folder resumes it.";
    }

    /** What the question says of a finished search's trials that are nowhere else. */
    static String unsaved(int finished) {
        return (finished == 1 ? "Its trial is" : "Its " + finished + " trials are") + " in no results folder and "
                + "the table was not exported, so quitting loses them. Export table… in the Tuning tab keeps them as "
                + "CSV.";
    }

    private boolean ask(String styleClass, String header, String text, ButtonType goOn) {
        return Confirmation.ask(owner.get(), styleClass, "Tuning", header, text, goOn);
    }
}
