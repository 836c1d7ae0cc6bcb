package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.CarriedGradient;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session captured and restored goes on with the very numbers it would have had. */
class SessionStateTest {

    private static List<Long> trainAndRecord(TrainingSession session, int epochs) throws Exception {
        session.trainEpochs(epochs);
        session.sync();
        List<Long> bits = new ArrayList<>();
        EpochLog.Slice all = session.log().since(0);
        for (int i = 0; i < all.length(); i++) {
            bits.add(Double.doubleToRawLongBits(all.trainLoss()[i]));
            bits.add(Double.doubleToRawLongBits(all.testLoss()[i]));
            bits.add(Double.doubleToRawLongBits(all.trainAccuracy()[i]));
            bits.add(Double.doubleToRawLongBits(all.testAccuracy()[i]));
        }
        for (var layer : session.latest().network().layers()) {
            for (double[] row : layer.kernelCopy()) {
                for (double w : row) {
                    bits.add(Double.doubleToRawLongBits(w));
                }
            }
        }
        return bits;
    }

    @Test
    void continuingFromACapturedStateGivesTheSameNumbers() throws Exception {
        // Adam (memory), L1 (frozen links), painted points and a second draw of weights: everything that must survive.
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.SPIRAL)
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.SIN_X1))
                .withHidden(List.of(5, 3), List.of(Activation.TANH, Activation.RELU))
                .withOptimizer(Optimizer.adam()).withLearningRate(0.01)
                .withRegularization(Regularization.l1(0.003))
                .withPaintedPoints(List.of(new Point(1, 2, 1), new Point(-3, 0.5, -1)))
                .withNewWeights();
        try (TrainingSession original = new TrainingSession(settings);
                TrainingSession restored = new TrainingSession(PlaygroundSettings.defaults())) {
            original.trainEpochs(40);
            original.sync();
            SessionState saved = original.capture().get();
            // 250 generated and 2 painted points in batches of 10: Playground's loop carries the last 2.
            assertThat(saved.carried().examples()).isEqualTo(2);
            // The accuracy history is captured with the losses, up to the epoch shown.
            assertThat(saved.history().trainAccuracy()).hasSize(41);
            assertThat(Arrays.stream(saved.history().trainAccuracy())).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
            assertThat(saved.history().testAccuracy()[40]).isEqualTo(original.latest().testAccuracy());
            List<Long> expected = trainAndRecord(original, 25);

            restored.restore(saved);
            restored.sync();
            assertThat(restored.latest().epoch()).isEqualTo(40);
            assertThat(restored.latest().settings()).isEqualTo(settings);
            assertThat(restored.log().size()).isEqualTo(41);
            EpochLog.Slice history = restored.log().since(0);
            assertThat(history.trainAccuracy()).isEqualTo(saved.history().trainAccuracy());
            assertThat(history.testAccuracy()).isEqualTo(saved.history().testAccuracy());
            assertThat(history.trainAccuracy()[40]).isEqualTo(restored.latest().trainAccuracy());
            List<Long> actual = trainAndRecord(restored, 25);
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void aStateThatDoesNotFitLeavesTheSessionAsItWas() throws Exception {
        try (TrainingSession a = new TrainingSession(PlaygroundSettings.defaults());
                TrainingSession b = new TrainingSession(PlaygroundSettings.defaults())) {
            a.trainEpochs(3);
            a.sync();
            SessionState saved = a.capture().get();
            SessionState broken = new SessionState(saved.settings().withHidden(List.of(4), List.of(Activation.TANH)),
                    saved.network(), saved.epoch(), saved.order(), saved.shuffleState(), saved.optimizerSlots(),
                    saved.optimizerSteps(), saved.carried(), saved.history());
            long build = b.latest().build();
            b.restore(broken);
            b.sync();
            assertThat(b.latest().build()).isEqualTo(build);
            assertThat(b.latest().message()).startsWith("The session could not be restored");
        }
    }

    @Test
    void aCarriedGradientThatDoesNotFitLeavesTheSessionAsItWas() throws Exception {
        try (TrainingSession a = new TrainingSession(PlaygroundSettings.defaults().withBatchSize(30));
                TrainingSession b = new TrainingSession(PlaygroundSettings.defaults())) {
            a.trainEpochs(2);
            a.sync();
            SessionState saved = a.capture().get();
            assertThat(saved.carried().examples()).isEqualTo(250 % 30);
            SessionState broken = new SessionState(saved.settings(), saved.network(), saved.epoch(), saved.order(),
                    saved.shuffleState(), saved.optimizerSlots(), saved.optimizerSteps(),
                    new CarriedGradient(3, new double[][] {{1, 2}}), saved.history());
            long build = b.latest().build();
            b.restore(broken);
            b.sync();
            assertThat(b.latest().build()).isEqualTo(build);
            assertThat(b.latest().message()).startsWith("The session could not be restored")
                    .contains("carried gradient");
        }
    }
}
