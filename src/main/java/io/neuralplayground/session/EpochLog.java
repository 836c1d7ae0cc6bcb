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

    EpochLog(long build) {
        this.build = build;
    }

    /** The build whose epochs this log holds. */
    public long build() {
        return build;
    }

    /** Appends what {@code result} measured, at its epoch. */
    void add(EpochResult result) {
        add(result.epoch(), result.trainLoss(), result.testLoss(), result.trainAccuracy(), result.testAccuracy());
    }

    synchronized void add(int epoch, double train, double test, double trainAcc, double testAcc) {
        if (size == epochs.length) {
            int capacity = size * 2;
            epochs = Arrays.copyOf(epochs, capacity);
            trainLoss = Arrays.copyOf(trainLoss, capacity);
            testLoss = Arrays.copyOf(testLoss, capacity);
            trainAccuracy = Arrays.copyOf(trainAccuracy, capacity);
            testAccuracy = Arrays.copyOf(testAccuracy, capacity);
        }
        epochs[size] = epoch;
        trainLoss[size] = train;
        testLoss[size] = test;
        trainAccuracy[size] = trainAcc;
        testAccuracy[size] = testAcc;
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
                Arrays.copyOfRange(testAccuracy, start, size));
    }

    /**
     * A piece of the log: entry {@code start} and the ones after it, one column per measure, all of one length.
     *
     * @param trainAccuracy fraction of the training examples classified correctly (NaN for regression)
     * @param testAccuracy  the same on the test examples (NaN for regression or without test data)
     */
    public record Slice(int start, int[] epochs, double[] trainLoss, double[] testLoss, double[] trainAccuracy,
            double[] testAccuracy) {
        public Slice {
            int n = epochs.length;
            if (trainLoss.length != n || testLoss.length != n || trainAccuracy.length != n
                    || testAccuracy.length != n) {
                throw new IllegalArgumentException("the slice's columns differ in length");
            }
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
