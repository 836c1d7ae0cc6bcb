package io.neuralplayground.session;

import io.neuralplayground.data.FeatureSet;
import io.neuralplayground.data.Split;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.TrainingConfig;

/**
 * What the window shows at one moment, published by the training thread after each epoch (and after every
 * command). Immutable: {@code network} is a private copy that nobody changes, the datasets are immutable.
 *
 * @param build            increases whenever the network is rebuilt, reset or drawn anew: the loss history starts over
 * @param epoch            epochs trained since the build (0 before the first)
 * @param trainLoss        mean loss on the training examples
 * @param testLoss         mean loss on the test examples (NaN without test examples)
 * @param trainAccuracy    fraction classified correctly (NaN for regression)
 * @param testAccuracy     the same on the test examples
 * @param validationLoss   mean loss on the validation examples (NaN without validation examples)
 * @param validationAccuracy the same as a fraction classified correctly (NaN also for regression)
 * @param network          a copy of the weights after the epoch
 * @param split            the training and test examples
 * @param features         the network's inputs, computable at any point (x1, x2) of the plane
 * @param settings         the settings this build was made from
 * @param config           the trainer's hyperparameters now: loss, optimizer, learning rate, target encoding
 * @param playing          whether the session is training
 * @param speed            the current speed
 * @param epochsPerSecond  measured by the training thread over the last second
 * @param message          why training stopped (divergence, early stopping), or null
 * @param bestEpoch        with early stopping on, the epoch of the best monitored value so far (0 before any)
 * @param stoppedEpoch     the epoch at which early stopping stopped training, 0 while it has not
 */
public record Snapshot(long build, int epoch, double trainLoss, double testLoss, double trainAccuracy,
        double testAccuracy, double validationLoss, double validationAccuracy, Network network, Split split,
        FeatureSet features, PlaygroundSettings settings, TrainingConfig config, boolean playing, Speed speed,
        double epochsPerSecond, String message, int bestEpoch, int stoppedEpoch) {

    /**
     * Whether {@code other} shows the same state of the playground: the same build, epoch, settings and trainer
     * settings, and bit for bit the same weights (what is only displayed, such as the rate, may differ).
     */
    public boolean sameState(Snapshot other) {
        return other == this || other != null && build == other.build && epoch == other.epoch
                && settings.equals(other.settings) && config.equals(other.config)
                && network.sameParameters(other.network);
    }
}
