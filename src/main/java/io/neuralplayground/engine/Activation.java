package io.neuralplayground.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The activation φ of a layer, as a value and derivative pair, named as Keras names it.
 *
 * <p>Buffers are unit-major, as everywhere in the engine's hot loops: for a minibatch of m examples the value
 * of unit j for example r sits at {@code [j][r]}. All activations but softmax work element by element;
 * softmax works on the units of one example.
 *
 * <p>{@link #backward} computes {@code g ⊙ φ'(a)}, the gradient with respect to the pre-activation a given the
 * gradient g with respect to h = φ(a). For softmax that product is a Jacobian-vector product:
 * {@code ∂h_i/∂a_j = h_i (δ_ij − h_j)}, so {@code (Jᵀg)_j = h_j (g_j − Σ_i g_i h_i)}.
 */
public enum Activation {
    /** φ(a) = a, φ'(a) = 1. */
    LINEAR("linear") {
        @Override
        public void forward(double[][] a, double[][] h, int units, int m) {
            for (int j = 0; j < units; j++) {
                System.arraycopy(a[j], 0, h[j], 0, m);
            }
        }

        @Override
        public void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m) {
            for (int j = 0; j < units; j++) {
                System.arraycopy(g[j], 0, out[j], 0, m);
            }
        }
    },
    /** φ(a) = max(0, a), φ'(a) = 1 for a > 0 and 0 otherwise (0 at the kink, as TensorFlow). */
    RELU("relu") {
        @Override
        public void forward(double[][] a, double[][] h, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] hj = h[j];
                for (int r = 0; r < m; r++) {
                    hj[r] = Math.max(aj[r], 0.0);
                }
            }
        }

        @Override
        public void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] gj = g[j];
                double[] outj = out[j];
                for (int r = 0; r < m; r++) {
                    outj[r] = aj[r] > 0 ? gj[r] : 0.0;
                }
            }
        }
    },
    /** φ(a) = a for a > 0, α·a otherwise, with Keras' default negative slope α = {@value #LEAKY_SLOPE}. */
    LEAKY_RELU("leaky_relu") {
        @Override
        public void forward(double[][] a, double[][] h, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] hj = h[j];
                for (int r = 0; r < m; r++) {
                    hj[r] = aj[r] > 0 ? aj[r] : LEAKY_SLOPE * aj[r];
                }
            }
        }

        @Override
        public void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] gj = g[j];
                double[] outj = out[j];
                for (int r = 0; r < m; r++) {
                    outj[r] = aj[r] > 0 ? gj[r] : LEAKY_SLOPE * gj[r];
                }
            }
        }
    },
    /** φ(a) = a for a > 0, α(eᵃ − 1) otherwise, α = 1 (Keras' default); φ'(a) = 1 or φ(a) + α. */
    ELU("elu") {
        @Override
        public void forward(double[][] a, double[][] h, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] hj = h[j];
                for (int r = 0; r < m; r++) {
                    hj[r] = aj[r] > 0 ? aj[r] : ELU_ALPHA * Math.expm1(aj[r]);
                }
            }
        }

        @Override
        public void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] hj = h[j];
                double[] gj = g[j];
                double[] outj = out[j];
                for (int r = 0; r < m; r++) {
                    outj[r] = aj[r] > 0 ? gj[r] : gj[r] * (hj[r] + ELU_ALPHA);
                }
            }
        }
    },
    /** φ(a) = tanh a, φ'(a) = 1 − φ(a)². */
    TANH("tanh") {
        @Override
        public void forward(double[][] a, double[][] h, int units, int m) {
            Tanh.apply(a, h, units, m);
        }

        @Override
        public void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] hj = h[j];
                double[] gj = g[j];
                double[] outj = out[j];
                for (int r = 0; r < m; r++) {
                    outj[r] = gj[r] * (1 - hj[r] * hj[r]);
                }
            }
        }
    },
    /** φ(a) = 1 / (1 + e⁻ᵃ), computed without overflow on either side; φ'(a) = φ(a)(1 − φ(a)). */
    SIGMOID("sigmoid") {
        @Override
        public void forward(double[][] a, double[][] h, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] aj = a[j];
                double[] hj = h[j];
                for (int r = 0; r < m; r++) {
                    hj[r] = sigmoid(aj[r]);
                }
            }
        }

        @Override
        public void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m) {
            for (int j = 0; j < units; j++) {
                double[] hj = h[j];
                double[] gj = g[j];
                double[] outj = out[j];
                for (int r = 0; r < m; r++) {
                    outj[r] = gj[r] * hj[r] * (1 - hj[r]);
                }
            }
        }
    },
    /** φ(a)_j = e^(a_j − max a) / Σ_k e^(a_k − max a) over the units of one example. */
    SOFTMAX("softmax") {
        @Override
        public void forward(double[][] a, double[][] h, int units, int m) {
            for (int r = 0; r < m; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < units; j++) {
                    max = Math.max(max, a[j][r]);
                }
                double sum = 0;
                for (int j = 0; j < units; j++) {
                    double e = Math.exp(a[j][r] - max);
                    h[j][r] = e;
                    sum += e;
                }
                for (int j = 0; j < units; j++) {
                    h[j][r] /= sum;
                }
            }
        }

        @Override
        public void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m) {
            for (int r = 0; r < m; r++) {
                double dot = 0;
                for (int i = 0; i < units; i++) {
                    dot += g[i][r] * h[i][r];
                }
                for (int j = 0; j < units; j++) {
                    out[j][r] = h[j][r] * (g[j][r] - dot);
                }
            }
        }
    };

    /** Keras' default negative slope of {@code keras.activations.leaky_relu}. */
    public static final double LEAKY_SLOPE = 0.2;
    /** Keras' default α of {@code keras.activations.elu}. */
    public static final double ELU_ALPHA = 1.0;

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name Keras gives this activation, used in files and on the command line. */
    public String kerasName() {
        return kerasName;
    }

    /** The symbol of φ in formulas: σ for the sigmoid, otherwise Keras' name. */
    public String symbol() {
        return this == SIGMOID ? "σ" : kerasName;
    }

    /**
     * What φ computes, as one sentence of symbols and words: {@code σ(a) = 1 / (1 + e^−a), element by element.}
     * The texts of an activation live here, beside its maths, as {@code Op} keeps those of the autodiff
     * operations.
     */
    public String description() {
        return switch (this) {
            case SIGMOID -> "σ(a) = 1 / (1 + e^−a), element by element.";
            case TANH -> "tanh(a) = (e^a − e^−a) / (e^a + e^−a), element by element.";
            case RELU -> "relu(a) = max(0, a), element by element.";
            case LEAKY_RELU -> "leaky_relu(a) = a for a > 0, " + LEAKY_SLOPE + "·a otherwise, element by element.";
            case ELU -> "elu(a) = a for a > 0, e^a − 1 otherwise, element by element.";
            case LINEAR -> "linear(a) = a: the identity.";
            case SOFTMAX -> "softmax(a)_j = e^a_j / Σ_i e^a_i over the units of one example: the outputs are"
                    + " positive and sum to 1.";
        };
    }

    /**
     * φ'(a) written in a and h = φ(a), the factor {@link #backward} multiplies g by: {@code σ'(a) = σ(a)·(1 −
     * σ(a)) = h(1 − h)}. Softmax has a Jacobian instead, and this gives its entries ∂h_i/∂a_j.
     */
    public String derivativeFormula() {
        return switch (this) {
            case SIGMOID -> "σ'(a) = σ(a)·(1 − σ(a)) = h(1 − h)";
            case TANH -> "tanh'(a) = 1 − tanh²(a) = 1 − h²";
            case RELU -> "relu'(a) = 1 where a > 0, 0 elsewhere";
            case LEAKY_RELU -> "leaky_relu'(a) = 1 where a > 0, " + LEAKY_SLOPE + " elsewhere";
            case ELU -> "elu'(a) = 1 where a > 0, h + 1 elsewhere";
            case LINEAR -> "linear'(a) = 1";
            case SOFTMAX -> "∂h_i/∂a_j = h_i(δ_ij − h_j)";
        };
    }

    /** Whether φ acts on each unit alone (all but softmax). */
    public boolean isElementwise() {
        return this != SOFTMAX;
    }

    /** h = φ(a) over a unit-major block of {@code units × m} values. */
    public abstract void forward(double[][] a, double[][] h, int units, int m);

    /** out = g ⊙ φ'(a) (softmax: Jᵀg per example) over a unit-major block; h is φ(a). */
    public abstract void backward(double[][] a, double[][] h, double[][] g, double[][] out, int units, int m);

    /** φ(a) of a single value; for softmax, which needs the whole layer, use {@link #forward}. */
    public double value(double a) {
        if (!isElementwise()) {
            throw new UnsupportedOperationException("softmax needs all units of a layer");
        }
        double[][] in = {{a}};
        double[][] out = {{0}};
        forward(in, out, 1, 1);
        return out[0][0];
    }

    /** The activation named {@code name} (Keras' names, case-insensitive). */
    public static Activation byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Activation activation : values()) {
            if (activation.kerasName.equals(wanted)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (known: " + knownNames() + ")");
    }

    /** The known names, comma-separated, for messages. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", "));
    }

    /** σ(a) = 1/(1 + e^−a), in two forms so that exp never overflows: as written for a ≥ 0, e^a/(1 + e^a) below. */
    public static double sigmoid(double a) {
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1 + e);
    }

    @Override
    public String toString() {
        return kerasName;
    }
}
