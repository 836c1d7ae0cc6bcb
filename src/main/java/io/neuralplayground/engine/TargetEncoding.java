package io.neuralplayground.engine;

/**
 * How a label becomes the target the loss compares the network's output with, and when an output counts as
 * correct. Labels are class indices 0 … K−1 for classification (TF Playground's −1 is class 0, +1 is class 1)
 * and plain numbers for regression.
 */
public enum TargetEncoding {
    /** Regression: the target is the label; accuracy is not defined. */
    VALUE,
    /** Two classes in one output, targets −1 and +1 (Playground's, for tanh outputs); correct when the signs agree, 0 counting as +1. */
    SIGNED,
    /** Two classes in one output, targets 0 and 1 (for sigmoid outputs and binary cross-entropy); threshold 0.5. */
    UNIT,
    /** K outputs, one-hot targets; the predicted class is the largest output. */
    ONE_HOT,
    /** K outputs, one target column holding the class index (sparse categorical cross-entropy). */
    CLASS_INDEX;

    /** Examples per forward pass in {@link #predictedClasses}, as many as the trainer measures at once. */
    private static final int PREDICTION_CHUNK = 1024;

    /**
     * The encoding a classification network needs: a class index for the sparse loss, one-hot targets for
     * two or more outputs, and for one output 0/1 targets after a sigmoid or with binary cross-entropy, −1/+1
     * otherwise.
     */
    public static TargetEncoding forClassification(Loss loss, Activation output, int outputUnits) {
        if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            return CLASS_INDEX;
        }
        if (outputUnits > 1) {
            return ONE_HOT;
        }
        return output == Activation.SIGMOID || loss == Loss.BINARY_CROSSENTROPY ? UNIT : SIGNED;
    }

    public boolean hasAccuracy() {
        return this != VALUE;
    }

    /**
     * Number of classes K a network with {@code outputUnits} outputs tells apart: two for one thresholded output
     * ({@link #SIGNED}, {@link #UNIT}), one per output otherwise.
     *
     * @throws IllegalStateException for {@link #VALUE}: regression has no classes
     */
    public int classCount(int outputUnits) {
        return switch (this) {
            case VALUE -> throw new IllegalStateException("regression has no classes");
            case SIGNED, UNIT -> 2;
            case ONE_HOT, CLASS_INDEX -> outputUnits;
        };
    }

    /** Number of target columns for a network with {@code outputUnits} outputs. */
    public int columns(int outputUnits) {
        return this == CLASS_INDEX ? 1 : outputUnits;
    }

    /** The targets of one label, one entry per target column. */
    public double[] encode(double label, int outputUnits) {
        return switch (this) {
            case VALUE -> {
                double[] t = new double[outputUnits];
                java.util.Arrays.fill(t, label);
                yield t;
            }
            case SIGNED -> new double[] {classIndex(label, 2) == 1 ? 1 : -1};
            case UNIT -> new double[] {classIndex(label, 2)};
            case ONE_HOT -> {
                double[] t = new double[outputUnits];
                t[classIndex(label, outputUnits)] = 1;
                yield t;
            }
            case CLASS_INDEX -> new double[] {classIndex(label, outputUnits)};
        };
    }

    /** The predicted class of example r from outputs y (units × m, unit-major). */
    public int predictedClass(double[][] y, int r, int units) {
        return switch (this) {
            case VALUE -> throw new IllegalStateException("regression has no classes");
            case SIGNED -> y[0][r] >= 0 ? 1 : 0;
            case UNIT -> y[0][r] >= 0.5 ? 1 : 0;
            case ONE_HOT, CLASS_INDEX -> {
                int best = 0;
                for (int j = 1; j < units; j++) {
                    if (y[j][r] > y[best][r]) {
                        best = j;
                    }
                }
                yield best;
            }
        };
    }

    /** The true class of example r from its targets t (unit-major). */
    public int targetClass(double[][] t, int r, int units) {
        return switch (this) {
            case VALUE -> throw new IllegalStateException("regression has no classes");
            case SIGNED -> t[0][r] > 0 ? 1 : 0;
            case UNIT -> t[0][r] > 0.5 ? 1 : 0;
            case CLASS_INDEX -> (int) t[0][r];
            case ONE_HOT -> {
                int best = 0;
                for (int j = 1; j < units; j++) {
                    if (t[j][r] > t[best][r]) {
                        best = j;
                    }
                }
                yield best;
            }
        };
    }

    /**
     * The true class of every example of {@code samples}, in their order, by {@link #targetClass}: what a
     * {@link ConfusionMatrix} takes as its rows.
     */
    public int[] trueClasses(Samples samples) {
        double[][] t = samples.targetColumnsArray();
        int[] classes = new int[samples.count()];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = targetClass(t, r, t.length);
        }
        return classes;
    }

    /**
     * The class {@code network} predicts for every example of {@code samples}, in their order, by
     * {@link #predictedClass} (sign, threshold 0.5 or the largest output), the same rule accuracy counts by.
     * Runs forward passes of at most {@value #PREDICTION_CHUNK} examples, so a large set needs no buffers its size.
     */
    public int[] predictedClasses(Network network, Samples samples) {
        if (this == VALUE) {
            throw new IllegalStateException("regression has no classes");
        }
        int n = samples.count();
        int[] classes = new int[n];
        if (n == 0) {
            return classes;
        }
        int chunk = Math.min(n, PREDICTION_CHUNK);
        ForwardPass pass = new ForwardPass(chunk);
        // A set that fits one pass is read in place, as Trainer.measure does; a larger one is sliced into buffers.
        boolean whole = n == chunk;
        double[][] x = whole ? samples.inputColumns() : new double[network.inputs()][chunk];
        double[][] targets = whole ? null : new double[samples.targetColumns()][chunk];
        int units = network.outputs();
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            if (!whole) {
                samples.slice(from, m, x, targets);
            }
            double[][][] h = pass.run(network, x, m);
            double[][] y = h[h.length - 1];
            for (int r = 0; r < m; r++) {
                classes[from + r] = predictedClass(y, r, units);
            }
        }
        return classes;
    }

    /** How many of the m examples are classified correctly. */
    public int correctCount(double[][] y, double[][] t, int units, int m) {
        int correct = 0;
        for (int r = 0; r < m; r++) {
            if (predictedClass(y, r, units) == targetClass(t, r, units)) {
                correct++;
            }
        }
        return correct;
    }

    private static int classIndex(double label, int classes) {
        int k = (int) label;
        if (k != label || k < 0 || k >= classes) {
            throw new IllegalArgumentException("label " + label + " is not one of the " + classes + " class indices");
        }
        return k;
    }
}
