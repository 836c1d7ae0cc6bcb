package io.neuralplayground.engine.f32;

import io.neuralplayground.engine.Activation;

/**
 * A dense layer in float32 for large networks, in Keras' layout: on a minibatch H whose rows are examples,
 * <pre>
 *   A = act(H·K + b)         K: inputs × units, b: units, A: rows × units
 * </pre>
 * The activations it offers are those whose derivative follows from the output alone, so that backprop keeps
 * A and not H·K + b: relu (1 where a &gt; 0), tanh (1 − a²), sigmoid (a(1 − a)), linear (1); and softmax, as the
 * output with cross-entropy only (its gradient is the y − t shortcut, see {@link FloatTrainer}).
 *
 * <p>Parameters are plain arrays, row-major, changed in place by the trainer.
 */
public final class FloatLayer {
    private final int inputs;
    private final int units;
    private final Activation activation;
    final float[] kernel;
    final float[] bias;

    /** A layer of {@code inputs} × {@code units}, all parameters 0. */
    public FloatLayer(int inputs, int units, Activation activation) {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("a layer needs at least one input and one unit: " + inputs + " × "
                    + units);
        }
        if (!supports(activation)) {
            throw new IllegalArgumentException("the float32 engine has no " + activation.kerasName()
                    + " (it has relu, tanh, sigmoid, linear and softmax)");
        }
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.kernel = new float[inputs * units];
        this.bias = new float[units];
    }

    /** Whether this engine computes {@code activation}. */
    public static boolean supports(Activation activation) {
        return switch (activation) {
            case RELU, TANH, SIGMOID, LINEAR, SOFTMAX -> true;
            default -> false;
        };
    }

    public int inputs() {
        return inputs;
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    /** K[i][j]: the weight from input i to unit j. */
    public float weight(int i, int j) {
        return kernel[i * units + j];
    }

    public void setWeight(int i, int j, float value) {
        kernel[i * units + j] = value;
    }

    public float bias(int j) {
        return bias[j];
    }

    public void setBias(int j, float value) {
        bias[j] = value;
    }

    /** The kernel row by row (input-major), a copy. */
    public float[] kernelCopy() {
        return kernel.clone();
    }

    public float[] biasCopy() {
        return bias.clone();
    }

    FloatLayer copy() {
        FloatLayer copy = new FloatLayer(inputs, units, activation);
        System.arraycopy(kernel, 0, copy.kernel, 0, kernel.length);
        System.arraycopy(bias, 0, copy.bias, 0, bias.length);
        return copy;
    }

    /**
     * A = act(H·K + b) on the first {@code rows} rows of {@code h} (rows × inputs) into {@code a} (rows × units).
     */
    void forward(Gemm gemm, float[] h, int rows, float[] a) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(bias, 0, a, r * units, units);
        }
        gemm.gemm(false, false, rows, units, inputs, 1, h, inputs, kernel, units, 1, a, units);
        activate(a, rows * units);
    }

    private void activate(float[] a, int n) {
        switch (activation) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = Math.max(a[i], 0);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) Math.tanh(a[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) (1 / (1 + Math.exp(-a[i])));
                }
            }
            case SOFTMAX -> softmaxRows(a, n / units);
            default -> {
                // linear
            }
        }
    }

    /** Each row of z becomes exp(z − max z) / Σ exp(z − max z), stable for any z. */
    private void softmaxRows(float[] z, int rows) {
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < units; j++) {
                max = Math.max(max, z[o + j]);
            }
            float sum = 0;
            for (int j = 0; j < units; j++) {
                float e = (float) Math.exp(z[o + j] - max);
                z[o + j] = e;
                sum += e;
            }
            float inverse = 1 / sum;
            for (int j = 0; j < units; j++) {
                z[o + j] *= inverse;
            }
        }
    }

    /**
     * δ ← δ ⊙ act′ where act′ is written in terms of this layer's output {@code a}: the step from ∂L/∂A to
     * ∂L/∂Z on the first {@code n} entries. Not for softmax, whose step the loss takes.
     */
    void multiplyByDerivative(float[] delta, float[] a, int n) {
        switch (activation) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    delta[i] = a[i] > 0 ? delta[i] : 0;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    delta[i] *= 1 - a[i] * a[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    delta[i] *= a[i] * (1 - a[i]);
                }
            }
            case LINEAR -> {
                // derivative 1
            }
            default -> throw new IllegalStateException("softmax is only an output with cross-entropy");
        }
    }
}
