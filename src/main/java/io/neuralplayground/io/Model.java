package io.neuralplayground.io;

import io.neuralplayground.engine.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a model file holds: a network, the names of its inputs, and whatever else a writer stored beside them.
 *
 * <p>The network is held as given, not copied: it is mutable, and the file written from this model shows it as
 * it is at the time of writing.
 *
 * @param inputs  the names of the network's input features, in order (feature ids such as {@code x1},
 *                {@code x1sq}, or CSV column names): one per input of the first layer, none empty, no two equal
 * @param network the network
 * @param extras  other top-level fields of the file, in order (a seed, training settings, a loss history …):
 *                values are JSON values as Java objects, {@code null}, String, Boolean, Number, List and Map
 *                with string keys. The copy kept here is unmodifiable and its numbers are normalised to the
 *                types a reader returns (Integer, Long or BigInteger for whole numbers, Double otherwise), so
 *                that a model read back from its file has equal extras. The names of the fields the format
 *                itself defines ({@link #RESERVED}) cannot be used.
 */
public record Model(List<String> inputs, Network network, Map<String, Object> extras) {
    /** Top-level field names the format defines; extras cannot use them. */
    public static final Set<String> RESERVED = Set.of("format", "version", "inputs", "layers");

    public Model {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(extras, "extras");
        inputs = checkedInputs(inputs, network);
        extras = checkedExtras(extras);
    }

    /** A model without extras. */
    public Model(List<String> inputs, Network network) {
        this(inputs, network, Map.of());
    }

    private static List<String> checkedInputs(List<String> inputs, Network network) {
        if (inputs.size() != network.inputs()) {
            throw new IllegalArgumentException(inputs.size() + " input names for a network with "
                    + network.inputs() + " inputs");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("input " + i + " has no name");
            }
            if (!JsonValues.isWellFormed(name)) {
                throw new IllegalArgumentException("the name of input " + i + " is not valid text (a lone UTF-16 "
                        + "surrogate): " + JsonPath.quote(name));
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw new IllegalArgumentException("inputs " + earlier + " and " + i + " are both named "
                        + JsonPath.quote(name));
            }
        }
        return List.copyOf(inputs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> checkedExtras(Map<String, Object> extras) {
        for (String key : extras.keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("\"" + key + "\" is a field of the model format itself, "
                        + "not a name for an extra field");
            }
        }
        return (Map<String, Object>) JsonValues.copy(extras, "");
    }
}
