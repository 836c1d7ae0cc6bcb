package io.neuralplayground.engine;

/**
 * Examples as the engine consumes them: inputs and targets stored unit-major (feature f of example r at
 * {@code x[f][r]}, target column c of example r at {@code t[c][r]}) so that whole columns feed the first layer's
 * vectorised loops. Immutable once built.
 */
public final class Samples {
    private final int count;
    private final double[][] x;
    private final double[][] t;

    private Samples(int count, double[][] x, double[][] t) {
        this.count = count;
        this.x = x;
        this.t = t;
    }

    /** From rows: {@code inputs[r]} and {@code targets[r]} are example r's features and targets (copied). */
    public static Samples ofRows(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + targets.length + " target rows");
        }
        int n = inputs.length;
        int features = n == 0 ? 0 : inputs[0].length;
        int columns = n == 0 ? 0 : targets[0].length;
        double[][] x = new double[features][n];
        double[][] t = new double[columns][n];
        for (int r = 0; r < n; r++) {
            if (inputs[r].length != features || targets[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has a different width from row 0");
            }
            for (int f = 0; f < features; f++) {
                x[f][r] = inputs[r][f];
            }
            for (int c = 0; c < columns; c++) {
                t[c][r] = targets[r][c];
            }
        }
        return new Samples(n, x, t);
    }

    /** No examples, with the given widths. */
    public static Samples empty(int features, int targetColumns) {
        return new Samples(0, new double[features][0], new double[targetColumns][0]);
    }

    public int count() {
        return count;
    }

    public int features() {
        return x.length;
    }

    public int targetColumns() {
        return t.length;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public double input(int r, int f) {
        return x[f][r];
    }

    public double target(int r, int c) {
        return t[c][r];
    }

    /** Example r's inputs as a new array. */
    public double[] inputRow(int r) {
        double[] row = new double[x.length];
        for (int f = 0; f < x.length; f++) {
            row[f] = x[f][r];
        }
        return row;
    }

    /** Example r's targets as a new array. */
    public double[] targetRow(int r) {
        double[] row = new double[t.length];
        for (int c = 0; c < t.length; c++) {
            row[c] = t[c][r];
        }
        return row;
    }

    /** Copies examples {@code order[from … from+m)} into unit-major minibatch buffers. */
    void gather(int[] order, int from, int m, double[][] xOut, double[][] tOut) {
        gather(x, order, from, m, xOut);
        gather(t, order, from, m, tOut);
    }

    private static void gather(double[][] source, int[] order, int from, int m, double[][] out) {
        for (int c = 0; c < source.length; c++) {
            double[] src = source[c];
            double[] dst = out[c];
            for (int r = 0; r < m; r++) {
                dst[r] = src[order[from + r]];
            }
        }
    }

    /** Copies the consecutive examples {@code [from, from+m)} into unit-major buffers. */
    void slice(int from, int m, double[][] xOut, double[][] tOut) {
        for (int f = 0; f < x.length; f++) {
            System.arraycopy(x[f], from, xOut[f], 0, m);
        }
        for (int c = 0; c < t.length; c++) {
            System.arraycopy(t[c], from, tOut[c], 0, m);
        }
    }

    /** The inputs, unit-major (not a copy: engine code reads it and never changes it). */
    double[][] inputColumns() {
        return x;
    }

    /** The targets, unit-major (not a copy: engine code reads it and never changes it). */
    double[][] targetColumnsArray() {
        return t;
    }
}
