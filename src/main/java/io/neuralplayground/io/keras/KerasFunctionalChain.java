package io.neuralplayground.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of a Keras Functional model's config in the order data flows through them, for a model that is a
 * straight chain: one InputLayer, every other layer called once on the output of exactly one layer, no layer's
 * output used twice, the last layer the model's output. Anything that branches or joins is refused, naming the
 * layer where it does.
 *
 * <p>A Functional config lists its layers, each with its {@code name} and {@code inbound_nodes}: one node per call
 * of the layer, naming the layers whose outputs the call takes. Keras 3 writes a node as
 * {@code {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["dense", 0, 0], …}}],
 * "kwargs": {}}}; tf.keras 2 as a list of {@code ["dense", 0, 0, {}]}. Both are read.
 */
final class KerasFunctionalChain {
    private static final String INPUT_LAYER = "InputLayer";

    private KerasFunctionalChain() {
    }

    /**
     * The layers of {@code config} (the {@code config} of a Functional model) from the InputLayer to the output.
     *
     * @param prefix the file and the config, for messages ("m.keras: config.json")
     * @throws PlaygroundException for a model that is not a straight chain, or a config not as Keras writes it
     */
    static List<JsonNode> layers(JsonNode config, String prefix) {
        JsonNode list = config == null ? null : config.get("layers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new PlaygroundException(prefix + ": the Functional model has no list of layers (config.layers)");
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode layer : list) {
            String name = name(layer);
            if (name == null) {
                throw new PlaygroundException(prefix + ": a layer of the Functional model has no name");
            }
            if (byName.put(name, layer) != null) {
                throw new PlaygroundException(prefix + ": two layers are named " + JsonPath.quote(name));
            }
        }
        String input = null;
        Map<String, List<String>> takers = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : byName.entrySet()) {
            String name = e.getKey();
            JsonNode layer = e.getValue();
            String kind = layer.path("class_name").asText("?");
            List<List<String>> calls = calls(layer.get("inbound_nodes"), prefix, name);
            if (kind.equals(INPUT_LAYER)) {
                if (input != null) {
                    throw new PlaygroundException(prefix + ": the model has two inputs ('" + input + "' and '" + name
                            + "'); only a chain from one input can be opened");
                }
                input = name;
                continue;
            }
            String where = prefix + ": layer '" + name + "' (" + kind + ")";
            if (calls.size() != 1) {
                throw new PlaygroundException(where + " is called " + calls.size() + " times; in a chain of layers "
                        + "each is called once (a shared layer, or one never called, is no chain)");
            }
            List<String> from = calls.get(0);
            if (from.size() != 1) {
                throw new PlaygroundException(where + " takes " + from.size() + " inputs " + quoted(from) + ": the "
                        + "model joins branches; only a straight chain of layers can be opened");
            }
            if (!byName.containsKey(from.get(0))) {
                throw new PlaygroundException(where + " takes the output of '" + from.get(0) + "', which is not a "
                        + "layer of the model");
            }
            takers.computeIfAbsent(from.get(0), k -> new ArrayList<>()).add(name);
        }
        if (input == null) {
            throw new PlaygroundException(prefix + ": the Functional model has no InputLayer");
        }
        List<JsonNode> chain = new ArrayList<>();
        for (String at = input; at != null; ) {
            chain.add(byName.get(at));
            List<String> next = takers.getOrDefault(at, List.of());
            if (next.size() > 1) {
                throw new PlaygroundException(prefix + ": the output of layer '" + at + "' goes to " + next.size()
                        + " layers " + quoted(next) + ": the model branches; only a straight chain of layers can be "
                        + "opened");
            }
            at = next.isEmpty() ? null : next.get(0);
        }
        if (chain.size() != byName.size()) {
            List<String> off = new ArrayList<>(byName.keySet());
            chain.forEach(layer -> off.remove(name(layer)));
            throw new PlaygroundException(prefix + ": the layers " + quoted(off) + " are not on the chain from the "
                    + "input '" + input + "'; only a straight chain of layers can be opened");
        }
        checkEnds(config, "input_layers", input, prefix);
        checkEnds(config, "output_layers", name(chain.get(chain.size() - 1)), prefix);
        return chain;
    }

    /** A layer's name: Keras writes it beside class_name and again in its config. */
    private static String name(JsonNode layer) {
        String name = layer.path("name").asText(null);
        if (name == null || name.isEmpty()) {
            name = layer.path("config").path("name").asText(null);
        }
        return name == null || name.isEmpty() ? null : name;
    }

    /** For each call of a layer (each of its inbound nodes), the names of the layers whose outputs it takes. */
    private static List<List<String>> calls(JsonNode nodes, String prefix, String layer) {
        List<List<String>> calls = new ArrayList<>();
        if (nodes == null || nodes.isNull()) {
            return calls;
        }
        if (!nodes.isArray()) {
            throw new PlaygroundException(prefix + ": the inbound_nodes of layer '" + layer + "' are not a list");
        }
        for (JsonNode node : nodes) {
            List<String> from = new ArrayList<>();
            if (node.isArray()) {
                // tf.keras 2: [["dense", 0, 0, {}], …], one entry per tensor taken
                for (JsonNode tensor : node) {
                    if (!tensor.isArray() || tensor.isEmpty() || !tensor.get(0).isTextual()) {
                        throw new PlaygroundException(prefix + ": an inbound node of layer '" + layer + "' is not as "
                                + "Keras writes it (" + KerasConfig.write(node) + ")");
                    }
                    from.add(tensor.get(0).asText());
                }
            } else {
                // Keras 3: {"args": […], "kwargs": {…}}, the tensors anywhere in them
                collectHistories(node, from);
            }
            calls.add(from);
        }
        return calls;
    }

    /** The layer names of every Keras tensor ({@code keras_history: [name, node, index]}) below {@code node}. */
    private static void collectHistories(JsonNode node, List<String> names) {
        if (node.isObject()) {
            JsonNode history = node.get("keras_history");
            if (history != null && history.isArray() && !history.isEmpty() && history.get(0).isTextual()) {
                names.add(history.get(0).asText());
                return;
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectHistories(child, names));
        }
    }

    /**
     * Checks that {@code input_layers} or {@code output_layers} names exactly {@code expected}: {@code [["name", 0,
     * 0]]} or, for a model called on a single tensor rather than a list, {@code ["name", 0, 0]}.
     */
    private static void checkEnds(JsonNode config, String key, String expected, String prefix) {
        JsonNode ends = config.get(key);
        if (ends == null || ends.isNull()) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (ends.isArray() && !ends.isEmpty() && ends.get(0).isTextual()) {
            names.add(ends.get(0).asText());
        } else if (ends.isArray()) {
            for (JsonNode end : ends) {
                names.add(end.isArray() && !end.isEmpty() ? end.get(0).asText("?") : "?");
            }
        }
        if (!names.equals(List.of(expected))) {
            throw new PlaygroundException(prefix + ": the model's " + key.replace('_', ' ') + " are " + quoted(names)
                    + ", but its chain of layers " + (key.startsWith("input") ? "starts" : "ends") + " at '" + expected
                    + "'; only a chain from one input to one output can be opened");
        }
    }

    private static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder("(");
        List<String> shown = names.size() > 8 ? names.subList(0, 8) : names;
        for (String name : shown) {
            sb.append(sb.length() == 1 ? "" : ", ").append(JsonPath.quote(name));
        }
        return sb.append(names.size() > shown.size() ? " …)" : ")").toString();
    }
}
