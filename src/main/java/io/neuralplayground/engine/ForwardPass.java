package io.neuralplayground.engine;

/**
 * Forward passes only, for pictures: every neuron's output at many points (a heatmap per neuron comes from one
 * pass over the grid). Keeps its buffers from one network to the next as long as the shape stays, so that a
 * new snapshot of the same network costs no allocation.
 */
public final class ForwardPass {
    private final int capacity;
    private int[] shape = new int[0];
    private double[][][] a;
    private double[][][] h;

    public ForwardPass(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Runs {@code network} on m examples ({@code x[i][r]} is input i of example r) and returns every layer's
     * activations, {@code [layer][unit][example]}; valid until the next call.
     */
    public double[][][] run(Network network, double[][] x, int m) {
        if (m < 1 || m > capacity) {
            throw new IllegalArgumentException("m must be 1 to " + capacity + ", got " + m);
        }
        ensureShape(network);
        double[][] in = x;
        for (int l = 0; l < network.depth(); l++) {
            network.layer(l).forward(in, m, a[l], h[l]);
            in = h[l];
        }
        return h;
    }

    private void ensureShape(Network network) {
        if (hasShape(network)) {
            return;
        }
        int[] wanted = new int[network.depth()];
        for (int l = 0; l < wanted.length; l++) {
            wanted[l] = network.layer(l).units();
        }
        a = new double[wanted.length][][];
        h = new double[wanted.length][][];
        for (int l = 0; l < wanted.length; l++) {
            a[l] = new double[wanted[l]][capacity];
            h[l] = new double[wanted[l]][capacity];
        }
        shape = wanted;
    }

    /** Whether the buffers fit {@code network}: as many layers, each as wide. */
    private boolean hasShape(Network network) {
        if (shape.length != network.depth()) {
            return false;
        }
        for (int l = 0; l < shape.length; l++) {
            if (shape[l] != network.layer(l).units()) {
                return false;
            }
        }
        return true;
    }
}
