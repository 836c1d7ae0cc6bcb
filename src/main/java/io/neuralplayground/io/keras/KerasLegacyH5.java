package io.neuralplayground.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.ImportingReader;
import io.neuralplayground.io.JsonPath;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.files.Hdf5Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 2 model files ({@code .h5}, what tf.keras 2.x's {@code model.save("m.h5")} writes; Keras 3 still loads
 * them with {@code keras.models.load_model}), for a Sequential model of Dense layers:
 * <pre>
 *   /                         attributes keras_version "2.12.0", backend "tensorflow", model_config (JSON)
 *   model_weights             attributes layer_names ["dense", "dense_1", …], backend, keras_version
 *   model_weights/dense       attribute weight_names ["dense/kernel:0", "dense/bias:0"]
 *   model_weights/dense/dense/kernel:0    float32, inputs × units
 *   model_weights/dense/dense/bias:0      float32, units
 * </pre>
 * No training configuration and no optimizer state are written: Keras loads the model uncompiled. The names of the
 * inputs, when they are not x1, x2, …, go into a root attribute {@code neural_playground} that Keras does not read
 * ({@link KerasInputNames}), and come back from it.
 *
 * <p>The strings are what jhdf writes: fixed-length, UTF-8, null-terminated. Keras 2 (with h5py 2) wrote
 * fixed-length ASCII padded with nulls, later versions variable-length strings; h5py reads the first two as the
 * same bytes and Keras' loader decodes either, and this reader reads all three. An attribute cannot be longer than
 * about 60 kB in a file jhdf writes, so a model_config of more than {@value #MAX_ATTRIBUTE_BYTES} bytes (a network
 * of roughly a hundred layers) is refused with advice to save as {@code .keras}.
 *
 * <p>Reading follows {@code layer_names} and takes the layers that have weights, in order, as Keras' loader does;
 * Keras writes the {@code weight_names} of a layer without weights as an empty array of floats. The model_config
 * is read as {@link KerasChain} reads a config: models made in Keras open when they are a chain of Dense layers.
 *
 * <p>Reading also accepts a Keras 2 weights-only file ({@code model.save_weights("w.h5")}: the layer groups at
 * the root, no model_config); its activations are then tanh for hidden layers and linear for the output, as for a
 * {@link KerasWeightsH5 .weights.h5}.
 */
public final class KerasLegacyH5 implements ModelWriter, ImportingReader {
    /** The usual file name ending. */
    public static final String EXTENSION = ".h5";
    /** The Keras version written into the file: a tf.keras 2.x whose model_config looks like the one written. */
    public static final String KERAS_VERSION = "2.12.0";
    /** The backend written into the file. */
    public static final String BACKEND = "tensorflow";
    /** The longest model_config written: jhdf cannot write an attribute much longer into an HDF5 header. */
    static final int MAX_ATTRIBUTE_BYTES = 50_000;

    private static final String MODEL_WEIGHTS = "model_weights";
    private static final String LAYER_NAMES = "layer_names";
    private static final String WEIGHT_NAMES = "weight_names";
    private static final String MODEL_CONFIG = "model_config";
    private static final String KIND = "a Keras 2 model (.h5)";

    @Override
    public void write(Model model, Path file) {
        Model frozen = KerasNetworks.writableCopy(model, file);
        Network network = frozen.network();
        String config = KerasConfig.keras2(network);
        int configBytes = config.getBytes(StandardCharsets.UTF_8).length;
        if (configBytes > MAX_ATTRIBUTE_BYTES) {
            throw new PlaygroundException("Cannot save " + file + ": a network of " + network.depth() + " layers "
                    + "needs a model_config of " + configBytes + " bytes, more than the " + MAX_ATTRIBUTE_BYTES
                    + " this Keras 2 .h5 writer can store; save it as a Keras model (.keras) instead");
        }
        KerasInputNames.attribute(frozen.inputs(), file); // names too long are refused before anything is written
        Hdf5Files.writeAtomically(file, (hdf, empty) -> put(hdf, frozen, config, file),
                temp -> KerasNetworks.checkWritten(this, frozen, temp, file, true, true));
    }

    private static void put(WritableHdfFile hdf, Model model, String config, Path file) {
        Network network = model.network();
        hdf.putAttribute("keras_version", KERAS_VERSION);
        hdf.putAttribute("backend", BACKEND);
        hdf.putAttribute(MODEL_CONFIG, config);
        KerasInputNames.put(hdf, model.inputs(), file);
        WritableGroup weights = hdf.putGroup(MODEL_WEIGHTS);
        String[] layerNames = new String[network.depth()];
        for (int l = 0; l < network.depth(); l++) {
            layerNames[l] = KerasNetworks.layerName(l);
        }
        weights.putAttribute(LAYER_NAMES, layerNames);
        weights.putAttribute("backend", BACKEND);
        weights.putAttribute("keras_version", KERAS_VERSION);
        for (int l = 0; l < network.depth(); l++) {
            String name = layerNames[l];
            WritableGroup layer = weights.putGroup(name);
            layer.putAttribute(WEIGHT_NAMES, new String[] {name + "/kernel:0", name + "/bias:0"});
            // Keras names the datasets by the weights' names, so "dense/kernel:0" is a group and a dataset.
            WritableGroup variables = layer.putGroup(name);
            variables.putDataset("kernel:0", KerasNetworks.kernel32(network.layer(l)));
            variables.putDataset("bias:0", KerasNetworks.bias32(network.layer(l)));
        }
    }

    /**
     * Reads the file, with notes on the layers of its model that were left out or folded into the Dense layers
     * ({@link KerasChain}); for a weights-only file, on the layers without weights it leaves out.
     */
    @Override
    public ImportedModel importModel(Path file) {
        String source = file.toString();
        return Hdf5Files.read(file, KIND, hdf -> read(hdf, source));
    }

    private static ImportedModel read(HdfFile hdf, String source) {
        String config = Hdf5Files.text(hdf, MODEL_CONFIG, source);
        Node weightsNode = Hdf5Files.child(hdf, MODEL_WEIGHTS, source);
        Group weights;
        if (weightsNode instanceof Group group) {
            weights = group;
        } else if (config == null && hdf.getAttributes().containsKey(LAYER_NAMES)) {
            weights = hdf; // a weights-only file: the layers at the root
        } else if (config != null) {
            throw new PlaygroundException(source + ": the file has a model_config but no group '" + MODEL_WEIGHTS
                    + "' with the weights; it was perhaps saved without them");
        } else {
            if (Hdf5Files.child(hdf, KerasWeightsH5.LAYERS, source) != null) {
                throw new PlaygroundException(source + ": not " + KIND + ": it holds a group 'layers' as Keras 3 "
                        + "weights files do: open it as a Keras weights file (.weights.h5)");
            }
            throw new PlaygroundException(source + ": not " + KIND + ": there is neither a group '" + MODEL_WEIGHTS
                    + "' nor a list of layer names (the attribute '" + LAYER_NAMES + "')");
        }
        List<String> weightless = new ArrayList<>();
        List<KerasNetworks.LayerArrays> layers = layers(weights, source, weightless);
        List<Activation> activations;
        List<String> notes = new ArrayList<>();
        if (config == null) {
            activations = KerasNetworks.defaultActivations(layers.size());
            weightless.forEach(name -> notes.add(KerasNetworks.weightlessNote(name)));
            notes.addAll(KerasNetworks.missingBiasNotes(layers));
        } else {
            KerasChain.Chain chain = KerasChain.read(config, source, "the model_config");
            activations = KerasNetworks.activations(chain, layers, source, "the model_config",
                    "'" + MODEL_WEIGHTS + "'");
            notes.addAll(chain.notes());
        }
        Network network = KerasNetworks.assemble(layers, activations, source);
        List<String> inputs = KerasInputNames.fromAttribute(hdf, network.inputs(), source);
        return new ImportedModel(new Model(inputs, network), notes);
    }

    /**
     * The kernels and biases in the order of {@code layer_names}, skipping layers without weights (as Keras' loader
     * does: it matches the file's layers with weights to the model's layers with weights, in order), whose paths go
     * to {@code weightless}. A layer with one weight is a Dense layer saved with use_bias=False: its kernel.
     */
    private static List<KerasNetworks.LayerArrays> layers(Group weights, String source, List<String> weightless) {
        List<String> names = strings(weights, LAYER_NAMES, source);
        if (names == null) {
            throw new PlaygroundException(source + ": " + Hdf5Files.where(weights) + " has no attribute '"
                    + LAYER_NAMES + "' listing its layers");
        }
        List<KerasNetworks.LayerArrays> layers = new ArrayList<>();
        for (String name : names) {
            Node node = name.isEmpty() ? null : Hdf5Files.child(weights, name, source);
            if (!(node instanceof Group layer)) {
                throw new PlaygroundException(source + ": '" + LAYER_NAMES + "' lists the layer " + JsonPath.quote(name)
                        + ", but there is no group '" + Hdf5Files.path(weights, name) + "'");
            }
            List<String> weightNames = strings(layer, WEIGHT_NAMES, source);
            if (weightNames == null || weightNames.isEmpty()) {
                weightless.add(Hdf5Files.path(layer));
                continue;
            }
            if (layers.size() >= ModelLimits.MAX_LAYERS) {
                throw new PlaygroundException(source + ": more than the " + ModelLimits.MAX_LAYERS + " layers a model "
                        + "may have");
            }
            String where = Hdf5Files.path(layer);
            if (weightNames.size() > 2) {
                throw new PlaygroundException(source + ": layer '" + where + "' has " + weightNames.size()
                        + " weights " + weightNames + "; a Dense layer has a kernel and a bias, no more");
            }
            Dataset kernel = dataset(layer, weightNames.get(0), source);
            Dataset bias = weightNames.size() == 2 ? dataset(layer, weightNames.get(1), source) : null;
            layers.add(new KerasNetworks.LayerArrays(where,
                    Hdf5Files.matrix(kernel, source, Hdf5Files.path(layer, weightNames.get(0)) + " (the kernel)"),
                    bias == null ? null
                            : Hdf5Files.vector(bias, source, Hdf5Files.path(layer, weightNames.get(1)) + " (the bias)")));
        }
        return layers;
    }

    /** A list-of-names attribute, or the chunks Keras splits a long one into (name0, name1, …). */
    private static List<String> strings(Node node, String name, String source) {
        List<String> whole = Hdf5Files.texts(node, name, source);
        if (whole != null) {
            return whole;
        }
        List<String> chunks = null;
        for (int chunk = 0; node.getAttributes().containsKey(name + chunk); chunk++) {
            if (chunks == null) {
                chunks = new ArrayList<>();
            }
            chunks.addAll(Hdf5Files.texts(node, name + chunk, source));
        }
        return chunks;
    }

    /** The dataset at {@code path} below {@code layer} ("dense/kernel:0"), following the groups on the way. */
    private static Dataset dataset(Group layer, String path, String source) {
        Node node = layer;
        for (String part : path.split("/", -1)) {
            if (!(node instanceof Group group) || part.isEmpty()) {
                node = null;
                break;
            }
            node = Hdf5Files.child(group, part, source);
        }
        if (!(node instanceof Dataset dataset)) {
            throw new PlaygroundException(source + ": layer '" + Hdf5Files.path(layer) + "' lists the weight "
                    + JsonPath.quote(path) + ", but there is no array '" + Hdf5Files.path(layer, path) + "'");
        }
        return dataset;
    }
}
