package io.neuralplayground.ui.view;

import io.neuralplayground.session.EpochLog;
import java.util.Arrays;

/** Every epoch's losses of one build, in growing primitive arrays (a million epochs are 20 MB, no boxing). */
final class LossHistory {
    private int size;
    private int[] epochs = new int[1024];
    private double[] train = new double[1024];
    private double[] test = new double[1024];

    void clear() {
        size = 0;
    }

    void append(EpochLog.Slice slice) {
        int n = slice.length();
        if (size + n > epochs.length) {
            int capacity = Math.max(epochs.length * 2, size + n);
            epochs = Arrays.copyOf(epochs, capacity);
            train = Arrays.copyOf(train, capacity);
            test = Arrays.copyOf(test, capacity);
        }
        System.arraycopy(slice.epochs(), 0, epochs, size, n);
        System.arraycopy(slice.trainLoss(), 0, train, size, n);
        System.arraycopy(slice.testLoss(), 0, test, size, n);
        size += n;
    }

    int size() {
        return size;
    }

    /** The backing arrays; entries 0 … size−1 are valid. */
    int[] epochs() {
        return epochs;
    }

    double[] train() {
        return train;
    }

    double[] test() {
        return test;
    }
}
