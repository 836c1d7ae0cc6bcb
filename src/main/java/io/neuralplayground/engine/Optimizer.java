package io.neuralplayground.engine;

import java.util.Locale;

/**
 * An optimizer's settings and its update rule, with Keras' formulas and defaults. Each optimizer's update sits
 * beside its formula in its own record. Its per-parameter memory (velocities, moments, the step count) is a
 * separate object, {@link OptimizerState}, made by {@link #newState}; the settings themselves are immutable, so
 * changing the optimizer while training is swapping this value and its state.
 *
 * <p>A step updates every parameter array of the network: first {@link #stepSize} once for the whole step, then
 * {@link #update} on each array. The memory of one array is {@link #slotCount} arrays as long as it, in the order
 * the formulas name them; sessions save them in that order.
 */
public sealed interface Optimizer permits Optimizer.Sgd, Optimizer.RmsProp, Optimizer.Adam {

    /** The name used on the command line and in files: sgd, momentum, nesterov, rmsprop, adam. */
    String name();

    /** How many arrays of memory the optimizer keeps per parameter array (0 for plain SGD). */
    int slotCount();

    /** Fresh memory (all 0, no steps taken) for every parameter of {@code network}. */
    default OptimizerState newState(Network network) {
        return new OptimizerState(this, network);
    }

    /**
     * The step size of step {@code t} (1 for the first) at {@code learningRate}: the learning rate itself, but
     * for Adam's bias correction. Worked out once per step, since it is the same for every parameter array.
     */
    default double stepSize(double learningRate, long t) {
        return learningRate;
    }

    /**
     * One update of the parameter array {@code w}, in place, from its mean gradient {@code g} (as long as w).
     *
     * @param memory   this array's memory, updated in place: {@code memory[s]} is slot s, as long as w
     * @param stepSize what {@link #stepSize} gave for this step
     */
    void update(double[] w, double[] g, double[][] memory, double stepSize);

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
     * Keras' SGD. Without momentum: {@code w ← w − lr·g}. With momentum μ, a velocity v (initially 0; slot 0):
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
        public int slotCount() {
            return momentum == 0 ? 0 : 1;
        }

        @Override
        public void update(double[] w, double[] g, double[][] memory, double lr) {
            if (momentum == 0) {
                descend(w, g, lr);
                return;
            }
            double mu = momentum;
            double[] v = memory[0];
            int n = w.length;
            if (nesterov) {
                for (int i = 0; i < n; i++) {
                    v[i] = mu * v[i] - lr * g[i];
                    w[i] += mu * v[i] - lr * g[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    v[i] = mu * v[i] - lr * g[i];
                    w[i] += v[i];
                }
            }
        }

        /**
         * Plain SGD's step on one array, {@code w ← w − lr·g} for every entry of w: what the trainer runs for
         * {@link Optimizer#sgd()}, and what the backprop stepper shows as the update.
         */
        public static void descend(double[] w, double[] g, double lr) {
            int n = w.length;
            for (int i = 0; i < n; i++) {
                w[i] -= lr * g[i];
            }
        }
    }

    /**
     * Keras' RMSprop (not centered, no momentum), with a mean square v (initially 0; slot 0):
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
        public int slotCount() {
            return 1;
        }

        @Override
        public void update(double[] w, double[] g, double[][] memory, double lr) {
            double[] v = memory[0];
            int n = w.length;
            for (int i = 0; i < n; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / Math.sqrt(v[i] + epsilon);
            }
        }
    }

    /**
     * Keras' Adam (without AMSGrad), with moments m and v (initially 0; slots 0 and 1) and step t = 1, 2, …:
     * <pre>
     *   α ← lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)        ({@link #stepSize})
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
        public int slotCount() {
            return 2;
        }

        @Override
        public double stepSize(double learningRate, long t) {
            double power = t;
            return learningRate * Math.sqrt(1 - Math.pow(beta2, power)) / (1 - Math.pow(beta1, power));
        }

        @Override
        public void update(double[] w, double[] g, double[][] memory, double alpha) {
            double[] m = memory[0];
            double[] v = memory[1];
            double b1 = 1 - beta1;
            double b2 = 1 - beta2;
            int n = w.length;
            for (int i = 0; i < n; i++) {
                m[i] += (g[i] - m[i]) * b1;
                v[i] += (g[i] * g[i] - v[i]) * b2;
                w[i] -= alpha * m[i] / (Math.sqrt(v[i]) + epsilon);
            }
        }
    }
}
