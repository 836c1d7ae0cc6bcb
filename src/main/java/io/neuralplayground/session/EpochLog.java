package io.neuralplayground.session;

import io.neuralplayground.engine.EpochResult;
import java.util.Arrays;

/**
 * Every epoch's losses and accuracies since a build, appended by the training thread and read in pieces by the
 * window: the curves get every epoch even when many epochs pass between two frames. An accuracy is the fraction of
 * examples classified correctly, {@code accuracy = #{i : predicted(xᵢ) = yᵢ} / n}, NaN where there is none
 * (regression; no test data), as in {@link EpochResult}. Thread-safe; reads copy.
 */
public final class EpochLog {
    private final long build;
    private int size;
    private int[] epochs = new int[1024];
    private double[] trainLoss = new double[1024];
    private double[] testLoss = new double[1024];
    private double[] trainAccuracy = new double[1024];
    private double[] testAccuracy = new double[1024];
    private double[] validationLoss = new double[1024];
    private double[] validationAccuracy = new double[1024];

    EpochLog(long build) {
        this.build = build;
    }

    /** The build whose epochs this log holds. */
    public long build() {
        return build;
    }

    /** Appends what {@code result} measured, at its epoch. */
    void add(EpochResult result) {
        add(result.epoch(), result.trainLoss(), result.testLoss(), result.trainAccuracy(), result.testAccuracy(),
                result.validationLoss(), result.validationAccuracy());
    }

    /** Appends every entry of {@code history}, as a saved session brings it back. */
    void addAll(Slice history) {
        for (int i = 0; i < history.length(); i++) {
            add(history.epochs()[i], history.trainLoss()[i], history.testLoss()[i], history.trainAccuracy()[i],
                    history.testAccuracy()[i], history.validationLoss()[i], history.validationAccuracy()[i]);
        }
    }

    synchronized void add(int epoch, double train, double test, double trainAcc, double testAcc, double validation,
            double validationAcc) {
        if (size == epochs.length) {
            int capacity = size * 2;
            epochs = Arrays.copyOf(epochs, capacity);
            trainLoss = Arrays.copyOf(trainLoss, capacity);
            testLoss = Arrays.copyOf(testLoss, capacity);
            trainAccuracy = Arrays.copyOf(trainAccuracy, capacity);
            testAccuracy = Arrays.copyOf(testAccuracy, capacity);
            validationLoss = Arrays.copyOf(validationLoss, capacity);
            validationAccuracy = Arrays.copyOf(validationAccuracy, capacity);
        }
        epochs[size] = epoch;
        trainLoss[size] = train;
        testLoss[size] = test;
        trainAccuracy[size] = trainAcc;
        testAccuracy[size] = testAcc;
        validationLoss[size] = validation;
        validationAccuracy[size] = validationAcc;
        size++;
    }

    public synchronized int size() {
        return size;
    }

    /** Entries {@code from} … size−1, copied. */
    public synchronized Slice since(int from) {
        int start = Math.min(Math.max(from, 0), size);
        return new Slice(start, Arrays.copyOfRange(epochs, start, size), Arrays.copyOfRange(trainLoss, start, size),
                Arrays.copyOfRange(testLoss, start, size), Arrays.copyOfRange(trainAccuracy, start, size),
                Arrays.copyOfRange(testAccuracy, start, size), Arrays.copyOfRange(validationLoss, start, size),
                Arrays.copyOfRange(validationAccuracy, start, size));
    }

    /**
     * A piece of the log: entry {@code start} and the ones after it, one column per measure, all of one length.
     *
     * @param trainAccuracy fraction of the training examples classified correctly (NaN for regression)
     * @param testAccuracy  the same on the test examples (NaN for regression or without test data)
     * @param validationLoss     mean loss on the validation examples (NaN without validation data)
     * @param validationAccuracy the fraction of them classified correctly (NaN also for regression)
     */
    public record Slice(int start, int[] epochs, double[] trainLoss, double[] testLoss, double[] trainAccuracy,
            double[] testAccuracy, double[] validationLoss, double[] validationAccuracy) {
        public Slice {
            int n = epochs.length;
            if (trainLoss.length != n || testLoss.length != n || trainAccuracy.length != n
                    || testAccuracy.length != n || validationLoss.length != n || validationAccuracy.length != n) {
                throw new IllegalArgumentException("the slice's columns differ in length");
            }
        }

        /** A slice of a run without validation data (its validation columns NaN). */
        public Slice(int start, int[] epochs, double[] trainLoss, double[] testLoss, double[] trainAccuracy,
                double[] testAccuracy) {
            this(start, epochs, trainLoss, testLoss, trainAccuracy, testAccuracy, nans(epochs.length),
                    nans(epochs.length));
        }

        private static double[] nans(int n) {
            double[] values = new double[n];
            Arrays.fill(values, Double.NaN);
            return values;
        }

        public int length() {
            return epochs.length;
        }

        /** The index to ask for next. */
        public int end() {
            return start + epochs.length;
        }
    }
}
