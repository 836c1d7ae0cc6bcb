package io.neuralplayground.ui.view;

import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.Task;
import io.neuralplayground.ui.viewmodel.CsvImport;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel.FeatureChoice;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel.Phase;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * File ▸ Open data…: a CSV file's first rows in a table, the label column, the feature columns to tick, the
 * problem type (the guess, or the user's), standardizing, the training ratio and the seed; Open reads the whole
 * file (a progress bar and Cancel reading while it does) and closes the dialog with the {@link CsvImport} as its
 * result; Cancel, Escape or closing the window give none and stop any read. Open is disabled while the choices are
 * not valid, and the message under the choices says why. Enter opens.
 *
 * <p>Everything it shows and does is its {@link CsvImportViewModel}'s; the dialog only lays it out. It fits a
 * 1024×640 screen; a file of hundreds of columns stays usable: the feature list scrolls (with All and None), and the
 * preview shows the first {@value #MAX_PREVIEW_COLUMNS} columns.
 */
public final class CsvImportDialog extends Dialog<CsvImport> {
    /** The button that reads the whole file. */
    public static final ButtonType OPEN = new ButtonType("Open", ButtonData.OK_DONE);
    /** The preview's most columns: a table of thousands of columns helps nobody and builds slowly. */
    public static final int MAX_PREVIEW_COLUMNS = 100;
    static final double WIDTH = 860;
    static final double HEIGHT = 560;

    private final CsvImportViewModel vm;
    private final TableView<List<String>> table = new TableView<>();
    private final Label tableNote = new Label();
    private final ListView<FeatureChoice> featureList = new ListView<>();
    private final ComboBox<String> labelChoice = new ComboBox<>();
    private final Label message = new Label();
    private final Button cancelReading = new Button("Cancel reading");
    /** The features by name, to grey the preview's unticked columns. */
    private final Map<String, FeatureChoice> featureByName = new HashMap<>();

    public CsvImportDialog(CsvImportViewModel vm) {
        this.vm = vm;
        setTitle("Open data");
        setResizable(true);
        getDialogPane().getStyleClass().add("csv-import");
        getDialogPane().getStylesheets().addAll(Styles.stylesheet("/css/playground.css"), Styles.outputCss(),
                Styles.stylesheet("/css/csv-import.css"));
        getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
        getDialogPane().setPrefSize(WIDTH, HEIGHT);
        getDialogPane().setContent(content());
        buttons();
        setResultConverter(button -> button == OPEN ? vm.resultProperty().get() : null);
        vm.resultProperty().addListener((o, was, now) -> {
            if (now != null) {
                // Setting the result closes the dialog.
                setResult(now);
            }
        });
        // Open is disabled while the first rows are read, so the focus goes to Cancel, where Enter would cancel: the
        // first time Open may be pressed, it takes the focus.
        openButton().disabledProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    openButton().requestFocus();
                    o.removeListener(this);
                }
            }
        });
        // Escape, Cancel or the window's close button: a read going on must not go on unseen. Watched through the
        // showing property, so that whoever shows the dialog keeps onHidden for its own use.
        showingProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.cancel();
            }
        });
    }

    private VBox content() {
        Label fileLabel = new Label();
        fileLabel.getStyleClass().add("csv-import-file");
        fileLabel.textProperty().bind(Bindings.createStringBinding(this::fileText, vm.fileProperty(),
                vm.previewProperty()));

        table.getStyleClass().add("csv-import-preview");
        table.setPrefHeight(180);
        table.setMinHeight(110);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(""));
        table.setItems(vm.previewRows());
        table.setTooltip(new Tooltip("The first rows of the file, as text. The label column is blue; columns that "
                + "are not read (not numbers, or not ticked) are grey."));
        tableNote.getStyleClass().add("csv-import-note");
        vm.columns().addListener((ListChangeListener<String>) c -> rebuildColumns());
        vm.labelColumnProperty().addListener((o, was, now) -> styleColumns());
        vm.selectedFeatureCountProperty().addListener((o, was, now) -> styleColumns());
        vm.features().addListener((ListChangeListener<FeatureChoice>) c -> {
            featureByName.clear();
            vm.features().forEach(f -> featureByName.put(f.name(), f));
            styleColumns();
        });
        rebuildColumns();

        HBox choices = new HBox(20, featureColumn(), settings());
        HBox.setHgrow(choices.getChildren().get(0), Priority.ALWAYS);
        choices.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.READY));
        VBox.setVgrow(choices, Priority.ALWAYS);

        message.getStyleClass().add("csv-import-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);

        VBox content = new VBox(fileLabel, table, tableNote, choices, progressRow(), message);
        content.getStyleClass().add("csv-import-content");
        return content;
    }

    private String fileText() {
        Path file = vm.fileProperty().get();
        if (file == null) {
            return "No file";
        }
        var preview = vm.previewProperty().get();
        if (preview == null) {
            return String.valueOf(file.getFileName());
        }
        int columns = preview.columns().size();
        int rows = preview.rows().size();
        return file.getFileName() + " · " + columns + (columns == 1 ? " column" : " columns") + " · "
                + (preview.complete() ? (rows == 1 ? "its only row" : "all its " + rows + " rows")
                        : "its first " + rows + " rows");
    }

    /** One table column per file column, up to {@link #MAX_PREVIEW_COLUMNS}. */
    private void rebuildColumns() {
        table.getColumns().clear();
        List<String> names = vm.columns();
        int shown = Math.min(names.size(), MAX_PREVIEW_COLUMNS);
        for (int c = 0; c < shown; c++) {
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(names.get(c));
            column.setUserData(names.get(c));
            column.setSortable(false);
            column.setReorderable(false);
            column.setPrefWidth(Math.max(70, Math.min(160, 8 * names.get(c).length() + 24)));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(index)));
            table.getColumns().add(column);
        }
        boolean cut = names.size() > shown;
        tableNote.setText(cut ? "The table shows the first " + shown + " of " + names.size() + " columns; the "
                + "lists below have them all." : "");
        tableNote.setVisible(cut);
        tableNote.setManaged(cut);
        styleColumns();
    }

    private void styleColumns() {
        String label = vm.labelColumnProperty().get();
        for (TableColumn<List<String>, ?> column : table.getColumns()) {
            String name = (String) column.getUserData();
            FeatureChoice feature = featureByName.get(name);
            boolean isLabel = name.equals(label);
            setStyle(column, "label-column", isLabel);
            setStyle(column, "unused-column", !isLabel && (feature == null || !feature.isSelected()));
        }
    }

    private static void setStyle(TableColumn<?, ?> column, String styleClass, boolean on) {
        if (on && !column.getStyleClass().contains(styleClass)) {
            column.getStyleClass().add(styleClass);
        } else if (!on) {
            column.getStyleClass().remove(styleClass);
        }
    }

    /** The feature columns to tick, with All and None, and what was left out. */
    private VBox featureColumn() {
        Label title = new Label();
        title.getStyleClass().add("csv-import-section");
        title.textProperty().bind(Bindings.createStringBinding(() -> "Feature columns: "
                + vm.selectedFeatureCountProperty().get() + " of " + vm.features().size() + " ticked",
                vm.selectedFeatureCountProperty(), vm.features()));
        Button all = new Button("All");
        all.setTooltip(new Tooltip("Tick every numeric column as a feature"));
        all.setOnAction(e -> vm.selectAllFeatures(true));
        Button none = new Button("None");
        none.setTooltip(new Tooltip("Untick every feature column, to tick the few you want"));
        none.setOnAction(e -> vm.selectAllFeatures(false));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, title, gap, all, none);
        header.setAlignment(Pos.CENTER_LEFT);

        featureList.getStyleClass().add("csv-import-features");
        featureList.setItems(vm.features());
        featureList.setCellFactory(CheckBoxListCell.forListView(FeatureChoice::selectedProperty));
        featureList.setPrefHeight(150);
        featureList.setMinHeight(80);
        featureList.setPlaceholder(new Label("No numeric column besides the label"));
        featureList.setTooltip(new Tooltip("The numeric columns the network may take as its inputs: tick the ones "
                + "to use. Space ticks the selected one."));
        VBox.setVgrow(featureList, Priority.ALWAYS);

        Label leftOut = new Label();
        leftOut.getStyleClass().add("csv-import-left-out");
        leftOut.setWrapText(true);
        leftOut.textProperty().bind(vm.leftOutProperty());
        leftOut.visibleProperty().bind(vm.leftOutProperty().isNotEmpty());
        leftOut.managedProperty().bind(leftOut.visibleProperty());
        leftOut.setMinHeight(Region.USE_PREF_SIZE);

        VBox box = new VBox(6, header, featureList, leftOut);
        box.setPrefWidth(360);
        box.setMinWidth(280);
        return box;
    }

    /** Label column, problem type, standardizing, ratio, seed. */
    private GridPane settings() {
        labelChoice.setItems(vm.columns());
        labelChoice.valueProperty().bindBidirectional(vm.labelColumnProperty());
        labelChoice.setVisibleRowCount(12);
        labelChoice.setMaxWidth(Double.MAX_VALUE);
        labelChoice.setTooltip(new Tooltip("The column the network learns to predict: classes (names, or a few "
                + "whole numbers) or numbers to fit"));

        ToggleGroup kinds = new ToggleGroup();
        RadioButton auto = radio(kinds, LabelKind.AUTO, "", "Decided from the labels, by the rule the reader follows: "
                + "any label that is not a number, or at most 10 distinct whole numbers, makes classes; other "
                + "numbers are fitted (regression). The guess shown is made from the first rows; reading the whole file "
                + "decides.");
        auto.textProperty().bind(Bindings.createStringBinding(() -> {
            Task guess = vm.guessedTaskProperty().get();
            return guess == null ? "Auto" : "Auto (guess: " + guess.name().toLowerCase(Locale.ROOT) + ")";
        }, vm.guessedTaskProperty()));
        RadioButton classes = radio(kinds, LabelKind.CLASSIFICATION, "Classification", "Every distinct label is a "
                + "class, numbers included");
        RadioButton regression = radio(kinds, LabelKind.REGRESSION, "Regression", "The labels are numbers to fit");
        kinds.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.labelKindProperty().set((LabelKind) now.getUserData());
            }
        });
        vm.labelKindProperty().addListener((o, was, now) -> selectKind(kinds, now));
        selectKind(kinds, vm.labelKindProperty().get());
        VBox kindBox = new VBox(4, auto, classes, regression);

        CheckBox standardize = new CheckBox("Standardize the features (z-scores)");
        standardize.selectedProperty().bindBidirectional(vm.standardizeProperty());
        standardize.setTooltip(new Tooltip("Each feature becomes (x − mean) / standard deviation, with the mean and "
                + "the standard deviation of the training part only, so the test examples stay unseen"));

        SettingSlider ratio = new SettingSlider("Ratio of training to test data: ", v -> NumberTexts.setting(v) + "%",
                10, 90, 10, vm.trainPercentProperty(), "Share of the examples used for training; the rest tests the "
                        + "network");

        SeedField seed = new SeedField(vm.seedProperty());
        seed.field().setTooltip(new Tooltip("Drives the split into training and test examples: the same seed gives "
                + "the same split. The playground's seed to begin with. Press Enter to apply."));

        GridPane grid = new GridPane();
        grid.getStyleClass().add("csv-import-settings");
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(captions, controls);
        grid.addRow(0, caption("Label column"), labelChoice);
        grid.addRow(1, caption("Problem type"), kindBox);
        GridPane.setValignment(grid.getChildren().get(2), javafx.geometry.VPos.TOP);
        grid.add(standardize, 0, 2, 2, 1);
        grid.add(ratio, 0, 3, 2, 1);
        grid.add(seed, 0, 4, 2, 1);
        grid.add(seed.hint(), 0, 5, 2, 1);
        grid.setPrefWidth(400);
        grid.setMinWidth(340);
        return grid;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("setting-label");
        return label;
    }

    private static RadioButton radio(ToggleGroup group, LabelKind kind, String text, String tooltip) {
        RadioButton button = new RadioButton(text);
        button.setUserData(kind);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private static void selectKind(ToggleGroup group, LabelKind kind) {
        group.getToggles().stream().filter(t -> t.getUserData() == kind).findFirst().ifPresent(group::selectToggle);
    }

    /** While reading: the progress bar, how far, and Cancel reading. */
    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(280);
        bar.progressProperty().bind(Bindings.when(vm.phaseProperty().isEqualTo(Phase.PREVIEWING))
                .then(ProgressBar.INDETERMINATE_PROGRESS).otherwise(vm.progressProperty()));
        bar.setTooltip(new Tooltip("How much of the file has been read"));
        Label text = new Label();
        text.getStyleClass().add("setting-label");
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Path file = vm.fileProperty().get();
            String name = file == null ? "" : String.valueOf(file.getFileName());
            return vm.phaseProperty().get() == Phase.PREVIEWING ? "Reading the first rows of " + name + "…"
                    : String.format(Locale.ROOT, "Reading %s… %d %%", name,
                            Math.round(vm.progressProperty().get() * 100));
        }, vm.fileProperty(), vm.phaseProperty(), vm.progressProperty()));
        cancelReading.setTooltip(new Tooltip("Stop reading the file; the choices stay as they are"));
        cancelReading.setOnAction(e -> vm.cancel());
        HBox row = new HBox(10, bar, text, cancelReading);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("csv-import-progress");
        var busy = vm.phaseProperty().isEqualTo(Phase.READING).or(vm.phaseProperty().isEqualTo(Phase.PREVIEWING));
        row.visibleProperty().bind(busy);
        row.managedProperty().bind(busy);
        return row;
    }

    private void buttons() {
        Button open = (Button) getDialogPane().lookupButton(OPEN);
        open.disableProperty().bind(vm.canOpenProperty().not());
        open.setTooltip(new Tooltip("Read the whole file with these choices (Enter)"));
        // Open reads first; the dialog closes only once the read has succeeded, with its result.
        open.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.open();
        });
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setTooltip(new Tooltip("Close without reading the file (Escape)"));
    }

    // ---- for tests ----

    TableView<List<String>> previewTable() {
        return table;
    }

    ListView<FeatureChoice> featureList() {
        return featureList;
    }

    ComboBox<String> labelChoice() {
        return labelChoice;
    }

    Label messageLabel() {
        return message;
    }

    Button openButton() {
        return (Button) getDialogPane().lookupButton(OPEN);
    }

    Button cancelReadingButton() {
        return cancelReading;
    }
}
