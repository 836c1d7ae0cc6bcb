package io.neuralplayground.ui.view;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.session.LossChoice;
import io.neuralplayground.session.Speed;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.ProblemType;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The top bar: play/pause, step, reset and new weights, the epoch counter, and the hyperparameters as TF
 * Playground lays them out (learning rate, activation, regularization and its rate, problem type), plus the
 * optimizer, and a switch between one epoch per frame and flat out.
 */
public final class TopBar extends HBox {
    /** Gap between two parts where the window has room. */
    static final double WIDE_GAP = 22;
    /** Gap between two parts in the smallest window. */
    static final double NARROW_GAP = 6;

    private final Button playButton = new Button();

    public TopBar(PlaygroundViewModel vm) {
        getStyleClass().add("top-bar");
        setAlignment(Pos.CENTER_LEFT);

        Button reset = iconButton(Icons.reset(), "Reset: back to epoch 0 with the same initial weights (R)",
                vm::reset);
        reset.getStyleClass().add("reset-button");
        playButton.getStyleClass().add("play-button");
        playButton.setFocusTraversable(false);
        playButton.setOnAction(e -> vm.togglePlay());
        playButton.setTooltip(new Tooltip("Play or pause training (Space)"));
        vm.playingProperty().addListener((o, was, now) -> showPlaying(now));
        showPlaying(vm.playingProperty().get());
        Button step = iconButton(Icons.step(), "Train one epoch (→)", vm::step);
        step.getStyleClass().add("step-button");
        Button newWeights = iconButton(Icons.dice(), "New weights: draw fresh initial weights, epoch 0",
                vm::newWeights);
        newWeights.getStyleClass().add("new-weights-button");
        ToggleButton flatOut = new ToggleButton("Flat out");
        flatOut.getStyleClass().add("speed-toggle");
        flatOut.setFocusTraversable(false);
        flatOut.setTooltip(new Tooltip("Train as fast as the machine goes; off: one epoch per frame, as TF Playground"));
        flatOut.setSelected(vm.speedProperty().get() == Speed.FLAT_OUT);
        flatOut.selectedProperty().addListener((o, was, now) ->
                vm.speedProperty().set(now ? Speed.FLAT_OUT : Speed.ONE_PER_FRAME));
        vm.speedProperty().addListener((o, was, now) -> flatOut.setSelected(now == Speed.FLAT_OUT));
        HBox controls = new HBox(8, reset, playButton, step, newWeights, flatOut);
        controls.setAlignment(Pos.CENTER);

        Label epochLabel = new Label("Epoch");
        epochLabel.getStyleClass().add("field-label");
        Label epoch = new Label();
        epoch.getStyleClass().add("epoch-counter");
        epoch.setMinWidth(Region.USE_PREF_SIZE);
        epoch.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.format(Locale.US, "%07d", vm.epochProperty().get()).replaceAll("(\\d)(?=(\\d{3})+$)", "$1,"),
                vm.epochProperty()));
        VBox epochBox = new VBox(0, epochLabel, epoch);
        epochBox.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Double> learningRate = combo(PlaygroundViewModel.LEARNING_RATES, vm.learningRateProperty(),
                TopBar::plain, "How far each step moves the weights: w ← w − rate · ∇w");
        ComboBox<Activation> activation = combo(PlaygroundViewModel.ACTIVATIONS, vm.activationProperty(),
                Activation::kerasName, "Activation of every hidden layer (click a layer's name in the network "
                        + "to give it its own)");
        ComboBox<Regularization.Kind> regularization = combo(List.of(Regularization.Kind.values()),
                vm.regularizationProperty(), k -> k == Regularization.Kind.NONE ? "None" : k.name(),
                "Penalty on large weights, L1 (can switch links off) or L2 (shrinks them)");
        ComboBox<Double> regularizationRate = combo(PlaygroundViewModel.REGULARIZATION_RATES,
                vm.regularizationRateProperty(), TopBar::plain, "Strength of the regularization");
        regularizationRate.disableProperty().bind(vm.regularizationProperty().isEqualTo(Regularization.Kind.NONE));
        ComboBox<LossChoice> loss = lossChoice(vm);
        ComboBox<String> optimizer = combo(PlaygroundViewModel.OPTIMIZERS, vm.optimizerProperty(),
                TopBar::optimizerLabel, "The update rule (Keras' formulas); changes while training");
        controls.setMinWidth(Region.USE_PREF_SIZE);
        addSpaced(controls, epochBox, field("Learning rate", learningRate), field("Activation", activation),
                field("Regularization", regularization), field("Regularization rate", regularizationRate),
                field("Loss", loss), field("Optimizer", optimizer));
    }

    /**
     * The loss: only those that fit the data (two classes, k classes, regression), the lecture's default first;
     * the tooltip says why one would choose the loss on show.
     */
    private static ComboBox<LossChoice> lossChoice(PlaygroundViewModel vm) {
        ComboBox<LossChoice> box = combo(List.of(), vm.lossProperty(), LossChoice::shortLabel, "");
        box.getStyleClass().add("loss-choice");
        // The field shows the short name; the open list the whole one, with what it is for.
        box.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(LossChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setTooltip(empty || item == null ? null : wrapped(item.why()));
            }
        });
        Runnable fill = () -> {
            List<LossChoice> fitting = LossChoice.choicesFor(vm.settings().problemClasses());
            if (!box.getItems().equals(fitting)) {
                box.getItems().setAll(fitting);
                box.setVisibleRowCount(fitting.size());
            }
            box.setValue(vm.lossProperty().get());
            LossChoice shown = vm.lossProperty().get();
            box.getTooltip().setText(shown == null ? "" : shown.label() + ": " + shown.why()
                    + "\n\nThe list offers the losses that fit the data; the first is the lecture's default.");
        };
        box.getTooltip().setWrapText(true);
        box.getTooltip().setMaxWidth(380);
        vm.lossProperty().addListener(o -> fill.run());
        vm.classesProperty().addListener(o -> fill.run());
        vm.problemProperty().addListener(o -> fill.run());
        fill.run();
        return box;
    }

    /**
     * The parts with a gap between each two that shrinks from Playground's airy {@link #WIDE_GAP} to
     * {@link #NARROW_GAP} as the window narrows: the gaps give way, the parts are never cut short.
     */
    private void addSpaced(Region... parts) {
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) {
                Region gap = new Region();
                gap.getStyleClass().add("top-gap");
                gap.setMinWidth(NARROW_GAP);
                gap.setPrefWidth(NARROW_GAP);
                gap.setMaxWidth(WIDE_GAP);
                HBox.setHgrow(gap, Priority.ALWAYS);
                getChildren().add(gap);
            }
            getChildren().add(parts[k]);
        }
    }

    private void showPlaying(boolean playing) {
        playButton.setGraphic(playing ? Icons.pause() : Icons.play());
        playButton.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("playing"), playing);
    }

    private static Button iconButton(javafx.scene.Node icon, String tooltip, Runnable action) {
        Button button = new Button();
        button.setGraphic(icon);
        button.getStyleClass().add("icon-button");
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    private static VBox field(String label, ComboBox<?> box) {
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setMinWidth(Region.USE_PREF_SIZE);
        box.setMinWidth(Region.USE_PREF_SIZE);
        VBox field = new VBox(2, name, box);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.getStyleClass().add("top-field");
        return field;
    }

    private static <T> ComboBox<T> combo(List<T> items, ObjectProperty<T> property, Function<T, String> text,
            String tooltip) {
        ComboBox<T> box = new FittedComboBox<>();
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(property);
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
        box.setTooltip(new Tooltip(tooltip));
        // Every choice at once, as Playground's lists: eleven rows need no scroll bar.
        box.setVisibleRowCount(items.size());
        box.setFocusTraversable(false);
        box.getStyleClass().add("top-combo");
        return box;
    }

    private static Tooltip wrapped(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        return tip;
    }

    private static String optimizerLabel(String name) {
        return switch (name) {
            case "sgd" -> "SGD";
            case "momentum" -> "Momentum";
            case "rmsprop" -> "RMSprop";
            case "adam" -> "Adam";
            default -> name;
        };
    }

    /** A rate as Playground lists it: 0.00001, 0.03, 1, 10. */
    static String plain(Double value) {
        return value == null ? "" : io.neuralplayground.ui.viewmodel.NumberTexts.plain(value);
    }
}
