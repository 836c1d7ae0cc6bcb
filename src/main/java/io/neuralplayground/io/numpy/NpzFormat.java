package io.neuralplayground.io.numpy;

import static io.neuralplayground.io.keras.KerasNetworks.layerName;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.ModelReader;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.Printable;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.files.CheckedZip;
import io.neuralplayground.io.files.IoErrors;
import io.neuralplayground.io.files.StoredZipEntries;
import io.neuralplayground.io.keras.KerasNetworks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz}: a zip archive of {@code .npy} arrays, as {@code numpy.savez} writes it and
 * {@code numpy.load(path, allow_pickle=False)} reads it. Documented in {@code docs/export-formats.md}.
 *
 * <p>The entries, in this order (entries are stored, not compressed, as NumPy writes them):
 * <ul>
 *   <li>{@code dense/kernel.npy}, {@code dense/bias.npy}, {@code dense_1/kernel.npy}, {@code dense_1/bias.npy}, …
 *       : per layer, named as Keras names the dense layers of a model, the kernel (inputs × units) and the bias
 *       (units), little-endian float64 — exactly Keras' {@code layer.get_weights()};</li>
 *   <li>{@code inputs.npy}: the input names, a 1-D array of unicode strings ({@code <U…});</li>
 *   <li>{@code activations.npy}: the activation of each layer by its Keras name, a 1-D array of unicode strings.</li>
 * </ul>
 *
 * <p>Reading follows the file: the network's shape is that of the arrays, which must chain (layer k's kernel has
 * as many rows as layer k−1 has units). Float32 arrays and Fortran order are read too. Without
 * {@code inputs.npy} the inputs are named x1, x2, …; without {@code activations.npy} every layer gets
 * {@link #DEFAULT_ACTIVATION}, the Playground's default. Any other entry is refused rather than dropped: a
 * batch normalisation or a second branch would change what the network computes. Optional fields of a
 * {@link Model} ({@link Model#extras()}) have no place in this format and are not written.
 *
 * <p>Archives are read defensively ({@link CheckedZip}): entries larger than {@link #MAX_ENTRY_BYTES}
 * uncompressed, or larger than that together, are refused before they are read, and while they are read if they
 * turn out longer than they said (a zip bomb); so are entry names that are absolute, contain {@code ..} or
 * backslashes, and entries whose checksum does not match their content.
 */
public final class NpzFormat implements ModelWriter, ModelReader {
    /** The most bytes one entry, and all entries read together, may have uncompressed: 512 MiB. */
    public static final long MAX_ENTRY_BYTES = 512L << 20;
    /** The activation of every layer of a file without {@code activations.npy}: the Playground's default. */
    public static final Activation DEFAULT_ACTIVATION = Activation.TANH;
    /** The name of the entry with the input names, without {@code .npy} (the key in {@code numpy.load}). */
    public static final String INPUTS = "inputs";
    /** The name of the entry with the activation names, without {@code .npy}. */
    public static final String ACTIVATIONS = "activations";

    private static final String NPY = ".npy";
    private static final Pattern LAYER_ENTRY = Pattern.compile("dense(?:_([1-9][0-9]{0,8}))?/(kernel|bias)\\.npy");
    /** A fixed time stamp, so that the same model always gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final long maxEntryBytes;

    public NpzFormat() {
        this(MAX_ENTRY_BYTES);
    }

    /** With a smaller size limit, for tests. */
    NpzFormat(long maxEntryBytes) {
        this.maxEntryBytes = maxEntryBytes;
    }

    // ---------------------------------------------------------------------------------------------- writing

    /**
     * Writes {@code model}, atomically.
     *
     * @throws PlaygroundException naming the file, for a weight that is not finite, an input name NumPy could not
     *     give back as it is (one ending in a NUL character), or a failed write
     */
    @Override
    public void write(Model model, Path file) {
        ModelLimits.requireFinite(model, file);
        for (int i = 0; i < model.inputs().size(); i++) {
            if (model.inputs().get(i).endsWith("\u0000")) {
                throw new PlaygroundException("Cannot save " + file + ": the name of input " + (i + 1) + " ends in a "
                        + "NUL character, which NumPy drops from its strings: rename the input");
            }
        }
        AtomicFiles.write(file, out -> writeTo(model, out));
    }

    /** The archive, entry after entry; each entry is built only when it is written, to keep memory low. */
    static void writeTo(Model model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Network network = model.network();
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String name = layerName(l);
            StoredZipEntries.put(zip, name + "/kernel" + NPY, NpyArray.of(layer.kernelCopy()).toBytes(), ENTRY_TIME);
            StoredZipEntries.put(zip, name + "/bias" + NPY, NpyArray.of(layer.biasCopy()).toBytes(), ENTRY_TIME);
        }
        StoredZipEntries.put(zip, INPUTS + NPY, NpyArray.ofText(model.inputs()).toBytes(), ENTRY_TIME);
        List<String> activations = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            activations.add(layer.activation().kerasName());
        }
        StoredZipEntries.put(zip, ACTIVATIONS + NPY, NpyArray.ofText(activations).toBytes(), ENTRY_TIME);
        zip.finish();
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads the model in {@code file}.
     *
     * @throws PlaygroundException whose message names the file and the problem, for any content that is not such
     *     an archive, and for a file that cannot be read
     */
    @Override
    public Model read(Path file) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new PlaygroundException("Cannot read " + source + ": it is a directory");
            }
            if (Files.size(file) == 0) {
                throw new PlaygroundException(source + ": the file is empty, not a .npz archive");
            }
            byte[] start = new byte[6];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(start, 0, start.length);
                if (n == start.length && new String(start, 1, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .equals("NUMPY") && (start[0] & 0xff) == 0x93) {
                    throw new PlaygroundException(source + ": a single NumPy array (.npy), not a .npz archive of "
                            + "arrays: save the model with numpy.savez");
                }
            }
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + source + ": " + IoErrors.reason(e, file), e);
        }
        try (CheckedZip zip = CheckedZip.open(file, source, "a .npz archive", maxEntryBytes, maxEntryBytes)) {
            return new Reading(zip, source).model();
        }
    }

    /** One reading of one archive. */
    private static final class Reading {
        private final CheckedZip zip;
        private final String source;
        private final TreeMap<Integer, ZipEntry> kernels = new TreeMap<>();
        private final TreeMap<Integer, ZipEntry> biases = new TreeMap<>();
        private final List<String> names = new ArrayList<>();
        private ZipEntry inputsEntry;
        private ZipEntry activationsEntry;

        Reading(CheckedZip zip, String source) {
            this.zip = zip;
            this.source = source;
        }

        Model model() {
            collectEntries();
            int count = layerCount();
            List<DenseLayer> layers = new ArrayList<>(count);
            int inputs = -1;
            long parameters = 0;
            for (int l = 0; l < count; l++) {
                String name = layerName(l);
                String kernelName = name + "/kernel" + NPY;
                String biasName = name + "/bias" + NPY;
                NpyArray kernel = numbers(kernels.get(l), kernelName);
                int[] shape = kernel.shape();
                if (shape.length != 2) {
                    throw fail(kernelName, "the kernel must be 2-D (inputs × units), but it is " + kernel.describe());
                }
                if (shape[0] == 0 || shape[1] == 0) {
                    throw fail(kernelName, "the kernel has shape " + kernel.shapeText() + ": a layer needs at least "
                            + "one input and one unit");
                }
                if (shape[0] > ModelLimits.MAX_WIDTH || shape[1] > ModelLimits.MAX_WIDTH) {
                    throw fail(kernelName, "the kernel has shape " + kernel.shapeText() + ", wider than the "
                            + ModelLimits.MAX_WIDTH + " inputs or units a layer may have");
                }
                if (l == 0) {
                    inputs = shape[0];
                } else {
                    int previous = layers.get(l - 1).units();
                    if (shape[0] != previous) {
                        throw fail(kernelName, "the kernel has shape " + kernel.shapeText() + ", but layer "
                                + layerName(l - 1) + " before it has " + previous + " units: the kernel of " + name
                                + " needs " + previous + " rows, one per input (the arrays do not chain)");
                    }
                }
                NpyArray bias = numbers(biases.get(l), biasName);
                if (bias.rank() != 1 || bias.shape()[0] != shape[1]) {
                    throw fail(biasName, "the bias must be 1-D with one value per unit, shape (" + shape[1]
                            + ",) as the kernel " + kernel.shapeText() + " has " + shape[1] + " units, but it is "
                            + bias.describe());
                }
                parameters += (long) shape[0] * shape[1] + shape[1];
                if (parameters > ModelLimits.MAX_PARAMETERS) {
                    throw fail(kernelName, "the network has more than " + ModelLimits.MAX_PARAMETERS + " weights and "
                            + "biases, more than a model may have");
                }
                double[][] rows = kernel.rows();
                requireFinite(kernelName, rows);
                double[] b = bias.numbers();
                requireFinite(biasName, new double[][] {b});
                layers.add(new DenseLayer(rows, b, DEFAULT_ACTIVATION));
            }
            applyActivations(layers);
            Network network = new Network(inputs, layers);
            List<String> inputNames = inputNames(inputs);
            try {
                return new Model(inputNames, network);
            } catch (IllegalArgumentException e) {
                throw fail(INPUTS + NPY, e.getMessage());
            }
        }

        /** Sorts out the entries that make the model, once the archive has checked them all. */
        private void collectEntries() {
            for (ZipEntry entry : zip.entries()) {
                String name = entry.getName();
                if (name.indexOf('\\') >= 0) {
                    throw new PlaygroundException(source + ": the archive has an entry \"" + Printable.of(name)
                            + "\" with a backslash in the name, which no .npz written by NumPy has: refused");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                names.add(name);
                Matcher m = LAYER_ENTRY.matcher(name);
                if (m.matches()) {
                    int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                    (m.group(2).equals("kernel") ? kernels : biases).put(index, entry);
                } else if (name.equals(INPUTS + NPY)) {
                    inputsEntry = entry;
                } else if (name.equals(ACTIVATIONS + NPY)) {
                    activationsEntry = entry;
                } else {
                    throw fail(name, "this entry is not part of a Neural Playground model: a model file holds "
                            + "dense/kernel.npy, dense/bias.npy, dense_1/kernel.npy, … (dense layers only), "
                            + "inputs.npy and activations.npy");
                }
            }
        }

        private int layerCount() {
            if (kernels.isEmpty() && biases.isEmpty()) {
                throw new PlaygroundException(source + ": no layers: a model file holds dense/kernel.npy and "
                        + "dense/bias.npy, then dense_1/…, but this archive holds "
                        + (names.isEmpty() ? "no arrays at all" : names.stream().collect(Collectors.joining(", "))));
            }
            int last = Math.max(kernels.isEmpty() ? 0 : kernels.lastKey(), biases.isEmpty() ? 0 : biases.lastKey());
            if (last >= ModelLimits.MAX_LAYERS) {
                throw new PlaygroundException(source + ": a layer is named " + layerName(last) + ", but a model has "
                        + "at most " + ModelLimits.MAX_LAYERS + " layers");
            }
            for (int l = 0; l <= last; l++) {
                if (!kernels.containsKey(l)) {
                    throw new PlaygroundException(source + ": there is no " + layerName(l) + "/kernel.npy, but there "
                            + "is " + (kernels.containsKey(last) ? layerName(last) + "/kernel.npy"
                            : layerName(last) + "/bias.npy") + ": layers are numbered dense, dense_1, dense_2, … "
                            + "without gaps, each with a kernel and a bias");
                }
                if (!biases.containsKey(l)) {
                    throw new PlaygroundException(source + ": " + layerName(l) + " has a kernel but no bias ("
                            + layerName(l) + "/bias.npy is missing)");
                }
            }
            return last + 1;
        }

        private void applyActivations(List<DenseLayer> layers) {
            if (activationsEntry == null) {
                return;
            }
            String name = ACTIVATIONS + NPY;
            List<String> activations = texts(activationsEntry, name);
            if (activations.size() != layers.size()) {
                throw fail(name, activations.size() + (activations.size() == 1 ? " activation" : " activations")
                        + " for " + layers.size() + " layers: one per layer is needed");
            }
            for (int l = 0; l < layers.size(); l++) {
                try {
                    layers.get(l).setActivation(Activation.byName(activations.get(l)));
                } catch (IllegalArgumentException e) {
                    throw fail(name, "the activation of " + layerName(l) + ", \""
                            + Printable.of(activations.get(l)) + "\", is unknown (known: "
                            + Activation.knownNames() + ")");
                }
            }
        }

        private List<String> inputNames(int inputs) {
            if (inputsEntry == null) {
                return KerasNetworks.defaultInputs(inputs);
            }
            String name = INPUTS + NPY;
            List<String> names = texts(inputsEntry, name);
            if (names.size() != inputs) {
                throw fail(name, names.size() + (names.size() == 1 ? " input name" : " input names")
                        + ", but the kernel of dense has " + inputs + " rows, one per input");
            }
            for (int i = 0; i < names.size(); i++) {
                String control = io.neuralplayground.data.InputNames.controlCharacterProblem(names.get(i));
                if (control != null) {
                    throw fail(name, "input name " + i + ", \"" + io.neuralplayground.io.Printable.of(names.get(i))
                            + "\", " + control);
                }
            }
            return names;
        }

        private List<String> texts(ZipEntry entry, String name) {
            NpyArray array = array(entry, name);
            if (!array.isText() || array.rank() != 1) {
                throw fail(name, "expected a 1-D array of text (unicode strings), found " + array.describe());
            }
            return array.texts();
        }

        private NpyArray numbers(ZipEntry entry, String name) {
            NpyArray array = array(entry, name);
            if (array.isText()) {
                throw fail(name, "expected numbers, found " + array.describe());
            }
            return array;
        }

        private NpyArray array(ZipEntry entry, String name) {
            return NpyArray.parse(zip.read(entry), source + ": " + name);
        }

        private void requireFinite(String name, double[][] rows) {
            boolean vector = name.endsWith("/bias" + NPY);
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < rows[i].length; j++) {
                    double v = rows[i][j];
                    if (!Double.isFinite(v)) {
                        String at = vector ? "[" + j + "]" : "[" + i + "][" + j + "]";
                        throw fail(name, "the value at " + at + " is " + v + "; a model's weights and biases must "
                                + "be finite numbers (the model was saved after its training diverged?)");
                    }
                }
            }
        }

        private PlaygroundException fail(String entry, String problem) {
            return zip.fail(entry, problem);
        }
    }
}
