package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The network's input features, in input order, each either a raw column of the dataset or one of TF Playground's
 * derived features ({@link Feature#X1_SQUARED x1sq}, x2sq, x1x2, sinx1, sinx2) computed from the columns named
 * "x1" and "x2".
 *
 * <p>A set is resolved against one dataset but refers to columns by name, so it applies to any dataset with those
 * columns (the training and test parts of a split, a reloaded file).
 */
public final class FeatureSet {
    private static final String X1 = Feature.X1.id();
    private static final String X2 = Feature.X2.id();

    /** One input: a raw column, or a Playground feature of the columns x1 and x2. */
    private sealed interface Input permits Raw, Derived {
        String name();

        String label();

        /** The Playground feature this input is at a point (x₁, x₂) of the plane, or null if it is none. */
        Feature onPlane();
    }

    private record Raw(String name) implements Input {
        @Override
        public String label() {
            Feature f = Feature.find(name);
            // Playground's own columns get Playground's labels (X₁); a CSV's columns keep their names.
            return f != null && f.id().equals(name) ? f.label() : name;
        }

        @Override
        public Feature onPlane() {
            return name.equals(X1) ? Feature.X1 : name.equals(X2) ? Feature.X2 : null;
        }
    }

    private record Derived(Feature feature) implements Input {
        @Override
        public String name() {
            return feature.id();
        }

        @Override
        public String label() {
            return feature.label();
        }

        @Override
        public Feature onPlane() {
            return feature;
        }
    }

    private final List<Input> inputs;
    /** Each input as a Playground feature of (x₁, x₂); null unless every input is one. */
    private final Feature[] onPlane;

    private FeatureSet(List<Input> inputs) {
        this.inputs = List.copyOf(inputs);
        Feature[] features = this.inputs.stream().map(Input::onPlane).toArray(Feature[]::new);
        this.onPlane = Arrays.asList(features).contains(null) ? null : features;
    }

    /**
     * The features named {@code names}, in that order, or {@link #allFor(Dataset)} for the single name "all". A name
     * is, in this order of preference: a raw column's exact name; a raw column's name up to case (if only one column
     * matches); a Playground feature id when {@code data} has columns x1 and x2.
     *
     * @throws PlaygroundException for no names, an unknown name (the message lists what is available), a derived
     *     feature on data without x1 and x2, or a feature named twice
     */
    public static FeatureSet resolve(Dataset data, List<String> names) {
        if (names.size() == 1 && names.get(0) != null && names.get(0).trim().equalsIgnoreCase(Feature.ALL)) {
            return allFor(data);
        }
        if (names.isEmpty()) {
            throw new PlaygroundException("No input features chosen for " + data.name() + ": choose some of "
                    + NameLists.forMessage(available(data)));
        }
        List<Input> inputs = new ArrayList<>();
        // A set, so that choosing every column of a wide file does not compare each with all before it.
        Set<Input> chosen = new HashSet<>();
        for (String name : names) {
            Input input = resolveOne(data, name);
            if (!chosen.add(input)) {
                throw new PlaygroundException("Input feature '" + input.name()
                        + "' is chosen twice: choose each feature once");
            }
            inputs.add(input);
        }
        return new FeatureSet(inputs);
    }

    /**
     * The features in user text: names separated by commas, or "all" for {@link #allFor(Dataset)}.
     *
     * @throws PlaygroundException as {@link #resolve(Dataset, List)}, and for an empty entry
     */
    public static FeatureSet resolve(Dataset data, String commaSeparated) {
        return resolve(data, Feature.splitList(commaSeparated));
    }

    /** Playground features (e.g. from {@link Feature#parseList(String)}) on a dataset with columns x1 and x2. */
    public static FeatureSet of(Dataset data, List<Feature> features) {
        return resolve(data, features.stream().map(Feature::id).toList());
    }

    /** x1, x2 for data with those columns (Playground's default), otherwise every raw column. */
    public static FeatureSet defaultFor(Dataset data) {
        if (hasX1X2(data)) {
            return new FeatureSet(List.of(new Raw(X1), new Raw(X2)));
        }
        return rawColumns(data);
    }

    /** Every raw column, then, for data with columns x1 and x2, the five derived Playground features. */
    public static FeatureSet allFor(Dataset data) {
        List<Input> inputs = new ArrayList<>(rawColumns(data).inputs);
        if (hasX1X2(data)) {
            for (Feature f : Feature.values()) {
                if (f != Feature.X1 && f != Feature.X2) {
                    inputs.add(new Derived(f));
                }
            }
        }
        return new FeatureSet(inputs);
    }

    /** The names {@link #resolve(Dataset, List)} accepts for {@code data}, canonical spelling. */
    public static List<String> available(Dataset data) {
        List<String> names = new ArrayList<>(data.columnNames());
        if (hasX1X2(data)) {
            for (Feature f : Feature.values()) {
                if (!names.contains(f.id())) {
                    names.add(f.id());
                }
            }
        }
        return Collections.unmodifiableList(names);
    }

    private static FeatureSet rawColumns(Dataset data) {
        return new FeatureSet(data.columnNames().stream().<Input>map(Raw::new).toList());
    }

    private static boolean hasX1X2(Dataset data) {
        return data.hasColumn(X1) && data.hasColumn(X2);
    }

    private static Input resolveOne(Dataset data, String name) {
        String trimmed = name == null ? "" : name.trim();
        int column = data.findColumn(trimmed);
        if (column >= 0) {
            return new Raw(data.columnNames().get(column));
        }
        Feature f = Feature.find(trimmed);
        if (f != null) {
            if (!hasX1X2(data)) {
                throw new PlaygroundException("Input feature '" + trimmed + "' is computed from columns named x1 and x2, "
                        + "which " + data.name() + " does not have: choose from its columns "
                        + data.columnList());
            }
            return f == Feature.X1 || f == Feature.X2 ? new Raw(f.id()) : new Derived(f);
        }
        throw new PlaygroundException("Unknown input feature '" + trimmed + "' for " + data.name()
                + ": choose from " + NameLists.forMessage(available(data)));
    }

    /** The features' names in input order: column names and Playground ids ("x1", "sinx1", "age" …). */
    public List<String> names() {
        return inputs.stream().map(Input::name).toList();
    }

    /** The features' names for display: "X₁", "sin(X₁)" for Playground features, column names otherwise. */
    public List<String> labels() {
        return inputs.stream().map(Input::label).toList();
    }

    /** Number of features, the width of the network's input. */
    public int size() {
        return inputs.size();
    }

    /**
     * The feature values of every example of {@code data}: {@code rows[r][f]} is feature f of example r.
     *
     * @throws PlaygroundException if {@code data} lacks a column this set needs
     */
    public double[][] rows(Dataset data) {
        int x1 = data.columnIndex(X1);
        int x2 = data.columnIndex(X2);
        int[] columns = new int[inputs.size()];
        for (int f = 0; f < inputs.size(); f++) {
            Input input = inputs.get(f);
            if (input instanceof Raw raw) {
                columns[f] = requireColumn(data, raw.name(), input);
            } else {
                requireColumn(data, X1, input);
                requireColumn(data, X2, input);
            }
        }
        double[][] out = new double[data.size()][inputs.size()];
        for (int r = 0; r < data.size(); r++) {
            for (int f = 0; f < inputs.size(); f++) {
                out[r][f] = inputs.get(f) instanceof Derived d
                        ? d.feature().apply(data.value(r, x1), data.value(r, x2))
                        : data.value(r, columns[f]);
            }
        }
        return out;
    }

    private static int requireColumn(Dataset data, String column, Input input) {
        int c = data.columnIndex(column);
        if (c < 0) {
            throw new PlaygroundException(data.name() + " has no column '" + column + "', which input feature '"
                    + input.name() + "' needs: its columns are " + data.columnList());
        }
        return c;
    }

    /** True if every feature is x1, x2 or a Playground feature of them, so {@link #valuesAt} can compute it. */
    public boolean isFunctionOfX1X2() {
        return onPlane != null;
    }

    /**
     * The feature values at the point (x₁, x₂), for drawing the network's output over the plane.
     *
     * @throws IllegalStateException unless {@link #isFunctionOfX1X2()}
     */
    public double[] valuesAt(double x1, double x2) {
        double[] out = new double[inputs.size()];
        valuesAt(x1, x2, out);
        return out;
    }

    /** {@link #valuesAt(double, double)} into {@code out}, which a heatmap reuses for every pixel. */
    public void valuesAt(double x1, double x2, double[] out) {
        if (onPlane == null) {
            Input input = inputs.stream().filter(i -> i.onPlane() == null).findFirst().orElseThrow();
            throw new IllegalStateException("feature '" + input.name() + "' is not a function of x1 and x2");
        }
        for (int f = 0; f < onPlane.length; f++) {
            out[f] = onPlane[f].apply(x1, x2);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSet other && inputs.equals(other.inputs);
    }

    @Override
    public int hashCode() {
        return inputs.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", names());
    }
}
