package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import java.util.List;

/**
 * The z-score of every input column, fitted on the training part only: {@code z = (x − μ_c) / σ_c} with the column's
 * mean {@code μ_c = (1/n) Σᵣ x_rc} and population standard deviation {@code σ_c = √((1/n) Σᵣ (x_rc − μ_c)²)} over the
 * n training examples (scikit-learn's {@code StandardScaler}: divisor n, not n − 1). Fitting on the training part
 * alone keeps the test examples unseen; the same μ and σ then go to both parts. A column whose training values are
 * all equal gets μ that value and σ = 1, as {@code StandardScaler} gives it scale 1, so that it becomes 0 instead of a
 * division by zero. Labels are left as they are. Immutable.
 *
 * <p>The fitted μ and σ are kept: a model trained on standardized inputs needs them to read raw ones, and holding an
 * input at its training mean is holding its standardized value at 0.
 */
public final class Standardization {
    private final List<String> columnNames;
    private final double[] means;
    private final double[] standardDeviations;

    private Standardization(List<String> columnNames, double[] means, double[] standardDeviations) {
        this.columnNames = columnNames;
        this.means = means;
        this.standardDeviations = standardDeviations;
    }

    /**
     * The mean and standard deviation of every column of {@code train}.
     *
     * @throws IllegalArgumentException if {@code train} has no examples
     * @throws PlaygroundException if a column's values are so large that their mean or spread overflows
     */
    public static Standardization fit(Dataset train) {
        int n = train.size();
        if (n == 0) {
            throw new IllegalArgumentException("standardizing needs at least one training example");
        }
        int columns = train.columnCount();
        double[] means = new double[columns];
        double[] sds = new double[columns];
        for (int c = 0; c < columns; c++) {
            double first = train.value(0, c);
            boolean constant = true;
            double sum = 0;
            for (int r = 0; r < n; r++) {
                double v = train.value(r, c);
                sum += v;
                constant &= v == first;
            }
            if (constant) {
                // Summing n equal values may not give n times the value back: take the value itself, so the
                // column becomes exactly 0.
                means[c] = first;
                sds[c] = 1;
                continue;
            }
            double mean = sum / n;
            // Two passes: the squares of deviations, not E[x²] − μ², which cancels badly for large offsets.
            double squares = 0;
            for (int r = 0; r < n; r++) {
                double d = train.value(r, c) - mean;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / n);
            if (!Double.isFinite(mean) || Double.isInfinite(sd)) {
                throw new PlaygroundException("The values of column '" + train.columnNames().get(c)
                        + "' are too large to standardize (their mean or spread is beyond a double): "
                        + "rescale the column or train without standardizing");
            }
            means[c] = mean;
            // Values so close together that their squared deviations underflow are as good as constant.
            sds[c] = sd > 0 ? sd : 1;
        }
        return new Standardization(train.columnNames(), means, sds);
    }

    /**
     * {@code data} with every value z-scored by this fit; names, labels, task and classes kept.
     *
     * @throws IllegalArgumentException unless {@code data} has the columns this was fitted on
     */
    public Dataset apply(Dataset data) {
        if (!data.columnNames().equals(columnNames)) {
            throw new IllegalArgumentException("standardization fitted on columns " + columnNames
                    + " cannot apply to columns " + data.columnNames());
        }
        double[][] rows = new double[data.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = standardize(data.row(r));
        }
        if (!data.isClassification()) {
            return Dataset.regression(data.name(), columnNames, rows, data.labels());
        }
        int[] classes = new int[data.size()];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = data.classIndex(r);
        }
        return Dataset.classification(data.name(), columnNames, rows, classes, data.classNames());
    }

    /** One example's raw column values, z-scored (a new array). */
    public double[] standardize(double[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException(row.length + " values for " + means.length + " columns");
        }
        double[] z = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            z[c] = (row[c] - means[c]) / standardDeviations[c];
        }
        return z;
    }

    /** The columns fitted, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** μ_c, column c's mean over the training examples. */
    public double mean(int column) {
        return means[column];
    }

    /** σ_c, column c's population standard deviation over the training examples; 1 for a constant column. */
    public double standardDeviation(int column) {
        return standardDeviations[column];
    }

    /** Every μ_c, in column order (a copy). */
    public double[] means() {
        return means.clone();
    }

    /** Every σ_c, in column order (a copy). */
    public double[] standardDeviations() {
        return standardDeviations.clone();
    }
}
