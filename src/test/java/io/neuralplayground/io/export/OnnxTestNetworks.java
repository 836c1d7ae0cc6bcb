package io.neuralplayground.io.export;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NamedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random networks and inputs for the ONNX tests: every activation, several depths, widths and output sizes. */
public final class OnnxTestNetworks {
    private OnnxTestNetworks() {
    }

    /** Every activation in every position, plus mixed networks, deep and wide ones. */
    public static List<NamedModel> cases() {
        Random random = new Random(20_240_613);
        List<NamedModel> cases = new ArrayList<>();
        for (Activation a : Activation.values()) {
            // No hidden layer: the output layer alone.
            cases.add(make(a + " output only 2-1", random, 2, new int[0], new Activation[] {a}));
            cases.add(make(a + " output only 3-4", random, 3, new int[0], new Activation[] {a}));
            // One hidden layer of this activation, a softmax (several classes) or linear output.
            cases.add(make(a + " hidden 2-4-3 softmax", random, 2, new int[] {4}, new Activation[] {a,
                Activation.SOFTMAX}));
            cases.add(make(a + " hidden 1-1-1 linear", random, 1, new int[] {1}, new Activation[] {a,
                Activation.LINEAR}));
            // Three hidden layers, all of this activation, output too.
            cases.add(make(a + " deep 5-8-6-3-2", random, 5, new int[] {8, 6, 3}, new Activation[] {a, a, a, a}));
        }
        Activation[] all = Activation.values();
        for (int n = 0; n < 6; n++) {
            int depth = 1 + random.nextInt(5);
            int[] hidden = new int[depth - 1];
            Activation[] activations = new Activation[depth];
            for (int l = 0; l < depth; l++) {
                if (l < depth - 1) {
                    hidden[l] = 1 + random.nextInt(12);
                }
                activations[l] = all[random.nextInt(all.length)];
            }
            cases.add(make("mixed #" + n, random, 1 + random.nextInt(7), hidden, activations));
        }
        cases.add(make("wide 7-64-32-10 relu softmax", random, 7, new int[] {64, 32},
                new Activation[] {Activation.RELU, Activation.TANH, Activation.SOFTMAX}));
        cases.add(make("softmax of one output", random, 3, new int[] {2},
                new Activation[] {Activation.ELU, Activation.SOFTMAX}));
        return cases;
    }

    /**
     * A network with weights drawn as Glorot's uniform initializer does (and biases of the same size), so that
     * pre-activations stay of order one and every activation works on both sides of its kink.
     */
    static NamedModel make(String name, Random random, int inputs, int[] hidden, Activation[] activations) {
        List<DenseLayer> layers = new ArrayList<>();
        int in = inputs;
        for (int l = 0; l <= hidden.length; l++) {
            int units = l < hidden.length ? hidden[l] : 1 + random.nextInt(4);
            double limit = Math.sqrt(6.0 / (in + units));
            double[][] kernel = new double[in][units];
            double[] bias = new double[units];
            for (int j = 0; j < units; j++) {
                for (int i = 0; i < in; i++) {
                    kernel[i][j] = (2 * random.nextDouble() - 1) * limit;
                }
                bias[j] = (2 * random.nextDouble() - 1) * limit;
            }
            layers.add(new DenseLayer(kernel, bias, activations[l]));
            in = units;
        }
        return new NamedModel(name, new Model(NamedModel.inputNames(inputs), new Network(inputs, layers)));
    }

    /** A batch of random inputs in [−3, 3], float32 as the model takes them. */
    public static float[][] inputs(Random random, int rows, int columns) {
        float[][] x = new float[rows][columns];
        for (float[] row : x) {
            for (int i = 0; i < columns; i++) {
                row[i] = (float) (6 * random.nextDouble() - 3);
            }
        }
        return x;
    }

    /** Network.predict of each row, the inputs widened from float32 exactly. */
    public static double[][] predict(Network network, float[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double[] row = new double[x[r].length];
            for (int i = 0; i < row.length; i++) {
                row[i] = x[r][i];
            }
            y[r] = network.predict(row);
        }
        return y;
    }
}
