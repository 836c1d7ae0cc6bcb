package io.neuralplayground.ui.viewmodel.teaching;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The backprop stepper's state: the steps of one forward and backward pass and one update on the
 * {@link TeachingContext}'s network and examples, the step shown, the matrix layout, and the example as text.
 *
 * <p>The index counts steps done: 0 is before the first step, {@code stepCount} after the last. The steps are
 * rebuilt (and the index goes back to 0) whenever the context's network or examples change; toggling the layout
 * re-renders the same numbers and keeps the index. Like every view model here it needs no FX thread.
 */
public final class StepperViewModel {
    /** The learning rate an opened model gets when its file names none. */
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    private final TeachingContext context;
    private final ReadOnlyObjectWrapper<BackpropSteps> steps = new ReadOnlyObjectWrapper<>(this, "steps");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(this, "stepCount");
    private final ReadOnlyObjectWrapper<BackpropStep> current = new ReadOnlyObjectWrapper<>(this, "currentStep");
    private final ReadOnlyObjectWrapper<List<Term>> computed = new ReadOnlyObjectWrapper<>(this, "computed",
            List.of());
    private final ReadOnlyBooleanWrapper atStart = new ReadOnlyBooleanWrapper(this, "atStart", true);
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(this, "atEnd", true);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final BooleanProperty kerasLayout = new SimpleBooleanProperty(this, "kerasLayout");
    private final StringProperty inputText = new SimpleStringProperty(this, "inputText", "");
    private final StringProperty targetText = new SimpleStringProperty(this, "targetText", "");
    private final ReadOnlyStringWrapper exampleError = new ReadOnlyStringWrapper(this, "exampleError", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyBooleanWrapper lossEditable = new ReadOnlyBooleanWrapper(this, "lossEditable");
    private final ReadOnlyObjectWrapper<Loss> loss = new ReadOnlyObjectWrapper<>(this, "loss");
    private final ReadOnlyDoubleWrapper learningRate = new ReadOnlyDoubleWrapper(this, "learningRate");

    public StepperViewModel(TeachingContext context) {
        this.context = Objects.requireNonNull(context);
        context.networkProperty().addListener((o, was, now) -> rebuild());
        context.examplesProperty().addListener((o, was, now) -> {
            showExampleText();
            rebuild();
        });
        kerasLayout.addListener((o, was, now) -> relayout());
        showExampleText();
        rebuild();
    }

    public TeachingContext context() {
        return context;
    }

    // ---- stepping ----

    /** One step on; nothing after the last. */
    public void next() {
        goTo(index.get() + 1);
    }

    /** One step back; nothing before the first. */
    public void previous() {
        goTo(index.get() - 1);
    }

    /** After the last step. */
    public void runToEnd() {
        goTo(stepCount.get());
    }

    /** Before the first step. */
    public void backToStart() {
        goTo(0);
    }

    /** To {@code done} steps done, clamped to 0 … stepCount. */
    public void goTo(int done) {
        index.set(Math.max(0, Math.min(done, stepCount.get())));
        showIndex();
    }

    /**
     * Makes the network after the update step the network worked on (and, for the playground's network, the
     * playground's): possible at an update step. The steps start again on the new weights.
     */
    public void applyUpdate() {
        if (!canApply.get()) {
            return;
        }
        BackpropSteps before = steps.get();
        Network next = before.updatedNetwork();
        boolean playground = before.network().playground();
        context.applyParameters(next);
        BackpropSteps after = steps.get();
        String lossNow = after == null ? "" : "; with the new ones it is " + format(after.trace().meanLoss());
        status.set("Update applied" + (playground ? ", also in the playground" : "") + ". The loss was "
                + format(before.trace().meanLoss()) + lossNow + ".");
    }

    // ---- the example ----

    /**
     * Reads the input and target texts and makes them the context's examples; false (with
     * {@link #exampleErrorProperty()} saying why) when they are not examples for the network.
     */
    public boolean applyExampleText() {
        TeachingNetwork n = context.network();
        try {
            Examples typed = ExampleText.parse(inputText.get(), targetText.get(), n.network(), n.loss(), n.inputLabels());
            context.examplesProperty().set(typed);
            return exampleError.get().isEmpty();
        } catch (IllegalArgumentException e) {
            exampleError.set(e.getMessage());
            return false;
        }
    }

    /** The example at plane point (x1, x2) of the playground's data, labelled {@code label}. */
    public void useExampleAt(double x1, double x2, double label) {
        context.useExampleAt(x1, x2, label);
    }

    /** A fresh copy of the playground's network. */
    public void usePlaygroundNetwork() {
        context.followPlayground();
        status.set("");
    }

    /** The first {@code count} training examples of the playground, for the minibatch view. */
    public void usePlaygroundMinibatch(int count) {
        context.usePlaygroundMinibatch(count);
    }

    /** The bundled textbook network with its example, loss and learning rate. */
    public void openTextbookExample() {
        BundledExample.open(context);
        status.set("");
    }

    /**
     * Works on {@code model} (opened from the file {@code name}): with the loss and learning rate its file names
     * under {@code training} if it does, otherwise categorical cross-entropy after a softmax output, half squared
     * error otherwise, and {@value #DEFAULT_LEARNING_RATE}.
     */
    public void openModel(Model model, String name) {
        Loss chosen = model.network().outputLayer().activation() == Activation.SOFTMAX
                ? Loss.CATEGORICAL_CROSSENTROPY : Loss.HALF_SQUARED_ERROR;
        double rate = DEFAULT_LEARNING_RATE;
        if (model.extras().get("training") instanceof Map<?, ?> training) {
            if (training.get("loss") instanceof String lossName) {
                try {
                    chosen = Loss.byName(lossName);
                } catch (IllegalArgumentException unknown) {
                    // keep the default: the file is still a model
                }
            }
            if (training.get("learning_rate") instanceof Number number && number.doubleValue() > 0
                    && Double.isFinite(number.doubleValue())) {
                rate = number.doubleValue();
            }
        }
        context.openModel(model, name, chosen, rate);
        status.set("");
    }

    /** Another loss for an opened model (the playground's network keeps the playground's). */
    public void setLoss(Loss value) {
        if (lossEditable.get() && value != null && value != context.network().loss()) {
            context.setLossAndRate(value, context.network().learningRate());
        }
    }

    /**
     * Another learning rate for an opened model, as typed; false (with {@link #statusProperty()} saying why) when
     * it is no positive number.
     */
    public boolean setLearningRate(String text) {
        if (!lossEditable.get()) {
            return false;
        }
        double[][] typed;
        try {
            typed = ExampleText.parse(text, "The learning rate");
        } catch (IllegalArgumentException e) {
            typed = null;
        }
        if (typed == null || typed.length != 1 || typed[0].length != 1 || !(typed[0][0] > 0)) {
            status.set("The learning rate must be one positive number, got '" + text + "'.");
            return false;
        }
        double rate = typed[0][0];
        status.set("");
        if (rate != context.network().learningRate()) {
            context.setLossAndRate(context.network().loss(), rate);
        }
        return true;
    }

    // ---- building ----

    private void rebuild() {
        TeachingNetwork n = context.network();
        Examples e = context.examples();
        source.set(n.source());
        lossEditable.set(!n.playground());
        loss.set(n.loss());
        learningRate.set(n.learningRate());
        BackpropSteps built = null;
        String problem = "";
        if (e == null) {
            problem = "No example yet: type an input and a target.";
        } else {
            try {
                built = BackpropSteps.of(n, e, layout());
            } catch (IllegalArgumentException ex) {
                problem = "The example does not fit: " + ex.getMessage() + ".";
            }
        }
        exampleError.set(problem);
        status.set("");
        steps.set(built);
        stepCount.set(built == null ? 0 : built.size());
        index.set(0);
        showIndex();
    }

    private void relayout() {
        BackpropSteps s = steps.get();
        if (s != null) {
            steps.set(s.inLayout(layout()));
            showIndex();
        }
    }

    private void showExampleText() {
        Examples e = context.examples();
        if (e != null) {
            inputText.set(ExampleText.format(e.inputs()));
            targetText.set(ExampleText.format(e.targets()));
        }
    }

    private void showIndex() {
        BackpropSteps s = steps.get();
        int i = index.get();
        current.set(s == null || i == 0 ? null : s.step(i - 1));
        atStart.set(i == 0);
        atEnd.set(i == stepCount.get());
        BackpropStep step = current.get();
        canApply.set(step != null && step.kind() == BackpropStep.Kind.UPDATE);
        List<Term> values = new ArrayList<>();
        for (int k = 0; k < i; k++) {
            values.add(s.step(k).result());
        }
        computed.set(Collections.unmodifiableList(values));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    // ---- properties ----

    public MatrixLayout layout() {
        return kerasLayout.get() ? MatrixLayout.KERAS : MatrixLayout.TEXTBOOK;
    }

    /** The steps, or null when the example does not fit the network (then {@link #exampleErrorProperty()} says why). */
    public ReadOnlyObjectProperty<BackpropSteps> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public BackpropSteps steps() {
        return steps.get();
    }

    /** Steps done: 0 before the first, {@link #stepCountProperty()} after the last. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int index() {
        return index.get();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    /** The step last done, whose line the formula panel shows; null before the first. */
    public ReadOnlyObjectProperty<BackpropStep> currentStepProperty() {
        return current.getReadOnlyProperty();
    }

    public BackpropStep currentStep() {
        return current.get();
    }

    /** The results of the steps done, in order: the values computed so far. */
    public ReadOnlyObjectProperty<List<Term>> computedProperty() {
        return computed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atStartProperty() {
        return atStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    /** Whether the current step is an update step, which {@link #applyUpdate()} applies. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** Keras' layout (K = Wᵀ, examples as rows) instead of the textbook's. */
    public BooleanProperty kerasLayoutProperty() {
        return kerasLayout;
    }

    /** The input x as text: values separated by commas, examples by ';'. */
    public StringProperty inputTextProperty() {
        return inputText;
    }

    /** The target t as text, as the input. */
    public StringProperty targetTextProperty() {
        return targetText;
    }

    /** What is wrong with the example typed, or empty. */
    public ReadOnlyStringProperty exampleErrorProperty() {
        return exampleError.getReadOnlyProperty();
    }

    /** What just happened (an update applied) or what is wrong with the learning rate typed, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Where the network came from: "the playground" or a file name. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** Whether loss and learning rate may be chosen here (an opened model; the playground's are the playground's). */
    public ReadOnlyBooleanProperty lossEditableProperty() {
        return lossEditable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Loss> lossProperty() {
        return loss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate.getReadOnlyProperty();
    }
}
