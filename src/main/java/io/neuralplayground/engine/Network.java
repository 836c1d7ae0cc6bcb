package io.neuralplayground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward network of {@link DenseLayer dense layers}: any depth (an output layer alone is a network with
 * no hidden layers) and any width, each layer with its own activation.
 *
 * <p>The network is mutable: the trainer changes its parameters in place. Anything that must not see those
 * changes (a snapshot for the window, the state before an epoch) takes a {@link #copy()}.
 */
public final class Network {
    private final int inputs;
    private final List<DenseLayer> layers;

    /** A network over {@code inputs} inputs made of these layers, whose sizes must chain. */
    public Network(int inputs, List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least an output layer");
        }
        int expected = inputs;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            if (layer.inputs() != expected) {
                throw new IllegalArgumentException("layer " + l + " takes " + layer.inputs()
                        + " inputs but receives " + expected);
            }
            expected = layer.units();
        }
        this.inputs = inputs;
        this.layers = new ArrayList<>(layers);
    }

    /**
     * A network with all parameters 0 and the given shape: {@code hidden} widths with activation
     * {@code hiddenActivation}, then {@code outputs} units with {@code outputActivation}.
     */
    public static Network of(int inputs, int[] hidden, Activation hiddenActivation, int outputs,
            Activation outputActivation) {
        List<DenseLayer> layers = new ArrayList<>();
        int in = inputs;
        for (int width : hidden) {
            layers.add(new DenseLayer(in, width, hiddenActivation));
            in = width;
        }
        layers.add(new DenseLayer(in, outputs, outputActivation));
        return new Network(inputs, layers);
    }

    public Network copy() {
        List<DenseLayer> copies = new ArrayList<>(layers.size());
        for (DenseLayer layer : layers) {
            copies.add(layer.copy());
        }
        return new Network(inputs, copies);
    }

    /** Copies every parameter (and the frozen links) from {@code other}, which must have the same shape. */
    public void setParametersFrom(Network other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("networks differ in shape");
        }
        for (int l = 0; l < layers.size(); l++) {
            layers.set(l, other.layers.get(l).copy());
        }
    }

    /** Whether {@code other} has the same inputs and layer sizes. */
    public boolean sameShape(Network other) {
        if (inputs != other.inputs || layers.size() != other.layers.size()) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).units() != other.layers.get(l).units()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code other} has the same shape, activations and, bit for bit, the same weights and biases (NaN
     * equals NaN, 0.0 differs from −0.0): whether a copy still shows this network exactly.
     */
    public boolean sameParameters(Network other) {
        if (!sameShape(other)) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer a = layers.get(l);
            DenseLayer b = other.layers.get(l);
            if (a.activation() != b.activation()) {
                return false;
            }
            for (int j = 0; j < a.units(); j++) {
                if (Double.doubleToRawLongBits(a.bias(j)) != Double.doubleToRawLongBits(b.bias(j))) {
                    return false;
                }
                for (int i = 0; i < a.inputs(); i++) {
                    if (Double.doubleToRawLongBits(a.weight(i, j)) != Double.doubleToRawLongBits(b.weight(i, j))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    public List<DenseLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    public DenseLayer layer(int index) {
        return layers.get(index);
    }

    public DenseLayer outputLayer() {
        return layers.get(layers.size() - 1);
    }

    public int depth() {
        return layers.size();
    }

    /** The widest layer's width (inputs included), to size buffers. */
    public int maxWidth() {
        int max = inputs;
        for (DenseLayer layer : layers) {
            max = Math.max(max, layer.units());
        }
        return max;
    }

    /** Number of trainable parameters: all weights and biases. */
    public int parameterCount() {
        int count = 0;
        for (DenseLayer layer : layers) {
            count += layer.inputs() * layer.units() + layer.units();
        }
        return count;
    }

    public boolean isFinite() {
        for (DenseLayer layer : layers) {
            if (!layer.isFinite()) {
                return false;
            }
        }
        return true;
    }

    /** The outputs for one example (allocates; for loops over many examples use {@link Backprop}). */
    public double[] predict(double[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("the network takes " + inputs + " inputs, got " + x.length);
        }
        Backprop pass = new Backprop(this, 1);
        double[][] column = new double[inputs][1];
        for (int i = 0; i < inputs; i++) {
            column[i][0] = x[i];
        }
        pass.forward(column, 1);
        double[] y = new double[outputs()];
        for (int j = 0; j < y.length; j++) {
            y[j] = pass.output()[j][0];
        }
        return y;
    }

    /** Shape as "2-4-2-1 tanh", for messages and benchmarks. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (DenseLayer layer : layers) {
            sb.append('-').append(layer.units());
        }
        return sb.toString();
    }
}
