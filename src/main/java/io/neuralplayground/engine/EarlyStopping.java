package io.neuralplayground.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * When to stop training: Keras' {@code EarlyStopping(monitor, min_delta, patience, restore_best_weights,
 * start_from_epoch)} with {@code mode="auto"} and no baseline. After every epoch from {@code startFromEpoch + 1} on,
 * the monitored value v is compared with the best b so far: it is an improvement when v &lt; b − min_delta for a
 * loss and v &gt; b + min_delta for an accuracy. After {@code patience} epochs in a row without one (never at the
 * first epoch) training stops; with {@code restoreBestWeights} the network goes back to the weights of the best
 * epoch. {@link EarlyStopper} applies the rule.
 *
 * @param monitor            what is watched
 * @param minDelta           the least change that counts as an improvement, ≥ 0 (Keras takes its absolute value)
 * @param patience           epochs without improvement before stopping, ≥ 0
 * @param restoreBestWeights whether to go back to the best epoch's weights
 * @param startFromEpoch     epochs of warm-up before the watch begins, ≥ 0
 */
public record EarlyStopping(Monitor monitor, double minDelta, int patience, boolean restoreBestWeights,
        int startFromEpoch) {

    /** The quantities Keras' callback can watch here, by its names for them. */
    public enum Monitor {
        VAL_LOSS("val_loss", true),
        VAL_ACCURACY("val_accuracy", false),
        LOSS("loss", true),
        ACCURACY("accuracy", false);

        private final String kerasName;
        private final boolean lowerIsBetter;

        Monitor(String kerasName, boolean lowerIsBetter) {
            this.kerasName = kerasName;
            this.lowerIsBetter = lowerIsBetter;
        }

        /** Keras' name: {@code val_loss}, {@code val_accuracy}, {@code loss}, {@code accuracy}. */
        public String kerasName() {
            return kerasName;
        }

        /** Keras' {@code mode="auto"}: "min" for a loss, "max" for an accuracy. */
        public boolean lowerIsBetter() {
            return lowerIsBetter;
        }

        /** Whether it is measured on the validation examples. */
        public boolean needsValidation() {
            return this == VAL_LOSS || this == VAL_ACCURACY;
        }

        /** Whether it is an accuracy (which regression has not). */
        public boolean isAccuracy() {
            return this == VAL_ACCURACY || this == ACCURACY;
        }

        /** The watched value of an epoch; NaN when the epoch has none (no validation data, regression). */
        public double valueOf(EpochResult result) {
            return switch (this) {
                case VAL_LOSS -> result.validationLoss();
                case VAL_ACCURACY -> result.validationAccuracy();
                case LOSS -> result.trainLoss();
                case ACCURACY -> result.trainAccuracy();
            };
        }

        /**
         * The monitor Keras names {@code name}.
         *
         * @throws IllegalArgumentException naming the choices when there is none
         */
        public static Monitor fromKerasName(String name) {
            for (Monitor m : values()) {
                if (m.kerasName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown monitor \"" + name
                    + "\": choose val_loss, val_accuracy, loss or accuracy");
        }

        @Override
        public String toString() {
            return kerasName;
        }
    }

    public EarlyStopping {
        Objects.requireNonNull(monitor);
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("min_delta must be a finite number ≥ 0, got " + minDelta);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be ≥ 0, got " + patience);
        }
        if (startFromEpoch < 0) {
            throw new IllegalArgumentException("start_from_epoch must be ≥ 0, got " + startFromEpoch);
        }
    }

    /** The lecture's usual choice: watch val_loss, min_delta 0.0001, patience 20, restore the best weights. */
    public static EarlyStopping defaults() {
        return new EarlyStopping(Monitor.VAL_LOSS, 1e-4, 20, true, 0);
    }

    /** Whether v is an improvement on the best so far b: Keras' {@code _is_improvement}. */
    public boolean isImprovement(double value, double best) {
        return monitor.lowerIsBetter() ? value + minDelta < best : value - minDelta > best;
    }

    /** Keras' call that makes this callback, for the curious: {@code EarlyStopping(monitor="val_loss", …)}. */
    public String toKeras() {
        return String.format(Locale.ROOT,
                "EarlyStopping(monitor=\"%s\", min_delta=%s, patience=%d, restore_best_weights=%s, start_from_epoch=%d)",
                monitor.kerasName(), Double.toString(minDelta), patience, restoreBestWeights ? "True" : "False",
                startFromEpoch);
    }

    public EarlyStopping withMonitor(Monitor value) {
        return new EarlyStopping(value, minDelta, patience, restoreBestWeights, startFromEpoch);
    }

    public EarlyStopping withMinDelta(double value) {
        return new EarlyStopping(monitor, value, patience, restoreBestWeights, startFromEpoch);
    }

    public EarlyStopping withPatience(int value) {
        return new EarlyStopping(monitor, minDelta, value, restoreBestWeights, startFromEpoch);
    }

    public EarlyStopping withRestoreBestWeights(boolean value) {
        return new EarlyStopping(monitor, minDelta, patience, value, startFromEpoch);
    }

    public EarlyStopping withStartFromEpoch(int value) {
        return new EarlyStopping(monitor, minDelta, patience, restoreBestWeights, value);
    }
}
