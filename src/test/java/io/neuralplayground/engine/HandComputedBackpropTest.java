package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 2-2-2 sigmoid network of Matt Mazur's "A Step by Step Backpropagation Example" (2015), whose every
 * intermediate value is worked out by hand there and repeated here: inputs (0.05, 0.10), targets (0.01, 0.99),
 * weights w1…w8 = 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55, biases 0.35 and 0.60, loss ½Σ(t − o)².
 */
class HandComputedBackpropTest {

    private static Network mazurNetwork() {
        // Keras layout: kernel[i][j] is the weight from input i to unit j; h1 = σ(w1·i1 + w2·i2 + b1) etc.
        DenseLayer hidden = new DenseLayer(new double[][] {{0.15, 0.25}, {0.20, 0.30}}, new double[] {0.35, 0.35},
                Activation.SIGMOID);
        DenseLayer output = new DenseLayer(new double[][] {{0.40, 0.50}, {0.45, 0.55}}, new double[] {0.60, 0.60},
                Activation.SIGMOID);
        return new Network(2, List.of(hidden, output));
    }

    @Test
    void forwardPassMatchesTheHandComputation() {
        BackpropTrace trace = BackpropTrace.of(mazurNetwork(), Loss.HALF_SQUARED_ERROR, new double[] {0.05, 0.10},
                new double[] {0.01, 0.99});
        // net_h1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775, out_h1 = σ(0.3775) = 0.593269992
        assertThat(trace.forward().get(0).a().get(0, 0)).isCloseTo(0.3775, within(1e-15));
        assertThat(trace.forward().get(0).h().get(0, 0)).isCloseTo(0.593269992, within(1e-9));
        assertThat(trace.forward().get(0).h().get(0, 1)).isCloseTo(0.596884378, within(1e-9));
        // net_o1 = 0.4·0.593269992 + 0.45·0.596884378 + 0.6 = 1.105905967, out_o1 = 0.75136507
        assertThat(trace.forward().get(1).a().get(0, 0)).isCloseTo(1.105905967, within(1e-9));
        assertThat(trace.output().get(0, 0)).isCloseTo(0.75136507, within(1e-8));
        assertThat(trace.output().get(0, 1)).isCloseTo(0.772928465, within(1e-9));
        // E = ½(0.01 − 0.75136507)² + ½(0.99 − 0.772928465)² = 0.274811083 + 0.023560026
        assertThat(trace.meanLoss()).isCloseTo(0.298371109, within(1e-9));
    }

    @Test
    void backwardPassMatchesTheHandComputation() {
        BackpropTrace trace = BackpropTrace.of(mazurNetwork(), Loss.HALF_SQUARED_ERROR, new double[] {0.05, 0.10},
                new double[] {0.01, 0.99});
        BackpropTrace.LayerBackward out = trace.backward().get(0);
        // ∂E/∂out_o1 = out_o1 − t1 = 0.74136507; ∂out_o1/∂net_o1 = 0.75136507·(1 − 0.75136507) = 0.186815602
        assertThat(out.gIn().get(0, 0)).isCloseTo(0.74136507, within(1e-8));
        assertThat(out.gA().get(0, 0)).isCloseTo(0.74136507 * 0.186815602, within(1e-9));
        // ∂E/∂w5 = 0.74136507 · 0.186815602 · 0.593269992 = 0.082167041
        assertThat(out.gradKernel().get(0, 0)).isCloseTo(0.082167041, within(1e-9));
        BackpropTrace.LayerBackward hidden = trace.backward().get(1);
        // ∂E/∂out_h1 = 0.055399425 + (−0.019049119) = 0.036350306; ∂E/∂w1 = 0.036350306 · 0.241300709 · 0.05
        assertThat(hidden.gIn().get(0, 0)).isCloseTo(0.036350306, within(1e-9));
        assertThat(hidden.gradKernel().get(0, 0)).isCloseTo(0.000438568, within(1e-9));
    }

    @Test
    void oneUpdateWithLearningRateHalfGivesTheHandComputedWeights() {
        Network network = mazurNetwork();
        Samples one = Samples.ofRows(new double[][] {{0.05, 0.10}}, new double[][] {{0.01, 0.99}});
        TrainingConfig config = new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.sgd(), 0.5, 1,
                Regularization.NONE, false, TargetEncoding.VALUE);
        new Trainer(network, one, Samples.empty(2, 2), config, new Rng(1)).runEpoch();
        DenseLayer output = network.layer(1);
        assertThat(output.weight(0, 0)).isCloseTo(0.35891648, within(1e-8)); // w5
        assertThat(output.weight(1, 0)).isCloseTo(0.408666186, within(1e-9)); // w6
        assertThat(output.weight(0, 1)).isCloseTo(0.511301270, within(1e-9)); // w7
        assertThat(output.weight(1, 1)).isCloseTo(0.561370121, within(1e-9)); // w8
        DenseLayer hidden = network.layer(0);
        assertThat(hidden.weight(0, 0)).isCloseTo(0.149780716, within(1e-9)); // w1
        assertThat(hidden.weight(1, 0)).isCloseTo(0.19956143, within(1e-8)); // w2
        assertThat(hidden.weight(0, 1)).isCloseTo(0.24975114, within(1e-8)); // w3
        assertThat(hidden.weight(1, 1)).isCloseTo(0.29950229, within(1e-8)); // w4
    }
}
