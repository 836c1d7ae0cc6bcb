package io.neuralplayground.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Keras 3 model files ({@code .keras}, what {@code model.save("m.keras")} writes and
 * {@code keras.models.load_model} reads): a zip archive of three entries, stored uncompressed as Keras stores them,
 * in Keras' order:
 * <pre>
 *   metadata.json      {"keras_version": "3.10.0", "date_saved": "2025-05-19@14:03:07", "neural_playground": …}
 *   config.json        the Sequential model: an InputLayer and the Dense layers with their activations
 *   model.weights.h5   the weights, laid out as in a {@link KerasWeightsH5 .weights.h5} file
 * </pre>
 * Keras has no names for inputs; the playground keeps its own in metadata.json under {@code neural_playground}
 * (Keras does not read metadata.json when it loads a model) and reads them back when they are there (x1, x2, …
 * otherwise). Extra fields of a model (seed, training history) are not kept.
 *
 * <p>Reading is careful with what a zip can hide: entry names that are absolute or climb out of the folder
 * ({@code ../evil}) are refused, as are entries that unpack to more than {@value #MAX_ENTRY_MIB} MiB (refused
 * before they are read, and again if an entry turns out longer than it said) and entries whose checksum is wrong.
 * The entries are read in memory, the weights too: jhdf reads them from there.
 */
public final class KerasArchive implements ModelWriter, ModelReader {
    /** The file name ending Keras requires for model files. */
    public static final String EXTENSION = ".keras";
    /** The Keras version written into metadata.json: the first whose loader reads our weights layout. */
    public static final String KERAS_VERSION = "3.10.0";
    static final int MAX_ENTRY_MIB = 512;
    /** The most bytes one entry of an archive may unpack to. */
    public static final long MAX_ENTRY_BYTES = (long) MAX_ENTRY_MIB << 20;
    /** The most bytes metadata.json or config.json may have. */
    static final long MAX_JSON_BYTES = 16L << 20;
    /** The most entries an archive may list. */
    static final int MAX_ENTRIES = 10_000;

    static final String METADATA = "metadata.json";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";
    /** The key in metadata.json under which the playground keeps what Keras has no place for. */
    static final String OUR_KEY = "neural_playground";
    private static final String KIND = "a Keras model (.keras)";
    private static final DateTimeFormatter DATE_SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

    @Override
    public void write(Model model, Path file) {
        Model frozen = KerasNetworks.writableCopy(model, file);
        byte[] metadata = metadata(frozen.inputs()).getBytes(StandardCharsets.UTF_8);
        byte[] config = KerasConfig.keras3(frozen.network()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeFile(file, temp -> {
            // jhdf writes only files: the weights go to the temporary file first, then the archive replaces them.
            Hdf5Files.write(temp, hdf -> KerasWeightsH5.putLayers(hdf, frozen.network()));
            byte[] weights = Files.readAllBytes(temp);
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
        ArrayNode names = metadata.putObject(OUR_KEY).putArray("inputs");
        inputs.forEach(names::add);
        return KerasConfig.write(metadata);
    }

    @Override
    public Model read(Path file) {
        String source = file.toString();
        checkStart(file, source);
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return read(zip, source);
        } catch (PlaygroundException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // ZipFile refuses damaged archives with ZipException (an IOException) and, for some damage, with
            // IllegalArgumentException or others.
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

    private static Model read(ZipFile zip, String source) throws IOException {
        List<String> names = checkedEntries(zip, source);
        ZipEntry configEntry = zip.getEntry(CONFIG);
        if (configEntry == null) {
            throw new PlaygroundException(source + ": not " + KIND + ": the archive has no " + CONFIG + " (it holds "
                    + listed(names) + ")");
        }
        ZipEntry weightsEntry = zip.getEntry(WEIGHTS);
        if (weightsEntry == null) {
            throw new PlaygroundException(source + ": the archive has no " + WEIGHTS + (names.contains(
                    "model.weights.npz") ? "; its weights are in model.weights.npz, which cannot be opened: save "
                    + "with weights_format=\"h5\" (Keras' default)" : " (it holds " + listed(names) + ")"));
        }
        KerasConfig.Sequential config = KerasConfig.readSequential(text(zip, configEntry, source), source, CONFIG);
        ZipEntry metadataEntry = zip.getEntry(METADATA);
        List<String> inputNames = metadataEntry == null ? null : inputNames(text(zip, metadataEntry, source), source);

        String weightsSource = source + ": " + WEIGHTS;
        List<KerasNetworks.LayerArrays> layers = Hdf5Files.read(bytes(zip, weightsEntry, MAX_ENTRY_BYTES, source),
                weightsSource, "the weights of a Keras model", hdf -> KerasWeightsH5.readLayers(hdf, weightsSource));
        Network network = network(config, layers, source);
        List<String> inputs = inputNames == null ? KerasNetworks.defaultInputs(network.inputs()) : inputNames;
        if (inputs.size() != network.inputs()) {
            throw new PlaygroundException(source + ": " + METADATA + " names " + inputs.size() + " inputs, but "
                    + "the model has " + network.inputs());
        }
        return new Model(inputs, network);
    }

    /** The names of the entries, after refusing names that leave the folder, duplicates and giant entries. */
    private static List<String> checkedEntries(ZipFile zip, String source) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (names.size() >= MAX_ENTRIES) {
                throw new PlaygroundException(source + ": the archive lists more than " + MAX_ENTRIES + " entries; a "
                        + "Keras model has three");
            }
            String unsafe = unsafeName(name);
            if (unsafe != null) {
                throw new PlaygroundException(source + ": the archive holds an entry named " + quote(name) + ", "
                        + unsafe + "; an archive like this one can write files anywhere when unpacked, so it is not "
                        + "opened");
            }
            if (!seen.add(name)) {
                throw new PlaygroundException(source + ": the archive holds two entries named " + quote(name)
                        + "; which one counts is not clear");
            }
            long size = entry.getSize();
            if (size > MAX_ENTRY_BYTES) {
                throw new PlaygroundException(source + ": the entry " + quote(name) + " unpacks to " + size
                        + " bytes, more than the " + MAX_ENTRY_MIB + " MiB an entry may have");
            }
            names.add(name);
        }
        return names;
    }

    /** Why an entry name is unsafe to unpack (a path that is absolute or climbs out of the folder), or null. */
    static String unsafeName(String name) {
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.indexOf('\0') >= 0) {
            return "which holds a NUL character";
        }
        String slashes = name.replace('\\', '/');
        if (slashes.startsWith("/") || (slashes.length() >= 2 && slashes.charAt(1) == ':')) {
            return "an absolute path";
        }
        for (String part : slashes.split("/", -1)) {
            if (part.equals("..")) {
                return "which points outside the folder it would be unpacked into";
            }
        }
        return null;
    }

    private static String quote(String name) {
        return JsonPath.quote(name);
    }

    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "nothing";
        }
        List<String> shown = names.size() > 8 ? names.subList(0, 8) : names;
        StringBuilder sb = new StringBuilder();
        for (String name : shown) {
            sb.append(sb.length() == 0 ? "" : ", ").append(quote(name));
        }
        return names.size() > shown.size() ? sb + " …" : sb.toString();
    }

    /** The text of a JSON entry, UTF-8, at most {@link #MAX_JSON_BYTES}. */
    private static String text(ZipFile zip, ZipEntry entry, String source) throws IOException {
        if (entry.getSize() > MAX_JSON_BYTES) {
            throw new PlaygroundException(source + ": " + entry.getName() + " is " + entry.getSize() + " bytes, more "
                    + "than the " + (MAX_JSON_BYTES >> 20) + " MiB a model description may have");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes(zip, entry, MAX_JSON_BYTES, source))).toString();
        } catch (CharacterCodingException e) {
            throw new PlaygroundException(source + ": " + entry.getName() + " is not UTF-8 text", e);
        }
    }

    /** The content of an entry, read in memory; see {@link #copy}. */
    private static byte[] bytes(ZipFile zip, ZipEntry entry, long limit, String source) throws IOException {
        long declared = entry.getSize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared >= 0 && declared <= limit ? (int) declared : 1 << 16);
        copy(zip, entry, bytes, limit, source);
        return bytes.toByteArray();
    }

    /**
     * Copies an entry, refusing it as soon as it is longer than {@code limit} or than it said (a zip bomb need not
     * tell the truth), and at the end if its checksum is wrong.
     */
    private static void copy(ZipFile zip, ZipEntry entry, OutputStream out, long limit, String source)
            throws IOException {
        long declared = entry.getSize();
        long allowed = declared >= 0 ? Math.min(declared, limit) : limit;
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > allowed) {
                    throw new PlaygroundException(source + ": the entry " + quote(entry.getName()) + " unpacks to "
                            + "more than " + (total > limit ? "the " + MAX_ENTRY_MIB + " MiB an entry may have"
                            : "the " + declared + " bytes it says it has") + "; the archive is damaged or hostile");
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (declared >= 0 && total != declared) {
            throw new PlaygroundException(source + ": the entry " + quote(entry.getName()) + " has " + total
                    + " bytes instead of the " + declared + " it says: the archive is damaged");
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new PlaygroundException(source + ": the entry " + quote(entry.getName()) + " fails its checksum: "
                    + "the archive is damaged");
        }
    }

    /** The input names the playground kept in metadata.json, or null when it kept none. */
    private static List<String> inputNames(String json, String source) {
        JsonNode metadata = KerasConfig.parse(json, source, METADATA);
        if (!metadata.isObject()) {
            throw new PlaygroundException(source + ": " + METADATA + " is not a JSON object");
        }
        JsonNode ours = metadata.get(OUR_KEY);
        if (ours == null || ours.isNull()) {
            return null;
        }
        JsonNode inputs = ours.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw new PlaygroundException(source + ": " + METADATA + ": " + OUR_KEY + ".inputs is not a list of "
                    + "input names");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : inputs) {
            if (!name.isTextual() || name.asText().isBlank() || !JsonValues.isWellFormed(name.asText())) {
                throw new PlaygroundException(source + ": " + METADATA + ": input " + (names.size() + 1) + " has no "
                        + "usable name (" + name + ")");
            }
            if (!seen.add(name.asText())) {
                throw new PlaygroundException(source + ": " + METADATA + ": two inputs are named "
                        + quote(name.asText()));
            }
            names.add(name.asText());
        }
        return names;
    }

    /** The network config.json describes with the weights model.weights.h5 holds, after checking they agree. */
    private static Network network(KerasConfig.Sequential config, List<KerasNetworks.LayerArrays> layers,
            String source) {
        if (config.layers().size() != layers.size()) {
            throw new PlaygroundException(source + ": " + CONFIG + " describes " + config.layers().size()
                    + " Dense layers, but " + WEIGHTS + " holds the weights of " + layers.size());
        }
        List<Activation> activations = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            KerasConfig.Dense dense = config.layers().get(l);
            double[] bias = layers.get(l).bias();
            if (dense.units() != bias.length) {
                throw new PlaygroundException(source + ": layer " + (l + 1) + " ('" + dense.name() + "') has "
                        + dense.units() + " units in " + CONFIG + ", but " + bias.length + " biases in " + WEIGHTS);
            }
            activations.add(dense.activation());
        }
        Integer inputs = config.inputs();
        int kernelRows = layers.get(0).kernel().length;
        if (inputs != null && inputs != kernelRows) {
            throw new PlaygroundException(source + ": " + CONFIG + " says the model takes " + inputs + " inputs, but "
                    + "the first kernel in " + WEIGHTS + " has " + kernelRows + " rows, one per input");
        }
        return KerasNetworks.assemble(layers, activations, source + ": " + WEIGHTS);
    }
}
