package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.GradientCheck;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.Samples;
import io.neuralplayground.engine.TargetEncoding;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.PreparedRun;
import io.neuralplayground.session.TrainingPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: backprop's gradient against finite differences for every parameter of a model. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check backpropagation against finite differences, parameter by parameter.", "",
            "Prints the largest relative error. Examples come from --input/--target, from a dataset",
            "(--dataset or --data, the first --examples training examples), or are drawn at random.",
            "Exit code 1 when the largest error is above --tolerance."},
        footer = {"", "Examples:",
            "  neural-playground gradcheck --model model.json",
            "  neural-playground gradcheck --model model.json --dataset spiral --examples 20 --all"})
final class GradcheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model file (JSON).")
    private Path model;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "half_squared_error",
            description = "The loss. Default: ${DEFAULT-VALUE}.")
    private String loss;

    @Mixin
    private ExampleOptions example = new ExampleOptions();

    @Mixin
    private DataOptions data = new DataOptions();

    @Option(names = "--examples", paramLabel = "N", defaultValue = "10",
            description = "How many examples to check on. Default: ${DEFAULT-VALUE}.")
    private int examples;

    @Option(names = "--tolerance", paramLabel = "E", defaultValue = "1e-5",
            description = "Largest acceptable relative error. Default: ${DEFAULT-VALUE}.")
    private double tolerance;

    @Option(names = "--all", description = "Print every parameter, not only the worst.")
    private boolean all;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        if (examples < 1) {
            throw new IllegalArgumentException("--examples must be at least 1, got " + examples);
        }
        Model m = ModelFile.read(model);
        Loss chosen = Loss.byName(loss);
        Examples batch = examples(m, chosen);
        GradientCheck.Result result = GradientCheck.run(m.network(), chosen, batch.inputs(), batch.targets());
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = result.maxRelativeError() <= tolerance;
        if (json) {
            out.println(Json.pretty(toJson(result, batch.inputs().length, ok)));
        } else {
            print(out, result, batch.inputs().length, chosen, ok);
        }
        return ok ? Cli.OK : Cli.FAILED;
    }

    /** The examples to check on, one row each. */
    private record Examples(double[][] inputs, double[][] targets) {
    }

    private Examples examples(Model m, Loss chosen) {
        if (example.given()) {
            return new Examples(example.inputs(), example.targets());
        }
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--dataset") || parsed.hasMatchedOption("--data")) {
            return fromDataset(m, chosen);
        }
        return random(m.network(), chosen, new Rng(data.seed));
    }

    private Examples fromDataset(Model m, Loss chosen) {
        PreparedRun run = TrainingPlan.builder()
                .data(data.source())
                .trainRatio(data.trainRatio())
                .seed(data.seed)
                .features(m.inputs())
                .initialNetwork(m.network())
                .loss(chosen)
                .build()
                .prepare();
        Samples train = run.trainer().trainSamples();
        int n = Math.min(examples, train.count());
        double[][] x = new double[n][];
        double[][] t = new double[n][];
        for (int r = 0; r < n; r++) {
            x[r] = train.inputRow(r);
            t[r] = train.targetRow(r);
        }
        return new Examples(x, t);
    }

    /** Inputs uniform in [−1, 1]; targets of the kind the loss expects. */
    private Examples random(Network network, Loss chosen, Rng rng) {
        int outputs = network.outputs();
        Activation output = network.outputLayer().activation();
        double low = output == Activation.SIGMOID || output == Activation.SOFTMAX ? 0 : -1;
        double[][] x = new double[examples][network.inputs()];
        double[][] t = new double[examples][];
        for (int r = 0; r < examples; r++) {
            for (int i = 0; i < x[r].length; i++) {
                x[r][i] = rng.uniform(-1, 1);
            }
            int cls = rng.nextInt(outputs);
            t[r] = switch (chosen) {
                case SPARSE_CATEGORICAL_CROSSENTROPY -> new double[] {cls};
                case CATEGORICAL_CROSSENTROPY -> TargetEncoding.ONE_HOT.encode(cls, outputs);
                default -> {
                    double[] v = new double[outputs];
                    for (int j = 0; j < outputs; j++) {
                        v[j] = chosen == Loss.BINARY_CROSSENTROPY ? rng.nextInt(2) : rng.uniform(low, 1);
                    }
                    yield v;
                }
            };
        }
        return new Examples(x, t);
    }

    private void print(PrintWriter out, GradientCheck.Result result, int count, Loss chosen, boolean ok) {
        if (all) {
            out.printf("%-26s %22s %22s %12s%n", "parameter", "backprop", "finite difference", "rel. error");
            for (GradientCheck.Entry e : result.entries()) {
                out.printf(Locale.ROOT, "%-26s %22.15e %22.15e %12.3e%n", name(e), e.backprop(), e.numeric(),
                        e.relativeError());
            }
        }
        GradientCheck.Entry worst = result.worst();
        out.printf(Locale.ROOT, "largest relative error %.3e at %s (backprop %.15g, finite difference %.15g)%n",
                result.maxRelativeError(), name(worst), worst.backprop(), worst.numeric());
        out.printf(Locale.ROOT, "%d parameters, %d examples, %s: %s%n", result.entries().size(), count, chosen,
                ok ? "below the tolerance " + tolerance
                        : "ABOVE the tolerance " + tolerance + " (near a kink of relu or an absolute error this can "
                                + "be the difference quotient, not backprop)");
    }

    private static String name(GradientCheck.Entry e) {
        return e.bias() ? String.format(Locale.ROOT, "layer %d bias[%d]", e.layer(), e.col())
                : String.format(Locale.ROOT, "layer %d kernel[%d][%d]", e.layer(), e.row(), e.col());
    }

    private ObjectNode toJson(GradientCheck.Result result, int count, boolean ok) {
        ObjectNode root = Json.object();
        root.put("max_relative_error", result.maxRelativeError());
        root.put("tolerance", tolerance);
        root.put("ok", ok);
        root.put("examples", count);
        root.put("step", GradientCheck.STEP);
        ArrayNode entries = root.putArray("parameters");
        for (GradientCheck.Entry e : result.entries()) {
            if (!all && e != result.worst()) {
                continue;
            }
            ObjectNode node = entries.addObject();
            node.put("layer", e.layer());
            node.put("kind", e.bias() ? "bias" : "kernel");
            node.put("row", e.row());
            node.put("col", e.col());
            node.put("backprop", e.backprop());
            node.put("numeric", e.numeric());
            node.put("relative_error", e.relativeError());
        }
        return root;
    }
}
