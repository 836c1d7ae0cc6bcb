package io.neuralplayground.session.images;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Initializer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.f32.FloatNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks of the image mode: hidden dense layers, then a softmax over the classes, their weights drawn as
 * Keras draws a {@code Dense} layer's (Glorot uniform kernel, zero bias) from one seed, in double and then rounded
 * to float, so that a seed gives the same network in the float32 and the double engine.
 */
public final class ImageNetworks {
    /** The lecture's Keras model for Fashion-MNIST: Flatten, Dense(128, relu), Dense(10, softmax). */
    public static final int[] LECTURE_HIDDEN = {128};

    private ImageNetworks() {
    }

    /**
     * A network over {@code inputs} pixels with hidden layers of {@code hidden} units, layer l activated by
     * {@code activations[l]}, and a softmax over {@code classes}.
     */
    public static FloatNetwork create(int inputs, int[] hidden, Activation[] activations, int classes, long seed) {
        if (activations.length != hidden.length) {
            throw new IllegalArgumentException(hidden.length + " hidden layers but " + activations.length
                    + " activations");
        }
        List<DenseLayer> layers = new ArrayList<>();
        int in = inputs;
        for (int l = 0; l < hidden.length; l++) {
            layers.add(new DenseLayer(in, hidden[l], activations[l]));
            in = hidden[l];
        }
        layers.add(new DenseLayer(in, classes, Activation.SOFTMAX));
        Network network = new Network(inputs, layers);
        Initializer.GLOROT_UNIFORM.initialize(network, Rng.stream(seed, "weights"));
        return FloatNetwork.of(network);
    }

    /** The lecture's 784-128 relu-10 softmax network (for 28 × 28 images and 10 classes). */
    public static FloatNetwork lecture(int inputs, int classes, long seed) {
        return create(inputs, LECTURE_HIDDEN, new Activation[] {Activation.RELU}, classes, seed);
    }

    /** The names of an image network's inputs, as its exports call them: {@code pixel_0} … {@code pixel_783}. */
    public static List<String> pixelNames(int pixels) {
        return java.util.stream.IntStream.range(0, pixels).mapToObj(i -> "pixel_" + i).toList();
    }

    /** "784-128-10": the layer widths, inputs first. */
    public static String shapeName(FloatNetwork network) {
        StringBuilder name = new StringBuilder().append(network.inputs());
        for (int l = 0; l < network.depth(); l++) {
            name.append('-').append(network.layer(l).units());
        }
        return name.toString();
    }
}
