package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two ways with the examples beyond the last whole batch, on a case small enough to compute by hand: five
 * examples, batch 2, the one-input linear model y = w·x + b with ½(y − t)², so per example e = w·x + b − t,
 * ∂ℓ/∂w = e·x and ∂ℓ/∂b = e. Start w = 1/2, b = 0; learning rate 1/4; plain SGD.
 */
class LeftoverExamplesTest {
    private static final double[][] X = {{1}, {2}, {-1}, {0.5}, {3}};
    private static final double[][] T = {{1}, {-1}, {0.5}, {2}, {-0.5}};
    private static final double LR = 0.25;

    private static Trainer trainer(LeftoverExamples leftover) {
        Network network = Network.of(1, new int[0], Activation.LINEAR, 1, Activation.LINEAR);
        network.layer(0).setWeight(0, 0, 0.5);
        network.layer(0).setBias(0, 0);
        TrainingConfig config = new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.sgd(), LR, 2,
                Regularization.NONE, false, TargetEncoding.VALUE, leftover);
        return new Trainer(network, Samples.ofRows(X, T), Samples.empty(1, 1), config, new Rng(1));
    }

    /** (w, b) after every update of {@code epochs} epochs. */
    private static List<double[]> updates(Trainer trainer, int epochs) {
        List<double[]> seen = new ArrayList<>();
        DenseLayer layer = trainer.network().layer(0);
        for (int e = 0; e < epochs; e++) {
            trainer.runEpoch(() -> seen.add(new double[] {layer.weight(0, 0), layer.bias(0)}));
        }
        return seen;
    }

    private static void assertUpdate(double[] actual, double w, double b) {
        assertThat(actual[0]).isCloseTo(w, within(1e-15));
        assertThat(actual[1]).isCloseTo(b, within(1e-15));
    }

    @Test
    void carryOverUpdatesAfterEveryTwoExamplesAndAveragesTheFifthIntoTheNextEpochsFirstUpdate() {
        Trainer trainer = trainer(LeftoverExamples.CARRY_OVER);
        List<double[]> seen = updates(trainer, 2);

        // Epoch 1, examples 1 and 2 at w = 1/2, b = 0: e₁ = 1/2 − 1 = −1/2, e₂ = 1 + 1 = 2.
        //   w ← 1/2 − 1/4·(−1/2·1 + 2·2)/2 = 1/16,   b ← 0 − 1/4·(−1/2 + 2)/2 = −3/16
        // Examples 3 and 4 at w = 1/16, b = −3/16: e₃ = −1/16 − 3/16 − 1/2 = −3/4, e₄ = 1/32 − 3/16 − 2 = −69/32.
        //   w ← 1/16 − 1/4·(3/4 − 69/64)/2 = 53/512,   b ← −3/16 − 1/4·(−3/4 − 69/32)/2 = 45/256
        // Example 5 is left over: e₅ = 3·53/512 + 45/256 + 1/2 = 505/512 is kept, the weights stay.
        // Epoch 2, examples 1 and 2 at the same weights: e₁ = −369/512, e₂ = 708/512; the update averages three:
        //   w ← 53/512 − 1/4·(3·505 − 369 + 2·708)/512/3 = −321/1024
        //   b ← 45/256 − 1/4·(505 − 369 + 708)/512/3 = 59/1536
        // Then examples 3 and 4 without a carry; example 5 is carried again.
        assertThat(seen).hasSize(4);
        assertUpdate(seen.get(0), 1.0 / 16, -3.0 / 16);
        assertUpdate(seen.get(1), 53.0 / 512, 45.0 / 256);
        assertUpdate(seen.get(2), -321.0 / 1024, 59.0 / 1536);
        assertUpdate(seen.get(3), -19621.0 / 98304, 5271.0 / 16384);
        assertThat(trainer.optimizerState().steps()).isEqualTo(4);

        double w = trainer.network().layer(0).weight(0, 0);
        double b = trainer.network().layer(0).bias(0);
        double e5 = 3 * w + b + 0.5;
        CarriedGradient carried = trainer.carriedGradient();
        assertThat(carried.examples()).isEqualTo(1);
        assertThat(carried.sums()[0][0]).isCloseTo(3 * e5, within(1e-15));
        assertThat(carried.sums()[1][0]).isCloseTo(e5, within(1e-15));
    }

    @Test
    void carryOverMatchesPlaygroundsLoopWrittenOutExampleByExample() {
        Trainer trainer = trainer(LeftoverExamples.CARRY_OVER);
        List<double[]> seen = updates(trainer, 7);

        // TF Playground's oneStep: accumulate each example's derivatives, update when (i + 1) % batch == 0 with
        // the accumulated sum over the count accumulated, i from 0 again in every epoch.
        List<double[]> expected = new ArrayList<>();
        double w = 0.5;
        double b = 0;
        double accW = 0;
        double accB = 0;
        int count = 0;
        for (int epoch = 0; epoch < 7; epoch++) {
            for (int i = 0; i < X.length; i++) {
                double e = w * X[i][0] + b - T[i][0];
                accW += e * X[i][0];
                accB += e;
                count++;
                if ((i + 1) % 2 == 0) {
                    w -= LR * accW / count;
                    b -= LR * accB / count;
                    accW = 0;
                    accB = 0;
                    count = 0;
                    expected.add(new double[] {w, b});
                }
            }
        }
        assertThat(seen).hasSameSizeAs(expected);
        for (int k = 0; k < seen.size(); k++) {
            assertThat(seen.get(k)[0]).as("w after update %d", k + 1).isCloseTo(expected.get(k)[0], within(1e-14));
            assertThat(seen.get(k)[1]).as("b after update %d", k + 1).isCloseTo(expected.get(k)[1], within(1e-14));
        }
    }

    @Test
    void theSmallerLastBatchTrainsTheFifthExampleAloneAsBefore() {
        Trainer trainer = trainer(LeftoverExamples.SMALLER_LAST_BATCH);
        List<double[]> seen = updates(trainer, 2);

        // The first two updates are carry-over's; then example 5 alone at w = 53/512, b = 45/256, e₅ = 505/512:
        //   w ← 53/512 − 1/4·3·505/512 = −1303/2048,   b ← 45/256 − 1/4·505/512 = −145/2048
        assertThat(seen).hasSize(6);
        assertUpdate(seen.get(0), 1.0 / 16, -3.0 / 16);
        assertUpdate(seen.get(1), 53.0 / 512, 45.0 / 256);
        assertUpdate(seen.get(2), -1303.0 / 2048, -145.0 / 2048);
        assertUpdate(seen.get(3), -2761.0 / 8192, 3039.0 / 16384);
        assertUpdate(seen.get(4), -13781.0 / 65536, 56433.0 / 131072);
        assertUpdate(seen.get(5), -228097.0 / 524288, 186449.0 / 524288);
        assertThat(trainer.optimizerState().steps()).isEqualTo(6);
        assertThat(trainer.carriedGradient().isEmpty()).isTrue();
    }

    @Test
    void withoutLeftoverTheTwoModesAreTheSameRunBitForBit() {
        double[][] x = {{1}, {2}, {-1}, {0.5}};
        double[][] t = {{1}, {-1}, {0.5}, {2}};
        List<List<Long>> runs = new ArrayList<>();
        for (LeftoverExamples mode : LeftoverExamples.values()) {
            Network network = Network.of(1, new int[] {3}, Activation.TANH, 1, Activation.LINEAR);
            Initializer.PLAYGROUND.initialize(network, new Rng(5));
            TrainingConfig config = new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.adam(), 0.1, 2,
                    Regularization.l2(0.01), false, TargetEncoding.VALUE, mode);
            Trainer trainer = new Trainer(network, Samples.ofRows(x, t), Samples.empty(1, 1), config, new Rng(1));
            for (int e = 0; e < 20; e++) {
                trainer.runEpoch();
            }
            List<Long> bits = new ArrayList<>();
            for (DenseLayer layer : network.layers()) {
                for (double[] row : layer.kernelCopy()) {
                    for (double v : row) {
                        bits.add(Double.doubleToRawLongBits(v));
                    }
                }
                for (double v : layer.biasCopy()) {
                    bits.add(Double.doubleToRawLongBits(v));
                }
            }
            runs.add(bits);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
    }

    @Test
    void aTrainingSetSmallerThanTheBatchIsOneBatchInBothModes() {
        for (LeftoverExamples mode : LeftoverExamples.values()) {
            Network network = Network.of(1, new int[0], Activation.LINEAR, 1, Activation.LINEAR);
            TrainingConfig config = new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.sgd(), LR, 10,
                    Regularization.NONE, false, TargetEncoding.VALUE, mode);
            Trainer trainer = new Trainer(network, Samples.ofRows(X, T), Samples.empty(1, 1), config, new Rng(1));
            trainer.runEpoch();
            assertThat(trainer.optimizerState().steps()).as(mode.id()).isEqualTo(1);
            assertThat(trainer.carriedGradient().isEmpty()).as(mode.id()).isTrue();
        }
    }

    @Test
    void aRunContinuedWithItsCarriedGradientGivesTheSameNumbers() {
        Trainer original = trainer(LeftoverExamples.CARRY_OVER);
        updates(original, 3);
        Trainer resumed = trainer(LeftoverExamples.CARRY_OVER);
        original.network().layer(0).copyParametersTo(resumed.network().layer(0));
        resumed.restoreProgress(original.epoch(), original.order(), original.shuffleRng().state(),
                original.optimizerSlots(), original.optimizerState().steps());
        resumed.restoreCarriedGradient(original.carriedGradient());
        Trainer forgetful = trainer(LeftoverExamples.CARRY_OVER);
        original.network().layer(0).copyParametersTo(forgetful.network().layer(0));

        List<double[]> expected = updates(original, 3);
        List<double[]> actual = updates(resumed, 3);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k)).isEqualTo(expected.get(k));
        }
        assertThat(updates(forgetful, 1).get(0)).isNotEqualTo(expected.get(0));
    }

    @Test
    void aDivergedEpochGivesBackTheCarriedGradientItHadUsed() {
        double[][] x = {{1e3}, {3e3}, {-2e3}};
        double[][] t = {{5e3}, {-4e3}, {1e3}};
        Network network = Network.of(1, new int[] {4}, Activation.LINEAR, 1, Activation.LINEAR);
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(2));
        TrainingConfig config = new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.sgd(), 3, 2,
                Regularization.NONE, false, TargetEncoding.VALUE, LeftoverExamples.CARRY_OVER);
        Trainer trainer = new Trainer(network, Samples.ofRows(x, t), Samples.empty(1, 1), config, new Rng(1));
        CarriedGradient before = trainer.carriedGradient();
        TrainingDivergedException error = null;
        for (int e = 0; e < 100 && error == null; e++) {
            before = trainer.carriedGradient();
            try {
                trainer.runEpoch();
            } catch (TrainingDivergedException diverged) {
                error = diverged;
            }
        }
        assertThat(error).isNotNull();
        assertThat(trainer.carriedGradient().examples()).isEqualTo(before.examples());
        assertThat(trainer.carriedGradient().sums()).isDeepEqualTo(before.sums());
    }

    @Test
    void aCarriedGradientOfAnotherShapeIsRefused() {
        Trainer trainer = trainer(LeftoverExamples.CARRY_OVER);
        assertThatThrownBy(() -> trainer.restoreCarriedGradient(new CarriedGradient(1, new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter arrays");
        assertThatThrownBy(() -> trainer.restoreCarriedGradient(new CarriedGradient(1, new double[][] {{1, 2}, {3}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> new CarriedGradient(-1, new double[0][])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreTheCommandLinesAndFilesOwn() {
        assertThat(LeftoverExamples.byName("carry-over")).isEqualTo(LeftoverExamples.CARRY_OVER);
        assertThat(LeftoverExamples.byName(" Smaller-Batch ")).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThatThrownBy(() -> LeftoverExamples.byName("drop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known: smaller-batch, carry-over");
        assertThat(TrainingConfig.playground().leftover()).isEqualTo(LeftoverExamples.CARRY_OVER);
    }
}
