package io.neuralplayground.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Node;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.JsonPath;
import io.neuralplayground.io.JsonValues;
import io.neuralplayground.io.files.Hdf5Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of a model's inputs in the Keras files, where Keras has no place for them: the playground keeps them
 * as {@code {"inputs": ["x1", "x2"]}} under the key {@value #KEY}, which Keras neither writes nor reads; in a
 * {@code .keras} archive as a field of metadata.json, in an HDF5 file ({@code .weights.h5}, {@code .h5}) as a root
 * attribute holding that JSON text. A file without them (one Keras wrote) has inputs named x1, x2, …
 *
 * <p>In HDF5 files the attribute is written only for names that are not x1, x2, …: a file of the playground's
 * default names stays exactly as Keras lays it out.
 */
final class KerasInputNames {
    /** The key of what the playground keeps in Keras files. */
    static final String KEY = "neural_playground";
    /** The longest attribute of names written: jhdf cannot write an attribute much longer into an HDF5 header. */
    static final int MAX_ATTRIBUTE_BYTES = KerasLegacyH5.MAX_ATTRIBUTE_BYTES;

    private KerasInputNames() {
    }

    /** {@code {"inputs": [names…]}}. */
    static ObjectNode json(List<String> inputs) {
        ObjectNode ours = JsonNodeFactory.instance.objectNode();
        ArrayNode names = ours.putArray("inputs");
        inputs.forEach(names::add);
        return ours;
    }

    /**
     * Puts the root attribute {@value #KEY} with the names into an HDF5 file, unless they are x1, x2, … .
     *
     * @throws PlaygroundException naming {@code file} when the names are too long for an attribute
     */
    static void put(WritableHdfFile hdf, List<String> inputs, Path file) {
        String text = attribute(inputs, file);
        if (text != null) {
            hdf.putAttribute(KEY, text);
        }
    }

    /**
     * The text of the attribute {@link #put} writes, or null for x1, x2, … (checked before a file is written).
     *
     * @throws PlaygroundException naming {@code file} when the names are too long for an attribute
     */
    static String attribute(List<String> inputs, Path file) {
        if (inputs.equals(KerasNetworks.defaultInputs(inputs.size()))) {
            return null;
        }
        String text = KerasConfig.write(json(inputs));
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ATTRIBUTE_BYTES) {
            throw new PlaygroundException("Cannot save " + file + ": the names of the " + inputs.size() + " inputs "
                    + "take " + bytes + " bytes, more than the " + MAX_ATTRIBUTE_BYTES + " an attribute of this HDF5 "
                    + "file can hold; save it as a Keras model (.keras), which keeps them in metadata.json");
        }
        return text;
    }

    /**
     * The names an HDF5 file's root attribute {@value #KEY} keeps, or x1, x2, … for a file without it; one per input
     * of the network read.
     */
    static List<String> fromAttribute(Node root, int count, String source) {
        String text = Hdf5Files.text(root, KEY, source);
        String where = "the attribute '" + KEY + "'";
        List<String> names = text == null ? null : read(KerasConfig.parse(text, source, where), source, where);
        return orDefault(names, count, source, where);
    }

    /**
     * The names in {@code ours} ({@code {"inputs": […]}}), or null when it is missing or null: the file keeps none.
     *
     * @param where where {@code ours} is, for messages ("metadata.json: neural_playground")
     */
    static List<String> read(JsonNode ours, String source, String where) {
        if (ours == null || ours.isNull()) {
            return null;
        }
        JsonNode inputs = ours.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw new PlaygroundException(source + ": " + where + ": inputs is not a list of input names");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : inputs) {
            if (!name.isTextual() || name.asText().isBlank() || !JsonValues.isWellFormed(name.asText())) {
                throw new PlaygroundException(source + ": " + where + ": input " + (names.size() + 1) + " has no "
                        + "usable name (" + name + ")");
            }
            String control = io.neuralplayground.data.InputNames.controlCharacterProblem(name.asText());
            if (control != null) {
                throw new PlaygroundException(source + ": " + where + ": input " + (names.size() + 1) + ", "
                        + JsonPath.quote(name.asText()) + ", " + control);
            }
            if (!seen.add(name.asText())) {
                throw new PlaygroundException(source + ": " + where + ": two inputs are named "
                        + JsonPath.quote(name.asText()));
            }
            names.add(name.asText());
        }
        return names;
    }

    /** {@code names}, or x1, x2, … when null; refused when they are not one per input of the network. */
    static List<String> orDefault(List<String> names, int count, String source, String where) {
        if (names == null) {
            return KerasNetworks.defaultInputs(count);
        }
        if (names.size() != count) {
            throw new PlaygroundException(source + ": " + where + " names " + names.size() + " inputs, but the model "
                    + "has " + count);
        }
        return names;
    }
}
