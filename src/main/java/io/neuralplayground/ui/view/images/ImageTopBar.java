package io.neuralplayground.ui.view.images;

import io.neuralplayground.session.images.ImageSettings;
import io.neuralplayground.ui.view.FittedComboBox;
import io.neuralplayground.ui.view.Icons;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The image tab's top bar, as the playground's: reset, play/pause, one epoch, new weights; the epoch and the
 * progress through it; the optimizer, learning rate, batch size and epochs, which apply while training.
 */
final class ImageTopBar extends HBox {
    private final Button playButton = new Button();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();

    ImageTopBar(ImagesViewModel vm) {
        getStyleClass().addAll("top-bar", "image-top-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        Button reset = iconButton(Icons.reset(), "Reset: back to epoch 0 with the same initial weights (R)",
                vm::reset);
        reset.getStyleClass().add("reset-button");
        playButton.getStyleClass().add("play-button");
        playButton.setFocusTraversable(false);
        playButton.setOnAction(e -> vm.togglePlay());
        playButton.setTooltip(new Tooltip("Play or pause training (Space)"));
        vm.playingProperty().addListener((o, was, now) -> showPlaying(now));
        showPlaying(false);
        Button step = iconButton(Icons.step(), "Train to the end of this epoch, then pause (→)", vm::stepEpoch);
        step.getStyleClass().add("step-button");
        Button dice = iconButton(Icons.dice(), "New weights: fresh initial weights (the next seed), epoch 0",
                vm::newWeights);
        HBox controls = new HBox(8, reset, playButton, step, dice);
        controls.setAlignment(Pos.CENTER);
        controls.setMinWidth(Region.USE_PREF_SIZE);
        controls.disableProperty().bind(vm.dataProperty().isNull());

        Label epochLabel = new Label("Epoch");
        epochLabel.getStyleClass().add("field-label");
        Label epoch = new Label("0");
        epoch.getStyleClass().addAll("epoch-counter", "image-epoch-counter");
        epoch.setMinWidth(Region.USE_PREF_SIZE);
        epoch.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.snapshotProperty().get();
            return s == null ? "–" : String.format(Locale.ROOT, "%d / %d", s.epoch(), s.epochsTarget());
        }, vm.snapshotProperty()));
        VBox epochBox = new VBox(0, epochLabel, epoch);
        epochBox.setMinWidth(Region.USE_PREF_SIZE);

        progress.getStyleClass().add("epoch-progress");
        progress.progressProperty().bind(vm.epochFractionProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setTooltip(new Tooltip("How far the epoch under way is"));
        progressText.getStyleClass().add("field-label");
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.setMinWidth(0);
        VBox progressBox = new VBox(4, progressText, progress);
        progressBox.setMinWidth(150);
        progressBox.setPrefWidth(340);
        progressBox.setMaxWidth(420);
        HBox.setHgrow(progressBox, Priority.ALWAYS);

        ComboBox<String> optimizer = combo(ImagesViewModel.OPTIMIZERS, s -> s.optimizer().name(), vm::setOptimizer,
                name -> name, vm, "The update rule (Keras' formulas and defaults); changes while training");
        ComboBox<Double> rate = combo(ImagesViewModel.LEARNING_RATES, ImageSettings::learningRate,
                vm::setLearningRate, ImageTopBar::plain, vm, "How far each step moves the weights; changes "
                        + "while training");
        ComboBox<Integer> batch = combo(ImagesViewModel.BATCH_SIZES, ImageSettings::batchSize, vm::setBatchSize,
                String::valueOf, vm, "Images per step: the gradient is their mean; changes while training");
        ComboBox<Integer> epochs = combo(ImagesViewModel.EPOCHS, ImageSettings::epochs, vm::setEpochs,
                String::valueOf, vm, "Epochs to train: Play stops after this many");
        getChildren().addAll(controls, epochBox, progressBox, field("Optimizer", optimizer),
                field("Learning rate", rate), field("Batch size", batch), field("Epochs", epochs));
    }

    private void showPlaying(boolean playing) {
        playButton.setGraphic(playing ? Icons.pause() : Icons.play());
        playButton.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("playing"), playing);
    }

    private static Button iconButton(Node icon, String tooltip, Runnable action) {
        Button button = new Button();
        button.setGraphic(icon);
        button.getStyleClass().add("icon-button");
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    static VBox field(String label, Region box) {
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setMinWidth(Region.USE_PREF_SIZE);
        box.setMinWidth(Region.USE_PREF_SIZE);
        VBox field = new VBox(2, name, box);
        field.setMinWidth(Region.USE_PREF_SIZE);
        return field;
    }

    /** A choice that shows the settings' value and hands a new one to the view model. */
    static <T> ComboBox<T> combo(List<T> items, Function<ImageSettings, T> read, Consumer<T> write,
            Function<T, String> text, ImagesViewModel vm, String tooltip) {
        ComboBox<T> box = new FittedComboBox<>();
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        boolean[] updating = {false};
        Runnable fromSettings = () -> {
            updating[0] = true;
            box.setValue(read.apply(vm.settings()));
            updating[0] = false;
        };
        fromSettings.run();
        // Weakly: the layer rows are made anew for new layers, and their choices must not stay behind listening.
        javafx.beans.InvalidationListener listener = o -> fromSettings.run();
        box.getProperties().put(ImageTopBar.class, listener);
        vm.settingsProperty().addListener(new javafx.beans.WeakInvalidationListener(listener));
        box.valueProperty().addListener((o, was, now) -> {
            if (!updating[0] && now != null) {
                write.accept(now);
            }
        });
        box.setTooltip(new Tooltip(tooltip));
        box.setVisibleRowCount(items.size());
        box.setFocusTraversable(false);
        box.getStyleClass().add("top-combo");
        return box;
    }

    /** 0.01 as "0.01", 1.0 as "1": the number as one would type it. */
    static String plain(double value) {
        return io.neuralplayground.ui.viewmodel.NumberTexts.plain(value);
    }

    ProgressBar progressBar() {
        return progress;
    }

    Label progressLabel() {
        return progressText;
    }
}
