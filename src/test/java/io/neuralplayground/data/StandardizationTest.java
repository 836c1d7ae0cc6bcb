package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.PlaygroundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizationTest {
    private static final double EXACT = 1e-15;

    /** Column a: 1, 2, 3, 6 (μ 3, σ √(14/4)); column b constant 0.1; column c: 10, 10, 10, 30 (μ 15, σ √75). */
    private static Dataset train() {
        double[][] rows = {{1, 0.1, 10}, {2, 0.1, 10}, {3, 0.1, 10}, {6, 0.1, 30}};
        return Dataset.classification("train", List.of("a", "b", "c"), rows, new int[] {0, 1, 1, 0},
                List.of("no", "yes"));
    }

    @Test
    void fitsMeanAndPopulationStandardDeviationByHand() {
        Standardization s = Standardization.fit(train());
        assertThat(s.columnNames()).containsExactly("a", "b", "c");
        assertThat(s.means()).containsExactly(3, 0.1, 15);
        assertThat(s.standardDeviation(0)).isCloseTo(Math.sqrt(14.0 / 4), within(EXACT));
        assertThat(s.standardDeviation(2)).isCloseTo(Math.sqrt(75), within(EXACT));
    }

    @Test
    void aConstantColumnGetsStandardDeviationOneAndBecomesZero() {
        Standardization s = Standardization.fit(train());
        assertThat(s.mean(1)).isEqualTo(0.1);
        assertThat(s.standardDeviation(1)).isEqualTo(1);
        Dataset z = s.apply(train());
        for (int r = 0; r < z.size(); r++) {
            assertThat(z.value(r, 1)).isZero();
        }
        // A test value off the constant keeps its distance, unscaled.
        assertThat(s.standardize(new double[] {3, 0.6, 15})[1]).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void theTrainingPartGetsMeanZeroAndStandardDeviationOne() {
        Dataset z = Standardization.fit(train()).apply(train());
        for (int c : new int[] {0, 2}) {
            double sum = 0;
            double squares = 0;
            for (int r = 0; r < z.size(); r++) {
                sum += z.value(r, c);
                squares += z.value(r, c) * z.value(r, c);
            }
            assertThat(sum / z.size()).isCloseTo(0, within(1e-15));
            assertThat(squares / z.size()).isCloseTo(1, within(1e-14));
        }
    }

    @Test
    void otherDataUseTheTrainingFitAndKeepLabelsClassesAndName() {
        Standardization s = Standardization.fit(train());
        Dataset test = Dataset.classification("test", List.of("a", "b", "c"), new double[][] {{3, 0.1, 15},
                {10, 0.1, 0}}, new int[] {1, 0}, List.of("no", "yes"));
        Dataset z = s.apply(test);
        assertThat(z.name()).isEqualTo("test");
        assertThat(z.classNames()).containsExactly("no", "yes");
        assertThat(z.classIndex(0)).isEqualTo(1);
        assertThat(z.row(0)).containsExactly(0, 0, 0);
        assertThat(z.value(1, 0)).isCloseTo(7 / Math.sqrt(3.5), within(EXACT));
        assertThat(z.value(1, 2)).isCloseTo(-15 / Math.sqrt(75), within(EXACT));
        assertThat(test.value(1, 0)).as("the raw data stay raw").isEqualTo(10);
    }

    @Test
    void regressionLabelsAreLeftAlone() {
        Dataset values = Dataset.regression("r", List.of("x"), new double[][] {{0}, {4}}, new double[] {7, -7});
        Dataset z = Standardization.fit(values).apply(values);
        assertThat(z.row(0)).containsExactly(-1);
        assertThat(z.row(1)).containsExactly(1);
        assertThat(z.labels()).containsExactly(7, -7);
    }

    @Test
    void refusesOtherColumnsNoExamplesAndOverflow() {
        Standardization s = Standardization.fit(train());
        Dataset other = Dataset.regression("o", List.of("x"), new double[][] {{1}}, new double[] {0});
        assertThatThrownBy(() -> s.apply(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[a, b, c]");
        Dataset none = Dataset.regression("none", List.of("x"), new double[0][], new double[0]);
        assertThatThrownBy(() -> Standardization.fit(none)).isInstanceOf(IllegalArgumentException.class);
        Dataset huge = Dataset.regression("huge", List.of("big"), new double[][] {{1e308}, {-1e308}, {1e308}},
                new double[] {0, 0, 0});
        assertThatThrownBy(() -> Standardization.fit(huge)).isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("'big'");
    }
}
