package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TanhTest {

    @Test
    void staysWithinTenUlpOfStrictMathOverManyArguments() {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[4096];
        double[] out = new double[x.length];
        double worst = 0;
        for (int round = 0; round < 300; round++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = switch (i % 4) {
                    case 0 -> random.nextGaussian() * 3;
                    case 1 -> (random.nextDouble() - 0.5) * 50;
                    case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, -random.nextInt(300));
                    default -> (random.nextDouble() - 0.5) * 2;
                };
            }
            Tanh.apply(x, out, x.length);
            for (int i = 0; i < x.length; i++) {
                double expected = StrictMath.tanh(x[i]);
                worst = Math.max(worst, Math.abs(out[i] - expected) / Math.ulp(expected));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(10);
    }

    @Test
    void handlesZeroSignsSaturationAndNonFiniteArguments() {
        double[] x = {0.0, -0.0, 20, -20, 700, -700, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN};
        double[] out = new double[x.length];
        Tanh.apply(x, out, x.length);
        assertThat(Double.doubleToRawLongBits(out[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(out[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(out[2]).isEqualTo(1.0);
        assertThat(out[3]).isEqualTo(-1.0);
        assertThat(out[4]).isEqualTo(1.0);
        assertThat(out[5]).isEqualTo(-1.0);
        assertThat(out[6]).isEqualTo(1.0);
        assertThat(out[7]).isEqualTo(1.0);
        assertThat(out[8]).isEqualTo(-1.0);
        assertThat(out[9]).isNaN();
    }

    @Test
    void arrayAndSingleValueAgreeBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[1001];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * 4;
        }
        double[] out = new double[x.length];
        // Long enough for the vectorised loop; value() goes through the scalar path.
        for (int warm = 0; warm < 20_000; warm++) {
            Tanh.apply(x, out, x.length);
        }
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(Tanh.value(x[i])))
                    .as("tanh(%s)", x[i])
                    .isEqualTo(Double.doubleToRawLongBits(out[i]));
        }
    }
}
