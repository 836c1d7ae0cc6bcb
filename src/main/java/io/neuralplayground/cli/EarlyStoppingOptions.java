package io.neuralplayground.cli;

import io.neuralplayground.engine.EarlyStopping;
import picocli.CommandLine.Option;

/** Validation data and Keras' early stopping, for {@code train}. */
final class EarlyStoppingOptions {
    /** The validation share early stopping takes when none is given: Keras users' usual 0.2. */
    static final double DEFAULT_VALIDATION_SPLIT = 0.2;

    @Option(names = "--validation-split", paramLabel = "FRACTION",
            description = "Set this fraction of the training part aside for validation (Keras' validation_split): "
                    + "measured after every epoch (val_loss, val_accuracy), never trained on. Default: none, or "
                    + "0.2 with --early-stopping on val_loss or val_accuracy.")
    Double validationSplit;

    @Option(names = "--early-stopping", description = "Stop when the monitored value has not improved for "
            + "--patience epochs (Keras' EarlyStopping).")
    boolean enabled;

    @Option(names = "--monitor", paramLabel = "NAME", defaultValue = "val_loss",
            description = "What early stopping watches: val_loss, val_accuracy, loss or accuracy. "
                    + "Default: ${DEFAULT-VALUE}.")
    String monitor;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "20",
            description = "Epochs without improvement before stopping. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--min-delta", paramLabel = "D", defaultValue = "1e-4",
            description = "The least change that counts as an improvement. Default: ${DEFAULT-VALUE}.")
    double minDelta;

    @Option(names = "--restore-best", description = "At the end, go back to the weights of the best epoch "
            + "(Keras' restore_best_weights).")
    boolean restoreBest;

    @Option(names = "--start-from-epoch", paramLabel = "N", defaultValue = "0",
            description = "Epochs of warm-up before the watch begins. Default: ${DEFAULT-VALUE}.")
    int startFromEpoch;

    /** The rule asked for, or null without {@code --early-stopping}. */
    EarlyStopping rule() {
        if (!enabled) {
            return null;
        }
        return new EarlyStopping(EarlyStopping.Monitor.fromKerasName(monitor), minDelta, patience, restoreBest,
                startFromEpoch);
    }

    /**
     * The validation share: as given, else {@link #DEFAULT_VALIDATION_SPLIT} when early stopping watches validation
     * data, else 0.
     */
    double validationShare() {
        if (validationSplit != null) {
            if (!(validationSplit >= 0 && validationSplit < 1)) {
                throw new IllegalArgumentException("--validation-split must be a fraction from 0 to below 1 (for "
                        + "example 0.2), got " + validationSplit);
            }
            return validationSplit;
        }
        EarlyStopping rule = rule();
        return rule != null && rule.monitor().needsValidation() ? DEFAULT_VALIDATION_SPLIT : 0;
    }
}
