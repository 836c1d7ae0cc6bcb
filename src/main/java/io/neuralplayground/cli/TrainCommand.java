package io.neuralplayground.cli;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.ConfusionMatrix;
import io.neuralplayground.engine.EarlyStopper;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.EpochResult;
import io.neuralplayground.engine.Initializer;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.engine.TrainingConfig;
import io.neuralplayground.engine.TrainingDivergedException;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.DataSource;
import io.neuralplayground.session.EpochLog;
import io.neuralplayground.session.PreparedRun;
import io.neuralplayground.session.TrainingPlan;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a network on a dataset and prints the losses epoch by epoch. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network and print its losses and accuracy after each epoch.", "",
            "Defaults are TF Playground's: circle, features x1 and x2, layers 4,2, tanh, learning rate 0.03, "
                    + "batch 10, 50 %% training data, noise 0, no regularization; but as in Keras the examples are "
                    + "reshuffled every epoch and leftover examples make a smaller last batch (--no-shuffle "
                    + "--leftover carry-over for Playground's loop)."},
        footer = {"", "Examples:",
            "  neural-playground train --epochs 200 --every 20",
            "  neural-playground train --dataset spiral --features all --layers 8,8,8 --activation relu --epochs 500",
            "  neural-playground train --data datasets/two-moons.csv --label label --optimizer adam --lr 0.01 --out m.json",
            "  neural-playground train --data datasets/iris.csv --label species --standardize --layers 8 "
                    + "--activation relu --optimizer adam --lr 0.01 --epochs 200",
            "  neural-playground train --dataset spiral --features all --layers 8,8 --epochs 2000 --every 100 "
                    + "--early-stopping --patience 20 --min-delta 1e-4 --restore-best"})
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions data = new DataOptions();

    @Option(names = "--features", paramLabel = "LIST",
            description = "Input features: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 or 'all'; CSV column names for "
                    + "CSV data. Default: x1,x2 (all columns for CSV data without x1 and x2).")
    private String features;

    @Mixin
    private NetworkOptions network = new NetworkOptions();

    @Mixin
    private TrainingOptions training = new TrainingOptions();

    @Mixin
    private EarlyStoppingOptions stopping = new EarlyStoppingOptions();

    @Option(names = "--standardize",
            description = "Z-score every input column, (x - mean) / sd, with the mean and standard deviation of the "
                    + "training part only, applied to training and test examples alike; a column constant over the "
                    + "training part gets sd 1 (it becomes 0). The model file keeps the means and sds.")
    private boolean standardize;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100",
            description = "Epochs to train. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1",
            description = "Print every N-th epoch (and always the last). Default: ${DEFAULT-VALUE}.")
    private int every;

    @Option(names = "--json", description = "Print one JSON object per epoch instead of text, and for "
            + "classification a last object with the confusion matrices and per-class measures.")
    private boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the trained model here (model JSON).")
    private Path out;

    @Override
    public Integer call() {
        if (epochs < 0) {
            throw new IllegalArgumentException("--epochs must be 0 or more, got " + epochs);
        }
        if (every < 1) {
            throw new IllegalArgumentException("--every must be at least 1, got " + every);
        }
        OutFiles.checkEarly(out, "train prints its epochs on standard output, so the model cannot go there too "
                + "(export --model FILE --format json --out - prints a model file)");
        PrintWriter stdout = spec.commandLine().getOut();
        DataSource source = data.source(); // once: a CSV file is not read twice
        PreparedRun run = plan(source).prepare();
        Trainer trainer = run.trainer();
        EpochPrinter printer = new EpochPrinter(stdout, json);
        if (!json) {
            stdout.printf("%s; features %s; network %s; %s, %s, learning rate %s, batch %d, leftover %s%n",
                    run.dataset().name(), String.join(",", run.features().names()), describe(run),
                    trainer.config().loss(), trainer.config().optimizer().name(),
                    plain(trainer.config().learningRate()), trainer.config().batchSize(), trainer.config().leftover());
        }
        EarlyStopping rule = stopping.rule();
        EarlyStopper stopper = rule == null ? null : new EarlyStopper(rule, EarlyStopper.of(trainer.network()));
        if (!json && !trainer.validationSamples().isEmpty()) {
            stdout.printf("validation: %d of the training part's examples (%s)%n", trainer.validationSamples().count(),
                    stopping.validationSplit == null ? "0.2, the default with --early-stopping"
                            : "--validation-split " + plain(stopping.validationSplit));
        }
        History history = new History();
        TrainingDivergedException diverged = null;
        for (int e = 1; e <= epochs; e++) {
            EpochResult result;
            try {
                result = trainer.runEpoch();
            } catch (TrainingDivergedException error) {
                diverged = error;
                break;
            }
            history.add(result);
            boolean stop = stopper != null && stopper.observe(result);
            if (e % every == 0 || e == epochs || stop) {
                printer.print(result);
            }
            if (stop) {
                break;
            }
        }
        if (stopper != null) {
            printer.printEarlyStopping(stopper, stopper.hasStopped() ? stopper.reason() : finish(stopper));
        }
        // Also after a divergence: the trainer is back at the last good epoch's weights, which --out writes too.
        printMetrics(printer, run);
        if (out != null) {
            ModelFile.write(out, new Model(run.features().names(), trainer.network(), extras(run, source, history)));
            if (!json) {
                stdout.println("model written to " + out);
            }
        }
        if (diverged != null) {
            throw diverged; // only now, so that the epochs before it are written; Cli reports it as any error
        }
        return Cli.OK;
    }

    /**
     * Keras' {@code on_train_end} for a run whose epochs ran out: the best weights back when asked for.
     *
     * @return what happened, for the output
     */
    private static String finish(EarlyStopper stopper) {
        String watched = stopper.rule().monitor().kerasName();
        if (stopper.finish()) {
            return "Not stopped early; restored the weights of epoch " + stopper.bestEpoch() + ", the best " + watched;
        }
        return "Not stopped early; the best " + watched + " was at epoch " + stopper.bestEpoch();
    }

    /** For classification, how the final weights classify the training and the test examples. */
    private static void printMetrics(EpochPrinter printer, PreparedRun run) {
        Trainer trainer = run.trainer();
        Optional<ConfusionMatrix> train = trainer.confusion(false);
        if (train.isEmpty()) {
            return;
        }
        ConfusionMatrix test = trainer.testSamples().isEmpty() ? null : trainer.confusion(true).orElseThrow();
        printer.printMetrics(run.dataset().classNames(), train.get(), test);
    }

    private TrainingPlan plan(DataSource source) {
        TrainingPlan.Builder plan = TrainingPlan.builder()
                .data(source)
                .trainRatio(data.trainRatio())
                .validationShare(stopping.validationShare())
                .seed(data.seed)
                .features(features == null ? null : featureList())
                .hiddenActivation(Activation.byName(network.activation))
                .outputActivation(network.outputActivation == null ? null
                        : Activation.byName(network.outputActivation))
                .loss(training.loss == null ? null : Loss.byName(training.loss))
                .optimizer(Optimizer.byName(training.optimizer))
                .learningRate(training.learningRate)
                .batchSize(training.batch)
                .leftover(LeftoverExamples.byName(training.leftover))
                .regularization(regularization())
                .shuffle(!training.noShuffle)
                .standardize(standardize)
                .initializer(Initializer.byName(network.init));
        if (network.initModel != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--layers")) {
                throw new IllegalArgumentException("--layers and --init-model both give the network's shape: "
                        + "leave out --layers");
            }
            Model start = ModelFile.read(network.initModel);
            plan.initialNetwork(start.network());
            if (features == null) {
                plan.features(start.inputs());
            }
        } else {
            plan.hidden(Numbers.widths(network.layers));
        }
        return plan.build();
    }

    /** The names as typed; the plan takes a single "all" for every feature. */
    private List<String> featureList() {
        return Stream.of(features.split(",", -1)).map(String::trim).toList();
    }

    private Regularization regularization() {
        return Regularization.of(Regularization.Kind.byName(training.regularization), training.regularizationRate);
    }

    /** A number as typed: 0.03, 50, 1e-05. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String describe(PreparedRun run) {
        return run.network().describe() + " " + run.network().layers().stream()
                .map(layer -> layer.activation().kerasName()).collect(Collectors.joining("/"));
    }

    private Map<String, Object> extras(PreparedRun run, DataSource source, History history) {
        TrainingConfig config = run.trainer().config();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("dataset", run.dataset().name());
        training.put("loss", config.loss().kerasName());
        training.put("optimizer", config.optimizer().name());
        training.put("learning_rate", config.learningRate());
        training.put("batch_size", config.batchSize());
        training.put("leftover_examples", config.leftover().id());
        training.put("regularization", config.regularization().kind().toString());
        training.put("regularization_rate", config.regularization().rate());
        training.put("shuffle", config.shuffle());
        training.put("train_ratio", data.trainRatio());
        training.put("validation_split", stopping.validationShare());
        if (stopping.rule() != null) {
            training.put("early_stopping", stopping.rule().toKeras());
        }
        training.put("standardize", standardize);
        if (source instanceof DataSource.Generated generated) {
            training.put("noise", generated.noise());
        }
        training.put("epochs", run.trainer().epoch());
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("seed", data.seed);
        extras.put("training", training);
        extras.put("history", history.toMap());
        run.standardization().ifPresent(fitted -> {
            // A network trained on z-scores needs them to read raw inputs: z = (x - mean) / sd per column.
            Map<String, Object> z = new LinkedHashMap<>();
            z.put("columns", fitted.columnNames());
            z.put("mean", DoubleStream.of(fitted.means()).boxed().toList());
            z.put("sd", DoubleStream.of(fitted.standardDeviations()).boxed().toList());
            extras.put("standardization", z);
        });
        return extras;
    }

    /**
     * The per-epoch measurements, kept as columns for the model file: an {@link EpochLog}, thinned beyond its capacity
     * as the window's is, so that a run of millions of epochs keeps its memory (and its file) bounded.
     */
    private static final class History {
        private final EpochLog log = new EpochLog(0);

        void add(EpochResult r) {
            log.add(r);
        }

        Map<String, Object> toMap() {
            EpochLog.Slice h = log.since(0);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("epoch", java.util.stream.IntStream.of(h.epochs()).boxed().toList());
            map.put("train_loss", column(h.trainLoss()));
            map.put("test_loss", column(h.testLoss()));
            map.put("train_accuracy", column(h.trainAccuracy()));
            map.put("test_accuracy", column(h.testAccuracy()));
            if (DoubleStream.of(h.validationLoss()).anyMatch(v -> !Double.isNaN(v))) {
                map.put("val_loss", column(h.validationLoss()));
                map.put("val_accuracy", column(h.validationAccuracy()));
            }
            return map;
        }

        /** The values, a missing one (NaN) as null. */
        private static List<Double> column(double[] values) {
            List<Double> column = new ArrayList<>(values.length);
            for (double v : values) {
                column.add(Double.isNaN(v) ? null : v);
            }
            return column;
        }
    }
}
