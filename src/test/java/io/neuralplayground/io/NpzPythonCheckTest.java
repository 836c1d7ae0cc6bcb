package io.neuralplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
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
        List<ExportTestModels.Case> cases = ExportTestModels.cases();
        List<Map<String, Object>> requests = new ArrayList<>();
        List<double[][]> inputs = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Model model = cases.get(c).model();
            Path file = dir.resolve("case" + c + ".npz");
            new NpzFormat().write(model, file);
            inputs.add(ExportTestModels.inputs(model.network().inputs(), c));
            requests.add(Map.of("path", file.toString(), "x", inputs.get(c)));
        }

        JsonNode loaded = Python.runScript("npz_forward.py", requests);

        assertThat(loaded).hasSize(cases.size());
        for (int c = 0; c < cases.size(); c++) {
            ExportTestModels.Case testCase = cases.get(c);
            assertArchive(testCase.model(), loaded.get(c), testCase.name());
            // NumPy's matmul adds in its own order and np.tanh is not the engine's tanh: the last bits may differ.
            ExportTestModels.assertClose(ExportTestModels.predictions(testCase.model(), inputs.get(c)),
                    matrix(loaded.get(c).get("y")), 1e-12, testCase.name());
        }
    }

    @Test
    void numpyLoadsTheHardestDoublesExactly() {
        Python.require("numpy");
        double[] special = ModelGenerators.SPECIAL_DOUBLES;
        double[][] kernel = new double[special.length][2];
        double[] bias = {Double.MIN_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < special.length; i++) {
            kernel[i][0] = special[i];
            kernel[i][1] = -special[special.length - 1 - i];
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < special.length; i++) {
            names.add(i < ExportTestModels.ODD_NAMES.size() ? ExportTestModels.ODD_NAMES.get(i) : "in" + i);
        }
        Model model = new Model(names, new Network(special.length,
                List.of(new DenseLayer(kernel, bias, Activation.LEAKY_RELU))));
        Path file = dir.resolve("special.npz");
        new NpzFormat().write(model, file);

        // No examples: these weights overflow any forward pass.
        JsonNode loaded = Python.runScript("npz_forward.py", List.of(Map.of("path", file.toString(), "x", List.of())))
                .get(0);

        assertArchive(model, loaded, "special doubles");
        assertThat(loaded.get("y")).isEmpty();
    }

    @Test
    void archivesWrittenByNumpyReadBackAsTheModelTheyHold() {
        Python.require("numpy");
        Model model = ExportTestModels.cases().stream().filter(c -> c.name().equals("every activation in turn"))
                .findFirst().orElseThrow().model();
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
        assertSameWeights(model.network(), unnamed.network(), "unnamed", false);

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
            keys.add(NpzFormat.layerName(l) + "/kernel");
            keys.add(NpzFormat.layerName(l) + "/bias");
        }
        keys.add("inputs");
        keys.add("activations");
        List<String> actualKeys = new ArrayList<>();
        loaded.get("keys").forEach(k -> actualKeys.add(k.asText()));
        assertThat(actualKeys).as(as).isEqualTo(keys);

        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String kernel = NpzFormat.layerName(l) + "/kernel";
            String bias = NpzFormat.layerName(l) + "/bias";
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
        List<String> inputs = new ArrayList<>();
        loaded.get("inputs").forEach(n -> inputs.add(n.asText()));
        assertThat(inputs).as(as).isEqualTo(model.inputs());
        List<String> activations = new ArrayList<>();
        loaded.get("activations").forEach(n -> activations.add(n.asText()));
        assertThat(activations).as(as)
                .isEqualTo(network.layers().stream().map(l -> l.activation().kerasName()).toList());
    }

    private static void assertSameModel(Model expected, Model actual, String as, boolean float32) {
        assertThat(actual.inputs()).as(as).isEqualTo(expected.inputs());
        for (int l = 0; l < expected.network().depth(); l++) {
            assertThat(actual.network().layer(l).activation()).as(as + " layer " + l)
                    .isEqualTo(expected.network().layer(l).activation());
        }
        assertSameWeights(expected.network(), actual.network(), as, float32);
    }

    /** Every weight and bias the same double (for float32 arrays: the float32 nearest the original). */
    private static void assertSameWeights(Network expected, Network actual, String as, boolean float32) {
        assertThat(actual.depth()).as(as).isEqualTo(expected.depth());
        assertThat(actual.inputs()).as(as).isEqualTo(expected.inputs());
        for (int l = 0; l < expected.depth(); l++) {
            double[][] kernel = expected.layer(l).kernelCopy();
            double[] bias = expected.layer(l).biasCopy();
            if (float32) {
                for (double[] row : kernel) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (float) row[j];
                    }
                }
                for (int j = 0; j < bias.length; j++) {
                    bias[j] = (float) bias[j];
                }
            }
            assertBitsEqual(kernel, actual.layer(l).kernelCopy(), as + " kernel " + l);
            assertBitsEqual(new double[][] {bias}, new double[][] {actual.layer(l).biasCopy()}, as + " bias " + l);
        }
    }

    /** Equal bit for bit: -0.0 is not 0.0. */
    static void assertBitsEqual(double[][] expected, double[][] actual, String as) {
        assertThat(actual.length).as(as).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).as(as + " row " + i).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(Double.doubleToRawLongBits(actual[i][j])).as(as + " [" + i + "][" + j + "]: "
                        + actual[i][j] + " vs " + expected[i][j])
                        .isEqualTo(Double.doubleToRawLongBits(expected[i][j]));
            }
        }
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = vector(rows.get(r));
        }
        return m;
    }

    static double[] vector(JsonNode values) {
        assertThat(values.isArray()).as("a JSON array: " + values).isTrue();
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            assertThat(values.get(i).isNumber()).as("a number: " + values.get(i)).isTrue();
            v[i] = values.get(i).asDouble();
        }
        return v;
    }

    private static List<Integer> ints(JsonNode values) {
        List<Integer> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asInt()));
        return out;
    }
}
