package io.neuralplayground.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.neuralplayground.engine.Rng;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
    /** Reference values from Python's {@code 0.5 * math.erfc(z / sqrt(2))}. */
    @Test
    void gaussianMassesMatchTheReferenceFarIntoTheTails() {
        assertThat(Math.exp(GaussianTails.logMass(0, 1))).isCloseTo(0.3413447460685429, offset(1e-14));
        assertThat(Math.exp(GaussianTails.logUpperTail(2.5))).isCloseTo(0.006209665325776139, offset(1e-15));
        assertThat(Math.exp(GaussianTails.logUpperTail(5)) / 2.866515718791946e-07).isCloseTo(1, offset(1e-10));
        assertThat(GaussianTails.logUpperTail(10)).isCloseTo(-53.23128515051246, offset(1e-9));
        assertThat(GaussianTails.logMass(10, 10.5)).isCloseTo(-53.236969371752494, offset(1e-9));
        assertThat(GaussianTails.logMass(-10.5, -10)).isCloseTo(-53.236969371752494, offset(1e-9));
        assertThat(GaussianTails.logMass(-40, 40)).isCloseTo(0, offset(1e-15));
    }

    @Test
    void aDiscreteEstimatorIsADistributionOverTheGridAndItsDrawsStayOnIt() {
        IntRange units = Hyperparameter.intRange("units", 2, 9).withStep(2); // 2, 4, 6, 8
        double[] observed = {4, 4, 8};
        ParzenEstimator e = ParzenEstimator.of(units, observed, TpeOracle.weights(3), 1.0);
        double total = 0;
        for (int v = 2; v <= 8; v += 2) {
            total += Math.exp(e.logPdf(v));
        }
        assertThat(total).isCloseTo(1, offset(1e-12));
        assertThat(e.logPdf(4)).isGreaterThan(e.logPdf(2));
        Rng rng = new Rng(1);
        for (int i = 0; i < 1000; i++) {
            double x = e.sample(rng);
            assertThat(x).isIn(2.0, 4.0, 6.0, 8.0);
        }
    }

    @Test
    void aLogScaledEstimatorIsADensityInLogSpace() {
        FloatRange lr = Hyperparameter.floatRange("lr", 1e-4, 1).withLog();
        ParzenEstimator e = ParzenEstimator.of(lr, new double[] {1e-3, 2e-3}, TpeOracle.weights(2), 1.0);
        // ∫ p(log x) d(log x) over the range, by the midpoint rule.
        double lo = Math.log(1e-4);
        double hi = 0;
        int n = 20000;
        double h = (hi - lo) / n;
        double integral = 0;
        for (int i = 0; i < n; i++) {
            integral += Math.exp(e.logPdf(Math.exp(lo + (i + 0.5) * h))) * h;
        }
        assertThat(integral).isCloseTo(1, offset(1e-6));
        Rng rng = new Rng(2);
        for (int i = 0; i < 1000; i++) {
            assertThat(e.sample(rng)).isBetween(1e-4, 1.0);
        }
    }

    @Test
    void categoricalKernelsFavourTheObservedChoice() {
        Choice c = Hyperparameter.choice("act", "relu", "tanh", "sigmoid");
        ParzenEstimator e = ParzenEstimator.of(c, new double[] {1, 1}, TpeOracle.weights(2), 1.0);
        double total = 0;
        for (int i = 0; i < 3; i++) {
            total += Math.exp(e.logPdf(i));
        }
        assertThat(total).isCloseTo(1, offset(1e-12));
        // Kernels (1/3, 1 + 1/3, 1/3)/2 each, the prior uniform, mixed 1:1:1: tanh gets (2/3 + 2/3 + 1/3)/3.
        assertThat(Math.exp(e.logPdf(1))).isCloseTo(5.0 / 9, offset(1e-12));
    }
}
