package io.neuralplayground.engine.f32;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.EarlyStopper;
import io.neuralplayground.engine.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward network of {@link FloatLayer}s in float32, for image-sized inputs (784 pixels and up) where the
 * matrix products are the cost. Its output is a softmax over k ≥ 2 classes, trained with sparse categorical
 * cross-entropy ({@link FloatTrainer}). It converts to and from the double {@link Network} the rest of the
 * playground knows (export, sessions, the initializers), rounding to the nearest float one way and exactly the
 * other.
 */
public final class FloatNetwork {
    private final int inputs;
    private final List<FloatLayer> layers;

    public FloatNetwork(int inputs, List<FloatLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least an output layer");
        }
        int expected = inputs;
        for (int l = 0; l < layers.size(); l++) {
            FloatLayer layer = layers.get(l);
            if (layer.inputs() != expected) {
                throw new IllegalArgumentException("layer " + l + " takes " + layer.inputs() + " inputs but receives "
                        + expected);
            }
            boolean last = l == layers.size() - 1;
            if (last != (layer.activation() == Activation.SOFTMAX)) {
                throw new IllegalArgumentException(last ? "the float32 engine's output is a softmax, not "
                        + layer.activation().kerasName() : "softmax is only for the output layer");
            }
            expected = layer.units();
        }
        if (expected < 2) {
            throw new IllegalArgumentException("a softmax output needs at least two classes");
        }
        this.inputs = inputs;
        this.layers = List.copyOf(layers);
    }

    /** The float32 copy of {@code network}, each parameter rounded to the nearest float. */
    public static FloatNetwork of(Network network) {
        List<FloatLayer> layers = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer d = network.layer(l);
            FloatLayer f = new FloatLayer(d.inputs(), d.units(), d.activation());
            for (int i = 0; i < d.inputs(); i++) {
                for (int j = 0; j < d.units(); j++) {
                    f.setWeight(i, j, (float) d.weight(i, j));
                }
            }
            for (int j = 0; j < d.units(); j++) {
                f.setBias(j, (float) d.bias(j));
            }
            layers.add(f);
        }
        return new FloatNetwork(network.inputs(), layers);
    }

    /** The same network in double (every float is a double exactly). */
    public Network toNetwork() {
        List<DenseLayer> out = new ArrayList<>();
        for (FloatLayer f : layers) {
            double[][] kernel = new double[f.inputs()][f.units()];
            for (int i = 0; i < f.inputs(); i++) {
                for (int j = 0; j < f.units(); j++) {
                    kernel[i][j] = f.weight(i, j);
                }
            }
            double[] bias = new double[f.units()];
            for (int j = 0; j < f.units(); j++) {
                bias[j] = f.bias(j);
            }
            out.add(new DenseLayer(kernel, bias, f.activation()));
        }
        return new Network(inputs, out);
    }

    /**
     * A place to keep these weights for early stopping: a copy made once, filled and read back in place, so the
     * trainer's buffers keep the layers they hold.
     */
    public EarlyStopper.KeptWeights keptWeights() {
        FloatNetwork kept = copy();
        return new EarlyStopper.KeptWeights() {
            @Override
            public void keep() {
                copyParameters(FloatNetwork.this, kept);
            }

            @Override
            public void restore() {
                copyParameters(kept, FloatNetwork.this);
            }
        };
    }

    private static void copyParameters(FloatNetwork from, FloatNetwork to) {
        for (int l = 0; l < from.layers.size(); l++) {
            FloatLayer a = from.layers.get(l);
            FloatLayer b = to.layers.get(l);
            System.arraycopy(a.kernel, 0, b.kernel, 0, a.kernel.length);
            System.arraycopy(a.bias, 0, b.bias, 0, a.bias.length);
        }
    }

    public FloatNetwork copy() {
        return new FloatNetwork(inputs, layers.stream().map(FloatLayer::copy).toList());
    }

    public int inputs() {
        return inputs;
    }

    /** The classes the softmax output tells apart. */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    public int depth() {
        return layers.size();
    }

    public FloatLayer layer(int l) {
        return layers.get(l);
    }

    /** Number of weights and biases. */
    public long parameterCount() {
        long count = 0;
        for (FloatLayer layer : layers) {
            count += (long) layer.inputs() * layer.units() + layer.units();
        }
        return count;
    }

    /**
     * The class probabilities for one input (a drawing, an image clicked on): allocates its own buffers, so any
     * thread may ask it of a network nobody trains.
     */
    public float[] probabilities(Gemm gemm, float[] input) {
        if (input.length != inputs) {
            throw new IllegalArgumentException("the network takes " + inputs + " inputs, not " + input.length);
        }
        float[] h = input;
        for (FloatLayer layer : layers) {
            float[] a = new float[layer.units()];
            layer.forward(gemm, h, 1, a);
            h = a;
        }
        return h;
    }

    /** The widest layer's units, for sizing batch buffers. */
    int widest() {
        int widest = 0;
        for (FloatLayer layer : layers) {
            widest = Math.max(widest, layer.units());
        }
        return widest;
    }
}
