package io.neuralplayground.io.keras;

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
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;

/**
 * The JSON description of a Sequential model of Dense layers, as Keras serializes it: Keras 3's
 * {@code config.json} (in a {@code .keras} archive) and Keras 2's {@code model_config} (an attribute of a
 * {@code .h5} file); and JSON parsed with messages for the user. What a config read says is {@link KerasChain}'s.
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
}
