package io.neuralplayground.engine;

/**
 * How the examples of K classes were classified: {@code C[i][j]} examples of true class i were predicted as class
 * j (scikit-learn's {@code confusion_matrix} layout: rows true, columns predicted). Immutable.
 *
 * <p>With n = Σᵢⱼ C[i][j] examples, for class k: TPₖ = C[k][k], its row total Rₖ = Σⱼ C[k][j] (its support, the
 * examples truly of class k) and its column total Pₖ = Σᵢ C[i][k] (the examples predicted as k), so FPₖ = Pₖ − TPₖ and
 * FNₖ = Rₖ − TPₖ. The per-class measures follow scikit-learn's {@code precision_recall_fscore_support} with
 * {@code zero_division=0}: a ratio whose denominator is 0 is 0, not NaN (its default warns and gives 0 too), so a
 * class never predicted has precision 0 and a class with no examples recall 0. Averages are taken over all K classes,
 * as scikit-learn's with {@code labels=range(K)}, absent classes included.
 */
public final class ConfusionMatrix {
    private final int[][] counts;
    private final int[] rowTotals;
    private final int[] columnTotals;
    private final int total;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
        int k = counts.length;
        rowTotals = new int[k];
        columnTotals = new int[k];
        int sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowTotals[i] += counts[i][j];
                columnTotals[j] += counts[i][j];
                sum += counts[i][j];
            }
        }
        total = sum;
    }

    /**
     * Counts example r as true class {@code truth[r]} predicted as {@code predicted[r]}.
     *
     * @param classes K, at least 1; every index must be one of 0 … K−1
     * @throws IllegalArgumentException if the arrays differ in length or an index is out of range
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class, got " + classes);
        }
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length
                    + " predicted classes");
        }
        int[][] counts = new int[classes][classes];
        for (int r = 0; r < truth.length; r++) {
            checkClass(truth[r], classes, "true", r);
            checkClass(predicted[r], classes, "predicted", r);
            counts[truth[r]][predicted[r]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /**
     * The matrix of what {@code network} predicts for {@code samples}, whose targets are encoded by {@code encoding}
     * ({@link TargetEncoding#trueClasses}, {@link TargetEncoding#predictedClasses}).
     *
     * @throws IllegalStateException for {@link TargetEncoding#VALUE}: regression has no classes
     */
    public static ConfusionMatrix of(Network network, Samples samples, TargetEncoding encoding) {
        return of(encoding.trueClasses(samples), encoding.predictedClasses(network, samples),
                encoding.classCount(network.outputs()));
    }

    private static void checkClass(int k, int classes, String which, int r) {
        if (k < 0 || k >= classes) {
            throw new IllegalArgumentException("the " + which + " class " + k + " of example " + r
                    + " is not one of the " + classes + " class indices");
        }
    }

    /** K, the number of classes (rows and columns). */
    public int classes() {
        return counts.length;
    }

    /** C[i][j]: examples of true class i predicted as class j. */
    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** A copy of the counts, {@code [true class][predicted class]}. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** n = Σᵢⱼ C[i][j], every example counted. */
    public int total() {
        return total;
    }

    /** Rᵢ = Σⱼ C[i][j]: the examples truly of class i. */
    public int rowTotal(int trueClass) {
        return rowTotals[trueClass];
    }

    /** Pⱼ = Σᵢ C[i][j]: the examples predicted as class j. */
    public int columnTotal(int predictedClass) {
        return columnTotals[predictedClass];
    }

    /** Σₖ C[k][k]: the examples classified correctly (the trace). */
    public int correct() {
        int sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += counts[k][k];
        }
        return sum;
    }

    /**
     * C[i][j] / Rᵢ: the share of class i's examples predicted as j (scikit-learn's {@code normalize='true'}); NaN
     * for a class with no examples, whose row has no shares to show.
     */
    public double rowShare(int trueClass, int predictedClass) {
        int row = rowTotals[trueClass];
        return row == 0 ? Double.NaN : (double) counts[trueClass][predictedClass] / row;
    }

    /** Σₖ C[k][k] / n, the fraction classified correctly; NaN when there are no examples (no test set). */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** Examples truly of class k: Rₖ, scikit-learn's support. */
    public int support(int k) {
        return rowTotals[k];
    }

    /** Precisionⱼ = TPⱼ / Pⱼ = C[j][j] / Σᵢ C[i][j]; 0 when nothing is predicted as j. */
    public double precision(int k) {
        return ratio(counts[k][k], columnTotals[k]);
    }

    /** Recallᵢ = TPᵢ / Rᵢ = C[i][i] / Σⱼ C[i][j]; 0 when class i has no examples. */
    public double recall(int k) {
        return ratio(counts[k][k], rowTotals[k]);
    }

    /**
     * F1ₖ = 2·TPₖ / (2·TPₖ + FPₖ + FNₖ) = 2·TPₖ / (Pₖ + Rₖ), the harmonic mean 2·P·R / (P + R) of precision and recall
     * whenever TPₖ &gt; 0, computed from the counts so that no rounding of P and R enters; 0 when TPₖ = 0 (then
     * precision or recall is 0, or the class neither occurs nor is predicted).
     */
    public double f1(int k) {
        return ratio(2 * counts[k][k], columnTotals[k] + rowTotals[k]);
    }

    /** (1/K) Σₖ Precisionₖ, every class weighing the same. */
    public double macroPrecision() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += precision(k);
        }
        return sum / counts.length;
    }

    /** (1/K) Σₖ Recallₖ, every class weighing the same. */
    public double macroRecall() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += recall(k);
        }
        return sum / counts.length;
    }

    /** (1/K) Σₖ F1ₖ (scikit-learn's macro F1: the mean of the F1s, not the F1 of the mean P and R). */
    public double macroF1() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += f1(k);
        }
        return sum / counts.length;
    }

    /** Σₖ Rₖ·Precisionₖ / n, each class weighed by its support; 0 when there are no examples. */
    public double weightedPrecision() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += rowTotals[k] * precision(k);
        }
        return total == 0 ? 0 : sum / total;
    }

    /** Σₖ Rₖ·Recallₖ / n, each class weighed by its support, which equals the accuracy; 0 when there are no examples. */
    public double weightedRecall() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += rowTotals[k] * recall(k);
        }
        return total == 0 ? 0 : sum / total;
    }

    /** Σₖ Rₖ·F1ₖ / n, each class weighed by its support; 0 when there are no examples. */
    public double weightedF1() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += rowTotals[k] * f1(k);
        }
        return total == 0 ? 0 : sum / total;
    }

    /** scikit-learn's {@code zero_division=0}: a measure whose denominator is 0 is 0. */
    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ConfusionMatrix[");
        for (int i = 0; i < counts.length; i++) {
            text.append(i == 0 ? "" : "; ").append(java.util.Arrays.toString(counts[i]));
        }
        return text.append(']').toString();
    }
}
