package io.neuralplayground.engine;

import java.util.Locale;

/**
 * An optimizer's settings, with Keras' update formulas and defaults. Its per-parameter memory (velocities,
 * moments, the step count) is a separate object, {@link OptimizerState}, made by {@link #newState}; the settings
 * themselves are immutable, so changing the optimizer while training is swapping this value and its state.
 */
public sealed interface Optimizer permits Optimizer.Sgd, Optimizer.RmsProp, Optimizer.Adam {

    /** The name used on the command line and in files: sgd, momentum, nesterov, rmsprop, adam. */
    String name();

    /** Fresh memory for every parameter of {@code network}. */
    OptimizerState newState(Network network);

    /** Plain minibatch gradient descent, the textbook algorithm and TF Playground's. */
    static Optimizer sgd() {
        return new Sgd(0, false);
    }

    /** SGD with momentum 0.9. */
    static Optimizer momentum() {
        return new Sgd(0.9, false);
    }

    /** SGD with Nesterov momentum 0.9. */
    static Optimizer nesterov() {
        return new Sgd(0.9, true);
    }

    /** RMSprop with Keras' defaults: ρ = 0.9, ε = 1e-7. */
    static Optimizer rmsprop() {
        return new RmsProp(0.9, 1e-7);
    }

    /** Adam with Keras' defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-7. */
    static Optimizer adam() {
        return new Adam(0.9, 0.999, 1e-7);
    }

    static Optimizer byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sgd" -> sgd();
            case "momentum" -> momentum();
            case "nesterov" -> nesterov();
            case "rmsprop" -> rmsprop();
            case "adam" -> adam();
            default -> throw new IllegalArgumentException("unknown optimizer '" + name
                    + "' (known: sgd, momentum, nesterov, rmsprop, adam)");
        };
    }

    /**
     * Keras' SGD. Without momentum: {@code w ← w − lr·g}. With momentum μ, a velocity v (initially 0):
     * <pre>
     *   v ← μ·v − lr·g
     *   w ← w + v                  (classical)
     *   w ← w + μ·v − lr·g         (Nesterov)
     * </pre>
     */
    record Sgd(double momentum, boolean nesterov) implements Optimizer {
        public Sgd {
            if (!(momentum >= 0 && momentum <= 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
            }
        }

        @Override
        public String name() {
            return momentum == 0 ? "sgd" : nesterov ? "nesterov" : "momentum";
        }

        @Override
        public OptimizerState newState(Network network) {
            return new OptimizerState(this, network, momentum == 0 ? 0 : 1);
        }
    }

    /**
     * Keras' RMSprop (not centered, no momentum), with a mean square v (initially 0):
     * <pre>
     *   v ← ρ·v + (1 − ρ)·g²
     *   w ← w − lr·g / √(v + ε)
     * </pre>
     */
    record RmsProp(double rho, double epsilon) implements Optimizer {
        @Override
        public String name() {
            return "rmsprop";
        }

        @Override
        public OptimizerState newState(Network network) {
            return new OptimizerState(this, network, 1);
        }
    }

    /**
     * Keras' Adam (without AMSGrad), with moments m and v (initially 0) and step t = 1, 2, …:
     * <pre>
     *   α ← lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
     *   m ← m + (g − m)(1 − β₁)
     *   v ← v + (g² − v)(1 − β₂)
     *   w ← w − α·m / (√v + ε)
     * </pre>
     */
    record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
        @Override
        public String name() {
            return "adam";
        }

        @Override
        public OptimizerState newState(Network network) {
            return new OptimizerState(this, network, 2);
        }
    }
}
