package io.neuralplayground.ui.view;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.ProblemType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Playground's data column: which dataset (as pictures: for classification Playground's four, two more of two
 * classes and three of 3 to 6 classes with a slider for their number; for regression two), how much of it trains,
 * how much of that is set aside for validation, how noisy, the batch size and what becomes of the examples beyond
 * the last whole batch, early stopping, and a new draw of the data (Regenerate, or a seed of one's own).
 */
public final class DataPanel extends VBox {
    private final PlaygroundViewModel vm;
    private final Map<PlaygroundDataset, DatasetThumbnail> thumbnails = new EnumMap<>(PlaygroundDataset.class);
    private final TilePane choices = new TilePane();
    private final ComboBox<ProblemType> problem = new ComboBox<>();
    private final SettingSlider classes;
    private final Label dataFile = new Label();
    private final CheckBox standardize = new CheckBox("Standardize inputs (z-scores of the training part)");
    private final SettingSlider ratio;
    private final SettingSlider validation;
    private final EarlyStoppingControls earlyStopping;
    private final SettingSlider noise;
    private final SettingSlider batch;
    private final ComboBox<LeftoverExamples> leftover = new ComboBox<>();
    private final Button regenerate = new Button("Regenerate");
    private final SeedField seed;

    public DataPanel(PlaygroundViewModel vm) {
        this.vm = vm;
        getStyleClass().add("data-panel");
        Label header = new Label("DATA");
        header.getStyleClass().add("section-header");
        // Playground has the problem type in its top bar; here it sits with the pictures it chooses between, and
        // the top bar has room for the loss.
        problem.getItems().setAll(ProblemType.values());
        problem.valueProperty().bindBidirectional(vm.problemProperty());
        problem.setTooltip(new Tooltip("Classify points into classes, or fit a surface (regression)"));
        problem.setFocusTraversable(false);
        problem.getStyleClass().add("problem-choice");
        problem.setMinWidth(Region.USE_PREF_SIZE);
        Region headerGap = new Region();
        HBox.setHgrow(headerGap, Priority.ALWAYS);
        // In the header's row: the column stays as short as Playground's, which a 640-pixel window needs.
        HBox headerRow = new HBox(6, header, headerGap, problem);
        headerRow.setAlignment(Pos.CENTER_LEFT);
        Label question = new Label("Which dataset do you want to use?");
        question.getStyleClass().add("question");
        question.setWrapText(true);

        choices.getStyleClass().add("dataset-choices");
        // Three columns: the nine classification datasets in three rows, the many-class ones the last row.
        choices.setPrefColumns(3);
        choices.setPrefTileWidth(DatasetThumbnail.SIZE + 4);
        choices.setPrefTileHeight(DatasetThumbnail.SIZE + 4);
        // Three columns, not as many as the width would hold.
        choices.setMaxWidth(Region.USE_PREF_SIZE);
        vm.problemProperty().addListener(o -> showChoices());
        vm.datasetProperty().addListener(o -> showSelection());
        showChoices();

        classes = new SettingSlider("Classes: ", NumberTexts::setting, 3, 6, 1, vm.classesProperty(),
                "How many classes the blobs, spiral arms or rings have");
        classes.getStyleClass().add("classes-slider");
        Runnable showClasses = () -> {
            boolean many = vm.datasetProperty().get() != null && vm.datasetProperty().get().isManyClass()
                    && !vm.settings().hasDataFile();
            classes.setVisible(many);
            classes.setManaged(many);
        };
        vm.datasetProperty().addListener(o -> showClasses.run());
        vm.snapshotProperty().addListener(o -> showClasses.run());
        showClasses.run();

        ratio = new SettingSlider("Ratio of training to test data: ", v -> NumberTexts.setting(v) + "%", 10, 90, 10,
                vm.trainPercentProperty(), "Share of the data used for training; the rest tests the network");
        validation = new SettingSlider("Validation: ", v -> NumberTexts.setting(v) + "%", 0, 50,
                5, vm.validationPercentProperty(), "Share of the training data set aside for validation: measured "
                        + "after every epoch, never trained on; early stopping watches it (as Keras' validation_split)");
        earlyStopping = new EarlyStoppingControls(vm);
        // The switch sits on the validation share's row: it watches that data, and a 1100 × 700 window has no row
        // to spare.
        validation.addToLabelRow(earlyStopping.enabledBox());
        noise = new SettingSlider("Noise: ", NumberTexts::setting, 0, 50, 5, vm.noisePercentProperty(),
                "Random displacement of the examples, which blurs the boundary between the classes");
        batch = new SettingSlider("Batch size: ", NumberTexts::setting, 1, 30, 1, vm.batchSizeProperty(),
                "Examples per weight update");

        HBox leftoverSetting = leftoverSetting();

        regenerate.setTooltip(new Tooltip("New data and new initial weights: the next seed"));
        regenerate.setOnAction(e -> vm.regenerate());
        regenerate.setMinWidth(Region.USE_PREF_SIZE);
        seed = new SeedField(vm.seedProperty());
        HBox actions = new HBox(10, regenerate, seed);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("data-actions");

        dataFile.getStyleClass().add("data-file");
        dataFile.setWrapText(true);
        standardize.setWrapText(true);
        standardize.setTooltip(new Tooltip("Feed each column as (value − mean) / standard deviation, both measured "
                + "on the training examples; off: the values as they are in the file"));
        standardize.setOnAction(e -> vm.setStandardize(standardize.isSelected()));
        vm.snapshotProperty().addListener(o -> showDataFile());
        showDataFile();
        getChildren().addAll(headerRow, dataFile, standardize, question, choices, classes, ratio, validation, earlyStopping, noise,
                batch, leftoverSetting, actions, seed.hint());
    }

    /**
     * Under the batch size, since it decides how an epoch is cut into batches: Playground's way first. Caption and
     * choice share a row, which the smallest window needs.
     */
    private HBox leftoverSetting() {
        Label caption = new Label("Leftover:");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        caption.getStyleClass().add("setting-label");
        leftover.getItems().setAll(LeftoverExamples.CARRY_OVER, LeftoverExamples.SMALLER_LAST_BATCH);
        leftover.valueProperty().bindBidirectional(vm.leftoverProperty());
        leftover.setConverter(new StringConverter<>() {
            @Override
            public String toString(LeftoverExamples value) {
                return value == null ? "" : label(value);
            }

            @Override
            public LeftoverExamples fromString(String text) {
                return null;
            }
        });
        Tooltip tip = new Tooltip("When the training examples are not a multiple of the batch size:\n"
                + "Carry over (TF Playground): update after every full batch only; the examples left at the end "
                + "wait and are averaged into the first update of the next epoch.\n"
                + "Smaller last batch (Keras): the examples left at the end make one smaller batch of their own.");
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        leftover.setTooltip(tip);
        // Closed, the box names the way alone (its row is narrow); open, the list says whose way each is.
        leftover.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(LeftoverExamples item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : shortLabel(item));
            }
        });
        caption.setTooltip(tip);
        leftover.setFocusTraversable(false);
        leftover.setMaxWidth(Double.MAX_VALUE);
        leftover.getStyleClass().add("leftover-choice");
        HBox row = new HBox(6, caption, leftover);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(leftover, Priority.ALWAYS);
        return row;
    }

    /** The choice as the closed combo box shows it. */
    static String shortLabel(LeftoverExamples value) {
        return switch (value) {
            case CARRY_OVER -> "Carry over";
            case SMALLER_LAST_BATCH -> "Smaller last batch";
        };
    }

    /** The choice as the combo box's list shows it. */
    static String label(LeftoverExamples value) {
        return switch (value) {
            case CARRY_OVER -> "Carry over (Playground)";
            case SMALLER_LAST_BATCH -> "Smaller last batch (Keras)";
        };
    }

    /** The datasets of the current problem type, created once each and reused. */
    private void showChoices() {
        boolean classification = vm.problemProperty().get() != ProblemType.REGRESSION;
        List<DatasetThumbnail> shown = new ArrayList<>();
        // Two-class datasets first (Playground's four, then moons and the checkerboard), the many-class ones last.
        for (boolean many : new boolean[] {false, true}) {
            for (PlaygroundDataset kind : PlaygroundDataset.values()) {
                if (kind.isClassification() == classification && kind.isManyClass() == many) {
                    shown.add(thumbnails.computeIfAbsent(kind, this::thumbnail));
                }
            }
        }
        choices.getChildren().setAll(shown);
        showSelection();
    }

    private DatasetThumbnail thumbnail(PlaygroundDataset kind) {
        DatasetThumbnail t = new DatasetThumbnail(kind);
        t.setOnMouseClicked(e -> vm.chooseDataset(kind));
        return t;
    }

    private void showSelection() {
        boolean generated = !vm.settings().hasDataFile();
        thumbnails.forEach((kind, t) -> t.setSelected(generated && kind == vm.datasetProperty().get()));
    }

    /** The user's data, when it is what trains: its name and size above the pictures (a click on one goes back). */
    private void showDataFile() {
        var settings = vm.settings();
        boolean file = settings.hasDataFile();
        dataFile.setVisible(file);
        dataFile.setManaged(file);
        standardize.setVisible(file);
        standardize.setManaged(file);
        noise.setDisable(file);
        if (file) {
            var data = settings.data();
            int k = data.classes();
            dataFile.setText("Your data: " + data.displayName() + ", " + data.dataset().size() + " examples, "
                    + (k == 0 ? "regression" : k + " classes") + ", " + data.columns().size() + " of "
                    + data.dataset().columnCount() + " columns on. Click a picture for generated data.");
            standardize.setSelected(data.standardize());
        }
        showSelection();
    }

    /** The pictures on show, in order. */
    public List<DatasetThumbnail> shownThumbnails() {
        return choices.getChildren().stream().map(DatasetThumbnail.class::cast).toList();
    }

    ComboBox<ProblemType> problemChoice() {
        return problem;
    }

    SettingSlider classesSlider() {
        return classes;
    }

    SettingSlider ratioSlider() {
        return ratio;
    }

    SettingSlider noiseSlider() {
        return noise;
    }

    SettingSlider batchSlider() {
        return batch;
    }

    ComboBox<LeftoverExamples> leftoverChoice() {
        return leftover;
    }

    Button regenerateButton() {
        return regenerate;
    }

    SeedField seedField() {
        return seed;
    }
}
