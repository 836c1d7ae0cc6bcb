package io.neuralplayground.io.keras;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.ModelReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Keras formats share: Keras' names for Dense layers, weights as float32, and a network built from the
 * arrays a file holds, checked.
 *
 * <p>Keras stores float32. A weight is written as the float nearest to it, so a file read back gives
 * {@code (double) (float) w} for every weight {@code w}: exact to float32 precision. A weight beyond float32's
 * range (about ±3.4e38) cannot be written and is refused.
 */
public final class KerasNetworks {
    /** Keras' name of the first Dense layer; the others are {@code dense_1}, {@code dense_2}, … */
    static final String DENSE = "dense";
    private static final String DENSE_PREFIX = DENSE + "_";

    private KerasNetworks() {
    }

    /**
     * Keras' name for Dense layer {@code index} (from 0) of a Sequential model: the name Keras gives the layer and
     * the name of its group in a weights file ({@code layers/dense_1/vars}). The other formats name their layers so
     * too: the entries of a {@code .npz}, the nodes of an ONNX graph, the comments of exported source.
     */
    public static String layerName(int index) {
        return index == 0 ? DENSE : DENSE_PREFIX + index;
    }

    /** The index {@link #layerName} gives {@code name}, or -1 for a name that is not one of them. */
    static int layerIndex(String name) {
        if (name.equals(DENSE)) {
            return 0;
        }
        if (!name.startsWith(DENSE_PREFIX)) {
            return -1;
        }
        String digits = name.substring(DENSE_PREFIX.length());
        if (digits.isEmpty() || digits.length() > 9 || digits.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    /** Inputs named as the playground names its features when a file has no names: x1, x2, … */
    public static List<String> defaultInputs(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /**
     * The activations given to a network read from a file that has none (a {@code .weights.h5}): tanh for hidden
     * layers, as the playground's default, and linear for the output layer, which leaves its values as they are.
     */
    static List<Activation> defaultActivations(int depth) {
        List<Activation> activations = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            activations.add(l == depth - 1 ? Activation.LINEAR : Activation.TANH);
        }
        return activations;
    }

    /** What Keras' files are made of, for messages: the numbers a weight beyond float32's range cannot be. */
    public static final String IN_FILES = "the numbers Keras files hold";
    /** What Keras computes in by default, for messages about source code that builds a Keras model. */
    public static final String IN_KERAS = "the numbers Keras computes with by default (it would make the weight infinite)";

    /** Why {@code network} cannot be written as float32 (a weight not finite, or too large) into a file, or null. */
    public static String float32Problem(Network network) {
        return float32Problem(network, IN_FILES);
    }

    /**
     * Why {@code network} cannot be given to Keras as float32: a weight not finite, or one too large for float32
     * (which Keras would turn into infinity without a word), said to be beyond {@code what}; or null.
     */
    public static String float32Problem(Network network, String what) {
        String nonFinite = ModelLimits.nonFiniteParameter(network);
        if (nonFinite != null) {
            return nonFinite;
        }
        String range = ", beyond the range of float32 (±" + Float.MAX_VALUE + "), " + what;
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String where = "layer " + (l + 1) + " of " + network.depth();
            for (int j = 0; j < layer.units(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    if (Float.isInfinite((float) layer.weight(i, j))) {
                        return where + ", unit " + (j + 1) + ": the weight from input " + (i + 1) + " is "
                                + layer.weight(i, j) + range;
                    }
                }
                if (Float.isInfinite((float) layer.bias(j))) {
                    return where + ", unit " + (j + 1) + ": the bias is " + layer.bias(j) + range;
                }
            }
        }
        return null;
    }

    /** The kernel as float32, inputs × units: Keras' {@code kernel}. */
    static float[][] kernel32(DenseLayer layer) {
        float[][] kernel = new float[layer.inputs()][layer.units()];
        for (int i = 0; i < layer.inputs(); i++) {
            for (int j = 0; j < layer.units(); j++) {
                kernel[i][j] = (float) layer.weight(i, j);
            }
        }
        return kernel;
    }

    /** The bias as float32: Keras' {@code bias}. */
    static float[] bias32(DenseLayer layer) {
        float[] bias = new float[layer.units()];
        for (int j = 0; j < bias.length; j++) {
            bias[j] = (float) layer.bias(j);
        }
        return bias;
    }

    /**
     * One layer's arrays as a file holds them.
     *
     * @param name   where they are in the file, for messages ("layers/dense_1")
     * @param kernel inputs × units
     * @param bias   one per unit, or null for a layer without one (Keras' {@code Dense(use_bias=False)})
     */
    record LayerArrays(String name, double[][] kernel, double[] bias) {
        /** The layer's units: its biases, or the kernel's columns when it has no bias. */
        int units() {
            return bias != null ? bias.length : kernel.length == 0 ? 0 : kernel[0].length;
        }
    }

    /**
     * The network these arrays make, with these activations (one per layer), after checking what the arrays alone
     * cannot promise: each kernel has one column per bias value, each layer takes as many inputs as the layer
     * before has units, and every value is a finite number. A layer without a bias gets zeros.
     *
     * @throws PlaygroundException naming {@code source} and the layer at fault
     */
    static Network assemble(List<LayerArrays> layers, List<Activation> activations, String source) {
        if (layers.isEmpty()) {
            throw new PlaygroundException(source + ": the file holds no Dense layer");
        }
        if (layers.size() > ModelLimits.MAX_LAYERS) {
            throw new PlaygroundException(source + ": the file holds " + layers.size() + " layers, more than the "
                    + ModelLimits.MAX_LAYERS + " a model may have");
        }
        long parameters = 0;
        List<DenseLayer> dense = new ArrayList<>(layers.size());
        for (int l = 0; l < layers.size(); l++) {
            LayerArrays arrays = layers.get(l);
            String where = source + ": layer '" + arrays.name() + "' (layer " + (l + 1) + " of " + layers.size() + ")";
            double[][] kernel = arrays.kernel();
            int units = arrays.units();
            if (kernel.length == 0 || units == 0) {
                throw new PlaygroundException(where + ": an empty layer (kernel " + kernel.length + " × "
                        + (kernel.length == 0 ? 0 : kernel[0].length) + ", " + units + " units)");
            }
            if (kernel[0].length != units) {
                throw new PlaygroundException(where + ": the kernel has " + kernel[0].length + " columns but there are "
                        + units + " biases; a Dense layer has one column and one bias per unit");
            }
            if (l > 0 && kernel.length != layers.get(l - 1).units()) {
                throw new PlaygroundException(where + ": the kernel has " + kernel.length + " rows, one per input, "
                        + "but the layer before has " + layers.get(l - 1).units() + " units: the shapes do "
                        + "not chain");
            }
            parameters += (long) kernel.length * units + units;
            if (parameters > ModelLimits.MAX_PARAMETERS) {
                throw new PlaygroundException(source + ": more than " + ModelLimits.MAX_PARAMETERS
                        + " weights and biases; too large a model to open");
            }
            double[] bias = arrays.bias() != null ? arrays.bias() : new double[units];
            String nonFinite = nonFinite(kernel, bias);
            if (nonFinite != null) {
                throw new PlaygroundException(where + ": " + nonFinite + "; a model with NaN or infinite weights "
                        + "cannot be opened: the training that made it had diverged");
            }
            dense.add(new DenseLayer(kernel, bias, activations.get(l)));
        }
        return new Network(layers.get(0).kernel().length, dense);
    }

    /**
     * The activations {@code chain} gives the layers, after checking that it describes the network these arrays
     * make: as many Dense layers, as many units in each as it has, a bias where the chain says there is one and
     * none where it says there is none, and as many inputs as the first kernel has rows.
     *
     * @param configName  the config in messages ("config.json")
     * @param weightsName where the arrays are, in messages ("model.weights.h5")
     */
    static List<Activation> activations(KerasChain.Chain chain, List<LayerArrays> layers, String source,
            String configName, String weightsName) {
        if (chain.layers().size() != layers.size()) {
            throw new PlaygroundException(source + ": " + configName + " describes " + chain.layers().size()
                    + " Dense layers, but " + weightsName + " holds the weights of " + layers.size());
        }
        List<Activation> activations = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            KerasChain.Dense dense = chain.layers().get(l);
            LayerArrays arrays = layers.get(l);
            String layer = source + ": layer " + (l + 1) + " ('" + dense.name() + "')";
            if (dense.units() != arrays.units()) {
                throw new PlaygroundException(layer + " has " + dense.units() + " units in " + configName + ", but "
                        + arrays.units() + (arrays.bias() != null ? " biases" : " kernel columns") + " in "
                        + weightsName);
            }
            if (dense.useBias() != (arrays.bias() != null)) {
                throw new PlaygroundException(layer + (dense.useBias()
                        ? " has a bias in " + configName + ", but " + weightsName + " holds none for it"
                        : " has no bias (use_bias is false) in " + configName + ", but " + weightsName
                                + " holds one for it"));
            }
            activations.add(dense.activation());
        }
        Integer inputs = chain.inputs();
        int rows = layers.get(0).kernel().length;
        if (inputs != null && inputs != rows) {
            throw new PlaygroundException(source + ": " + configName + " says the model takes " + inputs + " inputs, "
                    + "but the first kernel in " + weightsName + " has " + rows + " rows, one per input");
        }
        return activations;
    }

    /**
     * The note for the layer at {@code path} of a weights-only file that has no weights: it is left out, though the
     * file cannot say whether that changes nothing.
     */
    static String weightlessNote(String path) {
        return "'" + path + "' holds no weights and is left out; a weights file does not say what such a layer does "
                + "(a Dropout changes nothing when a model predicts, an Activation does): the model's .keras or .h5 "
                + "file says it";
    }

    /**
     * The notes for layers of a weights-only file that had no bias (Keras' {@code Dense(use_bias=False)}): they
     * are read with biases of zero.
     */
    static List<String> missingBiasNotes(List<LayerArrays> layers) {
        List<String> notes = new ArrayList<>();
        for (LayerArrays arrays : layers) {
            if (arrays.bias() == null) {
                notes.add("'" + arrays.name() + "' has a kernel and no bias, as Keras saves a Dense layer with "
                        + "use_bias=False: its biases are 0 (and train from there)");
            }
        }
        return notes;
    }

    private static String nonFinite(double[][] kernel, double[] bias) {
        for (int i = 0; i < kernel.length; i++) {
            for (int j = 0; j < kernel[i].length; j++) {
                if (!Double.isFinite(kernel[i][j])) {
                    return "the weight from input " + (i + 1) + " to unit " + (j + 1) + " is " + kernel[i][j]
                            + " (kernel[" + i + "][" + j + "])";
                }
            }
        }
        for (int j = 0; j < bias.length; j++) {
            if (!Double.isFinite(bias[j])) {
                return "the bias of unit " + (j + 1) + " is " + bias[j] + " (bias[" + j + "])";
            }
        }
        return null;
    }

    /**
     * What a Keras writer writes: a copy of {@code model} (so that the check after writing compares with the weights
     * that were written, even if training goes on), once every weight is known to fit float32.
     *
     * @throws PlaygroundException naming {@code file}, for a weight that is not finite or beyond float32's range
     */
    static Model writableCopy(Model model, Path file) {
        Model copy = new Model(model.inputs(), model.network().copy());
        String problem = float32Problem(copy.network());
        if (problem != null) {
            throw new PlaygroundException("Cannot save " + file + ": " + problem);
        }
        return copy;
    }

    /**
     * The self-check of every Keras writer: {@code temp}, just written, is read back with {@code reader} and must
     * hold {@code model} as the format holds it (see {@link #readBackDifference}); otherwise nothing is moved into
     * place and the message says why.
     *
     * @throws PlaygroundException naming {@code target}, when the file reads back differently or not at all
     */
    static void checkWritten(ModelReader reader, Model model, Path temp, Path target, boolean activations,
            boolean inputs) {
        Model back;
        try {
            back = reader.read(temp);
        } catch (PlaygroundException e) {
            throw new PlaygroundException("Cannot save " + target + ": the file written could not be read back ("
                    + e.getMessage() + ")", e);
        }
        String difference = readBackDifference(model, back, activations, inputs);
        if (difference != null) {
            throw new PlaygroundException("Cannot save " + target + ": the file written reads back differently ("
                    + difference + ")");
        }
    }

    /**
     * What differs between {@code written}, a model as given to a writer, and {@code back}, the model read from the
     * file just written, or null when {@code back} is {@code written} as the format holds it: same shape, every
     * weight the float32 nearest to the original, and activations and input names where the format keeps them.
     */
    static String readBackDifference(Model written, Model back, boolean activations, boolean inputs) {
        Network expected = written.network();
        Network actual = back.network();
        if (!expected.sameShape(actual)) {
            return "shape " + actual.describe() + " instead of " + expected.describe();
        }
        if (inputs && !back.inputs().equals(written.inputs())) {
            return "inputs " + back.inputs() + " instead of " + written.inputs();
        }
        for (int l = 0; l < expected.depth(); l++) {
            DenseLayer e = expected.layer(l);
            DenseLayer a = actual.layer(l);
            if (activations && a.activation() != e.activation()) {
                return "layer " + (l + 1) + " has activation " + a.activation() + " instead of " + e.activation();
            }
            for (int j = 0; j < e.units(); j++) {
                for (int i = 0; i < e.inputs(); i++) {
                    if (!sameFloat(a.weight(i, j), e.weight(i, j))) {
                        return "layer " + (l + 1) + ", weight from input " + (i + 1) + " to unit " + (j + 1) + " is "
                                + a.weight(i, j) + " instead of " + (float) e.weight(i, j);
                    }
                }
                if (!sameFloat(a.bias(j), e.bias(j))) {
                    return "layer " + (l + 1) + ", bias of unit " + (j + 1) + " is " + a.bias(j) + " instead of "
                            + (float) e.bias(j);
                }
            }
        }
        return null;
    }

    private static boolean sameFloat(double read, double original) {
        return Double.doubleToRawLongBits(read) == Double.doubleToRawLongBits((double) (float) original);
    }
}
