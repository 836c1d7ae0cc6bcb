package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.engine.EarlyStopping.Monitor;
import org.junit.jupiter.api.Test;

/**
 * Keras' {@code EarlyStopping} on scripted values, each case worked out by hand from Keras 3's
 * {@code on_epoch_end}: where it stops, which epoch's weights come back, and what the status bar says.
 */
class EarlyStopperTest {

    /** A network whose one bias is set to the epoch before each observation, so restored weights name their epoch. */
    private final Network network = Network.of(1, new int[0], Activation.TANH, 1, Activation.LINEAR);

    /** The epoch at which the rule stops these values, 0 if it never does. */
    private int run(EarlyStopping rule, double... values) {
        return watch(rule, values).stoppedEpoch();
    }

    private EarlyStopper watch(EarlyStopping rule, double... values) {
        EarlyStopper stopper = new EarlyStopper(rule, EarlyStopper.of(network));
        for (int e = 1; e <= values.length; e++) {
            network.layer(0).setBias(0, e);
            if (stopper.observe(e, values[e - 1])) {
                break;
            }
        }
        return stopper;
    }

    private static EarlyStopping rule(Monitor monitor, double minDelta, int patience, boolean restore, int start) {
        return new EarlyStopping(monitor, minDelta, patience, restore, start);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        EarlyStopper s = watch(rule(Monitor.VAL_LOSS, 0, 3, true, 0), 1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.74);

        assertThat(s.stoppedEpoch()).isEqualTo(6);
        assertThat(s.bestEpoch()).isEqualTo(3);
        assertThat(s.best()).isEqualTo(0.7);
        assertThat(network.layer(0).bias(0)).isEqualTo(3.0);
        assertThat(s.reason()).isEqualTo(
                "Stopped at epoch 6: val_loss has not improved for 3 epochs; restored the weights of epoch 3");
    }

    @Test
    void anImprovementSmallerThanMinDeltaDoesNotCount() {
        // 0.95 + 0.1 < 1.0 fails; 0.85 + 0.1 < 1.0 holds; 0.80 and 0.76 are within 0.1 of 0.85.
        EarlyStopper s = watch(rule(Monitor.VAL_LOSS, 0.1, 2, true, 0), 1.0, 0.95, 0.85, 0.80, 0.76, 0.5);

        assertThat(s.stoppedEpoch()).isEqualTo(5);
        assertThat(s.bestEpoch()).isEqualTo(3);
        assertThat(network.layer(0).bias(0)).isEqualTo(3.0);
        assertThat(s.reason()).isEqualTo(
                "Stopped at epoch 5: val_loss has not improved by 0.1 for 2 epochs; restored the weights of epoch 3");
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovementButNeverAtTheFirst() {
        assertThat(run(rule(Monitor.LOSS, 0, 0, false, 0), 1.0, 0.9, 0.95)).isEqualTo(3);
        // Keras' "epoch > 0": the first epoch, whatever its value, never stops the run.
        assertThat(run(rule(Monitor.LOSS, 0, 0, false, 0), Double.POSITIVE_INFINITY, 1.0)).isZero();
    }

    @Test
    void warmUpEpochsAreNotWatched() {
        EarlyStopper s = watch(rule(Monitor.VAL_LOSS, 0, 1, true, 2), 5, 4, 3, 3.5, 3.6);

        assertThat(s.stoppedEpoch()).isEqualTo(4);
        assertThat(s.bestEpoch()).isEqualTo(3);
        assertThat(network.layer(0).bias(0)).isEqualTo(3.0);
    }

    @Test
    void anAccuracyMustRise() {
        EarlyStopper s = watch(rule(Monitor.VAL_ACCURACY, 0, 2, true, 0), 0.5, 0.6, 0.6, 0.59, 0.9);

        assertThat(s.stoppedEpoch()).isEqualTo(4);
        assertThat(s.bestEpoch()).isEqualTo(2);
        assertThat(network.layer(0).bias(0)).isEqualTo(2.0);
        assertThat(s.reason()).isEqualTo(
                "Stopped at epoch 4: val_accuracy has not improved for 2 epochs; restored the weights of epoch 2");
    }

    @Test
    void withoutRestoringTheLastWeightsStay() {
        EarlyStopper s = watch(rule(Monitor.VAL_LOSS, 0, 1, false, 0), 1.0, 2.0, 0.1);

        assertThat(s.stoppedEpoch()).isEqualTo(2);
        assertThat(network.layer(0).bias(0)).isEqualTo(2.0);
        assertThat(s.reason()).isEqualTo("Stopped at epoch 2: val_loss has not improved for 1 epoch");
    }

    @Test
    void aRunWhoseEpochsRunOutGetsTheBestWeightsAtTheEnd() {
        EarlyStopper s = watch(rule(Monitor.VAL_LOSS, 0, 10, true, 0), 1.0, 0.5, 0.6, 0.7);

        assertThat(s.hasStopped()).isFalse();
        assertThat(network.layer(0).bias(0)).isEqualTo(4.0);
        assertThat(s.finish()).isTrue();
        assertThat(network.layer(0).bias(0)).isEqualTo(2.0);
        assertThatThrownBy(s::reason).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingValueIsPassedOver() {
        EarlyStopper s = watch(rule(Monitor.VAL_LOSS, 0, 1, true, 0), Double.NaN, 1.0, Double.NaN, 2.0);

        assertThat(s.stoppedEpoch()).isEqualTo(4);
        assertThat(s.bestEpoch()).isEqualTo(2);
    }

    @Test
    void theMonitorReadsItsMeasureOfAnEpoch() {
        EpochResult result = new EpochResult(7, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
        assertThat(Monitor.LOSS.valueOf(result)).isEqualTo(0.1);
        assertThat(Monitor.ACCURACY.valueOf(result)).isEqualTo(0.3);
        assertThat(Monitor.VAL_LOSS.valueOf(result)).isEqualTo(0.5);
        assertThat(Monitor.VAL_ACCURACY.valueOf(result)).isEqualTo(0.6);
        assertThat(Monitor.fromKerasName("val_accuracy")).isEqualTo(Monitor.VAL_ACCURACY);
        assertThatThrownBy(() -> Monitor.fromKerasName("val_acc")).hasMessageContaining("choose val_loss");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> rule(Monitor.LOSS, -1, 1, true, 0)).hasMessageContaining("min_delta");
        assertThatThrownBy(() -> rule(Monitor.LOSS, 0, -1, true, 0)).hasMessageContaining("patience");
        assertThatThrownBy(() -> rule(Monitor.LOSS, 0, 1, true, -2)).hasMessageContaining("start_from_epoch");
    }
}
