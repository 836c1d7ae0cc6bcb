package io.neuralplayground.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.ImportingReader;
import io.neuralplayground.io.JsonPath;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.files.CheckedZip;
import io.neuralplayground.io.files.Hdf5Files;
import io.neuralplayground.io.files.IoErrors;
import io.neuralplayground.io.files.StoredZipEntries;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Keras 3 model files ({@code .keras}, what {@code model.save("m.keras")} writes and
 * {@code keras.models.load_model} reads): a zip archive of three entries, stored uncompressed as Keras stores them,
 * in Keras' order:
 * <pre>
 *   metadata.json      {"keras_version": "3.10.0", "date_saved": "2025-05-19@14:03:07", "neural_playground": …}
 *   config.json        the Sequential model: an InputLayer and the Dense layers with their activations (read, any
 *                      model that is a chain of Dense layers: {@link KerasChain})
 *   model.weights.h5   the weights, laid out as in a {@link KerasWeightsH5 .weights.h5} file
 * </pre>
 * Keras has no names for inputs; the playground keeps its own in metadata.json under {@code neural_playground},
 * which Keras does not read when it loads a model ({@link KerasInputNames}; the HDF5 formats keep them in a root
 * attribute of that name), and reads them back when they are there (x1, x2, … otherwise). Extra fields of a model (seed, training history) are not kept.
 *
 * <p>Reading is careful with what a zip can hide ({@link CheckedZip}): entry names that are absolute or climb out of the folder
 * ({@code ../evil}) are refused, as are entries that unpack to more than {@value #MAX_ENTRY_MIB} MiB (refused
 * before they are read, and again if an entry turns out longer than it said) and entries whose checksum is wrong.
 * The entries are read in memory, the weights too: jhdf reads them from there.
 */
public final class KerasArchive implements ModelWriter, ImportingReader {
    /** The file name ending Keras requires for model files. */
    public static final String EXTENSION = ".keras";
    /**
     * The Keras version written into metadata.json, whose config.json looks like the one written (Keras' loader
     * does not read it; every Keras 3 reads the weights' layout).
     */
    public static final String KERAS_VERSION = "3.10.0";
    static final int MAX_ENTRY_MIB = 512;
    /** The most bytes one entry of an archive may unpack to. */
    public static final long MAX_ENTRY_BYTES = (long) MAX_ENTRY_MIB << 20;
    /** The most bytes metadata.json or config.json may have. */
    static final long MAX_JSON_BYTES = 16L << 20;

    static final String METADATA = "metadata.json";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";
    /** The key in metadata.json under which the playground keeps what Keras has no place for. */
    static final String OUR_KEY = KerasInputNames.KEY;
    private static final String KIND = "a Keras model (.keras)";
    private static final DateTimeFormatter DATE_SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

    @Override
    public void write(Model model, Path file) {
        Model frozen = KerasNetworks.writableCopy(model, file);
        byte[] metadata = metadata(frozen.inputs()).getBytes(StandardCharsets.UTF_8);
        byte[] config = KerasConfig.keras3(frozen.network()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeFile(file, temp -> {
            // jhdf writes only files: the weights go to the temporary file first, then the archive replaces them.
            Hdf5Files.write(temp, (hdf, empty) -> KerasWeightsH5.putLayers(hdf, empty, frozen.network()));
            byte[] weights = Files.readAllBytes(temp);
            KerasWeightsH5.checkModelVars(Hdf5Files.read(weights, file + ": " + WEIGHTS, "the weights of a Keras model",
                    KerasWeightsH5::modelVarsProblem), file);
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING);
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out))) {
                LocalDateTime now = LocalDateTime.now();
                StoredZipEntries.put(zip, METADATA, metadata, now);
                StoredZipEntries.put(zip, CONFIG, config, now);
                StoredZipEntries.put(zip, WEIGHTS, weights, now);
            }
            // The whole archive read back, the weights through jhdf: what was written is what will be read.
            KerasNetworks.checkWritten(this, frozen, temp, file, true, true);
        });
    }

    private static String metadata(List<String> inputs) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("keras_version", KERAS_VERSION);
        metadata.put("date_saved", LocalDateTime.now().format(DATE_SAVED));
        metadata.set(OUR_KEY, KerasInputNames.json(inputs));
        return KerasConfig.write(metadata);
    }

    /**
     * Reads the archive, with notes on the layers of its model that were left out or folded into the Dense layers
     * ({@link KerasChain}).
     */
    @Override
    public ImportedModel importModel(Path file) {
        String source = file.toString();
        checkStart(file, source);
        try (CheckedZip zip = CheckedZip.open(file, source, KIND, MAX_ENTRY_BYTES, Long.MAX_VALUE)) {
            return read(zip, source);
        } catch (PlaygroundException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            // A safety net: java.util.zip fails on some damage with unchecked exceptions of its own.
            throw new PlaygroundException(source + ": a damaged zip archive (" + Hdf5Files.describe(e) + ")", e);
        }
    }

    private static void checkStart(Path file, String source) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(8);
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + source + ": " + IoErrors.reason(e, file), e);
        }
        if (start.length == 0) {
            throw new PlaygroundException(source + ": the file is empty");
        }
        if (start.length >= 4 && start[0] == (byte) 0x89 && start[1] == 'H' && start[2] == 'D' && start[3] == 'F') {
            throw new PlaygroundException(source + ": not " + KIND + ": it is an HDF5 file (a Keras weights file "
                    + "or a Keras 2 .h5 model: open it as such)");
        }
        if (start.length < 4 || start[0] != 'P' || start[1] != 'K') {
            throw new PlaygroundException(source + ": not " + KIND + ": it is not a zip archive");
        }
    }

    private static ImportedModel read(CheckedZip zip, String source) {
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        for (ZipEntry entry : zip.entries()) {
            entries.put(entry.getName(), entry);
        }
        List<String> names = new ArrayList<>(entries.keySet());
        ZipEntry configEntry = entries.get(CONFIG);
        if (configEntry == null) {
            throw new PlaygroundException(source + ": not " + KIND + ": the archive has no " + CONFIG + " (it holds "
                    + listed(names) + ")");
        }
        ZipEntry weightsEntry = entries.get(WEIGHTS);
        if (weightsEntry == null) {
            throw new PlaygroundException(source + ": the archive has no " + WEIGHTS + (names.contains(
                    "model.weights.npz") ? "; its weights are in model.weights.npz, which cannot be opened: save "
                    + "with weights_format=\"h5\" (Keras' default)" : " (it holds " + listed(names) + ")"));
        }
        KerasChain.Chain config = KerasChain.read(text(zip, configEntry, source), source, CONFIG);
        ZipEntry metadataEntry = entries.get(METADATA);
        List<String> inputNames = metadataEntry == null ? null : inputNames(text(zip, metadataEntry, source), source);

        String weightsSource = source + ": " + WEIGHTS;
        List<KerasNetworks.LayerArrays> layers = Hdf5Files.read(zip.read(weightsEntry), weightsSource,
                "the weights of a Keras model", hdf -> KerasWeightsH5.readLayers(hdf, weightsSource).dense());
        Network network = KerasNetworks.assemble(layers,
                KerasNetworks.activations(config, layers, source, CONFIG, WEIGHTS), weightsSource);
        List<String> inputs = KerasInputNames.orDefault(inputNames, network.inputs(), source, METADATA);
        return new ImportedModel(new Model(inputs, network), config.notes());
    }

    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "nothing";
        }
        List<String> shown = names.size() > 8 ? names.subList(0, 8) : names;
        StringBuilder sb = new StringBuilder();
        for (String name : shown) {
            sb.append(sb.length() == 0 ? "" : ", ").append(JsonPath.quote(name));
        }
        return names.size() > shown.size() ? sb + " …" : sb.toString();
    }

    /** The text of a JSON entry, UTF-8, at most {@link #MAX_JSON_BYTES}. */
    private static String text(CheckedZip zip, ZipEntry entry, String source) {
        if (entry.getSize() > MAX_JSON_BYTES) {
            throw new PlaygroundException(source + ": " + entry.getName() + " is " + entry.getSize() + " bytes, more "
                    + "than the " + (MAX_JSON_BYTES >> 20) + " MiB a model description may have");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(zip.read(entry))).toString();
        } catch (CharacterCodingException e) {
            throw new PlaygroundException(source + ": " + entry.getName() + " is not UTF-8 text", e);
        }
    }

    /** The input names the playground kept in metadata.json, or null when it kept none. */
    private static List<String> inputNames(String json, String source) {
        JsonNode metadata = KerasConfig.parse(json, source, METADATA);
        if (!metadata.isObject()) {
            throw new PlaygroundException(source + ": " + METADATA + " is not a JSON object");
        }
        return KerasInputNames.read(metadata.get(OUR_KEY), source, METADATA + ": " + OUR_KEY);
    }
}
