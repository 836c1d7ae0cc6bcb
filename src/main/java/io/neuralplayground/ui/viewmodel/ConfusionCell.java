package io.neuralplayground.ui.viewmodel;

/**
 * One cell of a confusion matrix: the examples of the training or the test part whose true class is
 * {@code trueClass} and whose predicted class is {@code predictedClass}.
 */
public record ConfusionCell(boolean testPart, int trueClass, int predictedClass) {

    /** Whether an example of the cell's part with true class {@code truth}, predicted {@code predicted}, is in it. */
    public boolean holds(int truth, int predicted) {
        return truth == trueClass && predicted == predictedClass;
    }
}
