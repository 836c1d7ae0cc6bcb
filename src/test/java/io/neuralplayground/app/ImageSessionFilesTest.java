package io.neuralplayground.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageDataReader;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.f32.Gemms;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.images.ImageSession;
import io.neuralplayground.session.images.ImageSessionState;
import io.neuralplayground.session.images.ImageSettings;
import io.neuralplayground.session.images.ImageSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image sessions saved and reopened: training goes on as if it had never stopped; bad files are named. */
class ImageSessionFilesTest {
    private static ImageSource bundled;
    private static ImageData subset;

    @BeforeAll
    static void readTheSubset() {
        bundled = ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                .filter(ImageSource::isSubset).findFirst().orElseThrow();
        subset = ImageDataReader.read(bundled);
    }

    private static ImageSettings settings() {
        return ImageSettings.defaults().withLayers(List.of(24, 12), List.of(Activation.RELU, Activation.TANH))
                .withLearningRate(0.05).withEpochs(3);
    }

    private static ImageSnapshot trainEpochs(ImageSession session, int epochs) throws InterruptedException {
        for (int e = 0; e < epochs; e++) {
            session.stepEpoch();
            assertThat(session.awaitIdle(60)).isTrue();
        }
        return session.latest();
    }

    @Test
    void aSessionSavedAfterTwoEpochsAndReopenedTrainsTheThirdAsIfItHadNotStopped(@TempDir Path dir)
            throws Exception {
        float[] straight;
        try (ImageSession session = new ImageSession(subset, settings(), Gemms.best(1))) {
            straight = trainEpochs(session, 3).network().layer(0).kernelCopy();
        }
        Path file = dir.resolve("fashion.json");
        ImageSnapshot beforeSave;
        try (ImageSession session = new ImageSession(subset, settings(), Gemms.best(1))) {
            beforeSave = trainEpochs(session, 2);
            ImageSessionFiles.write(file, session.capture().get(), bundled);
        }
        assertThat(ImageSessionFiles.isImageSession(file)).isTrue();
        Model asModel = ModelFile.read(file);
        assertThat(asModel.inputs()).hasSize(784).startsWith("pixel_0");

        ImageSessionFiles.Saved saved = ImageSessionFiles.read(file);
        assertThat(saved.images().isSubset()).isTrue();
        ImageSessionState state = saved.state();
        assertThat(state.settings()).isEqualTo(settings());
        assertThat(state.epoch()).isEqualTo(2);
        assertThat(state.curve()).isEqualTo(beforeSave.curve());
        try (ImageSession reopened = new ImageSession(ImageDataReader.read(saved.images()), settings(),
                Gemms.best(1))) {
            reopened.restore(state);
            reopened.sync();
            ImageSnapshot restored = reopened.latest();
            assertThat(restored.epoch()).isEqualTo(2);
            assertThat(restored.message()).isEqualTo("Reopened after 2 epochs");
            assertThat(restored.network().layer(0).kernelCopy()).isEqualTo(beforeSave.network().layer(0)
                    .kernelCopy());
            assertThat(restored.test().accuracy()).isEqualTo(beforeSave.test().accuracy());
            float[] resumed = trainEpochs(reopened, 1).network().layer(0).kernelCopy();
            assertThat(resumed).as("plain SGD: the same weights bit for bit").isEqualTo(straight);
            assertThat(reopened.latest().curve()).hasSize(beforeSave.curve().size() + 1);
        }
    }

    @Test
    void aNetworkThatIsNotAnImageSessionAndBrokenFieldsAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.json");
        try (ImageSession session = new ImageSession(subset, settings(), Gemms.best(1))) {
            ImageSessionFiles.write(file, session.capture().get(), bundled);
        }
        String text = Files.readString(file);

        Path plain = dir.resolve("plain.json");
        Model model = ModelFile.read(file);
        ModelFile.write(plain, new Model(model.inputs(), model.network()));
        assertThat(ImageSessionFiles.isImageSession(plain)).isFalse();
        assertThatThrownBy(() -> ImageSessionFiles.read(plain)).isInstanceOf(PlaygroundException.class)
                .hasMessage(plain + ": it is a network, not an image session (it has no \"image_session\" field): "
                        + "import it instead");

        for (String[] c : new String[][] {
            {"\"optimizer\": \"sgd\"", "\"optimizer\": \"lbfgs\"", "unknown optimizer 'lbfgs'"},
            {"\"batch_size\": 32", "\"batch_size\": 0", "the batch size must be 1 to 4096, not 0"},
            {"\"collection\": \"fashion-mnist\"", "\"collection\": \"cifar\"", "images.collection 'cifar'"},
            {"\"epoch\": 0", "\"epoch\": 1.5", "\"epoch\" must be a whole number, not 1.5"},
            {"\"image_session\": {\n    \"version\": 1", "\"image_session\": {\n    \"version\": 2",
                "version 2 is not one this playground reads"},
            {"24,\n        12\n", "24,\n        13\n", "hidden layer 2 of the network is not the settings'"}}) {
            assertThat(text.contains(c[0])).as("the file holds %s", c[0]).isTrue();
            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, text.replace(c[0], c[1]));
            assertThatThrownBy(() -> ImageSessionFiles.read(bad)).as(c[1]).isInstanceOf(PlaygroundException.class)
                    .hasMessageStartingWith(bad + ": ").hasMessageContaining(c[2]);
        }
    }
}
