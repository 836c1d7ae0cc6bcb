package io.neuralplayground.engine;

import java.util.Locale;

/**
 * What an epoch does with the examples left over when the number of training examples is not a multiple of the
 * batch size. With n examples, batch b and n = q·b + r (0 ≤ r &lt; b), ∇ℓᵢ the gradient of example i's loss at the
 * current weights:
 *
 * <ul>
 *   <li>{@link #SMALLER_LAST_BATCH} (Keras' {@code fit}): ⌈n/b⌉ updates per epoch; update k averages its own
 *       batch Bₖ, {@code g = (1/|Bₖ|)·Σ_{i∈Bₖ} ∇ℓᵢ}, where |Bₖ| = b except for the last, which has the r leftover
 *       examples. Every epoch trains every example and nothing crosses from one epoch into the next.</li>
 *   <li>{@link #CARRY_OVER} (TF Playground's {@code oneStep}): an update after every b examples, counted from 0
 *       again in each epoch, so q updates per epoch. The r leftover gradients are not applied: they stay
 *       accumulated, evaluated at the weights after the epoch's last update, and the epoch that follows averages
 *       them into its first update, {@code g = (1/(r + b))·(Σ_{r leftover} ∇ℓᵢ + Σ_{first b} ∇ℓᵢ)}. No update
 *       happens between those r and b examples, so all r + b gradients are taken at the same weights, as
 *       Playground's per-link {@code accErrorDer / numAccumulatedDers} takes them.</li>
 * </ul>
 * When r = 0 the two are the same run. In both, the regularization step follows each update once (Playground's
 * {@code updateWeights}), so with r &gt; 0 carry-over regularizes q times an epoch and the smaller last batch q + 1.
 *
 * <p>A training set smaller than the batch is one batch of all n examples in both modes. (Playground never meets
 * this case, with at least 50 training points at a batch of at most 30; its loop taken literally would then never
 * update at all.)
 */
public enum LeftoverExamples {
    SMALLER_LAST_BATCH("smaller-batch"),
    CARRY_OVER("carry-over");

    private final String id;

    LeftoverExamples(String id) {
        this.id = id;
    }

    /** The name on the command line, in session files and in share strings: smaller-batch, carry-over. */
    public String id() {
        return id;
    }

    /**
     * The mode called {@code name} (its {@link #id()}, any case).
     *
     * @throws IllegalArgumentException naming the known ones
     */
    public static LeftoverExamples byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (LeftoverExamples mode : values()) {
            if (mode.id.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown way with leftover examples '" + name
                + "' (known: smaller-batch, carry-over)");
    }

    @Override
    public String toString() {
        return id;
    }
}
