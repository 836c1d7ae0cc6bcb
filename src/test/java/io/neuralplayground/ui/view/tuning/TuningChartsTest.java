package io.neuralplayground.ui.view.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.tune.Goal;
import org.junit.jupiter.api.Test;

/** The part of the objective's axis the tab's charts show. */
class TuningChartsTest {
    @Test
    void aLossAxisRunsFromItsLeastToThe90thPercentilePaddedButNotBelowZero() {
        double[] losses = {0.01, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 50.0};
        double[] range = TuningCharts.range(losses, Goal.of("val_loss"));
        // The 90th percentile of 11 values is the 10th smallest, 1.0; 5 % of 0.99 pads each end.
        assertThat(range[1]).isCloseTo(1.0 + 0.0495, within(1e-12));
        assertThat(range[0]).as("0.01 − 0.0495 would be below 0").isEqualTo(0.0);
    }

    @Test
    void anAccuracyAxisStopsAtOneAndANegativeObjectiveKeepsItsPadding() {
        double[] accuracies = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 1.0, 1.0};
        double[] range = TuningCharts.range(accuracies, Goal.of("val_accuracy"));
        assertThat(range[1]).isEqualTo(1.0);
        assertThat(range[0]).isCloseTo(0.6 - 0.02, within(1e-12));
        double[] negative = TuningCharts.range(new double[] {-2, -1, 0}, new Goal("score", Goal.Direction.MINIMIZE));
        // Of three values the 90th percentile is the middle one, −1: the span is 1, padded by 0.05.
        assertThat(negative[0]).isCloseTo(-2.05, within(1e-12));
    }

    @Test
    void nothingFiniteGivesNoRange() {
        assertThat(TuningCharts.range(new double[] {Double.NaN}, Goal.of("val_loss"))).isNull();
    }
}
