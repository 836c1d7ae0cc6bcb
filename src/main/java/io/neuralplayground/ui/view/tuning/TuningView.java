package io.neuralplayground.ui.view.tuning;

import io.neuralplayground.ui.viewmodel.tuning.SpaceRow;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel.AlgorithmChoice;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel.Phase;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Tuning tab: the search set up on the left (the space's rows, the objective, the algorithm and its budget,
 * parallel trials, seed, results folder), and on the right its progress, the best trial, the table of trials and the
 * charts (optimization history, learning curves, parallel coordinates).
 */
public final class TuningView extends BorderPane {
    private final TuningViewModel vm;
    private final TuningFiles files;
    private final GridPane rowGrid = new GridPane();

    /** @param files where the tab asks for the files it opens and writes */
    public TuningView(TuningViewModel vm, TuningFiles files) {
        this.vm = vm;
        this.files = files;
        getStyleClass().add("tuning");
        ScrollPane setup = new ScrollPane(setupColumn());
        setup.setFitToWidth(true);
        setup.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setup.setPrefWidth(400);
        setup.setMinWidth(360);
        setLeft(setup);
        setCenter(results());
        vm.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                showProblem(now);
            }
        });
    }

    private VBox setupColumn() {
        Label spaceTitle = title("Search space");
        rowGrid.setHgap(6);
        rowGrid.setVgap(4);
        vm.rows().addListener((javafx.collections.ListChangeListener<SpaceRow>) c -> fillRows());
        fillRows();
        MenuButton add = new MenuButton("Add hyperparameter");
        for (String name : TuningViewModel.NAMES) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> vm.addRow(name));
            add.getItems().add(item);
        }
        Button open = new Button("Open space…");
        open.setTooltip(new Tooltip("Read a search space file (JSON or YAML, as the tune command takes)"));
        open.setOnAction(e -> files.spaceToOpen().ifPresent(vm::openSpace));
        Button save = new Button("Save space…");
        save.setTooltip(new Tooltip("Write the rows as a JSON search space file for the tune command"));
        save.setOnAction(e -> files.spaceToSave().ifPresent(vm::saveSpace));
        HBox spaceButtons = new HBox(6, add, open, save);
        Label syntax = new Label("Values: a list (relu, tanh), a range (1..3, 2..8 step 2, 0.001..1.0 log) or one "
                + "value. Only when: parent = values, e.g. layers = 2, 3.");
        syntax.setWrapText(true);
        syntax.getStyleClass().add("tuning-hint");

        ComboBox<String> objective = new ComboBox<>();
        objective.getItems().setAll(TuningViewModel.OBJECTIVES);
        objective.valueProperty().bindBidirectional(vm.objectiveProperty());
        objective.setTooltip(new Tooltip("Measured on validation data, never on test data"));
        ComboBox<AlgorithmChoice> algorithm = new ComboBox<>();
        algorithm.getItems().setAll(AlgorithmChoice.values());
        algorithm.valueProperty().bindBidirectional(vm.algorithmProperty());
        Spinner<Integer> trials = spinner(1, 10_000, vm.trialsProperty(), "Trials of random and TPE search; "
                + "grid: at most this many");
        Spinner<Integer> epochs = spinner(1, 100_000, vm.epochsProperty(), "Epochs each trial trains (grid, "
                + "random, TPE)");
        Spinner<Integer> maxEpochs = spinner(1, 100_000, vm.maxEpochsProperty(), "Hyperband's max_epochs: the "
                + "epochs of a configuration that survives every round");
        Spinner<Integer> factor = spinner(2, 10, vm.factorProperty(), "Hyperband's factor (η): a third survive "
                + "each round for 3");
        Spinner<Integer> parallel = spinner(1, 64, vm.parallelProperty(), "Trials at once; each trial runs on "
                + "one thread, deterministic from its own seed");
        BooleanBinding hyperband = vm.algorithmProperty().isEqualTo(AlgorithmChoice.HYPERBAND);
        trials.disableProperty().bind(hyperband);
        epochs.disableProperty().bind(hyperband);
        maxEpochs.disableProperty().bind(hyperband.not());
        factor.disableProperty().bind(hyperband.not());
        Spinner<Integer> iterations = spinner(1, 100, vm.iterationsProperty(), "Hyperband's hyperband_iterations: "
                + "passes through all its brackets, each with configurations of its own");
        iterations.disableProperty().bind(hyperband.not());
        javafx.beans.binding.BooleanExpression busy = vm.searchingProperty();
        TextField seed = new TextField();
        seed.setPromptText("the playground's (" + vm.playgroundSeed() + ")");
        seed.setTooltip(new Tooltip("The same seed proposes the same trials; blank takes the playground's seed"));
        seed.textProperty().addListener((o, was, now) -> {
            boolean readable = seedReadable(now);
            seed.setStyle(readable ? "" : "-fx-border-color: #c0392b;");
            if (readable) {
                vm.seedProperty().set(now.isBlank() ? null : Long.parseLong(now.trim()));
            }
        });
        CheckBox earlyStopping = new CheckBox("Stop trials early (the playground's rule)");
        earlyStopping.selectedProperty().bindBidirectional(vm.earlyStoppingProperty());
        Label folder = new Label();
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.resultsFolderProperty().get() == null
                ? "none" : vm.resultsFolderProperty().get().toString(), vm.resultsFolderProperty()));
        folder.setMaxWidth(220);
        Button chooseFolder = new Button("Results folder…");
        chooseFolder.setTooltip(new Tooltip("Trials are written here as they end; a stopped search started again "
                + "on the same folder resumes where it was"));
        // Cancelling the chooser keeps the folder there was.
        chooseFolder.setOnAction(e -> files.resultsFolder().ifPresent(vm.resultsFolderProperty()::set));
        chooseFolder.disableProperty().bind(busy);
        Button noFolder = new Button("×");
        noFolder.setTooltip(new Tooltip("Write no results folder: the trials are kept only in the tab"));
        noFolder.setOnAction(e -> vm.resultsFolderProperty().set(null));
        noFolder.disableProperty().bind(busy.or(vm.resultsFolderProperty().isNull()));
        folder.setTooltip(new Tooltip());
        folder.getTooltip().textProperty().bind(folder.textProperty());
        GridPane settings = new GridPane();
        settings.setHgap(8);
        settings.setVgap(6);
        settings.addRow(0, new Label("Objective"), objective);
        settings.addRow(1, new Label("Algorithm"), algorithm);
        settings.addRow(2, new Label("Trials"), trials);
        settings.addRow(3, new Label("Epochs per trial"), epochs);
        settings.addRow(4, new Label("Max epochs"), maxEpochs);
        settings.addRow(5, new Label("Factor"), factor);
        settings.addRow(6, new Label("Iterations"), iterations);
        settings.addRow(7, new Label("Parallel trials"), parallel);
        settings.addRow(8, new Label("Seed"), seed);
        settings.addRow(9, chooseFolder, new HBox(4, folder, noFolder));
        settings.add(earlyStopping, 0, 10, 2, 1);

        Button start = new Button("_Start");
        start.setDefaultButton(false);
        start.setTooltip(new Tooltip("Run the search in the background (Alt+S)"));
        start.setOnAction(e -> {
            if (!seedReadable(seed.getText())) {
                // The field keeps its last good value in the view model: a search must not start on that unseen.
                showProblem("The seed \"" + seed.getText().trim() + "\" is not a whole number: write one, or leave "
                        + "the field blank for the playground's seed.");
                return;
            }
            if (!vm.resultsWouldBeLost() || newSearchConfirmed()) {
                vm.start();
            }
        });
        Button cancel = new Button("_Cancel search");
        cancel.setTooltip(new Tooltip("Stop the search: finished trials stay (Alt+C)"));
        cancel.setOnAction(e -> vm.cancel());
        start.disableProperty().bind(busy);
        cancel.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.RUNNING));
        HBox run = new HBox(8, start, cancel);
        VBox column = new VBox(8, spaceTitle, rowGrid, spaceButtons, syntax, title("Search"), settings, run);
        column.setPadding(new Insets(10));
        return column;
    }

    private void fillRows() {
        rowGrid.getChildren().clear();
        rowGrid.addRow(0, new Label(""), header("Hyperparameter"), header("Values"), header("Only when"),
                new Label(""));
        int r = 1;
        for (SpaceRow row : vm.rows()) {
            CheckBox used = new CheckBox();
            used.selectedProperty().bindBidirectional(row.usedProperty());
            used.setTooltip(new Tooltip("Search this hyperparameter"));
            Label name = new Label(row.name().get());
            name.setMinWidth(Region.USE_PREF_SIZE);
            TextField values = new TextField();
            values.textProperty().bindBidirectional(row.valuesProperty());
            values.setPrefColumnCount(11);
            values.getStyleClass().add("space-values");
            TextField when = new TextField();
            when.textProperty().bindBidirectional(row.whenProperty());
            when.setPromptText("always");
            when.setPrefColumnCount(6);
            when.getStyleClass().add("space-when");
            Runnable mark = () -> {
                boolean bad = !row.problemProperty().get().isEmpty();
                values.setStyle(bad ? "-fx-border-color: #c0392b;" : "");
                values.setTooltip(new Tooltip(bad ? row.problemProperty().get() : "The values searched"));
            };
            // Weakly held by the row, strongly by the field: the fields of rows drawn before are let go.
            javafx.beans.value.ChangeListener<String> marker = (o, was, now) -> mark.run();
            values.getProperties().put("problem-marker", marker);
            row.problemProperty().addListener(new javafx.beans.value.WeakChangeListener<>(marker));
            mark.run();
            Button remove = new Button("×");
            remove.setTooltip(new Tooltip("Remove this row"));
            remove.setOnAction(e -> vm.rows().remove(row));
            rowGrid.addRow(r++, used, name, values, when, remove);
        }
    }

    private VBox results() {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label progress = new Label();
        progress.textProperty().bind(vm.progressTextProperty());
        Label note = new Label();
        note.textProperty().bind(vm.noteProperty());
        note.getStyleClass().add("tuning-note");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox progressRow = new HBox(8, progress, spacer, note);
        Label best = new Label();
        best.textProperty().bind(vm.bestTextProperty());
        best.setWrapText(true);
        best.getStyleClass().add("tuning-best");
        Button apply = new Button("_Apply best");
        apply.setTooltip(new Tooltip("Make the best trial's settings and trained weights the playground's network"
                + " (Alt+A)"));
        apply.disableProperty().bind(vm.canApplyBestProperty().not());
        apply.setOnAction(e -> vm.applyBest());
        Button export = new Button("_Export table…");
        export.setTooltip(new Tooltip("Write the table of trials as CSV, with Optuna's column names (Alt+E)"));
        export.disableProperty().bind(vm.canExportProperty().not());
        export.setOnAction(e -> files.tableTarget().ifPresent(vm::exportCsv));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, best, gap, apply, export);
        HBox.setHgrow(best, Priority.ALWAYS);
        TrialTableView table = new TrialTableView(vm);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox charts = new HBox(8, new HistoryChartView(vm), new LearningCurvesView(vm),
                new ParallelCoordinatesView(vm));
        charts.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        charts.setPrefHeight(300);
        charts.setMinHeight(220);
        VBox box = new VBox(6, bar, progressRow, top, table, charts);
        box.setPadding(new Insets(10));
        return box;
    }

    /** An error alert over the window, when it shows. */
    private void showProblem(String message) {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle("Tuning");
        alert.setHeaderText("The Tuning tab ran into a problem");
        alert.initOwner(getScene().getWindow());
        alert.show();
    }

    /** Whether the seed field's text is blank (the playground's seed) or a whole number. */
    private static boolean seedReadable(String text) {
        if (text.isBlank()) {
            return true;
        }
        try {
            Long.parseLong(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether the user lets a new search replace trials that are in no results folder and were not exported. */
    private boolean newSearchConfirmed() {
        int n = vm.results().size();
        return io.neuralplayground.ui.view.Confirmation.ask(getScene() == null ? null : getScene().getWindow(),
                "replace-search", "Tuning", "Start a new search?", (n == 1 ? "The table's trial is" : "The table's "
                        + n + " trials are") + " in no results folder and were not exported: the new search "
                        + "replaces them.", new ButtonType("Start new search", ButtonBar.ButtonData.YES));
    }

    private static Spinner<Integer> spinner(int min, int max, javafx.beans.property.IntegerProperty value,
            String tip) {
        Spinner<Integer> s = io.neuralplayground.ui.view.WholeNumberSpinner.of(min, max, value.get());
        s.setPrefWidth(110);
        s.setTooltip(new Tooltip(tip));
        s.valueProperty().addListener((o, was, now) -> value.set(now));
        value.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        return l;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setStyle("-fx-text-fill: #666; -fx-font-size: 11px;");
        return l;
    }
}
