package io.neuralplayground.session;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.FeatureSet;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.data.SampleEncoder;
import io.neuralplayground.data.Split;
import io.neuralplayground.data.Standardization;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Initializer;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.Samples;
import io.neuralplayground.engine.TargetEncoding;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.engine.TrainingConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every choice that sets up a training run, with TF Playground's defaults, and the rules that fill in what the
 * user left open. {@link #prepare()} turns it into data, a network and a trainer. The command line fills the
 * {@link Builder} from its options; the window's settings fill it in {@link PlaygroundSettings#toPlan()}, the one
 * place that maps them. The builder's fields are the one list of the choices: a plan keeps a private copy of them,
 * and {@link #toBuilder()} hands out another.
 *
 * <p>Defaults (Playground's): the circle, noise 0, half the points for training, features x1 and x2, hidden
 * layers 4 and 2 with tanh, learning rate 0.03, batch 10, plain SGD, no regularization, Playground's
 * initialisation. Two defaults are Keras' instead, as the command line has them: the examples are reshuffled every
 * epoch and leftover examples make a smaller last batch ({@link PlaygroundSettings#toPlan()} asks for Playground's
 * fixed order, and for carry-over unless the settings say otherwise). What follows from the data when not chosen:
 * <ul>
 *   <li>loss: the lecture's table ({@link LossChoice}): binary cross-entropy for two classes, mean squared error
 *       for regression, sparse categorical cross-entropy for more classes named by whole numbers, categorical
 *       cross-entropy for more classes named otherwise (TF Playground's own ½‖y − t‖² when asked for);</li>
 *   <li>output units: 1 for regression and two classes, one per class for more classes or a categorical loss;</li>
 *   <li>output activation: linear for regression, tanh for one class output (binary cross-entropy: sigmoid),
 *       softmax for one output per class.</li>
 * </ul>
 * One seed drives everything through separate streams: "data" (generation and the train/test shuffle), "init"
 * (the weights; "init#k" for the k-th new draw) and "shuffle" (the order of each epoch), so the same plan gives
 * the same run bit for bit.
 */
public final class TrainingPlan {
    /**
     * The choices, in the one list of them there is: a copy of the builder this plan was built from, which nothing
     * outside ever sees, so the plan stays as it was built.
     */
    private final Builder choices;

    private TrainingPlan(Builder b) {
        choices = b.copy();
        if (choices.initialNetwork != null) {
            choices.initialNetwork = choices.initialNetwork.copy();
        }
    }

    /** A plan with every default of TF Playground. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this plan's choices, to change some of them. */
    public Builder toBuilder() {
        return choices.copy();
    }

    /** The same plan, starting from a copy of {@code network} instead of drawing weights. */
    public TrainingPlan withInitialNetwork(Network network) {
        return toBuilder().initialNetwork(network).build();
    }

    /**
     * Generates or takes the data, splits it, resolves the features, builds and initialises the network, encodes
     * the targets and makes the trainer.
     *
     * @throws PlaygroundException when the choices do not fit together (the message says which and why)
     */
    public PreparedRun prepare() {
        Builder c = choices;
        Rng dataRng = Rng.stream(c.seed, "data");
        Dataset dataset = c.data.dataset(dataRng);
        Split split = PaintedPoints.addToTraining(
                dataset.split(c.trainRatio, dataRng).withValidation(c.validationShare), c.paintedPoints);
        Optional<Standardization> standardization = Optional.empty();
        if (c.standardize) {
            Standardization fitted = Standardization.fit(split.train());
            split = new Split(fitted.apply(split.train()), fitted.apply(split.validation()),
                    fitted.apply(split.test()));
            standardization = Optional.of(fitted);
        }
        FeatureSet featureSet = c.features == null
                ? FeatureSet.defaultFor(dataset) : FeatureSet.resolve(dataset, c.features);

        boolean classification = dataset.isClassification();
        int classes = classification ? dataset.classCount() : 0;
        Loss chosenLoss = c.loss != null ? c.loss : defaultLoss(dataset);
        if (!classification && chosenLoss.isCrossEntropy()) {
            throw new PlaygroundException(chosenLoss + " needs classes, but " + dataset.name()
                    + " is a regression dataset: choose half_squared_error, mean_squared_error or mean_absolute_error");
        }
        int outputs = outputUnits(classification, classes, chosenLoss);
        Network network = c.initialNetwork != null ? checkedInitialNetwork(featureSet, outputs) : newNetwork(
                featureSet.size(), outputs, classification, chosenLoss);
        Activation output = network.outputLayer().activation();
        TargetEncoding encoding = classification
                ? TargetEncoding.forClassification(chosenLoss, output, outputs) : TargetEncoding.VALUE;
        Samples train = SampleEncoder.encode(split.train(), featureSet, encoding, outputs);
        Samples validation = SampleEncoder.encode(split.validation(), featureSet, encoding, outputs);
        Samples test = SampleEncoder.encode(split.test(), featureSet, encoding, outputs);
        TrainingConfig config = new TrainingConfig(chosenLoss, c.optimizer, c.learningRate, c.batchSize,
                c.regularization, c.shuffle, encoding, c.leftover);
        Trainer trainer = new Trainer(network, train, validation, test, config,
                Rng.stream(c.trainingSeed(), "shuffle"));
        return new PreparedRun(dataset, split, featureSet, trainer, standardization);
    }


    private Network newNetwork(int inputs, int outputs, boolean classification, Loss chosenLoss) {
        Builder c = choices;
        Activation output = c.outputActivation != null ? c.outputActivation
                : defaultOutputActivation(classification, outputs, chosenLoss);
        Network network = Network.of(inputs, c.hidden, c.hiddenActivation, outputs, output);
        if (c.layerActivations != null) {
            for (int l = 0; l < Math.min(c.layerActivations.size(), c.hidden.length); l++) {
                network.layer(l).setActivation(c.layerActivations.get(l));
            }
        }
        c.initializer.initialize(network, Rng.stream(c.trainingSeed(), c.weightStream));
        return network;
    }

    private Network checkedInitialNetwork(FeatureSet featureSet, int outputs) {
        Network start = choices.initialNetwork;
        if (start.inputs() != featureSet.size()) {
            throw new PlaygroundException("The starting model takes " + start.inputs()
                    + " inputs but " + featureSet.size() + " features are chosen (" + String.join(", ",
                    featureSet.names()) + ")");
        }
        if (start.outputs() != outputs) {
            throw new PlaygroundException("The starting model has " + start.outputs()
                    + " outputs but this data and loss need " + outputs);
        }
        Network network = start.copy();
        if (choices.outputActivation != null) {
            network.outputLayer().setActivation(choices.outputActivation);
        }
        return network;
    }

    /**
     * The lecture's loss for {@code data} ({@link LossChoice#defaultFor}): binary cross-entropy for two classes,
     * mean squared error for regression, for more classes sparse categorical cross-entropy when the class names
     * are whole numbers and categorical cross-entropy otherwise.
     */
    static Loss defaultLoss(Dataset data) {
        boolean classification = data.isClassification();
        int classes = classification ? data.classCount() : 0;
        return LossChoice.defaultFor(classes, data.hasNumberedClasses()).loss();
    }

    static int outputUnits(boolean classification, int classes, Loss loss) {
        if (!classification) {
            return 1;
        }
        boolean perClass = loss == Loss.CATEGORICAL_CROSSENTROPY || loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        return classes > 2 || perClass ? Math.max(classes, 2) : 1;
    }

    static Activation defaultOutputActivation(boolean classification, int outputs, Loss loss) {
        if (!classification) {
            return Activation.LINEAR;
        }
        if (loss == Loss.BINARY_CROSSENTROPY) {
            return Activation.SIGMOID;
        }
        return outputs > 1 ? Activation.SOFTMAX : Activation.TANH;
    }

    /** Collects choices; anything not set keeps the default named in the class comment. */
    public static final class Builder implements Cloneable {
        private DataSource data = DataSource.Generated.of(PlaygroundDataset.CIRCLE, 0);
        private double trainRatio = 0.5;
        private double validationShare;
        private long seed = 1;
        private Long trainingSeed;
        private List<String> features;
        private int[] hidden = {4, 2};
        private Activation hiddenActivation = Activation.TANH;
        private Activation outputActivation;
        private Loss loss;
        private Optimizer optimizer = Optimizer.sgd();
        private double learningRate = 0.03;
        private int batchSize = 10;
        private LeftoverExamples leftover = LeftoverExamples.SMALLER_LAST_BATCH;
        private Regularization regularization = Regularization.NONE;
        private boolean shuffle = true;
        private Initializer initializer = Initializer.PLAYGROUND;
        private Network initialNetwork;
        private List<Activation> layerActivations;
        private String weightStream = "init";
        private List<Point> paintedPoints = List.of();
        private boolean standardize;

        private Builder() {
        }

        /**
         * A copy, field for field: {@link Object#clone()} rather than a list of assignments, so that a choice added
         * later cannot be forgotten here. The values are immutable or copied when set, except the lists given,
         * which the copy takes as its own.
         */
        private Builder copy() {
            try {
                Builder copy = (Builder) super.clone();
                copy.hidden = hidden.clone();
                copy.features = features == null ? null : List.copyOf(features);
                copy.layerActivations = layerActivations == null ? null : List.copyOf(layerActivations);
                copy.paintedPoints = List.copyOf(paintedPoints);
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e); // Cloneable is implemented
            }
        }

        /** One activation per hidden layer, overriding {@link #hiddenActivation} (TF Playground has one for all). */
        public Builder layerActivations(List<Activation> value) {
            layerActivations = value;
            return this;
        }

        /**
         * Which draw of initial weights: 0 is the seed's own; "new weights" asks for the next. Data and shuffling
         * do not change.
         */
        public Builder weightDraw(int value) {
            weightStream = value == 0 ? "init" : "init#" + value;
            return this;
        }

        /** Points the user painted, added to the training examples. */
        public Builder paintedPoints(List<Point> value) {
            paintedPoints = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Z-score every raw input column with the mean and standard deviation of the training part (painted points
         * included), applied to both parts ({@link Standardization}); off by default, as in Playground. Derived
         * features (x1², sin x1 …) are then computed from the standardized columns.
         */
        public Builder standardize(boolean value) {
            standardize = value;
            return this;
        }

        public Builder data(DataSource value) {
            data = Objects.requireNonNull(value);
            return this;
        }

        /** Fraction of the examples used for training, in (0, 1]. */
        public Builder trainRatio(double value) {
            trainRatio = value;
            return this;
        }

        /**
         * Fraction of the training part set aside for validation, in [0, 1): measured after every epoch and never
         * trained on ({@link Split#withValidation}); 0, the default, keeps every training example for training.
         */
        public Builder validationShare(double value) {
            validationShare = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /**
         * A seed of its own for the initial weights and the shuffling, the data staying the {@link #seed}'s: the
         * trials of a hyperparameter search differ in their draws but are measured on the same examples. Null (the
         * default) takes the seed's.
         */
        public Builder trainingSeed(Long value) {
            trainingSeed = value;
            return this;
        }

        private long trainingSeed() {
            return trainingSeed != null ? trainingSeed : seed;
        }

        /** Input feature names, or the single name "all"; null for the data's default. */
        public Builder features(List<String> value) {
            features = value;
            return this;
        }

        public Builder hidden(int... widths) {
            hidden = widths.clone();
            return this;
        }

        public Builder hiddenActivation(Activation value) {
            hiddenActivation = Objects.requireNonNull(value);
            return this;
        }

        /** The output layer's activation; null to follow the data and the loss. */
        public Builder outputActivation(Activation value) {
            outputActivation = value;
            return this;
        }

        /** The loss; null to follow the data. */
        public Builder loss(Loss value) {
            loss = value;
            return this;
        }

        public Builder optimizer(Optimizer value) {
            optimizer = Objects.requireNonNull(value);
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /**
         * What happens to the examples beyond the last whole batch of an epoch. Not set: a smaller last batch, as
         * Keras, like the reshuffling that is also on unless switched off; the playground's settings ask for
         * Playground's carry-over.
         */
        public Builder leftover(LeftoverExamples value) {
            leftover = Objects.requireNonNull(value);
            return this;
        }

        public Builder regularization(Regularization value) {
            regularization = Objects.requireNonNull(value);
            return this;
        }

        /** Reshuffle the training examples every epoch (Playground keeps one fixed order: false). */
        public Builder shuffle(boolean value) {
            shuffle = value;
            return this;
        }

        public Builder initializer(Initializer value) {
            initializer = Objects.requireNonNull(value);
            return this;
        }

        /** Start from these weights instead of drawing new ones (copied); its shape replaces the hidden layers. */
        public Builder initialNetwork(Network value) {
            initialNetwork = value;
            return this;
        }

        public TrainingPlan build() {
            if (!(trainRatio > 0 && trainRatio <= 1)) {
                throw new PlaygroundException("The share of training data must be above 0 % and at most 100 %, got "
                        + trainRatio * 100 + " %");
            }
            if (!(validationShare >= 0 && validationShare < 1)) {
                throw new PlaygroundException("The share of validation data must be at least 0 % and below 100 %,"
                        + " got " + validationShare * 100 + " %");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new PlaygroundException("The learning rate must be a number above 0, got " + learningRate);
            }
            if (batchSize < 1) {
                throw new PlaygroundException("The batch size must be at least 1, got " + batchSize);
            }
            return new TrainingPlan(this);
        }
    }
}
