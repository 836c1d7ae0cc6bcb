package io.neuralplayground.ui.view.tuning;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The files the Tuning tab asks the user for. Each answer is empty when the user cancels. The window asks through
 * the platform's choosers ({@link #choosers}); a test answers with files of its own.
 */
public interface TuningFiles {
    /** A search space file to read (JSON or YAML). */
    Optional<Path> spaceToOpen();

    /** Where to write the search space. */
    Optional<Path> spaceToSave();

    /** The folder trials are written to as they end. */
    Optional<Path> resultsFolder();

    /** Where to write the table of trials as CSV. */
    Optional<Path> tableTarget();

    /** The platform's file and folder choosers, over {@code owner}. */
    static TuningFiles choosers(Supplier<Window> owner) {
        return new TuningFiles() {
            @Override
            public Optional<Path> spaceToOpen() {
                return path(spaceChooser("Open a search space").showOpenDialog(owner.get()));
            }

            @Override
            public Optional<Path> spaceToSave() {
                FileChooser chooser = spaceChooser("Save the search space");
                chooser.setInitialFileName("space.json");
                return path(chooser.showSaveDialog(owner.get()));
            }

            @Override
            public Optional<Path> resultsFolder() {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Results folder of the search");
                return path(chooser.showDialog(owner.get()));
            }

            @Override
            public Optional<Path> tableTarget() {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export the table of trials");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
                chooser.setInitialFileName("trials.csv");
                return path(chooser.showSaveDialog(owner.get()));
            }

            private static FileChooser spaceChooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Search spaces (JSON, YAML)",
                        "*.json", "*.yaml", "*.yml"));
                return chooser;
            }

            private static Optional<Path> path(File file) {
                return Optional.ofNullable(file).map(File::toPath);
            }
        };
    }
}
