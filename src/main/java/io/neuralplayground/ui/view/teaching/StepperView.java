package io.neuralplayground.ui.view.teaching;

import static io.neuralplayground.ui.view.teaching.TeachingControls.showWhenNotEmpty;
import static io.neuralplayground.ui.view.teaching.TeachingControls.steppingKeys;
import static io.neuralplayground.ui.view.teaching.TeachingControls.tooltip;

import io.neuralplayground.engine.Loss;
import io.neuralplayground.ui.view.Styles;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.teaching.BackpropStep;
import io.neuralplayground.ui.viewmodel.teaching.BackpropSteps;
import io.neuralplayground.ui.viewmodel.teaching.ExampleText;
import io.neuralplayground.ui.viewmodel.teaching.FormulaPart;
import io.neuralplayground.ui.viewmodel.teaching.StepperViewModel;
import io.neuralplayground.ui.viewmodel.teaching.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The backprop stepper, one tab of the main window: the example bar, the network diagram with the values
 * computed so far beside it, the formula of the current step with its numbers, and the buttons to step.
 *
 * <p>Keys, unless a text field has the keyboard: → next step, ← previous, Home back to the start, End to the end,
 * Enter applies the update at an update step. The view brings its own style sheet ({@value #CSS}).
 */
public final class StepperView extends Region {
    /** The view's style sheet, a class-path resource. */
    public static final String CSS = "/css/stepper.css";

    private final StepperViewModel vm;
    private final StepperDiagram diagram = new StepperDiagram();
    private final VBox exampleBar;
    private final HBox middle;
    private final VBox formulaPanel;
    private final HBox navBar;
    private final FlowPane computedPane = new FlowPane(8, 8);
    private final ScrollPane computedScroll = new ScrollPane(computedPane);
    private final Label stepTitle = new Label();
    private final Label layoutLabel = new Label();
    private final Label formula = new Label();
    private final FlowPane numbers = new FlowPane(10, 10);
    private final Label note = new Label();
    private final Label stepCounter = new Label();
    private final Label exampleCount = new Label();
    /** The terms whose cards {@link #computedPane} shows, in order. */
    private final List<Term> shownTerms = new ArrayList<>();

    public StepperView(StepperViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        getStyleClass().add("stepper");
        setPrefSize(TeachingControls.PREF_WIDTH, TeachingControls.PREF_HEIGHT);
        setMinSize(900, 520);
        getStylesheets().add(Styles.stylesheet(CSS));

        exampleBar = exampleBar();
        middle = middle();
        formulaPanel = formulaPanel();
        navBar = navBar();
        getChildren().addAll(exampleBar, middle, formulaPanel, navBar);

        vm.computedProperty().addListener((InvalidationListener) o -> refresh());
        installKeys();
        // A click outside the text fields gives the keys back to the stepper.
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (!isInsideTextField(e.getTarget())) {
                requestFocus();
            }
        });
        refresh();
    }

    // ---- parts ----

    private VBox exampleBar() {
        Label networkCaption = caption("Network");
        Label source = new Label();
        source.getStyleClass().add("stepper-source");
        source.textProperty().bind(vm.sourceProperty());
        source.setTooltip(tooltip("The network the stepper works on: a frozen copy of the playground's, or a model"
                + " opened from a file (File ▸ Open model…)"));
        Button usePlayground = button("Use playground network", "Take a fresh copy of the playground's network, its"
                + " loss and learning rate (the playground keeps training its own)", vm::usePlaygroundNetwork);
        usePlayground.getStyleClass().add("stepper-use-playground");
        Button textbook = button("Textbook 2-2-2", "Open the bundled example: the 2-2-2 sigmoid network of Matt"
                + " Mazur's \"A Step by Step Backpropagation Example\", x = (0.05, 0.10), t = (0.01, 0.99),"
                + " half squared error, α = 0.5", vm::openTextbookExample);

        ComboBox<Loss> loss = new ComboBox<>();
        loss.getItems().setAll(Loss.values());
        loss.getStyleClass().add("stepper-loss");
        loss.setConverter(new StringConverter<>() {
            @Override
            public String toString(Loss value) {
                return value == null ? "" : value.kerasName();
            }

            @Override
            public Loss fromString(String text) {
                return Loss.byName(text);
            }
        });
        loss.setValue(vm.lossProperty().get());
        vm.lossProperty().addListener((o, was, now) -> loss.setValue(now));
        loss.setOnAction(e -> vm.setLoss(loss.getValue()));
        loss.disableProperty().bind(vm.lossEditableProperty().not());
        loss.setTooltip(tooltip("The loss L(y, t) backprop starts from. The playground's network uses the"
                + " playground's; choose one for an opened model."));

        TextField rate = new TextField();
        rate.getStyleClass().add("stepper-rate");
        rate.setPrefColumnCount(5);
        Runnable showRate = () -> rate.setText(NumberTexts.exact(vm.learningRateProperty().get()));
        showRate.run();
        vm.learningRateProperty().addListener((o, was, now) -> showRate.run());
        rate.setOnAction(e -> {
            if (!vm.setLearningRate(rate.getText())) {
                showRate.run();
            }
        });
        rate.focusedProperty().addListener((o, was, now) -> {
            if (!now && !rate.getText().equals(NumberTexts.exact(vm.learningRateProperty().get()))
                    && !vm.setLearningRate(rate.getText())) {
                showRate.run();
            }
        });
        rate.disableProperty().bind(vm.lossEditableProperty().not());
        rate.setTooltip(tooltip("The learning rate α of the update step W ← W − α·∇W (Enter to use it)"));

        ToggleButton keras = new ToggleButton("Keras layout");
        keras.getStyleClass().add("stepper-layout-toggle");
        keras.selectedProperty().bindBidirectional(vm.kerasLayoutProperty());
        keras.setTooltip(tooltip("Off: the textbook's layout, W (units × inputs) and vectors as columns. On: Keras'"
                + " kernel layout, K = Wᵀ (inputs × units) as in get_weights() and the model file, examples as"
                + " rows."));

        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row1 = new HBox(8, networkCaption, source, OlderCopyMark.of(vm.context()), usePlayground, textbook,
                spacer, caption("Loss"), loss,
                caption("α"), rate, keras);
        row1.setAlignment(Pos.CENTER_LEFT);

        TextField input = exampleField("stepper-input", vm.inputTextProperty(), 18, "The input x: one value per"
                + " input, separated by commas; several examples (a minibatch) separated by ';'. Enter to use it.");
        TextField target = exampleField("stepper-target", vm.targetTextProperty(), 14, "The target t: one value per"
                + " output (the class index for the sparse loss), ';' between examples. Enter to use it.");
        Button use = button("Use example", "Run the steps on the example typed (Enter in a field does the same)",
                vm::applyExampleText);
        exampleCount.getStyleClass().add("stepper-caption");
        HBox row2 = new HBox(8, caption("Example   x ="), input, caption("t ="), target, use, exampleCount);
        row2.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.getStyleClass().add("stepper-error");
        error.textProperty().bind(vm.exampleErrorProperty());
        showWhenNotEmpty(error);
        error.setWrapText(true);

        VBox bar = new VBox(6, row1, row2, error);
        bar.getStyleClass().add("stepper-example-bar");
        return bar;
    }

    /** A field of the example, x or t; Enter uses the example typed. */
    private TextField exampleField(String styleClass, StringProperty text, int columns, String tip) {
        TextField field = new TextField();
        field.getStyleClass().add(styleClass);
        field.textProperty().bindBidirectional(text);
        field.setOnAction(e -> vm.applyExampleText());
        field.setPrefColumnCount(columns);
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setTooltip(tooltip(tip));
        return field;
    }

    private HBox middle() {
        diagram.setOnMousePressed(e -> requestFocus());
        computedPane.getStyleClass().add("stepper-computed");
        computedScroll.setFitToWidth(true);
        computedScroll.getStyleClass().add("stepper-computed-scroll");
        computedScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label title = new Label("Values computed so far");
        title.getStyleClass().add("stepper-panel-title");
        VBox values = new VBox(4, title, computedScroll);
        VBox.setVgrow(computedScroll, Priority.ALWAYS);
        values.getStyleClass().add("stepper-values");
        HBox box = new HBox(12, diagram, values);
        HBox.setHgrow(values, Priority.ALWAYS);
        diagram.prefWidthProperty().bind(widthProperty().multiply(0.42));
        return box;
    }

    private VBox formulaPanel() {
        stepTitle.getStyleClass().add("stepper-step-title");
        layoutLabel.getStyleClass().add("stepper-layout-label");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, stepTitle, spacer, layoutLabel);
        header.setAlignment(Pos.CENTER_LEFT);
        formula.getStyleClass().add("stepper-formula");
        formula.setTooltip(tooltip("The line of the algorithm being executed"));
        numbers.getStyleClass().add("stepper-numbers");
        numbers.setAlignment(Pos.CENTER_LEFT);
        numbers.setRowValignment(javafx.geometry.VPos.CENTER);
        VBox content = new VBox(10, numbers, note);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("stepper-numbers-scroll");
        note.getStyleClass().add("stepper-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox panel = new VBox(6, header, formula, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        panel.getStyleClass().add("stepper-formula-panel");
        return panel;
    }

    private HBox navBar() {
        Button start = button("⇤ Back to start", "Before the first step (Home)", vm::backToStart);
        start.getStyleClass().add("stepper-start");
        start.disableProperty().bind(vm.atStartProperty());
        Button previous = button("◀ Previous", "One step back (←)", vm::previous);
        previous.getStyleClass().add("stepper-previous");
        previous.disableProperty().bind(vm.atStartProperty());
        Button next = button("Next ▶", "The next line of the algorithm (→)", vm::next);
        next.getStyleClass().addAll("stepper-next");
        next.disableProperty().bind(vm.atEndProperty());
        Button end = button("Run to end ⇥", "Every step at once, to the update (End)", vm::runToEnd);
        end.getStyleClass().add("stepper-end");
        end.disableProperty().bind(vm.atEndProperty());
        stepCounter.getStyleClass().add("stepper-counter");
        Button apply = button("Apply update", "Make the new weights and biases of every layer the network's (Enter);"
                + " for the playground's network also in the playground. Possible at an update step.",
                vm::applyUpdate);
        apply.getStyleClass().add("stepper-apply");
        apply.disableProperty().bind(vm.canApplyProperty().not());
        Label status = new Label();
        status.getStyleClass().add("stepper-status");
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, start, previous, next, end, stepCounter, apply, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("stepper-nav");
        for (Node n : List.of(start, previous, next, end, apply)) {
            n.setFocusTraversable(false);
        }
        return bar;
    }

    // ---- state → view ----

    private void refresh() {
        BackpropSteps steps = vm.steps();
        int done = vm.index();
        // The steps' own network: the context's may be newer while the steps are being rebuilt.
        diagram.show(steps == null ? vm.context().network() : steps.network(), steps, done);
        layoutLabel.setText(vm.layout().description());
        int m = vm.context().examples() == null ? 0 : vm.context().examples().count();
        exampleCount.setText(m == 1 ? "1 example" : "m = " + m + " examples");
        int count = vm.stepCountProperty().get();
        stepCounter.setText("Step " + done + " of " + count);
        BackpropStep step = vm.currentStep();
        numbers.getChildren().clear();
        if (steps == null) {
            stepTitle.setText("No steps");
            formula.setText("—");
            note.setText(vm.exampleErrorProperty().get());
        } else if (step == null) {
            stepTitle.setText("Step 0 of " + count + " · before the first step");
            formula.setText("Ready: → runs the first line, a(1) = …");
            note.setText("The example: x = " + ExampleText.format(steps.examples().inputs()) + ", t = "
                    + ExampleText.format(steps.examples().targets()) + ". Next (→) runs the forward pass line by"
                    + " line, then the loss, the backward pass from the last layer, and the update.");
        } else {
            stepTitle.setText("Step " + done + " of " + count + " · " + step.title());
            formula.setText(step.formula());
            for (FormulaPart part : step.numbers()) {
                numbers.getChildren().add(part instanceof FormulaPart.Matrix matrix
                        ? new MatrixNode(matrix.term(), false) : operator(((FormulaPart.Text) part).text()));
            }
            note.setText(step.note());
        }
        showComputed(vm.computedProperty().get());
        // The newest value in sight: once now, and once more after the next layout pass has sized the list.
        computedScroll.setVvalue(1);
        javafx.application.Platform.runLater(() -> {
            computedScroll.layout();
            computedScroll.setVvalue(1);
        });
    }

    /**
     * One card per value computed so far, the newest marked. A step on or back keeps the cards of the values
     * still shown (the same terms of the same steps) and makes only the new ones.
     */
    private void showComputed(List<Term> computed) {
        ObservableList<Node> cards = computedPane.getChildren();
        int kept = 0;
        while (kept < shownTerms.size() && kept < computed.size() && shownTerms.get(kept) == computed.get(kept)) {
            kept++;
        }
        cards.remove(kept, cards.size());
        shownTerms.subList(kept, shownTerms.size()).clear();
        for (Term term : computed.subList(kept, computed.size())) {
            cards.add(new MatrixNode(term, true));
            shownTerms.add(term);
        }
        for (int i = Math.max(0, kept - 1); i < cards.size(); i++) {
            List<String> classes = cards.get(i).getStyleClass();
            classes.removeAll(List.of("stepper-card", "stepper-card-latest"));
            classes.add(i == cards.size() - 1 ? "stepper-card-latest" : "stepper-card");
        }
    }

    // ---- keys ----

    private void installKeys() {
        addEventFilter(KeyEvent.KEY_PRESSED, steppingKeys(this, code -> switch (code) {
            case RIGHT -> vm::next;
            case LEFT -> vm::previous;
            case HOME -> vm::backToStart;
            case END -> vm::runToEnd;
            case ENTER -> vm.canApplyProperty().get() ? vm::applyUpdate : null;
            default -> null;
        }));
    }

    private static boolean isInsideTextField(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBox) {
                return true;
            }
        }
        return false;
    }

    // ---- layout ----

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = snapSizeY(exampleBar.prefHeight(w));
        double nav = snapSizeY(navBar.prefHeight(w));
        double rest = Math.max(0, h - bar - nav);
        double top = Math.min(rest * 0.5, 400);
        exampleBar.resizeRelocate(0, 0, w, bar);
        middle.resizeRelocate(0, bar, w, top);
        formulaPanel.resizeRelocate(0, bar + top, w, rest - top);
        navBar.resizeRelocate(0, h - nav, w, nav);
    }

    // ---- small helpers ----

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("stepper-caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label operator(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("stepper-operator");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(tooltip(tip));
        return button;
    }

    // ---- for tests and the window ----

    /** The view model. */
    public StepperViewModel viewModel() {
        return vm;
    }
}
