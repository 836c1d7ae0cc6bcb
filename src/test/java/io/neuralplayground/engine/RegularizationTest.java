package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TF Playground's regularization step, on a one-weight network whose gradient we control. */
class RegularizationTest {

    /** y = w·x + b with x = 1 and target t: ∂L/∂w = ∂L/∂b = y − t for half squared error. */
    private static Trainer oneWeight(double w, double target, Regularization regularization, double lr) {
        DenseLayer layer = new DenseLayer(new double[][] {{w}}, new double[] {0}, Activation.LINEAR);
        Network network = new Network(1, List.of(layer));
        Samples sample = Samples.ofRows(new double[][] {{1}}, new double[][] {{target}});
        TrainingConfig config = new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.sgd(), lr, 1, regularization,
                false, TargetEncoding.VALUE);
        return new Trainer(network, sample, Samples.empty(1, 1), config, new Rng(1));
    }

    @Test
    void l2ShrinksByLearningRateTimesRateTimesTheOldWeight() {
        // gradient step: w = 0.8 − 0.1·(0.8 − 0.5) = 0.77; then w −= 0.1·0.3·0.8 = 0.024 → 0.746
        Trainer trainer = oneWeight(0.8, 0.5, Regularization.l2(0.3), 0.1);
        trainer.runEpoch();
        assertThat(trainer.network().layer(0).weight(0, 0)).isCloseTo(0.746, within(1e-15));
        // the bias is never regularized: b = 0 − 0.1·0.3 = −0.03
        assertThat(trainer.network().layer(0).bias(0)).isCloseTo(-0.03, within(1e-15));
    }

    @Test
    void l1SubtractsTheSignTimesLearningRateTimesRate() {
        // w = 0.8 − 0.1·0.3 = 0.77; then w −= 0.1·0.2·sign(0.8) → 0.75
        Trainer trainer = oneWeight(0.8, 0.5, Regularization.l1(0.2), 0.1);
        trainer.runEpoch();
        assertThat(trainer.network().layer(0).weight(0, 0)).isCloseTo(0.75, within(1e-15));
        assertThat(trainer.network().layer(0).isFrozen(0, 0)).isFalse();
    }

    @Test
    void l1StepThatCrossesZeroFreezesTheLinkAtZero() {
        // w₀ = 0.01, target 0.01: y − t = 0, the gradient step leaves w = 0.01; then 0.01 − 0.1·1·1 < 0: crosses.
        Trainer trainer = oneWeight(0.01, 0.01, Regularization.l1(1), 0.1);
        trainer.runEpoch();
        DenseLayer layer = trainer.network().layer(0);
        assertThat(layer.weight(0, 0)).isZero();
        assertThat(layer.isFrozen(0, 0)).isTrue();
        // Frozen until rebuilt: more epochs with a large gradient do not move it.
        Trainer moved = trainer;
        for (int e = 0; e < 5; e++) {
            moved.runEpoch();
        }
        assertThat(layer.weight(0, 0)).isZero();
        // Setting the weight by hand brings the link back to life.
        layer.setWeight(0, 0, 0.3);
        assertThat(layer.isFrozen(0, 0)).isFalse();
    }

    @Test
    void noRegularizationChangesNothingBeyondTheGradientStep() {
        Trainer trainer = oneWeight(0.8, 0.5, Regularization.NONE, 0.1);
        trainer.runEpoch();
        assertThat(trainer.network().layer(0).weight(0, 0)).isCloseTo(0.77, within(1e-15));
    }
}
