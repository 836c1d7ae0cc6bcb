package io.neuralplayground.ui.viewmodel.teaching;

import static io.neuralplayground.ui.viewmodel.teaching.FormulaPart.text;

import java.util.List;

/**
 * How the stepper writes matrices and products in one {@link MatrixLayout}: everything the two layouts do
 * differently, so that {@link BackpropSteps} makes each step once for both.
 *
 * <p>The engine and its trace hold every matrix in Keras' layout: rows are examples, the kernel K(k) is
 * inputs × units, a bias is a row. {@link Keras} shows them as they are; {@link Textbook} shows each transposed,
 * so that vectors are columns and W(k) = K(k)ᵀ is units × inputs. A product of the textbook is therefore written
 * in Keras' layout as its transpose, (A·B)ᵀ = Bᵀ·Aᵀ: the factors change places and each is named for its
 * transpose. A vector keeps its name (in Keras' layout h is the row), a weight matrix becomes K (Wᵀ = K, and
 * (Wᵀ)ᵀ = W = Kᵀ) and the symmetric Jacobian drops its ᵀ:
 * <pre>
 *   textbook   W·h    Wᵀ·g    g·hᵀ    Jᵀ·g
 *   Keras      h·K    g·Kᵀ    hᵀ·g    g·J
 * </pre>
 * The callers name the factors with {@link #weights} and {@link #jacobian}; {@link #times} puts them in order.
 * The stepper's diagram asks it too, for the first example of a matrix of examples ({@link #firstExample}).
 */
public sealed interface Notation {

    /** The notation of {@code layout}. */
    static Notation of(MatrixLayout layout) {
        return switch (layout) {
            case TEXTBOOK -> new Textbook();
            case KERAS -> new Keras();
        };
    }

    /** A matrix in the engine's layout (examples as rows, kernels inputs × units) as this notation shows it. */
    double[][] show(double[][] engineLayout);

    /**
     * The first example's values in a matrix of the minibatch's examples as this notation shows it (a {@link #line}:
     * its first column or its first row).
     */
    double[] firstExample(double[][] shown);

    /** The weights of layer k: W(k) or K(k). */
    String weights(int k);

    /** The caption of the weights and of the matrices shaped like them (their gradient, their update). */
    String weightsCaption();

    /** The caption of the transposed weights, which hand g down to the layer below. */
    String transposedWeightsCaption();

    /** What a vector is, and so what holds one example of a minibatch: "column" or "row". */
    String line();

    /**
     * The other line, "row" or "column": what holds one unit's weights in W or K, and one example in a transposed
     * matrix of examples such as hᵀ.
     */
    String crossLine();

    /** The factor by which the softmax Jacobian J (with a subscript such as "_r", or none) carries g: Jᵀ or J. */
    String jacobian(String subscript);

    /** The symbol of the Jacobian of a single example in the numbers: "Jᵀ = J" or "J". */
    String singleJacobian();

    /** The factors of the textbook's product {@code left·right} in this notation's order. */
    <T> List<T> inOrder(T left, T right);

    /** The textbook's product {@code left·right} written in this notation ("W(1)·h(0)" or "h(0)·K(1)"). */
    default String times(String left, String right) {
        List<String> factors = inOrder(left, right);
        return factors.get(0) + "·" + factors.get(1);
    }

    /** The textbook's product {@code left·right} with its numbers, in this notation's order. */
    default List<FormulaPart> times(FormulaPart left, FormulaPart right) {
        List<FormulaPart> factors = inOrder(left, right);
        return List.of(factors.get(0), text("·"), factors.get(1));
    }

    /** The caption of a matrix of the minibatch's examples. */
    default String perExample() {
        return "one " + line() + " per example";
    }

    /** The caption of a transposed matrix of the minibatch's examples (hᵀ). */
    default String perExampleTransposed() {
        return "one " + crossLine() + " per example";
    }

    /** The textbook's: vectors are columns, W(k) = K(k)ᵀ is units × inputs, a = W·h + b. */
    record Textbook() implements Notation {
        @Override
        public double[][] show(double[][] engineLayout) {
            return Term.transpose(engineLayout);
        }

        @Override
        public double[] firstExample(double[][] shown) {
            double[] column = new double[shown.length];
            for (int i = 0; i < shown.length; i++) {
                column[i] = shown[i][0];
            }
            return column;
        }

        @Override
        public String weights(int k) {
            return "W(" + k + ")";
        }

        @Override
        public String weightsCaption() {
            return "units × inputs, textbook";
        }

        @Override
        public String transposedWeightsCaption() {
            return "inputs × units";
        }

        @Override
        public String line() {
            return "column";
        }

        @Override
        public String crossLine() {
            return "row";
        }

        @Override
        public String jacobian(String subscript) {
            return "J" + subscript + "ᵀ";
        }

        @Override
        public String singleJacobian() {
            // The textbook's chain rule asks for Jᵀ; saying it is J keeps the reader from looking for a difference.
            return "Jᵀ = J";
        }

        @Override
        public <T> List<T> inOrder(T left, T right) {
            return List.of(left, right);
        }
    }

    /** Keras': vectors are rows, K(k) is inputs × units as in {@code get_weights()} and the model file, a = h·K + b. */
    record Keras() implements Notation {
        @Override
        public double[][] show(double[][] engineLayout) {
            return engineLayout;
        }

        @Override
        public double[] firstExample(double[][] shown) {
            return shown[0].clone();
        }

        @Override
        public String weights(int k) {
            return "K(" + k + ")";
        }

        @Override
        public String weightsCaption() {
            return "inputs × units, Keras' get_weights()";
        }

        @Override
        public String transposedWeightsCaption() {
            return "units × inputs";
        }

        @Override
        public String line() {
            return "row";
        }

        @Override
        public String crossLine() {
            return "column";
        }

        @Override
        public String jacobian(String subscript) {
            return "J" + subscript;
        }

        @Override
        public String singleJacobian() {
            return "J";
        }

        @Override
        public <T> List<T> inOrder(T left, T right) {
            return List.of(right, left);
        }
    }
}
