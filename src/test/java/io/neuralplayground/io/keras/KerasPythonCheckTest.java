package io.neuralplayground.io.keras;

import static io.neuralplayground.io.keras.KerasTestFiles.Format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NamedModel;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.io.export.OnnxTestNetworks;
import io.neuralplayground.testing.Python;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * h5py and Python's zipfile (Debian's python3-h5py) open every file the three Keras writers write, find the
 * weights where Keras' loaders look for them (in Keras 3 files, after the model's own empty {@code vars} group,
 * which Keras 3.0 to 3.5 open unconditionally), and a NumPy forward pass in float32 from what they read gives what
 * {@link Network#predict} gives, within float32 precision. Skipped where h5py is not installed
 * ({@link Python#require}), never on CI.
 */
class KerasPythonCheckTest {
    /** float32 weights and arithmetic against the engine's doubles, as in the ONNX Runtime test. */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    private record Written(Format format, String name, Model model, float[][] inputs) {
        String as() {
            return format + " " + name;
        }
    }

    @Test
    void h5pyReadsEveryFileAsKerasDoesAndNumPyPredictsAsTheEngine() {
        Python.require("numpy", "h5py");
        List<NamedModel> cases = new ArrayList<>(KerasTestFiles.cases());
        cases.addAll(OnnxTestNetworks.cases());
        List<Written> written = new ArrayList<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Format format : Format.values()) {
            for (int c = 0; c < cases.size(); c++) {
                Model model = cases.get(c).model();
                Path file = format.file(dir, "case" + c);
                format.write(model, file);
                float[][] inputs = OnnxTestNetworks.inputs(new Random(c), 17, model.network().inputs());
                written.add(new Written(format, cases.get(c).name(), model, inputs));
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("path", file.toString());
                request.put("kind", switch (format) {
                    case KERAS -> "keras";
                    case WEIGHTS_H5 -> "weights.h5";
                    case LEGACY_H5 -> "h5";
                });
                if (format == Format.WEIGHTS_H5) {
                    request.put("activations", model.network().layers().stream()
                            .map(l -> l.activation().kerasName()).toList());
                }
                request.put("inputs", inputs);
                requests.add(request);
            }
        }

        JsonNode described = Python.runScript("keras_h5_forward.py", Map.of("files", requests));

        assertThat(described).hasSize(written.size());
        for (int f = 0; f < written.size(); f++) {
            check(written.get(f), described.get(f));
        }
    }

    /**
     * The other way round: files h5py writes in Keras' layouts (the oldest HDF5 format, as Keras' own files are,
     * with variable-length and byte-array string attributes and the empty groups Keras leaves) read back as the
     * model, to float32 precision.
     */
    @Test
    void filesH5pyWritesInKerasLayoutsReadAsTheModel() {
        Python.require("numpy", "h5py");
        List<NamedModel> cases = new ArrayList<>(KerasTestFiles.cases());
        cases.add(new NamedModel("wide", OnnxTestNetworks.cases().get(OnnxTestNetworks.cases().size() - 2)
                .model()));
        List<Map<String, Object>> models = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Network network = cases.get(c).model().network();
            List<Map<String, Object>> layers = new ArrayList<>();
            for (DenseLayer layer : network.layers()) {
                layers.add(Map.of("kernel", layer.kernelCopy(), "bias", layer.biasCopy(),
                        "activation", layer.activation().kerasName()));
            }
            models.add(Map.of("name", "case" + c, "inputs", network.inputs(), "layers", layers));
        }

        JsonNode written = Python.runScript("keras_h5_write.py", Map.of("dir", dir.toString(), "models", models));

        assertThat(written).hasSize(cases.size());
        for (int c = 0; c < cases.size(); c++) {
            Network expected = cases.get(c).model().network();
            JsonNode files = written.get(c);
            assertThat(files).hasSize(4);
            Path weights = Path.of(files.get(0).asText());
            Path keras = Path.of(files.get(1).asText());
            Path legacy = Path.of(files.get(2).asText());
            Path legacyWeights = Path.of(files.get(3).asText());
            assertThat(weights.toString()).endsWith(".weights.h5");
            assertThat(keras.toString()).endsWith(".keras");

            Network fromWeights = Format.WEIGHTS_H5.read(weights).network();
            NetworkAssertions.assertFloat32Copy(fromWeights, expected, false);
            assertThat(fromWeights.layers()).extracting(DenseLayer::activation)
                    .isEqualTo(KerasNetworks.defaultActivations(expected.depth()));
            Model fromKeras = Format.KERAS.read(keras);
            NetworkAssertions.assertFloat32Copy(fromKeras.network(), expected, true);
            assertThat(fromKeras.inputs()).isEqualTo(KerasNetworks.defaultInputs(expected.inputs()));
            NetworkAssertions.assertFloat32Copy(Format.LEGACY_H5.read(legacy).network(), expected, true);
            NetworkAssertions.assertFloat32Copy(Format.LEGACY_H5.read(legacyWeights).network(), expected, false);
        }
    }

    private static void check(Written w, JsonNode file) {
        String as = w.as();
        Network network = w.model().network();
        checkDatasets(w, file);
        for (JsonNode g : file.get("groups")) {
            if (w.format() != Format.LEGACY_H5 && g.get("path").asText().equals("vars")) {
                // The model's own variables, which Keras 3.0 to 3.5 open: none, and the group there all the same.
                assertThat(g.get("members").asInt()).as(as + " group " + g).isZero();
            } else {
                assertThat(g.get("members").asInt()).as(as + " group " + g).isPositive();
            }
        }
        if (w.format() != Format.LEGACY_H5) {
            assertThat(file.get("groups").findValuesAsText("path")).as(as).contains("vars");
        }

        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            JsonNode kernel = file.get("kernels").get(l);
            JsonNode bias = file.get("biases").get(l);
            assertThat(kernel).as(as).hasSize(layer.inputs());
            for (int i = 0; i < layer.inputs(); i++) {
                assertThat(kernel.get(i)).as(as).hasSize(layer.units());
                for (int j = 0; j < layer.units(); j++) {
                    assertThat(kernel.get(i).get(j).asDouble()).as("%s layer %d kernel[%d][%d]", as, l, i, j)
                            .isEqualTo((double) (float) layer.weight(i, j));
                }
            }
            assertThat(bias).as(as).hasSize(layer.units());
            for (int j = 0; j < layer.units(); j++) {
                assertThat(bias.get(j).asDouble()).as("%s layer %d bias[%d]", as, l, j)
                        .isEqualTo((double) (float) layer.bias(j));
            }
        }

        JsonNode layers = file.get("layers");
        assertThat(layers).as(as).hasSize(network.depth());
        for (int l = 0; l < network.depth(); l++) {
            assertThat(layers.get(l).get("name").asText()).as(as).isEqualTo(KerasNetworks.layerName(l));
            if (w.format() != Format.WEIGHTS_H5) {
                assertThat(layers.get(l).get("units").asInt()).as(as).isEqualTo(network.layer(l).units());
                assertThat(layers.get(l).get("activation").asText()).as(as)
                        .isEqualTo(network.layer(l).activation().kerasName());
                assertThat(layers.get(l).get("use_bias").asBoolean()).as(as).isTrue();
            }
        }
        if (w.format() != Format.WEIGHTS_H5) {
            assertThat(file.get("input_shape").toString()).as(as).isEqualTo("[null," + network.inputs() + "]");
        }
        switch (w.format()) {
            case KERAS -> {
                List<String> names = new ArrayList<>();
                file.get("entries").forEach(e -> {
                    names.add(e.get("name").asText());
                    assertThat(e.get("compress_type").asInt()).as(as + " " + e).isZero(); // ZIP_STORED
                });
                assertThat(names).as(as).containsExactly("metadata.json", "config.json", "model.weights.h5");
                assertThat(file.at("/metadata/keras_version").asText()).as(as).isEqualTo("3.10.0");
                List<String> inputs = new ArrayList<>();
                file.at("/metadata/neural_playground/inputs").forEach(n -> inputs.add(n.asText()));
                assertThat(inputs).as(as).isEqualTo(w.model().inputs());
                assertThat(file.get("root_attributes")).as(as).isEmpty();
            }
            case WEIGHTS_H5 -> assertThat(file.get("root_attributes").toString()).as(as)
                    .isEqualTo(defaultInputs(w) ? "[]" : "[\"neural_playground\"]");
            case LEGACY_H5 -> {
                assertThat(file.get("keras_version").asText()).as(as).isEqualTo("2.12.0");
                assertThat(file.get("model_weights_keras_version").asText()).as(as).isEqualTo("2.12.0");
                assertThat(file.get("backend").asText()).as(as).isEqualTo("tensorflow");
                assertThat(file.get("root_attributes").toString()).as(as).isEqualTo(defaultInputs(w)
                        ? "[\"backend\",\"keras_version\",\"model_config\"]"
                        : "[\"backend\",\"keras_version\",\"model_config\",\"neural_playground\"]");
                assertThat(file.get("model_weights_attributes").toString()).as(as)
                        .isEqualTo("[\"backend\",\"keras_version\",\"layer_names\"]");
                for (int l = 0; l < network.depth(); l++) {
                    String name = KerasNetworks.layerName(l);
                    assertThat(file.get("layer_names").get(l).asText()).as(as).isEqualTo(name);
                    assertThat(file.get("weight_names").get(l).toString()).as(as)
                            .isEqualTo("[\"" + name + "/kernel:0\",\"" + name + "/bias:0\"]");
                }
            }
            default -> throw new AssertionError(w.format());
        }
        if (w.format() != Format.KERAS && !defaultInputs(w)) {
            List<String> inputs = new ArrayList<>();
            file.at("/neural_playground/inputs").forEach(n -> inputs.add(n.asText()));
            assertThat(inputs).as(as + ": the input names in the root attribute neural_playground")
                    .isEqualTo(w.model().inputs());
        }
        checkPredictions(w, file.get("predictions"));
    }

    /** Whether the model's inputs are x1, x2, …, which the HDF5 files do not spell out. */
    private static boolean defaultInputs(Written w) {
        return w.model().inputs().equals(KerasNetworks.defaultInputs(w.model().network().inputs()));
    }

    /** The datasets are exactly the kernels and biases, where Keras puts them, float32 little-endian, plain. */
    private static void checkDatasets(Written w, JsonNode file) {
        String as = w.as();
        Network network = w.model().network();
        JsonNode datasets = file.get("datasets");
        TreeSet<String> expected = new TreeSet<>();
        for (int l = 0; l < network.depth(); l++) {
            String name = KerasNetworks.layerName(l);
            String kernel;
            String bias;
            if (w.format() == Format.LEGACY_H5) {
                kernel = "model_weights/" + name + "/" + name + "/kernel:0";
                bias = "model_weights/" + name + "/" + name + "/bias:0";
            } else {
                kernel = "layers/" + name + "/vars/0";
                bias = "layers/" + name + "/vars/1";
            }
            expected.add(kernel);
            expected.add(bias);
            DenseLayer layer = network.layer(l);
            assertThat(datasets.at("/" + kernel.replace("/", "~1") + "/shape").toString()).as(as + " " + kernel)
                    .isEqualTo("[" + layer.inputs() + "," + layer.units() + "]");
            assertThat(datasets.at("/" + bias.replace("/", "~1") + "/shape").toString()).as(as + " " + bias)
                    .isEqualTo("[" + layer.units() + "]");
        }
        TreeSet<String> actual = new TreeSet<>();
        datasets.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as(as).isEqualTo(expected);
        datasets.fields().forEachRemaining(d -> {
            assertThat(d.getValue().get("dtype").asText()).as(as + " " + d.getKey()).isEqualTo("float32");
            assertThat(d.getValue().get("byteorder").asText()).as(as + " " + d.getKey()).isEqualTo("<");
            assertThat(d.getValue().get("compression").isNull()).as(as + " " + d.getKey()).isTrue();
            assertThat(d.getValue().get("chunks").asBoolean()).as(as + " " + d.getKey()).isFalse();
        });
    }

    private static void checkPredictions(Written w, JsonNode predictions) {
        Network network = w.model().network();
        double[][] expected = OnnxTestNetworks.predict(network, w.inputs());
        assertThat(predictions).as(w.as()).hasSize(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(predictions.get(r)).as(w.as()).hasSize(network.outputs());
            for (int j = 0; j < network.outputs(); j++) {
                double e = expected[r][j];
                double actual = predictions.get(r).get(j).asDouble();
                double difference = Math.abs(actual - e);
                if (!(difference <= TOLERANCE * Math.max(1, Math.abs(e)))) {
                    fail(w.as() + ": example " + r + ", output " + j + ": NumPy from the file gives " + actual
                            + ", Network.predict " + e + " (difference " + difference + ")");
                }
            }
        }
    }
}
