package io.neuralplayground.session.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageDataReader;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.f32.FloatLayer;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.engine.f32.FloatTrainer;
import io.neuralplayground.engine.f32.Gemms;
import io.neuralplayground.engine.f32.JavaGemm;
import io.neuralplayground.engine.f32.Gemm;
import io.neuralplayground.testing.Python;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One epoch on the bundled Fashion-MNIST subset, the same initial weights and the same batches, in the float32
 * engine and in PyTorch (Debian's python3-torch, float32, one thread): every weight agrees to 1e-4.
 */
class TorchEpochTest {

    @ParameterizedTest(name = "{0} hidden {1}, {2} kernel")
    @CsvSource({"128, relu, native", "128, relu, java", "64;32, tanh, native"})
    void oneEpochOfSgdOnTheSubsetIsPyTorchs(String widths, String activation, String kernel, @TempDir Path dir)
            throws IOException {
        Python.require("numpy", "torch");
        ImageSource bundled = ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                .filter(ImageSource::isSubset).findFirst().orElseThrow();
        ImageData data = ImageDataReader.read(bundled);
        ImageExamples train = new ImageExamples(data.train());
        assertThat(train.size()).isEqualTo(2000);

        int[] hidden = java.util.Arrays.stream(widths.split(";")).mapToInt(Integer::parseInt).toArray();
        Activation[] activations = new Activation[hidden.length];
        java.util.Arrays.fill(activations, Activation.byName(activation));
        FloatNetwork network = ImageNetworks.create(train.features(), hidden, activations, 10, 3);
        int[] order = IntStream.range(0, train.size()).toArray();
        Rng.stream(3, "shuffle").shuffle(order);

        float[] x = new float[train.size() * train.features()];
        int[] y = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            train.copyInputs(i, x, i * train.features());
            y[i] = train.label(i);
        }
        write(dir.resolve("x.f32"), x);
        write(dir.resolve("y.i32"), y);
        write(dir.resolve("order.i32"), order);
        List<int[]> shapes = new java.util.ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            FloatLayer layer = network.layer(l);
            write(dir.resolve("w" + l + ".f32"), layer.kernelCopy());
            write(dir.resolve("b" + l + ".f32"), layer.biasCopy());
            shapes.add(new int[] {layer.inputs(), layer.units()});
        }

        Gemm gemm = kernel.equals("java") ? new JavaGemm("test") : Gemms.best(1);
        FloatTrainer trainer = new FloatTrainer(network, gemm, Optimizer.sgd(), 0.05, 32);
        FloatTrainer.EpochTotals totals = trainer.trainEpoch(train, order, null);

        JsonNode torch = Python.runScript("torch_epoch.py", Map.of("folder", dir.toString(), "examples",
                train.size(), "inputs", train.features(), "layers", shapes, "hidden", activation, "learning_rate",
                0.05, "batch_size", 32));
        assertThat(totals.meanLoss()).as("mean loss of the epoch").isCloseTo(torch.path("mean_loss").asDouble(),
                within(1e-4));
        double largest = 0;
        for (int l = 0; l < network.depth(); l++) {
            float[] w = read(dir.resolve("w" + l + ".out.f32"));
            float[] b = read(dir.resolve("b" + l + ".out.f32"));
            float[] ours = network.layer(l).kernelCopy();
            assertThat(ours).hasSameSizeAs(w);
            for (int i = 0; i < w.length; i++) {
                largest = Math.max(largest, Math.abs(ours[i] - w[i]));
            }
            float[] ourBias = network.layer(l).biasCopy();
            for (int j = 0; j < b.length; j++) {
                largest = Math.max(largest, Math.abs(ourBias[j] - b[j]));
            }
        }
        assertThat(largest).as("largest difference of a weight or bias from PyTorch's " + torch.path("torch"))
                .isLessThan(1e-4);
        // And training moved them: the check compares trained weights, not the initial ones.
        assertThat(network.layer(0).kernelCopy()).isNotEqualTo(read(dir.resolve("w0.f32")));
    }

    private static void write(Path file, float[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(file, bytes.array());
    }

    private static void write(Path file, int[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        Files.write(file, bytes.array());
    }

    private static float[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
