package io.neuralplayground.io.keras;

import static io.neuralplayground.io.NetworkAssertions.assertFloat32Copy;
import static io.neuralplayground.io.keras.KerasTestFiles.Entry;
import static io.neuralplayground.io.keras.KerasTestFiles.Format;
import static io.neuralplayground.io.keras.KerasTestFiles.LayerData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.object.datatype.FloatingPoint;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NamedModel;
import io.neuralplayground.io.files.Hdf5Files;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three Keras formats: hand-built models read back to float32 precision with their shapes (and activations
 * and input names where the format keeps them); the files laid out as Keras lays them out, looked at with jhdf
 * and java.util.zip rather than through the readers; and every kind of bad file refused with a
 * {@link PlaygroundException} that names the file.
 */
class KerasFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> formatsAndCases() {
        List<Arguments> arguments = new ArrayList<>();
        for (Format format : Format.values()) {
            for (NamedModel c : KerasTestFiles.cases()) {
                arguments.add(Arguments.of(format, c));
            }
        }
        return arguments.stream();
    }

    // Round trips

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndCases")
    void aModelReadsBackToFloat32Precision(Format format, NamedModel testCase) {
        Model model = testCase.model();
        Path file = format.file(dir, "model");

        format.write(model, file);
        Model back = format.read(file);

        assertFloat32Copy(back.network(), model.network(), format.keepsActivations);
        if (format.keepsInputs) {
            assertThat(back.inputs()).isEqualTo(model.inputs());
        } else {
            assertThat(back.inputs()).isEqualTo(KerasNetworks.defaultInputs(model.network().inputs()));
        }
        assertThat(back.extras()).isEmpty();
    }

    /**
     * A .weights.h5 holds no activations: as KerasWeightsH5's documentation says, hidden layers come back tanh and
     * the output layer linear, whatever they were.
     */
    @Test
    void aWeightsFileGivesTheDocumentedActivations() {
        Model model = KerasTestFiles.cases().get(4).model(); // elu, leaky_relu, softmax
        Path file = Format.WEIGHTS_H5.file(dir, "model");

        Format.WEIGHTS_H5.write(model, file);
        Network back = Format.WEIGHTS_H5.read(file).network();

        assertThat(back.layers()).extracting(DenseLayer::activation)
                .containsExactly(Activation.TANH, Activation.TANH, Activation.LINEAR);
        assertThat(KerasNetworks.defaultActivations(3))
                .containsExactly(Activation.TANH, Activation.TANH, Activation.LINEAR);
        assertThat(Format.WEIGHTS_H5.read(writeOneLayer(Format.WEIGHTS_H5)).network().layer(0).activation())
                .isEqualTo(Activation.LINEAR);
    }

    private Path writeOneLayer(Format format) {
        Path file = format.file(dir, "one-layer");
        format.write(KerasTestFiles.cases().get(2).model(), file);
        return file;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void writingAgainReplacesTheFileAndGivesTheSameModel(Format format) throws IOException {
        Path file = format.file(dir, "model");
        format.write(KerasTestFiles.cases().get(1).model(), file);
        Model small = KerasTestFiles.small();

        format.write(small, file);

        assertFloat32Copy(format.read(file).network(), small.network(), format.keepsActivations);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /**
     * The names of the inputs come back from every format: the playground's seven features (not x1 … x7), a CSV's
     * columns a and b (not x1, x2).
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void inputNamesComeBackFromEveryFormat(Format format) {
        List<String> seven = List.of("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2");
        Model features = new Model(seven, new Network(7, List.of(new DenseLayer(7, 3, Activation.TANH),
                new DenseLayer(3, 1, Activation.TANH))));
        Model csv = new Model(List.of("a", "b"), KerasTestFiles.small().network());

        for (Model model : List.of(features, csv)) {
            Path file = format.file(dir, "named-" + model.network().inputs());
            format.write(model, file);
            assertThat(format.read(file).inputs()).as(format + " " + model.inputs()).isEqualTo(model.inputs());
        }
    }

    /**
     * The HDF5 files keep names in a root attribute neural_playground, the JSON {"inputs": […]}, which Keras neither
     * writes nor reads; x1, x2, … are not spelled out, so that such a file is laid out exactly as Keras lays it out.
     */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"WEIGHTS_H5", "LEGACY_H5"})
    void theHdf5FilesKeepNamesOtherThanTheDefaultsInARootAttribute(Format format) throws IOException {
        Model named = new Model(List.of("petal length (cm)", "Größe \"x\""), KerasTestFiles.small().network());
        Path file = format.file(dir, "named");
        format.write(named, file);
        Path plain = format.file(dir, "plain");
        format.write(KerasTestFiles.small(), plain);

        try (HdfFile hdf = new HdfFile(file)) {
            JsonNode ours = JSON.readTree((String) hdf.getAttribute("neural_playground").getData());
            assertThat(ours.toString()).isEqualTo("{\"inputs\":[\"petal length (cm)\",\"Größe \\\"x\\\"\"]}");
        }
        try (HdfFile hdf = new HdfFile(plain)) {
            assertThat(hdf.getAttributes()).doesNotContainKey("neural_playground");
        }
    }

    @Test
    void badInputNamesInAnHdf5FileAreRefused() {
        List<LayerData> layers = KerasTestFiles.layerData(KerasTestFiles.small().network());
        List<String> bad = List.of("{\"inputs\": [\"a\"]}", "{\"inputs\": [\"a\", \"a\"]}", "{\"inputs\": [\"a\", 3]}",
                "{\"inputs\": \"a, b\"}", "{");
        String[] said = {"names 1 inputs, but the model has 2", "two inputs are named", "input 2 has no usable name",
            "not a list of input names", "not valid JSON"};
        for (int b = 0; b < bad.size(); b++) {
            String attribute = bad.get(b);
            Path weights = dir.resolve("names-" + b + ".weights.h5");
            KerasTestFiles.writeHdf5(weights, hdf -> {
                hdf.putAttribute("neural_playground", attribute);
                WritableGroup group = hdf.putGroup("layers");
                for (int l = 0; l < layers.size(); l++) {
                    WritableGroup vars = group.putGroup(KerasNetworks.layerName(l)).putGroup("vars");
                    vars.putDataset("0", layers.get(l).kernel());
                    vars.putDataset("1", layers.get(l).bias());
                }
            });
            assertRefused(Format.WEIGHTS_H5, weights).hasMessageContaining("neural_playground")
                    .hasMessageContaining(said[b]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"WEIGHTS_H5", "LEGACY_H5"})
    void namesTooLongForAnHdf5AttributeAreRefusedWithAdvice(Format format) {
        Path file = format.file(dir, "long-names");
        Model model = new Model(List.of("a".repeat(30_000), "b".repeat(30_000)), KerasTestFiles.small().network());

        assertThatThrownBy(() -> format.write(model, file)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("save it as a Keras model (.keras)");
        assertThat(file).doesNotExist();
    }

    // The layout of the files, seen with jhdf and java.util.zip

    @Test
    void aWeightsFileIsLaidOutAsKeras3LaysItOut() {
        Model model = KerasTestFiles.cases().get(4).model();

        Path file = written(Format.WEIGHTS_H5, model);

        try (HdfFile hdf = new HdfFile(file)) {
            assertKeras3Weights(hdf, model.network());
            assertThat(hdf.getAttributes()).as("attributes of the root").isEmpty();
        }
    }

    private static void assertKeras3Weights(HdfFile hdf, Network network) {
        assertThat(hdf.getChildren().keySet()).containsExactlyInAnyOrder("layers", "vars");
        assertModelVars(hdf);
        Group layers = (Group) hdf.getChild("layers");
        List<String> names = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            names.add(l == 0 ? "dense" : "dense_" + l);
        }
        assertThat(new TreeSet<>(layers.getChildren().keySet())).containsExactlyElementsOf(new TreeSet<>(names));
        List<String> datasetPaths = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            String name = names.get(l);
            Group layer = (Group) layers.getChild(name);
            assertThat(layer.getChildren().keySet()).as(name).containsExactly("vars");
            Group vars = (Group) layer.getChild("vars");
            assertThat(new TreeSet<>(vars.getChildren().keySet())).as(name).containsExactly("0", "1");
            assertKernel(hdf.getDatasetByPath("layers/" + name + "/vars/0"), network.layer(l));
            assertBias(hdf.getDatasetByPath("layers/" + name + "/vars/1"), network.layer(l));
            datasetPaths.add("/layers/" + name + "/vars/0");
            datasetPaths.add("/layers/" + name + "/vars/1");
        }
        assertOnlyEmptyGroupsAndExactly(hdf, List.of("/vars/"), datasetPaths);
    }

    static Stream<Arguments> keras3FormatsAndCases() {
        return formatsAndCases().filter(a -> a.get()[0] != Format.LEGACY_H5);
    }

    /**
     * Keras 3.0 to 3.5 load weights only from a file with the model's own {@code vars} group (Keras writes it, empty,
     * in every file): every file written has it, whatever the network (and so whatever jhdf writes last).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keras3FormatsAndCases")
    void everyKeras3FileHasTheModelsOwnEmptyVarsGroup(Format format, NamedModel testCase) {
        byte[] bytes = format.bytes(testCase.model(), dir);
        if (format == Format.KERAS) {
            bytes = KerasTestFiles.content(KerasTestFiles.kerasEntries(testCase.model(), dir), "model.weights.h5");
        }

        try (HdfFile hdf = HdfFile.fromBytes(bytes)) {
            assertThat(hdf.getChildren().keySet()).containsExactlyInAnyOrder("layers", "vars");
            assertModelVars(hdf);
            assertThat(((Group) hdf.getChild("layers")).getChildren()).hasSize(testCase.model().network().depth());
        }
    }

    /**
     * The root group {@code vars} Keras 3.0 to 3.5 open unconditionally when they load weights: there, a group,
     * and empty (a Sequential model has no variables of its own).
     */
    private static void assertModelVars(HdfFile hdf) {
        Node vars = hdf.getChild("vars");
        assertThat(vars).as("the root group vars").isInstanceOf(Group.class);
        assertThat(((Group) vars).getChildren()).as("children of the root group vars").isEmpty();
        assertThat(vars.getAttributes()).as("attributes of the root group vars").isEmpty();
    }

    /** Every group but {@code emptyGroups} has a child, and these are all the datasets. */
    private static void assertOnlyEmptyGroupsAndExactly(HdfFile hdf, List<String> emptyGroups,
            List<String> datasetPaths) {
        List<Group> groups = new ArrayList<>();
        List<Dataset> datasets = new ArrayList<>();
        KerasTestFiles.walk(hdf, groups, datasets);
        for (Group group : groups) {
            if (!emptyGroups.contains(group.getPath())) {
                assertThat(group.getChildren()).as("children of group %s", group.getPath()).isNotEmpty();
            }
        }
        assertThat(datasets).extracting(Node::getPath).containsExactlyInAnyOrderElementsOf(datasetPaths);
    }

    private static void assertFloat32(Dataset dataset) {
        assertThat(dataset.getJavaType()).as(dataset.getPath()).isEqualTo(float.class);
        assertThat(dataset.getDataType()).as(dataset.getPath()).isInstanceOf(FloatingPoint.class);
        assertThat(dataset.getDataType().getSize()).as(dataset.getPath()).isEqualTo(4);
        assertThat(((FloatingPoint) dataset.getDataType()).getByteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(dataset.getFilters()).as("compression of %s", dataset.getPath()).isEmpty();
    }

    private static void assertKernel(Dataset kernel, DenseLayer layer) {
        assertFloat32(kernel);
        assertThat(kernel.getDimensions()).as(kernel.getPath()).containsExactly(layer.inputs(), layer.units());
        float[][] values = (float[][]) kernel.getData();
        for (int i = 0; i < layer.inputs(); i++) {
            for (int j = 0; j < layer.units(); j++) {
                assertThat(values[i][j]).as("%s[%d][%d]", kernel.getPath(), i, j).isEqualTo((float) layer.weight(i, j));
            }
        }
    }

    private static void assertBias(Dataset bias, DenseLayer layer) {
        assertFloat32(bias);
        assertThat(bias.getDimensions()).as(bias.getPath()).containsExactly(layer.units());
        float[] values = (float[]) bias.getData();
        for (int j = 0; j < layer.units(); j++) {
            assertThat(values[j]).as("%s[%d]", bias.getPath(), j).isEqualTo((float) layer.bias(j));
        }
    }

    @Test
    void aLegacyFileIsLaidOutAsKeras2LaysItOut() throws IOException {
        Model model = KerasTestFiles.cases().get(4).model();
        Network network = model.network();

        Path file = written(Format.LEGACY_H5, model);

        try (HdfFile hdf = new HdfFile(file)) {
            assertThat(hdf.getAttributes().keySet())
                    .containsExactlyInAnyOrder("keras_version", "backend", "model_config");
            assertThat(hdf.getAttribute("keras_version").getData()).isEqualTo("2.12.0");
            assertThat(hdf.getAttribute("backend").getData()).isEqualTo("tensorflow");
            JsonNode config = JSON.readTree((String) hdf.getAttribute("model_config").getData());
            JsonNode layers = assertSequentialConfig(config, network);
            assertThat(layers.at("/0/config/batch_input_shape").toString()).isEqualTo("[null,2]");

            assertThat(hdf.getChildren().keySet()).containsExactly("model_weights");
            Group weights = (Group) hdf.getChild("model_weights");
            assertThat(weights.getAttributes().keySet())
                    .containsExactlyInAnyOrder("layer_names", "backend", "keras_version");
            assertThat(strings(weights.getAttribute("layer_names"))).containsExactly("dense", "dense_1", "dense_2");
            assertThat(weights.getAttribute("backend").getData()).isEqualTo("tensorflow");
            assertThat(weights.getAttribute("keras_version").getData()).isEqualTo("2.12.0");
            List<String> datasetPaths = new ArrayList<>();
            for (int l = 0; l < network.depth(); l++) {
                String name = l == 0 ? "dense" : "dense_" + l;
                Group layer = (Group) weights.getChild(name);
                assertThat(layer.getAttributes().keySet()).as(name).containsExactly("weight_names");
                assertThat(strings(layer.getAttribute("weight_names")))
                        .containsExactly(name + "/kernel:0", name + "/bias:0");
                assertThat(layer.getChildren().keySet()).containsExactly(name);
                String kernel = "/model_weights/" + name + "/" + name + "/kernel:0";
                String bias = "/model_weights/" + name + "/" + name + "/bias:0";
                assertKernel(hdf.getDatasetByPath(kernel), network.layer(l));
                assertBias(hdf.getDatasetByPath(bias), network.layer(l));
                datasetPaths.add(kernel);
                datasetPaths.add(bias);
            }
            assertOnlyEmptyGroupsAndExactly(hdf, List.of(), datasetPaths);
        }
    }

    private static List<String> strings(Attribute attribute) {
        Object data = attribute.getData();
        assertThat(data).as(attribute.getName()).isInstanceOf(String[].class);
        return List.of((String[]) data);
    }

    /**
     * A Sequential model's config: an InputLayer, then a Dense layer per layer of {@code network} with its name,
     * units and activation; returns the layers.
     */
    private static JsonNode assertSequentialConfig(JsonNode config, Network network) {
        assertThat(config.get("class_name").asText()).isEqualTo("Sequential");
        JsonNode layers = config.at("/config/layers");
        assertThat(layers).hasSize(network.depth() + 1);
        assertThat(layers.at("/0/class_name").asText()).isEqualTo("InputLayer");
        assertDenseConfigs(layers, network);
        return layers;
    }

    private static void assertDenseConfigs(JsonNode layers, Network network) {
        for (int l = 0; l < network.depth(); l++) {
            JsonNode dense = layers.get(l + 1);
            String as = "layer " + l;
            assertThat(dense.get("class_name").asText()).as(as).isEqualTo("Dense");
            assertThat(dense.at("/config/name").asText()).as(as).isEqualTo(l == 0 ? "dense" : "dense_" + l);
            assertThat(dense.at("/config/units").asInt()).as(as).isEqualTo(network.layer(l).units());
            assertThat(dense.at("/config/activation").asText()).as(as)
                    .isEqualTo(network.layer(l).activation().kerasName());
            assertThat(dense.at("/config/use_bias").isBoolean()).as(as).isTrue();
            assertThat(dense.at("/config/use_bias").asBoolean()).as(as).isTrue();
        }
    }

    @Test
    void aKerasArchiveIsLaidOutAsKeras3LaysItOut() throws IOException {
        Model model = KerasTestFiles.cases().get(1).model();
        Network network = model.network();

        Path file = written(Format.KERAS, model);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            Collections.list(zip.entries()).forEach(e -> {
                names.add(e.getName());
                assertThat(e.getMethod()).as("method of %s in the central directory", e.getName())
                        .isEqualTo(ZipEntry.STORED);
                assertThat(e.getCompressedSize()).isEqualTo(e.getSize());
            });
            assertThat(names).containsExactly("metadata.json", "config.json", "model.weights.h5");

            JsonNode metadata = JSON.readTree(zip.getInputStream(zip.getEntry("metadata.json")));
            assertThat(metadata.get("keras_version").asText()).isEqualTo("3.10.0");
            assertThat(metadata.get("date_saved").asText()).matches("\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d");
            assertThat(metadata.at("/neural_playground/inputs").toString())
                    .isEqualTo(JSON.writeValueAsString(model.inputs()));

            JsonNode config = JSON.readTree(zip.getInputStream(zip.getEntry("config.json")));
            JsonNode layers = assertSequentialConfig(config, network);
            assertThat(config.get("module").asText()).isEqualTo("keras");
            assertThat(config.at("/build_config/input_shape").toString()).isEqualTo("[null,3]");
            assertThat(layers.at("/0/config/batch_shape").toString()).isEqualTo("[null,3]");
            assertThat(layers.at("/0/config/dtype").asText()).isEqualTo("float32");
            assertThat(layers.at("/2/build_config/input_shape").toString()).isEqualTo("[null,4]");

            Path weights = dir.resolve("unpacked.weights.h5");
            Files.write(weights, zip.getInputStream(zip.getEntry("model.weights.h5")).readAllBytes());
            try (HdfFile hdf = new HdfFile(weights)) {
                assertKeras3Weights(hdf, network);
            }
        }
        // The local headers agree: every entry stored, none with a data descriptor to look up later.
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            int count = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getMethod()).as("method of %s in its local header", e.getName())
                        .isEqualTo(ZipEntry.STORED);
                count++;
            }
            assertThat(count).isEqualTo(3);
        }
    }

    @Test
    void theConfigOfAKerasArchiveIsWhatKeras3Writes() throws IOException {
        Model model = KerasTestFiles.small();
        String config = KerasTestFiles.text(KerasTestFiles.kerasEntries(model, dir), "config.json");

        JsonNode dense = JSON.readTree(config).at("/config/layers/1");

        assertThat(config).startsWith("{\"module\": \"keras\", \"class_name\": \"Sequential\", ");
        assertThat(dense.get("module").asText()).isEqualTo("keras.layers");
        assertThat(dense.at("/config/dtype/config/name").asText()).isEqualTo("float32");
        assertThat(dense.at("/config/kernel_initializer/class_name").asText()).isEqualTo("GlorotUniform");
        assertThat(dense.at("/config/bias_initializer/class_name").asText()).isEqualTo("Zeros");
        assertThat(dense.at("/build_config/input_shape").toString()).isEqualTo("[null,2]");
    }

    // Files Keras writes that the writers do not: read all the same

    @Test
    void aKeras2WeightsOnlyFileReadsWithTheDefaultActivations() {
        Model model = KerasTestFiles.small();
        Path file = dir.resolve("weights.h5");
        List<LayerData> layers = KerasTestFiles.layerData(model.network());
        KerasTestFiles.writeHdf5(file, hdf -> {
            hdf.putAttribute("layer_names", new String[] {"dense", "dense_1"});
            hdf.putAttribute("backend", "tensorflow");
            hdf.putAttribute("keras_version", "2.12.0");
            for (int l = 0; l < 2; l++) {
                String name = KerasNetworks.layerName(l);
                var layer = hdf.putGroup(name);
                layer.putAttribute("weight_names", new String[] {name + "/kernel:0", name + "/bias:0"});
                var variables = layer.putGroup(name);
                variables.putDataset("kernel:0", layers.get(l).kernel());
                variables.putDataset("bias:0", layers.get(l).bias());
            }
        });

        Network back = Format.LEGACY_H5.read(file).network();

        assertFloat32Copy(back, model.network(), false);
        assertThat(back.layers()).extracting(DenseLayer::activation)
                .containsExactly(Activation.TANH, Activation.LINEAR);
    }

    @Test
    void aKeras213WeightsFileReads() {
        Model model = KerasTestFiles.small();
        Path file = dir.resolve("old.weights.h5");
        List<LayerData> layers = KerasTestFiles.layerData(model.network());
        KerasTestFiles.writeHdf5(file, hdf -> {
            var group = hdf.putGroup("_layer_checkpoint_dependencies");
            for (int l = 0; l < 2; l++) {
                var vars = group.putGroup(KerasNetworks.layerName(l)).putGroup("vars");
                vars.putDataset("0", layers.get(l).kernel());
                vars.putDataset("1", layers.get(l).bias());
            }
        });

        assertFloat32Copy(Format.WEIGHTS_H5.read(file).network(), model.network(), false);
    }

    @Test
    void float64WeightsReadAsTheyAre() {
        Path file = dir.resolve("float64.weights.h5");
        KerasTestFiles.writeWeightsH5(file, List.of(new LayerData(new double[][] {{0.1, 1.0 / 3}},
                new double[] {Math.PI, -0.2})));

        Network back = Format.WEIGHTS_H5.read(file).network();

        assertThat(back.layer(0).weight(0, 1)).isEqualTo(1.0 / 3);
        assertThat(back.layer(0).bias(0)).isEqualTo(Math.PI);
    }

    // Bad files: each refused with a PlaygroundException naming the file

    @ParameterizedTest
    @EnumSource(Format.class)
    void anEmptyFileIsRefused(Format format) throws IOException {
        Path file = format.file(dir, "empty");
        Files.write(file, new byte[0]);

        assertRefused(format, file).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aMissingFileIsRefused(Format format) {
        Path file = format.file(dir, "missing");

        assertRefused(format, file);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aTruncatedFileIsRefusedWhereverItIsCut(Format format) {
        byte[] bytes = format.bytes(KerasTestFiles.cases().get(4).model(), dir);
        int n = bytes.length;
        TreeSet<Integer> cuts = new TreeSet<>(List.of(1, 3, 4, 7, 8, 9, 12, 20, 40, 47, 48, 64, 100, 200, 400, 800,
                n / 4, n / 3, n / 2, 2 * n / 3, 3 * n / 4, n - 200, n - 100, n - 22, n - 21, n - 16, n - 8, n - 2,
                n - 1));
        cuts.removeIf(cut -> cut < 1 || cut >= n);
        for (int cut : cuts) {
            Path file = format.file(dir, "cut-" + cut);
            KerasTestFiles.write(file, java.util.Arrays.copyOf(bytes, cut));

            assertRefused(format, file);
        }
    }

    /** A superblock of version 0 or 1 (as h5py writes) keeps the size of addresses in byte 13. */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"WEIGHTS_H5", "LEGACY_H5"})
    void aFileCutInAVersion0SuperblockIsRefusedAsTruncated(Format format) {
        for (int version = 0; version <= 1; version++) {
            for (int length = 9; length <= 13; length++) {
                byte[] bytes = java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n',
                    (byte) version}, length);
                Path file = format.file(dir, "cut-v" + version + "-" + length);
                KerasTestFiles.write(file, bytes);

                assertRefused(format, file).hasMessageContaining("truncated");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void garbledBytesAreRefused(Format format) {
        Random random = new Random(7);
        byte[] valid = format.bytes(KerasTestFiles.small(), dir);
        List<byte[]> garbled = new ArrayList<>();
        garbled.add(randomBytes(random, 1000));
        garbled.add(randomBytes(random, 3));
        garbled.add("{\"format\": \"neural-playground-model\"}".getBytes(StandardCharsets.UTF_8));
        garbled.add(withPrefix(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'},
                randomBytes(random, 2000)));
        garbled.add(withPrefix(new byte[] {'P', 'K', 3, 4}, randomBytes(random, 2000)));
        garbled.add(withPrefix(new byte[] {'P', 'K', 5, 6}, new byte[18]));
        byte[] flipped = valid.clone();
        for (int i = 8; i < flipped.length; i++) {
            flipped[i] ^= 0x55;
        }
        garbled.add(flipped);
        for (int g = 0; g < garbled.size(); g++) {
            Path file = format.file(dir, "garbled-" + g);
            KerasTestFiles.write(file, garbled.get(g));

            assertRefused(format, file);
        }
    }

    /** The superblock damaged, byte by byte after the signature: its checksum (version 2 and 3) catches it all. */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"WEIGHTS_H5", "LEGACY_H5"})
    void aDamagedHdf5HeaderIsRefused(Format format) {
        byte[] valid = format.bytes(KerasTestFiles.small(), dir);
        for (int at = 8; at < 48; at++) {
            for (byte value : new byte[] {(byte) 0xff, 0x00, 0x7f}) {
                if (valid[at] == value) {
                    continue;
                }
                byte[] damaged = valid.clone();
                damaged[at] = value;
                Path file = format.file(dir, "header-" + at + "-" + value);
                KerasTestFiles.write(file, damaged);

                // A damaged end-of-file address reads as a truncated file, and is refused as one.
                assertRefused(format, file).hasMessageMatching("(?s).*(damaged HDF5 file|the file is truncated).*");
            }
        }
    }

    /**
     * An object header whose size field claims up to 2 GiB, in every object header of the file, one at a time:
     * refused at once. (Read through a FileChannel, jhdf allocated and zeroed the claimed size first, which took
     * long enough to look like a hang; the fuzz properties found it.)
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void anObjectHeaderClaimingGigabytesIsRefusedAtOnce(Format format) throws IOException {
        byte[] valid = format == Format.KERAS
                ? KerasTestFiles.content(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir), "model.weights.h5")
                : format.bytes(KerasTestFiles.small(), dir);
        List<Integer> headers = new ArrayList<>();
        for (int at = indexOf(valid, OHDR, 0); at >= 0; at = indexOf(valid, OHDR, at + 1)) {
            headers.add(at);
        }
        assertThat(headers).hasSizeGreaterThan(5);
        for (int at : headers) {
            // Version 2: "OHDR", version, flags, (times, attribute phase change,) the size of chunk 0 in 1 to 8
            // bytes as the flags' two low bits say. jhdf writes 4 bytes and no times.
            assertThat(valid[at + 5] & 0b11).isEqualTo(2);
            assertThat(valid[at + 5] & 0b110000).isZero();
            for (long claimed : new long[] {0x1000_0000L, 0x4000_0000L, 0x7fff_fff0L, 0xffff_fff0L}) {
                byte[] damaged = valid.clone();
                putInt(damaged, at + 6, claimed);
                Path file = format.file(dir, "ohdr-" + at + "-" + claimed);
                Files.write(file, format == Format.KERAS ? KerasTestFiles.zip(KerasTestFiles.replaced(
                        KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir), "model.weights.h5", damaged))
                        : damaged);

                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRefused(format, file)
                        .hasMessageContaining("damaged HDF5 file"));
            }
        }
    }

    private static final byte[] OHDR = "OHDR".getBytes(StandardCharsets.US_ASCII);

    /** HDF5 files are read into memory: one larger than the limit is refused before (a sparse file, no disk used). */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"WEIGHTS_H5", "LEGACY_H5"})
    void anHdf5FileTooLargeToReadIsRefused(Format format) throws IOException {
        Path file = format.file(dir, "huge");
        Files.write(file, format.bytes(KerasTestFiles.small(), dir));
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0}), Hdf5Files.MAX_FILE_BYTES);
        }

        assertRefused(format, file).hasMessageContaining((Hdf5Files.MAX_FILE_BYTES + 1) + " bytes")
                .hasMessageContaining("1024 MiB");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"WEIGHTS_H5", "LEGACY_H5"})
    void anHdf5FileNotInKerasLayoutIsRefused(Format format) {
        Path file = format.file(dir, "foo");
        KerasTestFiles.writeHdf5(file, hdf -> hdf.putDataset("foo", new float[] {1, 2, 3}));

        assertRefused(format, file).hasMessageContaining("not a Keras");
    }

    @Test
    void anHdf5FileIsNotAKerasArchive() {
        Path file = dir.resolve("foo.keras");
        KerasTestFiles.writeHdf5(file, hdf -> hdf.putDataset("foo", new float[] {1, 2, 3}));

        assertRefused(Format.KERAS, file).hasMessageContaining("it is an HDF5 file");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"WEIGHTS_H5", "LEGACY_H5"})
    void aKerasArchiveIsNotAnHdf5File(Format format) {
        Path file = format.file(dir, "archive");
        KerasTestFiles.write(file, Format.KERAS.bytes(KerasTestFiles.small(), dir));

        assertRefused(format, file).hasMessageContaining("zip archive");
    }

    @Test
    void aLegacyFileIsNotAWeightsFileAndTheOtherWayRound() {
        Path legacy = dir.resolve("legacy.weights.h5");
        Format.LEGACY_H5.write(KerasTestFiles.small(), legacy);
        Path weights = dir.resolve("weights.h5");
        Format.WEIGHTS_H5.write(KerasTestFiles.small(), weights);

        assertRefused(Format.WEIGHTS_H5, legacy).hasMessageContaining("no group 'layers'");
        assertRefused(Format.LEGACY_H5, weights).hasMessageContaining("open it as a Keras weights file");
    }

    @Test
    void aKerasArchiveWhoseWeightsAreNotInKerasLayoutIsRefused() {
        byte[] foo = KerasTestFiles.hdf5Bytes(dir, hdf -> hdf.putDataset("foo", new float[] {1, 2, 3}));
        Path file = archive("foo", KerasTestFiles.replaced(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir),
                "model.weights.h5", foo));

        assertRefused(Format.KERAS, file).hasMessageContaining("model.weights.h5").hasMessageContaining("'foo'");
    }

    /** A file for each format with these arrays in place of the small model's, its config left as it was. */
    private List<Path> filesWith(String name, List<LayerData> layers) {
        Model model = KerasTestFiles.small();
        Path weights = Format.WEIGHTS_H5.file(dir, name);
        KerasTestFiles.writeWeightsH5(weights, layers);
        Path legacy = Format.LEGACY_H5.file(dir, name);
        KerasTestFiles.writeLegacyH5(legacy, layers, KerasConfig.keras2(model.network()));
        Path legacyWithoutConfig = Format.LEGACY_H5.file(dir, name + "-no-config");
        KerasTestFiles.writeLegacyH5(legacyWithoutConfig, layers, null);
        byte[] weightsBytes;
        try {
            weightsBytes = Files.readAllBytes(weights);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Path keras = archive(name, KerasTestFiles.replaced(KerasTestFiles.kerasEntries(model, dir),
                "model.weights.h5", weightsBytes));
        return List.of(weights, legacy, legacyWithoutConfig, keras);
    }

    private static Format formatOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".weights.h5") ? Format.WEIGHTS_H5 : name.endsWith(".keras") ? Format.KERAS
                : Format.LEGACY_H5;
    }

    private Path archive(String name, List<Entry> entries) {
        Path file = Format.KERAS.file(dir, name);
        KerasTestFiles.write(file, KerasTestFiles.zip(entries));
        return file;
    }

    @Test
    void theHandWrittenFilesAreValidWhenTheirArraysAre() {
        Model model = KerasTestFiles.small();
        for (Path file : filesWith("valid", KerasTestFiles.layerData(model.network()))) {
            Format format = formatOf(file);
            boolean activations = format.keepsActivations && !file.toString().contains("no-config");
            assertFloat32Copy(format.read(file).network(), model.network(), activations);
        }
    }

    @Test
    void aKernelThatDoesNotChainIsRefused() {
        // The second kernel has 2 rows, but the first layer has 3 units.
        List<LayerData> layers = List.of(
                new LayerData(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {0, 0, 0}),
                new LayerData(new float[][] {{1}, {2}}, new float[] {0}));
        for (Path file : filesWith("not-chained", layers)) {
            assertRefused(formatOf(file), file).hasMessageContaining("rows");
        }
    }

    @Test
    void aBiasOfTheWrongLengthIsRefused() {
        List<LayerData> layers = List.of(
                new LayerData(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {0, 0}),
                new LayerData(new float[][] {{1}, {2}, {3}}, new float[] {0}));
        for (Path file : filesWith("short-bias", layers)) {
            assertRefused(formatOf(file), file).hasMessageMatching("(?s).*(biases|columns).*");
        }
    }

    @Test
    void arraysOfTheWrongRankOrTypeAreRefused() {
        List<List<LayerData>> bad = List.of(
                // a kernel of rank 1
                List.of(new LayerData(new float[] {1, 2, 3, 4, 5, 6}, new float[] {0, 0, 0}),
                        new LayerData(new float[][] {{1}, {2}, {3}}, new float[] {0})),
                // a bias of rank 2
                List.of(new LayerData(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[][] {{0, 0, 0}}),
                        new LayerData(new float[][] {{1}, {2}, {3}}, new float[] {0})),
                // integers
                List.of(new LayerData(new int[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {0, 0, 0}),
                        new LayerData(new float[][] {{1}, {2}, {3}}, new float[] {0})),
                // a scalar bias
                List.of(new LayerData(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {0, 0, 0}),
                        new LayerData(new float[][] {{1}, {2}, {3}}, 0.5f)));
        String[] said = {"has shape [6], but a kernel is a matrix", "has shape [1, 3], but a bias is a vector",
            "holds int values, not floating-point numbers", "has shape [], but a bias is a vector"};
        for (int b = 0; b < bad.size(); b++) {
            for (Path file : filesWith("bad-" + b, bad.get(b))) {
                assertRefused(formatOf(file), file).hasMessageContaining(said[b]);
            }
        }
    }

    @Test
    void nanAndInfiniteWeightsInAFileAreRefused() {
        float[][] kernel = {{1, 2, 3}, {4, 5, 6}};
        List<List<LayerData>> bad = List.of(
                List.of(new LayerData(new float[][] {{1, 2, 3}, {4, Float.NaN, 6}}, new float[] {0, 0, 0}),
                        new LayerData(new float[][] {{1}, {2}, {3}}, new float[] {0})),
                List.of(new LayerData(kernel, new float[] {0, 0, 0}),
                        new LayerData(new float[][] {{1}, {2}, {3}}, new float[] {Float.POSITIVE_INFINITY})),
                List.of(new LayerData(kernel, new float[] {0, 0, 0}),
                        new LayerData(new float[][] {{1}, {Float.NEGATIVE_INFINITY}, {3}}, new float[] {0})),
                List.of(new LayerData(new double[][] {{1, 2, Double.NaN}, {4, 5, 6}}, new double[] {0, 0, 0}),
                        new LayerData(new double[][] {{1}, {2}, {3}}, new double[] {0})));
        String[] what = {"NaN", "Infinity", "-Infinity", "NaN"};
        for (int b = 0; b < bad.size(); b++) {
            for (Path file : filesWith("non-finite-" + b, bad.get(b))) {
                assertRefused(formatOf(file), file).hasMessageContaining(what[b]);
            }
        }
    }

    @Test
    void anUnknownActivationInTheConfigIsRefused() throws IOException {
        Model model = KerasTestFiles.small();
        String keras3 = KerasConfig.keras3(model.network());
        String keras2 = KerasConfig.keras2(model.network());
        assertThat(keras3).contains("\"activation\": \"tanh\"");
        assertThat(keras2).contains("\"activation\": \"tanh\"");

        Path legacy = dir.resolve("swish.h5");
        KerasTestFiles.writeLegacyH5(legacy, KerasTestFiles.layerData(model.network()),
                keras2.replace("\"activation\": \"tanh\"", "\"activation\": \"swish\""));
        Path keras = archive("swish", KerasTestFiles.replaced(KerasTestFiles.kerasEntries(model, dir), "config.json",
                keras3.replace("\"activation\": \"tanh\"", "\"activation\": \"swish\"")
                        .getBytes(StandardCharsets.UTF_8)));

        assertRefused(Format.LEGACY_H5, legacy).hasMessageContaining("'swish'").hasMessageContaining("dense");
        assertRefused(Format.KERAS, keras).hasMessageContaining("'swish'").hasMessageContaining("config.json");
    }

    @Test
    void aConfigThatDisagreesWithTheWeightsIsRefused() {
        Model model = KerasTestFiles.small();
        // A config for 2-4-1 with the weights of 2-3-1, and one for three inputs.
        Network wider = new Network(2, List.of(new DenseLayer(2, 4, Activation.TANH),
                new DenseLayer(4, 1, Activation.SIGMOID)));
        Network moreInputs = new Network(3, List.of(new DenseLayer(3, 3, Activation.TANH),
                new DenseLayer(3, 1, Activation.SIGMOID)));
        Network deeper = new Network(2, List.of(new DenseLayer(2, 3, Activation.TANH),
                new DenseLayer(3, 1, Activation.SIGMOID), new DenseLayer(1, 1, Activation.LINEAR)));
        for (Network config : List.of(wider, moreInputs, deeper)) {
            String name = config.describe();
            Path legacy = dir.resolve(name + ".h5");
            KerasTestFiles.writeLegacyH5(legacy, KerasTestFiles.layerData(model.network()), KerasConfig.keras2(config));
            Path keras = archive(name, KerasTestFiles.replaced(KerasTestFiles.kerasEntries(model, dir),
                    "config.json", KerasConfig.keras3(config).getBytes(StandardCharsets.UTF_8)));

            assertRefused(Format.LEGACY_H5, legacy).hasMessageContaining("model_config");
            assertRefused(Format.KERAS, keras).hasMessageContaining("config.json");
        }
    }

    @Test
    void aConfigThatIsNoSequentialModelOrNoJsonIsRefused() {
        Model model = KerasTestFiles.small();
        List<String> configs = List.of("", "not json", "[]", "{\"class_name\": \"Functional\", \"config\": {}}",
                "{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}",
                "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [{\"class_name\": \"Conv2D\", "
                        + "\"config\": {}}]}}");
        for (int c = 0; c < configs.size(); c++) {
            Path keras = archive("config-" + c, KerasTestFiles.replaced(KerasTestFiles.kerasEntries(model, dir),
                    "config.json", configs.get(c).getBytes(StandardCharsets.UTF_8)));
            Path legacy = dir.resolve("config-" + c + ".h5");
            if (!configs.get(c).isEmpty()) {
                KerasTestFiles.writeLegacyH5(legacy, KerasTestFiles.layerData(model.network()), configs.get(c));
                assertRefused(Format.LEGACY_H5, legacy).hasMessageContaining("model_config");
            }
            assertRefused(Format.KERAS, keras).hasMessageContaining("config.json");
        }
    }

    // Models made in Keras that are no chain of Dense layers: refused, naming the layer and its kind

    /** A Keras 3 layer of a config: {@code {"class_name": …, "config": {"name": …, …}}}, with inbound nodes. */
    private static String layer(String kind, String name, String config, String... from) {
        StringBuilder nodes = new StringBuilder();
        for (String f : from) {
            nodes.append(nodes.length() == 0 ? "" : ", ").append("{\"class_name\": \"__keras_tensor__\", \"config\": "
                    + "{\"shape\": [null, 2], \"dtype\": \"float32\", \"keras_history\": [\"").append(f)
                    .append("\", 0, 0]}}");
        }
        String inbound = from.length == 0 ? "[]" : from.length == 1 ? "[{\"args\": [" + nodes + "], \"kwargs\": {}}]"
                : "[{\"args\": [[" + nodes + "]], \"kwargs\": {}}]";
        return "{\"module\": \"keras.layers\", \"class_name\": \"" + kind + "\", \"config\": {\"name\": \"" + name
                + "\"" + (config.isEmpty() ? "" : ", " + config) + "}, \"name\": \"" + name + "\", \"inbound_nodes\": "
                + inbound + "}";
    }

    private static String input(String shape) {
        return layer("InputLayer", "input_layer", "\"batch_shape\": " + shape + ", \"dtype\": \"float32\"");
    }

    private static String dense(String name, int units, String activation, String... from) {
        return layer("Dense", name, "\"units\": " + units + ", \"activation\": \"" + activation
                + "\", \"use_bias\": true", from);
    }

    private static String sequential(String... layers) {
        return "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", "
                + "\"layers\": [" + String.join(", ", layers) + "]}}";
    }

    private static String functional(String inputs, String outputs, String... layers) {
        return "{\"module\": \"keras.src.models.functional\", \"class_name\": \"Functional\", \"config\": "
                + "{\"name\": \"functional\", \"layers\": [" + String.join(", ", layers) + "], \"input_layers\": "
                + inputs + ", \"output_layers\": " + outputs + "}}";
    }

    /** Each config, as a .keras config.json and a .h5 model_config beside the small model's weights, is refused. */
    private void assertConfigRefused(String config, String... said) {
        Model model = KerasTestFiles.small();
        String name = "refused-" + Integer.toHexString(config.hashCode());
        Path keras = archive(name, KerasTestFiles.replaced(KerasTestFiles.kerasEntries(model, dir), "config.json",
                config.getBytes(StandardCharsets.UTF_8)));
        Path legacy = dir.resolve(name + ".h5");
        KerasTestFiles.writeLegacyH5(legacy, KerasTestFiles.layerData(model.network()), config);

        assertRefused(Format.KERAS, keras).hasMessageContaining("config.json").hasMessageContainingAll(said);
        assertRefused(Format.LEGACY_H5, legacy).hasMessageContaining("model_config").hasMessageContainingAll(said);
    }

    @Test
    void aFunctionalModelThatBranchesOrJoinsIsRefused() {
        // Two Dense layers on the input, added: a join.
        assertConfigRefused(functional("[\"input_layer\", 0, 0]", "[\"dense_2\", 0, 0]", input("[null, 2]"),
                dense("dense", 3, "tanh", "input_layer"), dense("dense_1", 3, "tanh", "input_layer"),
                layer("Add", "add", "", "dense", "dense_1"), dense("dense_2", 1, "sigmoid", "add")),
                "'add' (Add)", "takes 2 inputs", "joins branches");
        // One Dense layer feeding two: a branch, and two outputs.
        assertConfigRefused(functional("[[\"input_layer\", 0, 0]]", "[[\"dense_1\", 0, 0], [\"dense_2\", 0, 0]]",
                input("[null, 2]"), dense("dense", 3, "tanh", "input_layer"), dense("dense_1", 1, "sigmoid", "dense"),
                dense("dense_2", 1, "sigmoid", "dense")), "'dense'", "goes to 2 layers", "branches");
        // tf.keras 2's form of the inbound nodes, joined by a Concatenate.
        String keras2 = """
                {"class_name": "Functional", "config": {"name": "model", "layers": [
                 {"class_name": "InputLayer", "name": "input_1", "config": {"batch_input_shape": [null, 2],
                  "name": "input_1"}, "inbound_nodes": []},
                 {"class_name": "Dense", "name": "dense", "config": {"name": "dense", "units": 3,
                  "activation": "tanh"}, "inbound_nodes": [[["input_1", 0, 0, {}]]]},
                 {"class_name": "Dense", "name": "dense_1", "config": {"name": "dense_1", "units": 1,
                  "activation": "sigmoid"}, "inbound_nodes": [[["input_1", 0, 0, {}]]]},
                 {"class_name": "Concatenate", "name": "concatenate", "config": {"name": "concatenate"},
                  "inbound_nodes": [[["dense", 0, 0, {}], ["dense_1", 0, 0, {}]]]}],
                 "input_layers": [["input_1", 0, 0]], "output_layers": [["concatenate", 0, 0]]}}""";
        assertConfigRefused(keras2, "'concatenate' (Concatenate)", "takes 2 inputs");
        // Two inputs.
        assertConfigRefused(functional("[[\"input_layer\", 0, 0], [\"input_layer_1\", 0, 0]]", "[\"dense\", 0, 0]",
                input("[null, 2]"), layer("InputLayer", "input_layer_1", "\"batch_shape\": [null, 2]"),
                dense("dense", 3, "tanh", "input_layer")), "two inputs");
    }

    @Test
    void anActivationLayerThatCannotBeFoldedIsRefused() {
        // After a Dense layer that has an activation already: tanh, then relu, is not one Dense layer.
        assertConfigRefused(sequential(input("[null, 2]"), dense("dense", 3, "tanh"),
                layer("Activation", "activation", "\"activation\": \"relu\""), dense("dense_1", 1, "sigmoid")),
                "'activation', Activation", "follows the Dense layer 'dense'", "activation tanh already");
        // Before any Dense layer: the inputs go straight into one.
        assertConfigRefused(sequential(input("[null, 2]"),
                layer("Activation", "activation", "\"activation\": \"relu\""), dense("dense", 3, "tanh"),
                dense("dense_1", 1, "sigmoid")), "'activation', Activation", "before any Dense layer");
    }

    @Test
    void aLayerThePlaygroundDoesNotHaveIsRefusedWithItsNameAndKind() {
        assertConfigRefused(sequential(input("[null, 2]"), dense("dense", 3, "tanh"),
                layer("BatchNormalization", "batch_normalization", "\"axis\": -1"), dense("dense_1", 1, "sigmoid")),
                "layer 3 of 4 ('batch_normalization', BatchNormalization) is a BatchNormalization layer");
        assertConfigRefused(functional("[\"input_layer\", 0, 0]", "[\"dense_1\", 0, 0]", input("[null, 2]"),
                dense("dense", 3, "tanh", "input_layer"), layer("LayerNormalization", "norm", "", "dense"),
                dense("dense_1", 1, "sigmoid", "norm")), "('norm', LayerNormalization)");
    }

    @Test
    void anInputOfMoreThanOneAxisNeedsAFlattenLayerInKerasOrder() {
        assertConfigRefused(sequential(input("[null, 28, 28]"), dense("dense", 3, "tanh"),
                dense("dense_1", 1, "sigmoid")), "('dense', Dense)", "inputs of shape (28, 28)", "Flatten");
        assertConfigRefused(sequential(input("[null, 28, 28]"),
                layer("Flatten", "flatten", "\"data_format\": \"channels_first\""), dense("dense", 3, "tanh"),
                dense("dense_1", 1, "sigmoid")), "('flatten', Flatten)", "channels_first");
        assertConfigRefused(sequential(input("[null, null]"), dense("dense", 3, "tanh"),
                dense("dense_1", 1, "sigmoid")), "InputLayer", "[null,null]");
    }

    /** A Flatten of (28, 28) gives 784 inputs: weights for 2 inputs disagree with it, and the message says so. */
    @Test
    void aFlattenedInputMustMatchTheFirstKernel() {
        assertConfigRefused(sequential(input("[null, 28, 28]"), layer("Flatten", "flatten", ""),
                dense("dense", 3, "tanh"), dense("dense_1", 1, "sigmoid")), "784 inputs", "2 rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/evil", "/tmp/evil", "a/../../evil", "..\\evil", "C:\\evil", "C:/evil",
        "model/../../evil.h5"})
    void aKerasArchiveWithAnEntryLeavingTheFolderIsRefused(String name) {
        List<Entry> entries = new ArrayList<>(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir));
        entries.add(1, Entry.stored(name, "evil"));
        Path file = archive("evil", entries);

        assertRefused(Format.KERAS, file).hasMessageContaining("evil");
        assertThat(dir.resolveSibling("evil")).doesNotExist();
    }

    @Test
    void aKerasArchiveWithTheEvilEntryNamedAsTheWeightsIsRefused() {
        List<Entry> entries = new ArrayList<>(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir));
        entries.add(Entry.stored("../model.weights.h5", "evil"));

        assertRefused(Format.KERAS, archive("evil-weights", entries)).hasMessageContaining("outside");
    }

    @Test
    void aKerasArchiveWithAnEntryInflatingBeyondTheLimitIsRefusedBeforeItIsRead() throws IOException {
        // 513 MiB of zeros, deflated to half a megabyte; the central directory says how large it is.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry e : KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir)) {
                if (!e.name().equals("model.weights.h5")) {
                    zip.putNextEntry(new ZipEntry(e.name()));
                    zip.write(e.content());
                }
            }
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("model.weights.h5"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written <= KerasArchive.MAX_ENTRY_BYTES; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1 << 20);
        Path file = dir.resolve("bomb.keras");
        Files.write(file, bytes.toByteArray());

        assertRefused(Format.KERAS, file).hasMessageContaining("model.weights.h5").hasMessageContaining("512 MiB");
    }

    @Test
    void aKerasArchiveWithAnEntryInflatingBeyondWhatItSaysIsRefused() throws IOException {
        List<Entry> entries = new ArrayList<>(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir));
        entries.removeIf(e -> e.name().equals("model.weights.h5"));
        entries.add(Entry.deflated("model.weights.h5", new byte[8 << 20]));
        byte[] zip = KerasTestFiles.zip(entries);
        // The central directory says the entry unpacks to 1000 bytes; it unpacks to 8 MiB.
        patchCentralDirectory(zip, "model.weights.h5", -1, 1000);
        Path file = dir.resolve("liar.keras");
        Files.write(file, zip);

        assertRefused(Format.KERAS, file).hasMessageContaining("model.weights.h5")
                .hasMessageContaining("more than the 1000 bytes it says");
    }

    @Test
    void aKerasArchiveWithAStoredEntryClaimingAGiantSizeIsRefused() throws IOException {
        byte[] zip = KerasTestFiles.zip(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir));
        patchCentralDirectory(zip, "model.weights.h5", 0xF000_0000L, 0xF000_0000L);
        Path file = dir.resolve("giant.keras");
        Files.write(file, zip);

        assertRefused(Format.KERAS, file).hasMessageContaining("4026531840 bytes uncompressed, more than the 512 MiB");
    }

    @Test
    void aKerasArchiveWithAGiantConfigIsRefused() throws IOException {
        List<Entry> entries = new ArrayList<>(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir));
        entries.removeIf(e -> e.name().equals("config.json"));
        byte[] spaces = new byte[(int) KerasArchive.MAX_JSON_BYTES + 1];
        java.util.Arrays.fill(spaces, (byte) ' ');
        entries.add(Entry.deflated("config.json", spaces));
        Path file = archive("giant-config", entries);

        assertRefused(Format.KERAS, file).hasMessageContaining("config.json").hasMessageContaining("16 MiB");
    }

    @Test
    void aKerasArchiveWithADamagedEntryIsRefused() throws IOException {
        byte[] zip = KerasTestFiles.zip(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir));
        // Flip a byte in the middle of the weights: the stored entry's checksum no longer matches.
        int at = indexOf(zip, "TREE".getBytes(StandardCharsets.US_ASCII));
        int target = at > 0 ? at : indexOf(zip, "model.weights.h5".getBytes(StandardCharsets.US_ASCII)) + 200;
        zip[target] ^= 0x01;
        Path file = dir.resolve("crc.keras");
        Files.write(file, zip);

        assertRefused(Format.KERAS, file).hasMessageContaining("checksum");
    }

    @Test
    void aKerasArchiveWithoutWeightsOrConfigIsRefused() {
        List<Entry> entries = KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir);
        List<Entry> noWeights = new ArrayList<>(entries);
        noWeights.removeIf(e -> e.name().equals("model.weights.h5"));
        List<Entry> npzWeights = new ArrayList<>(noWeights);
        npzWeights.add(Entry.stored("model.weights.npz", "PK"));
        List<Entry> noConfig = new ArrayList<>(entries);
        noConfig.removeIf(e -> e.name().equals("config.json"));

        assertRefused(Format.KERAS, archive("no-weights", noWeights)).hasMessageContaining("no model.weights.h5");
        assertRefused(Format.KERAS, archive("npz-weights", npzWeights)).hasMessageContaining("model.weights.npz");
        assertRefused(Format.KERAS, archive("no-config", noConfig)).hasMessageContaining("no config.json");
        assertRefused(Format.KERAS, archive("nothing", List.of())).hasMessageContaining("config.json");
    }

    @Test
    void aKerasArchiveWithoutMetadataReadsWithDefaultInputNames() {
        Model model = KerasTestFiles.cases().get(1).model();
        List<Entry> entries = new ArrayList<>(KerasTestFiles.kerasEntries(model, dir));
        entries.removeIf(e -> e.name().equals("metadata.json"));

        Model back = Format.KERAS.read(archive("no-metadata", entries));

        assertThat(back.inputs()).containsExactly("x1", "x2", "x3");
        assertFloat32Copy(back.network(), model.network(), true);
    }

    @Test
    void aKerasArchiveWithBadMetadataIsRefused() {
        List<Entry> entries = KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir);
        List<String> bad = List.of("[]", "{\"neural_playground\": {\"inputs\": [\"a\"]}}",
                "{\"neural_playground\": {\"inputs\": [\"a\", \"a\"]}}",
                "{\"neural_playground\": {\"inputs\": [\"a\", 3]}}", "{\"neural_playground\": {}}", "{");
        for (int b = 0; b < bad.size(); b++) {
            Path file = archive("metadata-" + b, KerasTestFiles.replaced(entries, "metadata.json",
                    bad.get(b).getBytes(StandardCharsets.UTF_8)));
            assertRefused(Format.KERAS, file).hasMessageContaining("metadata.json");
        }
    }

    @Test
    void aKerasArchiveWithTwoEntriesOfOneNameIsRefused() {
        List<Entry> entries = new ArrayList<>(KerasTestFiles.kerasEntries(KerasTestFiles.small(), dir));
        entries.add(entries.get(1));

        assertRefused(Format.KERAS, archiveAllowingDuplicates("twice", entries)).hasMessageContaining("two entries");
    }

    /** ZipOutputStream refuses duplicate names: write the second one under another name of the same length. */
    private Path archiveAllowingDuplicates(String name, List<Entry> entries) {
        List<Entry> renamed = new ArrayList<>();
        String last = entries.get(entries.size() - 1).name();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            renamed.add(i == entries.size() - 1 ? new Entry("X" + last.substring(1), e.content(), e.stored()) : e);
        }
        byte[] zip = KerasTestFiles.zip(renamed);
        byte[] from = ("X" + last.substring(1)).getBytes(StandardCharsets.UTF_8);
        byte[] to = last.getBytes(StandardCharsets.UTF_8);
        for (int at = indexOf(zip, from, 0); at >= 0; at = indexOf(zip, from, at + 1)) {
            System.arraycopy(to, 0, zip, at, to.length);
        }
        Path file = Format.KERAS.file(dir, name);
        KerasTestFiles.write(file, zip);
        return file;
    }

    // Writing what the formats cannot hold

    static Stream<Arguments> formatsAndUnwritableWeights() {
        List<Arguments> arguments = new ArrayList<>();
        for (Format format : Format.values()) {
            arguments.add(Arguments.of(format, Double.NaN, "NaN"));
            arguments.add(Arguments.of(format, Double.POSITIVE_INFINITY, "Infinity"));
            arguments.add(Arguments.of(format, -1e39, "float32"));
            arguments.add(Arguments.of(format, Double.MAX_VALUE, "float32"));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} weight {1}")
    @MethodSource("formatsAndUnwritableWeights")
    void aWeightTheFormatCannotHoldIsRefusedAndNoFileIsLeft(Format format, double weight, String said) {
        Path file = format.file(dir, "model");
        Model model = KerasTestFiles.small();
        model.network().layer(1).setWeight(2, 0, weight);

        assertThatThrownBy(() -> format.write(model, file)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(said);
        assertThat(dir).isEmptyDirectory();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aBiasTheFormatCannotHoldIsRefusedAndTheFileIsLeftAsItWas(Format format) throws IOException {
        Path file = format.file(dir, "model");
        format.write(KerasTestFiles.cases().get(1).model(), file);
        byte[] before = Files.readAllBytes(file);
        Model model = KerasTestFiles.small();
        model.network().layer(0).setBias(1, Double.NaN);

        assertThatThrownBy(() -> format.write(model, file)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("NaN");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aLegacyFileForAVeryDeepNetworkIsRefusedWithAdvice() {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < 200; l++) {
            layers.add(new DenseLayer(new double[][] {{1}}, new double[] {0}, Activation.TANH));
        }
        Model deep = new Model(List.of("x"), new Network(1, layers));
        Path file = Format.LEGACY_H5.file(dir, "deep");

        assertThatThrownBy(() -> Format.LEGACY_H5.write(deep, file)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(".keras");
        assertThat(dir).isEmptyDirectory();
        Path keras = Format.KERAS.file(dir, "deep");
        Format.KERAS.write(deep, keras);
        assertThat(Format.KERAS.read(keras).network().depth()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void writingIntoADirectoryIsRefused(Format format) throws IOException {
        Path file = format.file(dir, "folder");
        Files.createDirectory(file);

        assertThatThrownBy(() -> format.write(KerasTestFiles.small(), file))
                .isExactlyInstanceOf(PlaygroundException.class).hasMessageContaining(file.toString());
    }

    /** What is written is a copy: the model may change while or after it is written. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void theWrittenFileHoldsTheWeightsAtTheTimeOfWriting(Format format) {
        Model model = KerasTestFiles.small();
        Network before = model.network().copy();
        Path file = format.file(dir, "model");

        format.write(model, file);
        model.network().layer(0).setWeight(0, 0, 99);

        assertFloat32Copy(format.read(file).network(), before, format.keepsActivations);
    }

    // Helpers

    /** {@code model} written in {@code format} to a file named model. */
    private Path written(Format format, Model model) {
        Path file = format.file(dir, "model");
        format.write(model, file);
        return file;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Format format, Path file) {
        return assertThatThrownBy(() -> format.read(file)).as("%s reading %s", format, file.getFileName())
                .isExactlyInstanceOf(PlaygroundException.class).hasMessageContaining(file.toString());
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] withPrefix(byte[] prefix, byte[] rest) {
        byte[] bytes = java.util.Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, bytes, prefix.length, rest.length);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Sets the sizes the central directory gives entry {@code name} (-1 leaves one as it is): a header
     * {@code PK 1 2}, the compressed size at 20, the uncompressed at 24, the name's length at 28 and the name at 46.
     */
    static void patchCentralDirectory(byte[] zip, String name, long compressed, long uncompressed) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 <= zip.length; at++) {
            if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 1 && zip[at + 3] == 2) {
                int nameLength = (zip[at + 28] & 0xff) | (zip[at + 29] & 0xff) << 8;
                if (nameLength == wanted.length && java.util.Arrays.equals(zip, at + 46, at + 46 + nameLength,
                        wanted, 0, wanted.length)) {
                    if (compressed >= 0) {
                        putInt(zip, at + 20, compressed);
                    }
                    if (uncompressed >= 0) {
                        putInt(zip, at + 24, uncompressed);
                    }
                    return;
                }
            }
        }
        throw new AssertionError("no central directory header for " + name);
    }

    private static void putInt(byte[] bytes, int at, long value) {
        for (int b = 0; b < 4; b++) {
            bytes[at + b] = (byte) (value >>> (8 * b));
        }
    }
}
