package io.neuralplayground.ui;

import io.neuralplayground.data.DatasetCsvWriter;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.ui.viewmodel.DocumentViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * What the File menu, the keys and a dropped file do: choose a file, ask about unsaved changes where the session
 * shown would be left, and hand the file to the {@link DocumentViewModel}.
 */
final class FileCommands {
    private final DocumentViewModel documents;
    private final FileDialogs dialogs;
    private final SaveBeforeLeaving leaving;
    /** Opens a model file in the teaching views. */
    private final Consumer<Path> openInStepper;
    /** Shows a data file in the Open data… dialog. */
    private final Consumer<Path> openData;
    /** Opens a saved image session in the Images tab. */
    private final Consumer<Path> openImageSession;
    /** What quitting does once nothing unsaved is in the way (tests count it instead of exiting). */
    private Runnable quitAction = Platform::exit;

    FileCommands(DocumentViewModel documents, FileDialogs dialogs, SaveBeforeLeaving leaving,
            Consumer<Path> openInStepper, Consumer<Path> openData, Consumer<Path> openImageSession) {
        this.documents = documents;
        this.dialogs = dialogs;
        this.leaving = leaving;
        this.openInStepper = openInStepper;
        this.openData = openData;
        this.openImageSession = openImageSession;
    }

    DocumentViewModel documents() {
        return documents;
    }

    void chooseAndOpen() {
        dialogs.sessionOrNetworkToOpen().ifPresent(this::openAfterAsking);
    }

    /** Opens {@code path} in place of the session shown, once its unsaved changes are saved or let go. */
    void openAfterAsking(Path path) {
        if (io.neuralplayground.app.ImageSessionFiles.isImageSession(path)) {
            // The Images tab's own session: the playground's stays as it is.
            openImageSession.accept(path);
            return;
        }
        leaving.then("opening " + path.getFileName(), () -> documents.open(path));
    }

    /** Saves to the session's file, or asks for one when it has none yet. */
    void save() {
        if (!documents.save()) {
            chooseAndSave();
        }
    }

    void chooseAndSave() {
        dialogs.sessionToSave().ifPresent(documents::saveAs);
    }

    void chooseAndImport() {
        dialogs.networkToOpen("Import a network into the playground").ifPresent(documents::importModel);
    }

    void chooseAndExport(ModelFormat format) {
        // Java names the class after the file, and classes are capitalised.
        String name = (format == ModelFormat.JAVA ? "Network" : "network") + format.extension();
        dialogs.exportTarget("Export the network as " + format.title(), name)
                .ifPresent(file -> documents.exportModel(format, file));
    }

    /** Asks where to write the playground's examples as CSV, and writes them. */
    void chooseAndExportData(DatasetCsvWriter.Parts parts) {
        String name = switch (parts) {
            case BOTH -> "data.csv";
            case TRAINING -> "training-data.csv";
            case TEST -> "test-data.csv";
        };
        dialogs.exportTarget("Export the data as CSV", name).ifPresent(file -> documents.exportData(parts, file));
    }

    /** Asks for a model file and opens it in the teaching views. */
    void chooseModel() {
        dialogs.networkToOpen("Open a model in the stepper").ifPresent(openInStepper);
    }

    /**
     * Asks for a CSV file and shows it in the Open data… dialog. Nothing of the session is left yet (the dialog
     * only reads), so unsaved changes are not asked about here.
     */
    void chooseData() {
        dialogs.dataToOpen().ifPresent(openData);
    }

    /** Quits once the session's unsaved changes are saved or let go; Cancel keeps the window open. */
    void quit() {
        leaving.then("quitting", quitAction);
    }

    /** What quitting does instead of ending the application (for tests). */
    void onQuit(Runnable action) {
        quitAction = action;
    }
}
