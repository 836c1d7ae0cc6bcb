package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each optimizer on one parameter w = 1 with gradient 0.5 at every step and learning rate 0.1, by hand. */
class OptimizerTest {

    private static double[] run(Optimizer optimizer, int steps) {
        Network network = new Network(1, List.of(new DenseLayer(new double[][] {{1.0}}, new double[] {0.0},
                Activation.LINEAR)));
        OptimizerState state = optimizer.newState(network);
        Backprop gradients = new Backprop(network, 1);
        gradients.gradKernel(0)[0] = 0.5;
        double[] trajectory = new double[steps];
        for (int s = 0; s < steps; s++) {
            state.step(network, gradients, 0.1);
            trajectory[s] = network.layer(0).weight(0, 0);
        }
        return trajectory;
    }

    @Test
    void sgdSubtractsLearningRateTimesGradient() {
        // w ← 1 − 0.1·0.5 = 0.95, then 0.90
        double[] w = run(Optimizer.sgd(), 2);
        assertThat(w[0]).isEqualTo(0.95);
        assertThat(w[1]).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void momentumAccumulatesAVelocity() {
        // v = −0.05, w = 0.95; v = 0.9·(−0.05) − 0.05 = −0.095, w = 0.855
        double[] w = run(Optimizer.momentum(), 2);
        assertThat(w[0]).isCloseTo(0.95, within(1e-15));
        assertThat(w[1]).isCloseTo(0.855, within(1e-15));
    }

    @Test
    void nesterovLooksAhead() {
        // v = −0.05, w = 1 + 0.9·(−0.05) − 0.05 = 0.905; v = −0.095, w = 0.905 − 0.0855 − 0.05 = 0.7695
        double[] w = run(Optimizer.nesterov(), 2);
        assertThat(w[0]).isCloseTo(0.905, within(1e-15));
        assertThat(w[1]).isCloseTo(0.7695, within(1e-15));
    }

    @Test
    void rmspropDividesByTheRootMeanSquare() {
        // v = 0.1·0.25 = 0.025, w = 1 − 0.1·0.5/√(0.025 + 1e-7)
        // v = 0.9·0.025 + 0.025 = 0.0475, w −= 0.05/√(0.0475 + 1e-7)
        double[] w = run(Optimizer.rmsprop(), 2);
        double first = 1 - 0.05 / Math.sqrt(0.025 + 1e-7);
        assertThat(w[0]).isCloseTo(first, within(1e-15));
        assertThat(w[0]).isCloseTo(0.68377, within(1e-5));
        assertThat(w[1]).isCloseTo(first - 0.05 / Math.sqrt(0.0475 + 1e-7), within(1e-15));
    }

    @Test
    void adamCorrectsBiasSoTheFirstStepIsAboutTheLearningRate() {
        // t = 1: α = 0.1·√(1 − 0.999)/(1 − 0.9); m = 0.05; v = 0.00025; w = 1 − α·0.05/(√0.00025 + 1e-7)
        double alpha1 = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double first = 1 - alpha1 * 0.05 / (Math.sqrt(0.00025) + 1e-7);
        // t = 2: m = 0.05 + (0.5 − 0.05)·0.1 = 0.095; v = 0.00025 + (0.25 − 0.00025)·0.001 = 0.00049975
        double alpha2 = 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
        double second = first - alpha2 * 0.095 / (Math.sqrt(0.00049975) + 1e-7);
        double[] w = run(Optimizer.adam(), 2);
        assertThat(w[0]).isCloseTo(first, within(1e-15));
        assertThat(w[0]).isCloseTo(0.9000006, within(1e-7));
        assertThat(w[1]).isCloseTo(second, within(1e-14));
    }

    @Test
    void namesRoundTrip() {
        for (String name : new String[] {"sgd", "momentum", "nesterov", "rmsprop", "adam"}) {
            assertThat(Optimizer.byName(name).name()).isEqualTo(name);
        }
    }
}
