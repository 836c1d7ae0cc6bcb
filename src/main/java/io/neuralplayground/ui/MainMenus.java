package io.neuralplayground.ui;

import io.neuralplayground.data.DatasetCsvWriter;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.ui.viewmodel.DocumentViewModel;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The main window's menu bar and what each entry does (the file entries through {@link FileCommands}). */
final class MainMenus {
    private MainMenus() {
    }

    /** The window's menu bar: File, Edit, View, Help. */
    static MenuBar of(MainWindow window, FileCommands files) {
        DocumentViewModel documents = files.documents();
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> files.chooseAndOpen());
        MenuItem openData = new MenuItem("Open data…");
        openData.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        openData.setOnAction(e -> files.chooseData());
        MenuItem openImages = new MenuItem("Open images…");
        openImages.setOnAction(e -> window.chooseImageFolder());
        Menu recent = new Menu("Open recent");
        fillRecent(recent, files);
        documents.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(recent, files));
        MenuItem save = new MenuItem("Save");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> {
            if (window.selected() == MainWindow.View.IMAGES) {
                window.saveImageSession();
            } else {
                files.save();
            }
        });
        MenuItem saveAs = new MenuItem("Save as…");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> {
            if (window.selected() == MainWindow.View.IMAGES) {
                window.saveImageSession();
            } else {
                files.chooseAndSave();
            }
        });
        MenuItem importModel = new MenuItem("Import network…");
        importModel.setOnAction(e -> files.chooseAndImport());
        Menu export = new Menu("Export network");
        for (ModelFormat format : ModelFormat.values()) {
            MenuItem item = new MenuItem(format.title() + " (" + format.extension() + ")…");
            item.setOnAction(e -> {
                if (window.selected() == MainWindow.View.IMAGES) {
                    window.exportImageNetwork(format);
                } else {
                    files.chooseAndExport(format);
                }
            });
            export.getItems().add(item);
        }
        Menu exportData = new Menu("Export data");
        for (DatasetCsvWriter.Parts parts : DatasetCsvWriter.Parts.values()) {
            MenuItem item = new MenuItem(switch (parts) {
                case BOTH -> "Training and test points, with a part column (.csv)…";
                case TRAINING -> "Training points (.csv)…";
                case TEST -> "Test points (.csv)…";
            });
            item.setOnAction(e -> files.chooseAndExportData(parts));
            exportData.getItems().add(item);
        }
        MenuItem modelInStepper = new MenuItem("Open model in the stepper…");
        modelInStepper.setOnAction(e -> files.chooseModel());
        MenuItem textbook = new MenuItem("Textbook 2-2-2 network (sigmoid, step by step)");
        textbook.setOnAction(e -> window.openTextbookExample());
        MenuItem iris = new MenuItem("Iris (150 flowers, 4 measurements, 3 species)");
        iris.setOnAction(e -> documents.openExampleData("iris.csv", "species"));
        MenuItem moons = new MenuItem("Two moons (200 points, 2 classes)");
        moons.setOnAction(e -> documents.openExampleData("two-moons.csv", "label"));
        MenuItem cancer = new MenuItem("Breast cancer (569 tumours, 30 measurements, 2 diagnoses)");
        cancer.setOnAction(e -> documents.openExampleData("breast-cancer.csv", "diagnosis"));
        Menu examples = new Menu("Open example", null, textbook, new SeparatorMenuItem(), iris, moons, cancer);
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> files.quit());
        Menu file = new Menu("File", null, open, openData, openImages, recent, save, saveAs, new SeparatorMenuItem(), importModel,
                export, exportData,
                new SeparatorMenuItem(), modelInStepper, examples, new SeparatorMenuItem(), quit);

        MenuItem copyShare = new MenuItem("Copy share string");
        copyShare.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(documents.shareString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem pasteShare = new MenuItem("Paste share string");
        pasteShare.setOnAction(e -> documents.pasteShareString(Clipboard.getSystemClipboard().getString()));
        Menu edit = new Menu("Edit", null, copyShare, pasteShare);

        Menu view = new Menu("View");
        int key = 1;
        for (MainWindow.View v : MainWindow.View.values()) {
            MenuItem item = new MenuItem(v.title());
            item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(key++)),
                    KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> window.select(v));
            view.getItems().add(item);
        }
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> window.alert(AlertType.INFORMATION, "Keyboard shortcuts", """
                Playground: Space plays and pauses, → trains one epoch, R resets.
                Backprop stepper and autodiff: → next step, ← previous, Home back to the start, End to the end.
                Images: Space plays and pauses, → trains to the end of the epoch, R resets.
                Tuning: Alt+S starts a search, Alt+C cancels it, Alt+A applies the best, Alt+E exports the table.
                Ctrl+1 … Ctrl+6 switch views; Ctrl+O opens a session or a network, Shift+Ctrl+O a CSV data
                file; Ctrl+S saves the session. A file dropped on the window opens too (a .csv file as data)."""));
        Menu help = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.getStyleClass().add("main-menu");
        return bar;
    }

    private static void fillRecent(Menu menu, FileCommands files) {
        menu.getItems().clear();
        for (Path path : files.documents().recentFiles()) {
            MenuItem item = new MenuItem(path.getFileName() + "   " + path.getParent());
            item.setOnAction(e -> files.openAfterAsking(path));
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }
}
