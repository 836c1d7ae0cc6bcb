package io.neuralplayground.io.export;

import static io.neuralplayground.io.NetworkAssertions.assertBitsEqual;
import static io.neuralplayground.io.export.ExportChecks.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.io.keras.KerasNetworks;
import io.neuralplayground.testing.Python;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keras file, run.
 *
 * <p><b>Keras cannot be installed where Neural Playground is built and tested</b>, so these tests run the exported
 * files against a stand-in: {@code src/test/resources/python/keras_stub/keras}, a small package written with NumPy
 * that implements exactly the Keras 3 API the exported file uses ({@code keras.Sequential}, {@code keras.Input},
 * {@code keras.layers.Dense(units, activation=..., name=...)}, {@code model.set_weights}, {@code model.predict},
 * {@code model.summary}, {@code keras.config.floatx}) and checks what Keras checks: activation identifiers are
 * Keras' function names exactly, a Dense layer's weights are a kernel of shape (inputs, units) then a bias of
 * shape (units,), {@code set_weights} wants exactly the model's number of arrays in their shapes. The stub is put
 * on PYTHONPATH; {@link #theStubRefusesWhatKerasRefuses} shows it is strict enough to catch a wrong export, and
 * {@link #theFileUsesOnlyTheDocumentedKeras3ApiTheStubImplements} that the file asks for nothing else. What this
 * cannot show is that Keras itself behaves as documented; the stub follows keras.io/api and Keras 3's sources.
 */
class PythonKerasExportTest {
    private static final List<String> STUB_FILES = List.of("__init__.py", "activations.py", "config.py", "layers.py",
            "models.py");

    @TempDir
    Path dir;

    private Path stub;
    private Map<String, String> env;
    private final PythonKerasExport export = new PythonKerasExport();

    @BeforeEach
    void installTheStub() throws IOException {
        stub = dir.resolve("stub");
        Path keras = Files.createDirectories(stub.resolve("keras"));
        for (String name : STUB_FILES) {
            try (InputStream in = getClass().getResourceAsStream("/python/keras_stub/keras/" + name)) {
                assertThat(in).as("test resource python/keras_stub/keras/" + name).isNotNull();
                Files.write(keras.resolve(name), in.readAllBytes());
            }
        }
        env = Map.of("PYTHONPATH", stub.toString(), "KERAS_STUB_DIR", stub.toString(),
                "PYTHONDONTWRITEBYTECODE", "1");
    }

    @Test
    void theModelItBuildsHasTheLayersAndWeightsOfThePlaygroundAndPredictsAsTheEngine() {
        Python.require("numpy");

        List<ExportChecks.Checked> checked = ExportChecks.runCases("run_keras_export.py", env, 200,
                c -> dir.resolve("keras_model" + c + ".py"), ExportChecks.checkingAscii(export));

        for (ExportChecks.Checked c : checked) {
            String as = c.name();
            Model model = c.model();
            JsonNode result = c.result();
            assertThat(ExportChecks.strings(result.get("inputs"))).as(as).isEqualTo(model.inputs());

            JsonNode float64 = result.get("float64");
            assertLayers(model.network(), float64, as);
            assertThat(float64.get("dtypes").toString()).as(as).isEqualTo("[\"<f8\"]");
            assertWeights(model.network(), float64.get("weights"), false, as);
            double[][] expected = c.expected();
            assertThat(float64.get("y_dtype").asText()).isEqualTo("<f8");
            ExportTestModels.assertClose(expected, matrix(float64.get("y")), 1e-12, as + " (float64)");

            // Keras' default: the weights become the nearest float32 and so does all arithmetic.
            JsonNode float32 = result.get("float32");
            assertLayers(model.network(), float32, as);
            assertThat(float32.get("dtypes").toString()).as(as).isEqualTo("[\"<f4\"]");
            assertWeights(model.network(), float32.get("weights"), true, as);
            assertThat(float32.get("y_dtype").asText()).isEqualTo("<f4");
        }
    }

    @Test
    void inFloat32AsKerasDefaultsToItsPredictionsAgreeToFloat32Precision() {
        Python.require("numpy");
        Model model = ExportTestModels.named("every activation in turn");
        Path file = exported(model);
        double[][] x = {{0.5, -1.25, 3, 0}, {-2, 0.75, 0.125, 1}, {0, 0, 0, 0}};

        JsonNode result = ExportChecks.runOne("run_keras_export.py", file, x, env);

        ExportTestModels.assertClose(ExportTestModels.predictions(model, x), matrix(result.at("/float32/y")), 1e-5,
                "float32");
    }

    @Test
    void asAScriptItPrintsTheSummaryThenOneLineOfPredictionsPerExample() {
        Python.require("numpy");
        Model model = ExportTestModels.named("every layer leaky_relu");
        Path file = exported(model);
        double[][] x = {{0.5, -1.25, 3}, {-2, 0.75, 0.125}};

        Python.Run run = Python.run(file, "0.5 -1.25 3\n-2,0.75,0.125\n".getBytes(StandardCharsets.US_ASCII), env);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Model: \"sequential\"");
        assertThat(lines).anyMatch(l -> l.contains("dense_2 (Dense)"));
        double[][] printed = ExportChecks.printed(lines.subList(lines.size() - x.length, lines.size()));
        ExportTestModels.assertClose(ExportTestModels.predictions(model, x), printed, 1e-5, run.stdout());

        Python.Run wrong = Python.run(file, new byte[0], env, "1", "2");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("expected 3 numbers per example (x1, x2, x3), got 2");
    }

    @Test
    void theFileUsesOnlyTheDocumentedKeras3ApiTheStubImplements() throws IOException {
        Model model = ExportTestModels.named("every activation in turn");
        Path file = exported(model);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        // The code: after the module's docstring, without comments (this model's strings hold no '#').
        String code = text.substring(text.indexOf("\"\"\"", 3) + 3).replaceAll("#[^\n]*", "");

        assertThat(code.lines().filter(l -> l.startsWith("import") || l.startsWith("from")))
                .containsExactly("import sys", "import keras", "import numpy as np");
        Set<String> kerasApi = new TreeSet<>();
        Matcher uses = Pattern.compile("\\bkeras(\\.[A-Za-z_]\\w*)+").matcher(code);
        while (uses.find()) {
            kerasApi.add(uses.group());
        }
        // keras.io/api: keras.Sequential, keras.Input, keras.layers.Dense, keras.config.floatx (and set_floatx,
        // which the file's documentation recommends for float64).
        assertThat(kerasApi).isSubsetOf("keras.Sequential", "keras.Input", "keras.layers.Dense",
                "keras.config.floatx", "keras.config.set_floatx");
        Set<String> modelMethods = new TreeSet<>();
        Matcher calls = Pattern.compile("\\bmodel\\.(\\w+)").matcher(code);
        while (calls.find()) {
            modelMethods.add(calls.group(1));
        }
        assertThat(modelMethods).containsExactlyInAnyOrder("set_weights", "summary", "predict");
        // Activations by Keras' own identifiers, one Dense layer per layer with the name Keras would give it.
        for (int l = 0; l < model.network().depth(); l++) {
            DenseLayer layer = model.network().layer(l);
            assertThat(code).contains("keras.layers.Dense(" + layer.units() + ", activation=\""
                    + layer.activation().kerasName() + "\", name=\"" + KerasNetworks.layerName(l) + "\")");
        }
        assertThat(code).contains("keras.Input(shape=(4,))");
    }

    @Test
    void theStubRefusesWhatKerasRefuses() {
        Python.require("numpy");

        JsonNode refusals = Python.runScript("keras_stub_refusals.py", null, env);

        refusals.fields().forEachRemaining(e -> {
            String name = e.getKey();
            String error = e.getValue().isNull() ? null : e.getValue().asText();
            if (name.equals("fine, as a control")) {
                assertThat(error).as(name).isNull();
            } else if (name.equals("an argument the stub does not vouch for") || name.equals("predict a list")) {
                assertThat(error).as(name).startsWith("TypeError");
            } else if (name.equals("an activation the stub does not compute")) {
                assertThat(error).as(name).startsWith("NotImplementedError");
            } else if (name.equals("an API the stub does not have")) {
                assertThat(error).as(name).startsWith("AttributeError");
            } else {
                assertThat(error).as(name).startsWith("ValueError");
            }
        });
        assertThat(refusals.size()).isEqualTo(20);
    }

    @Test
    void theDocumentationOfTheFileSaysHowItWasChecked() {
        String text = PythonKerasExport.source(ExportTestModels.model(new int[] {1, 1},
                new Activation[] {Activation.LINEAR}, 1));

        assertThat(text).contains("Keras could not be installed where Neural Playground was built")
                .doesNotContain("checked by compiling it, not by running it");
    }

    @Test
    void aWeightThatIsNotFiniteIsRefusedAndNoFileIsWritten() throws IOException {
        Path file = dir.resolve("out").resolve("keras_model.py");
        Model model = ExportTestModels.model(new int[] {2, 3, 1}, new Activation[] {Activation.RELU,
            Activation.LINEAR}, 4);
        model.network().layer(1).setBias(0, Double.NEGATIVE_INFINITY);

        assertThatThrownBy(() -> export.write(model, file)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": layer 2 of 2, unit 1: the bias is -Infinity");
        assertThat(file).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("stub");
        }
    }

    /**
     * Keras builds the model in float32 by default and turns 1e39 into infinity without a word: refused, as the
     * Keras files refuse it, with the same words.
     */
    @Test
    void aWeightBeyondFloat32IsRefusedAsTheKerasFilesRefuseItAndNoFileIsWritten() throws IOException {
        Path file = dir.resolve("out").resolve("keras_model.py");
        Model model = ExportTestModels.model(new int[] {2, 3, 1}, new Activation[] {Activation.RELU,
            Activation.LINEAR}, 4);
        model.network().layer(0).setWeight(1, 2, 1e39);

        assertThatThrownBy(() -> export.write(model, file)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": layer 1 of 2, unit 3: the weight from input 2 is "
                        + "1.0E39, beyond the range of float32 (±3.4028235E38), the numbers Keras computes with");
        model.network().layer(0).setWeight(1, 2, 0.5);
        model.network().layer(1).setBias(0, -Double.MAX_VALUE);
        assertThatThrownBy(() -> export.write(model, file)).isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("layer 2 of 2, unit 1: the bias is -1.7976931348623157E308, beyond the range "
                        + "of float32");
        assertThat(file).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("stub");
        }
    }

    /** {@code model} exported to keras_model.py in the test's folder. */
    private Path exported(Model model) {
        Path file = dir.resolve("keras_model.py");
        export.write(model, file);
        return file;
    }

    private static void assertLayers(Network network, JsonNode result, String as) {
        JsonNode layers = result.get("layers");
        assertThat(layers).as(as).hasSize(network.depth());
        for (int l = 0; l < network.depth(); l++) {
            JsonNode layer = layers.get(l);
            assertThat(layer.get("name").asText()).as(as).isEqualTo(KerasNetworks.layerName(l));
            assertThat(layer.get("class").asText()).as(as).isEqualTo("Dense");
            assertThat(layer.get("units").asInt()).as(as).isEqualTo(network.layer(l).units());
            assertThat(layer.get("activation").asText()).as(as).isEqualTo(network.layer(l).activation().kerasName());
            assertThat(layer.get("use_bias").asBoolean()).as(as).isTrue();
        }
    }

    /** model.get_weights(): per layer kernel then bias, bit for bit (or the nearest float32 for float32). */
    private static void assertWeights(Network network, JsonNode weights, boolean float32, String as) {
        assertThat(weights).as(as).hasSize(2 * network.depth());
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            assertBitsEqual(NetworkAssertions.kernel(layer, float32), matrix(weights.get(2 * l)), as + " kernel " + l);
            assertBitsEqual(new double[][] {NetworkAssertions.bias(layer, float32)},
                    new double[][] {ExportChecks.vector(weights.get(2 * l + 1))}, as + " bias " + l);
        }
    }
}
