package io.neuralplayground.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A fully connected layer: on a minibatch H whose m rows are examples,
 * <pre>
 *   A = H·K + b,   H' = φ(A)
 * </pre>
 * with the kernel K in Keras' layout (inputs × units: {@code K[i][j]} is the weight from input i to unit j, so
 * the textbook's {@code a = W·h + b} has W = Kᵀ) and one bias per unit.
 *
 * <p>Backward, given G' = ∂L/∂H' for the m examples (each row one example's gradient):
 * <pre>
 *   G  = G' ⊙ φ'(A)             (a Jacobian-vector product per row for softmax)
 *   ∇b = (1/m) Σ_rows G
 *   ∇K = (1/m) Hᵀ·G             (the textbook's ∇W = g·hᵀ, averaged)
 *   ∂L/∂H = G·Kᵀ                (the textbook's g ← Wᵀ·g)
 * </pre>
 *
 * <p>In the hot loops the minibatch buffers are stored unit-major (the value of unit j for example r at
 * {@code [j·m + r]}, i.e. the transpose of the matrices above), so the innermost loops run along the minibatch
 * and vectorise. The layer owns its parameters; buffers belong to the caller ({@link Backprop}).
 *
 * <p>Links frozen by L1 regularization (TF Playground's "dead" links) are marked in {@link #isFrozen}; their
 * weight is 0 and stays 0 until the network is rebuilt or the user sets a new value.
 */
public final class DenseLayer {
    private final int inputs;
    private final int units;
    private final DMatrixRMaj kernel;
    private final double[] bias;
    private Activation activation;
    private boolean[] frozen;

    /** A layer with all parameters 0. */
    public DenseLayer(int inputs, int units, Activation activation) {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("a layer needs at least one input and one unit, got "
                    + inputs + " × " + units);
        }
        this.inputs = inputs;
        this.units = units;
        this.kernel = new DMatrixRMaj(inputs, units);
        this.bias = new double[units];
        this.activation = activation;
    }

    /** A layer with the given kernel (inputs × units, copied) and bias (copied). */
    public DenseLayer(double[][] kernel, double[] bias, Activation activation) {
        this(kernel.length, bias.length, activation);
        for (int i = 0; i < inputs; i++) {
            if (kernel[i].length != units) {
                throw new IllegalArgumentException("kernel row " + i + " has " + kernel[i].length
                        + " values, expected " + units + " (one per unit)");
            }
            for (int j = 0; j < units; j++) {
                this.kernel.set(i, j, kernel[i][j]);
            }
        }
        System.arraycopy(bias, 0, this.bias, 0, units);
    }

    /** A deep copy: parameters, activation and frozen links. */
    public DenseLayer copy() {
        DenseLayer copy = new DenseLayer(inputs, units, activation);
        copy.kernel.setTo(kernel);
        System.arraycopy(bias, 0, copy.bias, 0, units);
        copy.frozen = frozen == null ? null : frozen.clone();
        return copy;
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

    public void setActivation(Activation activation) {
        this.activation = activation;
    }

    /** Weight from input i to unit j. */
    public double weight(int i, int j) {
        return kernel.get(i, j);
    }

    /** Sets the weight from input i to unit j; a frozen link set by hand comes back to life. */
    public void setWeight(int i, int j, double value) {
        kernel.set(i, j, value);
        if (frozen != null) {
            frozen[i * units + j] = false;
        }
    }

    public double bias(int j) {
        return bias[j];
    }

    public void setBias(int j, double value) {
        bias[j] = value;
    }

    /** The kernel itself (inputs × units, row-major), for the engine's update loops. */
    DMatrixRMaj kernel() {
        return kernel;
    }

    /** The bias itself, for the engine's update loops. */
    double[] biasArray() {
        return bias;
    }

    /** A copy of the kernel as {@code [input][unit]}, Keras' {@code get_weights()[0]}. */
    public double[][] kernelCopy() {
        double[][] k = new double[inputs][units];
        for (int i = 0; i < inputs; i++) {
            System.arraycopy(kernel.data, i * units, k[i], 0, units);
        }
        return k;
    }

    public double[] biasCopy() {
        return bias.clone();
    }

    /** Whether the link from input i to unit j was frozen at 0 by L1 regularization. */
    public boolean isFrozen(int i, int j) {
        return frozen != null && frozen[i * units + j];
    }

    /** Freezes the link from input i to unit j at 0, as an L1 step that crossed zero does (restoring a session). */
    public void freeze(int i, int j) {
        freeze(i * units + j);
    }

    /** Freezes link {@code index} (row-major in the kernel) at 0. */
    void freeze(int index) {
        if (frozen == null) {
            frozen = new boolean[inputs * units];
        }
        frozen[index] = true;
        kernel.data[index] = 0;
    }

    /** The frozen mask, row-major like the kernel, or null when no link is frozen. */
    boolean[] frozenMask() {
        return frozen;
    }

    /** Copies parameters and frozen links into {@code target}, a layer of the same size, without allocating. */
    void copyParametersTo(DenseLayer target) {
        System.arraycopy(kernel.data, 0, target.kernel.data, 0, kernel.data.length);
        System.arraycopy(bias, 0, target.bias, 0, units);
        if (frozen == null) {
            target.frozen = null;
        } else {
            if (target.frozen == null) {
                target.frozen = new boolean[frozen.length];
            }
            System.arraycopy(frozen, 0, target.frozen, 0, frozen.length);
        }
        target.activation = activation;
    }

    /** Sets every frozen weight back to 0, after an optimizer step that moved it. */
    void zeroFrozen() {
        if (frozen != null) {
            for (int i = 0; i < frozen.length; i++) {
                if (frozen[i]) {
                    kernel.data[i] = 0;
                }
            }
        }
    }

    /** Whether every parameter is a finite number. */
    public boolean isFinite() {
        for (double w : kernel.data) {
            if (!Double.isFinite(w)) {
                return false;
            }
        }
        for (double b : bias) {
            if (!Double.isFinite(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Forward on m examples: {@code a = H·K + b}, {@code h = φ(a)}, all buffers unit-major
     * ({@code in[i][r]} is input i of example r; {@code a} and {@code h} are indexed [unit][example]).
     *
     * <p>Each row is its own array so that the innermost loop reads and writes rows at the same index, which
     * HotSpot vectorises (see {@link RowKernels}).
     */
    void forward(double[][] in, int m, double[][] a, double[][] h) {
        for (int j = 0; j < units; j++) {
            RowKernels.weightedSum(a[j], m, bias[j], in, kernel.data, j, units);
        }
        activation.forward(a, h, units, m);
    }

    /**
     * Backward on m examples, after {@code gA = ∂L/∂a} is known: the mean gradients {@code gradKernel}
     * (inputs × units, row-major like the kernel) and {@code gradBias}, and, when {@code gIn} is not null,
     * {@code gIn = ∂L/∂in} (indexed [input][example]), the g handed to the layer below.
     */
    void backwardFromPreActivation(double[][] in, int m, double[][] gA, double[] gradKernel, double[] gradBias,
            double[][] gIn) {
        double inverseM = 1.0 / m;
        for (int j = 0; j < units; j++) {
            double[] gj = gA[j];
            double sum = 0;
            for (int r = 0; r < m; r++) {
                sum += gj[r];
            }
            gradBias[j] = sum * inverseM;
        }
        // ∇K[i][j] = (1/m) Σ_r in[i][r]·gA[j][r], four units at a time: independent sums keep the FMA unit busy.
        for (int i = 0; i < inputs; i++) {
            double[] hi = in[i];
            int row = i * units;
            int j = 0;
            for (; j + 3 < units; j += 4) {
                double[] g0 = gA[j];
                double[] g1 = gA[j + 1];
                double[] g2 = gA[j + 2];
                double[] g3 = gA[j + 3];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int r = 0; r < m; r++) {
                    double x = hi[r];
                    s0 = Math.fma(x, g0[r], s0);
                    s1 = Math.fma(x, g1[r], s1);
                    s2 = Math.fma(x, g2[r], s2);
                    s3 = Math.fma(x, g3[r], s3);
                }
                gradKernel[row + j] = s0 * inverseM;
                gradKernel[row + j + 1] = s1 * inverseM;
                gradKernel[row + j + 2] = s2 * inverseM;
                gradKernel[row + j + 3] = s3 * inverseM;
            }
            for (; j < units; j++) {
                double[] gj = gA[j];
                double sum = 0;
                for (int r = 0; r < m; r++) {
                    sum = Math.fma(hi[r], gj[r], sum);
                }
                gradKernel[row + j] = sum * inverseM;
            }
        }
        if (gIn != null) {
            // ∂L/∂in[i][r] = Σ_j K[i][j]·gA[j][r]: the forward sum with the kernel read along its rows.
            for (int i = 0; i < inputs; i++) {
                RowKernels.weightedSum(gIn[i], m, 0.0, gA, kernel.data, i * units, 1);
            }
        }
    }
}
