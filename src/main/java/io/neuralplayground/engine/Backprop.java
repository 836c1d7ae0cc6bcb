package io.neuralplayground.engine;

/**
 * Forward and backward passes of one network on minibatches of up to {@code capacity} examples, with every
 * buffer allocated once so that the training loop allocates nothing.
 *
 * <p>The algorithm, exactly as the textbook writes it, averaged over the m examples of the minibatch:
 * <pre>
 *   forward, layer k = 1 … L:   a(k) = W(k)·h(k−1) + b(k),   h(k) = φ(a(k)),   h(0) = x
 *   backward:                   g ← ∇_y L(h(L), t)
 *   layer k = L … 1:            g ← g ⊙ φ'(a(k))            (Jᵀg for softmax; y − t for a fused loss)
 *                               ∇b(k) = g,   ∇W(k) = g·h(k−1)ᵀ
 *                               g ← W(k)ᵀ·g
 * </pre>
 * Buffers are unit-major: value j of example r at {@code [j][r]}. All of them stay readable after a pass,
 * which is what {@link BackpropTrace} records.
 */
public final class Backprop {
    private final Network network;
    private final int capacity;
    private final double[][][] a;
    private final double[][][] h;
    private final double[][][] gH;
    private final double[][][] gA;
    private final double[][] gradKernel;
    private final double[][] gradBias;
    private final double[][] gInput;

    public Backprop(Network network, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.network = network;
        this.capacity = capacity;
        int depth = network.depth();
        a = new double[depth][][];
        h = new double[depth][][];
        gH = new double[depth][][];
        gA = new double[depth][][];
        gradKernel = new double[depth][];
        gradBias = new double[depth][];
        for (int l = 0; l < depth; l++) {
            DenseLayer layer = network.layer(l);
            a[l] = new double[layer.units()][capacity];
            h[l] = new double[layer.units()][capacity];
            gH[l] = new double[layer.units()][capacity];
            gA[l] = new double[layer.units()][capacity];
            gradKernel[l] = new double[layer.inputs() * layer.units()];
            gradBias[l] = new double[layer.units()];
        }
        gInput = new double[network.inputs()][capacity];
    }

    public Network network() {
        return network;
    }

    public int capacity() {
        return capacity;
    }

    /** Forward pass on m examples; {@code x[i][r]} is input i of example r. */
    public void forward(double[][] x, int m) {
        checkSize(m);
        double[][] in = x;
        for (int l = 0; l < network.depth(); l++) {
            network.layer(l).forward(in, m, a[l], h[l]);
            in = h[l];
        }
    }

    /** The network's outputs after {@link #forward}: {@code [output][example]}. */
    public double[][] output() {
        return h[network.depth() - 1];
    }

    /** Sum over the m examples of the loss, after {@link #forward}. */
    public double lossSum(Loss loss, double[][] t, int m) {
        int last = network.depth() - 1;
        DenseLayer out = network.layer(last);
        return loss.sum(out.activation(), a[last], h[last], t, out.units(), m);
    }

    /**
     * Backward pass on the m examples of the last {@link #forward}: fills every layer's mean gradients, and
     * ∂L/∂x too when {@code inputGradient} is set (training never needs it: the first layer's input is data).
     */
    public void backward(Loss loss, double[][] x, double[][] t, int m, boolean inputGradient) {
        checkSize(m);
        int last = network.depth() - 1;
        DenseLayer out = network.layer(last);
        loss.outputGradient(out.activation(), a[last], h[last], t, gH[last], gA[last], out.units(), m);
        for (int l = last; l >= 0; l--) {
            DenseLayer layer = network.layer(l);
            if (l != last) {
                layer.activation().backward(a[l], h[l], gH[l], gA[l], layer.units(), m);
            }
            double[][] in = l == 0 ? x : h[l - 1];
            double[][] gIn = l > 0 ? gH[l - 1] : (inputGradient ? gInput : null);
            layer.backwardFromPreActivation(in, m, gA[l], gradKernel[l], gradBias[l], gIn);
        }
    }

    /** a(k) of layer {@code l} (units × m of the last pass). */
    public double[][] preActivation(int l) {
        return a[l];
    }

    /** h(k) = φ(a(k)) of layer {@code l}. */
    public double[][] activation(int l) {
        return h[l];
    }

    /** The g entering layer {@code l} in the backward pass: ∂L/∂h(k). */
    public double[][] gradientEntering(int l) {
        return gH[l];
    }

    /** g ⊙ φ'(a(k)) of layer {@code l}: ∂L/∂a(k). */
    public double[][] gradientPreActivation(int l) {
        return gA[l];
    }

    /** g handed on by layer {@code l}: ∂L/∂h(k−1), or ∂L/∂x for the first layer (if it was asked for). */
    public double[][] gradientLeaving(int l) {
        return l == 0 ? gInput : gH[l - 1];
    }

    /** ∇K of layer {@code l}, mean over the minibatch, inputs × units row-major (Keras' layout). */
    public double[] gradKernel(int l) {
        return gradKernel[l];
    }

    /** ∇b of layer {@code l}, mean over the minibatch. */
    public double[] gradBias(int l) {
        return gradBias[l];
    }

    private void checkSize(int m) {
        if (m < 1 || m > capacity) {
            throw new IllegalArgumentException("minibatch of " + m + " examples, buffers hold 1 to " + capacity);
        }
    }
}
