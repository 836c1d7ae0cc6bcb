package io.neuralplayground.ui.view.teaching;

import static io.neuralplayground.ui.view.teaching.TeachingControls.showWhenNotEmpty;
import static io.neuralplayground.ui.view.teaching.TeachingControls.steppingKeys;
import static io.neuralplayground.ui.view.teaching.TeachingControls.tooltip;

import io.neuralplayground.engine.autodiff.AutodiffNumbers;
import io.neuralplayground.engine.autodiff.AutodiffSteps;
import io.neuralplayground.engine.autodiff.ComputationalGraph;
import io.neuralplayground.ui.view.Styles;
import io.neuralplayground.ui.viewmodel.teaching.AutodiffViewModel;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;

/**
 * Reverse-mode automatic differentiation, node by node: the user types a function of x and a value of x; the view
 * draws the function's computational graph (one box per intermediate variable, shared subexpressions once) and
 * steps through the forward values and then the adjoints, each edge showing its local derivative once the backward
 * pass uses it; below, the current step as a formula with its numbers, and df/dx by reverse mode beside a finite
 * difference.
 *
 * <p>Keys, when neither text field has the focus: ← previous step, → next, Home back to start, End run to end.
 * Enter in a field applies it and hands the keys to the graph. A text that does not parse is shown in red with a
 * caret under the place, and the last good graph stays. Style classes start with {@code autodiff-}; see
 * {@link #STYLESHEET}, which the view adds to itself.
 */
public final class AutodiffView extends Region {
    /** The teaching views' stylesheet (resource {@code /css/teaching.css}). */
    public static final String STYLESHEET = Styles.stylesheet("/css/teaching.css");
    /** Longest piece of the text shown above the caret of a parse error. */
    static final int POINTER_CHARS = 110;

    private final AutodiffViewModel vm;
    private final TextField expressionField = new TextField();
    private final TextField xField = new TextField();
    private final Label error = new Label();
    private final Label errorPointer = new Label();
    private final Label xError = new Label();
    private final Button startButton = button("Back to start", "Back to start: nothing computed (Home)",
            "M0,0 h2.6 v14 h-2.6 Z M13,0 L13,14 L3.4,7 Z");
    private final Button previousButton = button("Previous", "One step back (←)", "M10,0 L10,14 L0,7 Z");
    private final Button nextButton = button("Next", "One step on: the next node's value, or its adjoint (→)",
            "M0,0 L0,14 L10,7 Z");
    private final Button endButton = button("Run to end", "Every step: all values and adjoints, df/dx (End)",
            "M0,0 L0,14 L9.6,7 Z M10.4,0 h2.6 v14 h-2.6 Z");
    private final GraphPane graphPane = new GraphPane();
    private final Label stepTitle = new Label();
    private final Label stepText = new Label();
    private final Label problems = new Label();
    private final Label derivative = new Label();
    private final VBox content;

    public AutodiffView(AutodiffViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        getStyleClass().add("autodiff");
        setPrefSize(TeachingControls.PREF_WIDTH, TeachingControls.PREF_HEIGHT);
        getStylesheets().add(STYLESHEET);

        content = new VBox(inputs(), graphPane, stepLine(), results());
        content.getStyleClass().add("autodiff-content");
        VBox.setVgrow(graphPane, Priority.ALWAYS);
        getChildren().add(content);

        // The steps change after the graph (they hold the evaluation of the new graph): paint from them alone.
        vm.stepsProperty().addListener((obs, was, now) -> graphPane.paint());
        vm.positionProperty().addListener((obs, was, now) -> graphPane.paint());
        addEventHandler(KeyEvent.KEY_PRESSED, steppingKeys(this, code -> switch (code) {
            case LEFT -> vm::previous;
            case RIGHT -> vm::next;
            case HOME -> vm::toStart;
            case END -> vm::toEnd;
            default -> null;
        }));
        // Open with the keys on the graph, so that → steps at once.
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(graphPane::requestFocus);
            }
        });
    }

    private Node inputs() {
        Label f = new Label("f(x) =");
        f.getStyleClass().add("autodiff-field-label");
        f.setMinWidth(Region.USE_PREF_SIZE);
        expressionField.setText(vm.expressionProperty().get());
        vm.expressionProperty().addListener((obs, was, now) -> {
            if (!now.equals(expressionField.getText().strip())) {
                expressionField.setText(now);
            }
        });
        expressionField.getStyleClass().add("autodiff-expression");
        expressionField.setPromptText("a function of x, such as x^2 + exp(x^2)");
        expressionField.setTooltip(tooltip("The function of x. Numbers, x, + − * / ^ (or **), brackets, and exp, "
                + "log, sqrt, sin, cos, tanh, sigmoid, relu. Enter applies it."));
        expressionField.setOnAction(e -> applyExpression(true));
        expressionField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                applyExpression(false);
            }
        });
        error.getStyleClass().add("autodiff-error");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        errorPointer.getStyleClass().add("autodiff-error-pointer");
        errorPointer.textProperty().bind(Bindings.createStringBinding(
                () -> crop(vm.errorPointerProperty().get(), POINTER_CHARS), vm.errorPointerProperty()));
        showWhenNotEmpty(error);
        showWhenNotEmpty(errorPointer);
        VBox expression = new VBox(expressionField, error, errorPointer);
        expression.getStyleClass().add("autodiff-field-column");
        HBox.setHgrow(expression, Priority.ALWAYS);

        Label x = new Label("x =");
        x.getStyleClass().add("autodiff-field-label");
        x.setMinWidth(Region.USE_PREF_SIZE);
        xField.setText(plain(vm.xProperty().get()));
        vm.xProperty().addListener((obs, was, now) -> xField.setText(plain(now.doubleValue())));
        xField.getStyleClass().add("autodiff-x");
        xField.setPrefColumnCount(6);
        xField.setTooltip(tooltip("Where to differentiate. Enter applies it."));
        xField.setOnAction(e -> applyX(true));
        xField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                applyX(false);
            }
        });
        xError.getStyleClass().add("autodiff-error");
        xError.textProperty().bind(vm.xErrorProperty());
        xError.setWrapText(true);
        xError.setMaxWidth(220);
        showWhenNotEmpty(xError);
        VBox xColumn = new VBox(xField, xError);
        xColumn.getStyleClass().add("autodiff-field-column");

        startButton.setOnAction(e -> vm.toStart());
        previousButton.setOnAction(e -> vm.previous());
        nextButton.setOnAction(e -> vm.next());
        endButton.setOnAction(e -> vm.toEnd());
        startButton.disableProperty().bind(vm.atStartProperty());
        previousButton.disableProperty().bind(vm.atStartProperty());
        nextButton.disableProperty().bind(vm.atEndProperty());
        endButton.disableProperty().bind(vm.atEndProperty());
        nextButton.getStyleClass().add("autodiff-primary");
        nextButton.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        endButton.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        HBox buttons = new HBox(startButton, previousButton, nextButton, endButton);
        buttons.getStyleClass().add("autodiff-buttons");
        buttons.setMinWidth(Region.USE_PREF_SIZE);

        HBox row = new HBox(f, expression, x, xColumn, buttons);
        row.getStyleClass().add("autodiff-inputs");
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private Node stepLine() {
        stepTitle.getStyleClass().add("autodiff-step-title");
        stepTitle.textProperty().bind(vm.stepTitleProperty());
        stepTitle.setMinWidth(Region.USE_PREF_SIZE);
        stepText.getStyleClass().add("autodiff-step-text");
        stepText.setWrapText(true);
        stepText.setMaxWidth(Double.MAX_VALUE);
        vm.stepTextProperty().addListener((obs, was, now) -> breakStepText());
        stepText.widthProperty().addListener((obs, was, now) -> breakStepText());
        stepText.fontProperty().addListener((obs, was, now) -> breakStepText());
        breakStepText();
        Tooltip.install(stepText, tooltip("The current step: the node's formula, then the same with the numbers. "
                + "Going backward, ā = Σ over the uses of a of (user's adjoint × local derivative)."));
        VBox box = new VBox(stepTitle, stepText);
        box.getStyleClass().add("autodiff-step");
        return box;
    }

    /**
     * Shows the step's text, broken into lines before an " = " where it is wider than the label (a backward step
     * with many uses is long), so that the formula and its numbers each start a line.
     */
    private void breakStepText() {
        String text = vm.stepTextProperty().get();
        double room = stepText.getWidth() - stepText.snappedLeftInset() - stepText.snappedRightInset() - 4;
        if (room <= 0 || AutodiffPainter.width(text, stepText.getFont()) <= room) {
            stepText.setText(text);
            return;
        }
        String[] parts = text.split(" = ");
        StringBuilder lines = new StringBuilder();
        String line = parts[0];
        for (int i = 1; i < parts.length; i++) {
            String longer = line + " = " + parts[i];
            if (AutodiffPainter.width(longer, stepText.getFont()) > room) {
                lines.append(line).append('\n');
                line = "     = " + parts[i];
            } else {
                line = longer;
            }
        }
        stepText.setText(lines.append(line).toString());
    }

    private Node results() {
        derivative.getStyleClass().addAll("autodiff-result-value", "autodiff-derivative");
        derivative.textProperty().bind(Bindings.createStringBinding(
                () -> vm.atEndProperty().get() ? AutodiffNumbers.precise(vm.derivativeProperty().get())
                        : "after the backward pass",
                vm.atEndProperty(), vm.derivativeProperty()));
        derivative.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("pending"), !vm.atEndProperty().get());
        vm.atEndProperty().addListener((obs, was, now) -> derivative.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("pending"), !now));
        Label difference = value(Bindings.createStringBinding(() -> vm.atEndProperty().get()
                ? AutodiffNumbers.small(vm.differenceProperty().get()) : "—", vm.atEndProperty(),
                vm.differenceProperty()));
        HBox row = new HBox(
                item("f(x)", value(precise(vm.valueProperty())), "The function's value at x, the output node's value"),
                item("df/dx by reverse mode", derivative, "x̄, the adjoint of x: shown once the backward pass reaches x"),
                item("by finite difference", value(precise(vm.numericDerivativeProperty())),
                        "(f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h with h = 10⁻⁴·max(1, |x|)"),
                item("difference", difference, "Reverse mode minus finite difference: rounding and the difference's "
                        + "own error, about 10⁻¹⁰ where f is smooth"));
        row.getStyleClass().add("autodiff-results");
        problems.getStyleClass().add("autodiff-problems");
        problems.textProperty().bind(vm.problemsProperty());
        problems.setWrapText(true);
        showWhenNotEmpty(problems);
        VBox box = new VBox(row, problems);
        box.getStyleClass().add("autodiff-result-panel");
        return box;
    }

    private static javafx.beans.binding.StringBinding precise(ObservableDoubleValue value) {
        return Bindings.createStringBinding(() -> AutodiffNumbers.precise(value.get()), value);
    }

    private static Label value(javafx.beans.binding.StringBinding text) {
        Label label = new Label();
        label.getStyleClass().add("autodiff-result-value");
        label.textProperty().bind(text);
        return label;
    }

    private static Node item(String name, Label value, String tip) {
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("autodiff-result-name");
        value.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(nameLabel, value);
        box.getStyleClass().add("autodiff-result");
        Tooltip.install(box, tooltip(tip));
        return box;
    }

    private void applyExpression(boolean focusGraph) {
        if (vm.setExpression(expressionField.getText()) && focusGraph) {
            graphPane.requestFocus();
        }
    }

    private void applyX(boolean focusGraph) {
        if (vm.setX(xField.getText())) {
            xField.setText(plain(vm.xProperty().get()));
            if (focusGraph) {
                graphPane.requestFocus();
            }
        }
    }

    /**
     * The two lines of a parse error cut to at most {@code max} characters around the caret, with "…" where
     * text is left out, so that the caret stays under its character.
     */
    static String crop(String pointer, int max) {
        int newline = pointer.indexOf('\n');
        if (newline < 0) {
            return pointer;
        }
        String text = pointer.substring(0, newline);
        int caret = pointer.length() - newline - 2;
        if (text.length() <= max) {
            return pointer;
        }
        int from = Math.max(0, Math.min(caret - max * 2 / 3, text.length() - max));
        int to = Math.min(text.length(), from + max);
        String head = from > 0 ? "…" : "";
        String tail = to < text.length() ? "…" : "";
        return head + text.substring(from, to) + tail + "\n" + " ".repeat(head.length() + caret - from) + "^";
    }

    /** x as typed on a keyboard: "1", "-0.5", "0.001". */
    static String plain(double x) {
        return AutodiffNumbers.precise(x).replace('−', '-');
    }

    private static Button button(String text, String tip, String icon) {
        SVGPath shape = new SVGPath();
        shape.setContent(icon);
        shape.getStyleClass().add("autodiff-icon");
        Button b = new Button(text, shape);
        b.getStyleClass().add("autodiff-button");
        b.setTooltip(tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    /** The canvas with the graph; takes the keys when focused (a click focuses it). */
    private final class GraphPane extends Region {
        private final Canvas canvas = new Canvas();
        private final AutodiffPainter painter = new AutodiffPainter();
        private AutodiffLayout layout;
        private ComputationalGraph laidOut;

        GraphPane() {
            getStyleClass().add("autodiff-graph");
            setPrefSize(800, 400);
            setMinSize(200, 200);
            setFocusTraversable(true);
            getChildren().add(canvas);
            setOnMousePressed(e -> requestFocus());
            Tooltip tip = tooltip("The computational graph: one box per intermediate variable, x on the left, f on "
                    + "the right; edges carry local derivatives once the backward pass uses them. Keys: → next step, "
                    + "← previous, Home back to start, End run to end.");
            tip.setShowDelay(Duration.seconds(1.5));
            Tooltip.install(this, tip);
        }

        void paint() {
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            if (w <= 0 || h <= 0) {
                return;
            }
            ComputationalGraph graph = vm.steps().evaluation().graph();
            if (layout == null || laidOut != graph) {
                layout = AutodiffLayout.of(graph, w, h);
                laidOut = graph;
            }
            painter.paint(canvas.getGraphicsContext2D(), w, h, layout, vm.steps(), vm.position());
        }

        @Override
        protected void layoutChildren() {
            double w = Math.floor(getWidth());
            double h = Math.floor(getHeight());
            if (w != canvas.getWidth() || h != canvas.getHeight()) {
                canvas.setWidth(w);
                canvas.setHeight(h);
                layout = null;
            }
            paint();
        }
    }

    // For tests: what the user sees.

    TextField expressionField() {
        return expressionField;
    }

    TextField xField() {
        return xField;
    }

    Label stepTextLabel() {
        return stepText;
    }

    Label stepTitleLabel() {
        return stepTitle;
    }

    Label errorLabel() {
        return error;
    }

    Label errorPointerLabel() {
        return errorPointer;
    }

    Label derivativeLabel() {
        return derivative;
    }

    Region graphPane() {
        return graphPane;
    }

    AutodiffLayout graphLayout() {
        return graphPane.layout;
    }

    AutodiffPainter painter() {
        return graphPane.painter;
    }

    Button nextButton() {
        return nextButton;
    }

    /** The step shown, for tests: the view model's current step. */
    AutodiffSteps.Step currentStep() {
        return vm.steps().current(vm.position());
    }
}
