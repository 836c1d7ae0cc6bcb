package io.neuralplayground.tune;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One assignment of a search space: the active hyperparameters only, in the space's order, each with its value (see
 * {@link Values} for the types). Inactive hyperparameters are absent, not null. Serializable: the values are text,
 * booleans and numbers, held in an unmodifiable {@link LinkedHashMap}, all serializable themselves.
 */
public final class Parameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> values;

    public Parameters(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, Values.normalize(v)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** The values in the space's order, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @throws NoSuchElementException if {@code name} is not active in this assignment */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("hyperparameter " + Values.show(name) + " is not active in " + this
                    + " (check has(name) for a conditional one)");
        }
        return v;
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** Same names in the same order with the same values, numbers compared by value. */
    public boolean sameAs(Parameters other) {
        if (!values.keySet().stream().toList().equals(other.values.keySet().stream().toList())) {
            return false;
        }
        return values.entrySet().stream().allMatch(e -> Values.same(e.getValue(), other.values.get(e.getKey())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(Values.show(v)));
        return sb.append('}').toString();
    }
}
