package io.neuralplayground.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The loss of one example, L(y, t), as a value and gradient pair, named as Keras names it.
 *
 * <p>Buffers are unit-major like {@link Activation}'s: output j of example r at {@code [j][r]}. Targets have
 * the same layout, one column per output unit, except for {@link #SPARSE_CATEGORICAL_CROSSENTROPY} whose
 * target is one column holding the class index.
 *
 * <p>Probabilities are clipped to [ε, 1 − ε] with ε = {@value #EPSILON} as Keras does, and the gradient of the
 * clipped loss is 0 where the clip is active, so value and gradient always agree. When a cross-entropy follows
 * its own activation (sigmoid with binary, softmax with categorical) the pair is evaluated from the
 * pre-activation a instead — {@code log σ(a)} and {@code log softmax(a)} computed without ever taking the log of
 * 0 — and its gradient with respect to a collapses to {@code y − t}. Keras' TensorFlow backend does the same
 * for these pairs; it keeps training from stalling when an output saturates.
 */
public enum Loss {
    /** L = ½ Σ_j (y_j − t_j)², TF Playground's and the textbook's; ∂L/∂y = y − t. */
    HALF_SQUARED_ERROR("half_squared_error") {
        @Override
        double sumFromOutputs(double[][] y, double[][] t, int units, int m) {
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                for (int r = 0; r < m; r++) {
                    double d = yj[r] - tj[r];
                    sum += d * d;
                }
            }
            return 0.5 * sum;
        }

        @Override
        public void gradient(double[][] y, double[][] t, double[][] g, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                double[] gj = g[j];
                for (int r = 0; r < m; r++) {
                    gj[r] = yj[r] - tj[r];
                }
            }
        }
    },
    /** L = (1/n) Σ_j (y_j − t_j)² over the n outputs; ∂L/∂y = 2(y − t)/n. */
    MEAN_SQUARED_ERROR("mean_squared_error") {
        @Override
        double sumFromOutputs(double[][] y, double[][] t, int units, int m) {
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                for (int r = 0; r < m; r++) {
                    double d = yj[r] - tj[r];
                    sum += d * d;
                }
            }
            return sum / units;
        }

        @Override
        public void gradient(double[][] y, double[][] t, double[][] g, int units, int m) {
            double scale = 2.0 / units;
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                double[] gj = g[j];
                for (int r = 0; r < m; r++) {
                    gj[r] = scale * (yj[r] - tj[r]);
                }
            }
        }
    },
    /** L = (1/n) Σ_j |y_j − t_j|; ∂L/∂y = sign(y − t)/n, 0 where y = t. */
    MEAN_ABSOLUTE_ERROR("mean_absolute_error") {
        @Override
        double sumFromOutputs(double[][] y, double[][] t, int units, int m) {
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                for (int r = 0; r < m; r++) {
                    sum += Math.abs(yj[r] - tj[r]);
                }
            }
            return sum / units;
        }

        @Override
        public void gradient(double[][] y, double[][] t, double[][] g, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                double[] gj = g[j];
                for (int r = 0; r < m; r++) {
                    gj[r] = Math.signum(yj[r] - tj[r]) / units;
                }
            }
        }
    },
    /**
     * L = −(1/n) Σ_j [t_j log y_j + (1 − t_j) log(1 − y_j)] with y clipped to [ε, 1 − ε]; targets in [0, 1].
     * After a sigmoid: from logits, ℓ = max(a, 0) − a·t + log(1 + e^−|a|), and ∂L/∂a = (y − t)/n.
     */
    BINARY_CROSSENTROPY("binary_crossentropy") {
        @Override
        double sumFromOutputs(double[][] y, double[][] t, int units, int m) {
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                for (int r = 0; r < m; r++) {
                    double p = clip(yj[r]);
                    sum -= tj[r] * Math.log(p) + (1 - tj[r]) * Math.log(1 - p);
                }
            }
            return sum / units;
        }

        @Override
        double sumFromLogits(double[][] a, double[][] t, int units, int m) {
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] tj = t[j];
                for (int r = 0; r < m; r++) {
                    sum += Math.max(aj[r], 0) - aj[r] * tj[r] + Math.log1p(Math.exp(-Math.abs(aj[r])));
                }
            }
            return sum / units;
        }

        @Override
        public void gradient(double[][] y, double[][] t, double[][] g, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                double[] gj = g[j];
                for (int r = 0; r < m; r++) {
                    gj[r] = insideClip(yj[r]) ? (-tj[r] / yj[r] + (1 - tj[r]) / (1 - yj[r])) / units : 0.0;
                }
            }
        }

        @Override
        public boolean fusesWith(Activation output) {
            return output == Activation.SIGMOID;
        }

        @Override
        void fusedGradient(double[][] y, double[][] t, double[][] gA, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                double[] gAj = gA[j];
                for (int r = 0; r < m; r++) {
                    gAj[r] = (yj[r] - tj[r]) / units;
                }
            }
        }
    },
    /**
     * L = −Σ_j t_j log y_j with y clipped to [ε, 1 − ε]; one-hot targets.
     * After a softmax: from logits, L = (Σ_j t_j)·logsumexp(a) − Σ_j t_j a_j, and ∂L/∂a = (Σ_j t_j)·y − t.
     */
    CATEGORICAL_CROSSENTROPY("categorical_crossentropy") {
        @Override
        double sumFromOutputs(double[][] y, double[][] t, int units, int m) {
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                for (int r = 0; r < m; r++) {
                    if (tj[r] != 0) {
                        sum -= tj[r] * Math.log(clip(yj[r]));
                    }
                }
            }
            return sum;
        }

        @Override
        double sumFromLogits(double[][] a, double[][] t, int units, int m) {
            double sum = 0;
            for (int r = 0; r < m; r++) {
                double lse = logSumExp(a, r, units);
                for (int j = 0; j < units; j++) {
                    double tj = t[j][r];
                    sum += tj * (lse - a[j][r]);
                }
            }
            return sum;
        }

        @Override
        public void gradient(double[][] y, double[][] t, double[][] g, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] yj = y[j];
                double[] tj = t[j];
                double[] gj = g[j];
                for (int r = 0; r < m; r++) {
                    gj[r] = insideClip(yj[r]) ? -tj[r] / yj[r] : 0.0;
                }
            }
        }

        @Override
        public boolean fusesWith(Activation output) {
            return output == Activation.SOFTMAX;
        }

        @Override
        void fusedGradient(double[][] y, double[][] t, double[][] gA, int units, int m) {
            for (int r = 0; r < m; r++) {
                double targetSum = 0;
                for (int j = 0; j < units; j++) {
                    targetSum += t[j][r];
                }
                for (int j = 0; j < units; j++) {
                    gA[j][r] = targetSum * y[j][r] - t[j][r];
                }
            }
        }
    },
    /**
     * L = −log y_c for the target class c (one target column holding c); y clipped to [ε, 1 − ε].
     * After a softmax: L = logsumexp(a) − a_c and ∂L/∂a = y − e_c.
     */
    SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy") {
        @Override
        double sumFromOutputs(double[][] y, double[][] t, int units, int m) {
            double sum = 0;
            for (int r = 0; r < m; r++) {
                sum -= Math.log(clip(y[classOf(t, r, units)][r]));
            }
            return sum;
        }

        @Override
        double sumFromLogits(double[][] a, double[][] t, int units, int m) {
            double sum = 0;
            for (int r = 0; r < m; r++) {
                sum += logSumExp(a, r, units) - a[classOf(t, r, units)][r];
            }
            return sum;
        }

        @Override
        public void gradient(double[][] y, double[][] t, double[][] g, int units, int m) {
            for (int j = 0; j < units; j++) {
                Arrays.fill(g[j], 0, m, 0.0);
            }
            for (int r = 0; r < m; r++) {
                int c = classOf(t, r, units);
                g[c][r] = insideClip(y[c][r]) ? -1 / y[c][r] : 0.0;
            }
        }

        @Override
        public boolean fusesWith(Activation output) {
            return output == Activation.SOFTMAX;
        }

        @Override
        void fusedGradient(double[][] y, double[][] t, double[][] gA, int units, int m) {
            for (int j = 0; j < units; j++) {
                System.arraycopy(y[j], 0, gA[j], 0, m);
            }
            for (int r = 0; r < m; r++) {
                gA[classOf(t, r, units)][r] -= 1;
            }
        }

        @Override
        public int targetColumns(int outputUnits) {
            return 1;
        }
    };

    /** Keras' {@code backend.epsilon()}, the clip for probabilities. */
    public static final double EPSILON = 1e-7;

    private final String kerasName;

    Loss(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    /**
     * L(y, t) of one example written out in its outputs y_j and targets t_j, n being the number of outputs:
     * {@code ½ Σ_j (y_j − t_j)²}. The texts of a loss live here, beside its maths, as {@code Op} keeps those of
     * the autodiff operations.
     */
    public String formula() {
        return switch (this) {
            case HALF_SQUARED_ERROR -> "½ Σ_j (y_j − t_j)²";
            case MEAN_SQUARED_ERROR -> "(1/n) Σ_j (y_j − t_j)²";
            case MEAN_ABSOLUTE_ERROR -> "(1/n) Σ_j |y_j − t_j|";
            case BINARY_CROSSENTROPY -> "−(1/n) Σ_j [t_j log y_j + (1 − t_j) log(1 − y_j)]";
            case CATEGORICAL_CROSSENTROPY -> "−Σ_j t_j log y_j";
            case SPARSE_CATEGORICAL_CROSSENTROPY -> "−log y_c,  c = the target class";
        };
    }

    /** ∂L/∂y of one example written out, element by element, as {@link #gradient} computes it: {@code y − t}. */
    public String gradientFormula() {
        return switch (this) {
            case HALF_SQUARED_ERROR -> "y − t";
            case MEAN_SQUARED_ERROR -> "(2/n)·(y − t)";
            case MEAN_ABSOLUTE_ERROR -> "sign(y − t)/n";
            case BINARY_CROSSENTROPY -> "(−t/y + (1 − t)/(1 − y))/n";
            case CATEGORICAL_CROSSENTROPY -> "−t/y";
            case SPARSE_CATEGORICAL_CROSSENTROPY -> "−1/y_c at the target class c, 0 elsewhere";
        };
    }

    /**
     * Whether {@link #formula}, {@link #gradientFormula} and {@link #fusedGradientFormula} write n, the number of
     * outputs: the losses Keras averages over the outputs.
     */
    public boolean writesOutputCount() {
        return switch (this) {
            case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR, BINARY_CROSSENTROPY -> true;
            case HALF_SQUARED_ERROR, CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> false;
        };
    }

    /**
     * ∂L/∂a of one example written out for a {@linkplain #fusesWith fused} pair, as {@link #fusedGradient} computes
     * it (for targets that sum to 1): {@code y − t}.
     *
     * @throws UnsupportedOperationException when this loss fuses with no activation
     */
    public String fusedGradientFormula() {
        return switch (this) {
            case BINARY_CROSSENTROPY -> "(y − t)/n";
            case CATEGORICAL_CROSSENTROPY -> "y − t";
            case SPARSE_CATEGORICAL_CROSSENTROPY -> "y − e_c";
            case HALF_SQUARED_ERROR, MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR ->
                    throw new UnsupportedOperationException(kerasName + " fuses with no activation");
        };
    }

    /** What a symbol of {@link #fusedGradientFormula} other than y and t stands for, or "" when it has none. */
    public String fusedGradientSymbols() {
        return this == SPARSE_CATEGORICAL_CROSSENTROPY ? "e_c: 1 at the target class c" : "";
    }

    /**
     * The fused gradient for the targets {@link #fusedGradientFormula} leaves out, with which they are, or "" when
     * it leaves none out.
     */
    public String fusedGradientInGeneral() {
        return this == CATEGORICAL_CROSSENTROPY ? "for targets that do not sum to 1: (Σt)·y − t" : "";
    }

    /** What the loss is, in one sentence for a reader: "The squared error averaged over the n outputs." */
    public String description() {
        return switch (this) {
            case HALF_SQUARED_ERROR -> "Half the squared error, summed over the outputs (the textbook's and TF"
                    + " Playground's loss).";
            case MEAN_SQUARED_ERROR -> "The squared error averaged over the n outputs.";
            case MEAN_ABSOLUTE_ERROR -> "The absolute error averaged over the n outputs.";
            case BINARY_CROSSENTROPY -> "Binary cross-entropy, averaged over the n outputs; y is clipped to"
                    + " [ε, 1 − ε], ε = 1e−7, as Keras does.";
            case CATEGORICAL_CROSSENTROPY -> "Categorical cross-entropy against a one-hot target.";
            case SPARSE_CATEGORICAL_CROSSENTROPY -> "Categorical cross-entropy against a class index c.";
        };
    }

    /**
     * The sum over the m examples of L(y, t). When this loss {@linkplain #fusesWith fuses} with the output
     * activation the value is computed from the pre-activations a, otherwise from the outputs y.
     */
    public double sum(Activation output, double[][] a, double[][] y, double[][] t, int units, int m) {
        return fusesWith(output) ? sumFromLogits(a, t, units, m) : sumFromOutputs(y, t, units, m);
    }

    abstract double sumFromOutputs(double[][] y, double[][] t, int units, int m);

    double sumFromLogits(double[][] a, double[][] t, int units, int m) {
        throw new UnsupportedOperationException(kerasName + " has no logits form");
    }

    /** g = ∂L/∂y for each example (not averaged over the minibatch). */
    public abstract void gradient(double[][] y, double[][] t, double[][] g, int units, int m);

    /** Whether, after this output activation, the loss is computed from logits and ∂L/∂a is y − t. */
    public boolean fusesWith(Activation output) {
        return false;
    }

    /** ∂L/∂a for a {@linkplain #fusesWith fused} pair, per example. */
    void fusedGradient(double[][] y, double[][] t, double[][] gA, int units, int m) {
        throw new UnsupportedOperationException(kerasName + " fuses with no activation");
    }

    /**
     * ∂L/∂a at the output layer, the first two lines of backpropagation: g ← ∂L/∂y, then g ← g ⊙ φ'(a), or
     * the fused form for a fused pair. {@code gY} receives ∂L/∂y in both cases, for the trace.
     */
    public void outputGradient(Activation output, double[][] a, double[][] y, double[][] t, double[][] gY, double[][] gA,
            int units, int m) {
        gradient(y, t, gY, units, m);
        if (fusesWith(output)) {
            fusedGradient(y, t, gA, units, m);
        } else {
            output.backward(a, y, gY, gA, units, m);
        }
    }

    /** How many target columns this loss reads for a network with {@code outputUnits} outputs. */
    public int targetColumns(int outputUnits) {
        return outputUnits;
    }

    /** Whether this is one of the cross-entropies, which want probabilities (targets 0/1 or one-hot). */
    public boolean isCrossEntropy() {
        return this == BINARY_CROSSENTROPY || this == CATEGORICAL_CROSSENTROPY
                || this == SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /** The loss named {@code name} (Keras' names, case-insensitive). */
    public static Loss byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Loss loss : values()) {
            if (loss.kerasName.equals(wanted)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "' (known: " + knownNames() + ")");
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(Loss::kerasName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return kerasName;
    }

    static double clip(double p) {
        return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
    }

    static boolean insideClip(double p) {
        return p > EPSILON && p < 1 - EPSILON;
    }

    static double logSumExp(double[][] a, int r, int units) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < units; j++) {
            max = Math.max(max, a[j][r]);
        }
        double sum = 0;
        for (int j = 0; j < units; j++) {
            sum += Math.exp(a[j][r] - max);
        }
        return max + Math.log(sum);
    }

    static int classOf(double[][] t, int r, int units) {
        double c = t[0][r];
        int k = (int) c;
        if (k != c || k < 0 || k >= units) {
            throw new IllegalArgumentException("target class " + c + " is not an index of the " + units + " outputs");
        }
        return k;
    }
}
