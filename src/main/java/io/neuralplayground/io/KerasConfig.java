package io.neuralplayground.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON description of a Sequential model of Dense layers, as Keras serializes it: Keras 3's
 * {@code config.json} (in a {@code .keras} archive) and Keras 2's {@code model_config} (an attribute of a
 * {@code .h5} file); and the reading of either.
 *
 * <p>Written with Python's {@code json.dumps} layout ({@code ", "} and {@code ": "}, non-ASCII escaped) and the
 * keys in Keras' order, so that a file written here reads like one Keras wrote.
 */
final class KerasConfig {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = JsonMapper.builder()
            // Python's json module writes NaN and Infinity (allow_nan=True): read them, to refuse them with a reason.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private static final ObjectWriter PYTHON_LAYOUT = JSON.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("", ""))
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    private KerasConfig() {
    }

    /**
     * Keras 3's {@code config.json} for {@code network}: a {@code Sequential} named "sequential" of an
     * {@code InputLayer} and one {@code Dense} layer per layer, named dense, dense_1, …, float32, built.
     */
    static String keras3(Network network) {
        ObjectNode config = NODES.objectNode();
        config.put("name", "sequential");
        config.put("trainable", true);
        config.set("dtype", dtypePolicy());
        ArrayNode layers = config.putArray("layers");

        ObjectNode input = layers.addObject();
        input.put("module", "keras.layers");
        input.put("class_name", "InputLayer");
        ObjectNode inputConfig = input.putObject("config");
        inputConfig.set("batch_shape", batchShape(network.inputs()));
        inputConfig.put("dtype", "float32");
        inputConfig.put("sparse", false);
        inputConfig.put("ragged", false);
        inputConfig.put("name", "input_layer");
        inputConfig.put("optional", false);
        input.putNull("registered_name");

        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            ObjectNode dense = layers.addObject();
            dense.put("module", "keras.layers");
            dense.put("class_name", "Dense");
            ObjectNode c = dense.putObject("config");
            c.put("name", KerasNetworks.layerName(l));
            c.put("trainable", true);
            c.set("dtype", dtypePolicy());
            c.put("units", layer.units());
            c.put("activation", layer.activation().kerasName());
            c.put("use_bias", true);
            c.set("kernel_initializer", keras3Object("keras.initializers", "GlorotUniform", seedConfig()));
            c.set("bias_initializer", keras3Object("keras.initializers", "Zeros", NODES.objectNode()));
            c.putNull("kernel_regularizer");
            c.putNull("bias_regularizer");
            c.putNull("kernel_constraint");
            c.putNull("bias_constraint");
            dense.putNull("registered_name");
            dense.putObject("build_config").set("input_shape", batchShape(layer.inputs()));
        }
        config.set("build_input_shape", batchShape(network.inputs()));

        ObjectNode model = NODES.objectNode();
        model.put("module", "keras");
        model.put("class_name", "Sequential");
        model.set("config", config);
        model.putNull("registered_name");
        model.putObject("build_config").set("input_shape", batchShape(network.inputs()));
        return write(model);
    }

    /**
     * Keras 2's {@code model_config} for {@code network}, as tf.keras 2.x (up to 2.12) writes it into a
     * {@code .h5} model: {@code class_name} and {@code config} only, plain dtype strings, the input layer named
     * after the first layer ("dense_input") with a {@code batch_input_shape}.
     */
    static String keras2(Network network) {
        ObjectNode config = NODES.objectNode();
        config.put("name", "sequential");
        ArrayNode layers = config.putArray("layers");

        ObjectNode input = layers.addObject();
        input.put("class_name", "InputLayer");
        ObjectNode inputConfig = input.putObject("config");
        inputConfig.set("batch_input_shape", batchShape(network.inputs()));
        inputConfig.put("dtype", "float32");
        inputConfig.put("sparse", false);
        inputConfig.put("ragged", false);
        inputConfig.put("name", KerasNetworks.layerName(0) + "_input");

        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            ObjectNode dense = layers.addObject();
            dense.put("class_name", "Dense");
            ObjectNode c = dense.putObject("config");
            c.put("name", KerasNetworks.layerName(l));
            c.put("trainable", true);
            c.put("dtype", "float32");
            c.put("units", layer.units());
            c.put("activation", layer.activation().kerasName());
            c.put("use_bias", true);
            c.set("kernel_initializer", keras2Object("GlorotUniform", seedConfig()));
            c.set("bias_initializer", keras2Object("Zeros", NODES.objectNode()));
            c.putNull("kernel_regularizer");
            c.putNull("bias_regularizer");
            c.putNull("activity_regularizer");
            c.putNull("kernel_constraint");
            c.putNull("bias_constraint");
        }
        ObjectNode model = NODES.objectNode();
        model.put("class_name", "Sequential");
        model.set("config", config);
        return write(model);
    }

    private static ObjectNode dtypePolicy() {
        ObjectNode config = NODES.objectNode();
        config.put("name", "float32");
        return keras3Object("keras", "DTypePolicy", config);
    }

    private static ObjectNode seedConfig() {
        ObjectNode config = NODES.objectNode();
        config.putNull("seed");
        return config;
    }

    private static ObjectNode keras3Object(String module, String className, ObjectNode config) {
        ObjectNode object = NODES.objectNode();
        object.put("module", module);
        object.put("class_name", className);
        object.set("config", config);
        object.putNull("registered_name");
        return object;
    }

    private static ObjectNode keras2Object(String className, ObjectNode config) {
        ObjectNode object = NODES.objectNode();
        object.put("class_name", className);
        object.set("config", config);
        return object;
    }

    private static ArrayNode batchShape(int features) {
        ArrayNode shape = NODES.arrayNode();
        shape.addNull();
        shape.add(features);
        return shape;
    }

    /** {@code value} as Python's {@code json.dumps} would write it. */
    static String write(JsonNode value) {
        try {
            return PYTHON_LAYOUT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Parses JSON text; {@code where} names it in messages ("config.json"). */
    static JsonNode parse(String json, String source, String where) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new PlaygroundException(source + ": " + where + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new PlaygroundException(source + ": " + where + " is not valid JSON" + location + " ("
                    + e.getOriginalMessage() + ")", e);
        }
    }

    /** A Dense layer as a config describes it. */
    record Dense(String name, int units, Activation activation) {
    }

    /**
     * What a model config says: the number of inputs (null when it does not say), and the Dense layers in order.
     */
    record Sequential(Integer inputs, List<Dense> layers) {
    }

    /**
     * Reads a Sequential model of Dense layers from a Keras 3 {@code config.json} or a Keras 2 {@code model_config}
     * (either form of each: layers under {@code config.layers}, or, as Keras 2.0–2.2 wrote, {@code config} itself
     * the list). An {@code InputLayer} may come first; every other layer must be Dense, with a bias and an
     * activation the playground has.
     */
    static Sequential readSequential(String json, String source, String where) {
        JsonNode root = parse(json, source, where);
        String prefix = source + ": " + where;
        if (!root.isObject()) {
            throw new PlaygroundException(prefix + " is not a Keras model description (a JSON object)");
        }
        String className = root.path("class_name").asText(null);
        if (!"Sequential".equals(className)) {
            throw new PlaygroundException(prefix + " describes " + (className == null ? "no Keras model"
                    : "a " + className + " model") + "; only Sequential models of Dense layers can be opened");
        }
        JsonNode config = root.get("config");
        JsonNode layers = config != null && config.isArray() ? config : config == null ? null : config.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new PlaygroundException(prefix + ": the Sequential model has no list of layers (config.layers)");
        }
        Integer inputs = null;
        List<Dense> dense = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            JsonNode layer = layers.get(k);
            String layerWhere = prefix + ": layer " + (k + 1) + " of " + layers.size();
            String kind = layer.path("class_name").asText(null);
            JsonNode c = layer.get("config");
            if (kind == null || c == null || !c.isObject()) {
                throw new PlaygroundException(layerWhere + " is not a Keras layer (class_name and config)");
            }
            String name = c.path("name").asText("");
            if (!name.isEmpty()) {
                layerWhere += " ('" + name + "')";
            }
            if (kind.equals("InputLayer")) {
                if (k != 0) {
                    throw new PlaygroundException(layerWhere + " is an InputLayer after other layers");
                }
                inputs = inputCount(c, layerWhere, true);
            } else if (kind.equals("Dense")) {
                if (dense.isEmpty() && inputs == null) {
                    // Keras 2 put the input shape on the first layer when there was no InputLayer.
                    inputs = inputCount(c, layerWhere, false);
                }
                dense.add(dense(c, name, layerWhere));
            } else {
                throw new PlaygroundException(layerWhere + " is a " + kind + " layer; only Dense layers (after an "
                        + "optional InputLayer) can be opened");
            }
        }
        if (dense.isEmpty()) {
            throw new PlaygroundException(prefix + ": the model has no Dense layer");
        }
        return new Sequential(inputs, dense);
    }

    private static Integer inputCount(JsonNode config, String where, boolean required) {
        JsonNode shape = config.has("batch_shape") ? config.get("batch_shape") : config.get("batch_input_shape");
        if (shape == null || shape.isNull()) {
            if (required) {
                throw new PlaygroundException(where + " has no batch_shape");
            }
            return null;
        }
        if (!shape.isArray() || shape.size() != 2 || !shape.get(1).canConvertToExactIntegral()
                || shape.get(1).asLong() < 1 || shape.get(1).asLong() > ModelFile.MAX_WIDTH) {
            throw new PlaygroundException(where + " takes inputs of shape " + shape + "; only flat inputs "
                    + "[null, n] with 1 ≤ n ≤ " + ModelFile.MAX_WIDTH + " can be opened");
        }
        return shape.get(1).asInt();
    }

    private static Dense dense(JsonNode config, String name, String where) {
        JsonNode units = config.get("units");
        if (units == null || !units.canConvertToExactIntegral() || units.asLong() < 1
                || units.asLong() > ModelFile.MAX_WIDTH) {
            throw new PlaygroundException(where + ": units is " + units + "; a Dense layer needs 1 to "
                    + ModelFile.MAX_WIDTH + " units");
        }
        JsonNode useBias = config.get("use_bias");
        if (useBias != null && !useBias.asBoolean(true)) {
            throw new PlaygroundException(where + " has no bias (use_bias is false); the playground's layers "
                    + "always have one");
        }
        return new Dense(name, units.asInt(), activation(config.get("activation"), where));
    }

    private static Activation activation(JsonNode node, String where) {
        String name;
        if (node == null || node.isNull()) {
            name = "linear"; // Keras' default: no activation
        } else if (node.isTextual()) {
            name = node.asText();
        } else if (node.isObject() && node.path("config").isTextual()) {
            // Keras 3's form for a function: {"module": "keras.activations", "class_name": "function",
            // "config": "relu", "registered_name": "relu"}
            name = node.get("config").asText();
        } else {
            throw new PlaygroundException(where + " has the activation " + node + ", which the playground does not "
                    + "have (known: " + Activation.knownNames() + ")");
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Activation activation : Activation.values()) {
            if (activation.kerasName().equals(wanted)) {
                return activation;
            }
        }
        throw new PlaygroundException(where + " has the activation '" + name + "', which the playground does not "
                + "have (known: " + Activation.knownNames() + ")");
    }
}
