package io.neuralplayground.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an objective returns: the value of the search's metric, the metrics of each epoch (the learning curve the
 * summary and the charts show), and the epochs it ran (fewer than asked if it stopped early).
 *
 * @param history one map of metric name to value per epoch run, in order
 */
public record Evaluation(double value, List<Map<String, Double>> history, int epochsRun) {
    public Evaluation {
        history = history.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
        if (epochsRun < 0) {
            throw new IllegalArgumentException("epochs run cannot be negative: " + epochsRun);
        }
    }

    /** A value with no learning curve (a function, not a training run). */
    public static Evaluation of(double value) {
        return new Evaluation(value, List.of(), 0);
    }

    /** A value and the metrics of each epoch run. */
    public static Evaluation of(double value, List<Map<String, Double>> history) {
        return new Evaluation(value, history, history.size());
    }
}
