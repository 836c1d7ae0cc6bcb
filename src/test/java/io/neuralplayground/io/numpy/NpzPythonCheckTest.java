package io.neuralplayground.io.numpy;

import static io.neuralplayground.io.NetworkAssertions.assertBitsEqual;
import static io.neuralplayground.io.export.ExportChecks.matrix;
import static io.neuralplayground.io.export.ExportChecks.strings;
import static io.neuralplayground.io.export.ExportChecks.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelGenerators;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.io.export.ExportChecks;
import io.neuralplayground.io.keras.KerasNetworks;
import io.neuralplayground.testing.Python;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy itself (Debian's python3-numpy) against {@link NpzFormat}, both ways: {@code numpy.load} opens every
 * exported archive with {@code allow_pickle=False} and finds the arrays, types, shapes and values written, and a
 * forward pass written from the format's description alone computes what the engine computes; archives NumPy
 * writes ({@code savez}, {@code savez_compressed}, float32, Fortran order, without names) read back as the model
 * they hold. Skipped where NumPy is not installed ({@link Python#require}), never on CI.
 */
class NpzPythonCheckTest {
    @TempDir
    Path dir;

    @Test
    void numpyLoadsEveryArrayAsWrittenAndItsForwardPassAgreesWithTheEngine() {
        Python.require("numpy");

        List<ExportChecks.Checked> loaded = ExportChecks.runCases("npz_forward.py", Map.of(), 0,
                c -> dir.resolve("case" + c + ".npz"), new NpzFormat());

        for (ExportChecks.Checked c : loaded) {
            assertArchive(c.model(), c.result(), c.name());
            // NumPy's matmul adds in its own order and np.tanh is not the engine's tanh: the last bits may differ.
            ExportTestModels.assertClose(c.expected(), matrix(c.result().get("y")), 1e-12, c.name());
        }
    }

    @Test
    void numpyLoadsTheHardestDoublesExactly() {
        Python.require("numpy");
        double[] bias = {Double.MIN_VALUE, -Double.MAX_VALUE};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ModelGenerators.SPECIAL_DOUBLES.length; i++) {
            names.add(i < ExportTestModels.ODD_NAMES.size() ? ExportTestModels.ODD_NAMES.get(i) : "in" + i);
        }
        Model model = ExportTestModels.specialDoubles(names, bias, Activation.LEAKY_RELU);
        Path file = dir.resolve("special.npz");
        new NpzFormat().write(model, file);

        // No examples: these weights overflow any forward pass.
        JsonNode loaded = ExportChecks.runOne("npz_forward.py", file, List.of(), Map.of());

        assertArchive(model, loaded, "special doubles");
        assertThat(loaded.get("y")).isEmpty();
    }

    @Test
    void archivesWrittenByNumpyReadBackAsTheModelTheyHold() {
        Python.require("numpy");
        Model model = ExportTestModels.named("every activation in turn");
        model = new Model(List.of("Größe", "say \"hi\"", "温度", "x 4"), model.network());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("dir", dir.toString());
        List<double[][]> kernels = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        List<String> activations = new ArrayList<>();
        for (DenseLayer layer : model.network().layers()) {
            kernels.add(layer.kernelCopy());
            biases.add(layer.biasCopy());
            activations.add(layer.activation().kerasName());
        }
        request.put("kernels", kernels);
        request.put("biases", biases);
        request.put("inputs", model.inputs());
        request.put("activations", activations);

        JsonNode files = Python.runScript("write_npz.py", request);

        NpzFormat npz = new NpzFormat();
        for (String key : List.of("savez", "compressed", "fortran")) {
            assertSameModel(model, npz.read(Path.of(files.get(key).asText())), key, false);
        }
        assertSameModel(model, npz.read(Path.of(files.get("float32").asText())), "float32", true);

        Model unnamed = npz.read(Path.of(files.get("unnamed").asText()));
        assertThat(unnamed.inputs()).containsExactly("x1", "x2", "x3", "x4");
        assertThat(unnamed.network().layers()).allMatch(l -> l.activation() == NpzFormat.DEFAULT_ACTIVATION);
        NetworkAssertions.assertSameNetwork(unnamed.network(), model.network(), false, false, "unnamed");

        Path npy = Path.of(files.get("npy").asText());
        assertThatThrownBy(() -> npz.read(npy)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(npy.toString())
                .hasMessageContaining("a single NumPy array (.npy), not a .npz archive");
    }

    /** The keys, dtypes, shapes and every value numpy.load found, against the model written. */
    private static void assertArchive(Model model, JsonNode loaded, String as) {
        Network network = model.network();
        List<String> keys = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            keys.add(KerasNetworks.layerName(l) + "/kernel");
            keys.add(KerasNetworks.layerName(l) + "/bias");
        }
        keys.add("inputs");
        keys.add("activations");
        assertThat(strings(loaded.get("keys"))).as(as).isEqualTo(keys);

        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String kernel = KerasNetworks.layerName(l) + "/kernel";
            String bias = KerasNetworks.layerName(l) + "/bias";
            assertThat(loaded.at("/dtypes").get(kernel).asText()).as(as + " " + kernel).isEqualTo("<f8");
            assertThat(loaded.at("/dtypes").get(bias).asText()).as(as + " " + bias).isEqualTo("<f8");
            assertThat(ints(loaded.at("/shapes").get(kernel))).as(as + " " + kernel)
                    .containsExactly(layer.inputs(), layer.units());
            assertThat(ints(loaded.at("/shapes").get(bias))).as(as + " " + bias).containsExactly(layer.units());
            assertBitsEqual(layer.kernelCopy(), matrix(loaded.at("/arrays").get(kernel)), as + " " + kernel);
            assertBitsEqual(new double[][] {layer.biasCopy()}, new double[][] {vector(loaded.at("/arrays").get(bias))},
                    as + " " + bias);
        }
        assertThat(loaded.at("/dtypes/inputs").asText()).as(as).startsWith("<U");
        assertThat(loaded.at("/dtypes/activations").asText()).as(as).startsWith("<U");
        assertThat(ints(loaded.at("/shapes/inputs"))).as(as).containsExactly(model.inputs().size());
        assertThat(strings(loaded.get("inputs"))).as(as).isEqualTo(model.inputs());
        assertThat(strings(loaded.get("activations"))).as(as)
                .isEqualTo(network.layers().stream().map(l -> l.activation().kerasName()).toList());
    }

    /** The input names, the activations, and every weight and bias (for float32 arrays: as float32 holds it). */
    private static void assertSameModel(Model expected, Model actual, String as, boolean float32) {
        assertThat(actual.inputs()).as(as).isEqualTo(expected.inputs());
        NetworkAssertions.assertSameNetwork(actual.network(), expected.network(), float32, true, as);
    }

    private static List<Integer> ints(JsonNode values) {
        List<Integer> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asInt()));
        return out;
    }
}
