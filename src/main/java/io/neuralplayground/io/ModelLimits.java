package io.neuralplayground.io;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import java.nio.file.Path;

/**
 * What every model file, in any format, may hold: how large a network may be, and only finite numbers. Readers
 * refuse a file beyond these sizes before they allocate for it; writers refuse a network whose training diverged.
 */
public final class ModelLimits {
    /** The most inputs, and the most units in one layer, a file may have. */
    public static final int MAX_WIDTH = 100_000;
    /** The most weights and biases, all layers together, a file may have. */
    public static final long MAX_PARAMETERS = 100_000_000L;
    /** The most layers a file may have. */
    public static final int MAX_LAYERS = 10_000;

    private ModelLimits() {
    }

    /**
     * The first weight or bias that is not a finite number, described for a user, or null when all are finite.
     * JSON has no NaN or infinity, and a file with such a weight would be no model anyone could use.
     */
    public static String nonFiniteParameter(Network network) {
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String where = "layer " + (l + 1) + " of " + network.depth();
            for (int j = 0; j < layer.units(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    double w = layer.weight(i, j);
                    if (!Double.isFinite(w)) {
                        return where + ", unit " + (j + 1) + ": the weight from input " + (i + 1) + " is " + w
                                + " (layers[" + l + "].kernel[" + i + "][" + j + "]); only finite weights can be "
                                + "saved: the training has diverged, reset the network or lower the learning rate";
                    }
                }
                double b = layer.bias(j);
                if (!Double.isFinite(b)) {
                    return where + ", unit " + (j + 1) + ": the bias is " + b + " (layers[" + l + "].bias[" + j
                            + "]); only finite weights can be saved: the training has diverged, reset the network "
                            + "or lower the learning rate";
                }
            }
        }
        return null;
    }

    /** Refuses a model with a weight or bias that is not finite (a diverged training), naming the file. */
    public static void requireFinite(Model model, Path file) {
        requireFinite(model, file.toString());
    }

    /** As {@link #requireFinite(Model, Path)}, for a model written as text (a string, standard output). */
    public static void requireFinite(Model model) {
        requireFinite(model, "the model");
    }

    private static void requireFinite(Model model, String what) {
        String problem = nonFiniteParameter(model.network());
        if (problem != null) {
            throw new PlaygroundException("Cannot save " + what + ": " + problem);
        }
    }
}
