package io.neuralplayground.tune;

import io.neuralplayground.PlaygroundException;
import java.util.Locale;
import java.util.Set;

/**
 * What a search optimizes: a metric the objective reports and whether lower or higher is better. As in KerasTuner,
 * the direction follows from the name when it is a known one: losses and errors are minimized ({@code val_loss},
 * {@code mse}), accuracies and the like maximized ({@code val_accuracy}, {@code auc}).
 */
public record Goal(String metric, Direction direction) {
    private static final Set<String> HIGHER_IS_BETTER =
            Set.of("accuracy", "acc", "auc", "precision", "recall", "f1", "f1_score", "r2");
    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "error", "mse", "mae", "rmse", "mape",
            "crossentropy", "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy");

    public Goal {
        if (metric == null || metric.isBlank()) {
            throw new PlaygroundException("the objective names no metric: write, say, \"objective\": \"val_loss\"");
        }
        if (direction == null) {
            throw new PlaygroundException("the objective " + Values.show(metric) + " has no direction");
        }
    }

    /**
     * The goal for a metric whose name says its direction.
     *
     * @throws PlaygroundException for a name that does not, saying to give a direction
     */
    public static Goal of(String metric) {
        String base = metric == null ? "" : metric.toLowerCase(Locale.ROOT).replaceFirst("^(val|train|test)_", "");
        if (HIGHER_IS_BETTER.contains(base) || base.endsWith("accuracy")) {
            return new Goal(metric, Direction.MAXIMIZE);
        }
        if (LOWER_IS_BETTER.contains(base) || base.endsWith("loss") || base.endsWith("error")) {
            return new Goal(metric, Direction.MINIMIZE);
        }
        if (metric == null || metric.isBlank()) {
            return new Goal(metric, Direction.MINIMIZE); // the constructor says what is missing
        }
        throw new PlaygroundException("the objective " + Values.show(metric) + " is not a metric whose direction is "
                + "known: add \"direction\": \"minimize\" or \"maximize\"");
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean isBetter(double a, double b) {
        return direction.compare(a, b) < 0;
    }

    /** Lower or higher is better. */
    public enum Direction {
        MINIMIZE, MAXIMIZE;

        /** Negative when {@code a} is better than {@code b}, as a comparator that puts the best first. */
        public int compare(double a, double b) {
            return this == MINIMIZE ? Double.compare(a, b) : Double.compare(b, a);
        }

        /** The word files use: "minimize" or "maximize". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @throws PlaygroundException for a word other than minimize, maximize, min or max
         */
        public static Direction parse(String word) {
            return switch (word == null ? "" : word.toLowerCase(Locale.ROOT)) {
                case "minimize", "min" -> MINIMIZE;
                case "maximize", "max" -> MAXIMIZE;
                default -> throw new PlaygroundException("direction " + Values.show(String.valueOf(word))
                        + " is neither \"minimize\" nor \"maximize\"");
            };
        }
    }
}
