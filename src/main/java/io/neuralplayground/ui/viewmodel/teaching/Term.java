package io.neuralplayground.ui.viewmodel.teaching;

import java.util.Arrays;

/**
 * A labelled matrix of the stepper: a symbol as the formula writes it ("W(2)", "h(1)", "∂L/∂a(2)"), a caption
 * saying what its rows and columns are ("units × inputs, textbook"), and the numbers, in the layout the steps
 * were made for. A vector is a one-column (textbook) or one-row (Keras) matrix, a number a 1 × 1 matrix.
 */
public record Term(String symbol, String caption, double[][] values) {

    public Term {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("a term needs at least one value: " + symbol);
        }
        values = copy(values);
    }

    /** The caption of a plain number (the loss), which is written without brackets. */
    public static final String NUMBER = "a number";

    /** A plain number, not a vector of one. */
    public static Term scalar(String symbol, double value) {
        return new Term(symbol, NUMBER, new double[][] {{value}});
    }

    /** Whether this is a plain number rather than a matrix. */
    public boolean isNumber() {
        return NUMBER.equals(caption) && rows() == 1 && columns() == 1;
    }

    public int rows() {
        return values.length;
    }

    public int columns() {
        return values[0].length;
    }

    /** Entry (row, column). */
    public double get(int row, int column) {
        return values[row][column];
    }

    @Override
    public double[][] values() {
        return copy(values);
    }

    /** The same term transposed, with another symbol and caption. */
    public Term transposed(String newSymbol, String newCaption) {
        return new Term(newSymbol, newCaption, transpose(values));
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            c[r] = m[r].clone();
            if (c[r].length != m[0].length) {
                throw new IllegalArgumentException("ragged matrix");
            }
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Term t && symbol.equals(t.symbol) && caption.equals(t.caption)
                && Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return symbol.hashCode() * 31 + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return symbol + " = " + Arrays.deepToString(values);
    }
}
