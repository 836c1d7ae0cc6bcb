package io.neuralplayground.engine;

import java.util.Objects;

/**
 * The hyperparameters of training. Defaults ({@link #playground()}) are TF Playground's: half squared error,
 * plain SGD, learning rate 0.03, batch 10, no regularization, examples in a fixed order, leftover examples carried
 * into the next epoch.
 *
 * @param loss         the loss minimised and reported
 * @param optimizer    the update rule
 * @param learningRate lr in every update formula
 * @param batchSize    examples per minibatch
 * @param regularization L1/L2 on the weights, Playground's semantics
 * @param shuffle      whether the training examples are reshuffled before every epoch (Playground keeps a fixed order)
 * @param encoding     how labels became targets, which decides accuracy
 * @param leftover     what happens to the examples beyond the last whole batch of an epoch: a smaller last batch
 *                     (Keras) or carried into the next epoch's first update (Playground); see {@link LeftoverExamples}
 */
public record TrainingConfig(Loss loss, Optimizer optimizer, double learningRate, int batchSize,
        Regularization regularization, boolean shuffle, TargetEncoding encoding, LeftoverExamples leftover) {

    public TrainingConfig {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        Objects.requireNonNull(leftover);
    }

    /** A configuration whose last minibatch of an epoch may be smaller (Keras' way with leftover examples). */
    public TrainingConfig(Loss loss, Optimizer optimizer, double learningRate, int batchSize,
            Regularization regularization, boolean shuffle, TargetEncoding encoding) {
        this(loss, optimizer, learningRate, batchSize, regularization, shuffle, encoding,
                LeftoverExamples.SMALLER_LAST_BATCH);
    }

    public static TrainingConfig playground() {
        return new TrainingConfig(Loss.HALF_SQUARED_ERROR, Optimizer.sgd(), 0.03, 10, Regularization.NONE, false,
                TargetEncoding.SIGNED, LeftoverExamples.CARRY_OVER);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(loss, optimizer, value, batchSize, regularization, shuffle, encoding, leftover);
    }

    public TrainingConfig withOptimizer(Optimizer value) {
        return new TrainingConfig(loss, value, learningRate, batchSize, regularization, shuffle, encoding, leftover);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(loss, optimizer, learningRate, value, regularization, shuffle, encoding, leftover);
    }

    public TrainingConfig withRegularization(Regularization value) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, value, shuffle, encoding, leftover);
    }

    public TrainingConfig withShuffle(boolean value) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, regularization, value, encoding, leftover);
    }

    public TrainingConfig withLoss(Loss value, TargetEncoding targets) {
        return new TrainingConfig(value, optimizer, learningRate, batchSize, regularization, shuffle, targets,
                leftover);
    }

    public TrainingConfig withLeftover(LeftoverExamples value) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, regularization, shuffle, encoding, value);
    }
}
