package io.neuralplayground.io;

import static io.neuralplayground.io.NpzPythonCheckTest.assertBitsEqual;
import static io.neuralplayground.io.NpzPythonCheckTest.matrix;
import static io.neuralplayground.io.NpzPythonCheckTest.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.testing.Python;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone NumPy file, run by Debian's Python and NumPy: as a module (its {@code predict} on a batch and on
 * one example, its {@code INPUTS} and {@code LAYERS}) and as a script (examples as arguments and on standard
 * input), for every activation, several shapes and input names no literal can carry as they are. Skipped where
 * NumPy is not installed ({@link Python#require}), never on CI.
 */
class PythonNumpyExportTest {
    @TempDir
    Path dir;

    private final PythonNumpyExport export = new PythonNumpyExport();

    @Test
    void itsPredictAgreesWithTheEngineAndItHoldsExactlyTheWeightsAndNames() throws IOException {
        Python.require("numpy");
        List<ExportTestModels.Case> cases = ExportTestModels.cases();
        List<Map<String, Object>> requests = new ArrayList<>();
        List<double[][]> inputs = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Model model = cases.get(c).model();
            Path file = dir.resolve("model" + c + ".py");
            export.write(model, file);
            assertAscii(file);
            inputs.add(ExportTestModels.inputs(model.network().inputs(), 100 + c));
            requests.add(Map.of("path", file.toString(), "x", inputs.get(c)));
        }

        JsonNode results = Python.runScript("run_exported.py", requests);

        assertThat(results).hasSize(cases.size());
        for (int c = 0; c < cases.size(); c++) {
            String as = cases.get(c).name();
            Model model = cases.get(c).model();
            JsonNode result = results.get(c);
            assertHolds(model, result, as);
            double[][] expected = ExportTestModels.predictions(model, inputs.get(c));
            // Weights are exact, but NumPy adds in its own order (and with its own tanh and exp): not bit for bit.
            ExportTestModels.assertClose(expected, matrix(result.get("batch")), 1e-12, as + " batch");
            ExportTestModels.assertClose(new double[][] {expected[0]}, new double[][] {vector(result.get("single"))},
                    1e-12, as + " single");
        }
    }

    @Test
    void theHardestDoublesArriveInPythonBitForBit() {
        Python.require("numpy");
        double[] special = ModelGenerators.SPECIAL_DOUBLES;
        double[][] kernel = new double[special.length][2];
        for (int i = 0; i < special.length; i++) {
            kernel[i][0] = special[i];
            kernel[i][1] = -special[special.length - 1 - i];
        }
        double[] bias = {-Double.MAX_VALUE, Double.MIN_VALUE};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < special.length; i++) {
            names.add("in" + i);
        }
        Model model = new Model(names, new Network(special.length,
                List.of(new DenseLayer(kernel, bias, Activation.LINEAR))));
        Path file = dir.resolve("special.py");
        export.write(model, file);

        // At x = 0 every product is 0 whatever the weight, so the outputs are the biases exactly.
        double[][] x = {new double[special.length]};
        JsonNode result = Python.runScript("run_exported.py", List.of(Map.of("path", file.toString(), "x", x)))
                .get(0);

        assertHolds(model, result, "special doubles");
        assertBitsEqual(new double[][] {bias}, matrix(result.get("batch")), "predictions at 0");
    }

    @Test
    void asAScriptItPredictsTheExamplesGivenAsArgumentsOrOnePerLine() {
        Python.require("numpy");
        Model model = ExportTestModels.cases().stream().filter(c -> c.name().equals("every layer softmax"))
                .findFirst().orElseThrow().model();
        Path file = dir.resolve("model.py");
        export.write(model, file);

        Python.Run arguments = Python.run(file, new byte[0], Map.of(), "0.5", "-1.25", "3");
        assertThat(arguments.exitCode()).as(arguments.stderr()).isZero();
        assertLines(model, new double[][] {{0.5, -1.25, 3}}, arguments.stdout());

        Python.Run oneArgument = Python.run(file, new byte[0], Map.of(), "0.5,-1.25, 3");
        assertThat(oneArgument.exitCode()).as(oneArgument.stderr()).isZero();
        assertThat(oneArgument.stdout()).isEqualTo(arguments.stdout());

        String examples = "0 0 0\n\n1.5,-2,0.25\n  -1e-3   4 , 7  \n";
        Python.Run lines = Python.run(file, examples.getBytes(StandardCharsets.US_ASCII), Map.of());
        assertThat(lines.exitCode()).as(lines.stderr()).isZero();
        assertLines(model, new double[][] {{0, 0, 0}, {1.5, -2, 0.25}, {-1e-3, 4, 7}}, lines.stdout());

        Python.Run none = Python.run(file, new byte[0], Map.of());
        assertThat(none.exitCode()).as(none.stderr()).isZero();
        assertThat(none.stdout()).isEmpty();
    }

    @Test
    void asAScriptItRefusesAnExampleWithTheWrongNumberOfInputsNamingThem() {
        Python.require("numpy");
        Model model = ExportTestModels.model(new int[] {3, 2}, new Activation[] {Activation.TANH}, 7);
        model = new Model(List.of("Größe", "say \"hi\"", "温度"), model.network());
        Path file = dir.resolve("model.py");
        export.write(model, file);

        Python.Run run = Python.run(file, "1 2\n".getBytes(StandardCharsets.US_ASCII), Map.of());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("expected 3 numbers per example (Größe, say \"hi\", 温度), got 2");
    }

    @Test
    void itsTextIsTheSameForTheSameModelAndItsWeightsAreLiterals() throws IOException {
        Model model = ExportTestModels.model(new int[] {2, 2, 1}, new Activation[] {Activation.RELU,
            Activation.SIGMOID}, 3);
        model.network().layer(0).setWeight(0, 0, 0.1);
        model.network().layer(0).setWeight(1, 1, -0.0);
        model.network().layer(1).setBias(0, 1.0E-5);
        Path file = dir.resolve("model.py");
        export.write(model, file);

        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(text).isEqualTo(PythonNumpyExport.source(model));
        assertThat(text).contains("INPUTS = [\"x1\", \"x2\"]", "0.1, ", "-0.0]", "np.array([1.0E-5], "
                + "dtype=np.float64)", "def relu(a):", "def sigmoid(a):").doesNotContain("def tanh(a):");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWeightThatIsNotFiniteIsRefusedAndTheOldFileKept() throws IOException {
        Path file = dir.resolve("model.py");
        Files.writeString(file, "# the previous export\n");
        Model model = ExportTestModels.model(new int[] {2, 3, 1}, new Activation[] {Activation.RELU,
            Activation.LINEAR}, 4);
        model.network().layer(0).setWeight(1, 2, Double.NaN);

        assertThatThrownBy(() -> export.write(model, file)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": layer 1 of 2, unit 3: the weight from input 2 is "
                        + "NaN");
        assertThat(Files.readString(file)).isEqualTo("# the previous export\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** INPUTS, the weights (bit for bit, float64, Keras' shapes) and the activation functions' names. */
    private static void assertHolds(Model model, JsonNode result, String as) {
        List<String> inputs = new ArrayList<>();
        result.get("inputs").forEach(n -> inputs.add(n.asText()));
        assertThat(inputs).as(as).isEqualTo(model.inputs());
        Network network = model.network();
        assertThat(result.get("kernels")).as(as).hasSize(network.depth());
        assertThat(result.get("dtypes").toString()).as(as).isEqualTo("[\"<f8\"]");
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            assertThat(result.at("/shapes/" + l).toString()).as(as)
                    .isEqualTo("[[" + layer.inputs() + "," + layer.units() + "],[" + layer.units() + "]]");
            assertBitsEqual(layer.kernelCopy(), matrix(result.at("/kernels/" + l)), as + " kernel " + l);
            assertBitsEqual(new double[][] {layer.biasCopy()}, new double[][] {vector(result.at("/biases/" + l))},
                    as + " bias " + l);
            assertThat(result.at("/activations/" + l).asText()).as(as).isEqualTo(layer.activation().kerasName());
        }
    }

    private static void assertLines(Model model, double[][] x, String stdout) {
        List<String> lines = stdout.lines().toList();
        double[][] printed = new double[lines.size()][];
        for (int r = 0; r < printed.length; r++) {
            printed[r] = Arrays.stream(lines.get(r).split(" ")).mapToDouble(Double::parseDouble).toArray();
        }
        ExportTestModels.assertClose(ExportTestModels.predictions(model, x), printed, 1e-12, stdout);
    }

    static void assertAscii(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i] == '\n' || (bytes[i] >= 0x20 && bytes[i] < 0x7f)).as(file.getFileName() + ": byte "
                    + i + " is " + bytes[i]).isTrue();
        }
    }
}
