package io.neuralplayground.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.io.export.ExportChecks;
import io.neuralplayground.testing.Python;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models made in Keras, in the files Keras writes for them ({@code keras_made_files.py} lays them out with h5py as
 * Keras' saving code does: Keras itself cannot be installed here), open as the chain of Dense layers they are: a
 * Functional chain, {@code Dense(use_bias=False)}, an {@code Activation} layer after a linear Dense layer,
 * {@code Dropout}, {@code Flatten} after an input of shape (28, 28); in the {@code .h5} files every layer without
 * weights has Keras' empty float array as its {@code weight_names}. The network opened predicts what a NumPy forward
 * pass with Keras' meaning of every layer predicts, and the notes say what was left out or folded in.
 */
class KerasModelsMadeInKerasTest {
    /** float32 weights and arithmetic against the engine's doubles. */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    /** A model as keras_made_files.py takes it, and what the playground should make of it. */
    private static final class Made {
        final String name;
        final String api;
        final List<Integer> inputShape;
        final List<Map<String, Object>> layers = new ArrayList<>();
        /** The Dense layers the playground should open, in order (activations folded in). */
        final List<DenseLayer> expected = new ArrayList<>();
        final Random random;
        int width;
        Map<String, Path> files;
        double[][] predictions;
        double[][] x;
        List<String> floatWeightNames;

        Made(String name, String api, List<Integer> inputShape, long seed) {
            this.name = name;
            this.api = api;
            this.inputShape = inputShape;
            this.random = new Random(seed);
            this.width = inputShape.stream().reduce(1, (a, b) -> a * b);
        }

        Made dense(int units, String activation, boolean useBias) {
            float[][] kernel = new float[width][units];
            float[] bias = new float[units];
            for (float[] row : kernel) {
                for (int j = 0; j < units; j++) {
                    row[j] = (float) (random.nextGaussian() / Math.sqrt(width));
                }
            }
            for (int j = 0; j < units; j++) {
                bias[j] = useBias ? (float) (0.1 * random.nextGaussian()) : 0;
            }
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("class", "Dense");
            layer.put("units", units);
            layer.put("activation", activation);
            layer.put("use_bias", useBias);
            layer.put("kernel", kernel);
            if (useBias) {
                layer.put("bias", bias);
            }
            layers.add(layer);
            double[][] k = new double[width][units];
            double[] b = new double[units];
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < units; j++) {
                    k[i][j] = kernel[i][j];
                }
            }
            for (int j = 0; j < units; j++) {
                b[j] = bias[j];
            }
            expected.add(new DenseLayer(k, b, Activation.byName(activation)));
            width = units;
            return this;
        }

        Made activation(String activation) {
            layers.add(Map.of("class", "Activation", "activation", activation));
            DenseLayer last = expected.get(expected.size() - 1);
            last.setActivation(Activation.byName(activation));
            return this;
        }

        Made dropout(double rate) {
            layers.add(Map.of("class", "Dropout", "rate", rate));
            return this;
        }

        Made flatten() {
            layers.add(Map.of("class", "Flatten"));
            return this;
        }

        Network network() {
            List<DenseLayer> copies = new ArrayList<>();
            expected.forEach(l -> copies.add(new DenseLayer(l.kernelCopy(), l.biasCopy(), l.activation())));
            return new Network(inputShape.stream().reduce(1, (a, b) -> a * b), copies);
        }

        Map<String, Object> request() {
            // Pixels and features of an ordinary size: far from float32's limits, so float32 and double agree.
            x = new double[9][network().inputs()];
            for (double[] row : x) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = 2 * random.nextDouble() - 1;
                }
            }
            return Map.of("name", name, "api", api, "input_shape", inputShape, "layers", layers, "x", x);
        }
    }

    /** Writes the files of these models with keras_made_files.py. */
    private void make(Made... models) {
        Python.require("numpy", "h5py");
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Made m : models) {
            requests.add(m.request());
        }
        JsonNode made = Python.runScript("keras_made_files.py", Map.of("dir", dir.toString(), "models", requests));
        assertThat(made).hasSize(models.length);
        for (int m = 0; m < models.length; m++) {
            JsonNode result = made.get(m);
            Map<String, Path> files = new LinkedHashMap<>();
            result.get("files").fields().forEachRemaining(e -> files.put(e.getKey(), Path.of(e.getValue().asText())));
            models[m].files = files;
            models[m].predictions = ExportChecks.matrix(result.get("predictions"));
            List<String> floatWeightNames = new ArrayList<>();
            result.get("float_weight_names").forEach(n -> floatWeightNames.add(n.asText()));
            models[m].floatWeightNames = floatWeightNames;
        }
    }

    /**
     * Opens every file of {@code made}: the .keras and .h5 models as the network they describe (their activations,
     * their predictions those of Keras), the weights files with the weights and default activations; returns the
     * notes of the .keras model, after checking that the .h5 model has the same.
     */
    private static List<String> openAll(Made made) {
        Network expected = made.network();
        ImportedModel keras = new KerasArchive().importModel(made.files.get("keras"));
        ImportedModel h5 = new KerasLegacyH5().importModel(made.files.get("h5"));
        for (ImportedModel model : List.of(keras, h5)) {
            NetworkAssertions.assertSameNetwork(model.model().network(), expected, false, true, made.name);
            assertPredicts(model.model().network(), made);
            assertThat(model.model().inputs()).isEqualTo(KerasNetworks.defaultInputs(expected.inputs()));
        }
        assertThat(h5.notes()).as("notes of the .h5 model").isEqualTo(keras.notes());
        for (String weightsOnly : List.of("weights.h5", "weights-only.h5")) {
            Path file = made.files.get(weightsOnly);
            ImportedModel weights = weightsOnly.equals("weights.h5") ? new KerasWeightsH5().importModel(file)
                    : new KerasLegacyH5().importModel(file);
            NetworkAssertions.assertSameNetwork(weights.model().network(), expected, false, false,
                    made.name + " " + weightsOnly);
            assertThat(weights.model().network().layers()).extracting(DenseLayer::activation)
                    .isEqualTo(KerasNetworks.defaultActivations(expected.depth()));
        }
        return keras.notes();
    }

    private static void assertPredicts(Network network, Made made) {
        for (int r = 0; r < made.x.length; r++) {
            double[] y = network.predict(made.x[r]);
            assertThat(y).as(made.name).hasSize(made.predictions[r].length);
            for (int j = 0; j < y.length; j++) {
                double e = made.predictions[r][j];
                if (!(Math.abs(y[j] - e) <= TOLERANCE * Math.max(1, Math.abs(e)))) {
                    fail(made.name + ": example " + r + ", output " + j + ": Keras' meaning of the layers gives " + e
                            + ", the network opened " + y[j]);
                }
            }
        }
    }

    @Test
    void aFunctionalChainOfDenseLayersOpens() {
        Made made = new Made("functional", "functional", List.of(3), 1).dense(4, "tanh", true)
                .dense(2, "softmax", true);
        make(made);

        List<String> notes = openAll(made);

        assertThat(notes).isEmpty();
        assertThat(new KerasWeightsH5().importModel(made.files.get("weights.h5")).notes())
                .as("the input_layer group of a Functional model needs no note").isEmpty();
    }

    @Test
    void aDenseLayerWithoutBiasOpensWithBiasesOfZero() {
        Made made = new Made("no-bias", "sequential", List.of(2), 2).dense(3, "relu", false)
                .dense(1, "sigmoid", true);
        make(made);

        List<String> notes = openAll(made);

        assertThat(notes).singleElement().asString().contains("'dense'", "use_bias=False", "biases are 0");
        assertThat(new KerasWeightsH5().importModel(made.files.get("weights.h5")).notes()).singleElement()
                .asString().contains("layers/dense", "no bias", "use_bias=False");
    }

    @Test
    void anActivationLayerIsFoldedIntoTheLinearDenseLayerBeforeIt() {
        Made made = new Made("activation", "sequential", List.of(2), 3).dense(3, "linear", true)
                .activation("relu").dense(2, "linear", true).activation("softmax");
        make(made);

        List<String> notes = openAll(made);

        assertThat(made.network().layers()).extracting(DenseLayer::activation)
                .containsExactly(Activation.RELU, Activation.SOFTMAX);
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).contains("'activation' (Activation, relu)", "folded into the Dense layer 'dense'");
        assertThat(notes.get(1)).contains("'activation_1' (Activation, softmax)", "'dense_1'");
    }

    @Test
    void dropoutIsLeftOutAndTheNotesSaySo() {
        Made made = new Made("dropout", "sequential", List.of(4), 4).dense(5, "relu", true).dropout(0.5)
                .dense(1, "linear", true);
        make(made);

        List<String> notes = openAll(made);

        assertThat(notes).singleElement().asString().contains("'dropout' (Dropout, rate 0.5)", "left out",
                "unchanged when it predicts");
        assertThat(new KerasWeightsH5().importModel(made.files.get("weights.h5")).notes()).singleElement()
                .asString().contains("'layers/dropout' holds no weights and is left out");
        assertThat(new KerasLegacyH5().importModel(made.files.get("weights-only.h5")).notes()).singleElement()
                .asString().contains("'dropout' holds no weights and is left out");
    }

    /** The lecture's image model: 28 × 28 pixels flattened row by row into 784 inputs. */
    @Test
    void anImageModelWithFlattenOpensWith784Inputs() {
        Made sequential = new Made("image", "sequential", List.of(28, 28), 5).flatten().dense(16, "relu", true)
                .dropout(0.2).dense(10, "softmax", true);
        Made functional = new Made("image-functional", "functional", List.of(28, 28), 6).flatten()
                .dense(8, "linear", false).activation("tanh").dropout(0.25).dense(3, "sigmoid", true);
        make(sequential, functional);

        List<String> notes = openAll(sequential);
        List<String> functionalNotes = openAll(functional);

        assertThat(new KerasArchive().read(sequential.files.get("keras")).network().inputs()).isEqualTo(784);
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).contains("'flatten' (Flatten)", "(28, 28)", "784 inputs");
        assertThat(notes.get(1)).contains("'dropout'");
        assertThat(functionalNotes).hasSize(4);
        assertThat(String.join("\n", functionalNotes)).contains("(28, 28)", "use_bias=False", "tanh", "Dropout");
    }

    /**
     * Keras writes the weight_names of a layer without weights as an empty float array (np.asarray([])), not an
     * array of strings: read as no weights, in a model file and in a weights-only file.
     */
    @Test
    void anEmptyFloatArrayOfWeightNamesIsALayerWithoutWeights() {
        Made made = new Made("empty-weight-names", "sequential", List.of(3), 7).dense(2, "tanh", true).dropout(0.1)
                .dense(1, "linear", true);
        make(made);
        assertThat(made.floatWeightNames).as("the layers whose weight_names h5py wrote as float64")
                .containsExactlyInAnyOrder("dropout", "top_level_model_weights");

        NetworkAssertions.assertSameNetwork(new KerasLegacyH5().read(made.files.get("h5")).network(),
                made.network(), false, true, "h5");
        NetworkAssertions.assertSameNetwork(new KerasLegacyH5().read(made.files.get("weights-only.h5")).network(),
                made.network(), false, false, "weights-only h5");
    }
}
