package io.neuralplayground.engine;

import java.util.Locale;

/**
 * L1 or L2 regularization of the weights (never the biases) with TF Playground's semantics. With w₀ the weight
 * before an update, the optimizer first takes its gradient step to w, then
 * <pre>
 *   w ← w − lr · rate · d(w₀),   d(w₀) = sign(w₀) for L1,  w₀ for L2   (the derivatives of |w| and ½w²)
 * </pre>
 * and when that L1 step makes the weight change sign, the weight is set to 0 and its link is frozen there
 * until the network is rebuilt. The penalty is not part of the reported loss, as in Playground.
 *
 * @param kind none, L1 or L2
 * @param rate the regularization rate (≥ 0)
 */
public record Regularization(Kind kind, double rate) {
    public static final Regularization NONE = new Regularization(Kind.NONE, 0);

    public enum Kind {
        NONE, L1, L2;

        public static Kind byName(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown regularization '" + name + "' (known: none, l1, l2)", e);
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Regularization {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("regularization rate must be a finite number ≥ 0, got " + rate);
        }
    }

    /** Regularization of {@code kind} at {@code rate}; for {@link Kind#NONE} the rate does not matter: {@link #NONE}. */
    public static Regularization of(Kind kind, double rate) {
        return kind == Kind.NONE ? NONE : new Regularization(kind, rate);
    }

    public static Regularization l1(double rate) {
        return new Regularization(Kind.L1, rate);
    }

    public static Regularization l2(double rate) {
        return new Regularization(Kind.L2, rate);
    }

    /** Whether the step changes anything. */
    public boolean isActive() {
        return kind != Kind.NONE && rate != 0;
    }

    /** d(w₀): the derivative of the penalty at the weight before the update. */
    double derivative(double w0) {
        return switch (kind) {
            case L1 -> Math.signum(w0);
            case L2 -> w0;
            case NONE -> 0;
        };
    }

    /**
     * The regularization step on one layer's kernel after the optimizer's step: {@code before} holds the
     * weights w₀ from before the update, {@code layer}'s kernel the weights after it.
     */
    void apply(DenseLayer layer, double[] before, double learningRate) {
        double[] w = layer.kernel().data;
        boolean[] frozen = layer.frozenMask();
        double step = learningRate * rate;
        for (int i = 0; i < w.length; i++) {
            if (frozen != null && frozen[i]) {
                continue;
            }
            double next = w[i] - step * derivative(before[i]);
            if (kind == Kind.L1 && w[i] * next < 0) {
                layer.freeze(i);
            } else {
                w[i] = next;
            }
        }
    }
}
