package io.neuralplayground.engine;

import io.neuralplayground.PlaygroundException;

/**
 * Training stopped because a loss or a weight stopped being a finite number. The message names the epoch and
 * what to change; the network holds the weights of the last good epoch.
 */
public final class TrainingDivergedException extends PlaygroundException {
    private static final long serialVersionUID = 1L;
    private final int epoch;

    public TrainingDivergedException(int epoch, String message) {
        super(message);
        this.epoch = epoch;
    }

    /** The epoch that went wrong (1-based: the first epoch is epoch 1). */
    public int epoch() {
        return epoch;
    }
}
