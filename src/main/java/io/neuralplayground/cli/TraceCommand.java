package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.engine.BackpropTrace;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: every number of one forward and backward pass, as JSON. */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print every number of backpropagation on one example as JSON.", "",
            "forward: per layer a and h; the loss; backward: per layer, last first, g_in, g_a, grad_bias,",
            "grad_kernel (Keras' kernel layout, inputs × units) and g_out. Several examples separated by ';'",
            "give matrices whose rows are examples and gradients averaged over them."},
        footer = {"", "Example:",
            "  neural-playground trace --model resources/examples/mazur-2-2-2.json --input 0.05,0.1 "
                    + "--target 0.01,0.99"})
final class TraceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model file (JSON).")
    private Path model;

    @Option(names = "--input", paramLabel = "X", required = true,
            description = "The input, comma-separated; several examples separated by ';'.")
    private String input;

    @Option(names = "--target", paramLabel = "T", required = true,
            description = "The target, one value per output (the class index for the sparse loss); "
                    + "several separated by ';'.")
    private String target;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "half_squared_error",
            description = "The loss. Default: ${DEFAULT-VALUE}.")
    private String loss;

    @Override
    public Integer call() {
        Model m = ModelFile.read(model);
        double[][] inputs = Numbers.rows(input, "--input");
        double[][] targets = Numbers.rows(target, "--target");
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException("--input has " + inputs.length + " examples but --target has "
                    + targets.length);
        }
        BackpropTrace trace = BackpropTrace.of(m.network(), Loss.byName(loss), inputs, targets);
        spec.commandLine().getOut().println(Json.pretty(toJson(trace, m)));
        return Cli.OK;
    }

    static ObjectNode toJson(BackpropTrace trace, Model model) {
        boolean single = trace.examples() == 1;
        ObjectNode root = Json.object();
        root.put("loss_function", trace.loss().kerasName());
        root.set("inputs", Json.strings(model.inputs()));
        root.set("input", matrix(trace.input(), single));
        root.set("target", matrix(trace.target(), single));
        ArrayNode forward = root.putArray("forward");
        for (BackpropTrace.LayerForward layer : trace.forward()) {
            ObjectNode node = forward.addObject();
            node.put("layer", layer.layer());
            node.put("activation", layer.activation().kerasName());
            node.set("a", matrix(layer.a(), single));
            node.set("h", matrix(layer.h(), single));
        }
        root.set("output", matrix(trace.output(), single));
        root.put("loss", trace.meanLoss());
        if (!single) {
            root.set("example_losses", Json.numbers(trace.exampleLosses()));
        }
        ArrayNode backward = root.putArray("backward");
        for (BackpropTrace.LayerBackward layer : trace.backward()) {
            ObjectNode node = backward.addObject();
            node.put("layer", layer.layer());
            if (layer.fused()) {
                node.put("fused", true);
            }
            node.set("g_in", matrix(layer.gIn(), single));
            node.set("g_a", matrix(layer.gA(), single));
            node.set("grad_bias", matrix(layer.gradBias(), true));
            node.set("grad_kernel", matrix(layer.gradKernel(), false));
            node.set("g_out", matrix(layer.gOut(), single));
        }
        return root;
    }

    /** A matrix as rows of numbers; a one-row matrix as a plain vector when {@code vector} is set. */
    private static JsonNode matrix(DMatrixRMaj matrix, boolean vector) {
        if (vector && matrix.numRows == 1) {
            return Json.numbers(matrix.data, matrix.numCols);
        }
        ArrayNode rows = Json.array();
        for (int r = 0; r < matrix.numRows; r++) {
            double[] row = new double[matrix.numCols];
            System.arraycopy(matrix.data, r * matrix.numCols, row, 0, matrix.numCols);
            rows.add(Json.numbers(row));
        }
        return rows;
    }
}
