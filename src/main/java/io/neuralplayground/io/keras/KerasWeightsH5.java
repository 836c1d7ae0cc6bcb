package io.neuralplayground.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.ImportingReader;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.files.Hdf5EmptyGroups;
import io.neuralplayground.io.files.Hdf5Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras 3 weights files ({@code .weights.h5}, what {@code model.save_weights} writes and {@code model.load_weights}
 * reads), for a Sequential model of Dense layers:
 * <pre>
 *   vars                    the model's own variables: none, an empty group
 *   layers/dense/vars/0     kernel of the first Dense layer, float32, inputs × units
 *   layers/dense/vars/1     its bias, float32, units
 *   layers/dense_1/vars/0   the second layer's kernel …
 * </pre>
 * Keras writes a {@code vars} group for every object it saves, the model included, so the root {@code vars} is in
 * every file Keras 3 writes; Keras 3.0 to 3.5 also open it unconditionally when loading (3.6 added a check), so a
 * file without it does not load there. It is empty, and jhdf 0.13 cannot keep an empty group by itself
 * ({@link Hdf5EmptyGroups}); every file written is read back, the root {@code vars} checked too. Keras names each
 * layer's group after its class and its place among the layers of that class (dense, dense_1, dense_2, …), not
 * after the layer's own name. Nothing else is written but the names of the inputs, when they are not x1, x2, …, in
 * a root attribute Keras does not read ({@link KerasInputNames}). See {@code docs/keras-formats.md}.
 *
 * <p>The file holds weights only. Read back, every hidden layer gets {@code tanh} (the playground's default) and
 * the output layer {@code linear}, and the inputs get the names the file keeps (x1, x2, … in a file Keras wrote);
 * the shape of the network follows the file.
 * Weights are float32: a file read back holds every weight rounded to the nearest float.
 *
 * <p>Files Keras writes for models with other layers read too: the groups of layers without weights (layers/dropout,
 * layers/flatten, a Functional model's layers/input_layer) are left out, and a Dense layer saved with
 * {@code use_bias=False} (vars/0 alone) gets biases of zero, each said in a note ({@link #importModel}).
 */
public final class KerasWeightsH5 implements ModelWriter, ImportingReader {
    /** The file name ending Keras requires for weights files. */
    public static final String EXTENSION = ".weights.h5";
    /** The group under which Keras puts the layers of a Sequential model. */
    static final String LAYERS = "layers";
    /** Where Keras 2.13 and 2.14 put them; Keras 3 still reads it. */
    private static final String LAYERS_2_13 = "_layer_checkpoint_dependencies";
    /** The group of an object's own variables: the model's at the root, each layer's under layers/<layer>. */
    static final String VARS = "vars";
    private static final String KERNEL = "0";
    private static final String BIAS = "1";
    private static final String KIND = "a Keras weights file (.weights.h5)";

    @Override
    public void write(Model model, Path file) {
        Model frozen = KerasNetworks.writableCopy(model, file);
        KerasInputNames.attribute(frozen.inputs(), file); // names too long are refused before anything is written
        Hdf5Files.writeAtomically(file, (hdf, empty) -> {
            KerasInputNames.put(hdf, frozen.inputs(), file);
            putLayers(hdf, empty, frozen.network());
        }, temp -> {
            KerasNetworks.checkWritten(this, frozen, temp, file, false, true);
            checkModelVars(Hdf5Files.read(temp, KIND, hdf -> modelVarsProblem(hdf)), file);
        });
    }

    /**
     * Reads the file, with notes on what a weights file cannot say: layers without weights it leaves out (their
     * groups say nothing of what they do), Dense layers without a bias.
     */
    @Override
    public ImportedModel importModel(Path file) {
        String source = file.toString();
        return Hdf5Files.read(file, KIND, hdf -> {
            Layers layers = readLayers(hdf, source);
            List<KerasNetworks.LayerArrays> dense = layers.dense();
            Network network = KerasNetworks.assemble(dense, KerasNetworks.defaultActivations(dense.size()), source);
            List<String> notes = new ArrayList<>();
            for (String weightless : layers.weightless()) {
                if (weightless.matches(".*/input_layer(_[1-9][0-9]*)?")) {
                    continue; // a Functional model's InputLayer: Keras names the group after the class
                }
                notes.add(KerasNetworks.weightlessNote(weightless));
            }
            notes.addAll(KerasNetworks.missingBiasNotes(dense));
            List<String> inputs = KerasInputNames.fromAttribute(hdf, network.inputs(), source);
            return new ImportedModel(new Model(inputs, network), notes);
        });
    }

    /**
     * Puts the weights of {@code network} where Keras 3 puts those of a Sequential model of Dense layers, and the
     * model's own empty {@code vars} beside them.
     */
    static void putLayers(WritableHdfFile hdf, Hdf5EmptyGroups empty, Network network) {
        empty.put(hdf, List.of(), VARS);
        WritableGroup layers = hdf.putGroup(LAYERS);
        for (int l = 0; l < network.depth(); l++) {
            WritableGroup vars = layers.putGroup(KerasNetworks.layerName(l)).putGroup(VARS);
            vars.putDataset(KERNEL, KerasNetworks.kernel32(network.layer(l)));
            vars.putDataset(BIAS, KerasNetworks.bias32(network.layer(l)));
        }
    }

    /**
     * Why the root {@code vars} group Keras 3.0 to 3.5 open is not in {@code hdf} as an empty group, or null when
     * it is. Reading does not ask for it (files of Keras 2.13 and 2.14 have none); the writers check their files.
     */
    static String modelVarsProblem(HdfFile hdf) {
        Node vars = hdf.getChildren().get(VARS);
        if (!(vars instanceof Group group)) {
            return "there is no group 'vars' for the model's own variables, which Keras 3.0 to 3.5 require";
        }
        if (!group.getChildren().isEmpty()) {
            return "the group 'vars' for the model's own variables holds " + quoted(Hdf5Files.childNames(group))
                    + "; a Sequential model has none";
        }
        return null;
    }

    /** Refuses a file just written whose root {@code vars} is wrong ({@link #modelVarsProblem}), naming the target. */
    static void checkModelVars(String problem, Path target) {
        if (problem != null) {
            throw new PlaygroundException("Cannot save " + target + ": the file written is not as Keras writes it ("
                    + problem + ")");
        }
    }

    /**
     * What a Keras 3 weights file holds for the layers of a model.
     *
     * @param dense      the kernels and biases of the Dense layers, in order (dense, dense_1, …)
     * @param weightless the groups of the other layers, which hold no weights (input_layer, dropout, flatten …)
     */
    record Layers(List<KerasNetworks.LayerArrays> dense, List<String> weightless) {
    }

    /**
     * The kernels and biases of the Dense layers in a Keras 3 weights file, in order (dense, dense_1, …), and the
     * groups of the layers without weights, which Keras writes for every layer (a Dropout's, a Flatten's, a
     * Functional model's input_layer).
     *
     * @throws PlaygroundException for a file not in that layout, naming {@code source}
     */
    static Layers readLayers(HdfFile hdf, String source) {
        Node layersNode = Hdf5Files.child(hdf, LAYERS, source);
        if (layersNode == null) {
            layersNode = Hdf5Files.child(hdf, LAYERS_2_13, source);
        }
        if (!(layersNode instanceof Group layers)) {
            List<String> names = Hdf5Files.childNames(hdf);
            throw new PlaygroundException(source + ": not " + KIND + ": there is no group '" + LAYERS + "' ("
                    + (names.isEmpty() ? "the file holds nothing" : "the file holds " + quoted(names))
                    + "); Keras keeps the weights of a model's layers under layers/<layer>/vars");
        }
        Map<Integer, Group> byIndex = new TreeMap<>();
        List<String> weightless = new ArrayList<>();
        for (String name : Hdf5Files.childNames(layers)) {
            int index = KerasNetworks.layerIndex(name);
            Node node = Hdf5Files.child(layers, name, source);
            String path = Hdf5Files.path(layers, name);
            if (!(node instanceof Group group)) {
                throw new PlaygroundException(source + ": '" + path + "' is an array, not the group of a layer "
                        + "(Keras keeps a layer's weights under layers/<layer>/vars)");
            }
            if (index >= 0) {
                byIndex.put(index, group);
            } else if (Hdf5Files.holdsDatasets(group, source)) {
                throw new PlaygroundException(source + ": '" + path + "' holds the weights of a layer that is not "
                        + "Dense (Keras names those dense, dense_1, dense_2 …); only chains of Dense layers can be "
                        + "opened");
            } else {
                weightless.add(path);
            }
        }
        if (byIndex.isEmpty()) {
            throw new PlaygroundException(source + ": the group '" + layers.getName() + "' holds no Dense layer");
        }
        if (byIndex.size() > ModelLimits.MAX_LAYERS) {
            throw new PlaygroundException(source + ": " + byIndex.size() + " layers, more than the "
                    + ModelLimits.MAX_LAYERS + " a model may have");
        }
        List<KerasNetworks.LayerArrays> arrays = new ArrayList<>();
        for (int l = 0; l < byIndex.size(); l++) {
            Group group = byIndex.get(l);
            if (group == null) {
                throw new PlaygroundException(source + ": there is no '" + Hdf5Files.path(layers,
                        KerasNetworks.layerName(l)) + "', though there are " + byIndex.size()
                        + " Dense layers: Keras numbers them dense, dense_1, dense_2 … without gaps");
            }
            arrays.add(readLayer(group, source));
        }
        return new Layers(arrays, weightless);
    }

    /** A Dense layer's kernel (vars/0) and bias (vars/1); a layer saved with use_bias=False has the kernel alone. */
    private static KerasNetworks.LayerArrays readLayer(Group layer, String source) {
        String layerPath = Hdf5Files.path(layer);
        if (!(Hdf5Files.child(layer, VARS, source) instanceof Group vars)) {
            throw new PlaygroundException(source + ": '" + layerPath + "' has no group 'vars' with the layer's "
                    + "kernel (vars/0) and bias (vars/1)");
        }
        List<String> names = Hdf5Files.childNames(vars);
        Node kernel = Hdf5Files.child(vars, KERNEL, source);
        Node bias = Hdf5Files.child(vars, BIAS, source);
        if (!(kernel instanceof Dataset kernelData)) {
            throw new PlaygroundException(source + ": '" + layerPath + "' has no kernel (an array vars/0)");
        }
        if (bias != null && !(bias instanceof Dataset)) {
            throw new PlaygroundException(source + ": '" + layerPath + "/vars/1' is a group, not the layer's bias");
        }
        if (names.size() != (bias == null ? 1 : 2)) {
            throw new PlaygroundException(source + ": '" + layerPath + "/vars' holds " + names.size() + " arrays "
                    + quoted(names) + "; a Dense layer has a kernel (0) and a bias (1), no more");
        }
        double[][] k = Hdf5Files.matrix(kernelData, source, layerPath + "/vars/0 (the kernel)");
        double[] b = bias == null ? null : Hdf5Files.vector((Dataset) bias, source, layerPath + "/vars/1 (the bias)");
        return new KerasNetworks.LayerArrays(layerPath, k, b);
    }

    private static String quoted(List<String> names) {
        List<String> shown = names.size() > 10 ? names.subList(0, 10) : names;
        StringBuilder sb = new StringBuilder();
        for (String name : shown) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(name).append('\'');
        }
        return names.size() > shown.size() ? sb + " …" : sb.toString();
    }
}
