package io.neuralplayground.session;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Loss;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The window's choice of loss, each with the output layer it belongs to: the lecture's table.
 * <table>
 *   <caption>Which loss for which problem</caption>
 *   <tr><th>problem</th><th>output</th><th>loss</th></tr>
 *   <tr><td>two classes</td><td>one sigmoid unit</td><td>binary cross-entropy (the default)</td></tr>
 *   <tr><td>two classes</td><td>one tanh unit, targets −1/+1</td><td>½‖y − t‖² (TF Playground's)</td></tr>
 *   <tr><td>k classes</td><td>k softmax units</td><td>categorical cross-entropy; sparse when the labels are
 *       integers (the default for the generated data, whose classes are 0 … k−1)</td></tr>
 *   <tr><td>regression</td><td>one linear unit</td><td>mean squared error (the default), mean absolute error,
 *       or Playground's ½(y − t)²</td></tr>
 * </table>
 * Softmax on two classes is allowed too (two units): it is the same model as one sigmoid unit, written the other
 * way, and the lecture shows both. An output activation that does not fit the loss (softmax on one unit, a
 * cross-entropy on tanh) cannot be chosen: {@link #allowedOutputs()} lists what can.
 */
public enum LossChoice {
    BINARY_CROSSENTROPY(Loss.BINARY_CROSSENTROPY, Activation.SIGMOID, "Binary cross-entropy",
            "Two classes: one sigmoid unit gives p(class +1); the loss −t·log p − (1−t)·log(1−p) punishes confident "
                    + "mistakes hard, and its gradient at the output's input is just p − t."),
    PLAYGROUND(Loss.HALF_SQUARED_ERROR, Activation.TANH, "½‖y − t‖² (Playground's)",
            "TF Playground's own loss: a tanh output trained towards −1 and +1 (linear for regression) with half "
                    + "the squared error. Its gradient vanishes where tanh saturates, so it learns slower than "
                    + "cross-entropy."),
    CATEGORICAL_CROSSENTROPY(Loss.CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX, "Categorical cross-entropy",
            "k classes: one softmax unit per class gives the k probabilities; the loss is −log of the true "
                    + "class's probability, with one-hot targets. The gradient at the softmax's input is y − t."),
    SPARSE_CATEGORICAL_CROSSENTROPY(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX,
            "Sparse categorical cross-entropy",
            "The same loss as categorical cross-entropy, with the target given as the class's number instead of "
                    + "a one-hot vector (Keras' choice when the labels are integers)."),
    MEAN_SQUARED_ERROR(Loss.MEAN_SQUARED_ERROR, Activation.LINEAR, "Mean squared error",
            "Regression: a linear output and the mean of (y − t)²; large errors weigh most."),
    MEAN_ABSOLUTE_ERROR(Loss.MEAN_ABSOLUTE_ERROR, Activation.LINEAR, "Mean absolute error",
            "Regression: a linear output and the mean of |y − t|; less pulled by outliers than squared error.");

    /** The elementwise activations an output may take under a squared or absolute error. */
    private static final List<Activation> ELEMENTWISE = List.of(Activation.LINEAR, Activation.TANH,
            Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU, Activation.ELU);

    private final Loss loss;
    private final Activation output;
    private final String label;
    private final String why;

    LossChoice(Loss loss, Activation output, String label, String why) {
        this.loss = loss;
        this.output = output;
        this.label = label;
        this.why = why;
    }

    public Loss loss() {
        return loss;
    }

    /** The short id used in session files and share strings: Keras' name of the loss, "half_squared_error" … */
    public String id() {
        return loss.kerasName();
    }

    /** What the top bar's list shows. */
    public String label() {
        return label;
    }

    /** The top bar's field is narrow: cross-entropy as "CE", the errors by their initials, Playground's by formula. */
    public String shortLabel() {
        return switch (this) {
            case BINARY_CROSSENTROPY -> "Binary CE";
            case PLAYGROUND -> "½‖y−t‖²";
            case CATEGORICAL_CROSSENTROPY -> "Categorical CE";
            case SPARSE_CATEGORICAL_CROSSENTROPY -> "Sparse CE";
            case MEAN_SQUARED_ERROR -> "MSE";
            case MEAN_ABSOLUTE_ERROR -> "MAE";
        };
    }

    /** The tooltip: when to choose it and why. */
    public String why() {
        return why;
    }

    /** The output activation this loss starts with on a problem of {@code classes} classes (0: regression). */
    public Activation defaultOutput(int classes) {
        return this == PLAYGROUND && classes == 0 ? Activation.LINEAR : output;
    }

    /** The output activations that fit this loss, the default first. */
    public List<Activation> allowedOutputs() {
        return switch (this) {
            case BINARY_CROSSENTROPY -> List.of(Activation.SIGMOID);
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> List.of(Activation.SOFTMAX);
            case PLAYGROUND, MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> ELEMENTWISE;
        };
    }

    /** Whether this loss fits a problem of {@code classes} classes (0: regression). */
    public boolean fits(int classes) {
        return switch (this) {
            case BINARY_CROSSENTROPY -> classes == 2;
            case PLAYGROUND -> classes <= 2;
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> classes >= 2;
            case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> classes == 0;
        };
    }

    /** The losses that fit a problem of {@code classes} classes (0: regression), the default first. */
    public static List<LossChoice> choicesFor(int classes) {
        LossChoice first = defaultFor(classes, true);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                Arrays.stream(values()).filter(c -> c != first && c.fits(classes))).toList();
    }

    /**
     * The lecture's default: binary cross-entropy for two classes, mean squared error for regression, for k
     * classes sparse categorical cross-entropy when the labels are integers and categorical otherwise.
     */
    public static LossChoice defaultFor(int classes, boolean integerLabels) {
        if (classes == 0) {
            return MEAN_SQUARED_ERROR;
        }
        if (classes == 2) {
            return BINARY_CROSSENTROPY;
        }
        return integerLabels ? SPARSE_CATEGORICAL_CROSSENTROPY : CATEGORICAL_CROSSENTROPY;
    }

    /** The choice whose {@link #id()} is {@code name}, ignoring case. */
    public static LossChoice byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (LossChoice c : values()) {
            if (c.id().equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown loss '" + name + "': choose one of "
                + String.join(", ", Arrays.stream(values()).map(LossChoice::id).toList()));
    }

    @Override
    public String toString() {
        return label;
    }
}
