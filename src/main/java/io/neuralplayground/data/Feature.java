package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Collectors;

/** The seven input features TF Playground offers, each a function of a point's coordinates (x₁, x₂). */
public enum Feature {
    /** x₁. */
    X1("x1", "X₁", (x1, x2) -> x1),
    /** x₂. */
    X2("x2", "X₂", (x1, x2) -> x2),
    /** x₁². */
    X1_SQUARED("x1sq", "X₁²", (x1, x2) -> x1 * x1),
    /** x₂². */
    X2_SQUARED("x2sq", "X₂²", (x1, x2) -> x2 * x2),
    /** x₁·x₂. */
    X1_TIMES_X2("x1x2", "X₁X₂", (x1, x2) -> x1 * x2),
    /** sin x₁. */
    SIN_X1("sinx1", "sin(X₁)", (x1, x2) -> Math.sin(x1)),
    /** sin x₂. */
    SIN_X2("sinx2", "sin(X₂)", (x1, x2) -> Math.sin(x2));

    /** The word that {@link #parseList(String)} reads as all seven features. */
    public static final String ALL = "all";

    private final String id;
    private final String label;
    private final DoubleBinaryOperator function;

    Feature(String id, String label, DoubleBinaryOperator function) {
        this.id = id;
        this.label = label;
        this.function = function;
    }

    /** The name used on the command line and in files: "x1", "x1sq", "sinx1" … */
    public String id() {
        return id;
    }

    /** The name shown to the user: "X₁", "X₁²", "sin(X₁)" … */
    public String label() {
        return label;
    }

    /**
     * How an input named {@code name} is shown to the user: a feature's {@link #label()} ("x1sq" is "X₁²"), any
     * other name (a model file's or a CSV's) as it is. Files keep the ids; the window shows labels everywhere.
     */
    public static String labelOf(String name) {
        Feature f = find(name);
        return f == null ? name : f.label;
    }

    /** The feature's value at the point (x₁, x₂). */
    public double apply(double x1, double x2) {
        return function.applyAsDouble(x1, x2);
    }

    /** The feature whose {@link #id()} is {@code name}, ignoring case and surrounding spaces. */
    public static Feature byName(String name) {
        Feature f = find(name);
        if (f == null) {
            throw new IllegalArgumentException("Unknown feature '" + name + "': choose from " + knownNames());
        }
        return f;
    }

    /** The feature whose id is {@code name} (ignoring case and spaces), or null. */
    static Feature find(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Feature f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        return null;
    }

    /** The ids of all features, comma-separated, for messages and help texts. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Feature::id).collect(Collectors.joining(", "));
    }

    /**
     * Features from user text: a comma-separated list of ids ("x1, x2, sinx1") or "all" (the seven, in the order
     * above).
     *
     * @throws PlaygroundException for an empty list, an empty entry, an unknown name or a name given twice
     */
    public static List<Feature> parseList(String text) {
        List<String> names = splitList(text);
        if (names.size() == 1 && names.get(0).equalsIgnoreCase(ALL)) {
            return List.of(values());
        }
        if (names.isEmpty()) {
            throw new PlaygroundException("No input features given: list some of " + knownNames()
                    + ", separated by commas, or write '" + ALL + "'");
        }
        List<Feature> features = new ArrayList<>();
        for (String name : names) {
            Feature f = find(name);
            if (f == null) {
                throw new PlaygroundException("Unknown feature '" + name + "' in '" + text
                        + "': choose from " + knownNames() + ", or write '" + ALL + "'");
            }
            if (features.contains(f)) {
                throw new PlaygroundException("Feature '" + f.id + "' is listed twice in '" + text
                        + "': list each feature once");
            }
            features.add(f);
        }
        return List.copyOf(features);
    }

    /**
     * The names in a comma-separated list, trimmed; none for empty or blank text.
     *
     * @throws PlaygroundException for an empty entry
     */
    static List<String> splitList(String text) {
        String trimmed = text == null ? "" : text.trim();
        List<String> names = new ArrayList<>();
        if (!trimmed.isEmpty()) {
            for (String part : trimmed.split(",", -1)) {
                if (part.isBlank()) {
                    throw new PlaygroundException("Feature list '" + text
                            + "' has an empty entry: separate feature names by single commas");
                }
                names.add(part.trim());
            }
        }
        return names;
    }
}
