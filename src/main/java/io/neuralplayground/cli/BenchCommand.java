package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.Main;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.session.DataSource;
import io.neuralplayground.session.TrainingPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: epochs per second of the training engine on one thread, as TF Playground counts them: one epoch
 * is one SGD pass over the training examples in a fixed order, then the train and the test loss.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure training speed in epochs per second on one thread.", "",
            "On TF Playground's default network and on its largest: circle, 500 points, 50 %% training,",
            "batch 10, learning rate 0.03, tanh; an epoch is one SGD pass plus the train and test loss.",
            "Each run starts from the same weights and trains a fixed number of epochs; the median is printed.", "",
            "With --network fashion-mnist: seconds per epoch of the float32 engine on the lecture's model,",
            "784-128 relu-10 softmax, sparse categorical cross-entropy, SGD 0.05, batch 32, shuffled, over the",
            "60,000 training images; one warm-up epoch, then --epochs timed ones, and the test accuracy."},
        footer = {"", "Examples:", "  neural-playground bench --runs 5",
            "  neural-playground bench --network fashion-mnist --epochs 3"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Timed runs per network. Default: ${DEFAULT-VALUE}.")
    private int runs;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "3",
            description = "Untimed training per network before the runs, for the JIT compiler. "
                    + "Default: ${DEFAULT-VALUE}.")
    private double warmupSeconds;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1",
            description = "Multiplies the epochs per run (default runs last about a second each). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double scale;

    @Option(names = "--network", paramLabel = "NAME", defaultValue = "both",
            description = "default, largest, both, or fashion-mnist (the float32 engine on images). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String network;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "fashion-mnist: timed epochs after the warm-up one. Default: ${DEFAULT-VALUE}.")
    private int imageEpochs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "fashion-mnist: threads of the matrix kernel (1 gives the figure per core). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "fashion-mnist: the seed of the weights and the shuffling. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--accuracy-seeds", paramLabel = "N", defaultValue = "5",
            description = "fashion-mnist: networks of seeds --seed, --seed + 1, … trained 3 epochs each, untimed, for "
                    + "the median test accuracy (0: none). Default: ${DEFAULT-VALUE}.")
    private int accuracySeeds;

    @Option(names = "--images", paramLabel = "DIR",
            description = "fashion-mnist: the folder of its four IDX files (default: Debian's package, or the "
                    + "download cache).")
    private java.nio.file.Path images;

    @Option(names = "--fork", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure each network in a fresh JVM, so that the JIT compiler's profile of one network "
                    + "does not slow the other (as JMH does). Default: ${DEFAULT-VALUE}.")
    private boolean fork;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    /** One benchmarked network; {@code option} is its value of --network. */
    record Case(String option, String name, String features, int[] hidden, int epochsPerRun) {
    }

    static final List<Case> CASES = List.of(
            new Case("default", "default 2-4-2-1 tanh", "x1,x2", new int[] {4, 2}, 30_000),
            new Case("largest", "largest 7-8x6-1 tanh", "all", new int[] {8, 8, 8, 8, 8, 8}, 3_000));

    /** A case's measurement: epochs per second of each run, and their median. */
    record Measurement(Case benchCase, double[] epochsPerSecond) {
        double median() {
            double[] sorted = epochsPerSecond.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("--scale must be above 0, got " + scale);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (network.trim().equalsIgnoreCase("fashion-mnist")) {
            return benchImages(out);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Case c : selectedCases()) {
            Measurement m = fork ? measureInFreshJvm(c) : measure(c);
            measurements.add(m);
            if (!json) {
                out.printf(Locale.US, "%s: %,d epochs/s (median of %d)%n", c.name(), Math.round(m.median()), runs);
            }
        }
        if (json) {
            out.println(Json.pretty(toJson(measurements)));
        }
        return Cli.OK;
    }

    private int benchImages(PrintWriter out) {
        if (imageEpochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + imageEpochs);
        }
        io.neuralplayground.engine.f32.Gemm gemm = io.neuralplayground.engine.f32.Gemms.best(threads);
        PrintWriter progress = json ? null : out;
        if (progress != null) {
            progress.println("kernel: " + gemm.description());
        }
        ImageBench.Result result = ImageBench.run(images, imageEpochs, seed, Math.max(0, accuracySeeds), gemm, progress);
        if (json) {
            ObjectNode root = Json.object();
            root.putArray("networks").add(ImageBench.toJson(result));
            out.println(Json.pretty(root));
        } else {
            ImageBench.print(result, out);
        }
        return Cli.OK;
    }

    private List<Case> selectedCases() {
        String chosen = network.trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("both")) {
            return CASES;
        }
        return CASES.stream().filter(c -> c.option().equals(chosen)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("--network must be default, largest, both or "
                        + "fashion-mnist, got '" + network + "'"));
    }

    /** Runs this command for one network in a child JVM with the same class path, and reads its JSON. */
    private Measurement measureInFreshJvm(Case c) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench", "--no-fork", "--json",
                "--network", c.option(),
                "--runs", Integer.toString(runs), "--warmup", Double.toString(warmupSeconds),
                "--scale", Double.toString(scale)));
        try {
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] output = child.getInputStream().readAllBytes();
            if (child.waitFor() != 0) {
                throw new PlaygroundException("The benchmark's child JVM failed (exit code " + child.exitValue() + ")");
            }
            JsonNode result = Json.parse(output).path("networks").path(0);
            double[] rates = new double[result.path("runs").size()];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = result.path("runs").path(i).asDouble();
            }
            return new Measurement(c, rates);
        } catch (IOException e) {
            throw new PlaygroundException("Could not start a JVM for the benchmark: " + e.getMessage()
                    + " (use --no-fork to measure in this JVM)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaygroundException("The benchmark was interrupted", e);
        }
    }

    private Measurement measure(Case c) {
        int epochs = Math.max(1, (int) Math.round(c.epochsPerRun() * scale));
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            train(trainer(c), Math.max(1, epochs / 10));
        }
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            Trainer trainer = trainer(c);
            long start = System.nanoTime();
            train(trainer, epochs);
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[r] = epochs / seconds;
        }
        return new Measurement(c, rates);
    }

    private static void train(Trainer trainer, int epochs) {
        for (int e = 0; e < epochs; e++) {
            trainer.runEpoch();
        }
    }

    /**
     * Playground's setup: circle, 500 points, noise 0, half for training, batch 10, lr 0.03, fixed order, and its
     * loss, ½‖y − t‖² on a tanh output (not the lecture's default), so the figures compare with its engine's.
     */
    static Trainer trainer(Case c) {
        return TrainingPlan.builder()
                .data(DataSource.Generated.of(PlaygroundDataset.CIRCLE, 0))
                .loss(Loss.HALF_SQUARED_ERROR)
                .trainRatio(0.5)
                .seed(1)
                .features(List.of(c.features().split(",")))
                .hidden(c.hidden())
                .optimizer(Optimizer.sgd())
                .learningRate(0.03)
                .batchSize(10)
                .shuffle(false)
                .build()
                .prepare()
                .trainer();
    }

    private ObjectNode toJson(List<Measurement> measurements) {
        ObjectNode root = Json.object();
        root.put("unit", "epochs per second, one thread");
        ArrayNode cases = root.putArray("networks");
        for (Measurement m : measurements) {
            ObjectNode node = cases.addObject();
            node.put("name", m.benchCase().name());
            node.put("median", m.median());
            node.set("runs", Json.numbers(m.epochsPerSecond()));
        }
        return root;
    }
}
