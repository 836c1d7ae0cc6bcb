package io.neuralplayground.session;

import java.util.Arrays;

/**
 * Every epoch's losses since a build, appended by the training thread and read in pieces by the window: the loss
 * curve gets every epoch even when many epochs pass between two frames. Thread-safe; reads copy.
 */
public final class EpochLog {
    private final long build;
    private int size;
    private int[] epochs = new int[1024];
    private double[] trainLoss = new double[1024];
    private double[] testLoss = new double[1024];

    EpochLog(long build) {
        this.build = build;
    }

    /** The build whose epochs this log holds. */
    public long build() {
        return build;
    }

    synchronized void add(int epoch, double train, double test) {
        if (size == epochs.length) {
            int capacity = size * 2;
            epochs = Arrays.copyOf(epochs, capacity);
            trainLoss = Arrays.copyOf(trainLoss, capacity);
            testLoss = Arrays.copyOf(testLoss, capacity);
        }
        epochs[size] = epoch;
        trainLoss[size] = train;
        testLoss[size] = test;
        size++;
    }

    public synchronized int size() {
        return size;
    }

    /** Entries {@code from} … size−1, copied. */
    public synchronized Slice since(int from) {
        int start = Math.min(Math.max(from, 0), size);
        return new Slice(start, Arrays.copyOfRange(epochs, start, size), Arrays.copyOfRange(trainLoss, start, size),
                Arrays.copyOfRange(testLoss, start, size));
    }

    /** A piece of the log: entry {@code start} and the ones after it. */
    public record Slice(int start, int[] epochs, double[] trainLoss, double[] testLoss) {
        public int length() {
            return epochs.length;
        }

        /** The index to ask for next. */
        public int end() {
            return start + epochs.length;
        }
    }
}
