package io.neuralplayground.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of a list of values (text, numbers or booleans), in the order listed; the order is the grid's order and the
 * index a categorical kernel counts.
 */
public record Choice(String name, List<Object> values, Condition condition) implements Hyperparameter {
    public Choice {
        Hyperparameter.requireName(name);
        if (values == null || values.isEmpty()) {
            throw SearchSpaceException.about(name, "a choice lists no values: give it at least one in \"values\"");
        }
        List<Object> copy = new ArrayList<>();
        for (Object v : values) {
            Object value;
            try {
                value = Values.normalize(v);
            } catch (IllegalArgumentException e) {
                throw SearchSpaceException.about(name, e.getMessage());
            }
            for (Object earlier : copy) {
                if (Values.same(earlier, value)) {
                    throw SearchSpaceException.about(name, "the value " + Values.show(value)
                            + " is listed twice; list each value once");
                }
            }
            copy.add(value);
        }
        values = Collections.unmodifiableList(copy);
        condition = condition == null ? Condition.ALWAYS : condition;
    }

    /** The position of {@code value} in the list, or -1. */
    public int indexOf(Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (Values.same(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean admits(Object value) {
        return indexOf(value) >= 0;
    }

    @Override
    public Choice onlyWhen(Condition when) {
        return new Choice(name, values, when);
    }

    @Override
    public long size() {
        return values.size();
    }

    @Override
    public String describe() {
        return "a choice of " + values.stream().map(Values::show).collect(Collectors.joining(", "));
    }
}
