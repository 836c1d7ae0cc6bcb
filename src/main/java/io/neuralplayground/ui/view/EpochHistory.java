package io.neuralplayground.ui.view;

import io.neuralplayground.session.EpochLog;
import java.util.Arrays;

/**
 * Every epoch's losses and accuracies of one build, in growing primitive arrays (a million epochs are 36 MB, no
 * boxing), validation columns included. An accuracy is NaN where there is none (regression), as in the {@link EpochLog}.
 */
final class EpochHistory {
    private int size;
    private int[] epochs = new int[1024];
    private double[] trainLoss = new double[1024];
    private double[] testLoss = new double[1024];
    private double[] trainAccuracy = new double[1024];
    private double[] testAccuracy = new double[1024];
    private double[] validationLoss = new double[1024];
    private double[] validationAccuracy = new double[1024];

    void clear() {
        size = 0;
    }

    void append(EpochLog.Slice slice) {
        int n = slice.length();
        if (size + n > epochs.length) {
            int capacity = Math.max(epochs.length * 2, size + n);
            epochs = Arrays.copyOf(epochs, capacity);
            trainLoss = Arrays.copyOf(trainLoss, capacity);
            testLoss = Arrays.copyOf(testLoss, capacity);
            trainAccuracy = Arrays.copyOf(trainAccuracy, capacity);
            testAccuracy = Arrays.copyOf(testAccuracy, capacity);
            validationLoss = Arrays.copyOf(validationLoss, capacity);
            validationAccuracy = Arrays.copyOf(validationAccuracy, capacity);
        }
        System.arraycopy(slice.epochs(), 0, epochs, size, n);
        System.arraycopy(slice.trainLoss(), 0, trainLoss, size, n);
        System.arraycopy(slice.testLoss(), 0, testLoss, size, n);
        System.arraycopy(slice.trainAccuracy(), 0, trainAccuracy, size, n);
        System.arraycopy(slice.testAccuracy(), 0, testAccuracy, size, n);
        System.arraycopy(slice.validationLoss(), 0, validationLoss, size, n);
        System.arraycopy(slice.validationAccuracy(), 0, validationAccuracy, size, n);
        size += n;
    }

    int size() {
        return size;
    }

    /** The backing arrays; entries 0 … size−1 are valid. */
    int[] epochs() {
        return epochs;
    }

    double[] trainLoss() {
        return trainLoss;
    }

    double[] testLoss() {
        return testLoss;
    }

    double[] trainAccuracy() {
        return trainAccuracy;
    }

    double[] testAccuracy() {
        return testAccuracy;
    }

    double[] validationLoss() {
        return validationLoss;
    }

    double[] validationAccuracy() {
        return validationAccuracy;
    }

    /** Whether the build has validation data: its first epoch measured a validation loss. */
    boolean hasValidation() {
        return size > 0 && !Double.isNaN(validationLoss[0]);
    }
}
