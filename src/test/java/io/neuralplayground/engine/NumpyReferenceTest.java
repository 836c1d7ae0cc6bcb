package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.testing.Python;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Forward, backward and one SGD step against an independent NumPy implementation (src/test/resources/python). */
class NumpyReferenceTest {
    private static final double TOLERANCE = 1e-12;

    @BeforeAll
    static void needsNumpy() {
        Python.require("numpy");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("tanh", "tanh", Loss.HALF_SQUARED_ERROR, new int[] {4, 2}, 1),
                Arguments.of("relu", "linear", Loss.MEAN_SQUARED_ERROR, new int[] {5, 3}, 2),
                Arguments.of("elu", "sigmoid", Loss.BINARY_CROSSENTROPY, new int[] {3}, 1),
                Arguments.of("leaky_relu", "softmax", Loss.CATEGORICAL_CROSSENTROPY, new int[] {6, 6}, 3),
                Arguments.of("sigmoid", "softmax", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, new int[] {4}, 4),
                Arguments.of("tanh", "sigmoid", Loss.CATEGORICAL_CROSSENTROPY, new int[] {3, 3}, 3),
                Arguments.of("linear", "tanh", Loss.MEAN_ABSOLUTE_ERROR, new int[0], 2),
                Arguments.of("tanh", "tanh", Loss.HALF_SQUARED_ERROR, new int[] {8, 8, 8, 8, 8, 8}, 1));
    }

    @ParameterizedTest(name = "{0} hidden {3}, {1} output, {2}")
    @MethodSource("cases")
    void matchesNumpy(String hidden, String output, Loss loss, int[] widths, int outputs) {
        int inputs = 3;
        Network network = Network.of(inputs, widths, Activation.byName(hidden), outputs, Activation.byName(output));
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(widths.length * 31L + outputs));
        Rng rng = new Rng(99);
        int m = 7;
        double[][] x = new double[m][inputs];
        double[][] t = new double[m][];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < inputs; i++) {
                x[r][i] = rng.uniform(-3, 3);
            }
            int cls = rng.nextInt(outputs);
            t[r] = switch (loss) {
                case SPARSE_CATEGORICAL_CROSSENTROPY -> new double[] {cls};
                case CATEGORICAL_CROSSENTROPY -> TargetEncoding.ONE_HOT.encode(cls, outputs);
                case BINARY_CROSSENTROPY -> new double[] {rng.nextInt(2)};
                default -> {
                    double[] v = new double[outputs];
                    for (int j = 0; j < outputs; j++) {
                        v[j] = rng.uniform(-1, 1);
                    }
                    yield v;
                }
            };
        }
        double lr = 0.1;
        Map<String, Object> input = new LinkedHashMap<>();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            layers.add(Map.of("kernel", layer.kernelCopy(), "bias", layer.biasCopy(),
                    "activation", layer.activation().kerasName()));
        }
        input.put("layers", layers);
        input.put("loss", loss.kerasName());
        input.put("inputs", x);
        input.put("targets", t);
        input.put("learning_rate", lr);
        JsonNode reference = Python.runScript("reference_backprop.py", input);

        BackpropTrace trace = BackpropTrace.of(network, loss, x, t);
        assertClose(trace.meanLoss(), reference.get("loss").asDouble(), "loss");
        for (int l = 0; l < network.depth(); l++) {
            BackpropTrace.LayerForward forward = trace.forward().get(l);
            BackpropTrace.LayerBackward backward = trace.backward().get(network.depth() - 1 - l);
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < network.layer(l).units(); j++) {
                    assertClose(forward.a().get(r, j), reference.at("/a/" + l + "/" + r + "/" + j).asDouble(), "a");
                    assertClose(forward.h().get(r, j), reference.at("/h/" + l + "/" + r + "/" + j).asDouble(), "h");
                }
            }
            for (int j = 0; j < network.layer(l).units(); j++) {
                assertClose(backward.gradBias().get(0, j), reference.at("/grad_bias/" + l + "/" + j).asDouble(),
                        "grad bias of layer " + l);
                for (int i = 0; i < network.layer(l).inputs(); i++) {
                    assertClose(backward.gradKernel().get(i, j),
                            reference.at("/grad_kernel/" + l + "/" + i + "/" + j).asDouble(),
                            "grad kernel of layer " + l);
                }
            }
        }
        // One plain SGD step on the whole minibatch through the trainer gives NumPy's updated kernels.
        Samples samples = Samples.ofRows(x, t);
        TrainingConfig config = new TrainingConfig(loss, Optimizer.sgd(), lr, m, Regularization.NONE, false,
                TargetEncoding.VALUE);
        new Trainer(network, samples, Samples.empty(inputs, t[0].length), config, new Rng(1)).runEpoch();
        for (int l = 0; l < network.depth(); l++) {
            for (int i = 0; i < network.layer(l).inputs(); i++) {
                for (int j = 0; j < network.layer(l).units(); j++) {
                    assertClose(network.layer(l).weight(i, j),
                            reference.at("/kernel_after_step/" + l + "/" + i + "/" + j).asDouble(), "kernel after step");
                }
            }
        }
    }

    private static void assertClose(double actual, double expected, String what) {
        double scale = Math.max(1, Math.abs(expected));
        assertThat(Math.abs(actual - expected)).as("%s: java %s, numpy %s", what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * scale);
    }
}
