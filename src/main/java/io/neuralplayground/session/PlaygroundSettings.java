package io.neuralplayground.session;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything the playground window lets the user choose, as one immutable value. Two kinds of change:
 * those TF Playground resets on (data, features, shape, activations, regularization, ratio, noise, batch) rebuild
 * the network, and so does the way with leftover examples, which cuts the epoch into batches as the batch size
 * does; the learning rate and the optimizer change while training goes on, and painted points join the training
 * data under the same weights. Change settings with the withers (the window's edits, some with a rule: a new seed
 * starts the weight draws again) or with {@link #toBuilder()}, which sets each component as given.
 *
 * <p>How to add a setting: here, the component, its default in {@link #defaults()}, its field, copy, setter and
 * {@code build()} argument in {@link Builder}, its line in {@link #toPlan()} and in {@link #needsRebuild} (a live
 * one goes into {@code TrainingSession.changeLive} instead); its control, a {@code PlaygroundViewModel} property set
 * in {@code showSettings}, and its widget; its codecs, a key in {@link SettingsCodec} and one in {@link ShareString}.
 * PlaygroundSettingsTest walks the components and fails until builder, plan, rebuild rule and codecs carry it.
 *
 * @param dataset          one of the playground's generators; it also decides classification or regression
 * @param classes          the number of classes: for blobs, spirals and rings 3 to 6, otherwise the dataset's own
 *                         (2, or 0 for regression)
 * @param noise            0 to 0.5
 * @param trainRatio       0.1 to 0.9
 * @param batchSize        1 to 30 in the window
 * @param leftover         the examples beyond the last whole batch: carried into the next epoch (Playground's way,
 *                         the window's default) or a smaller last batch (Keras')
 * @param seed             drives data, initial weights and shuffling
 * @param weightDraw       0 for the seed's own initial weights, k for the k-th "new weights"
 * @param features         the input features switched on, in Playground's order
 * @param hiddenLayers     widths of the hidden layers (0 to 6 layers of 1 to 8)
 * @param hiddenActivations one activation per hidden layer
 * @param outputActivation the output layer's activation, one of those {@code loss} allows
 * @param loss             the loss with its kind of output (the lecture's table, see {@link LossChoice})
 * @param learningRate     live
 * @param optimizer        live
 * @param regularization   L1/L2 and rate
 * @param paintedPoints    points the user added, part of the training data
 * @param data             the user's own data (a CSV file) in place of the generated {@code dataset}, or null;
 *                         then the classes are the file's, its chosen columns are the inputs instead of
 *                         {@code features}, and nothing can be painted
 * @param validationShare  the fraction of the training part set aside for validation, 0 to 0.5 in the window (0: none,
 *                         as in Playground)
 * @param earlyStopping    Keras' early-stopping rule, or null when training goes on until paused; live
 */
public record PlaygroundSettings(PlaygroundDataset dataset, int classes, double noise, double trainRatio, int batchSize,
        LeftoverExamples leftover, long seed, int weightDraw, List<Feature> features, List<Integer> hiddenLayers,
        List<Activation> hiddenActivations, Activation outputActivation, LossChoice loss, double learningRate,
        Optimizer optimizer, Regularization regularization, List<Point> paintedPoints, DataFile data,
        double validationShare, EarlyStopping earlyStopping) {

    public static final int MAX_LAYERS = 6;
    public static final int MAX_NEURONS = 8;

    public PlaygroundSettings {
        Objects.requireNonNull(dataset);
        Objects.requireNonNull(leftover);
        Objects.requireNonNull(loss);
        features = List.copyOf(features);
        hiddenLayers = List.copyOf(hiddenLayers);
        hiddenActivations = List.copyOf(hiddenActivations);
        paintedPoints = List.copyOf(paintedPoints);
        if (hiddenActivations.size() != hiddenLayers.size()) {
            throw new IllegalArgumentException(hiddenLayers.size() + " hidden layers but " + hiddenActivations.size()
                    + " activations");
        }
        int problemClasses = data != null ? data.classes() : dataset.isClassification() ? classes : 0;
        if (data != null && !paintedPoints.isEmpty()) {
            throw new IllegalArgumentException("points can be painted on generated data only");
        }
        if (dataset.isClassification() && (classes < dataset.minClasses() || classes > dataset.maxClasses())) {
            throw new IllegalArgumentException(dataset.id() + " cannot have " + classes + " classes");
        }
        if (!loss.fits(problemClasses)) {
            throw new IllegalArgumentException(loss.label() + " does not fit " + (problemClasses == 0 ? "regression"
                    : problemClasses + " classes"));
        }
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("the validation share must be in [0, 1), got " + validationShare);
        }
        if (earlyStopping != null && earlyStopping.monitor().isAccuracy() && problemClasses == 0) {
            throw new IllegalArgumentException("early stopping on " + earlyStopping.monitor()
                    + " needs classes: regression has no accuracy");
        }
        if (!loss.allowedOutputs().contains(outputActivation)) {
            throw new IllegalArgumentException("a " + outputActivation.kerasName() + " output does not fit "
                    + loss.label() + ": choose " + loss.allowedOutputs().stream().map(Activation::kerasName).toList());
        }
    }

    /**
     * TF Playground's start: circle, x1 and x2, layers 4 and 2 with tanh, learning rate 0.03, batch 10, and its way
     * with leftover examples (carried into the next epoch); the loss is the lecture's for two classes, a sigmoid
     * output with binary cross-entropy ({@link #playgroundDefaults()} has Playground's own).
     */
    public static PlaygroundSettings defaults() {
        return new PlaygroundSettings(PlaygroundDataset.CIRCLE, 2, 0, 0.5, 10, LeftoverExamples.CARRY_OVER, 1, 0,
                List.of(Feature.X1, Feature.X2), List.of(4, 2), List.of(Activation.TANH, Activation.TANH),
                Activation.SIGMOID, LossChoice.BINARY_CROSSENTROPY, 0.03, Optimizer.sgd(), Regularization.NONE,
                List.of(), null, 0, null);
    }

    /** TF Playground's start in every respect, its loss too: a tanh output with ½‖y − t‖². */
    public static PlaygroundSettings playgroundDefaults() {
        return defaults().withLoss(LossChoice.PLAYGROUND);
    }

    /** The number of classes of the problem: {@link #classes()} for classification, 0 for regression. */
    public int problemClasses() {
        return data != null ? data.classes() : dataset.isClassification() ? classes : 0;
    }

    /** The network's input names: the data file's columns switched on, or the features' ids. */
    public List<String> inputNames() {
        return data != null ? data.columns() : features.stream().map(Feature::id).toList();
    }

    /** Whether the examples come from the user's file rather than a generator. */
    public boolean hasDataFile() {
        return data != null;
    }

    public boolean isClassification() {
        return data != null ? data.classes() > 0 : dataset.isClassification();
    }

    /**
     * Whether going from this to {@code next} needs a new network (TF Playground's reset), not a live change: a
     * change of any component but the three that {@code TrainingSession} changes live, the learning rate, the
     * optimizer and the painted points.
     */
    public boolean needsRebuild(PlaygroundSettings next) {
        return !dataset.equals(next.dataset) || classes != next.classes || loss != next.loss || noise != next.noise || trainRatio != next.trainRatio
                || batchSize != next.batchSize || leftover != next.leftover || seed != next.seed
                || weightDraw != next.weightDraw
                || !features.equals(next.features) || !hiddenLayers.equals(next.hiddenLayers)
                || !hiddenActivations.equals(next.hiddenActivations) || outputActivation != next.outputActivation
                || !regularization.equals(next.regularization) || validationShare != next.validationShare
                || !Objects.equals(data, next.data) || data != null && data.dataset() != next.data.dataset();
    }

    /**
     * The training plan these settings describe: the one place where the window's settings become the plan's
     * choices (the command line sets the same choices from its options). Playground keeps one order of the
     * examples, so no reshuffling.
     */
    public TrainingPlan toPlan() {
        int[] widths = hiddenLayers.stream().mapToInt(Integer::intValue).toArray();
        return TrainingPlan.builder()
                .data(data != null ? new DataSource.Loaded(data.dataset())
                        : DataSource.Generated.of(dataset, noise, dataset.isClassification() ? classes : 0))
                .standardize(data != null && data.standardize())
                .trainRatio(trainRatio)
                .validationShare(validationShare)
                .seed(seed)
                .weightDraw(weightDraw)
                .features(data != null ? data.columns() : features.stream().map(Feature::id).toList())
                .hidden(widths)
                .layerActivations(hiddenActivations)
                .outputActivation(outputActivation)
                .loss(loss.loss())
                .learningRate(learningRate)
                .optimizer(optimizer)
                .batchSize(batchSize)
                .leftover(leftover)
                .regularization(regularization)
                .shuffle(false)
                .paintedPoints(paintedPoints)
                .build();
    }

    /** A builder holding these settings, to change some of them: {@code s.toBuilder().batchSize(5).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Another dataset. A many-class dataset keeps the number of classes where it can; the loss stays within
     * its kind of problem (two classes, many classes, regression; Playground's wherever it fits) and becomes the
     * lecture's default across kinds; painted points stay only where the classes (or regression) stay the same.
     */
    public PlaygroundSettings withDataset(PlaygroundDataset value) {
        return withProblem(value, value.clampClasses(classes));
    }

    /** Another number of classes of a many-class dataset (clamped to what it can have). */
    public PlaygroundSettings withClasses(int value) {
        return withProblem(dataset, dataset.clampClasses(value));
    }

    private PlaygroundSettings withProblem(PlaygroundDataset value, int nextClasses) {
        int problem = value.isClassification() ? nextClasses : 0;
        boolean sameProblem = problem == problemClasses();
        return forProblem(problem, true).dataset(value).classes(nextClasses)
                .paintedPoints(sameProblem && data == null ? paintedPoints : List.of()).data(null)
                .build();
    }

    /**
     * A builder with the loss and output for a problem of {@code problem} classes (0: regression). Playground's
     * loss stays wherever it fits, as Playground keeps it; any other stays within its kind of problem (two classes,
     * many, regression) and gives way to the lecture's default across kinds; the output stays with the loss on
     * the same number of classes.
     *
     * @param numbered whether the classes are named by numbers (the lecture's default is then the sparse loss)
     */
    private Builder forProblem(int problem, boolean numbered) {
        boolean sameKind = Math.min(problem, 3) == Math.min(problemClasses(), 3);
        LossChoice nextLoss = loss.fits(problem) && (sameKind || loss == LossChoice.PLAYGROUND) ? loss
                : LossChoice.defaultFor(problem, numbered);
        Activation nextOutput = nextLoss == loss && problem == problemClasses() ? outputActivation
                : nextLoss.defaultOutput(problem);
        return toBuilder().loss(nextLoss).outputActivation(nextOutput).earlyStopping(earlyStoppingFor(problem));
    }

    /** The early-stopping rule on a problem of {@code problem} classes: regression has no accuracy to watch. */
    private EarlyStopping earlyStoppingFor(int problem) {
        if (earlyStopping == null || problem > 0 || !earlyStopping.monitor().isAccuracy()) {
            return earlyStopping;
        }
        return earlyStopping.withMonitor(earlyStopping.monitor().needsValidation()
                ? EarlyStopping.Monitor.VAL_LOSS : EarlyStopping.Monitor.LOSS);
    }

    /**
     * The user's own data in place of the generated: the loss as for another dataset ({@link #forProblem}), the
     * lecture's default for its labels where it changes, no painted points.
     */
    public PlaygroundSettings withData(DataFile value) {
        return forProblem(value.classes(), value.dataset().hasNumberedClasses()).data(value)
                .paintedPoints(List.of()).build();
    }

    /** Another loss, with the output activation it starts with. */
    public PlaygroundSettings withLoss(LossChoice value) {
        return toBuilder().loss(value).outputActivation(value.defaultOutput(problemClasses())).build();
    }

    public PlaygroundSettings withNoise(double value) {
        return toBuilder().noise(value).build();
    }

    public PlaygroundSettings withTrainRatio(double value) {
        return toBuilder().trainRatio(value).build();
    }

    public PlaygroundSettings withBatchSize(int value) {
        return toBuilder().batchSize(value).build();
    }

    /** Carry the examples beyond the last whole batch into the next epoch, or train them as a smaller batch. */
    public PlaygroundSettings withLeftover(LeftoverExamples value) {
        return toBuilder().leftover(value).build();
    }

    /** A new seed: new data and new weights (the draw starts again at 0). */
    public PlaygroundSettings withSeed(long value) {
        return toBuilder().seed(value).weightDraw(0).build();
    }

    /** The next draw of initial weights, same data. */
    public PlaygroundSettings withNewWeights() {
        return toBuilder().weightDraw(weightDraw + 1).build();
    }

    /** The features in {@code value}, put in Playground's order (the order of the inputs). */
    public PlaygroundSettings withFeatures(List<Feature> value) {
        List<Feature> ordered = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (value.contains(f)) {
                ordered.add(f);
            }
        }
        return toBuilder().features(ordered).build();
    }

    /** Hidden layers and their activations together (they must stay the same length). */
    public PlaygroundSettings withHidden(List<Integer> widths, List<Activation> activations) {
        return toBuilder().hiddenLayers(widths).hiddenActivations(activations).build();
    }

    /** Every hidden layer's activation set to {@code value} (the top bar's choice). */
    public PlaygroundSettings withAllHiddenActivations(Activation value) {
        return withHidden(hiddenLayers, Collections.nCopies(hiddenLayers.size(), value));
    }

    public PlaygroundSettings withOutputActivation(Activation value) {
        return toBuilder().outputActivation(value).build();
    }

    public PlaygroundSettings withLearningRate(double value) {
        return toBuilder().learningRate(value).build();
    }

    public PlaygroundSettings withOptimizer(Optimizer value) {
        return toBuilder().optimizer(value).build();
    }

    public PlaygroundSettings withRegularization(Regularization value) {
        return toBuilder().regularization(value).build();
    }

    public PlaygroundSettings withPaintedPoints(List<Point> value) {
        return toBuilder().paintedPoints(value).build();
    }

    public PlaygroundSettings withValidationShare(double value) {
        return toBuilder().validationShare(value).build();
    }

    /** Early stopping by {@code value}, or none (null). */
    public PlaygroundSettings withEarlyStopping(EarlyStopping value) {
        return toBuilder().earlyStopping(value).build();
    }

    /** Whether early stopping watches something that needs validation examples, and there are none. */
    public boolean earlyStoppingLacksValidation() {
        return earlyStopping != null && earlyStopping.monitor().needsValidation() && validationShare == 0;
    }

    /**
     * Settings under construction. Each setter takes its component as given, with none of the withers' rules (a
     * wither may change more than its own component, see {@link #withDataset} and {@link #withSeed});
     * {@link #build()} checks as the record's constructor does, and nothing before it.
     */
    public static final class Builder {
        private PlaygroundDataset dataset;
        private int classes;
        private double noise;
        private double trainRatio;
        private int batchSize;
        private LeftoverExamples leftover;
        private long seed;
        private int weightDraw;
        private List<Feature> features;
        private List<Integer> hiddenLayers;
        private List<Activation> hiddenActivations;
        private Activation outputActivation;
        private LossChoice loss;
        private double learningRate;
        private Optimizer optimizer;
        private Regularization regularization;
        private List<Point> paintedPoints;
        private DataFile data;
        private double validationShare;
        private EarlyStopping earlyStopping;

        private Builder(PlaygroundSettings s) {
            dataset = s.dataset;
            classes = s.classes;
            noise = s.noise;
            trainRatio = s.trainRatio;
            batchSize = s.batchSize;
            leftover = s.leftover;
            seed = s.seed;
            weightDraw = s.weightDraw;
            features = s.features;
            hiddenLayers = s.hiddenLayers;
            hiddenActivations = s.hiddenActivations;
            outputActivation = s.outputActivation;
            loss = s.loss;
            learningRate = s.learningRate;
            optimizer = s.optimizer;
            regularization = s.regularization;
            paintedPoints = s.paintedPoints;
            data = s.data;
            validationShare = s.validationShare;
            earlyStopping = s.earlyStopping;
        }

        public Builder validationShare(double value) {
            validationShare = value;
            return this;
        }

        public Builder earlyStopping(EarlyStopping value) {
            earlyStopping = value;
            return this;
        }

        public Builder dataset(PlaygroundDataset value) {
            dataset = value;
            return this;
        }

        public Builder classes(int value) {
            classes = value;
            return this;
        }

        public Builder noise(double value) {
            noise = value;
            return this;
        }

        public Builder trainRatio(double value) {
            trainRatio = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder leftover(LeftoverExamples value) {
            leftover = value;
            return this;
        }

        /** The seed alone; {@link PlaygroundSettings#withSeed} also starts the weight draws again. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder weightDraw(int value) {
            weightDraw = value;
            return this;
        }

        /** The features in the order given; {@link PlaygroundSettings#withFeatures} puts them in Playground's. */
        public Builder features(List<Feature> value) {
            features = value;
            return this;
        }

        public Builder hiddenLayers(List<Integer> value) {
            hiddenLayers = value;
            return this;
        }

        public Builder hiddenActivations(List<Activation> value) {
            hiddenActivations = value;
            return this;
        }

        public Builder outputActivation(Activation value) {
            outputActivation = value;
            return this;
        }

        public Builder loss(LossChoice value) {
            loss = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder optimizer(Optimizer value) {
            optimizer = value;
            return this;
        }

        public Builder regularization(Regularization value) {
            regularization = value;
            return this;
        }

        public Builder paintedPoints(List<Point> value) {
            paintedPoints = value;
            return this;
        }

        /** The user's data, or null for the generated dataset. */
        public Builder data(DataFile value) {
            data = value;
            return this;
        }

        /**
         * The settings.
         *
         * @throws NullPointerException     without a dataset, a leftover choice or one of the lists
         * @throws IllegalArgumentException when the hidden layers and their activations differ in number, the dataset
     *     cannot have that many classes, or the loss does not fit the problem or the output activation
         */
        public PlaygroundSettings build() {
            return new PlaygroundSettings(dataset, classes, noise, trainRatio, batchSize, leftover, seed, weightDraw,
                    features, hiddenLayers, hiddenActivations, outputActivation, loss, learningRate, optimizer,
                    regularization, paintedPoints, data, validationShare, earlyStopping);
        }
    }
}
