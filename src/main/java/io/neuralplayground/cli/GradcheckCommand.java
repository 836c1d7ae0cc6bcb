package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.GradientCheck;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.ParameterSample;
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

/**
 * {@code gradcheck}: backprop's gradient against finite differences for every parameter of a model, or for a seeded
 * random sample of a large one. Before it starts it says on standard error how many parameters it checks and how
 * long that will take (one forward pass timed, times four per parameter), and while it runs it prints a line of
 * progress there every few seconds; standard output holds only the report.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check backpropagation against finite differences, parameter by parameter.", "",
            "Prints the largest relative error. Examples come from --input/--target, from a dataset",
            "(--dataset or --data, the first --examples training examples), or are drawn at random.",
            "Checks all parameters of a model of up to " + GradcheckCommand.DEFAULT_SAMPLE + ", a random sample of "
                    + GradcheckCommand.DEFAULT_SAMPLE + " of",
            "a larger one (see --parameters). On standard error it says first how many it",
            "checks and about how long that takes, then shows its progress.",
            "Exit code 1 when the largest error is above --tolerance."},
        footer = {"", "Examples:",
            "  neural-playground gradcheck --model model.json",
            "  neural-playground gradcheck --model model.json --dataset spiral --examples 20 --all",
            "  neural-playground gradcheck --model big.json --parameters 1000 --seed 7"})
final class GradcheckCommand implements Callable<Integer> {
    /**
     * Models of up to this many parameters are checked whole; of a larger one a random sample of this many, which
     * finds a fault of backprop that touches as few as one parameter in a thousand with near certainty (see
     * {@link ParameterSample}) and takes 40,000 forward passes: seconds for a network of a hundred thousand
     * parameters, the estimate says how long for a larger one.
     */
    static final int DEFAULT_SAMPLE = 10_000;

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

    @Option(names = "--parameters", paramLabel = "N|all",
            description = "Check a random sample of N parameters, drawn from --seed (the same seed, the same sample);"
                    + " all (or 0) checks every one. Default: all up to " + DEFAULT_SAMPLE + " parameters, a sample of "
                    + DEFAULT_SAMPLE + " above.")
    private String parameters;

    @Option(names = "--all", description = "Print every checked parameter, not only the worst.")
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
        GradientCheck check = GradientCheck.of(m.network(), chosen, batch.inputs(), batch.targets());
        ParameterSample sample = sample(m.network());
        PrintWriter err = spec.commandLine().getErr();
        announce(err, check, sample, batch.inputs().length);
        GradientCheck.Result result = check.run(sample,
                new ProgressLines(err, System::nanoTime, ProgressLines.INTERVAL_NANOS));
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = result.maxRelativeError() <= tolerance;
        if (json) {
            out.println(Json.pretty(toJson(result, sample, batch.inputs().length, ok)));
        } else {
            print(out, result, sample, batch.inputs().length, chosen, ok);
        }
        return ok ? Cli.OK : Cli.FAILED;
    }

    /** The parameters --parameters asks for, or the default: all, or a sample of a large model. */
    private ParameterSample sample(Network network) {
        int total = network.parameterCount();
        if (parameters == null) {
            return total <= DEFAULT_SAMPLE ? ParameterSample.all(total)
                    : ParameterSample.random(network, DEFAULT_SAMPLE, data.seed);
        }
        String given = parameters.trim();
        if (given.equalsIgnoreCase("all")) {
            return ParameterSample.all(total);
        }
        int count;
        try {
            count = Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--parameters: '" + given + "' is neither a whole number nor all: "
                    + "give how many parameters to check, such as 1000, or all");
        }
        if (count < 0) {
            throw new IllegalArgumentException("--parameters must be a count of at least 1, or all (or 0) for every "
                    + "parameter, got " + count);
        }
        return count == 0 ? ParameterSample.all(total) : ParameterSample.random(network, count, data.seed);
    }

    /** Says on standard error what will be checked and how long it takes, before it starts. */
    private void announce(PrintWriter err, GradientCheck check, ParameterSample sample, int count) {
        double perEvaluation = LossTiming.secondsPerEvaluation(check, sample.size(), System::nanoTime);
        String what = sample.isAll() ? "all " + sample.total() + " parameters"
                : "a random sample of " + sample.size() + " of " + sample.total() + " parameters (seed "
                        + sample.seed().getAsLong() + (parameters == null ? ", the default above " + DEFAULT_SAMPLE
                                + "; --parameters N or all to choose" : "") + ")";
        err.printf(Locale.ROOT, "checking %s on %d %s, %d forward passes each: %s%n", what, count,
                count == 1 ? "example" : "examples", GradientCheck.EVALUATIONS_PER_PARAMETER,
                Durations.approximately(LossTiming.seconds(sample.size(), perEvaluation)));
        err.flush();
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

    private void print(PrintWriter out, GradientCheck.Result result, ParameterSample sample, int count, Loss chosen,
            boolean ok) {
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
        out.printf(Locale.ROOT, "%s, %d examples, %s: %s%n", checked(sample), count, chosen,
                ok ? "below the tolerance " + tolerance
                        : "ABOVE the tolerance " + tolerance + " (near a kink of relu or an absolute error this can "
                                + "be the difference quotient, not backprop)");
    }

    /** "13 parameters", or for a sample "checked 10000 of 1200100 parameters (random sample, seed 1)". */
    private static String checked(ParameterSample sample) {
        return sample.isAll() ? sample.total() + " parameters"
                : "checked " + sample.size() + " of " + sample.total() + " parameters (random sample, seed "
                        + sample.seed().getAsLong() + ")";
    }

    private static String name(GradientCheck.Entry e) {
        return e.bias() ? String.format(Locale.ROOT, "layer %d bias[%d]", e.layer(), e.col())
                : String.format(Locale.ROOT, "layer %d kernel[%d][%d]", e.layer(), e.row(), e.col());
    }

    private ObjectNode toJson(GradientCheck.Result result, ParameterSample sample, int count, boolean ok) {
        ObjectNode root = Json.object();
        root.put("max_relative_error", result.maxRelativeError());
        root.put("tolerance", tolerance);
        root.put("ok", ok);
        root.put("examples", count);
        root.put("step", GradientCheck.STEP);
        // Only a sample says so: a check of every parameter reads as it always did.
        if (!sample.isAll()) {
            ObjectNode drawn = root.putObject("sample");
            drawn.put("checked", sample.size());
            drawn.put("of", sample.total());
            drawn.put("seed", sample.seed().getAsLong());
        }
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
