package io.neuralplayground.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * Applies an {@link EarlyStopping} rule to one run, epoch by epoch, as Keras' callback does between
 * {@code on_train_begin} and {@code on_train_end}. Epochs are counted from 1 here (Keras counts from 0 and prints
 * epoch + 1): epoch e is watched when e &gt; start_from_epoch. On the first watched epoch the weights are kept
 * whatever the value (Keras keeps them "if no progress is ever made"); then:
 * <pre>
 *   wait ← wait + 1
 *   if improvement(v, best): best ← v, best epoch ← e, keep the weights, wait ← 0
 *   else if wait ≥ patience and e &gt; 1: stop
 * </pre>
 * The weights are kept through {@link KeptWeights}, so the same rule serves the double and the float32 engines
 * without a copy per epoch.
 */
public final class EarlyStopper {
    /** Somewhere to keep a copy of the live weights and to put them back from. */
    public interface KeptWeights {
        /** Copies the live weights into the keeping place. */
        void keep();

        /** Copies the kept weights back into the live network. */
        void restore();
    }

    private final EarlyStopping rule;
    private final KeptWeights weights;
    private int wait;
    private double best;
    private int bestEpoch;
    private boolean kept;
    private int stoppedEpoch;

    public EarlyStopper(EarlyStopping rule, KeptWeights weights) {
        this.rule = Objects.requireNonNull(rule);
        this.weights = Objects.requireNonNull(weights);
        this.best = rule.monitor().lowerIsBetter() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** A place for a {@link Network}'s weights: a copy made once, filled in place on every improvement. */
    public static KeptWeights of(Network live) {
        Network copy = live.copy();
        return new KeptWeights() {
            @Override
            public void keep() {
                for (int l = 0; l < live.depth(); l++) {
                    live.layer(l).copyParametersTo(copy.layer(l));
                }
            }

            @Override
            public void restore() {
                // In place: the trainer's buffers hold on to the live network's layers.
                for (int l = 0; l < live.depth(); l++) {
                    copy.layer(l).copyParametersTo(live.layer(l));
                }
            }
        };
    }

    public EarlyStopping rule() {
        return rule;
    }

    /**
     * Watches the epoch just measured. When it says stop and the rule restores the best weights, they are back in
     * the network when this returns.
     *
     * @return whether training should stop now
     */
    public boolean observe(EpochResult result) {
        return observe(result.epoch(), rule.monitor().valueOf(result));
    }

    /**
     * Watches epoch {@code epoch} (from 1), whose monitored value is {@code value}. A NaN value (nothing measured)
     * is passed over, as Keras passes over a missing metric.
     *
     * @return whether training should stop now
     */
    public boolean observe(int epoch, double value) {
        if (stoppedEpoch > 0 || Double.isNaN(value) || epoch <= rule.startFromEpoch()) {
            return stoppedEpoch > 0;
        }
        if (rule.restoreBestWeights() && !kept) {
            weights.keep();
            kept = true;
            bestEpoch = epoch;
        }
        wait++;
        if (rule.isImprovement(value, best)) {
            best = value;
            bestEpoch = epoch;
            if (rule.restoreBestWeights()) {
                weights.keep();
            }
            wait = 0;
            return false;
        }
        if (wait >= rule.patience() && epoch > 1) {
            stoppedEpoch = epoch;
            if (rule.restoreBestWeights()) {
                weights.restore();
            }
            return true;
        }
        return false;
    }

    /**
     * Ends a run that was not stopped by the rule (its epochs ran out), as Keras' {@code on_train_end}: with
     * {@code restoreBestWeights} the best epoch's weights go back into the network.
     *
     * @return whether weights were restored
     */
    public boolean finish() {
        if (stoppedEpoch == 0 && rule.restoreBestWeights() && kept) {
            weights.restore();
            return true;
        }
        return false;
    }

    /** The best value so far (±∞ before the first watched epoch). */
    public double best() {
        return best;
    }

    /** The epoch of the best value so far; 0 before the first watched epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Watched epochs since the last improvement. */
    public int waited() {
        return wait;
    }

    /** The epoch at which training was stopped; 0 while it goes on. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    public boolean hasStopped() {
        return stoppedEpoch > 0;
    }

    /**
     * Why training stopped, for the status bar and the command line: "Stopped at epoch 212: val_loss has not
     * improved by 0.0001 for 20 epochs; restored the weights of epoch 192".
     *
     * @throws IllegalStateException before the rule has stopped training
     */
    public String reason() {
        if (stoppedEpoch == 0) {
            throw new IllegalStateException("training has not been stopped");
        }
        String by = rule.minDelta() > 0 ? " by " + number(rule.minDelta()) : "";
        String text = "Stopped at epoch " + stoppedEpoch + ": " + rule.monitor().kerasName() + " has not improved"
                + by + " for " + wait + (wait == 1 ? " epoch" : " epochs");
        if (rule.restoreBestWeights()) {
            text += "; restored the weights of epoch " + bestEpoch;
        }
        return text;
    }

    private static String number(double value) {
        String s = String.format(Locale.ROOT, "%.6g", value);
        if (s.contains("e")) {
            return Double.toString(value);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
