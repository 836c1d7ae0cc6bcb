package io.neuralplayground.session.images;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.f32.FloatLayer;
import java.util.List;

/**
 * What the image mode trains: the hidden layers and their activations (the output is always a softmax over the
 * classes, the loss sparse categorical cross-entropy), the optimizer, learning rate and batch size, how many
 * epochs, the share of the training images kept apart for validation, and the seed of the weights, the split and
 * the shuffling, and Keras' early stopping (null: none), which changes while training goes on.
 *
 * <p>The defaults are the lecture's Keras model: {@code Dense(128, relu)}, {@code Dense(10, softmax)}, SGD at
 * Keras' default 0.01, batch 32, 30 epochs; a tenth of the training images for validation.
 */
public record ImageSettings(List<Integer> hidden, List<Activation> activations, Optimizer optimizer,
        double learningRate, int batchSize, int epochs, double validationShare, long seed,
        EarlyStopping earlyStopping) {
    public static final int MAX_LAYERS = 6;
    public static final int MAX_UNITS = 2048;

    public ImageSettings {
        hidden = List.copyOf(hidden);
        activations = List.copyOf(activations);
        if (hidden.size() != activations.size()) {
            throw new IllegalArgumentException(hidden.size() + " hidden layers but " + activations.size()
                    + " activations");
        }
        if (hidden.size() > MAX_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_LAYERS + " hidden layers, not " + hidden.size());
        }
        for (int l = 0; l < hidden.size(); l++) {
            if (hidden.get(l) < 1 || hidden.get(l) > MAX_UNITS) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " needs 1 to " + MAX_UNITS
                        + " units, not " + hidden.get(l));
            }
            Activation a = activations.get(l);
            if (a == Activation.SOFTMAX || !FloatLayer.supports(a)) {
                throw new IllegalArgumentException("a hidden layer of the image mode is relu, tanh, sigmoid or "
                        + "linear, not " + a.kerasName());
            }
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be above 0, not " + learningRate);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("the batch size must be 1 to 4096, not " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("train at least 1 epoch, not " + epochs);
        }
        if (!(validationShare >= 0 && validationShare <= 0.5)) {
            throw new IllegalArgumentException("the validation share must be 0 to 0.5, not " + validationShare);
        }
        if (earlyStopping != null && earlyStopping.monitor().needsValidation() && validationShare == 0) {
            throw new IllegalArgumentException("early stopping on " + earlyStopping.monitor()
                    + " needs validation images: keep a share of the training images for validation");
        }
    }

    /** The lecture's model and training (see the class comment). */
    public static ImageSettings defaults() {
        return new ImageSettings(List.of(128), List.of(Activation.RELU), Optimizer.sgd(), 0.01, 32, 30, 0.1, 1, null);
    }

    public ImageSettings withLearningRate(double value) {
        return new ImageSettings(hidden, activations, optimizer, value, batchSize, epochs, validationShare, seed,
                earlyStopping);
    }

    public ImageSettings withOptimizer(Optimizer value) {
        return new ImageSettings(hidden, activations, value, learningRate, batchSize, epochs, validationShare, seed,
                earlyStopping);
    }

    public ImageSettings withBatchSize(int value) {
        return new ImageSettings(hidden, activations, optimizer, learningRate, value, epochs, validationShare, seed,
                earlyStopping);
    }

    public ImageSettings withEpochs(int value) {
        return new ImageSettings(hidden, activations, optimizer, learningRate, batchSize, value, validationShare, seed,
                earlyStopping);
    }

    public ImageSettings withValidationShare(double value) {
        return new ImageSettings(hidden, activations, optimizer, learningRate, batchSize, epochs, value, seed, earlyStopping);
    }

    public ImageSettings withSeed(long value) {
        return new ImageSettings(hidden, activations, optimizer, learningRate, batchSize, epochs, validationShare,
                value, earlyStopping);
    }

    /** Early stopping by {@code value}, or none (null). */
    public ImageSettings withEarlyStopping(EarlyStopping value) {
        return new ImageSettings(hidden, activations, optimizer, learningRate, batchSize, epochs, validationShare, seed,
                value);
    }

    public ImageSettings withLayers(List<Integer> widths, List<Activation> acts) {
        return new ImageSettings(widths, acts, optimizer, learningRate, batchSize, epochs, validationShare, seed,
                earlyStopping);
    }

    /**
     * Whether going from this to {@code next} needs a new network and a new start (the layers, the split or the
     * seed); the learning rate, the optimizer, the batch size and the epochs change while training goes on.
     */
    public boolean needsNewNetwork(ImageSettings next) {
        return !hidden.equals(next.hidden) || !activations.equals(next.activations)
                || validationShare != next.validationShare || seed != next.seed;
    }

    int[] hiddenArray() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }
}
