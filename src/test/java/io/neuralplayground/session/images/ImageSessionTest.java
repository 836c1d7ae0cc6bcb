package io.neuralplayground.session.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageDataReader;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.engine.f32.Gemms;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image session on the bundled subset: commands, snapshots, curves, the split, same seed same run. */
class ImageSessionTest {
    private static ImageData subset;
    private ImageSession session;

    @BeforeAll
    static void readTheSubset() {
        ImageSource bundled = ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                .filter(ImageSource::isSubset).findFirst().orElseThrow();
        subset = ImageDataReader.read(bundled);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private static ImageSettings small() {
        return ImageSettings.defaults().withLayers(List.of(32), List.of(Activation.RELU)).withLearningRate(0.05)
                .withEpochs(3);
    }

    @Test
    void aNewSessionHasTestPredictionsAndKeepsATenthForValidation() {
        session = new ImageSession(subset, small(), Gemms.best(1));
        ImageSnapshot first = session.latest();
        assertThat(first.epoch()).isZero();
        assertThat(first.playing()).isFalse();
        assertThat(first.epochSize()).as("2,000 less a tenth").isEqualTo(1800);
        assertThat(first.test()).isNotNull();
        assertThat(first.test().predicted()).hasSize(500);
        assertThat(first.test().accuracy()).as("untrained: about chance").isBetween(0.0, 0.35);
        assertThat(first.network().inputs()).isEqualTo(784);
        assertThat(first.kernel()).isNotBlank();
    }

    @Test
    void stepTrainsOneEpochWithPointsAndPausesAndTheSameSeedGivesTheSameRun() throws InterruptedException {
        float[][] kernels = new float[2][];
        for (int run = 0; run < 2; run++) {
            session = new ImageSession(subset, small().withBatchSize(8), Gemms.best(1));
            session.stepEpoch();
            assertThat(session.awaitIdle(60)).isTrue();
            ImageSnapshot s = session.latest();
            assertThat(s.epoch()).isEqualTo(1);
            assertThat(s.examplesDone()).isZero();
            assertThat(s.playing()).isFalse();
            // 1,800 images in batches of 8: 225 batches, fewer than a point's 300, so the epoch's end alone.
            assertThat(s.curve()).hasSize(1);
            ImageSnapshot.CurvePoint end = s.curve().get(0);
            assertThat(end.epochEnd()).isTrue();
            assertThat(end.epoch()).isEqualTo(1.0);
            assertThat(end.validationAccuracy()).isBetween(0.3, 1.0);
            assertThat(end.testAccuracy()).as("the epoch's end measures all 500").isEqualTo(s.test().accuracy());
            assertThat(s.test().epoch()).isEqualTo(1);
            kernels[run] = s.network().layer(0).kernelCopy();
            session.close();
        }
        assertThat(kernels[1]).isEqualTo(kernels[0]);
        session = null;
    }

    @Test
    void playStopsAfterTheEpochsAndSaysSoAndResetGoesBackToTheStart() throws InterruptedException {
        session = new ImageSession(subset, small(), Gemms.best(1));
        float[] start = session.latest().network().layer(0).kernelCopy();
        long build = session.latest().build();
        session.play();
        assertThat(session.awaitIdle(120)).isTrue();
        ImageSnapshot done = session.latest();
        assertThat(done.epoch()).isEqualTo(3);
        assertThat(done.message()).isEqualTo("Trained 3 epochs");
        assertThat(done.curve()).filteredOn(ImageSnapshot.CurvePoint::epochEnd).hasSize(3);
        assertThat(done.curve().get(2).trainLoss()).isLessThan(done.curve().get(0).trainLoss());
        session.play();
        session.sync();
        assertThat(session.latest().message()).startsWith("Trained 3 epochs: raise the epochs");

        session.reset();
        session.sync();
        ImageSnapshot again = session.latest();
        assertThat(again.epoch()).isZero();
        assertThat(again.curve()).isEmpty();
        assertThat(again.build()).isGreaterThan(build);
        assertThat(again.network().layer(0).kernelCopy()).isEqualTo(start);
    }

    @Test
    void newLayersMakeANewNetworkAndANewLearningRateDoesNot() throws InterruptedException {
        session = new ImageSession(subset, small(), Gemms.best(1));
        long build = session.latest().build();
        session.apply(small().withLearningRate(0.2).withOptimizer(Optimizer.adam()));
        session.sync();
        assertThat(session.latest().build()).isEqualTo(build);
        assertThat(session.settings().learningRate()).isEqualTo(0.2);
        session.apply(small().withLayers(List.of(16, 8), List.of(Activation.TANH, Activation.RELU)));
        session.sync();
        ImageSnapshot rebuilt = session.latest();
        assertThat(rebuilt.build()).isGreaterThan(build);
        assertThat(rebuilt.network().depth()).isEqualTo(3);
        assertThat(rebuilt.network().layer(1).units()).isEqualTo(8);
    }

    @Test
    void badSettingsAreRefusedWithTheirReason() {
        ImageSettings d = ImageSettings.defaults();
        assertThatThrownBy(() -> d.withLearningRate(0)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> d.withBatchSize(0)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> d.withValidationShare(0.9)).hasMessageContaining("validation share");
        assertThatThrownBy(() -> d.withLayers(List.of(10), List.of(Activation.SOFTMAX)))
                .hasMessageContaining("not softmax");
        assertThatThrownBy(() -> d.withLayers(List.of(10, 10), List.of(Activation.RELU)))
                .hasMessageContaining("2 hidden layers but 1");
    }

    @Test
    void earlyStoppingStopsTheImageRunAndRestoresTheBestEpochsWeights() throws InterruptedException {
        // min_delta 10: no epoch after the first can improve on it, so patience 1 stops at epoch 2.
        EarlyStopping rule = new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 10, 1, true, 0);
        session = new ImageSession(subset, small().withEpochs(10).withEarlyStopping(rule), Gemms.best(1));
        session.play();
        assertThat(session.awaitIdle(60)).isTrue();
        ImageSnapshot stopped = session.latest();
        assertThat(stopped.epoch()).isEqualTo(2);
        assertThat(stopped.stoppedEpoch()).isEqualTo(2);
        assertThat(stopped.bestEpoch()).isEqualTo(1);
        assertThat(stopped.message()).isEqualTo(
                "Stopped at epoch 2: val_loss has not improved by 10 for 1 epoch; restored the weights of epoch 1");

        try (ImageSession oneEpoch = new ImageSession(subset, small(), Gemms.best(1))) {
            oneEpoch.stepEpoch();
            assertThat(oneEpoch.awaitIdle(60)).isTrue();
            FloatNetwork expected = oneEpoch.latest().network();
            for (int l = 0; l < expected.depth(); l++) {
                assertThat(stopped.network().layer(l).kernelCopy()).isEqualTo(expected.layer(l).kernelCopy());
                assertThat(stopped.network().layer(l).biasCopy()).isEqualTo(expected.layer(l).biasCopy());
            }
            assertThat(stopped.test().accuracy()).as("the test images measured on the restored weights")
                    .isEqualTo(oneEpoch.latest().test().accuracy());
        }
    }

    @Test
    void earlyStoppingOnValidationNeedsValidationImages() {
        assertThatThrownBy(() -> small().withValidationShare(0).withEarlyStopping(EarlyStopping.defaults()))
                .hasMessageContaining("needs validation images");
    }
}
