package io.neuralplayground.tune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hyperparameters a search chooses, in order. The order matters: samplers assign them one after the other, so a
 * conditional hyperparameter comes after every parent it names, and the grid's first hyperparameter is its outermost
 * loop.
 */
public final class SearchSpace {
    private final List<Hyperparameter> hyperparameters;
    private final Map<String, Integer> indexByName = new HashMap<>();

    /**
     * @throws SearchSpaceException naming the hyperparameter, for an empty space, a name used twice, or a condition
     *     on a hyperparameter that is unknown, comes later, or never takes the listed value
     */
    public SearchSpace(List<? extends Hyperparameter> hyperparameters) {
        this.hyperparameters = List.copyOf(hyperparameters);
        if (this.hyperparameters.isEmpty()) {
            throw new SearchSpaceException("the search space has no hyperparameters: list at least one");
        }
        for (int i = 0; i < this.hyperparameters.size(); i++) {
            Hyperparameter h = this.hyperparameters.get(i);
            if (indexByName.containsKey(h.name())) {
                throw new SearchSpaceException("hyperparameter " + Values.show(h.name()) + " is defined twice "
                        + "(entries " + (indexByName.get(h.name()) + 1) + " and " + (i + 1)
                        + "); give each a name of its own", i);
            }
            checkCondition(h, i);
            indexByName.put(h.name(), i);
        }
    }

    public static SearchSpace of(Hyperparameter... hyperparameters) {
        return new SearchSpace(List.of(hyperparameters));
    }

    private void checkCondition(Hyperparameter h, int index) {
        for (Map.Entry<String, List<Object>> e : h.condition().requirements().entrySet()) {
            String parent = e.getKey();
            Integer at = indexByName.get(parent);
            if (at == null) {
                boolean later = hyperparameters.stream().anyMatch(o -> o.name().equals(parent));
                throw new SearchSpaceException("hyperparameter " + Values.show(h.name()) + " depends on "
                        + Values.show(parent) + (later
                        ? ", which comes after it: put a parent before the hyperparameters that depend on it"
                        : ", which is not in the search space"), index);
            }
            Hyperparameter p = hyperparameters.get(at);
            for (Object v : e.getValue()) {
                if (!p.admits(v)) {
                    throw new SearchSpaceException("hyperparameter " + Values.show(h.name()) + " is active when "
                            + Values.show(parent) + " is " + Values.show(v) + ", a value " + Values.show(parent)
                            + " (" + p.describe() + ") never takes", index);
                }
            }
        }
    }

    public List<Hyperparameter> hyperparameters() {
        return hyperparameters;
    }

    public int size() {
        return hyperparameters.size();
    }

    public Optional<Hyperparameter> get(String name) {
        Integer i = indexByName.get(name);
        return i == null ? Optional.empty() : Optional.of(hyperparameters.get(i));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && s.hyperparameters.equals(hyperparameters);
    }

    @Override
    public int hashCode() {
        return hyperparameters.hashCode();
    }

    @Override
    public String toString() {
        return hyperparameters.toString();
    }
}
