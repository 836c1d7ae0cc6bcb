package io.neuralplayground.ui.view.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.tune.Choice;
import io.neuralplayground.tune.Fixed;
import io.neuralplayground.tune.FloatRange;
import io.neuralplayground.tune.IntRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a trial's value sits on its axis of the parallel coordinates, 0 at the bottom and 1 at the top. */
class ParallelCoordinatesViewTest {
    @Test
    void rangesAreLinearOrLogAndChoicesEvenlySpaced() {
        assertThat(ParallelCoordinatesView.position(new IntRange("layers", 1, 3, 1, false, null), 2)).isEqualTo(0.5);
        // log10(0.01) lies halfway between log10(0.001) and log10(0.1).
        assertThat(ParallelCoordinatesView.position(new FloatRange("learning_rate", 0.001, 0.1, 0, true, null), 0.01))
                .isCloseTo(0.5, within(1e-12));
        Choice activation = new Choice("activation", List.of("relu", "tanh", "sigmoid"), null);
        assertThat(ParallelCoordinatesView.position(activation, "relu")).isEqualTo(0.0);
        assertThat(ParallelCoordinatesView.position(activation, "sigmoid")).isEqualTo(1.0);
    }

    @Test
    void aFixedTextValueSitsMidAxisAndAnInactiveOneNowhere() {
        // A row "activation = relu" threw ClassCastException at every redraw.
        assertThat(ParallelCoordinatesView.position(new Fixed("activation", "relu", null), "relu")).isEqualTo(0.5);
        assertThat(ParallelCoordinatesView.position(new IntRange("units_2", 2, 8, 1, false, null), null)).isNaN();
    }
}
