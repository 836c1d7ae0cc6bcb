package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LossTest {

    private static double single(Loss loss, Activation output, double[] a, double[] y, double[] t) {
        return loss.sum(output, col(a), col(y), col(t), y.length, 1);
    }

    private static double[][] col(double[] v) {
        double[][] c = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0] = v[i];
        }
        return c;
    }

    @Test
    void squaredErrorsAsDefined() {
        double[] y = {0.5, -1};
        double[] t = {1, 1};
        // ½((−0.5)² + (−2)²) = 2.125; mean of squares = 2.125; mean absolute = 1.25
        assertThat(single(Loss.HALF_SQUARED_ERROR, Activation.LINEAR, y, y, t)).isEqualTo(2.125);
        assertThat(single(Loss.MEAN_SQUARED_ERROR, Activation.LINEAR, y, y, t)).isEqualTo(2.125);
        assertThat(single(Loss.MEAN_ABSOLUTE_ERROR, Activation.LINEAR, y, y, t)).isEqualTo(1.25);
    }

    @Test
    void crossEntropyClipsProbabilitiesLikeKeras() {
        // y = 0 for the true class: −log(1e-7), never −log(0)
        double loss = single(Loss.CATEGORICAL_CROSSENTROPY, Activation.SIGMOID, new double[] {0, 0},
                new double[] {0, 1}, new double[] {1, 0});
        assertThat(loss).isCloseTo(-Math.log(1e-7), within(1e-12));
        double bce = single(Loss.BINARY_CROSSENTROPY, Activation.LINEAR, new double[] {1}, new double[] {1},
                new double[] {0});
        assertThat(bce).isCloseTo(-Math.log(1e-7), within(1e-9));
    }

    @Test
    void fusedCrossEntropyIsFiniteForSaturatedLogits() {
        // softmax of (1000, 0): y = (1, 0) exactly in double; the loss of class 1 is 1000, computed from logits.
        double[] a = {1000, 0};
        double[] y = {1, 0};
        assertThat(single(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX, a, y, new double[] {1}))
                .isCloseTo(1000, within(1e-9));
        assertThat(single(Loss.CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX, a, y, new double[] {0, 1}))
                .isCloseTo(1000, within(1e-9));
        // sigmoid(−800) = 0 in double; binary cross-entropy with target 1 is 800 from the logit.
        assertThat(single(Loss.BINARY_CROSSENTROPY, Activation.SIGMOID, new double[] {-800}, new double[] {0},
                new double[] {1})).isCloseTo(800, within(1e-9));
    }

    @Test
    void fusedGradientIsOutputMinusTarget() {
        double[][] a = col(new double[] {1000, 0});
        double[][] y = col(new double[] {1, 0});
        double[][] t = col(new double[] {0, 1});
        double[][] gY = new double[2][1];
        double[][] gA = new double[2][1];
        Loss.CATEGORICAL_CROSSENTROPY.outputGradient(Activation.SOFTMAX, a, y, t, gY, gA, 2, 1);
        assertThat(gA[0][0]).isEqualTo(1);
        assertThat(gA[1][0]).isEqualTo(-1);
    }

    @Test
    void aLossWritesNExactlyWhenItsFormulasDivideByTheOutputs() {
        for (Loss loss : Loss.values()) {
            assertThat(loss.writesOutputCount()).as(loss.kerasName())
                    .isEqualTo(loss.formula().contains("/n") && loss.gradientFormula().contains("/n"));
        }
    }

    @Test
    void aFusedGradientIsWrittenForTheLossesThatFuse() {
        for (Loss loss : Loss.values()) {
            boolean fuses = Arrays.stream(Activation.values()).anyMatch(loss::fusesWith);
            if (fuses) {
                assertThat(loss.fusedGradientFormula()).as(loss.kerasName()).contains("y − ");
            } else {
                assertThatThrownBy(loss::fusedGradientFormula).as(loss.kerasName())
                        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(loss.kerasName());
                assertThat(loss.fusedGradientSymbols() + loss.fusedGradientInGeneral()).as(loss.kerasName()).isEmpty();
            }
        }
        assertThat(Loss.BINARY_CROSSENTROPY.fusedGradientFormula()).isEqualTo("(y − t)/n");
        assertThat(Loss.SPARSE_CATEGORICAL_CROSSENTROPY.fusedGradientFormula()).isEqualTo("y − e_c");
        assertThat(Loss.SPARSE_CATEGORICAL_CROSSENTROPY.fusedGradientSymbols()).startsWith("e_c: ");
    }
}
