package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageDataReader;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.ForwardPass;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.engine.f32.FloatTrainer;
import io.neuralplayground.engine.f32.Gemms;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.session.images.ImageExamples;
import io.neuralplayground.session.images.ImageNetworks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A network trained in the image mode goes out in every format with its 784 inputs named {@code pixel_0} …
 * {@code pixel_783}; the formats the playground reads come back with the same weights, which give the float32
 * engine's probabilities on test images.
 */
class ImageNetworkExportTest {
    private static ImageData subset;
    private static FloatNetwork trained;

    @BeforeAll
    static void trainOneEpoch() {
        ImageSource bundled = ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                .filter(ImageSource::isSubset).findFirst().orElseThrow();
        subset = ImageDataReader.read(bundled);
        trained = ImageNetworks.lecture(784, 10, 4);
        new FloatTrainer(trained, Gemms.best(1), Optimizer.sgd(), 0.05, 32)
                .trainEpoch(new ImageExamples(subset.train()), null, null);
    }

    @ParameterizedTest
    @EnumSource(ModelFormat.class)
    void everyFormatTakesTheImageNetworkAndTheReadableOnesGiveItBack(ModelFormat format, @TempDir Path dir) {
        List<String> names = ImageNetworks.pixelNames(784);
        assertThat(names).startsWith("pixel_0", "pixel_1").endsWith("pixel_783");
        Model model = new Model(names, trained.toNetwork());
        Path file = dir.resolve((format == ModelFormat.JAVA ? "Network" : "network") + format.extension());
        format.write(model, file);
        assertThat(file).isNotEmptyFile();
        if (format.writesText()) {
            assertThat(format.text(model)).isNotBlank();
        }
        if (!format.canRead()) {
            return;
        }
        Model back = format.read(file);
        assertThat(back.inputs()).isEqualTo(names);
        Network network = back.network();
        for (int l = 0; l < network.depth(); l++) {
            assertThat(network.layer(l).kernelCopy()).as("%s layer %d", format, l)
                    .isEqualTo(model.network().layer(l).kernelCopy());
        }
        if (!format.holdsActivations()) {
            // Weights alone (a .weights.h5): the activations come from the code that reads them.
            return;
        }
        float[] pixels = new float[784];
        ImageExamples test = new ImageExamples(subset.test());
        double[][] x = new double[784][1];
        for (int image = 0; image < 5; image++) {
            test.copyInputs(image, pixels, 0);
            for (int i = 0; i < 784; i++) {
                x[i][0] = pixels[i];
            }
            double[][][] layers = new ForwardPass(1).run(network, x, 1);
            double[][] out = layers[layers.length - 1];
            float[] expected = trained.probabilities(Gemms.best(1), pixels);
            for (int c = 0; c < 10; c++) {
                assertThat(out[c][0]).as("%s image %d class %d", format, image, c)
                        .isCloseTo(expected[c], org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }
}
