package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Examples to learn from: named raw input columns, one row of doubles per example, and one label per example.
 * Immutable: arrays are copied in and out.
 *
 * <p>For {@link Task#CLASSIFICATION} a label is a class index 0 … K−1 and {@link #classNames()} holds the K names
 * in index order; TF Playground's −1 is class 0 named "-1" and its +1 is class 1 named "+1", so that
 * {@link io.neuralplayground.engine.TargetEncoding#SIGNED} turns them back into −1/+1 targets. For
 * {@link Task#REGRESSION} a label is the number to fit and there are no classes.
 */
public final class Dataset {
    /** Class names of every Playground classification dataset: index 0 is Playground's −1, index 1 its +1. */
    public static final List<String> PLAYGROUND_CLASSES = List.of("-1", "+1");

    /** Column names of every Playground dataset. */
    public static final List<String> PLAYGROUND_COLUMNS = List.of("x1", "x2");

    /**
     * Tolerance on N·ratio before rounding down, so that a percentage entered as 0.29 gives 29 of 100 examples
     * (100·0.29 is 28.999999999999996 in floating point), as Playground's integer percentages do.
     */
    private static final double SPLIT_EPSILON = 1e-9;

    /** A class name that is a whole number. */
    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("[+-]?\\d+");

    private final String name;
    private final List<String> columnNames;
    /**
     * Each column's index by its name. Looking names up in the list would cost a pass over the columns per name,
     * and features are resolved by name, so a file of many columns would take time quadratic in their number.
     */
    private final Map<String, Integer> columnIndices;
    private final double[][] rows;
    private final double[] labels;
    private final Task task;
    private final List<String> classNames;

    private Dataset(String name, List<String> columnNames, double[][] rows, double[] labels, Task task,
            List<String> classNames) {
        this.name = name;
        this.columnNames = columnNames;
        this.columnIndices = indices(columnNames);
        this.rows = rows;
        this.labels = labels;
        this.task = task;
        this.classNames = classNames;
    }

    private static Map<String, Integer> indices(List<String> columnNames) {
        Map<String, Integer> indices = new HashMap<>();
        for (int c = 0; c < columnNames.size(); c++) {
            if (indices.putIfAbsent(columnNames.get(c), c) != null) {
                throw new IllegalArgumentException("duplicate column name: " + columnNames.get(c));
            }
        }
        return indices;
    }

    /**
     * A classification dataset.
     *
     * @param rows {@code rows[r][c]} is column c of example r; every row as wide as {@code columnNames}
     * @param classIndices example r's class, 0 … classNames.size()−1
     * @throws IllegalArgumentException if the parts do not fit together (a programming error, not a user's)
     */
    public static Dataset classification(String name, List<String> columnNames, double[][] rows, int[] classIndices,
            List<String> classNames) {
        List<String> classes = List.copyOf(classNames);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a classification dataset needs at least one class");
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("duplicate class names: " + classes);
        }
        double[] labels = new double[classIndices.length];
        for (int r = 0; r < classIndices.length; r++) {
            int k = classIndices[r];
            if (k < 0 || k >= classes.size()) {
                throw new IllegalArgumentException("class index " + k + " of row " + r + " is not one of the "
                        + classes.size() + " classes");
            }
            labels[r] = k;
        }
        return create(name, columnNames, rows, labels, Task.CLASSIFICATION, classes);
    }

    /**
     * A regression dataset.
     *
     * @param values example r's target value, finite
     * @throws IllegalArgumentException if the parts do not fit together or a value is not finite
     */
    public static Dataset regression(String name, List<String> columnNames, double[][] rows, double[] values) {
        for (int r = 0; r < values.length; r++) {
            if (!Double.isFinite(values[r])) {
                throw new IllegalArgumentException("label of row " + r + " is not finite: " + values[r]);
            }
        }
        return create(name, columnNames, rows, values.clone(), Task.REGRESSION, List.of());
    }

    /**
     * A playground dataset with its default number of classes: columns "x1", "x2"; for the two-class kinds,
     * classes "-1" (index 0) and "+1" (index 1). Named like "Circle, 500 points, noise 25%".
     *
     * @throws PlaygroundException if the count or the noise is out of range (see
     *     {@link PlaygroundDataset#generate(int, double, Rng)})
     */
    public static Dataset playground(PlaygroundDataset kind, int numSamples, double noise, Rng rng) {
        return playground(kind, numSamples, noise, kind.defaultClasses(), rng);
    }

    /**
     * A playground dataset of {@code classes} classes: for the many-class kinds classes "0" … "k−1", named like
     * "Blobs, 4 classes, 500 points, noise 25%"; otherwise as {@link #playground(PlaygroundDataset, int, double,
     * Rng)}.
     *
     * @throws PlaygroundException if the count, the noise or the number of classes is out of range (see
     *     {@link PlaygroundDataset#generate(int, double, int, Rng)})
     */
    public static Dataset playground(PlaygroundDataset kind, int numSamples, double noise, int classes, Rng rng) {
        List<Point> points = kind.generate(numSamples, noise, classes, rng);
        String classPart = kind.isManyClass() ? classes + " classes, " : "";
        String name = String.format(Locale.ROOT, "%s, %s%d points, noise %s%%", kind.displayName(), classPart,
                points.size(), formatPercent(noise));
        return ofPoints(name, points, kind.isManyClass() ? indexClassNames(classes)
                : kind.isClassification() ? PLAYGROUND_CLASSES : List.of());
    }

    /** The class names "0" … "k−1" of a many-class playground dataset. */
    public static List<String> indexClassNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            names.add(Integer.toString(k));
        }
        return List.copyOf(names);
    }

    /**
     * Points of the plane as examples with columns "x1" and "x2". With two class names, a point whose label is
     * above 0 is of class 1 and any other of class 0 (Playground's +1 and −1); with more, a point's label is its
     * class index; with none, the labels are values to fit.
     *
     * @throws IllegalArgumentException as {@link #classification} and {@link #regression}, and when a label is not
     *     a class index of more than two classes
     */
    public static Dataset ofPoints(String name, List<Point> points, List<String> classNames) {
        int n = points.size();
        double[][] rows = new double[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = new double[] {points.get(r).x1(), points.get(r).x2()};
        }
        if (!classNames.isEmpty()) {
            boolean signed = classNames.size() <= 2;
            int[] classes = new int[n];
            for (int r = 0; r < n; r++) {
                double label = points.get(r).label();
                if (!signed && label != Math.rint(label)) {
                    throw new IllegalArgumentException("label " + label + " of point " + r + " is not a class index");
                }
                classes[r] = signed ? (label > 0 ? 1 : 0) : (int) label;
            }
            return classification(name, PLAYGROUND_COLUMNS, rows, classes, classNames);
        }
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
            values[r] = points.get(r).label();
        }
        return regression(name, PLAYGROUND_COLUMNS, rows, values);
    }

    private static String formatPercent(double noise) {
        double percent = noise * 100;
        return percent == Math.rint(percent) ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%.2f", percent);
    }

    private static Dataset create(String name, List<String> columnNames, double[][] rows, double[] labels, Task task,
            List<String> classNames) {
        List<String> columns = List.copyOf(columnNames);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one column");
        }
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values for "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < columns.size(); c++) {
                if (!Double.isFinite(rows[r][c])) {
                    throw new IllegalArgumentException("value of row " + r + ", column " + columns.get(c)
                            + " is not finite: " + rows[r][c]);
                }
            }
            copy[r] = rows[r].clone();
        }
        return new Dataset(name == null ? "" : name, columns, copy, labels, task, classNames);
    }

    /** A human-readable name: the file name, or the Playground dataset with its size and noise. */
    public String name() {
        return name;
    }

    /** The raw input columns' names, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    public int columnCount() {
        return columnNames.size();
    }

    /** Index of the column named exactly {@code column}, or −1 if there is none. */
    public int columnIndex(String column) {
        return columnIndices.getOrDefault(column, -1);
    }

    public boolean hasColumn(String column) {
        return columnIndices.containsKey(column);
    }

    /**
     * How users name a column: the index of the column named exactly {@code wanted}, otherwise of the only one
     * named so up to case; −1 if there is none, or several up to case.
     */
    int findColumn(String wanted) {
        int exact = columnIndex(wanted);
        return exact >= 0 ? exact : findColumn(columnNames, wanted);
    }

    /**
     * How users name a column: the index of the column named exactly {@code wanted}, otherwise of the only one
     * named so up to case; −1 if there is none, or several up to case.
     */
    static int findColumn(List<String> columns, String wanted) {
        int exact = columns.indexOf(wanted);
        if (exact >= 0) {
            return exact;
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        int found = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).toLowerCase(Locale.ROOT).equals(lower)) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }

    /** Number of examples. */
    public int size() {
        return rows.length;
    }

    public boolean isEmpty() {
        return rows.length == 0;
    }

    public Task task() {
        return task;
    }

    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }

    /**
     * Whether every class is named by a whole number ("0", "-1", "+1"): labels that were numbers, for which the
     * lecture's loss is the sparse categorical cross-entropy. True for regression (no class names).
     */
    public boolean hasNumberedClasses() {
        return classNames.stream().allMatch(n -> NUMBERED.matcher(n).matches());
    }

    /** Class names in class-index order; empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of classes K; 0 for regression. */
    public int classCount() {
        return classNames.size();
    }

    /** Column c of example r. */
    public double value(int r, int c) {
        return rows[r][c];
    }

    /** Example r's raw inputs, as a new array. */
    public double[] row(int r) {
        return rows[r].clone();
    }

    /** Example r's label: its class index for classification, its value for regression. */
    public double label(int r) {
        return labels[r];
    }

    /** Example r's class index; only for classification. */
    public int classIndex(int r) {
        if (task != Task.CLASSIFICATION) {
            throw new IllegalStateException("a regression dataset has no classes");
        }
        return (int) labels[r];
    }

    /** All labels, as a new array. */
    public double[] labels() {
        return labels.clone();
    }

    /** The examples at {@code indices}, in that order, under a new name; columns, task and classes are kept. */
    public Dataset select(int[] indices, String newName) {
        double[][] picked = new double[indices.length][];
        double[] pickedLabels = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            // Rows are never changed once in a dataset, so datasets can share them.
            picked[i] = rows[indices[i]];
            pickedLabels[i] = labels[indices[i]];
        }
        return new Dataset(newName, columnNames, picked, pickedLabels, task, classNames);
    }

    /**
     * These examples followed by those of {@code more}, under a new name.
     *
     * @throws IllegalArgumentException unless both have the same columns, task and classes
     */
    public Dataset concat(Dataset more, String newName) {
        if (!columnNames.equals(more.columnNames) || task != more.task || !classNames.equals(more.classNames)) {
            throw new IllegalArgumentException("cannot join " + this + " and " + more
                    + ": columns, task and classes differ");
        }
        double[][] joined = Arrays.copyOf(rows, rows.length + more.rows.length);
        System.arraycopy(more.rows, 0, joined, rows.length, more.rows.length);
        double[] joinedLabels = Arrays.copyOf(labels, labels.length + more.labels.length);
        System.arraycopy(more.labels, 0, joinedLabels, labels.length, more.labels.length);
        return new Dataset(newName, columnNames, joined, joinedLabels, task, classNames);
    }

    /**
     * Playground's split: shuffle the examples once (Fisher–Yates, {@link Rng#shuffle(int[])}), then the first
     * ⌊N·trainRatio⌋ are the training set and the rest the test set. Both keep the shuffled order.
     *
     * @param trainRatio the training fraction, in (0, 1]; Playground offers 0.1 … 0.9, 1 leaves the test set empty
     * @throws PlaygroundException if the ratio is out of range or leaves no training example
     */
    public Split split(double trainRatio, Rng rng) {
        if (!(trainRatio > 0 && trainRatio <= 1)) {
            throw new PlaygroundException("Training ratio " + trainRatio
                    + " is out of range: choose a fraction above 0 and at most 1 (for example 0.5 for 50 %)");
        }
        int n = rows.length;
        int trainSize = (int) Math.floor(n * trainRatio + SPLIT_EPSILON);
        if (trainSize == 0) {
            throw new PlaygroundException("A training ratio of " + trainRatio + " leaves none of the " + n
                    + " examples of " + name + " for training: raise the ratio or use more examples");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
        int[] train = Arrays.copyOfRange(order, 0, trainSize);
        int[] test = Arrays.copyOfRange(order, trainSize, n);
        return new Split(select(train, name + " (training)"), select(test, name + " (test)"));
    }

    /** Each class's number of examples, by class index; only for classification. */
    public int[] classCounts() {
        if (task != Task.CLASSIFICATION) {
            throw new IllegalStateException("a regression dataset has no classes");
        }
        int[] counts = new int[classNames.size()];
        for (double label : labels) {
            counts[(int) label]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return name + " [" + size() + " × " + columnNames + ", " + task.name().toLowerCase(Locale.ROOT)
                + (task == Task.CLASSIFICATION ? " " + classNames : "") + "]";
    }

    /** For messages: the column names, comma-separated (the first few of many). */
    String columnList() {
        return NameLists.forMessage(columnNames);
    }
}
