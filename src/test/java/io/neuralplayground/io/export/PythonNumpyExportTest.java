package io.neuralplayground.io.export;

import static io.neuralplayground.io.NetworkAssertions.assertBitsEqual;
import static io.neuralplayground.io.export.ExportChecks.matrix;
import static io.neuralplayground.io.export.ExportChecks.vector;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelGenerators;
import io.neuralplayground.testing.Python;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void itsPredictAgreesWithTheEngineAndItHoldsExactlyTheWeightsAndNames() {
        Python.require("numpy");

        List<ExportChecks.Checked> checked = ExportChecks.runCases("run_exported.py", Map.of(), 100,
                c -> dir.resolve("model" + c + ".py"), ExportChecks.checkingAscii(export));

        for (ExportChecks.Checked c : checked) {
            String as = c.name();
            JsonNode result = c.result();
            assertHolds(c.model(), result, as);
            double[][] expected = c.expected();
            // Weights are exact, but NumPy adds in its own order (and with its own tanh and exp): not bit for bit.
            ExportTestModels.assertClose(expected, matrix(result.get("batch")), 1e-12, as + " batch");
            ExportTestModels.assertClose(new double[][] {expected[0]}, new double[][] {vector(result.get("single"))},
                    1e-12, as + " single");
        }
    }

    @Test
    void theHardestDoublesArriveInPythonBitForBit() {
        Python.require("numpy");
        int n = ModelGenerators.SPECIAL_DOUBLES.length;
        double[] bias = {-Double.MAX_VALUE, Double.MIN_VALUE};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("in" + i);
        }
        Model model = ExportTestModels.specialDoubles(names, bias, Activation.LINEAR);
        Path file = dir.resolve("special.py");
        export.write(model, file);

        // At x = 0 every product is 0 whatever the weight, so the outputs are the biases exactly.
        double[][] x = {new double[n]};
        JsonNode result = ExportChecks.runOne("run_exported.py", file, x, Map.of());

        assertHolds(model, result, "special doubles");
        assertBitsEqual(new double[][] {bias}, matrix(result.get("batch")), "predictions at 0");
    }

    @Test
    void asAScriptItPredictsTheExamplesGivenAsArgumentsOrOnePerLine() {
        Python.require("numpy");
        Model model = ExportTestModels.named("every layer softmax");
        Path file = exported(model);

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
        Path file = exported(model);

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
        Path file = exported(model);

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
        Model model = ExportTestModels.model(new int[] {2, 3, 1}, new Activation[] {Activation.RELU,
            Activation.LINEAR}, 4);
        model.network().layer(0).setWeight(1, 2, Double.NaN);

        ExportChecks.assertRefusedAndTheOldFileKept(export, model, file, "# the previous export\n",
                "Cannot save " + file + ": layer 1 of 2, unit 3: the weight from input 2 is NaN");
    }

    /** {@code model} exported to model.py in the test's folder. */
    private Path exported(Model model) {
        Path file = dir.resolve("model.py");
        export.write(model, file);
        return file;
    }

    /** INPUTS, the weights (bit for bit, float64, Keras' shapes) and the activation functions' names. */
    private static void assertHolds(Model model, JsonNode result, String as) {
        assertThat(ExportChecks.strings(result.get("inputs"))).as(as).isEqualTo(model.inputs());
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
        ExportTestModels.assertClose(ExportTestModels.predictions(model, x),
                ExportChecks.printed(stdout.lines().toList()), 1e-12, stdout);
    }
}
