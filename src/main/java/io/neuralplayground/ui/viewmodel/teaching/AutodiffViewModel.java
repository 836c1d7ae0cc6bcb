package io.neuralplayground.ui.viewmodel.teaching;

import io.neuralplayground.engine.autodiff.AutodiffSteps;
import io.neuralplayground.engine.autodiff.ComputationalGraph;
import io.neuralplayground.engine.autodiff.Evaluation;
import io.neuralplayground.engine.autodiff.FiniteDifference;
import io.neuralplayground.engine.autodiff.ParseException;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The autodiff view's state: a function of x as text, the x to differentiate at, the computational graph built
 * from them, and how far the stepping through the forward and the backward pass has got.
 *
 * <p>A text that does not parse leaves the last good graph in place and sets {@link #errorProperty()} (the
 * message with its position) and {@link #errorPointerProperty()} (the text with a caret under the position); a
 * good one clears them, builds the new graph and goes back to the start. A new x keeps the position and
 * recomputes the numbers. The position counts the steps done, 0 to {@link AutodiffSteps#size()} (see
 * {@link AutodiffSteps}).
 *
 * <p>Like every view model here it holds JavaFX properties and needs no FX thread.
 */
public final class AutodiffViewModel {
    /** The example the view opens with: the square is computed once and used twice, as is x² + exp(x²). */
    public static final String DEFAULT_EXPRESSION = "sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2))";
    public static final double DEFAULT_X = 1;

    private final ReadOnlyStringWrapper expression = new ReadOnlyStringWrapper(this, "expression");
    private final ReadOnlyDoubleWrapper x = new ReadOnlyDoubleWrapper(this, "x");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper errorPointer = new ReadOnlyStringWrapper(this, "errorPointer", "");
    private final ReadOnlyStringWrapper xError = new ReadOnlyStringWrapper(this, "xError", "");
    private final ReadOnlyObjectWrapper<ComputationalGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<AutodiffSteps> steps = new ReadOnlyObjectWrapper<>(this, "steps");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper(this, "stepTitle", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyBooleanWrapper atStart = new ReadOnlyBooleanWrapper(this, "atStart", true);
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(this, "atEnd");
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(this, "value");
    private final ReadOnlyDoubleWrapper derivative = new ReadOnlyDoubleWrapper(this, "derivative");
    private final ReadOnlyDoubleWrapper numericDerivative = new ReadOnlyDoubleWrapper(this, "numericDerivative");
    private final ReadOnlyDoubleWrapper difference = new ReadOnlyDoubleWrapper(this, "difference");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");

    /** Opens with {@link #DEFAULT_EXPRESSION} at x = 1, at the start. */
    public AutodiffViewModel() {
        this(DEFAULT_EXPRESSION, DEFAULT_X);
    }

    /** Opens with {@code text} (which must parse) at {@code x}, at the start. */
    public AutodiffViewModel(String text, double x) {
        this.x.set(x);
        if (!setExpression(text)) {
            throw new IllegalArgumentException(error.get());
        }
    }

    /**
     * Takes a new function: when it parses, builds its graph and goes back to the start and returns true; when it
     * does not, keeps the graph, sets the error and returns false.
     */
    public boolean setExpression(String text) {
        ComputationalGraph parsed;
        try {
            parsed = ComputationalGraph.parse(text);
        } catch (ParseException e) {
            error.set(e.getMessage());
            errorPointer.set(e.pointer());
            return false;
        }
        error.set("");
        errorPointer.set("");
        boolean same = graph.get() != null && parsed.expression().equals(graph.get().expression());
        expression.set(parsed.expression());
        graph.set(parsed);
        recompute(same ? position.get() : 0);
        return true;
    }

    /** Takes a new x written as text ("1", "-0.5", "2e-3"); refuses what is not a finite number. */
    public boolean setX(String text) {
        String t = text.strip().replace('−', '-');
        double parsed;
        try {
            parsed = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!Double.isFinite(parsed) || t.isEmpty() || Character.isLetter(t.charAt(t.length() - 1))) {
            xError.set("x must be a number, such as 1, -0.5 or 2e-3; '" + text.strip() + "' is not one");
            return false;
        }
        setX(parsed);
        return true;
    }

    /** Takes a new x, keeping the position. */
    public void setX(double newX) {
        if (!Double.isFinite(newX)) {
            throw new IllegalArgumentException("x must be finite, got " + newX);
        }
        xError.set("");
        x.set(newX);
        recompute(position.get());
    }

    /** One step on (nothing at the end). */
    public void next() {
        moveTo(position.get() + 1);
    }

    /** One step back (nothing at the start). */
    public void previous() {
        moveTo(position.get() - 1);
    }

    /** Every step done: all values and adjoints known. */
    public void toEnd() {
        moveTo(steps.get().size());
    }

    /** Nothing done yet. */
    public void toStart() {
        moveTo(0);
    }

    /** Goes to {@code p} steps done, clamped to 0 … {@link AutodiffSteps#size()}. */
    public void moveTo(int p) {
        int clamped = Math.max(0, Math.min(p, steps.get().size()));
        position.set(clamped);
        describeStep();
    }

    private void recompute(int keepPosition) {
        ComputationalGraph g = graph.get();
        Evaluation e = g.evaluate(x.get());
        double numeric = FiniteDifference.derivative(g, x.get());
        steps.set(new AutodiffSteps(e));
        value.set(e.output());
        derivative.set(e.derivative());
        numericDerivative.set(numeric);
        difference.set(e.derivative() - numeric);
        problems.set(String.join("\n", e.problems()));
        moveTo(keepPosition);
    }

    private void describeStep() {
        AutodiffSteps s = steps.get();
        int p = position.get();
        atStart.set(p == 0);
        atEnd.set(p == s.size());
        AutodiffSteps.Step step = s.current(p);
        if (step == null) {
            stepTitle.set("Start");
            stepText.set("Nothing computed yet. Next computes the nodes' values from x to f, then their adjoints "
                    + "from f back to x.");
            return;
        }
        String id = s.evaluation().graph().node(step.node()).id();
        String what;
        if (step.phase() == AutodiffSteps.Phase.FORWARD) {
            what = step.node() == 0 ? "the input" : "the value of " + id + " from its operands";
        } else if (step.node() == s.nodes() - 1) {
            what = "the output's adjoint, ∂f/∂f = 1";
        } else {
            what = "the adjoint " + AutodiffSteps.bar(id) + " = ∂f/∂" + id + ", a sum over the uses of " + id
                    + " of the user's adjoint × the local derivative";
        }
        String pass = step.phase() == AutodiffSteps.Phase.FORWARD ? "Forward pass" : "Backward pass";
        stepTitle.set(String.format(Locale.ROOT, "%s, step %d of %d: %s", pass, step.number(), s.nodes(), what));
        stepText.set(step.text());
    }

    /** The function as last applied (stripped), which the graph shows. */
    public ReadOnlyStringProperty expressionProperty() {
        return expression.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty xProperty() {
        return x.getReadOnlyProperty();
    }

    /** Why the last text did not parse, with its position; "" when it did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The text that did not parse and a caret under the position (two lines); "" when it did. */
    public ReadOnlyStringProperty errorPointerProperty() {
        return errorPointer.getReadOnlyProperty();
    }

    /** Why the last x was refused; "" when it was taken. */
    public ReadOnlyStringProperty xErrorProperty() {
        return xError.getReadOnlyProperty();
    }

    /** The graph of the last function that parsed. */
    public ReadOnlyObjectProperty<ComputationalGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    /** The steps of the forward and backward pass at the current x (their evaluation has every number). */
    public ReadOnlyObjectProperty<AutodiffSteps> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The number of steps done, 0 … 2n. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** "Forward pass, step 3 of 7: the value of c from its operands", or "Start". */
    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }

    /** The current step's formula with numbers: {@code b = exp(a) = exp(1.0000) = 2.7183}. */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atStartProperty() {
        return atStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    /** f(x). */
    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** df/dx by reverse mode. */
    public ReadOnlyDoubleProperty derivativeProperty() {
        return derivative.getReadOnlyProperty();
    }

    /** df/dx by the finite difference of {@link FiniteDifference}. */
    public ReadOnlyDoubleProperty numericDerivativeProperty() {
        return numericDerivative.getReadOnlyProperty();
    }

    /** Reverse mode minus finite difference. */
    public ReadOnlyDoubleProperty differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    /** Where a value or derivative is not a finite number and why, one per line; "" when all are. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ComputationalGraph graph() {
        return graph.get();
    }

    public AutodiffSteps steps() {
        return steps.get();
    }

    public int position() {
        return position.get();
    }
}
