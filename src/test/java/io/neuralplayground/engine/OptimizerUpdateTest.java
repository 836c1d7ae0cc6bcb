package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link Optimizer#update}: each record's rule on bare arrays, and the memory it keeps. */
class OptimizerUpdateTest {

    @Test
    void slotCountsAreTheMemoryTheFormulasName() {
        // The session file saves this many arrays per parameter array, in this order.
        assertThat(Optimizer.sgd().slotCount()).isZero();
        assertThat(Optimizer.momentum().slotCount()).isEqualTo(1);
        assertThat(Optimizer.nesterov().slotCount()).isEqualTo(1);
        assertThat(Optimizer.rmsprop().slotCount()).isEqualTo(1);
        assertThat(Optimizer.adam().slotCount()).isEqualTo(2);
    }

    @Test
    void descendIsWMinusLearningRateTimesG() {
        double[] w = {1.0, -2.0, 0.25};
        Optimizer.Sgd.descend(w, new double[] {0.5, -1.0, 0.0}, 0.1);
        assertThat(w).containsExactly(0.95, -1.9, 0.25);
    }

    @Test
    void momentumKeepsItsVelocityInSlotZero() {
        double[] w = {1.0};
        double[][] memory = {{0.0}};
        Optimizer.momentum().update(w, new double[] {0.5}, memory, 0.1);
        // v = 0.9·0 − 0.1·0.5 = −0.05, w = 1 − 0.05
        assertThat(memory[0]).containsExactly(-0.05);
        assertThat(w).containsExactly(0.95);
    }

    @Test
    void adamsStepSizeIsTheBiasCorrectedLearningRate() {
        // t = 1: α = lr·√(1 − β₂)/(1 − β₁) = 0.1·√0.001/0.1 = √0.001
        assertThat(Optimizer.adam().stepSize(0.1, 1)).isEqualTo(0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9));
        assertThat(Optimizer.rmsprop().stepSize(0.1, 7)).isEqualTo(0.1);
        assertThat(Optimizer.sgd().stepSize(0.1, 7)).isEqualTo(0.1);
    }

    @Test
    void aStateStepIsTheRuleOnEveryParameterArrayBitForBit() {
        for (Optimizer optimizer : List.of(Optimizer.sgd(), Optimizer.momentum(), Optimizer.nesterov(),
                Optimizer.rmsprop(), Optimizer.adam())) {
            DenseLayer layer = new DenseLayer(new double[][] {{0.3, -0.7}, {1.1, 0.05}}, new double[] {0.2, -0.4},
                    Activation.TANH);
            Network network = new Network(2, List.of(layer));
            OptimizerState state = optimizer.newState(network);
            Backprop pass = new Backprop(network, 1);
            double[] gk = {0.5, -0.25, 0.125, 2.0};
            double[] gb = {-0.3, 0.9};
            System.arraycopy(gk, 0, pass.gradKernel(0), 0, gk.length);
            System.arraycopy(gb, 0, pass.gradBias(0), 0, gb.length);
            double[] kernel = {0.3, -0.7, 1.1, 0.05};
            double[] bias = {0.2, -0.4};
            double[][] kernelMemory = new double[optimizer.slotCount()][4];
            double[][] biasMemory = new double[optimizer.slotCount()][2];
            for (long t = 1; t <= 3; t++) {
                state.step(network, pass, 0.01);
                double size = optimizer.stepSize(0.01, t);
                optimizer.update(kernel, gk, kernelMemory, size);
                optimizer.update(bias, gb, biasMemory, size);
            }
            assertThat(state.steps()).isEqualTo(3);
            assertThat(layer.kernelCopy()[0]).as(optimizer.name()).containsExactly(kernel[0], kernel[1]);
            assertThat(layer.kernelCopy()[1]).as(optimizer.name()).containsExactly(kernel[2], kernel[3]);
            assertThat(layer.biasCopy()).as(optimizer.name()).containsExactly(bias);
            for (int s = 0; s < optimizer.slotCount(); s++) {
                assertThat(state.slot(s, 0)).as("%s slot %d", optimizer.name(), s).containsExactly(kernelMemory[s]);
                assertThat(state.slot(s, 1)).as("%s slot %d", optimizer.name(), s).containsExactly(biasMemory[s]);
            }
        }
    }
}
