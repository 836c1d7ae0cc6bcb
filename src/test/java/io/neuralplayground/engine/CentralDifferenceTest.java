package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one finite difference of the project against values worked out by hand. */
class CentralDifferenceTest {

    @Test
    void fifthPowerWithALargeStepLeavesTheTruncationErrorTheFormulaPredicts() {
        // f = x⁵ at 1, h = 0.1: (0.8⁵ − 8·0.9⁵ + 8·1.1⁵ − 1.2⁵) / 1.2
        //   = (0.32768 − 4.72392 + 12.88408 − 2.48832) / 1.2 = 5.99952 / 1.2 = 4.9996,
        // which is f'(1) − h⁴·f⁽⁵⁾/30 = 5 − 0.0001·120/30 (exact, as f⁽⁷⁾ = 0).
        double d = CentralDifference.derivative(x -> x * x * x * x * x, 1, 0.1);
        assertThat(d).isCloseTo(4.9996, within(1e-12));
    }

    @Test
    void polynomialsUpToDegreeFourComeOutExactUpToRounding() {
        // d/dx (x⁴ − 3x²) at 2 = 4·8 − 6·2 = 20
        assertThat(CentralDifference.derivative(x -> x * x * x * x - 3 * x * x, 2)).isCloseTo(20, within(1e-9));
    }

    @Test
    void theStepScalesWithLargeArgumentsOnly() {
        assertThat(CentralDifference.step(0.5)).isEqualTo(1e-4);
        assertThat(CentralDifference.step(-1)).isEqualTo(1e-4);
        assertThat(CentralDifference.step(-300)).isEqualTo(1e-4 * 300);
    }

    @Test
    void evaluatesFFromXMinusTwoHUp() {
        // GradientCheck sets a parameter to each point in turn: the order is part of the contract.
        List<Double> points = new ArrayList<>();
        CentralDifference.derivative(x -> {
            points.add(x);
            return x;
        }, 1, 0.25);
        assertThat(points).containsExactly(0.5, 0.75, 1.25, 1.5);
    }
}
