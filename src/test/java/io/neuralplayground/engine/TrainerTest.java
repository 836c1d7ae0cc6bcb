package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Points in a disc labelled by whether they lie inside radius 2.5, Playground's circle without noise. */
    private static Samples disc(Rng rng, int n) {
        double[][] x = new double[n][2];
        double[][] t = new double[n][1];
        for (int r = 0; r < n; r++) {
            double radius = r % 2 == 0 ? rng.uniform(0, 2.5) : rng.uniform(3.5, 5);
            double angle = rng.uniform(0, 2 * Math.PI);
            x[r][0] = radius * Math.sin(angle);
            x[r][1] = radius * Math.cos(angle);
            t[r][0] = radius < 2.5 ? 1 : -1;
        }
        return Samples.ofRows(x, t);
    }

    private static Trainer playgroundTrainer(long seed, boolean shuffle) {
        Samples train = disc(Rng.stream(seed, "data"), 200);
        Samples test = disc(Rng.stream(seed, "test"), 100);
        Network network = Network.of(2, new int[] {4, 2}, Activation.TANH, 1, Activation.TANH);
        Initializer.PLAYGROUND.initialize(network, Rng.stream(seed, "init"));
        return new Trainer(network, train, test, TrainingConfig.playground().withShuffle(shuffle),
                Rng.stream(seed, "shuffle"));
    }

    private static List<Long> fingerprint(Trainer trainer, int epochs) {
        List<Long> bits = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            EpochResult result = trainer.runEpoch();
            bits.add(Double.doubleToRawLongBits(result.trainLoss()));
            bits.add(Double.doubleToRawLongBits(result.testLoss()));
        }
        for (DenseLayer layer : trainer.network().layers()) {
            for (double[] row : layer.kernelCopy()) {
                for (double w : row) {
                    bits.add(Double.doubleToRawLongBits(w));
                }
            }
            for (double b : layer.biasCopy()) {
                bits.add(Double.doubleToRawLongBits(b));
            }
        }
        return bits;
    }

    @Test
    void sameSeedSameRunBitForBit() {
        assertThat(fingerprint(playgroundTrainer(7, true), 30)).isEqualTo(fingerprint(playgroundTrainer(7, true), 30));
        assertThat(fingerprint(playgroundTrainer(7, false), 30))
                .isEqualTo(fingerprint(playgroundTrainer(7, false), 30));
    }

    @Test
    void shufflingAndSeedsChangeTheRun() {
        assertThat(fingerprint(playgroundTrainer(7, true), 5)).isNotEqualTo(fingerprint(playgroundTrainer(7, false), 5));
        assertThat(fingerprint(playgroundTrainer(7, true), 5)).isNotEqualTo(fingerprint(playgroundTrainer(8, true), 5));
    }

    @Test
    void learnsTheCircle() {
        Trainer trainer = playgroundTrainer(3, false);
        EpochResult first = trainer.runEpoch();
        EpochResult last = first;
        for (int e = 0; e < 300; e++) {
            last = trainer.runEpoch();
        }
        assertThat(last.epoch()).isEqualTo(301);
        assertThat(last.trainLoss()).isLessThan(first.trainLoss());
        assertThat(last.testAccuracy()).isGreaterThan(0.97);
    }

    @Test
    void reportedLossIsTheMeanOverExamplesWithTheFinalWeights() {
        Trainer trainer = playgroundTrainer(4, false);
        EpochResult result = trainer.runEpoch();
        Samples test = trainer.testSamples();
        double sum = 0;
        int correct = 0;
        for (int r = 0; r < test.count(); r++) {
            double y = trainer.network().predict(test.inputRow(r))[0];
            double t = test.target(r, 0);
            sum += 0.5 * (y - t) * (y - t);
            correct += (y >= 0) == (t > 0) ? 1 : 0;
        }
        assertThat(result.testLoss()).isCloseTo(sum / test.count(), within(1e-12));
        assertThat(result.testAccuracy()).isEqualTo((double) correct / test.count());
    }

    @Test
    void aMinibatchStepMovesWeightsByLearningRateTimesTheTracedGradient() {
        Network network = Network.of(2, new int[] {3}, Activation.TANH, 1, Activation.TANH);
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(9));
        double[][] x = {{0.5, -1}, {1.5, 0.25}, {-2, 2}};
        double[][] t = {{1}, {-1}, {1}};
        BackpropTrace trace = BackpropTrace.of(network, Loss.HALF_SQUARED_ERROR, x, t);
        Network before = network.copy();
        TrainingConfig config = TrainingConfig.playground().withLearningRate(0.3).withBatchSize(3);
        new Trainer(network, Samples.ofRows(x, t), Samples.empty(2, 1), config, new Rng(1)).runEpoch();
        for (int l = 0; l < network.depth(); l++) {
            BackpropTrace.LayerBackward grads = trace.backward().get(network.depth() - 1 - l);
            for (int i = 0; i < network.layer(l).inputs(); i++) {
                for (int j = 0; j < network.layer(l).units(); j++) {
                    double expected = before.layer(l).weight(i, j) - 0.3 * grads.gradKernel().get(i, j);
                    assertThat(network.layer(l).weight(i, j)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void divergenceStopsWithAdviceAndKeepsTheLastGoodWeights() {
        Samples data = Samples.ofRows(new double[][] {{1e3, -2e3}, {3e3, 1e3}}, new double[][] {{5e3}, {-4e3}});
        Network network = Network.of(2, new int[] {4}, Activation.LINEAR, 1, Activation.LINEAR);
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(2));
        TrainingConfig config = new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.sgd(), 3, 1,
                Regularization.NONE, false, TargetEncoding.VALUE);
        Trainer trainer = new Trainer(network, data, Samples.empty(2, 1), config, new Rng(1));
        Network lastGood = network.copy();
        TrainingDivergedException error = null;
        for (int e = 0; e < 100 && error == null; e++) {
            lastGood = network.copy();
            try {
                trainer.runEpoch();
            } catch (TrainingDivergedException diverged) {
                error = diverged;
            }
        }
        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .matches("(Loss|Weights) became (NaN|infinite).* at epoch \\d+: lower the learning rate \\(now 3\\).*");
        assertThat(error.epoch()).isEqualTo(trainer.epoch() + 1);
        assertThat(network.isFinite()).isTrue();
        for (int l = 0; l < network.depth(); l++) {
            assertThat(network.layer(l).kernelCopy()).isDeepEqualTo(lastGood.layer(l).kernelCopy());
            assertThat(network.layer(l).biasCopy()).isEqualTo(lastGood.layer(l).biasCopy());
        }
    }

    @Test
    void lastMinibatchOfAnEpochMayBeSmaller() {
        Samples data = disc(new Rng(3), 25);
        Network network = Network.of(2, new int[] {3}, Activation.TANH, 1, Activation.TANH);
        Initializer.PLAYGROUND.initialize(network, new Rng(1));
        Trainer trainer = new Trainer(network, data, Samples.empty(2, 1),
                TrainingConfig.playground().withBatchSize(10).withLeftover(LeftoverExamples.SMALLER_LAST_BATCH),
                new Rng(1));
        EpochResult result = trainer.runEpoch();
        assertThat(result.hasTest()).isFalse();
        assertThat(trainer.optimizerState().steps()).isEqualTo(3);
    }

    @Test
    void playgroundsWayCarriesTheLastFiveExamplesInsteadOfMakingAThirdUpdate() {
        Samples data = disc(new Rng(3), 25);
        Network network = Network.of(2, new int[] {3}, Activation.TANH, 1, Activation.TANH);
        Initializer.PLAYGROUND.initialize(network, new Rng(1));
        Trainer trainer = new Trainer(network, data, Samples.empty(2, 1),
                TrainingConfig.playground().withBatchSize(10), new Rng(1));
        trainer.runEpoch();
        assertThat(trainer.optimizerState().steps()).isEqualTo(2);
        assertThat(trainer.carriedGradient().examples()).isEqualTo(5);
        trainer.runEpoch();
        assertThat(trainer.optimizerState().steps()).isEqualTo(4);
        assertThat(trainer.carriedGradient().examples()).isEqualTo(5);
    }

    @Test
    void sameSeedSameRunBitForBitWithCarriedExamples() {
        // 200 examples in batches of 30: 20 carried every epoch, also when reshuffled.
        for (boolean shuffle : new boolean[] {false, true}) {
            Trainer a = playgroundTrainer(11, shuffle);
            Trainer b = playgroundTrainer(11, shuffle);
            a.setConfig(a.config().withBatchSize(30));
            b.setConfig(b.config().withBatchSize(30));
            assertThat(fingerprint(a, 20)).isEqualTo(fingerprint(b, 20));
            assertThat(a.carriedGradient().examples()).isEqualTo(20);
        }
    }

    @Test
    void rejectsSamplesThatDoNotFitTheNetwork() {
        Network network = Network.of(3, new int[] {2}, Activation.TANH, 1, Activation.TANH);
        Samples data = disc(new Rng(1), 10);
        assertThatThrownBy(() -> new Trainer(network, data, Samples.empty(2, 1), TrainingConfig.playground(),
                new Rng(1))).hasMessageContaining("2 features but the network takes 3 inputs");
    }
}
