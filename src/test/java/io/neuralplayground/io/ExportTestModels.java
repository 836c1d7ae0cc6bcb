package io.neuralplayground.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.export.OnnxTestNetworks;
import io.neuralplayground.io.keras.KerasTestFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Models for the tests of the exports that compute (NumPy, Keras, Java source): every activation the engine has,
 * several depths and widths, odd input names, and inputs that reach every branch of every activation. (The ONNX
 * tests draw theirs as Keras initialises weights, {@link OnnxTestNetworks}; the Keras format tests use weights
 * float32 cannot hold exactly, {@link KerasTestFiles}.)
 */
public final class ExportTestModels {
    /** Input names a generated file must carry through unharmed: quotes, backslashes, controls, non-ASCII. */
    public static final List<String> ODD_NAMES = List.of("say \"hi\"", "it's", "back\\slash", "\\u0041 not an escape",
            "tab\tnew\nline\r", "\u0000nul first", "Größe", "温度", "emoji 😀", "\u2028line sep", "end\\",
            "\"\"\" triple", "*/ /* comment", "%s %1$s {}", "\u007fdel \u0080c1", "\ufeffbom");

    private ExportTestModels() {
    }

    /**
     * Per activation, a network that uses it in every layer (3-5-4-2); then a single layer, a wide one, a deep one,
     * one with every activation in turn, and one whose inputs have odd names.
     */
    public static List<NamedModel> cases() {
        List<NamedModel> cases = new ArrayList<>();
        long seed = 1;
        for (Activation activation : Activation.values()) {
            cases.add(new NamedModel("every layer " + activation.kerasName(),
                    model(new int[] {3, 5, 4, 2}, new Activation[] {activation, activation, activation}, seed++)));
        }
        cases.add(new NamedModel("one layer", model(new int[] {2, 1}, new Activation[] {Activation.SIGMOID}, seed++)));
        cases.add(new NamedModel("one input, one output", model(new int[] {1, 1}, new Activation[] {Activation.LINEAR},
                seed++)));
        cases.add(new NamedModel("wide", model(new int[] {4, 40, 3}, new Activation[] {Activation.RELU,
                Activation.SOFTMAX}, seed++)));
        Activation[] deep = new Activation[8];
        int[] deepShape = new int[deep.length + 1];
        deepShape[0] = 2;
        for (int l = 0; l < deep.length; l++) {
            deep[l] = Activation.TANH;
            deepShape[l + 1] = 3;
        }
        cases.add(new NamedModel("deep", model(deepShape, deep, seed++)));
        cases.add(new NamedModel("every activation in turn", model(new int[] {4, 6, 5, 5, 4, 4, 3, 3, 3},
                new Activation[] {Activation.RELU, Activation.LEAKY_RELU, Activation.ELU, Activation.TANH,
                    Activation.SIGMOID, Activation.LINEAR, Activation.LEAKY_RELU, Activation.SOFTMAX}, seed++)));
        Model odd = model(new int[] {ODD_NAMES.size(), 3, 2}, new Activation[] {Activation.ELU, Activation.LINEAR},
                seed);
        cases.add(new NamedModel("odd input names", new Model(ODD_NAMES, odd.network())));
        return cases;
    }

    /** The model of {@link #cases()} with this name. */
    public static Model named(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().model();
    }

    /**
     * A network of this shape (inputs, then the units of each layer) with weights in [−1.5, 1.5] and biases in
     * [−0.5, 0.5], drawn from {@code seed}; inputs x1, x2, …
     */
    public static Model model(int[] shape, Activation[] activations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 1; l < shape.length; l++) {
            double[][] kernel = new double[shape[l - 1]][shape[l]];
            for (double[] row : kernel) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextDouble(-1.5, 1.5);
                }
            }
            double[] bias = new double[shape[l]];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = random.nextDouble(-0.5, 0.5);
            }
            layers.add(new DenseLayer(kernel, bias, activations[l - 1]));
        }
        return new Model(NamedModel.inputNames(shape[0]), new Network(shape[0], layers));
    }

    /**
     * One layer of two units over one input per {@link ModelGenerators#SPECIAL_DOUBLES special double}: the first
     * unit's weights are the special doubles, the second's the same negated in reverse order.
     */
    public static Model specialDoubles(List<String> names, double[] bias, Activation activation) {
        double[] special = ModelGenerators.SPECIAL_DOUBLES;
        double[][] kernel = new double[special.length][2];
        for (int i = 0; i < special.length; i++) {
            kernel[i][0] = special[i];
            kernel[i][1] = -special[special.length - 1 - i];
        }
        return new Model(names, new Network(special.length, List.of(new DenseLayer(kernel, bias, activation))));
    }

    /**
     * Examples for a network of {@code inputs} inputs: zeros, −0.0, small and large values of both signs (large
     * enough to saturate tanh and sigmoid and to reach far into the negative side of elu), random ones.
     */
    public static double[][] inputs(int inputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        double[] fixed = {0.0, -0.0, 1.0, -1.0, 0.5, -0.25, 1e-9, -1e-9, 30.0, -30.0, 400.0, -400.0};
        for (double v : fixed) {
            double[] row = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                row[i] = i % 2 == 0 ? v : -v / 2;
            }
            rows.add(row);
        }
        for (int r = 0; r < 8; r++) {
            double[] row = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                row[i] = random.nextDouble(-3, 3);
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    /** What the engine computes for each example: the reference every export is compared with. */
    public static double[][] predictions(Model model, double[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = model.network().predict(x[r]);
        }
        return y;
    }

    /**
     * Asserts {@code actual} is {@code expected} within {@code tolerance}, relative for values beyond 1 in
     * magnitude and absolute below; both must be finite.
     */
    public static void assertClose(double[][] expected, double[][] actual, double tolerance, String as) {
        assertThat(actual.length).as(as + ": examples").isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual[r].length).as(as + ": outputs of example " + r).isEqualTo(expected[r].length);
            for (int j = 0; j < expected[r].length; j++) {
                double e = expected[r][j];
                double a = actual[r][j];
                assertThat(Double.isFinite(e) && Double.isFinite(a)).as(as + ": example " + r + ", output " + j
                        + ": " + a + " vs " + e).isTrue();
                assertThat(Math.abs(a - e)).as(as + ": example " + r + ", output " + j + ": " + a + " vs " + e)
                        .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(e)));
            }
        }
    }
}
