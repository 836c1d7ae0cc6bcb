package io.neuralplayground.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * Trains a network by epochs of minibatches and measures it after each epoch.
 *
 * <p>One epoch: the training examples are split into minibatches of {@code batchSize} in a fixed order (TF
 * Playground's) or reshuffled first; for each minibatch a forward pass, a backward pass ({@link Backprop}), an
 * optimizer step and the regularization step. The examples beyond the last whole minibatch are either a smaller
 * last minibatch (Keras) or carried, as gradients, into the first update of the next epoch (TF Playground); see
 * {@link LeftoverExamples}. Then the mean loss and accuracy over the training, the validation and the test examples
 * with the new weights. When a loss or a parameter is no longer a finite number the network, the optimizer and the carried
 * gradients go back to where they were before the epoch and a {@link TrainingDivergedException} says what to
 * change.
 *
 * <p>A trainer belongs to one thread at a time; nothing here allocates per minibatch or per epoch.
 */
public final class Trainer {
    /** Examples per forward pass when measuring: large enough for the vectorised loops, small enough for L2. */
    private static final int EVALUATION_CHUNK = 1024;

    private final Network network;
    private final Samples train;
    private final Samples validation;
    private final Samples test;
    private final Rng shuffleRng;
    private final int[] order;
    private final Backprop evaluation;
    private final double[][] evalX;
    private final double[][] evalT;
    private final Network backupNetwork;
    private final double[][] weightsBeforeStep;
    private final GradientCarry carry;
    private final GradientCarry backupCarry;

    private TrainingConfig config;
    private OptimizerState optimizerState;
    private OptimizerState backupOptimizerState;
    private Backprop minibatch;
    private double[][] batchX;
    private double[][] batchT;
    private int epoch;

    /**
     * @param network    trained in place
     * @param train      the training examples
     * @param test       the test examples (may be empty)
     * @param config     hyperparameters
     * @param shuffleRng the generator that orders each epoch's examples when shuffling
     */
    public Trainer(Network network, Samples train, Samples test, TrainingConfig config, Rng shuffleRng) {
        this(network, train, Samples.empty(train.features(), train.targetColumns()), test, config, shuffleRng);
    }

    /**
     * @param network    trained in place
     * @param train      the training examples
     * @param validation the validation examples, measured after each epoch and never trained on (may be empty)
     * @param test       the test examples (may be empty)
     * @param config     hyperparameters
     * @param shuffleRng the generator that orders each epoch's examples when shuffling
     */
    public Trainer(Network network, Samples train, Samples validation, Samples test, TrainingConfig config,
            Rng shuffleRng) {
        checkSamples(network, train, config, "training");
        checkSamples(network, validation, config, "validation");
        checkSamples(network, test, config, "test");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        this.network = network;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.shuffleRng = shuffleRng;
        this.order = new int[train.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int evalCapacity = Math.min(Math.max(train.count(), Math.max(validation.count(), test.count())),
                EVALUATION_CHUNK);
        this.evaluation = new Backprop(network, evalCapacity);
        this.evalX = new double[network.inputs()][evalCapacity];
        this.evalT = new double[train.targetColumns()][evalCapacity];
        this.backupNetwork = network.copy();
        this.weightsBeforeStep = new double[network.depth()][];
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            weightsBeforeStep[l] = new double[layer.inputs() * layer.units()];
        }
        this.carry = new GradientCarry(network);
        this.backupCarry = new GradientCarry(network);
        this.config = config;
        this.optimizerState = config.optimizer().newState(network);
        this.backupOptimizerState = config.optimizer().newState(network);
        allocateMinibatch(config.batchSize());
    }

    private static void checkSamples(Network network, Samples samples, TrainingConfig config, String which) {
        if (samples.isEmpty()) {
            return;
        }
        if (samples.features() != network.inputs()) {
            throw new IllegalArgumentException("the " + which + " examples have " + samples.features()
                    + " features but the network takes " + network.inputs() + " inputs");
        }
        int expected = config.loss().targetColumns(network.outputs());
        if (samples.targetColumns() != expected) {
            throw new IllegalArgumentException("the " + which + " examples have " + samples.targetColumns()
                    + " target columns but " + config.loss() + " on " + network.outputs() + " outputs needs "
                    + expected);
        }
    }

    private void allocateMinibatch(int batchSize) {
        int capacity = Math.min(batchSize, train.count());
        minibatch = new Backprop(network, capacity);
        batchX = new double[network.inputs()][capacity];
        batchT = new double[train.targetColumns()][capacity];
    }

    public Network network() {
        return network;
    }

    public Samples trainSamples() {
        return train;
    }

    public Samples validationSamples() {
        return validation;
    }

    public Samples testSamples() {
        return test;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Epochs completed so far. */
    public int epoch() {
        return epoch;
    }

    /** Sets the epoch counter, when a saved session resumes. */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    public OptimizerState optimizerState() {
        return optimizerState;
    }

    public Rng shuffleRng() {
        return shuffleRng;
    }

    /** The current order of the training examples (reshuffled each epoch when shuffling), for saving. */
    public int[] order() {
        return order.clone();
    }

    /**
     * A copy of the optimizer's memory as {@link #restoreProgress} takes it back: {@code [slot][parameter
     * array][value]}, two parameter arrays (kernel, bias) per layer.
     */
    public double[][][] optimizerSlots() {
        double[][][] slots = new double[optimizerState.slotCount()][2 * network.depth()][];
        for (int s = 0; s < slots.length; s++) {
            for (int k = 0; k < slots[s].length; k++) {
                slots[s][k] = optimizerState.slot(s, k).clone();
            }
        }
        return slots;
    }

    /**
     * Continues a saved run: the epoch count, the order of the examples, the shuffling generator's state and the
     * optimizer's memory (slots {@code [slot][parameter array][value]} and step count) as they were saved, so that
     * the next epochs give the same numbers as if the run had never stopped.
     *
     * @throws IllegalArgumentException if the saved pieces do not fit this trainer (another shape or optimizer)
     */
    public void restoreProgress(int savedEpoch, int[] savedOrder, long shuffleState, double[][][] slots, long steps) {
        if (savedOrder.length != order.length) {
            throw new IllegalArgumentException("the saved order has " + savedOrder.length + " examples, the data "
                    + order.length);
        }
        boolean[] seen = new boolean[order.length];
        for (int k : savedOrder) {
            if (k < 0 || k >= order.length || seen[k]) {
                throw new IllegalArgumentException("the saved order is not a permutation of the examples");
            }
            seen[k] = true;
        }
        if (slots.length != optimizerState.slotCount()) {
            throw new IllegalArgumentException("the saved optimizer memory has " + slots.length + " slots, "
                    + config.optimizer().name() + " has " + optimizerState.slotCount());
        }
        for (int s = 0; s < slots.length; s++) {
            if (slots[s].length != 2 * network.depth()) {
                throw new IllegalArgumentException("the saved optimizer memory does not fit the network");
            }
            for (int k = 0; k < slots[s].length; k++) {
                double[] target = optimizerState.slot(s, k);
                if (slots[s][k].length != target.length) {
                    throw new IllegalArgumentException("the saved optimizer memory does not fit the network");
                }
                System.arraycopy(slots[s][k], 0, target, 0, target.length);
            }
        }
        optimizerState.setSteps(steps);
        System.arraycopy(savedOrder, 0, order, 0, order.length);
        shuffleRng.restore(shuffleState);
        epoch = savedEpoch;
    }

    /** A copy of the gradients carried into the next epoch ({@link LeftoverExamples#CARRY_OVER}), for saving. */
    public CarriedGradient carriedGradient() {
        return carry.value();
    }

    /**
     * Takes back carried gradients as {@link #carriedGradient()} gave them, when a saved run continues (after
     * {@link #restoreProgress}).
     *
     * @throws IllegalArgumentException if they do not fit the network
     */
    public void restoreCarriedGradient(CarriedGradient saved) {
        carry.restore(saved);
    }

    /**
     * Changes hyperparameters between epochs or minibatches. A different optimizer starts with fresh memory; the
     * same optimizer keeps it (changing only the learning rate keeps Adam's moments, as Keras does). Carried
     * gradients are kept whatever changes (as Playground keeps its accumulated derivatives when the learning rate
     * changes) and go into the next update.
     */
    public void setConfig(TrainingConfig next) {
        if (next.loss().targetColumns(network.outputs()) != train.targetColumns()
                || next.encoding() != config.encoding()) {
            throw new IllegalArgumentException("changing the loss or the targets needs new samples and a new trainer");
        }
        if (!next.optimizer().equals(config.optimizer())) {
            optimizerState = next.optimizer().newState(network);
            backupOptimizerState = next.optimizer().newState(network);
        }
        if (next.batchSize() != config.batchSize()) {
            allocateMinibatch(next.batchSize());
        }
        config = next;
    }

    /** One epoch of training, then the measurements; see the class comment for what happens on divergence. */
    public EpochResult runEpoch() {
        return runEpoch(null);
    }

    /**
     * One epoch, calling {@code betweenMinibatches} (if not null) after each minibatch: the place where a
     * session applies edits made while training (a weight typed in, a new learning rate), so that they take effect
     * within the epoch rather than after it.
     */
    public EpochResult runEpoch(Runnable betweenMinibatches) {
        backup();
        if (config.shuffle()) {
            shuffleRng.shuffle(order);
        }
        int n = train.count();
        // The capacity is read anew for every minibatch: a new batch size set between minibatches applies at once.
        for (int from = 0; from < n; from += minibatch.capacity()) {
            int m = Math.min(minibatch.capacity(), n - from);
            train.gather(order, from, m, batchX, batchT);
            if (m < minibatch.capacity() && config.leftover() == LeftoverExamples.CARRY_OVER) {
                carryOver(batchX, batchT, m);
                break;
            }
            step(batchX, batchT, m);
            if (betweenMinibatches != null) {
                betweenMinibatches.run();
            }
        }
        epoch++;
        EpochResult result = evaluate();
        String problem = divergence(result);
        if (problem != null) {
            restore();
            int failed = epoch;
            epoch--;
            throw new TrainingDivergedException(failed, problem + " at epoch " + failed + ": " + advice());
        }
        return result;
    }

    /**
     * One minibatch: forward, backward, the carried gradients (if any) averaged in, optimizer step, regularization
     * step.
     */
    private void step(double[][] x, double[][] t, int m) {
        minibatch.forward(x, m);
        minibatch.backward(config.loss(), x, t, m, false);
        carry.mergeInto(minibatch, m);
        Regularization regularization = config.regularization();
        boolean regularize = regularization.isActive();
        if (regularize) {
            for (int l = 0; l < network.depth(); l++) {
                double[] k = network.layer(l).kernel().data;
                System.arraycopy(k, 0, weightsBeforeStep[l], 0, k.length);
            }
        }
        optimizerState.step(network, minibatch, config.learningRate());
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            layer.zeroFrozen();
            if (regularize) {
                regularization.apply(layer, weightsBeforeStep[l], config.learningRate());
            }
        }
    }

    /** The leftover examples of an epoch: their gradients at the current weights are kept, no update is made. */
    private void carryOver(double[][] x, double[][] t, int m) {
        minibatch.forward(x, m);
        minibatch.backward(config.loss(), x, t, m, false);
        carry.add(minibatch, m);
    }

    /** Loss and accuracy on the training, validation and test examples with the current weights. */
    public EpochResult evaluate() {
        double[] trainMeasures = measure(train);
        double[] validationMeasures = measureUnlessEmpty(validation);
        double[] testMeasures = measureUnlessEmpty(test);
        return new EpochResult(epoch, trainMeasures[0], testMeasures[0], trainMeasures[1], testMeasures[1],
                validationMeasures[0], validationMeasures[1]);
    }

    private double[] measureUnlessEmpty(Samples samples) {
        return samples.isEmpty() ? new double[] {Double.NaN, Double.NaN} : measure(samples);
    }

    /**
     * How the current weights classify the training examples ({@code testPart} false) or the test examples (true):
     * the {@link ConfusionMatrix} whose accuracy is the one {@link #evaluate()} reports. Empty for regression; a
     * matrix of zeros when the test part has no examples. Meant for the end of a run or a user's request: it
     * allocates its own buffers, and the training loop never calls it.
     */
    public Optional<ConfusionMatrix> confusion(boolean testPart) {
        if (!config.encoding().hasAccuracy()) {
            return Optional.empty();
        }
        return Optional.of(ConfusionMatrix.of(network, testPart ? test : train, config.encoding()));
    }

    /** {mean loss, accuracy} over {@code samples}. */
    private double[] measure(Samples samples) {
        int n = samples.count();
        int units = network.outputs();
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += evaluation.capacity()) {
            int m = Math.min(evaluation.capacity(), n - from);
            double[][] x;
            double[][] t;
            if (m == n) {
                x = samples.inputColumns();
                t = samples.targetColumnsArray();
            } else {
                samples.slice(from, m, evalX, evalT);
                x = evalX;
                t = evalT;
            }
            evaluation.forward(x, m);
            lossSum += evaluation.lossSum(config.loss(), t, m);
            if (config.encoding().hasAccuracy()) {
                correct += config.encoding().correctCount(evaluation.output(), t, units, m);
            }
        }
        double accuracy = config.encoding().hasAccuracy() ? (double) correct / n : Double.NaN;
        return new double[] {lossSum / n, accuracy};
    }

    private String divergence(EpochResult result) {
        if (!Double.isFinite(result.trainLoss())) {
            return "Loss became " + describe(result.trainLoss());
        }
        if (result.hasValidation() && !Double.isFinite(result.validationLoss())) {
            return "Validation loss became " + describe(result.validationLoss());
        }
        if (result.hasTest() && !Double.isFinite(result.testLoss())) {
            return "Test loss became " + describe(result.testLoss());
        }
        if (!network.isFinite()) {
            return "Weights became NaN or infinite";
        }
        return null;
    }

    private static String describe(double value) {
        return Double.isNaN(value) ? "NaN" : "infinite";
    }

    private String advice() {
        String advice = "lower the learning rate (now " + formatRate(config.learningRate()) + ")";
        if (config.regularization().isActive()) {
            advice += " or the regularization rate (now " + formatRate(config.regularization().rate()) + ")";
        }
        return advice + "; the weights of epoch " + epoch + " are kept";
    }

    private static String formatRate(double value) {
        String s = String.format(Locale.ROOT, "%.6g", value);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private void backup() {
        for (int l = 0; l < network.depth(); l++) {
            network.layer(l).copyParametersTo(backupNetwork.layer(l));
        }
        optimizerState.copyInto(backupOptimizerState);
        carry.copyInto(backupCarry);
    }

    private void restore() {
        for (int l = 0; l < network.depth(); l++) {
            backupNetwork.layer(l).copyParametersTo(network.layer(l));
        }
        backupOptimizerState.copyInto(optimizerState);
        backupCarry.copyInto(carry);
    }
}
