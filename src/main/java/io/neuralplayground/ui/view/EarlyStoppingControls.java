package io.neuralplayground.ui.view;

import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.EarlyStopping.Monitor;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Keras' early stopping: its switch ({@link #enabledBox()}, which the data column puts beside the validation share it
 * watches) and, while it is on, its settings: what to watch, patience, the least change that counts, the warm-up
 * epochs and whether to go back to the best weights. Each edit changes the view model's rule at once; the session
 * applies it between epochs without a rebuild.
 */
final class EarlyStoppingControls extends VBox {
    /** The least changes offered; Keras' default is 0, the lecture's 0.0001. */
    static final List<Double> MIN_DELTAS = List.of(0.0, 1e-4, 1e-3, 1e-2);

    private final PlaygroundViewModel vm;
    // Short: it shares the validation share's row, whose label must show whole; the tooltip names Keras' callback.
    private final CheckBox enabled = new CheckBox("Stop early");
    private final ComboBox<Monitor> monitor = new ComboBox<>();
    private final Spinner<Integer> patience = WholeNumberSpinner.of(0, 10_000, 20);
    private final ComboBox<Double> minDelta = new ComboBox<>();
    private final Spinner<Integer> startFrom = WholeNumberSpinner.of(0, 100_000, 0);
    private final CheckBox restore = new CheckBox("Restore the best weights");
    private final GridPane settings = new GridPane();
    private boolean showing;

    EarlyStoppingControls(PlaygroundViewModel vm) {
        this.vm = vm;
        getStyleClass().add("early-stopping");
        setSpacing(4);
        enabled.selectedProperty().bindBidirectional(vm.earlyStoppingProperty());
        enabled.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        enabled.setTooltip(tip("Stop training when the watched value has not improved for 'patience' epochs, as "
                + "Keras' EarlyStopping callback. Switched on with no validation data, it sets "
                + PlaygroundViewModel.DEFAULT_VALIDATION_PERCENT + " % of the training data aside for validation, "
                + "which starts the run again."));

        monitor.getItems().setAll(Monitor.values());
        monitor.setConverter(new StringConverter<>() {
            @Override
            public String toString(Monitor m) {
                return m == null ? "" : m.kerasName();
            }

            @Override
            public Monitor fromString(String text) {
                return Monitor.fromKerasName(text);
            }
        });
        monitor.setTooltip(tip("What is watched: the loss or accuracy of the validation data (val_…) or of the "
                + "training data"));
        monitor.setOnAction(e -> edit(r -> monitor.getValue() == null ? r : r.withMonitor(monitor.getValue())));
        patience.setTooltip(tip("Epochs in a row without improvement before training stops"));
        patience.valueProperty().addListener((o, was, now) -> edit(r -> now == null ? r : r.withPatience(now)));
        minDelta.getItems().setAll(MIN_DELTAS);
        minDelta.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : NumberTexts.plain(value);
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text);
            }
        });
        minDelta.setTooltip(tip("min_delta: a change smaller than this does not count as an improvement"));
        minDelta.setOnAction(e -> edit(r -> minDelta.getValue() == null ? r : r.withMinDelta(minDelta.getValue())));
        startFrom.setTooltip(tip("start_from_epoch: epochs of warm-up before the watch begins"));
        startFrom.valueProperty().addListener((o, was, now) -> edit(r -> now == null ? r : r.withStartFromEpoch(now)));
        restore.setTooltip(tip("restore_best_weights: when training stops, go back to the weights of the best epoch"));
        restore.setOnAction(e -> edit(r -> r.withRestoreBestWeights(restore.isSelected())));
        restore.setWrapText(true);

        settings.getStyleClass().add("early-stopping-settings");
        settings.setHgap(6);
        settings.setVgap(3);
        settings.addRow(0, caption("Watch"), monitor);
        settings.addRow(1, caption("Patience"), patience);
        settings.addRow(2, caption("Min. change"), minDelta);
        settings.addRow(3, caption("From epoch"), startFrom);
        settings.add(restore, 0, 4, 2, 1);
        for (javafx.scene.control.Control c : List.of(monitor, patience, minDelta, startFrom)) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setPrefWidth(110);
            c.setFocusTraversable(false);
            GridPane.setHgrow(c, Priority.ALWAYS);
        }
        settings.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(settings);
        vm.earlyStoppingRuleProperty().addListener(o -> show());
        vm.earlyStoppingProperty().addListener(o -> show());
        vm.snapshotProperty().addListener(o -> show());
        show();
    }

    private static Tooltip tip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        return tip;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("setting-label");
        return label;
    }

    /** Changes the view model's rule, unless the controls are only being set from it. */
    private void edit(UnaryOperator<EarlyStopping> change) {
        if (!showing) {
            vm.earlyStoppingRuleProperty().set(change.apply(vm.earlyStoppingRuleProperty().get()));
        }
    }

    /** Sets the controls from the view model's rule; the settings show only while early stopping is on. */
    private void show() {
        showing = true;
        try {
            EarlyStopping rule = vm.earlyStoppingRuleProperty().get();
            boolean classification = vm.settings().isClassification();
            List<Monitor> offered = classification ? List.of(Monitor.values())
                    : List.of(Monitor.VAL_LOSS, Monitor.LOSS);
            // Snapshots come every frame while training: the list changes only with the kind of problem, so that
            // an open drop-down is not rebuilt under the pointer.
            if (!monitor.getItems().equals(offered)) {
                monitor.getItems().setAll(offered);
            }
            monitor.setValue(rule.monitor().isAccuracy() && !classification ? Monitor.VAL_LOSS : rule.monitor());
            patience.getValueFactory().setValue(rule.patience());
            if (!minDelta.getItems().contains(rule.minDelta())) {
                minDelta.getItems().add(rule.minDelta());
            }
            minDelta.setValue(rule.minDelta());
            startFrom.getValueFactory().setValue(rule.startFromEpoch());
            restore.setSelected(rule.restoreBestWeights());
            boolean on = vm.earlyStoppingProperty().get();
            setVisible(on);
            setManaged(on);
        } finally {
            showing = false;
        }
    }

    CheckBox enabledBox() {
        return enabled;
    }

    ComboBox<Monitor> monitorChoice() {
        return monitor;
    }

    Spinner<Integer> patienceSpinner() {
        return patience;
    }

    CheckBox restoreBox() {
        return restore;
    }
}
