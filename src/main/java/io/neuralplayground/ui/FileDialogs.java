package io.neuralplayground.ui;

import io.neuralplayground.app.ModelImports;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's file choosers: what they propose and which files they show. */
final class FileDialogs {
    private final Supplier<Window> owner;

    FileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Sessions and networks, for File ▸ Open. */
    Optional<Path> sessionOrNetworkToOpen() {
        return open("Open a session or a network",
                new FileChooser.ExtensionFilter("Sessions and networks", "*.json", "*.npz", "*.keras", "*.h5"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
    }

    /** A CSV data file, for File ▸ Open data…. */
    Optional<Path> dataToOpen() {
        return open("Open data", new FileChooser.ExtensionFilter("CSV data (*.csv)", "*.csv", "*.CSV"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
    }

    /** Where to save the session. */
    Optional<Path> sessionToSave() {
        return save("Save the session", "playground.session.json",
                new FileChooser.ExtensionFilter("Sessions (*.session.json)", "*.json"));
    }

    /** A network file of any readable format, for {@code purpose} ("Import a network into the playground"). */
    Optional<Path> networkToOpen(String purpose) {
        return open(purpose, new FileChooser.ExtensionFilter("Networks",
                ModelImports.importableExtensions().stream().map(extension -> "*" + extension).toList()));
    }

    /** Where to export, proposing {@code initialName}. */
    Optional<Path> exportTarget(String title, String initialName) {
        return save(title, initialName);
    }

    /** The file chosen in an open dialog, or empty when it was cancelled. */
    private Optional<Path> open(String title, FileChooser.ExtensionFilter... filters) {
        return Optional.ofNullable(chooser(title, filters).showOpenDialog(owner.get())).map(File::toPath);
    }

    /** The file chosen in a save dialog that proposes {@code initialName}, or empty when it was cancelled. */
    private Optional<Path> save(String title, String initialName, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        return chooser;
    }
}
