package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    private static final double[] POINTS = {-3.1, -1.2, -0.4, -0.05, 0.07, 0.3, 0.9, 2.5, 4.2};

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE)
    void derivativeMatchesCentralDifference(Activation activation) {
        for (double x : POINTS) {
            double h = 1e-6;
            double numeric = (activation.value(x + h) - activation.value(x - h)) / (2 * h);
            double[][] a = {{x}};
            double[][] hv = {{activation.value(x)}};
            double[][] g = {{1.0}};
            double[][] out = {{0}};
            activation.backward(a, hv, g, out, 1, 1);
            assertThat(out[0][0]).as("%s'(%s)", activation, x).isCloseTo(numeric, within(1e-8));
        }
    }

    @Test
    void valuesMatchTheirFormulas() {
        assertThat(Activation.RELU.value(-2)).isZero();
        assertThat(Activation.RELU.value(3)).isEqualTo(3);
        assertThat(Activation.LEAKY_RELU.value(-2)).isEqualTo(-0.4);
        assertThat(Activation.ELU.value(-1)).isCloseTo(Math.exp(-1) - 1, within(1e-15));
        assertThat(Activation.SIGMOID.value(0)).isEqualTo(0.5);
        assertThat(Activation.SIGMOID.value(-800)).isZero();
        assertThat(Activation.SIGMOID.value(800)).isEqualTo(1);
        assertThat(Activation.SIGMOID.value(-40)).isCloseTo(Math.exp(-40), within(1e-30));
        assertThat(Activation.TANH.value(0.5)).isCloseTo(Math.tanh(0.5), within(1e-15));
        assertThat(Activation.LINEAR.value(-7.25)).isEqualTo(-7.25);
    }

    @Test
    void softmaxRowsSumToOneAndSurviveLargeLogits() {
        double[][] a = {{1000, -3}, {1001, 0}, {999, 3}};
        double[][] h = new double[3][2];
        Activation.SOFTMAX.forward(a, h, 3, 2);
        for (int r = 0; r < 2; r++) {
            double sum = h[0][r] + h[1][r] + h[2][r];
            assertThat(sum).isCloseTo(1, within(1e-15));
        }
        assertThat(h[1][0]).isCloseTo(Math.exp(1) / (1 + Math.exp(1) + Math.exp(-1)), within(1e-15));
    }

    @Test
    void softmaxBackwardIsTheJacobianTransposeTimesG() {
        double[] logits = {0.3, -1.2, 2.0, 0.5};
        int n = logits.length;
        double[][] a = new double[n][1];
        for (int j = 0; j < n; j++) {
            a[j][0] = logits[j];
        }
        double[][] h = new double[n][1];
        Activation.SOFTMAX.forward(a, h, n, 1);
        // The explicit Jacobian J[i][j] = ∂h_i/∂a_j = h_i (δ_ij − h_j).
        double[][] jacobian = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                jacobian[i][j] = h[i][0] * ((i == j ? 1 : 0) - h[j][0]);
            }
        }
        double[] g = {0.7, -0.1, 0.25, 1.5};
        double[][] gBlock = new double[n][1];
        for (int i = 0; i < n; i++) {
            gBlock[i][0] = g[i];
        }
        double[][] out = new double[n][1];
        Activation.SOFTMAX.backward(a, h, gBlock, out, n, 1);
        for (int j = 0; j < n; j++) {
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += jacobian[i][j] * g[i];
            }
            assertThat(out[j][0]).isCloseTo(expected, within(1e-15));
        }
    }

    @Test
    void tanhOnShortAndLongRowsAgree() {
        int units = 3;
        for (int m : new int[] {1, 7, 10, 63, 64, 300}) {
            double[][] a = new double[units][m];
            for (int j = 0; j < units; j++) {
                for (int r = 0; r < m; r++) {
                    a[j][r] = Math.sin(7 * j + r) * 3;
                }
            }
            double[][] h = new double[units][m];
            Activation.TANH.forward(a, h, units, m);
            for (int j = 0; j < units; j++) {
                for (int r = 0; r < m; r++) {
                    assertThat(h[j][r]).isEqualTo(Tanh.value(a[j][r]));
                }
            }
        }
    }

    @Test
    void namesAreKerasNames() {
        assertThat(Activation.byName("leaky_relu")).isEqualTo(Activation.LEAKY_RELU);
        assertThat(Activation.byName(" TANH ")).isEqualTo(Activation.TANH);
        assertThatThrownBy(() -> Activation.byName("swish"))
                .hasMessageContaining("unknown activation 'swish'")
                .hasMessageContaining("relu");
    }
}
