package io.neuralplayground.app;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.LossChoice;
import io.neuralplayground.session.PlaygroundSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Networks read from files for the window, in one place: which format a file is in, what the playground makes of
 * it (its settings for the network's shape, activations where the file has none), and the file as it is for the
 * teaching views. Slow work: call it from a {@link BackgroundTask}, with the settings captured beforehand on the FX
 * thread.
 */
public final class ModelImports {
    private ModelImports() {
    }

    /**
     * A network for the playground: the settings that describe its shape (checked by building them once), the
     * network, and what the reader has to tell (layers of the file left out or folded in).
     */
    public record PlaygroundImport(PlaygroundSettings settings, Network network, List<String> notes) {
        public PlaygroundImport {
            notes = List.copyOf(notes);
        }
    }

    /** ".json", ".npz", …: the file name endings of every format a network can be imported from. */
    public static List<String> importableExtensions() {
        return Arrays.stream(ModelFormat.values()).filter(ModelFormat::canRead).map(ModelFormat::extension).toList();
    }

    /**
     * Reads a model in any importable format, by its name's extension.
     *
     * @throws PlaygroundException naming the file and the problem
     */
    public static ImportedModel read(Path path) {
        ModelFormat format = ModelFormat.forFile(path);
        if (format == null) {
            throw new PlaygroundException(path.getFileName() + ": not a file the playground can open (session "
                    + "files, and models ending in " + String.join(", ", importableExtensions()) + ")");
        }
        return format.importModel(path);
    }

    /**
     * A model for the teaching views, as the file has it; a file whose name says no format is read as a model JSON
     * file (its content says whether it is one).
     */
    public static ImportedModel forStepper(Path path) {
        ModelFormat format = ModelFormat.forFile(path);
        ImportedModel imported = format != null ? format.importModel(path)
                : new ImportedModel(ModelFile.read(path), List.of());
        checkTeachable(imported.model().network(), path.getFileName().toString());
        return imported;
    }

    /**
     * The widest layer (and the most inputs) the teaching views show: they draw every link and write every number
     * of a step out, which a network of thousands of units would turn into a grey blob and pages of figures.
     */
    public static final int TEACHING_MAX_UNITS = 64;

    /** Refuses a network the teaching views cannot show, saying what it has and what to do instead. */
    static void checkTeachable(Network network, String name) {
        String advice = "; the stepper and the gradient check write every number out and show at most "
                + TEACHING_MAX_UNITS + " units per layer: train it with the train command, or look at its weights "
                + "with export";
        if (network.inputs() > TEACHING_MAX_UNITS) {
            throw new PlaygroundException(name + ": it takes " + network.inputs() + " inputs" + advice);
        }
        for (int l = 0; l < network.depth(); l++) {
            int units = network.layer(l).units();
            if (units > TEACHING_MAX_UNITS) {
                throw new PlaygroundException(name + ": its layer " + (l + 1) + " has " + units + " units" + advice);
            }
        }
    }

    /**
     * A model made the playground's network, with {@code current} (the playground's settings now) for what the
     * file does not say.
     *
     * @throws PlaygroundException when the file cannot be read or the playground cannot show its network
     */
    public static PlaygroundImport intoPlayground(Path path, PlaygroundSettings current) {
        ImportedModel imported = read(path);
        Model model = imported.model();
        if (!ModelFormat.forFile(path).holdsActivations()) {
            takeActivations(model.network(), current);
        }
        PlaygroundSettings settings = settingsFor(model, current, path.getFileName().toString());
        settings.toPlan().withInitialNetwork(model.network()).prepare();
        return new PlaygroundImport(settings, model.network(), imported.notes());
    }

    /**
     * Gives a network read from a file without activations the playground's: each hidden layer the activation of
     * the playground's layer at its place (or of its last hidden layer, or tanh), the output layer the playground's
     * output activation. A network exported from the playground thus comes back as it left.
     */
    static void takeActivations(Network network, PlaygroundSettings current) {
        List<Activation> hidden = current.hiddenActivations();
        for (int l = 0; l < network.depth() - 1; l++) {
            Activation a = l < hidden.size() ? hidden.get(l)
                    : hidden.isEmpty() ? Activation.TANH : hidden.get(hidden.size() - 1);
            network.layer(l).setActivation(a);
        }
        network.outputLayer().setActivation(current.outputActivation());
    }

    /**
     * The playground's settings for a model's shape: its inputs must be the playground's features, its hidden
     * layers at most 6 of at most 8 units, its output one unit (Playground's data has one target).
     */
    static PlaygroundSettings settingsFor(Model model, PlaygroundSettings current, String name) {
        List<Feature> features = new ArrayList<>();
        for (String input : inputNames(model)) {
            try {
                features.add(Feature.byName(input));
            } catch (IllegalArgumentException e) {
                throw new PlaygroundException(name + ": its input '" + input + "' is not one of the playground's "
                        + "features (" + Feature.knownNames() + "); open it in the backprop stepper instead");
            }
        }
        Network network = model.network();
        PlaygroundSettings problem = problemFor(network, current, name);
        int hiddenCount = network.depth() - 1;
        if (hiddenCount > PlaygroundSettings.MAX_LAYERS) {
            throw new PlaygroundException(name + ": it has " + hiddenCount + " hidden layers, the playground shows "
                    + "at most " + PlaygroundSettings.MAX_LAYERS);
        }
        List<Integer> widths = new ArrayList<>();
        List<Activation> activations = new ArrayList<>();
        for (int l = 0; l < hiddenCount; l++) {
            int units = network.layer(l).units();
            if (units > PlaygroundSettings.MAX_NEURONS) {
                throw new PlaygroundException(name + ": its layer " + (l + 1) + " has " + units + " units, the "
                        + "playground shows at most " + PlaygroundSettings.MAX_NEURONS);
            }
            widths.add(units);
            activations.add(network.layer(l).activation());
        }
        // The features go in Playground's order; the network's inputs must already be in it.
        PlaygroundSettings next = problem.withFeatures(features).withHidden(widths, activations)
                .withPaintedPoints(List.of());
        if (!next.features().equals(features)) {
            throw new PlaygroundException(name + ": its inputs " + model.inputs() + " are not in the playground's "
                    + "order (" + Feature.knownNames() + ")");
        }
        return next;
    }

    /**
     * The playground's problem (classes and loss) for a network's output layer: one unit for two classes or
     * regression, under the loss now chosen if it allows that output, else Playground's ½‖y − t‖² (any
     * elementwise output) or, for a sigmoid on two classes, binary cross-entropy; k softmax units for k classes,
     * under categorical cross-entropy, the generated data's number of classes set to k where it can have k.
     */
    static PlaygroundSettings problemFor(Network network, PlaygroundSettings current, String name) {
        Activation output = network.outputLayer().activation();
        int outputs = network.outputs();
        if (output == Activation.SOFTMAX) {
            PlaygroundSettings many = current.dataset().isManyClass() ? current.withClasses(outputs) : current;
            if (many.problemClasses() != outputs) {
                throw new PlaygroundException(name + ": it has " + outputs + " softmax outputs, the playground's data "
                        + "has " + (many.problemClasses() == 0 ? "no classes" : many.problemClasses() + " classes")
                        + "; choose data of " + outputs + " classes first, or open it in the backprop stepper");
            }
            LossChoice loss = many.loss().allowedOutputs().contains(output) ? many.loss()
                    : LossChoice.CATEGORICAL_CROSSENTROPY;
            return many.withLoss(loss);
        }
        if (outputs != 1) {
            throw new PlaygroundException(name + ": it has " + outputs + " " + output.kerasName() + " outputs, the "
                    + "playground's data needs 1 (or one softmax unit per class); open it in the backprop stepper "
                    + "instead");
        }
        if (current.loss().allowedOutputs().contains(output)) {
            return current.withOutputActivation(output);
        }
        LossChoice loss = output == Activation.SIGMOID && current.problemClasses() == 2
                ? LossChoice.BINARY_CROSSENTROPY : LossChoice.PLAYGROUND;
        if (!loss.fits(current.problemClasses())) {
            throw new PlaygroundException(name + ": its one " + output.kerasName() + " output does not fit the "
                    + current.problemClasses() + " classes of the playground's data; choose two-class data first, "
                    + "or open it in the backprop stepper");
        }
        return current.withLoss(loss).withOutputActivation(output);
    }

    /**
     * The model's input names, where a file without names (a Keras weights file, say, whose inputs are read as
     * x1 … x7) has exactly as many inputs as the playground has features: then they are the features, in
     * Playground's order, as the playground exports them.
     */
    private static List<String> inputNames(Model model) {
        List<String> inputs = model.inputs();
        Feature[] all = Feature.values();
        if (inputs.size() != all.length) {
            return inputs;
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).equals("x" + (i + 1))) {
                return inputs;
            }
        }
        return Arrays.stream(all).map(Feature::id).toList();
    }

}
