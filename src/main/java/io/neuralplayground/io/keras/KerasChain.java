package io.neuralplayground.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.io.ModelLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Keras model config (Keras 3's {@code config.json}, Keras 2's {@code model_config}) read as what the playground
 * can open of it: a chain of Dense layers. Accepted, besides the Dense layers:
 * <ul>
 *   <li>a {@code Sequential} model, or a {@code Functional} one that is a straight chain ({@link
 *       KerasFunctionalChain});</li>
 *   <li>an {@code InputLayer} first, of any fixed shape; an input of more than one axis (an image's (28, 28)) must
 *       go through a {@code Flatten} before the first Dense layer, and becomes that many inputs (784), row by row
 *       as Keras flattens;</li>
 *   <li>{@code Dense(use_bias=False)}: its biases are zero;</li>
 *   <li>an {@code Activation} layer after a Dense layer with the linear activation: it becomes that layer's
 *       activation ({@code Activation("linear")} changes nothing anywhere);</li>
 *   <li>{@code Dropout}: it does nothing when a model predicts, and is left out.</li>
 * </ul>
 * Every other layer is refused with its name and kind. What was left out or folded in is said in notes, one per
 * layer, for the user.
 */
final class KerasChain {
    private KerasChain() {
    }

    /**
     * A Dense layer of the chain.
     *
     * @param useBias false for Keras' {@code use_bias=False}: the file holds a kernel only
     */
    record Dense(String name, int units, Activation activation, boolean useBias) {
    }

    /**
     * What a model config says.
     *
     * @param inputs the number of inputs, flattened (784 for (28, 28)); null when the config does not say
     * @param layers the Dense layers in order, with the activations folded into them
     * @param notes  what was left out or folded in, a sentence each
     */
    record Chain(Integer inputs, List<Dense> layers, List<String> notes) {
    }

    /**
     * Reads the chain of Dense layers {@code json} describes.
     *
     * @param where the config in messages ("config.json", "the model_config")
     * @throws PlaygroundException for a model that is not such a chain, naming the layer and its kind
     */
    static Chain read(String json, String source, String where) {
        JsonNode root = KerasConfig.parse(json, source, where);
        String prefix = source + ": " + where;
        if (!root.isObject()) {
            throw new PlaygroundException(prefix + " is not a Keras model description (a JSON object)");
        }
        String className = root.path("class_name").asText(null);
        JsonNode config = root.get("config");
        List<JsonNode> layers = new ArrayList<>();
        if ("Sequential".equals(className)) {
            // Keras 2.0 to 2.2 wrote the list of layers as the config itself.
            JsonNode list = config != null && config.isArray() ? config : config == null ? null : config.get("layers");
            if (list == null || !list.isArray()) {
                throw new PlaygroundException(prefix + ": the Sequential model has no list of layers (config.layers)");
            }
            list.forEach(layers::add);
        } else if ("Functional".equals(className) || "Model".equals(className)) {
            // tf.keras before 2.4 called a Functional model "Model".
            layers = KerasFunctionalChain.layers(config, prefix);
        } else {
            throw new PlaygroundException(prefix + " describes " + (className == null ? "no Keras model"
                    : "a " + className + " model") + "; only Sequential models and Functional chains of Dense layers "
                    + "can be opened");
        }
        return new Walk(prefix).walk(layers);
    }

    /** One pass over the layers in order, following the shape of the data through them. */
    private static final class Walk {
        private final String prefix;
        private final List<Dense> dense = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** The shape of one example (no batch axis) where the walk is, or null while unknown. */
        private List<Integer> shape;
        private Integer inputs;

        Walk(String prefix) {
            this.prefix = prefix;
        }

        Chain walk(List<JsonNode> layers) {
            for (int k = 0; k < layers.size(); k++) {
                JsonNode layer = layers.get(k);
                String kind = layer.path("class_name").asText(null);
                JsonNode c = layer.get("config");
                String at = prefix + ": layer " + (k + 1) + " of " + layers.size();
                if (kind == null || c == null || !c.isObject()) {
                    throw new PlaygroundException(at + " is not a Keras layer (class_name and config)");
                }
                String name = c.path("name").asText("");
                String where = name.isEmpty() ? at + " (" + kind + ")" : at + " ('" + name + "', " + kind + ")";
                String called = "'" + (name.isEmpty() ? "layer " + (k + 1) : name) + "' (" + kind;
                if (k == 0 && !kind.equals("InputLayer")) {
                    // Keras 2 put the input shape on the first layer when there was no InputLayer.
                    shape = shape(c, where, false);
                    inputs = shape == null ? null : size(shape, where);
                }
                switch (kind) {
                    case "InputLayer" -> input(k, c, where);
                    case "Dense" -> dense(c, name, where, called);
                    case "Activation" -> activation(c, where, called);
                    case "Dropout" -> notes.add(called + ", rate " + c.path("rate").asText("?") + ") is left out: "
                            + "Keras drops inputs only while it trains, and passes them on unchanged when it predicts");
                    case "Flatten" -> flatten(c, where, called);
                    default -> throw new PlaygroundException(where + " is a " + kind + " layer, which the playground "
                            + "does not have; it opens chains of Dense layers (with an InputLayer, Flatten, Dropout and "
                            + "Activation layers)");
                }
            }
            if (dense.isEmpty()) {
                throw new PlaygroundException(prefix + ": the model has no Dense layer");
            }
            return new Chain(inputs, List.copyOf(dense), List.copyOf(notes));
        }

        private void input(int k, JsonNode c, String where) {
            if (k != 0) {
                throw new PlaygroundException(where + " is an InputLayer after other layers");
            }
            shape = shape(c, where, true);
            inputs = size(shape, where);
        }

        private void dense(JsonNode c, String name, String where, String called) {
            if (shape != null && shape.size() != 1) {
                throw new PlaygroundException(where + " gets inputs of shape " + shown(shape) + "; Keras applies a "
                        + "Dense layer to the last axis alone, which is no chain of Dense layers: a Flatten layer "
                        + "before it makes one");
            }
            JsonNode units = c.get("units");
            if (units == null || !units.canConvertToExactIntegral() || units.asLong() < 1
                    || units.asLong() > ModelLimits.MAX_WIDTH) {
                throw new PlaygroundException(where + ": units is " + units + "; a Dense layer needs 1 to "
                        + ModelLimits.MAX_WIDTH + " units");
            }
            JsonNode useBias = c.get("use_bias");
            boolean bias = useBias == null || useBias.isNull() || useBias.asBoolean(true);
            if (!bias) {
                notes.add(called + ") has no bias (use_bias=False): its biases are 0, and train from there");
            }
            dense.add(new Dense(name, units.asInt(), KerasChain.activation(c.get("activation"), where), bias));
            shape = List.of(units.asInt());
        }

        private void activation(JsonNode c, String where, String called) {
            Activation activation = KerasChain.activation(c.get("activation"), where);
            if (activation == Activation.LINEAR) {
                notes.add(called + ", linear) is left out: it changes nothing");
                return;
            }
            if (dense.isEmpty()) {
                throw new PlaygroundException(where + " (" + activation.kerasName() + ") comes before any Dense layer; "
                        + "the playground's inputs go straight into a Dense layer, so it can only be folded into the "
                        + "Dense layer before it");
            }
            Dense last = dense.get(dense.size() - 1);
            if (last.activation() != Activation.LINEAR) {
                throw new PlaygroundException(where + " (" + activation.kerasName() + ") follows the Dense layer '"
                        + last.name() + "', which has the activation " + last.activation().kerasName() + " already: "
                        + "two activations in a row are not one Dense layer (only one with the linear activation can "
                        + "take an Activation layer in)");
            }
            dense.set(dense.size() - 1, new Dense(last.name(), last.units(), activation, last.useBias()));
            notes.add(called + ", " + activation.kerasName() + ") is folded into the Dense layer '" + last.name()
                    + "' before it, which becomes " + activation.kerasName());
        }

        private void flatten(JsonNode c, String where, String called) {
            if (shape == null || shape.size() == 1) {
                return; // flat already (or the input's shape is not known): nothing changes
            }
            if ("channels_first".equals(c.path("data_format").asText(null))) {
                throw new PlaygroundException(where + " has data_format channels_first: it moves the first axis "
                        + "last before flattening inputs of shape " + shown(shape) + ", which the playground does not "
                        + "do; only channels_last (Keras' default) can be opened");
            }
            int size = size(shape, where);
            notes.add(called + ") turns inputs of shape " + shown(shape) + " into " + size + " inputs, row by row "
                    + "as Keras flattens them");
            shape = List.of(size);
        }

        /**
         * The shape of one example an InputLayer (or a Keras 2 first layer) gives: {@code batch_shape} or
         * {@code batch_input_shape} without its batch axis; every axis of known size. Null when there is none and
         * none is {@code required}.
         */
        private static List<Integer> shape(JsonNode config, String where, boolean required) {
            JsonNode shape = config.has("batch_shape") ? config.get("batch_shape") : config.get("batch_input_shape");
            if (shape == null || shape.isNull()) {
                if (required) {
                    throw new PlaygroundException(where + " has no batch_shape");
                }
                return null;
            }
            List<Integer> dims = new ArrayList<>();
            boolean known = shape.isArray() && shape.size() >= 2;
            for (int d = 1; known && d < shape.size(); d++) {
                JsonNode dim = shape.get(d);
                known = dim.canConvertToExactIntegral() && dim.asLong() >= 1 && dim.asLong() <= ModelLimits.MAX_WIDTH;
                dims.add(dim.asInt());
            }
            if (!known) {
                throw new PlaygroundException(where + " takes inputs of shape " + shape + "; only inputs of a known "
                        + "shape [null, n] (or [null, 28, 28] and the like, with a Flatten layer) can be opened");
            }
            return List.copyOf(dims);
        }

        /** How many numbers an example of {@code shape} holds, at most {@link ModelLimits#MAX_WIDTH}. */
        private static int size(List<Integer> shape, String where) {
            long size = 1;
            for (int dim : shape) {
                size *= dim;
                if (size > ModelLimits.MAX_WIDTH) {
                    throw new PlaygroundException(where + ": inputs of shape " + shown(shape) + " are more than the "
                            + ModelLimits.MAX_WIDTH + " inputs a layer may have");
                }
            }
            return (int) size;
        }

        /** A shape as Python writes a tuple: (28, 28), (7,). */
        private static String shown(List<Integer> shape) {
            StringBuilder sb = new StringBuilder("(");
            for (int d = 0; d < shape.size(); d++) {
                sb.append(d == 0 ? "" : ", ").append(shape.get(d));
            }
            return sb.append(shape.size() == 1 ? ",)" : ")").toString();
        }
    }

    /** An activation as Keras writes it into a config: a name, or Keras 3's object for a function. */
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
