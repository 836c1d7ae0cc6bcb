package io.neuralplayground.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When a hyperparameter is active: {@code "when": {"layers": [2, 3]}} makes it active only when the hyperparameter
 * {@code layers} is active and takes 2 or 3. Several parents must all hold. A parent comes before its children in the
 * space, so that a sampler assigning hyperparameters in order always knows whether the next one is active.
 *
 * @param requirements each parent's name and the values for which the child is active, in the order written
 */
public record Condition(Map<String, List<Object>> requirements) {
    /** No condition: always active. */
    public static final Condition ALWAYS = new Condition(Map.of());

    public Condition {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : requirements.entrySet()) {
            List<Object> values = new ArrayList<>();
            for (Object v : e.getValue()) {
                values.add(Values.normalize(v));
            }
            if (values.isEmpty()) {
                throw new SearchSpaceException("a condition on " + Values.show(e.getKey())
                        + " lists no values: list the values for which the hyperparameter is active");
            }
            copy.put(e.getKey(), Collections.unmodifiableList(values));
        }
        requirements = Collections.unmodifiableMap(copy);
    }

    /** Active only when {@code parent} takes one of {@code values}. */
    public static Condition of(String parent, Object... values) {
        return new Condition(Map.of(parent, List.of(values)));
    }

    /** This condition and, in addition, {@code parent} taking one of {@code values}. */
    public Condition and(String parent, Object... values) {
        Map<String, List<Object>> more = new LinkedHashMap<>(requirements);
        more.put(parent, List.of(values));
        return new Condition(more);
    }

    public boolean isAlways() {
        return requirements.isEmpty();
    }

    /** Whether the condition holds for the hyperparameters assigned so far (inactive ones are absent). */
    public boolean holdsFor(Map<String, Object> assigned) {
        for (Map.Entry<String, List<Object>> e : requirements.entrySet()) {
            Object value = assigned.get(e.getKey());
            if (value == null || e.getValue().stream().noneMatch(v -> Values.same(v, value))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return requirements.entrySet().stream()
                .map(e -> e.getKey() + " in " + e.getValue().stream().map(Values::show)
                        .collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(" and "));
    }
}
