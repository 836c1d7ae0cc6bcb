package io.neuralplayground.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A {@code .keras} file as Keras saves a model with a {@code Dropout} layer after its first Dense layer: the
 * playground's own export with the layer added to {@code config.json} (Dropout has no weights, so the weights file
 * stays as it is).
 */
public final class KerasDropout {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasDropout() {
    }

    /** Copies {@code keras} to {@code out} with {@code Dropout(rate=0.25, name="dropout")} after the first Dense. */
    public static Path write(Path keras, Path out) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(keras); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        ObjectNode config = (ObjectNode) JSON.readTree(entries.get("config.json"));
        ArrayNode layers = (ArrayNode) config.path("config").path("layers");
        int firstDense = 0;
        while (!layers.get(firstDense).path("class_name").asText().equals("Dense")) {
            firstDense++;
        }
        ObjectNode dropout = JSON.createObjectNode();
        dropout.put("module", "keras.layers");
        dropout.put("class_name", "Dropout");
        ObjectNode c = dropout.putObject("config");
        c.put("name", "dropout");
        c.put("trainable", true);
        c.put("rate", 0.25);
        c.putNull("seed");
        c.putArray("noise_shape");
        dropout.putNull("registered_name");
        layers.insert(firstDense + 1, dropout);
        entries.put("config.json", JSON.writeValueAsString(config).getBytes(StandardCharsets.UTF_8));
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }
}
