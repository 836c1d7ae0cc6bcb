package io.neuralplayground.cli;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.session.DataFile;
import io.neuralplayground.session.LossChoice;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.Speed;
import io.neuralplayground.ui.LaunchPlan;
import io.neuralplayground.ui.WindowScript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Option;

/** The window's starting state for the commands that open it (screenshot, perf). */
final class WindowOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "circle",
            description = "circle, xor, gauss, spiral, moons, checkerboard (two classes), blobs, spirals, rings "
                    + "(3 to 6, see --classes), plane or multigauss (regression). Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Train on a CSV file instead of generated data (example:iris.csv and "
                    + "example:two-moons.csv are the bundled examples); see --label.")
    String data;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "label",
            description = "The CSV column holding the labels. Default: ${DEFAULT-VALUE}.")
    String label;

    @Option(names = "--no-standardize", description = "Feed the CSV's columns as they are, not as z-scores.")
    boolean noStandardize;

    @Option(names = "--classes", paramLabel = "K",
            description = "Number of classes of blobs, spirals and rings, 3 to 6. Default: 3.")
    Integer classes;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "binary_crossentropy, half_squared_error (Playground's), categorical_crossentropy, "
                    + "sparse_categorical_crossentropy, mean_squared_error or mean_absolute_error. Default: the "
                    + "lecture's for the data (binary cross-entropy for two classes, sparse categorical for more, "
                    + "mean squared error for regression).")
    String loss;

    @Option(names = "--features", paramLabel = "LIST", defaultValue = "x1,x2",
            description = "Input features: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 or 'all'. Default: ${DEFAULT-VALUE}.")
    String features;

    @Option(names = "--layers", paramLabel = "WIDTHS", defaultValue = "4,2",
            description = "Hidden layer widths, 0 to 6 layers of 1 to 8; 0 for none. Default: ${DEFAULT-VALUE}.")
    String layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "tanh",
            description = "Activation of the hidden layers. Default: ${DEFAULT-VALUE}.")
    String activation;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.03", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd, momentum, rmsprop or adam. Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "10", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--noise", paramLabel = "PERCENT", defaultValue = "0", description = "Noise, 0 to 50. Default: ${DEFAULT-VALUE}.")
    double noisePercent;

    @Option(names = "--ratio", paramLabel = "PERCENT", defaultValue = "50",
            description = "Training data in percent, 10 to 90. Default: ${DEFAULT-VALUE}.")
    double ratioPercent;

    @Option(names = "--reg", paramLabel = "KIND", defaultValue = "none", description = "none, l1 or l2. Default: ${DEFAULT-VALUE}.")
    String regularization;

    @Option(names = "--reg-rate", paramLabel = "RATE", defaultValue = "0", description = "Regularization rate. Default: ${DEFAULT-VALUE}.")
    double regularizationRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--show-test-data", description = "Show the test points on the output plot.")
    boolean showTestData;

    @Option(names = "--discretize", description = "Discretize the output plot.")
    boolean discretize;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1400", description = "Window width. Default: ${DEFAULT-VALUE}.")
    double width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "860", description = "Window height. Default: ${DEFAULT-VALUE}.")
    double height;

    @picocli.CommandLine.Mixin
    EarlyStoppingOptions stopping = new EarlyStoppingOptions();

    PlaygroundSettings settings() {
        PlaygroundDataset kind = PlaygroundDataset.byName(dataset);
        double noise = DataOptions.noise(noisePercent);
        if (!(ratioPercent >= 10 && ratioPercent <= 90)) {
            throw new IllegalArgumentException("--ratio must be between 10 and 90 (percent), got " + ratioPercent);
        }
        List<Integer> widths = new ArrayList<>();
        for (int w : Numbers.widths(layers)) {
            if (w > PlaygroundSettings.MAX_NEURONS) {
                throw new IllegalArgumentException("--layers: the window shows 1 to 8 neurons per layer, got " + w);
            }
            widths.add(w);
        }
        if (widths.size() > PlaygroundSettings.MAX_LAYERS) {
            throw new IllegalArgumentException("--layers: the window shows 0 to 6 hidden layers, got " + widths.size());
        }
        Activation hidden = Activation.byName(activation);
        Regularization.Kind regKind = Regularization.Kind.byName(regularization);
        PlaygroundSettings problem = PlaygroundSettings.defaults().withDataset(kind);
        if (classes != null) {
            problem = problem.withClasses(DataOptions.classes(kind, classes));
        }
        if (data != null) {
            problem = problem.withData(DataFile.read(data, label, LabelKind.AUTO, !noStandardize));
        }
        if (loss != null) {
            LossChoice choice = LossChoice.byName(loss);
            if (!choice.fits(problem.problemClasses())) {
                throw new IllegalArgumentException("--loss " + choice.id() + " does not fit "
                        + (problem.hasDataFile() ? problem.data().displayName() : kind.id())
                        + ": choose one of " + LossChoice.choicesFor(problem.problemClasses()).stream()
                                .map(LossChoice::id).toList());
            }
            problem = problem.withLoss(choice);
        }
        PlaygroundSettings s = problem
                .withFeatures(data != null ? problem.features() : Feature.parseList(features))
                .withHidden(widths, Collections.nCopies(widths.size(), hidden))
                .withLearningRate(learningRate)
                .withOptimizer(Optimizer.byName(optimizer))
                .withBatchSize(batch)
                .withNoise(noise)
                .withTrainRatio(ratioPercent / 100)
                .withRegularization(Regularization.of(regKind, regularizationRate))
                .withSeed(seed)
                .withValidationShare(stopping.validationShare())
                .withEarlyStopping(stopping.rule());
        s.toPlan().prepare(); // fail here, with the message, rather than in the window
        return s;
    }

    LaunchPlan plan(Speed speed, WindowScript script) {
        return new LaunchPlan(settings(), speed, showTestData, discretize, width, height, script, null);
    }
}
