package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.engine.ConfusionMatrix;
import java.util.List;

/**
 * How well one snapshot's network classifies: the confusion matrices of the training and the test examples, and
 * the class it predicts for each example (in the order of the split's datasets), so that the examples of one cell
 * can be found again.
 *
 * @param build          the snapshot's build
 * @param epoch          the snapshot's epoch
 * @param classNames     the classes, in index order
 * @param train          the matrix of the training examples
 * @param test           the matrix of the test examples (all zeros without any)
 * @param trainPredicted the predicted class of training example r at [r]
 * @param testPredicted  the same for the test examples
 */
public record ClassReport(long build, int epoch, List<String> classNames, ConfusionMatrix train,
        ConfusionMatrix test, int[] trainPredicted, int[] testPredicted) {

    /** The matrix of the training part, or of the test part. */
    public ConfusionMatrix matrix(boolean testPart) {
        return testPart ? test : train;
    }

    /** The predicted classes of the training part, or of the test part. */
    public int[] predicted(boolean testPart) {
        return testPart ? testPredicted : trainPredicted;
    }
}
