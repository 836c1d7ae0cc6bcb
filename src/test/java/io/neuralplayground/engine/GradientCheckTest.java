package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation against finite differences for every activation × loss pair that makes sense. */
class GradientCheckTest {

    /** Output activation and loss pairs a network is trained with; fused and unfused cross-entropies both. */
    private static final Object[][] HEADS = {
        {Activation.LINEAR, Loss.HALF_SQUARED_ERROR},
        {Activation.TANH, Loss.HALF_SQUARED_ERROR},
        {Activation.SIGMOID, Loss.HALF_SQUARED_ERROR},
        {Activation.LINEAR, Loss.MEAN_SQUARED_ERROR},
        {Activation.ELU, Loss.MEAN_SQUARED_ERROR},
        {Activation.LEAKY_RELU, Loss.MEAN_SQUARED_ERROR},
        {Activation.LINEAR, Loss.MEAN_ABSOLUTE_ERROR},
        {Activation.TANH, Loss.MEAN_ABSOLUTE_ERROR},
        {Activation.SIGMOID, Loss.BINARY_CROSSENTROPY},
        {Activation.SOFTMAX, Loss.BINARY_CROSSENTROPY},
        {Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY},
        {Activation.SIGMOID, Loss.CATEGORICAL_CROSSENTROPY},
        {Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY},
        {Activation.SIGMOID, Loss.SPARSE_CATEGORICAL_CROSSENTROPY},
        {Activation.SOFTMAX, Loss.HALF_SQUARED_ERROR},
    };

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Activation hidden : Activation.values()) {
            if (hidden == Activation.SOFTMAX) {
                continue;
            }
            for (Object[] head : HEADS) {
                pairs.add(Arguments.of(hidden, head[0], head[1]));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "hidden {0}, output {1}, {2}")
    @MethodSource("pairs")
    void backpropAgreesWithFiniteDifferences(Activation hidden, Activation output, Loss loss) {
        int outputs = 3;
        Network network = Network.of(3, new int[] {4, 3}, hidden, outputs, output);
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(11));
        // Non-zero biases so that no unit sits exactly on a kink.
        for (DenseLayer layer : network.layers()) {
            for (int j = 0; j < layer.units(); j++) {
                layer.setBias(j, 0.05 * (j + 1));
            }
        }
        Rng rng = new Rng(5);
        int m = 6;
        double[][] inputs = new double[m][3];
        double[][] targets = new double[m][];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < 3; i++) {
                inputs[r][i] = rng.uniform(-2, 2);
            }
            targets[r] = target(loss, output, outputs, rng);
        }
        GradientCheck.Result result = GradientCheck.run(network, loss, inputs, targets);
        assertThat(result.entries()).hasSize(network.parameterCount());
        assertThat(result.maxRelativeError()).as("worst: %s", result.worst()).isLessThan(1e-6);
    }

    private static double[] target(Loss loss, Activation output, int outputs, Rng rng) {
        int cls = rng.nextInt(outputs);
        return switch (loss) {
            case SPARSE_CATEGORICAL_CROSSENTROPY -> new double[] {cls};
            case CATEGORICAL_CROSSENTROPY -> TargetEncoding.ONE_HOT.encode(cls, outputs);
            case BINARY_CROSSENTROPY -> new double[] {rng.nextInt(2), rng.nextInt(2), rng.nextDouble()};
            default -> {
                double lo = output == Activation.SIGMOID || output == Activation.SOFTMAX ? 0 : -1;
                yield new double[] {rng.uniform(lo, 1), rng.uniform(lo, 1), rng.uniform(lo, 1)};
            }
        };
    }

    @Test
    void findsAWrongGradient() {
        // A check that cannot fail proves nothing: corrupt backprop's answer and the error must be large.
        assertThat(GradientCheck.relativeError(0.5, 0.5)).isZero();
        assertThat(GradientCheck.relativeError(0.5, 0.25)).isEqualTo(0.5);
        assertThat(GradientCheck.relativeError(0, 1e-12)).isLessThan(1e-6);
    }

    @Test
    void zeroHiddenLayersIsANetworkToo() {
        Network network = Network.of(2, new int[0], Activation.TANH, 1, Activation.SIGMOID);
        Initializer.PLAYGROUND.initialize(network, new Rng(3));
        GradientCheck.Result result = GradientCheck.run(network, Loss.BINARY_CROSSENTROPY,
                new double[][] {{0.5, -1}, {2, 0.25}}, new double[][] {{1}, {0}});
        assertThat(result.entries()).hasSize(3);
        assertThat(result.maxRelativeError()).isLessThan(1e-6);
    }
}
